package io.codeanatomy.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Callers tell a decoding error from syntax errors by {@link ParseResult#decodeError()}, without decoding again. */
class TestParseResultDecodeError {
    private static ParseResult parse(String source) {
        return PythonParser.parse(source.getBytes(StandardCharsets.ISO_8859_1), PythonVersion.PY311);
    }

    @Test
    void aDecodingErrorIsNamedAndComesFirst() {
        ParseResult result = parse("# coding: nosuchcodec\nx = (\n");
        assertThat(result.decodeError()).isNotNull();
        assertThat(result.decodeError().message()).isEqualTo("unknown encoding: nosuchcodec");
        assertThat(result.errors()).hasSizeGreaterThan(1);
        assertThat(result.errors().get(0)).isSameAs(result.decodeError());
    }

    @Test
    void syntaxErrorsAloneHaveNoDecodingError() {
        ParseResult result = parse("x = (\n");
        assertThat(result.errors()).isNotEmpty();
        assertThat(result.decodeError()).isNull();
        assertThat(parse("x = '\u00e9'\n").decodeError()).isNotNull();
        assertThat(parse("# coding: latin-1\nx = '\u00e9'\n").decodeError()).isNull();
        assertThat(parse("# coding: latin-1\nx = '\u00e9'\n").source().bytes())
                .isEqualTo("# coding: latin-1\nx = '\u00e9'\n".getBytes(StandardCharsets.UTF_8));
    }
}
