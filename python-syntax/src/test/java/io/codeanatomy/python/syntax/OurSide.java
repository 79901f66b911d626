package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.codeanatomy.python.syntax.ast.AstDump;
import io.codeanatomy.python.syntax.ast.IntegerConversionLimitException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Our parser judged by the oracle's rules: refused at {@code parse} when it reports errors,
 * refused at {@code dump} where {@code ast.dump} raises (an int of more than 4300 digits),
 * otherwise accepted with the SHA-256 of the dump with attributes. A parser that throws is
 * refused at stage {@code crash}, which never matches CPython.
 */
final class OurSide {
    static final String CRASH = "crash";

    private OurSide() {
    }

    /** Judges {@code raw}, leaving the dump (when there is one) in {@code dump}. */
    static Verdict judge(byte[] raw, StringBuilder dump) {
        dump.setLength(0);
        ParseResult result;
        try {
            result = PythonParser.parse(raw, PythonVersion.PY311);
        } catch (RuntimeException | StackOverflowError e) {
            return crash(e);
        }
        if (!result.ok()) {
            SyntaxError first = result.errors().get(0);
            return Verdict.refused("parse", "SyntaxError", first.line(), first.column(), first.message());
        }
        try {
            AstDump.dump(result.module(), true, dump);
        } catch (IntegerConversionLimitException e) {
            return Verdict.refused("dump", "ValueError", 0, 0, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return crash(e);
        }
        return Verdict.accepted(sha256(dump));
    }

    static String sha256(CharSequence text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Verdict crash(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length > 0 ? " at " + trace[0] : "";
        return Verdict.refused(CRASH, e.getClass().getSimpleName(), 0, 0, e.getMessage() + where);
    }
}
