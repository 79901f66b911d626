package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.lexer.TokenKind;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Token cursor, positions, error bookkeeping and list building shared by the rule classes.
 *
 * <p>Every node spans from the first token of the rule that built it to the last non-whitespace
 * token that rule consumed, as CPython's {@code EXTRA} does; rules therefore remember the token
 * index they started at and build positions from token indices.
 */
abstract class ParserBase {
    /**
     * CPython's parser stack limit (MAXSTACK 6000 nested rule calls in CPython 3.11's parser.c,
     * where it raises MemoryError) as reached from an assignment at the top of a module, whose
     * rules start 32 levels deep: rules add to {@link #depth} what CPython's rules cost for the
     * same text, so that chains of unary operators, {@code not}, conditional expressions (one
     * level each), lambdas and {@code **} (two) and lambda defaults (eight) fail where CPython's
     * do. Elsewhere the costs are estimates (docs/parser.md). Recursion stays within the default
     * thread stack at this depth. Trees that parse but are too deep to build fail in
     * {@code AstConstruction}.
     */
    static final int MAX_DEPTH = 5967;
    /** CPython's tokenizer refuses more than 200 nested brackets (MAXLEVEL). */
    static final int MAX_BRACKETS = 200;
    static final String TOO_COMPLEX = "too many nested parentheses";
    static final String GENERIC = "invalid syntax";
    /** CPython 3.12's message; 3.11 raises a MemoryError without one. */
    static final String STACK_OVERFLOW = "Parser stack overflowed - Python source too complex to parse";

    final SourceText source;
    final byte[] src;
    final Tokens tokens;
    final TokenKind[] kinds;
    final int count;
    final PythonVersion version;
    final List<SyntaxError> errors;
    final ParserContext context;
    final FileScope file;
    final NameTable names;

    /** Index of the current token. */
    int pos;
    /** Recursion depth of the rules now active, weighted by how much tree each level builds. */
    int depth;
    /** Brackets open around the current token, as the tokenizer's {@code level}. */
    int brackets;
    /**
     * The furthest token at which a generic failure happened in the current statement, counting
     * alternatives that were abandoned: CPython reports "invalid syntax" at the furthest token
     * its parser fetched.
     */
    int furthest;
    /** The last token of the latest complete {@code expression}, for {@link #readAhead}. */
    int expressionEnd = -2;
    /** True while {@link #readAhead} runs, which must not start another. */
    boolean readingAhead;
    /** True while parsing the expression of an f-string replacement field. */
    boolean fstring;

    private int fetched;
    private int firstErrorFetchLine;
    private String pendingMessage;
    private int pendingStart;
    private int pendingEnd;
    private boolean pendingCursor;
    private boolean pendingSuppressed;

    private Object[] stack = new Object[64];
    private int top;
    final IntStack ints = new IntStack();

    ParserBase(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth,
            FileScope file) {
        this.source = source;
        this.src = source.bytes();
        this.tokens = tokens;
        this.version = version;
        this.errors = errors;
        this.depth = depth;
        this.file = file;
        this.names = file.names();
        this.count = tokens.size();
        TokenKind[] k = new TokenKind[count + 4];
        for (int i = 0; i < count; i++) {
            k[i] = tokens.kind(i);
        }
        // A well-formed buffer ends with ENDMARKER; the sentinels keep lookahead in bounds anyway.
        Arrays.fill(k, count, k.length, TokenKind.ENDMARKER);
        this.kinds = k;
        this.context = new ParserContext(source, tokens, version, errors, depth, file);
    }

    // ---- token cursor

    final TokenKind kind(int i) {
        return i < count ? kinds[i] : TokenKind.ENDMARKER;
    }

    /** NEWLINE, INDENT, DEDENT and ENDMARKER: the tokens no node ends with. */
    static boolean isLayout(TokenKind k) {
        return k == TokenKind.NEWLINE || k == TokenKind.INDENT || k == TokenKind.DEDENT || k == TokenKind.ENDMARKER;
    }

    /** The token index of the last non-whitespace token consumed, as CPython's EXTRA end. */
    final int last() {
        int m = pos - 1;
        while (m > 0 && isLayout(kinds[m])) {
            m--;
        }
        return Math.max(m, 0);
    }

    /** True if the token is the NAME with the given ASCII text (a soft keyword). */
    final boolean isName(int i, String text) {
        if (kind(i) != TokenKind.NAME) {
            return false;
        }
        int s = tokens.start(i);
        int n = tokens.end(i) - s;
        if (n != text.length()) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (src[s + j] != text.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    final String nameText(int i) {
        return names.intern(src, tokens.start(i), tokens.end(i));
    }

    final String tokenText(int i) {
        return new String(src, tokens.start(i), tokens.end(i) - tokens.start(i), StandardCharsets.UTF_8);
    }

    // ---- positions of token indices

    final int sl(int s) {
        return tokens.line(s);
    }

    final int sc(int s) {
        return tokens.col(s);
    }

    final int sb(int s) {
        return tokens.start(s);
    }

    final int el(int e) {
        return tokens.endLine(e);
    }

    final int ec(int e) {
        return tokens.endCol(e);
    }

    final int eb(int e) {
        return tokens.end(e);
    }

    /** Consumes the one-token constant at {@code pos} (True, False, None, ...) and returns its node. */
    final Constant keywordConstant(Object value) {
        int s = pos++;
        return new Constant(value, null, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
    }

    // ---- errors

    /** Fails the current statement with CPython's message over the source bytes given. */
    final ParseFailure fail(String message, int bstart, int bend) {
        fetched(pos);
        if (pendingMessage == null && !pendingSuppressed) {
            pendingMessage = prefixed(message);
            pendingStart = bstart;
            pendingEnd = bend;
        }
        return ParseFailure.INSTANCE;
    }

    final ParseFailure failAtToken(String message, int token) {
        if (kind(token) == TokenKind.ERRORTOKEN) {
            // The lexer has reported this token already, as CPython's tokenizer would have.
            return suppressed();
        }
        int t = Math.min(token, count - 1);
        TokenKind k = kinds[t];
        if (k == TokenKind.INDENT || k == TokenKind.DEDENT) {
            return failAtCursor(message, t);
        }
        return fail(message, sb(t), eb(t));
    }

    final ParseFailure failAtNode(String message, io.codeanatomy.python.syntax.ast.Located node) {
        return fail(message, node.bstart(), node.bend());
    }

    /**
     * After an expression, CPython's second pass tries to read another one at the failing token
     * (for "Perhaps you forgot a comma?" and "Missing parentheses in call to 'print'"), which
     * reads to the end of the file when a bracket is left open; how far it read decides whether
     * the unclosed bracket is reported instead.
     */
    abstract void readAhead(int token);

    /** Notes that the parse looked at the token, for {@link #firstErrorFetchLine()}. */
    final void fetched(int token) {
        if (token > fetched) {
            fetched = token;
        }
    }

    /**
     * The line of the furthest token the parse had looked at when the first error was committed
     * (0 if there is none): CPython lets an unclosed bracket replace a parser error only when that
     * error was found on a later line than the bracket.
     */
    public final int firstErrorFetchLine() {
        return firstErrorFetchLine;
    }

    final ParseFailure suppressed() {
        if (pendingMessage == null) {
            pendingSuppressed = true;
        }
        return ParseFailure.INSTANCE;
    }

    /** The generic error at the current token. */
    final ParseFailure invalidSyntax() {
        return invalidSyntaxAt(pos);
    }

    final ParseFailure invalidSyntaxAt(int token) {
        if (token > furthest) {
            furthest = token;
        }
        if (token == expressionEnd + 1 && !readingAhead && token < count) {
            readAhead(token);
        }
        TokenKind k = kind(token);
        if (k == TokenKind.INDENT) {
            return failAtCursor("unexpected indent", token);
        }
        if (k == TokenKind.DEDENT) {
            return failAtToken("unexpected unindent", token);
        }
        if (k == TokenKind.ENDMARKER && brackets > 0) {
            return suppressed();
        }
        return failAtToken(GENERIC, token);
    }

    /**
     * An error at an INDENT or DEDENT token, which has no column: CPython reports it at its
     * tokenizer's cursor, the first character of the line after the indentation, and gives the
     * cursor's 0-based column where other errors have 1-based ones.
     */
    final ParseFailure failAtCursor(String message, int token) {
        boolean recorded = pendingMessage == null && !pendingSuppressed;
        ParseFailure f = fail(message, sb(token), sb(token));
        if (recorded) {
            pendingCursor = true;
        }
        return f;
    }

    /** A failure that CPython reports with column 0 of the line starting at {@code lineStart}. */
    final ParseFailure failAtLineStart(String message, int lineStart) {
        boolean recorded = pendingMessage == null && !pendingSuppressed;
        ParseFailure f = fail(message, lineStart, lineStart);
        if (recorded) {
            pendingCursor = true;
        }
        return f;
    }

    /** The SyntaxError at the cursor before the byte offset, as {@link #failAtCursor} describes. */
    final SyntaxError cursorError(String message, int cursor) {
        return Positions.cursorError(source, file.charColumns(), message, cursor);
    }

    private String prefixed(String message) {
        return fstring && version.minor() <= 11 && !message.startsWith("f-string") ? "f-string: " + message : message;
    }

    /** Moves the pending error, if any, to the error list. */
    final void commitFailure() {
        if (GENERIC.equals(pendingMessage) && furthest < count && sb(furthest) > pendingStart) {
            TokenKind k = kinds[furthest];
            if (k == TokenKind.ERRORTOKEN) {
                pendingMessage = null;
            } else if (k == TokenKind.INDENT) {
                pendingMessage = "unexpected indent";
                pendingStart = pendingEnd = sb(furthest);
                pendingCursor = true;
            } else if (k != TokenKind.ENDMARKER) {
                pendingStart = sb(furthest);
                pendingEnd = eb(furthest);
            }
        }
        if (pendingMessage != null) {
            noteFirstError();
            errors.add(pendingCursor ? cursorError(pendingMessage, pendingStart)
                    : Positions.syntaxError(source, file.charColumns(), pendingMessage, pendingStart, pendingEnd));
        }
        clearFailure();
    }

    final void noteFirstError() {
        if (firstErrorFetchLine == 0) {
            int t = Math.min(Math.max(fetched, pos), count - 1);
            firstErrorFetchLine = t >= 0 ? tokens.line(t) : 0;
            int n = src.length;
            if (t >= 0 && sb(t) >= n && n > 0 && (src[n - 1] == '\n' || src[n - 1] == '\r')) {
                // At the end of the file CPython's tokenizer has counted the last line break.
                firstErrorFetchLine = source.lineCount() + 1;
            }
        }
    }

    final void clearFailure() {
        pendingCursor = false;
        pendingMessage = null;
        pendingSuppressed = false;
    }

    final String pendingMessage() {
        return pendingMessage;
    }

    final int pendingStart() {
        return pendingStart;
    }

    final int pendingEnd() {
        return pendingEnd;
    }

    final void enter(int weight) {
        depth += weight;
        if (depth > MAX_DEPTH) {
            depth -= weight;
            throw fail(STACK_OVERFLOW, sb(Math.min(pos, count - 1)), eb(Math.min(pos, count - 1)));
        }
    }

    final void leave(int weight) {
        depth -= weight;
    }

    // ---- second-pass checks

    /**
     * Runs one of CPython's second-pass checks (an {@code invalid_*} rule) and undoes its parse,
     * whatever happens. The check returns the failure to report, or null; a failure thrown inside
     * means the rule does not apply. Like CPython's second pass, the check does not move where a
     * plain "invalid syntax" is reported, but counts for how far the parse has read.
     */
    final ParseFailure probe(java.util.function.Supplier<ParseFailure> check) {
        int savedPos = pos;
        int savedDepth = depth;
        int savedBrackets = brackets;
        int savedTop = top;
        int savedInts = ints.size();
        int savedErrors = errors.size();
        int savedFurthest = furthest;
        try {
            return check.get();
        } catch (ParseFailure notApplicable) {
            clearFailure();
            return null;
        } finally {
            fetched(pos);
            pos = savedPos;
            depth = savedDepth;
            brackets = savedBrackets;
            top = savedTop;
            ints.truncate(savedInts);
            truncateErrors(savedErrors);
            furthest = savedFurthest;
        }
    }

    final void truncateErrors(int size) {
        while (errors.size() > size) {
            errors.remove(errors.size() - 1);
        }
    }

    // ---- list building on a scratch stack shared by all rules

    final int mark() {
        return top;
    }

    final void push(Object o) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = o;
    }

    final <E> List<E> popList(int mark) {
        int n = top - mark;
        if (n == 0) {
            return List.of();
        }
        Object[] a = Arrays.copyOfRange(stack, mark, top);
        // Slots above the mark are not cleared: the parser is dropped after one parse anyway.
        top = mark;
        return new NodeList<>(a);
    }

    /** Two lists built side by side, as (first, second) pairs pushed in turn. */
    static final class Pairs {
        private final List<?> firsts;
        private final List<?> seconds;

        Pairs(List<?> firsts, List<?> seconds) {
            this.firsts = firsts;
            this.seconds = seconds;
        }

        @SuppressWarnings("unchecked")
        <E> List<E> firsts() {
            return (List<E>) firsts;
        }

        @SuppressWarnings("unchecked")
        <E> List<E> seconds() {
            return (List<E>) seconds;
        }
    }

    /** Pops the pairs pushed since the mark into two lists. */
    final Pairs popPairs(int mark) {
        int n = (top - mark) / 2;
        Object[] firsts = new Object[n];
        Object[] seconds = new Object[n];
        for (int i = 0; i < n; i++) {
            firsts[i] = stack[mark + 2 * i];
            seconds[i] = stack[mark + 2 * i + 1];
        }
        top = mark;
        return new Pairs(listFrom(firsts), listFrom(seconds));
    }

    /** Drops what a failed alternative pushed. */
    final void resetStack(int mark) {
        if (top > mark) {
            top = mark;
        }
    }

    @SuppressWarnings("unchecked")
    final <E> E stackAt(int i) {
        return (E) stack[i];
    }

    static <E> List<E> listFrom(Object[] elements) {
        return elements.length == 0 ? List.of() : new NodeList<>(elements);
    }

    static <E> List<E> listOf(E single) {
        return new NodeList<>(new Object[] {single});
    }

    static <E> List<E> listOf(E first, E second) {
        return new NodeList<>(new Object[] {first, second});
    }
}
