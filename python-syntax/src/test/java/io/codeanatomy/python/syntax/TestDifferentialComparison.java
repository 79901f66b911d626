package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: it must see agreement, a wrong position, and acceptance of invalid code. */
class TestDifferentialComparison {
    @TempDir
    Path dir;

    @Test
    void reportsAgreementWrongPositionsAndWrongAcceptance() throws IOException {
        CPythonOracle oracle = CPythonOracle.require();
        Path good = write("good.py", "a = 1\n");
        Path shifted = write("shifted.py", "c = 2\n");
        Path invalid = write("invalid.py", "b = (\n");
        Path bothRefuse = write("refused.py", "def\n");
        String goodDump = oracle.dump(good);
        String shiftedDump = oracle.dump(shifted).replaceFirst("end_col_offset=1\\)", "end_col_offset=2)");
        Map<String, Verdict> bySource = Map.of(
                "a = 1\n", Verdict.accepted(OurSide.sha256(goodDump)),
                "c = 2\n", Verdict.accepted(OurSide.sha256(shiftedDump)),
                "b = (\n", Verdict.accepted(OurSide.sha256("Module(body=[], type_ignores=[])")),
                "def\n", Verdict.refused("parse", "SyntaxError", 1, 4, "invalid syntax"));
        DifferentialComparison comparison = new DifferentialComparison(oracle, (raw, dump) -> {
            String source = new String(raw, UTF_8);
            dump.setLength(0);
            dump.append(source.startsWith("c") ? shiftedDump : goodDump);
            return bySource.get(source);
        });

        DiffReport report = comparison.compare(List.of(good, shifted, invalid, bothRefuse));

        assertThat(report.files()).isEqualTo(4);
        assertThat(report.acceptedByBoth()).isEqualTo(1);
        assertThat(report.refusedByBoth()).isEqualTo(1);
        assertThat(report.mismatches()).extracting(Mismatch::file).containsExactly(shifted, invalid);
        assertThat(report.categories()).containsOnlyKeys("dumps differ at Name.end_col_offset",
                "we accept what CPython refuses at parse: SyntaxError: '…' was never closed");
        assertThat(report.describe(5)).contains("first difference at char 108 (Name.end_col_offset)",
                "ours:    …ody=[Assign(targets=[Name(id='c', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
                        + "end_col_offset=⟦2)], value=Constant(value=2,");
    }

    @Test
    void locatesTheNodeFieldWhereDumpsDiverge() {
        String expected = "Module(body=[Expr(value=Constant(value='a)b(', kind='u', lineno=1))], type_ignores=[])";
        String actual = "Module(body=[Expr(value=Constant(value='a)b(', lineno=1))], type_ignores=[])";
        assertThat(DumpDivergence.of(expected, actual).nodeField()).isEqualTo("Constant.value");
        assertThat(DumpDivergence.of("Name(id='x', ctx=Load())", "Name(id='x', ctx=Store())").nodeField())
                .isEqualTo("Name.ctx");
        assertThat(DumpDivergence.of("x", "x")).isNull();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, UTF_8);
    }
}
