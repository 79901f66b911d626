package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestFactWalker {
    private static FileFacts extract(String source) {
        return new FileExtractor(PythonVersion.PY311, 1 << 20).extract("m.py", source.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(FileFacts facts) {
        return facts.names().stream().map(n -> n.name() + " " + n.ctx() + " " + n.introducedBy()).toList();
    }

    private static String text(String source, long bstart, long bend) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, (int) bstart, (int) (bend - bstart), StandardCharsets.UTF_8);
    }

    @Test
    void everyNameOccurrenceSaysWhatIntroducedIt() {
        String source = """
                import a.b as c
                x = y
                x += 1
                z: int = 2
                for i in x: pass
                with y as w: pass
                try: pass
                except E as e: pass
                del x
                f(v := 1)
                [t for t in y]
                match y:
                    case [m, *rest]: pass
                def g(p):
                    global G
                    def h():
                        nonlocal p
                class K: pass
                """;
        assertThat(names(extract(source))).containsExactly(
                "c STORE IMPORT", "x STORE ASSIGNMENT", "y LOAD REFERENCE", "x STORE AUG_ASSIGNMENT",
                "z STORE ANN_ASSIGNMENT", "int LOAD REFERENCE", "i STORE FOR_TARGET", "x LOAD REFERENCE",
                "y LOAD REFERENCE", "w STORE WITH_AS", "E LOAD REFERENCE", "e STORE EXCEPT_AS", "x DEL DEL",
                "f LOAD REFERENCE", "v STORE WALRUS", "t LOAD REFERENCE", "t STORE COMPREHENSION_TARGET",
                "y LOAD REFERENCE", "y LOAD REFERENCE", "m STORE MATCH_CAPTURE", "rest STORE MATCH_CAPTURE",
                "g STORE DEF_NAME", "p STORE PARAMETER", "G DECLARE GLOBAL", "h STORE DEF_NAME",
                "p DECLARE NONLOCAL", "K STORE CLASS_NAME");
    }

    @Test
    void defaultsDecoratorsAndTheFirstIteratorAreInTheEnclosingScope() {
        FileFacts facts = extract("""
                @deco
                def f(a=default, *, b=kw) -> ret:
                    return [x for x in first for y in second]
                """);
        String module = facts.file().id();
        String function = facts.defs().get(0).id();
        String comprehension = facts.comprehensions().get(0).id();
        assertThat(facts.names()).extracting(n -> n.name() + " " + (n.scopeId().equals(module) ? "module"
                : n.scopeId().equals(function) ? "function" : n.scopeId().equals(comprehension) ? "comp" : "?"))
                .containsExactly("deco module", "f module", "a function", "default module", "b function", "kw module",
                        "ret module", "x comp", "x comp", "first function", "y comp", "second comp");
        assertThat(facts.names()).filteredOn(n -> n.name().equals("ret")).extracting(NameRow::isAnnotation).containsExactly(true);
    }

    @Test
    void walrusInAComprehensionAlsoBindsInTheEnclosingFunction() {
        FileFacts facts = extract("def f(xs):\n    return [y := x for x in xs]\n");
        NameRow walrus = facts.names().stream().filter(n -> n.introducedBy() == NameIntroducer.WALRUS).findFirst().orElseThrow();
        assertThat(walrus.scopeId()).isEqualTo(facts.comprehensions().get(0).id());
        assertThat(walrus.bindingScopeId()).isEqualTo(facts.defs().get(0).id());
    }

    @Test
    void namesInsideAClassAreMangledInTheSymbolColumn() {
        FileFacts facts = extract("class _K:\n    def __m(self, __p):\n        return __p, __dunder__\n");
        assertThat(facts.names()).extracting(n -> n.name() + "=" + n.symbol())
                .containsExactly("_K=_K", "__m=_K__m", "self=self", "__p=_K__p", "__p=_K__p", "__dunder__=__dunder__");
    }

    @Test
    void nameSpansAreFoundInTheSourceEvenAcrossContinuationsAndComments() {
        String source = "def \\\n  f(a): pass\nclass  K (object): pass\nglobal  g1 ,\\\n g2\n"
                + "from m import (x  # c\n  as\n  y)\ntry: pass\nexcept (E  # c\n  ) as err: pass\n"
                + "match v:\n    case {**rest}: pass\n";
        FileFacts facts = extract(source);
        assertThat(facts.file().status()).isEqualTo(ParseStatus.OK);
        assertThat(facts.names()).as("names found").hasSizeGreaterThanOrEqualTo(8);
        for (NameRow n : facts.names()) {
            assertThat(text(source, n.bstart(), n.bend())).as(n.toString()).isEqualTo(n.name());
        }
        assertThat(facts.defs()).extracting(d -> text(source, d.nameBstart(), d.nameBend())).containsExactly("f", "K");
        assertThat(facts.scopeDecls()).extracting(d -> text(source, d.bstart(), d.bend())).containsExactly("g1", "g2");
    }

    @Test
    void lambdaHasAnEmptyNameSpanAtItsStart() {
        FileFacts facts = extract("f = lambda: 0\n");
        DefRow lambda = facts.defs().get(0);
        assertThat(lambda.kind()).isEqualTo(DefKind.LAMBDA);
        assertThat(lambda.name()).isEqualTo("<lambda>");
        assertThat(lambda.nameBstart()).isEqualTo(lambda.bstart()).isEqualTo(lambda.nameBend()).isEqualTo(4);
    }

    @Test
    void definitionsKnowTheirParentDecoratorsDocstringAndQualname() {
        FileFacts facts = extract("""
                class A:
                    '''doc'''
                    @staticmethod
                    @other.deco(1)
                    async def m():
                        def inner(): pass
                """);
        assertThat(facts.defs()).extracting(d -> d.kind() + " " + d.qualname() + " " + d.decoratorCount() + " " + d.hasDocstring())
                .containsExactly("CLASS A 0 true", "ASYNC_FUNCTION A.m 2 false", "FUNCTION A.m.<locals>.inner 0 false");
        assertThat(facts.defs().get(1).parentDefId()).isEqualTo(facts.defs().get(0).id());
        assertThat(facts.decorators()).extracting(d -> d.position() + " " + d.text() + " " + d.dottedName() + " " + d.isCall())
                .containsExactly("0 staticmethod staticmethod false", "1 other.deco(1) other.deco true");
    }

    @Test
    void callsCountTheirArgumentsAndNameTheirKeywords() {
        FileFacts facts = extract("a.b.c(1, *xs, k=2, **kw, j=3)\n(lambda: 0)()\n");
        assertThat(facts.calls()).extracting(c -> c.calleeText() + "|" + c.calleeDotted() + "|" + c.positionalCount() + "|"
                        + c.keywordCount() + "|" + c.keywordNames() + "|" + c.hasStarArgs() + "|" + c.hasStarKwargs())
                .containsExactly("a.b.c|a.b.c|2|3|[k, j]|true|true", "lambda: 0|null|0|0|[]|false|false");
    }

    @Test
    void importsHaveOneRowPerAlias() {
        FileFacts facts = extract("import a.b, c as d\nfrom ..e import (f, g as h)\nfrom . import *\n");
        assertThat(facts.imports()).extracting(i -> i.module() + " " + i.name() + " " + i.asname() + " " + i.boundName()
                        + " " + i.level() + " " + i.isFrom() + " " + i.isStar())
                .containsExactly("a.b null null a 0 false false", "c null d d 0 false false",
                        "e f null f 2 true false", "e g h h 2 true false", "null * null null 1 true true");
    }

    @Test
    void parametersKnowTheirKindPositionDefaultAndAnnotation() {
        FileFacts facts = extract("def f(a, /, b: int = 1, *c, d, e=2, **g): pass\n");
        assertThat(facts.params()).extracting(p -> p.name() + " " + p.kind() + " " + p.position() + " " + p.hasDefault()
                        + " " + p.hasAnnotation())
                .containsExactly("a POSITIONAL_ONLY 0 false false", "b REGULAR 1 true true", "c VAR_POSITIONAL 2 false false",
                        "d KEYWORD_ONLY 3 false false", "e KEYWORD_ONLY 4 true false", "g VAR_KEYWORD 5 false false");
    }

    @Test
    void aFileHasOneRowWithTheStartOfEveryLine() {
        FileFacts facts = extract("a = 1\r\nb = 2\n\nc = 3");
        assertThat(facts.lines()).singleElement().satisfies(l -> {
            assertThat(l.starts()).containsExactly(0, 7, 13, 14);
            assertThat(l.bstart()).isZero();
            assertThat(l.bend()).isEqualTo(19);
            assertThat(l.id()).isEqualTo(StableIds.of("m.py", 0, 19, IdKinds.LINES));
        });
        assertThat(facts.file().lineCount()).isEqualTo(4);
    }

    @Test
    void aTreeNestedDeeperThanTheLimitIsAFileStatusWithoutFacts() {
        String source = "import os\nx = " + "lambda: ".repeat(60) + "0\n";
        FileFacts facts = new FileExtractor(PythonVersion.PY311, 1 << 20, 50).extract("m.py", source.getBytes(StandardCharsets.UTF_8));
        assertThat(facts.file().status()).isEqualTo(ParseStatus.TOO_DEEP);
        assertThat(facts.errors()).extracting(e -> e.stage() + " " + e.message())
                .containsExactly("EXTRACT the syntax tree is nested too deeply to walk");
        assertThat(facts.file().errorCount()).isEqualTo(1);
        assertThat(facts.defs()).isEmpty();
        assertThat(facts.names()).isEmpty();
        assertThat(facts.lines()).singleElement().extracting(l -> l.starts().length).isEqualTo(2);
    }

    @Test
    void longChainsOfOperatorsAttributesAndCallsDoNotNestTheWalk() {
        String source = "x = " + String.join(" + ", java.util.Collections.nCopies(2000, "a")) + "\n"
                + "y = b" + ".c(d)".repeat(400) + "\n";
        FileFacts facts = new FileExtractor(PythonVersion.PY311, 1 << 20, 50).extract("m.py", source.getBytes(StandardCharsets.UTF_8));
        assertThat(facts.file().status()).isEqualTo(ParseStatus.OK);
        assertThat(facts.names()).hasSize(1 + 2000 + 1 + 1 + 400);
        assertThat(facts.calls()).hasSize(400);
    }
}
