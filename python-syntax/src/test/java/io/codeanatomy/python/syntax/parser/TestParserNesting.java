package io.codeanatomy.python.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Nesting far past CPython's limits is an error, never a StackOverflowError, on a thread with the
 * JVM's default stack size; nesting CPython accepts parses there too.
 */
class TestParserNesting {
    private static final int DEEP = 100_000;

    @Test
    void deepNestingIsAnErrorOnADefaultStack() throws InterruptedException {
        List<String> sources = new ArrayList<>();
        for (String open : new String[] {"(", "[", "{", "f(", "a[", "{1:"}) {
            sources.add(open.repeat(DEEP) + "1");
        }
        for (String prefix : new String[] {"-", "~", "not ", "lambda:", "await ", "a if b else "}) {
            sources.add(prefix.repeat(DEEP) + "1");
        }
        sources.add("1" + "+1".repeat(DEEP));
        sources.add("1" + "**1".repeat(DEEP));
        sources.add("a" + ".b".repeat(DEEP));
        sources.add("a" + "()".repeat(DEEP));
        sources.add("lambda a=".repeat(DEEP) + "1" + ":0".repeat(DEEP));
        sources.add("if x:\n pass\n" + "elif x:\n pass\n".repeat(DEEP));
        List<String> problems = onDefaultStack(sources, false);
        assertThat(problems).isEmpty();
    }

    @Test
    void nestingCPythonAcceptsParses() throws InterruptedException {
        List<String> sources = List.of(
                "(".repeat(200) + "1" + ")".repeat(200),
                "[".repeat(200) + "]".repeat(200),
                "(lambda:".repeat(190) + "0" + ")".repeat(190),
                "-".repeat(1_000) + "1",
                "1" + "+1".repeat(1_000),
                "x" + " and x".repeat(DEEP),
                "x" + " < x".repeat(DEEP),
                "f(" + "a,".repeat(DEEP) + ")");
        List<String> problems = onDefaultStack(sources, true);
        assertThat(problems).isEmpty();
    }

    /** Parses each source on a fresh thread with the default stack size; returns what went wrong. */
    private static List<String> onDefaultStack(List<String> sources, boolean valid) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (String source : sources) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    outcome.set(ParserTesting.parse(source));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            thread.start();
            thread.join();
            String preview = source.substring(0, Math.min(30, source.length()));
            if (outcome.get() instanceof ParseResult result) {
                if (result.ok() != valid) {
                    problems.add(preview + ": " + (valid ? result.errors().get(0) : "no error"));
                }
            } else {
                problems.add(preview + ": threw " + outcome.get());
            }
        }
        return problems;
    }
}
