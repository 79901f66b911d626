package io.codeanatomy.python.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.ast.AstDump;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The parser keeps no shared state: many threads parsing at once get what one thread gets. */
class TestParserConcurrency {
    private static final List<String> SOURCES = List.of(
            "import os\nfrom . import x as y\n\ndef f(a, /, b=1, *c, d, **e) -> int:\n    return [i async for i in a]\n",
            "class C(B, metaclass=M):\n    x: int = 1\n    def g(self):\n        yield from (z for z in self)\n",
            "match p:\n    case {'k': [1, *rest]} | C(a, b=2) if rest:\n        pass\n    case _:\n        pass\n",
            "with (open(a) as f, open(b) as g):\n    data = f.read()[1:-1, ::2]\n",
            "x = (\n  1 if y else 2,\n  lambda q=3: q ** -2,\n  {**d, 'k': not v},\n)\n",
            "try:\n    pass\nexcept* ValueError as e:\n    raise X from e\n",
            "x = = 1\ny = 2\n");

    @Test
    void parallelParsesEqualSequentialOnes() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String source : SOURCES) {
            expected.add(render(ParserTesting.parse(source)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String source = SOURCES.get(i % SOURCES.size());
                futures.add(pool.submit(() -> render(ParserTesting.parse(source))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % SOURCES.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String render(ParseResult result) {
        return AstDump.dump(result.module(), true) + result.errors();
    }
}
