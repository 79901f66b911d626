package io.codeanatomy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.bench.DuckDbComparison.Figures;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.embed.CodeAnatomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDuckDbComparison {
    @TempDir
    Path dir;

    @Test
    void duckDbRunsTheNodeAndEdgePlansOfABuildAndGetsOurRows() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/pkg"));
        Files.writeString(src.resolve("__init__.py"), "from .shapes import Square\n");
        Files.writeString(src.resolve("shapes.py"), """
                import math
                from dataclasses import dataclass

                class Shape:
                    def area(self):
                        return 0

                @dataclass
                class Square(Shape):
                    side: float = 1.0

                    def area(self):
                        return self.side ** 2

                def total(shapes, scale=2):
                    return sum(s.area() * scale for s in shapes if s) + math.pi

                print(total([Square(), Square(3)]))
                """);
        Path out = dir.resolve("out");
        try (CodeAnatomy codeAnatomy = CodeAnatomy.builder().builtinParts(CpgSpec.partsWithoutCalls()).build()) {
            codeAnatomy.build(dir.resolve("src"), out);
        }

        List<Figures> figures;
        try (DuckDbComparison comparison = DuckDbComparison.open(out, 1)) {
            figures = comparison.run(0);
        }

        Map<String, Figures> byName = figures.stream().collect(Collectors.toMap(Figures::name, Function.identity()));
        for (String output : List.of(CpgSpec.NODES_OUTPUT, CpgSpec.EDGES_OUTPUT, CpgSpec.PROPS_OUTPUT)) {
            Figures f = byName.get(output);
            assertThat(f.problem()).as(output).isEmpty();
            assertThat(f.ourRows()).as(output).isPositive();
            assertThat(f.duckdbRows()).as(output).isEqualTo(f.ourRows());
            assertThat(f.difference()).as(output).hasValueSatisfying(d -> assertThat(d.none()).isTrue());
            assertThat(f.sameAsBundle()).as(output).isTrue();
        }
        assertThat(figures.stream().filter(Figures::bothRan))
                .as("every fragment DuckDB ran gives our rows")
                .allSatisfy(f -> assertThat(f.difference()).as(f.name()).hasValueSatisfying(d -> assertThat(d.none()).isTrue()));
    }
}
