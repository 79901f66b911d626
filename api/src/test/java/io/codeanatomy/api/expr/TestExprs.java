package io.codeanatomy.api.expr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.codeanatomy.api.expr.Exprs.and;
import static io.codeanatomy.api.expr.Exprs.col;
import static io.codeanatomy.api.expr.Exprs.val;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestExprs {
    private static final Field<Long> BSTART = col("defs", "bstart", DataType.INT64);
    private static final Field<String> NAME = col("defs", "name", DataType.STRING);

    @Test
    void separatelyBuiltTreesAreEqualWithEqualHashCodes() {
        Condition a = BSTART.ge(10L).and(NAME.eq("f")).or(NAME.isNull());
        Condition b = col("defs", "bstart", DataType.INT64).ge(10L).and(col("defs", "name", DataType.STRING).eq("f"))
                .or(col("defs", "name", DataType.STRING).isNull());
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }

    @Test
    void treesDifferingInOneLeafAreNotEqual() {
        assertThat(BSTART.ge(10L)).isNotEqualTo(BSTART.ge(11L));
        assertThat(BSTART.ge(10L)).isNotEqualTo(BSTART.gt(10L));
        assertThat(col("defs", "bstart", DataType.INT64)).isNotEqualTo(col("refs", "bstart", DataType.INT64));
        assertThat(col("defs", "bstart", DataType.INT64)).isNotEqualTo(col("bstart", DataType.INT64));
        assertThat(val(1)).isNotEqualTo(val(1L));
    }

    @Test
    void binaryLiteralsCompareByContentAndAreCopied() {
        byte[] bytes = {1, 2, 3};
        Field<byte[]> literal = val(bytes);
        bytes[0] = 9;
        assertThat(literal).isEqualTo(val(new byte[] {1, 2, 3}));
        assertThat(literal.hashCode()).isEqualTo(val(new byte[] {1, 2, 3}).hashCode());
        assertThat(literal.toString()).isEqualTo("X'010203'");
    }

    @Test
    void conjunctionsFlattenAndDropTrue() {
        Condition a = BSTART.gt(1L);
        Condition b = BSTART.lt(9L);
        Condition c = NAME.ne("x");
        assertThat(and(and(a, b), c)).isEqualTo(and(a, and(b, c)));
        assertThat(and(a, b, c).children()).hasSize(3);
        assertThat(and(a, Exprs.trueCondition())).isEqualTo(a);
        assertThat(and()).isEqualTo(Exprs.trueCondition());
        assertThat(Exprs.or(a, Exprs.falseCondition())).isEqualTo(a);
    }

    @Test
    void comparingDifferentTypesFailsWithTheExpressionNamed() {
        Field<Long> wide = BSTART;
        @SuppressWarnings({"unchecked", "rawtypes"})
        Field<Long> narrow = (Field) val(3);
        assertThatThrownBy(() -> Exprs.eq(wide, narrow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defs.bstart")
                .hasMessageContaining("INT64")
                .hasMessageContaining("INT32");
    }

    @Test
    void arithmeticChecksItsOperands() {
        assertThatThrownBy(() -> Exprs.mod(val(1.5), val(2.0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integral");
        assertThat(Exprs.plus(BSTART, 1L).type()).isEqualTo(DataType.INT64);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Field<Long> text = (Field) NAME;
        assertThatThrownBy(() -> Exprs.neg(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not numeric");
    }

    @Test
    void caseBranchesShareOneType() {
        Field<String> label = Exprs.when(BSTART.lt(0L), val("negative")).when(BSTART.eq(0L), "zero").otherwise("positive");
        assertThat(label.type()).isEqualTo(DataType.STRING);
        assertThat(label.toString()).isEqualTo(
                "CASE WHEN (defs.bstart < 0) THEN 'negative' WHEN (defs.bstart = 0) THEN 'zero' ELSE 'positive' END");
        assertThat(new Evaluator(Map.of("defs.bstart", 0L)).eval(label)).isEqualTo("zero");
        assertThat(new Evaluator(Map.of("defs.bstart", -4L)).eval(label)).isEqualTo("negative");
        assertThat(Exprs.when(BSTART.lt(0L), val(1)).end().children()).last().isEqualTo(Exprs.nullOf(DataType.INT32));
    }

    @Test
    void structsDeriveTheirTypeAndMembersAreTypeChecked() {
        Field<Map<String, Object>> loc = Exprs.struct("bstart", BSTART, "name", NAME);
        assertThat(loc.type()).isEqualTo(DataType.struct(StructMember.of("bstart", DataType.INT64), StructMember.of("name", DataType.STRING)));
        Field<Long> start = Exprs.member(loc, "bstart", DataType.INT64);
        assertThat(new Evaluator(Map.of("defs.bstart", 7L, "defs.name", "f")).eval(start)).isEqualTo(7L);
        assertThatThrownBy(() -> Exprs.member(loc, "bstart", DataType.STRING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exprs.member(loc, "missing", DataType.STRING)).hasMessageContaining("no member 'missing'");
        assertThatThrownBy(() -> Exprs.struct(BSTART.as("a"), NAME.as("a"))).hasMessageContaining("more than once");
    }

    @Test
    void callsKeepNameReturnTypeAndArguments() {
        Field<String> upper = Exprs.call("upper", DataType.STRING, col("defs", "qname", DataType.STRING));
        assertThat(upper.kind()).isEqualTo(ExprKind.CALL);
        assertThat(Exprs.canonical(upper)).isEqualTo("upper(defs.qname:STRING):STRING");
        assertThat(new Evaluator(Map.of("defs.qname", "pkg.mod.f"), Map.of("upper", args -> ((String) args.get(0)).toUpperCase(java.util.Locale.ROOT)))
                .eval(upper)).isEqualTo("PKG.MOD.F");
    }

    @Test
    void inListMatchesThreeValuedLogic() {
        Condition in = NAME.in(List.of("a", "b"));
        assertThat(new Evaluator(Map.of("defs.name", "b")).eval(in)).isEqualTo(true);
        assertThat(new Evaluator(Map.of("defs.name", "c")).eval(in)).isEqualTo(false);
        assertThatThrownBy(() -> NAME.in(List.of())).hasMessageContaining("at least one value");
    }

    @Test
    void canonicalTextCarriesTypesAndExactDoubles() {
        Field<Double> score = col("c", "score", DataType.FLOAT64);
        Condition condition = score.gt(0.1).and(Exprs.coalesce(NAME, "?").ne("x"));
        assertThat(condition.toString()).isEqualTo("((c.score > 0.1) AND (COALESCE(defs.name, '?') <> 'x'))");
        assertThat(Exprs.canonical(condition)).isEqualTo(
                "((c.score:FLOAT64 > 0x1.999999999999ap-4:FLOAT64) AND (COALESCE(defs.name:STRING, '?':STRING) <> 'x':STRING))");
    }

    @Test
    void oddIdentifiersAreQuoted() {
        assertThat(col("my rel", "a`b", DataType.INT64).toString()).isEqualTo("`my rel`.`a``b`");
    }

    @Test
    void everyKindReportsItsOwnKind() {
        Field<Map<String, Object>> struct = Exprs.struct("a", BSTART);
        List<Field<?>> samples = List.of(val(1L), BSTART, BSTART.eq(1L), BSTART.isNull(), BSTART.in(List.of(1L)), and(BSTART.eq(1L), BSTART.eq(2L)),
                BSTART.eq(1L).not(), Exprs.condition(col("defs", "flag", DataType.BOOLEAN)), Exprs.plus(BSTART, 1L), Exprs.neg(BSTART),
                Exprs.when(BSTART.eq(1L), val(1L)).end(), BSTART.cast(DataType.STRING), Exprs.call("depth", DataType.INT32, NAME), struct,
                Exprs.member(struct, "a", DataType.INT64), Exprs.coalesce(BSTART, 0L));
        assertThat(samples).extracting(Field::kind).containsExactly(ExprKind.values());
    }
}
