package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ast.Complex;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestNumberLiterals {
    @Test
    void readsIntegersAsLongsWhileTheyFit() {
        assertThat(value("0")).isEqualTo(0L);
        assertThat(value("000")).isEqualTo(0L);
        assertThat(value("1_000_000")).isEqualTo(1_000_000L);
        assertThat(value("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(value("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(value("123456789012345678901234567890")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void readsHexadecimalOctalAndBinary() {
        assertThat(value("0xff")).isEqualTo(255L);
        assertThat(value("0XdeadBEEF")).isEqualTo(0xdeadbeefL);
        assertThat(value("0x_7fff_ffff_ffff_ffff")).isEqualTo(Long.MAX_VALUE);
        assertThat(value("0xFFFF_FFFF_FFFF_FFFF")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(value("0x" + "0".repeat(30) + "1")).isEqualTo(1L);
        assertThat(value("0o17")).isEqualTo(15L);
        assertThat(value("0O_777")).isEqualTo(511L);
        assertThat(value("0b1010")).isEqualTo(10L);
        assertThat(value("0b" + "1".repeat(64))).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    }

    @Test
    void readsFloatsAsPythonRoundsThem() {
        assertThat(value("1.5")).isEqualTo(1.5);
        assertThat(value("1.")).isEqualTo(1.0);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("1_000.000_1")).isEqualTo(1000.0001);
        assertThat(value("1e10")).isEqualTo(1e10);
        assertThat(value("1E-5")).isEqualTo(1e-5);
        assertThat(value("09.5")).isEqualTo(9.5);
        assertThat(value("0e0")).isEqualTo(0.0);
        assertThat(value("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("2.2250738585072011e-308")).isEqualTo(2.2250738585072011e-308);
        assertThat(value("0." + "0".repeat(400) + "1e401")).isEqualTo(1.0);
    }

    @Test
    void readsImaginaryLiteralsAsComplexWithZeroRealPart() {
        assertThat(value("3j")).isEqualTo(new Complex(0.0, 3.0));
        assertThat(value("3.5J")).isEqualTo(new Complex(0.0, 3.5));
        assertThat(value("1e3j")).isEqualTo(new Complex(0.0, 1000.0));
        assertThat(value("00j")).isEqualTo(new Complex(0.0, 0.0));
        assertThat(value("1_0j")).isEqualTo(new Complex(0.0, 10.0));
    }

    @Test
    void convertsHugeLiteralsExactly() {
        Random random = new Random(42);
        StringBuilder decimal = new StringBuilder("9");
        StringBuilder hex = new StringBuilder("f");
        for (int i = 0; i < 20_000; i++) {
            decimal.append((char) ('0' + random.nextInt(10)));
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        assertThat(value(decimal.toString())).isEqualTo(new BigInteger(decimal.toString()));
        assertThat(value("0x" + hex)).isEqualTo(new BigInteger(hex.toString(), 16));
        assertThat(value("0o7" + "0".repeat(3000) + "1")).isEqualTo(new BigInteger("7" + "0".repeat(3000) + "1", 8));
        assertThat(value("0b1" + "0".repeat(5000))).isEqualTo(BigInteger.ONE.shiftLeft(5000));
    }

    @Test
    void saysWhenADecimalLiteralExceedsCPythonsDigitLimit() {
        String limit = "1".repeat(4300);
        byte[] ok = limit.getBytes(US_ASCII);
        byte[] over = (limit + "1").getBytes(US_ASCII);
        assertThat(NumberLiterals.digitLimitError(ok, 0, ok.length)).isNull();
        assertThat(NumberLiterals.digitLimitError(over, 0, over.length)).isEqualTo("Exceeds the limit (4300 digits) for integer"
                + " string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider"
                + " hexadecimal for big integer literals to avoid this error");
        byte[] zeros = "0".repeat(5000).getBytes(US_ASCII);
        assertThat(NumberLiterals.digitLimitError(zeros, 0, zeros.length)).isNull();
        byte[] hex = ("0x" + "f".repeat(5000)).getBytes(US_ASCII);
        assertThat(NumberLiterals.digitLimitError(hex, 0, hex.length)).isNull();
        byte[] underscores = ("1_".repeat(4300) + "1").getBytes(US_ASCII);
        assertThat(NumberLiterals.digitLimitError(underscores, 0, underscores.length)).contains("value has 4301 digits");
    }

    @Test
    void readsALiteralInsideALargerBuffer() {
        byte[] src = "x = 0x1F + 2".getBytes(US_ASCII);
        assertThat(NumberLiterals.value(src, 4, 8)).isEqualTo(31L);
        assertThat(NumberLiterals.value(src, 11, 12)).isEqualTo(2L);
    }

    private static Object value(String literal) {
        byte[] b = literal.getBytes(US_ASCII);
        return NumberLiterals.value(b, 0, b.length);
    }
}
