package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Module;
import io.codeanatomy.python.syntax.lexer.DecodedSource;
import io.codeanatomy.python.syntax.lexer.LexResult;
import io.codeanatomy.python.syntax.lexer.Lexer;
import io.codeanatomy.python.syntax.lexer.SourceDecoder;
import io.codeanatomy.python.syntax.parser.Parser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses Python source into CPython's AST: decode, tokenize, parse. Errors are collected, never
 * thrown; the module then holds the statements recovered around them. Stateless and safe to call
 * from many threads at once.
 */
public final class PythonParser {
    private static final Comparator<SyntaxError> SOURCE_ORDER =
            Comparator.comparingInt(SyntaxError::bstart).thenComparingInt(SyntaxError::bend);

    private PythonParser() {
    }

    /** Parses a file's bytes: BOM, PEP 263 encoding cookie and the default UTF-8 as CPython. */
    public static ParseResult parse(byte[] raw, PythonVersion version) {
        requireNonNull(raw, "raw is null");
        requireNonNull(version, "version is null");
        DecodedSource decoded = SourceDecoder.decode(raw);
        ParseResult result = parse(decoded.text(), version);
        if (decoded.error() == null) {
            return result;
        }
        // CPython stops at a decoding error; the text (with U+FFFD for what did not decode) is
        // still parsed so that the recovered module holds what can be read.
        List<SyntaxError> errors = new ArrayList<>(result.errors().size() + 1);
        errors.add(decoded.error());
        errors.addAll(result.errors());
        return new ParseResult(result.source(), result.module(), errors, decoded.error());
    }

    /** Parses decoded source. */
    public static ParseResult parse(SourceText text, PythonVersion version) {
        requireNonNull(text, "text is null");
        requireNonNull(version, "version is null");
        ParseResult result = RunawayRecovery.recover(parseOnce(text, version), t -> parseOnce(t, version));
        if (!result.ok()) {
            return result;
        }
        // A tree CPython parses but cannot build as Python objects is refused all the same.
        return AstConstruction.check(result);
    }

    private static ParseResult parseOnce(SourceText text, PythonVersion version) {
        LexResult lexed = Lexer.lex(text, version);
        List<SyntaxError> parseErrors = new ArrayList<>();
        Parser parser = new Parser(text, lexed.tokens(), version, parseErrors, 0);
        Module module = parser.parseModule();
        return new ParseResult(text, module, combine(lexed.errors(), parseErrors, parser.firstErrorFetchLine()));
    }

    /**
     * The lexer's and the parser's errors in source order, except that the first is the one
     * CPython would raise. CPython's parser pulls tokens lazily, so whichever error its parse
     * meets first wins: a tokenizer error before the parser's failure point, else the parser's
     * error; a bracket left open is only noticed at the end of the file. A parser error is then
     * replaced by a tokenizer error found later in the file, as CPython's look at the rest of the
     * source does: one the tokenizer raises itself (not the indentation and line continuation
     * errors that only its caller words), or an unclosed bracket that opened on a line before
     * the furthest token the parser had read.
     */
    static List<SyntaxError> combine(List<SyntaxError> lexErrors, List<SyntaxError> parseErrors, int fetchLine) {
        if (lexErrors.isEmpty() && parseErrors.size() <= 1) {
            return parseErrors;
        }
        List<SyntaxError> all = new ArrayList<>(lexErrors.size() + parseErrors.size());
        all.addAll(lexErrors);
        all.addAll(parseErrors);
        all.sort(SOURCE_ORDER);
        SyntaxError firstLex = null;
        for (SyntaxError e : lexErrors) {
            if (firstLex == null || detection(e) < detection(firstLex)) {
                firstLex = e;
            }
        }
        SyntaxError firstParse = parseErrors.isEmpty() ? null : parseErrors.get(0);
        SyntaxError primary;
        if (firstParse == null) {
            primary = firstLex;
        } else if (firstLex != null && (detection(firstLex) < firstParse.bstart()
                || detection(firstLex) == firstParse.bstart() && firstParse.bend() > firstParse.bstart())) {
            // At the same offset the tokenizer fails first, unless the parser failed at an
            // INDENT or DEDENT, which come before the token that follows them.
            primary = firstLex;
        } else if (firstParse.message().startsWith("unexpected indent")
                || firstParse.message().startsWith("unexpected unindent")) {
            primary = firstParse;
        } else {
            primary = laterTokenizerError(lexErrors, firstParse, fetchLine);
        }
        all.remove(primary);
        all.add(0, primary);
        return all;
    }

    private static SyntaxError laterTokenizerError(List<SyntaxError> lexErrors, SyntaxError parseError,
            int fetchLine) {
        SyntaxError later = null;
        SyntaxError unclosed = null;
        for (SyntaxError e : lexErrors) {
            if (isUnclosedBracket(e)) {
                if (e.line() < Math.max(fetchLine, parseError.line())
                        && (unclosed == null || e.bstart() > unclosed.bstart())) {
                    unclosed = e;
                }
            } else if ((e.bstart() > parseError.bstart()
                    || e.bstart() == parseError.bstart() && parseError.bend() == parseError.bstart())
                    && !e.message().equals("invalid syntax")
                    && (later == null || e.bstart() < later.bstart())) {
                // A character that starts no token is only an error to the parser: CPython's
                // tokenizer scans past it.
                later = e;
            }
        }
        if (later != null) {
            // The scan ahead stops at the first tokenizer error, whichever it is.
            return raisedByTokenizer(later) ? later : parseError;
        }
        return unclosed != null ? unclosed : parseError;
    }

    /** Errors that CPython's tokenizer leaves to its caller to word, so a scan ahead misses them. */
    private static boolean raisedByTokenizer(SyntaxError e) {
        String m = e.message();
        return !m.equals("unindent does not match any outer indentation level")
                && !m.equals("too many levels of indentation")
                && !m.equals("inconsistent use of tabs and spaces in indentation")
                && !m.equals("unexpected character after line continuation character")
                && !m.equals("unexpected EOF while parsing");
    }

    /** Where in the token stream the tokenizer notices the error. */
    private static int detection(SyntaxError e) {
        return isUnclosedBracket(e) ? Integer.MAX_VALUE : e.bstart();
    }

    private static boolean isUnclosedBracket(SyntaxError e) {
        return e.message().endsWith("' was never closed");
    }
}
