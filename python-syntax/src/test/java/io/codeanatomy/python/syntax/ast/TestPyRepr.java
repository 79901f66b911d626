package io.codeanatomy.python.syntax.ast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.python.syntax.CPythonOracle;
import io.codeanatomy.testkit.cpython.Python3;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class TestPyRepr {
    private static final long SEED = 0x5EED_11L;
    private static final int SHOWN_MISMATCHES = 20;

    @Test
    void printsKnownReprsOfEveryConstantKind() {
        assertThat(PyRepr.repr(Singleton.NONE)).isEqualTo("None");
        assertThat(PyRepr.repr(Singleton.ELLIPSIS)).isEqualTo("Ellipsis");
        assertThat(PyRepr.repr(Boolean.TRUE)).isEqualTo("True");
        assertThat(PyRepr.repr(42L)).isEqualTo("42");
        assertThat(PyRepr.repr(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
        assertThat(PyRepr.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PyRepr.repr("a'\"b")).isEqualTo("'a\\'\"b'");
        assertThat(PyRepr.repr("\t\n\r\\\u0000\u007f\u00a0\u00e9\u2028\ud800\uDB40\uDC01"))
                .isEqualTo("'\\t\\n\\r\\\\\\x00\\x7f\\xa0é\\u2028\\ud800\\U000e0001'");
        assertThat(PyRepr.repr(new Bytes(new byte[] {'a', '\'', '\\', 0x7f, (byte) 0x80, '\n'})))
                .isEqualTo("b\"a'\\\\\\x7f\\x80\\n\"");
    }

    @Test
    void printsFloatsAsTheShortestRoundTripInPythonsLayout() {
        assertThat(PyRepr.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PyRepr.floatRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyRepr.floatRepr(1e-5)).isEqualTo("1e-05");
        assertThat(PyRepr.floatRepr(1e-4)).isEqualTo("0.0001");
        assertThat(PyRepr.floatRepr(0.1)).isEqualTo("0.1");
        assertThat(PyRepr.floatRepr(2.0)).isEqualTo("2.0");
        assertThat(PyRepr.floatRepr(1.5e300)).isEqualTo("1.5e+300");
        assertThat(PyRepr.floatRepr(5e-324)).isEqualTo("5e-324");
        // JDK 17 prints 1e23 as 9.999999999999999E22 and 2^-44 with 17 digits, neither the shortest.
        assertThat(PyRepr.floatRepr(1e23)).isEqualTo("1e+23");
        assertThat(PyRepr.floatRepr(Math.scalb(1.0, -44))).isEqualTo("5.684341886080802e-14");
        assertThat(PyRepr.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PyRepr.floatRepr(Double.NaN)).isEqualTo("nan");
        assertThat(PyRepr.floatRepr(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void printsComplexNumbersLikePython() {
        assertThat(PyRepr.complexRepr(new Complex(0.0, 1.0))).isEqualTo("1j");
        assertThat(PyRepr.complexRepr(new Complex(0.0, 2.5))).isEqualTo("2.5j");
        assertThat(PyRepr.complexRepr(new Complex(0.0, 1e16))).isEqualTo("1e+16j");
        assertThat(PyRepr.complexRepr(new Complex(0.0, Double.POSITIVE_INFINITY))).isEqualTo("infj");
        assertThat(PyRepr.complexRepr(new Complex(1.0, 2.0))).isEqualTo("(1+2j)");
        assertThat(PyRepr.complexRepr(new Complex(-0.0, 1.0))).isEqualTo("(-0+1j)");
        assertThat(PyRepr.complexRepr(new Complex(0.0, -0.0))).isEqualTo("-0j");
    }

    @Test
    void refusesIntsLongerThanCPythonsDigitLimit() {
        BigInteger limit = BigInteger.TEN.pow(PyRepr.MAX_STR_DIGITS);
        assertThat(PyRepr.repr(limit.subtract(BigInteger.ONE))).hasSize(PyRepr.MAX_STR_DIGITS);
        assertThatThrownBy(() -> PyRepr.repr(limit))
                .isInstanceOf(IntegerConversionLimitException.class)
                .hasMessageContaining("Exceeds the limit (4300 digits) for integer string conversion");
    }

    @Test
    void floatsMatchCPython() {
        Random random = new Random(SEED);
        List<Double> values = new ArrayList<>();
        for (int k = -1074; k <= 1023; k++) {
            double p = Math.scalb(1.0, k);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Math.nextDown(p));
        }
        for (int k = -325; k <= 308; k++) {
            double p = Double.parseDouble("1e" + k);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Double.parseDouble("1.5e" + k));
        }
        for (int i = 0; i < 60_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(50) - 25));
            values.add((double) random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12)));
            values.add(Double.parseDouble(randomDigits(random, 1 + random.nextInt(17)) + "e" + (random.nextInt(60) - 30)));
        }
        values.addAll(List.of(0.0, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 9007199254740993.0, 123456789012345678.0));
        assertMatchesCPython(values, v -> "f " + Long.toHexString(Double.doubleToRawLongBits(v)), PyRepr::floatRepr);
    }

    @Test
    void complexNumbersMatchCPython() {
        Random random = new Random(SEED);
        double[] specials = {0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, 0.1, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300};
        List<Complex> values = new ArrayList<>();
        for (double re : specials) {
            for (double im : specials) {
                values.add(new Complex(re, im));
            }
        }
        for (int i = 0; i < 5_000; i++) {
            values.add(new Complex(random.nextBoolean() ? 0.0 : random.nextGaussian() * 1e5, random.nextGaussian() * 1e3));
        }
        assertMatchesCPython(values, c -> "c " + Long.toHexString(Double.doubleToRawLongBits(c.real())) + " "
                + Long.toHexString(Double.doubleToRawLongBits(c.imag())), PyRepr::complexRepr);
    }

    @Test
    void everySingleCodePointMatchesCPython() {
        List<String> expected = oracle(List.of("allchars"));
        List<String> actual = new ArrayList<>(Character.MAX_CODE_POINT + 1);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            actual.add(PyRepr.repr(new String(Character.toChars(cp))));
        }
        assertThat(mismatches(actual, expected, i -> "U+" + Integer.toHexString(i))).isEmpty();
    }

    @Test
    void stringsMatchCPython() {
        Random random = new Random(SEED);
        int[] interesting = {'\'', '"', '\\', '\t', '\n', '\r', 0, 0x1f, ' ', 0x7f, 0x80, 0xa0, 0xad, 0xff, 0x100,
            0x2028, 0xd800, 0xdfff, 0xfeff, 0xffff, 0x10000, 0x1f600, 0xe0001, 0x10ffff};
        List<int[]> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int[] cps = new int[random.nextInt(12)];
            for (int j = 0; j < cps.length; j++) {
                int pick = random.nextInt(4);
                cps[j] = switch (pick) {
                    case 0 -> interesting[random.nextInt(interesting.length)];
                    case 1 -> 0x20 + random.nextInt(0x5f);
                    case 2 -> random.nextInt(0x10000);
                    default -> random.nextInt(Character.MAX_CODE_POINT + 1);
                };
                // A high surrogate before a low one is one astral character in Java: keep them apart.
                if (j > 0 && Character.isHighSurrogate((char) cps[j - 1]) && cps[j - 1] < 0x10000
                        && cps[j] >= 0xdc00 && cps[j] <= 0xdfff) {
                    cps[j] = 'x';
                }
            }
            values.add(cps);
        }
        assertMatchesCPython(values, cps -> {
            StringBuilder line = new StringBuilder("s");
            for (int cp : cps) {
                line.append(' ').append(Integer.toHexString(cp));
            }
            return line.toString();
        }, cps -> PyRepr.repr(new String(cps, 0, cps.length)));
    }

    @Test
    void bytesMatchCPython() {
        Random random = new Random(SEED);
        List<byte[]> values = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            values.add(new byte[] {(byte) b});
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(10)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = random.nextInt(3) == 0 ? (byte) "'\"\\".charAt(random.nextInt(3)) : (byte) random.nextInt(256);
            }
            values.add(bytes);
        }
        values.add(new byte[0]);
        assertMatchesCPython(values, b -> "b " + hex(b), b -> PyRepr.repr(new Bytes(b)));
    }

    @Test
    void intsMatchCPythonUpToAndBeyondTheDigitLimit() {
        Random random = new Random(SEED);
        List<BigInteger> values = new ArrayList<>();
        for (int bits : new int[] {1, 8, 31, 32, 63, 64, 65, 100, 1000, 14_000, 14_280, 14_285, 14_290, 14_300, 15_000, 20_000}) {
            for (int i = 0; i < 20; i++) {
                values.add(new BigInteger(bits, random));
            }
        }
        BigInteger limit = BigInteger.TEN.pow(PyRepr.MAX_STR_DIGITS);
        values.addAll(List.of(BigInteger.ZERO, limit, limit.subtract(BigInteger.ONE), limit.negate().add(BigInteger.ONE), limit.negate()));
        assertMatchesCPython(values, i -> "i " + i.toString(16), i -> {
            try {
                return PyRepr.repr(i);
            } catch (IntegerConversionLimitException e) {
                return "ValueError";
            }
        });
    }

    private static String randomDigits(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }

    private static <T> void assertMatchesCPython(List<T> values, Function<T, String> request, Function<T, String> ours) {
        List<String> requests = values.stream().map(request).toList();
        List<String> expected = oracle(requests);
        List<String> actual = values.stream().map(ours).toList();
        assertThat(mismatches(actual, expected, requests::get)).isEmpty();
    }

    private static List<String> oracle(List<String> requests) {
        Python3 python = Python3.require();
        byte[] out = python.run(CPythonOracle.script("repr_oracle.py"), List.of(), String.join("\n", requests).concat("\n").getBytes(UTF_8));
        return splitLines(new String(out, UTF_8));
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    private static List<String> mismatches(List<String> actual, List<String> expected, IntFunction<String> label) {
        assertThat(actual).hasSameSizeAs(expected);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < actual.size() && result.size() < SHOWN_MISMATCHES; i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                result.add(label.apply(i) + ": CPython " + expected.get(i) + " but we print " + actual.get(i));
            }
        }
        return result;
    }
}
