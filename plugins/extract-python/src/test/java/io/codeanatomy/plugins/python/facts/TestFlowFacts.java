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

        Walked(String source) {
            this.source = source;
            ParseResult parsed = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8), PythonVersion.PY311);
            assertThat(parsed.errors()).isEmpty();
            StableIds ids = new StableIds();
            ids.startFile("m.py");
            facts = new FileFacts("m.py");
            new FactWalker(parsed.source().bytes(), ids, facts, "<module>", parsed.module(), false,
                    new CollectorEvents(FactCollectors.standard()), 1000).walk();
            facts.finish();
            facts.defs().forEach(d -> defNames.put(d.id(), d.qualname()));
        }

        String text(long bstart, long bend) {
            byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
            return new String(bytes, (int) bstart, (int) (bend - bstart), StandardCharsets.UTF_8);
        }

        String scope(String scopeId) {
            return defNames.getOrDefault(scopeId, scopeId);
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
}
