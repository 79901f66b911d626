package io.codeanatomy.testkit.callgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's attribution rules, each held to a hand-written answer on a fixture written here. */
class TestCallGraphRecorder {
    @TempDir
    Path temp;

    @BeforeEach
    void oracle() {
        Python3.require();
    }

    @Test
    void recordsWhatRanWithTheAttributionRules() throws IOException {
        Path root = temp.resolve("rules");
        write(root.resolve("pkg/__init__.py"), "");
        write(root.resolve("pkg/mod.py"), """
                import asyncio
                import contextlib
                import dataclasses


                def double(x):
                    return x * 2


                def key(x):
                    return -x


                class Base:
                    def __init__(self):
                        self.items = [double(i) for i in range(2)]

                    def __add__(self, other):
                        return self


                class Child(Base):
                    label = double(1)

                    def __enter__(self):
                        return self

                    def __exit__(self, *exc):
                        return False


                def numbers():
                    yield double(1)
                    yield double(2)


                def consume(gen):
                    return sum(gen)


                def producer():
                    return consume(numbers())


                def abandoned():
                    gen = numbers()
                    next(gen)


                async def job():
                    return double(3)


                def start():
                    return asyncio.run(job())


                def fresh():
                    return []


                @dataclasses.dataclass
                class Record:
                    items: list = dataclasses.field(default_factory=fresh)


                @contextlib.contextmanager
                def managed():
                    yield double(4)
                """);
        write(root.resolve("main.py"), """
                from pkg.mod import Child, Record, abandoned, double, key, managed, producer, start

                values = list(map(double, [1, 2]))
                ordered = sorted(values, key=key)
                twice = list(map(lambda v: double(v), values))


                def main():
                    with Child() as c:
                        c + c
                    producer()
                    abandoned()
                    start()
                    Record()
                    with managed():
                        print(sum(double(v) for v in values))


                main()
                """);

        FixtureTruth truth = CallGraphTruth.record(root);

        assertThat(truth.category()).isEqualTo("rules");
        assertThat(truth.edges()).extracting(e -> e.edge().caller(), e -> e.edge().callee()).containsExactly(
                // Module-level code is the caller named by the module; map and sorted call back from it.
                tuple("main", "main.<lambda>"),
                tuple("main", "main.main"),
                tuple("main", "pkg.mod.double"),
                tuple("main", "pkg.mod.key"),
                tuple("main.<lambda>", "pkg.mod.double"),
                // Implicit calls: __add__, __enter__/__exit__, the inherited __init__ by instantiating Child.
                tuple("main.main", "pkg.mod.Base.__add__"),
                tuple("main.main", "pkg.mod.Base.__init__"),
                tuple("main.main", "pkg.mod.Child.__enter__"),
                tuple("main.main", "pkg.mod.Child.__exit__"),
                tuple("main.main", "pkg.mod.abandoned"),
                // A generator expression's calls are the enclosing function's (print and sum are C).
                tuple("main.main", "pkg.mod.double"),
                // The dataclass's generated __init__ is no node: its default_factory call is the instantiator's.
                tuple("main.main", "pkg.mod.fresh"),
                // contextlib's frames run the generator; the call goes to the nearest fixture frame, the with.
                tuple("main.main", "pkg.mod.managed"),
                tuple("main.main", "pkg.mod.producer"),
                tuple("main.main", "pkg.mod.start"),
                // A list comprehension's calls are the enclosing function's.
                tuple("pkg.mod.Base.__init__", "pkg.mod.double"),
                // A class body is the caller named by the class.
                tuple("pkg.mod.Child", "pkg.mod.double"),
                // next() resumes the generator here; its finalisation (close) in main.main is no call.
                tuple("pkg.mod.abandoned", "pkg.mod.numbers"),
                // The generator is called by the frame iterating it, not the one that made it (producer).
                tuple("pkg.mod.consume", "pkg.mod.numbers"),
                tuple("pkg.mod.job", "pkg.mod.double"),
                tuple("pkg.mod.managed", "pkg.mod.double"),
                tuple("pkg.mod.numbers", "pkg.mod.double"),
                tuple("pkg.mod.producer", "pkg.mod.consume"),
                // The coroutine is called where it was made, not by asyncio's event loop.
                tuple("pkg.mod.start", "pkg.mod.job"));
        assertThat(site(truth, "pkg.mod.numbers", "pkg.mod.double")).containsExactly(
                new CallSite("pkg/mod.py", 33), new CallSite("pkg/mod.py", 34));
        assertThat(site(truth, "main.main", "pkg.mod.fresh")).containsExactly(new CallSite("main.py", 14));
        assertThat(site(truth, "main", "pkg.mod.key")).containsExactly(new CallSite("main.py", 4));
        assertThat(site(truth, "pkg.mod.start", "pkg.mod.job")).containsExactly(new CallSite("pkg/mod.py", 55));
        assertThat(truth.definitions()).extracting(Definition::kind, Definition::name).contains(
                tuple("module", "pkg"), tuple("module", "pkg.mod"), tuple("module", "main"),
                tuple("class", "pkg.mod.Record"), tuple("function", "main.<lambda>"),
                tuple("function", "pkg.mod.Child.__exit__"));
        assertThat(truth.definitions()).extracting(Definition::name).noneMatch(name -> name.contains("<genexpr>")
                || name.contains("<listcomp>"));
    }

    @Test
    void patternsTaggedOnTheCallingLineAreKept() throws IOException {
        Path root = temp.resolve("tags");
        write(root.resolve("main.py"), """
                def f():
                    return 1


                def g(*fs):
                    return [h() for h in fs]


                first, *rest = [f, f]
                g(*rest)  # pattern: starred-unpacking, callback
                """);

        FixtureTruth truth = CallGraphTruth.record(root);

        assertThat(truth.edges()).extracting(e -> e.edge().toString(), TruthEdge::patterns).containsExactly(
                tuple("main -> main.g", java.util.List.of("callback", "starred-unpacking")),
                tuple("main.g -> main.f", java.util.List.of()));
    }

    @Test
    void aFixtureWithoutMainIsRefusedWithASentence() throws IOException {
        Path root = temp.resolve("empty");
        Files.createDirectories(root);

        assertThatThrownBy(() -> CallGraphTruth.record(root))
                .hasMessage("fixture " + root + " has no main.py; add one that runs the fixture");
    }

    private static java.util.List<CallSite> site(FixtureTruth truth, String caller, String callee) {
        return truth.edges().stream().filter(e -> e.edge().equals(new CallEdge(caller, callee))).findFirst()
                .orElseThrow().sites();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
