package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class TestKernelPredicates {
    private static final StructType SCHEMA = ArrowSchemas.toKernel(SampleBatches.SCHEMA);
    private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl();
    private static final RexBuilder REX = new RexBuilder(TYPES);
    private static final RelDataType ROW = CalciteTypes.rowType(SCHEMA, TYPES);

    private static RexNode column(int index) {
        return REX.makeInputRef(ROW.getFieldList().get(index).getType(), index);
    }

    private static RexNode number(long value) {
        return REX.makeExactLiteral(BigDecimal.valueOf(value));
    }

    private static String translate(RexNode... filters) {
        return KernelPredicates.fromCalcite(List.of(filters), SCHEMA, REX).map(Predicate::toString).orElse("none");
    }

    @Test
    void comparisonsBecomeKernelComparisonsWithTheColumnsType() {
        RexNode idAtLeast = REX.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, column(0), number(2_500));
        RexNode countBelow = REX.makeCall(SqlStdOperatorTable.LESS_THAN, column(4), number(7));

        Optional<Predicate> predicate = KernelPredicates.fromCalcite(List.of(idAtLeast, countBelow), SCHEMA, REX);

        assertThat(predicate).isPresent();
        assertThat(predicate.get().getName()).isEqualTo("AND");
        assertThat(translate(idAtLeast)).isEqualTo("(column(`id`) >= 2500)");
        assertThat(translate(countBelow)).isEqualTo("(column(`count`) < 7)");
    }

    @Test
    void aLiteralOnTheLeftFlipsTheComparison() {
        RexNode literalFirst = REX.makeCall(SqlStdOperatorTable.LESS_THAN, number(10), column(0));

        assertThat(translate(literalFirst)).isEqualTo("(column(`id`) > 10)");
    }

    @Test
    void untranslatableConjunctsAreDroppedAndDisjunctionsNeedEveryBranch() {
        RexNode idEquals = REX.makeCall(SqlStdOperatorTable.EQUALS, column(0), number(3));
        RexNode columnsCompared = REX.makeCall(SqlStdOperatorTable.EQUALS, column(0), column(4));
        RexNode name = REX.makeCall(SqlStdOperatorTable.EQUALS, column(1), REX.makeLiteral("name-3"));

        assertThat(translate(REX.makeCall(SqlStdOperatorTable.AND, idEquals, columnsCompared)))
                .isEqualTo("(column(`id`) = 3)");
        assertThat(translate(REX.makeCall(SqlStdOperatorTable.OR, idEquals, columnsCompared))).isEqualTo("none");
        assertThat(translate(REX.makeCall(SqlStdOperatorTable.OR, idEquals, name)))
                .isEqualTo("((column(`id`) = 3) OR (column(`name`) = name-3))");
    }

    @Test
    void aLiteralWithoutAnExactValueOfTheColumnsTypeSkipsNothing() {
        RexNode fraction = REX.makeCall(SqlStdOperatorTable.GREATER_THAN, column(4),
                REX.makeExactLiteral(new BigDecimal("2.5")));
        RexNode tooBig = REX.makeCall(SqlStdOperatorTable.GREATER_THAN, column(4), number(1L << 40));
        RexNode nullLiteral = REX.makeCall(SqlStdOperatorTable.EQUALS, column(0),
                REX.makeNullLiteral(TYPES.createSqlType(SqlTypeName.BIGINT)));

        assertThat(translate(fraction)).isEqualTo("none");
        assertThat(translate(tooBig)).isEqualTo("none");
        assertThat(translate(nullLiteral)).isEqualTo("none");
    }

    @Test
    void nullChecksTranslate() {
        assertThat(translate(REX.makeCall(SqlStdOperatorTable.IS_NULL, column(1))))
                .isEqualTo("IS_NULL(column(`name`))");
        assertThat(translate(REX.makeCall(SqlStdOperatorTable.IS_NOT_NULL, column(5))))
                .isEqualTo("IS_NOT_NULL(column(`payload`))");
    }

    @Test
    void rangeSearchesAreExpandedIntoComparisons() {
        RexNode between = REX.makeBetween(column(0), number(10), number(20));
        RexNode in = REX.makeIn(column(4), List.of(number(1), number(5)));

        assertThat(between.getKind()).isEqualTo(SqlKind.SEARCH);
        assertThat(translate(between)).isEqualTo("((column(`id`) >= 10) AND (column(`id`) <= 20))");
        assertThat(translate(in)).isEqualTo("((column(`count`) = 1) OR (column(`count`) = 5))");
    }

    @Test
    void onlyCastsThatWidenAnIntegerAreLookedThrough() {
        RexNode widened = REX.makeCall(SqlStdOperatorTable.GREATER_THAN,
                REX.makeCast(TYPES.createSqlType(SqlTypeName.BIGINT), column(4)), number(7));
        RexNode narrowed = REX.makeCall(SqlStdOperatorTable.EQUALS,
                REX.makeCast(TYPES.createSqlType(SqlTypeName.INTEGER), column(2)), number(3));

        assertThat(translate(widened)).isEqualTo("(column(`count`) > 7)");
        assertThat(translate(narrowed)).isEqualTo("none");
    }

    @Test
    void stringsTranslateOnlyForEquality() {
        RexNode below = REX.makeCall(SqlStdOperatorTable.LESS_THAN, column(1), REX.makeLiteral("name-5"));
        RexNode equal = REX.makeCall(SqlStdOperatorTable.EQUALS, column(1), REX.makeLiteral("name-5"));

        assertThat(translate(below)).isEqualTo("none");
        assertThat(translate(equal)).isEqualTo("(column(`name`) = name-5)");
    }
}
