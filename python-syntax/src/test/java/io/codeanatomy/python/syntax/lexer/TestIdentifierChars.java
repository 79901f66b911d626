package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.CPythonOracle;
import io.codeanatomy.testkit.cpython.Python3;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestIdentifierChars {
    @Test
    void matchesTheIdentifierRulesOfCPython() {
        Python3 python = Python3.require();
        String out = new String(python.run(CPythonOracle.script("lexer/xid_ranges.py"), List.of(), new byte[0]), UTF_8);
        assertThat(out.lines()).containsExactly("XID_START " + IdentifierChars.startRanges(),
                "XID_CONTINUE_ONLY " + IdentifierChars.continueOnlyRanges());
    }

    @Test
    void answersForKnownCharacters() {
        assertThat(IdentifierChars.isStart('é')).isTrue();
        assertThat(IdentifierChars.isStart(0x2118)).as("℘ is Other_ID_Start").isTrue();
        assertThat(IdentifierChars.isStart(0x00B7)).as("· only continues").isFalse();
        assertThat(IdentifierChars.isContinue(0x00B7)).isTrue();
        assertThat(IdentifierChars.isContinue(0x20AC)).as("€").isFalse();
        assertThat(IdentifierChars.isStart(0x037A)).as("not XID_Start though ID_Start").isFalse();
        assertThat(IdentifierChars.isContinue(0xE0100)).as("variation selector").isTrue();
        assertThat(IdentifierChars.isPrintable(0x00A0)).isFalse();
        assertThat(IdentifierChars.isPrintable(0x20AC)).isTrue();
    }
}
