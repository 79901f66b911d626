package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The value-flow tables on small sources, row by row. Rows are printed with the source text of
 * the expressions they link to, so an expected row reads like the code it describes.
 */
class TestFlowFacts {
    /** One file's facts, with every expression id mapped to its source text for readable rows. */
    private static final class Walked {
        final FileFacts facts;
        final String source;
        final Map<String, String> defNames = new HashMap<>();
        final Map<String, String> exprs = new HashMap<>();

        Walked(String source) {
            this.source = source;
            ParseResult parsed = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8), PythonVersion.PY311);
            assertThat(parsed.errors()).isEmpty();
            StableIds ids = new StableIds();
            ids.startFile("m.py");
            facts = new FileFacts("m.py");
            new FactWalker(parsed.source().bytes(), ids, facts, "<module>", parsed.module(), false,
                    new CollectorEvents(FactCollectors.standard()), 1000, PythonVersion.PY311).walk();
            facts.finish();
            facts.defs().forEach(d -> defNames.put(d.id(), d.qualname()));
            facts.comprehensions().forEach(c -> defNames.put(c.id(), "comp@" + c.bstart()));
            facts.rows(ExprRow.class).forEach(e -> exprs.put(e.id(), text(e.bstart(), e.bend())));
            facts.params().forEach(p -> defNames.put(p.id(), "param " + p.name()));
        }

        /** An expression's source text, or what is wrong with the id. */
        String expr(String id) {
            if (id == null) {
                return "-";
            }
            String text = exprs.get(id);
            return text != null ? text : "<no row " + id + ">";
        }

        String text(long bstart, long bend) {
            byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
            return new String(bytes, (int) bstart, (int) (bend - bstart), StandardCharsets.UTF_8);
        }

        String scope(String scopeId) {
            return defNames.getOrDefault(scopeId, scopeId);
        }

        /** The callee text of a call id. */
        String calls(String callId) {
            return facts.calls().stream().filter(c -> c.id().equals(callId)).map(CallRow::calleeText).findFirst()
                    .orElse("<no call " + callId + ">");
        }

        <R extends Row> List<String> rows(Class<R> type, Function<R, String> show) {
            return facts.rows(type).stream().map(show).toList();
        }
    }

    @Test
    void classBasesHavePositionsKeywordsStarsAndDottedNames() {
        Walked w = new Walked("""
                def f():
                    class C(a.b.C, *mixins, D[int], metaclass=M, **extra):
                        class Inner(C, x=1):
                            pass
                """);
        assertThat(w.rows(ClassBaseRow.class, r -> w.scope(r.defId()) + " " + r.position() + " " + r.keyword() + " "
                + r.isStarred() + " '" + r.text() + "' " + r.dottedName() + " in " + w.scope(r.scopeId())
                + (r.exprId().startsWith("py_expr.") ? "" : " bad expr id"))).containsExactly(
                "f.<locals>.C 0 null false 'a.b.C' a.b.C in f",
                "f.<locals>.C 1 null true '*mixins' null in f",
                "f.<locals>.C 2 null false 'D[int]' null in f",
                "f.<locals>.C -1 metaclass false 'M' M in f",
                "f.<locals>.C -1 null true 'extra' extra in f",
                "f.<locals>.C.Inner 0 null false 'C' C in f.<locals>.C",
                "f.<locals>.C.Inner -1 x false '1' null in f.<locals>.C");
    }

    @Test
    void expressionsHaveKindContextLinksConstantKeysAndTheRowsOfTheirNodes() {
        Walked w = new Walked("""
                x.a = t[0] + d["k"] + t[-1] + t[i]
                del x.b
                f(lambda: 1, *[v for v in w])
                s = f"{x!r:>{width}}"
                """);
        assertThat(w.rows(ExprRow.class, r -> r.kind() + "/" + r.nodeType() + " '" + w.text(r.bstart(), r.bend()) + "' "
                + r.ctx() + " name=" + r.name() + " attr=" + r.attr() + " base=" + w.expr(r.baseExprId()) + " index="
                + w.expr(r.indexExprId()) + " value=" + w.expr(r.valueExprId()) + " const=" + r.constKind() + ":"
                + r.constText())).containsExactly(
                "ATTRIBUTE/Attribute 'x.a' STORE name=null attr=a base=x index=- value=- const=null:null",
                "NAME/Name 'x' LOAD name=x attr=null base=- index=- value=- const=null:null",
                "OTHER/BinOp 't[0] + d[\"k\"] + t[-1] + t[i]' null name=null attr=null base=- index=- value=- const=null:null",
                "OTHER/BinOp 't[0] + d[\"k\"] + t[-1]' null name=null attr=null base=- index=- value=- const=null:null",
                "OTHER/BinOp 't[0] + d[\"k\"]' null name=null attr=null base=- index=- value=- const=null:null",
                "SUBSCRIPT/Subscript 't[0]' LOAD name=null attr=null base=t index=0 value=- const=INT:0",
                "NAME/Name 't' LOAD name=t attr=null base=- index=- value=- const=null:null",
                "CONST/Constant '0' null name=null attr=null base=- index=- value=- const=INT:0",
                "SUBSCRIPT/Subscript 'd[\"k\"]' LOAD name=null attr=null base=d index=\"k\" value=- const=STR:k",
                "NAME/Name 'd' LOAD name=d attr=null base=- index=- value=- const=null:null",
                "CONST/Constant '\"k\"' null name=null attr=null base=- index=- value=- const=STR:k",
                "SUBSCRIPT/Subscript 't[-1]' LOAD name=null attr=null base=t index=-1 value=- const=INT:-1",
                "NAME/Name 't' LOAD name=t attr=null base=- index=- value=- const=null:null",
                "OTHER/UnaryOp '-1' null name=null attr=null base=- index=- value=- const=null:null",
                "CONST/Constant '1' null name=null attr=null base=- index=- value=- const=INT:1",
                "SUBSCRIPT/Subscript 't[i]' LOAD name=null attr=null base=t index=i value=- const=null:null",
                "NAME/Name 't' LOAD name=t attr=null base=- index=- value=- const=null:null",
                "NAME/Name 'i' LOAD name=i attr=null base=- index=- value=- const=null:null",
                "ATTRIBUTE/Attribute 'x.b' DEL name=null attr=b base=x index=- value=- const=null:null",
                "NAME/Name 'x' LOAD name=x attr=null base=- index=- value=- const=null:null",
                "CALL/Call 'f(lambda: 1, *[v for v in w])' null name=null attr=null base=f index=- value=- const=null:null",
                "NAME/Name 'f' LOAD name=f attr=null base=- index=- value=- const=null:null",
                "LAMBDA/Lambda 'lambda: 1' null name=null attr=null base=- index=- value=- const=null:null",
                "CONST/Constant '1' null name=null attr=null base=- index=- value=- const=INT:1",
                "STARRED/Starred '*[v for v in w]' LOAD name=null attr=null base=- index=- value=[v for v in w] const=null:null",
                "COMPREHENSION/ListComp '[v for v in w]' null name=null attr=null base=- index=- value=- const=null:null",
                "NAME/Name 'v' LOAD name=v attr=null base=- index=- value=- const=null:null",
                "NAME/Name 'v' STORE name=v attr=null base=- index=- value=- const=null:null",
                "NAME/Name 'w' LOAD name=w attr=null base=- index=- value=- const=null:null",
                "NAME/Name 's' STORE name=s attr=null base=- index=- value=- const=null:null",
                "OTHER/JoinedStr 'f\"{x!r:>{width}}\"' null name=null attr=null base=- index=- value=- const=null:null",
                "NAME/Name 'x' LOAD name=x attr=null base=- index=- value=- const=null:null",
                "NAME/Name 'width' LOAD name=width attr=null base=- index=- value=- const=null:null");
        List<ExprRow> rows = w.facts.rows(ExprRow.class);
        Map<String, String> refs = new HashMap<>();
        w.facts.names().forEach(n -> refs.put(n.id(), "name"));
        w.facts.calls().forEach(c -> refs.put(c.id(), "call"));
        w.facts.defs().forEach(d -> refs.put(d.id(), "def"));
        w.facts.comprehensions().forEach(c -> refs.put(c.id(), "comp"));
        assertThat(rows.stream().filter(r -> r.refId() != null).map(r -> r.kind() + "->" + refs.get(r.refId())).distinct())
                .containsExactly("NAME->name", "CALL->call", "LAMBDA->def", "COMPREHENSION->comp");
        assertThat(rows.stream().filter(r -> r.kind() == ExprKind.NAME || r.kind() == ExprKind.CALL
                || r.kind() == ExprKind.LAMBDA || r.kind() == ExprKind.COMPREHENSION).allMatch(r -> r.refId() != null))
                .isTrue();
    }

    @Test
    void assignmentsPairEveryTargetWithItsValue() {
        Walked w = new Walked("""
                a = b.c = v
                x += 1
                y: int = 2
                z: int
                def f(xs):
                    return [(y := g(x)) for x in xs]
                class C:
                    attr = 1
                """);
        assertThat(w.rows(AssignmentRow.class, r -> r.kind() + " " + w.expr(r.targetExprId()) + " <- "
                + w.expr(r.valueExprId()) + " #" + r.targetIndex() + "/" + r.targetCount() + " op=" + r.op() + " in "
                + w.scope(r.scopeId()) + " stmt='" + w.text(r.stmtBstart(), r.stmtBend()) + "'")).containsExactly(
                "ASSIGN a <- v #0/2 op=null in <module> stmt='a = b.c = v'",
                "ASSIGN b.c <- v #1/2 op=null in <module> stmt='a = b.c = v'",
                "AUG_ASSIGN x <- 1 #0/1 op=Add in <module> stmt='x += 1'",
                "ANN_ASSIGN y <- 2 #0/1 op=null in <module> stmt='y: int = 2'",
                "NAMED_EXPR y <- g(x) #0/1 op=null in comp@" + w.source.indexOf("[(y") + " stmt='y := g(x)'",
                "ASSIGN attr <- 1 #0/1 op=null in C stmt='attr = 1'");
    }

    @Test
    void unpackingTargetsAreTakenApartByTheirElements() {
        Walked w = new Walked("""
                a, (b, *c) = v
                [p, *q, r, s] = w
                """);
        assertThat(w.rows(ElementRow.class, r -> w.expr(r.containerExprId()) + " " + r.containerKind() + " " + r.ctx()
                + " [" + r.index() + "] " + w.expr(r.elementExprId()) + (r.isStarred() ? " starred" : "") + " of "
                + r.elementCount() + " star@" + r.starIndex())).containsExactly(
                "a, (b, *c) TUPLE STORE [0] a of 2 star@-1",
                "a, (b, *c) TUPLE STORE [1] (b, *c) of 2 star@-1",
                "(b, *c) TUPLE STORE [0] b of 2 star@1",
                "(b, *c) TUPLE STORE [1] c starred of 2 star@1",
                "[p, *q, r, s] LIST STORE [0] p of 4 star@1",
                "[p, *q, r, s] LIST STORE [1] q starred of 4 star@1",
                "[p, *q, r, s] LIST STORE [2] r of 4 star@1",
                "[p, *q, r, s] LIST STORE [3] s of 4 star@1");
    }

    @Test
    void dictEntriesHaveKeysConstantKeysAndDoubleStars() {
        Walked w = new Walked("""
                d = {"k": 1, **m, 2: x, y: {*s, t}}
                e = {k: v for k, v in items}
                """);
        assertThat(w.rows(ElementRow.class, r -> w.expr(r.containerExprId()) + " " + r.containerKind() + " ["
                + r.index() + "] " + w.expr(r.keyExprId()) + " " + r.keyConstKind() + ":" + r.keyConstText() + " -> "
                + w.expr(r.elementExprId()) + (r.isStarred() ? " starred" : "") + (r.isDoubleStar() ? " double-star" : "")
                + " of " + r.elementCount())).containsExactly(
                "{\"k\": 1, **m, 2: x, y: {*s, t}} DICT [0] \"k\" STR:k -> 1 of 4",
                "{\"k\": 1, **m, 2: x, y: {*s, t}} DICT [1] - null:null -> m double-star of 4",
                "{\"k\": 1, **m, 2: x, y: {*s, t}} DICT [2] 2 INT:2 -> x of 4",
                "{\"k\": 1, **m, 2: x, y: {*s, t}} DICT [3] y null:null -> {*s, t} of 4",
                "{*s, t} SET [0] - null:null -> s starred of 2",
                "{*s, t} SET [1] - null:null -> t of 2",
                "{k: v for k, v in items} COMPREHENSION [-1] k null:null -> v of 1",
                "k, v TUPLE [0] - null:null -> k of 2",
                "k, v TUPLE [1] - null:null -> v of 2");
    }

    @Test
    void callArgumentsHavePositionsKeywordsAndStars() {
        Walked w = new Walked("""
                f(1, *a, x, k=2, **kw, j=g(y))
                """);
        assertThat(w.rows(CallArgRow.class, r -> "'" + w.text(r.bstart(), r.bend()) + "' -> " + w.expr(r.argExprId())
                + " pos=" + r.position() + " kw=" + r.keyword() + (r.isStar() ? " *" : "") + (r.isDoubleStar() ? " **" : "")
                + " of " + w.calls(r.callId()))).containsExactly(
                "'1' -> 1 pos=0 kw=null of f",
                "'*a' -> a pos=1 kw=null * of f",
                "'x' -> x pos=2 kw=null of f",
                "'k=2' -> 2 pos=-1 kw=k of f",
                "'**kw' -> kw pos=-1 kw=null ** of f",
                "'j=g(y)' -> g(y) pos=-1 kw=j of f",
                "'y' -> y pos=0 kw=null of g");
    }

    @Test
    void forWithAndComprehensionGeneratorsBindTargetsFromSources() {
        Walked w = new Walked("""
                with a as (x, y), b:
                    pass
                async def g():
                    async for i in it:
                        pass
                    async with c as d:
                        pass
                    return [p * q async for p in ps if p for q in qs]
                """);
        assertThat(w.rows(IterationRow.class, r -> r.kind() + (r.isAsync() ? " async" : "") + " "
                + w.expr(r.targetExprId()) + " <- " + w.expr(r.sourceExprId()) + " #" + r.itemIndex() + " in "
                + w.scope(r.scopeId()) + " comp=" + w.scope(r.compId()))).containsExactly(
                "WITH (x, y) <- a #0 in <module> comp=null",
                "WITH - <- b #1 in <module> comp=null",
                "FOR async i <- it #0 in g comp=null",
                "WITH async d <- c #0 in g comp=null",
                "COMPREHENSION async p <- ps #0 in comp@" + w.source.indexOf("[p") + " comp=comp@" + w.source.indexOf("[p"),
                "COMPREHENSION q <- qs #1 in comp@" + w.source.indexOf("[p") + " comp=comp@" + w.source.indexOf("[p"));
    }

    @Test
    void returnsYieldsAwaitsAndLambdaBodies() {
        Walked w = new Walked("""
                def f():
                    yield
                    x = yield v
                    yield from g()
                    return
                async def h():
                    return await c
                k = lambda y: y + 1
                """);
        assertThat(w.rows(ReturnRow.class, r -> r.kind() + " '" + w.text(r.bstart(), r.bend()) + "' value="
                + w.expr(r.valueExprId()) + " expr=" + w.expr(r.exprId()) + " in " + w.scope(r.scopeId()) + " def="
                + w.scope(r.defId()))).containsExactly(
                "YIELD 'yield' value=- expr=yield in f def=f",
                "YIELD 'yield v' value=v expr=yield v in f def=f",
                "YIELD_FROM 'yield from g()' value=g() expr=yield from g() in f def=f",
                "RETURN 'return' value=- expr=- in f def=f",
                "RETURN 'return await c' value=await c expr=- in h def=h",
                "AWAIT 'await c' value=c expr=await c in h def=h",
                "LAMBDA 'lambda y: y + 1' value=y + 1 expr=lambda y: y + 1 in <lambda> def=<lambda>");
    }

    @Test
    void conditionalAndBooleanOperandsPassTheirValues() {
        Walked w = new Walked("""
                v = a if t else (b or c or d)
                """);
        assertThat(w.rows(OperandRow.class, r -> w.expr(r.exprId()) + " [" + r.position() + "] " + w.expr(r.operandExprId())))
                .containsExactly(
                        "a if t else (b or c or d) [0] a",
                        "a if t else (b or c or d) [1] b or c or d",
                        "b or c or d [0] b",
                        "b or c or d [1] c",
                        "b or c or d [2] d");
    }

    @Test
    void operatorOperandsCarryTheOperator() {
        Walked w = new Walked("""
                v = -a + b * c
                w = x < y <= z not in s
                """);
        assertThat(w.rows(OperatorOperandRow.class,
                r -> w.expr(r.exprId()) + " [" + r.position() + " " + r.op() + "] " + w.expr(r.operandExprId())))
                .containsExactly(
                        "-a + b * c [0 Add] -a",
                        "-a [0 USub] a",
                        "-a + b * c [1 Add] b * c",
                        "b * c [0 Mult] b",
                        "b * c [1 Mult] c",
                        "x < y <= z not in s [0 null] x",
                        "x < y <= z not in s [1 Lt] y",
                        "x < y <= z not in s [2 LtE] z",
                        "x < y <= z not in s [3 NotIn] s");
    }

    @Test
    void defaultsPairWithTheirParametersByPosition() {
        Walked w = new Walked("""
                def f(a, b=B, /, c=C, *args, d, e=E, **kw):
                    pass
                g = lambda x, y=Y: x
                """);
        assertThat(w.rows(ParamDefaultRow.class,
                r -> w.scope(r.defId()) + " " + w.scope(r.paramId()) + "=" + w.expr(r.valueExprId())))
                .containsExactly("f param b=B", "f param c=C", "f param e=E", "<lambda> param y=Y");
    }

    @Test
    void stackedDecoratorsLinkToTheirExpressionsInListOrder() {
        Walked w = new Walked("""
                @a.b
                @c(1)
                def f():
                    pass
                """);
        assertThat(w.rows(DecoratorRow.class, r -> r.position() + " " + w.expr(r.exprId()) + " on " + w.scope(r.defId())))
                .containsExactly("0 a.b on f", "1 c(1) on f");
    }

    @Test
    void annotationsOfParametersReturnsAndVariablesWithDottedAndStringForms() {
        Walked w = new Walked("""
                class C:
                    def m(self, x: int, y: "mod.D", *a: List[int], **k: " E ") -> "C":
                        self.z: t.Z = x
                        w: "List[int]"
                """);
        assertThat(w.rows(AnnotationRow.class, r -> r.kind() + " " + (r.kind() == AnnotationKind.VARIABLE
                ? w.expr(r.ownerId()) : w.scope(r.ownerId())) + ": '" + r.text() + "' dotted=" + r.dottedName()
                + (r.isString() ? " string" : "") + " expr=" + w.expr(r.annotationExprId()) + " def=" + w.scope(r.defId())
                + " in " + w.scope(r.scopeId()))).containsExactly(
                "PARAM param x: 'int' dotted=int expr=int def=C.m in C",
                "PARAM param y: '\"mod.D\"' dotted=mod.D string expr=\"mod.D\" def=C.m in C",
                "PARAM param a: 'List[int]' dotted=null expr=List[int] def=C.m in C",
                "PARAM param k: '\" E \"' dotted=E string expr=\" E \" def=C.m in C",
                "RETURN C.m: '\"C\"' dotted=C string expr=\"C\" def=C.m in C",
                "VARIABLE self.z: 't.Z' dotted=t.Z expr=t.Z def=null in C.m",
                "VARIABLE w: '\"List[int]\"' dotted=null string expr=\"List[int]\" def=null in C.m");
    }
}
