package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code .py} file of the CPython 3.11 standard library (site-packages excluded) parses to
 * the tree CPython builds, byte for byte with positions, or is refused by both (the library ships
 * deliberately broken files for its own tests).
 */
class TestParserAgainstCPythonStdlib {
    static final List<String> NOT_STDLIB = List.of("site-packages", "dist-packages");

    @Test
    void everyStdlibFileDumpsExactlyAsCPython() {
        CPythonOracle oracle = CPythonOracle.require();
        Path stdlib = stdlib();
        List<Path> files = DifferentialComparison.pythonFiles(stdlib, NOT_STDLIB);
        assertThat(files).hasSizeGreaterThan(500);

        DiffReport report = DifferentialComparison.ofOurParser(oracle).compare(files);

        System.out.println("stdlib " + stdlib + ": " + report.summary());
        assertThat(report.mismatches().size()).as(report.describe(10)).isZero();
    }

    static Path stdlib() {
        Python3 python = Python3.require();
        byte[] out = python.run("import sysconfig; print(sysconfig.get_path('stdlib'))", List.of(), new byte[0]);
        return Path.of(new String(out, UTF_8).trim());
    }
}
