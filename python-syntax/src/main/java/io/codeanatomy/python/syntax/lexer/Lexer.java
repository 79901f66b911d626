package io.codeanatomy.python.syntax.lexer;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPython 3.11's tokenizer ({@code Parser/tokenizer.c}) over the UTF-8 bytes of a {@link SourceText}:
 * a hand-written state machine that records token positions only, never throws and runs in time
 * linear in the input.
 *
 * <p>Positions follow CPython's C tokenizer, with two conventions to know about. NEWLINE's line and
 * columns are CPython's: it starts at the comment that precedes it on its line, if any, else at the
 * newline, and its end column equals the newline's column; its byte span covers the newline
 * characters (empty for the newline CPython appends to a file that does not end with one).
 * INDENT, DEDENT and (outside {@link #lexEmbedded}) ENDMARKER have column -1, as CPython gives them;
 * their byte span is empty, at the first token of the line (at the end of the file for ENDMARKER),
 * and their line is CPython's current line: at the end of the file, the last line, not the one after.
 *
 * <p>Where CPython's tokenizer would report an error, this lexer records it (CPython's message, line
 * and printed column; the byte span of what is wrong) and emits an ERRORTOKEN where the tokenizer
 * failed, then carries on. The i-th ERRORTOKEN goes with the i-th error, with one exception: a NUL
 * byte inside a string or a comment is recorded without one (CPython 3.11 refuses any source with a
 * NUL before it tokenizes, so that error outranks all others). At most {@value #MAX_ERRORS} errors
 * are recorded. Beyond CPython's nesting limits (200 brackets, 100 indentation levels) the lexer
 * reports the error once and keeps counting, so that later tokens pair up.
 */
public final class Lexer {
    static final int MAX_ERRORS = 1000;
    /** CPython's MAXLEVEL: deepest nesting of brackets. */
    private static final int MAX_LEVEL = 200;
    /** CPython's MAXINDENT: deepest indentation. */
    private static final int MAX_INDENT = 100;
    private static final int TAB_SIZE = 8;
    private static final String NUL_MESSAGE = "source code string cannot contain null bytes";

    private static final byte OTHER = 0;
    private static final byte SPACE = 1;
    private static final byte NEWLINE = 2;
    private static final byte HASH = 3;
    private static final byte IDENT = 4;
    private static final byte DIGIT = 5;
    private static final byte DOT = 6;
    private static final byte QUOTE = 7;
    private static final byte BACKSLASH = 8;
    private static final byte OPERATOR = 9;
    private static final byte CONTROL = 10;
    private static final byte NUL = 11;

    /** What a byte can start. */
    private static final byte[] CLASS = new byte[256];
    /** Bytes that continue an identifier: CPython's is_potential_identifier_char. */
    private static final boolean[] IDENT_CHAR = new boolean[256];
    /** Bytes a string body scan can skip without a look (not a quote, backslash, newline or NUL). */
    private static final boolean[] PLAIN_IN_STRING = new boolean[256];
    /** Operators by their characters: {@code c}, {@code c=}, {@code cc} and {@code cc=}. */
    private static final TokenKind[] SINGLE = new TokenKind[128];
    private static final TokenKind[] WITH_EQUAL = new TokenKind[128];
    private static final TokenKind[] DOUBLED = new TokenKind[128];
    private static final TokenKind[] DOUBLED_EQUAL = new TokenKind[128];

    static {
        for (int c = 0; c < 256; c++) {
            byte k;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80) {
                k = IDENT;
            } else if (c >= '0' && c <= '9') {
                k = DIGIT;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                k = SPACE;
            } else if (c == '\n' || c == '\r') {
                k = NEWLINE;
            } else if (c == 0) {
                k = NUL;
            } else if (c < 0x20 || c == 0x7F) {
                k = CONTROL;
            } else if (c == '#') {
                k = HASH;
            } else if (c == '.') {
                k = DOT;
            } else if (c == '\'' || c == '"') {
                k = QUOTE;
            } else if (c == '\\') {
                k = BACKSLASH;
            } else if ("()[]{}:,;+-*/|&<>=%~^@!".indexOf(c) >= 0) {
                k = OPERATOR;
            } else {
                k = OTHER;
            }
            CLASS[c] = k;
            IDENT_CHAR[c] = k == IDENT || k == DIGIT;
            PLAIN_IN_STRING[c] = c != '\'' && c != '"' && c != '\\' && c != '\n' && c != '\r' && c != 0;
        }
        operators(':', TokenKind.COLON, TokenKind.COLONEQUAL, null, null);
        operators(',', TokenKind.COMMA, null, null, null);
        operators(';', TokenKind.SEMI, null, null, null);
        operators('~', TokenKind.TILDE, null, null, null);
        operators('+', TokenKind.PLUS, TokenKind.PLUSEQUAL, null, null);
        operators('-', TokenKind.MINUS, TokenKind.MINEQUAL, null, null);
        operators('*', TokenKind.STAR, TokenKind.STAREQUAL, TokenKind.DOUBLESTAR, TokenKind.DOUBLESTAREQUAL);
        operators('/', TokenKind.SLASH, TokenKind.SLASHEQUAL, TokenKind.DOUBLESLASH, TokenKind.DOUBLESLASHEQUAL);
        operators('<', TokenKind.LESS, TokenKind.LESSEQUAL, TokenKind.LEFTSHIFT, TokenKind.LEFTSHIFTEQUAL);
        operators('>', TokenKind.GREATER, TokenKind.GREATEREQUAL, TokenKind.RIGHTSHIFT, TokenKind.RIGHTSHIFTEQUAL);
        operators('=', TokenKind.EQUAL, null, TokenKind.EQEQUAL, null);
        operators('!', TokenKind.EXCLAMATION, TokenKind.NOTEQUAL, null, null);
        operators('%', TokenKind.PERCENT, TokenKind.PERCENTEQUAL, null, null);
        operators('^', TokenKind.CIRCUMFLEX, TokenKind.CIRCUMFLEXEQUAL, null, null);
        operators('|', TokenKind.VBAR, TokenKind.VBAREQUAL, null, null);
        operators('&', TokenKind.AMPER, TokenKind.AMPEREQUAL, null, null);
        operators('@', TokenKind.AT, TokenKind.ATEQUAL, null, null);
    }

    private static void operators(char c, TokenKind single, TokenKind withEqual, TokenKind doubled, TokenKind doubledEqual) {
        SINGLE[c] = single;
        WITH_EQUAL[c] = withEqual;
        DOUBLED[c] = doubled;
        DOUBLED_EQUAL[c] = doubledEqual;
    }

    private final byte[] b;
    private final int limit;
    private final boolean embedded;
    private final boolean nestedFStrings;
    private final boolean templateStrings;
    /** Whether CPython's parser prints character columns (else UTF-8 byte columns); see {@link #printsCharacterColumns}. */
    private final boolean charColumns;
    private final Tokens out;
    private final List<SyntaxError> errors = new ArrayList<>();

    /** Next byte to read. */
    private int pos;
    /** CPython's tok->cur while a number is scanned. */
    private int cur;
    /** CPython's lineno: the line being read (not advanced by the last newline of the file). */
    private int line;
    private int lineStart;
    /** The newline CPython appends to a file that does not end with one is still to be read. */
    private boolean virtualNewline;
    private boolean atLineStart;
    private boolean blankLine;
    /** Where the comment of the current line starts, or -1: CPython starts NEWLINE there. */
    private int commentStart = -1;

    private int[] indents = new int[16];
    private int[] altIndents = new int[16];
    private int indent;

    private byte[] parenChars = new byte[16];
    private int[] parenOffsets = new int[16];
    private int[] parenLines = new int[16];
    private int level;
    /** CPython's nesting limits are reported once per file (brackets and indentation alike). */
    private boolean tooDeepReported;

    /** Memo of {@link #charsBefore}: line start, offset and characters counted so far. */
    private int countedLineStart = -1;
    private int countedTo;
    private int countedChars;

    private Lexer(SourceText src, int from, int to, PythonVersion version, boolean embedded) {
        this.b = src.bytes();
        this.limit = to;
        this.embedded = embedded;
        this.nestedFStrings = version.atLeast(PythonVersion.PY312);
        this.templateStrings = version.atLeast(PythonVersion.PY314);
        this.charColumns = printsCharacterColumns(src);
        this.out = new Tokens((to - from) / 5 + 16);
        this.pos = from;
        this.line = from == 0 ? 1 : src.lineOf(from);
        this.lineStart = src.lineStarts().length == 0 ? 0 : src.lineStarts()[line - 1];
        this.virtualNewline = !embedded && (to == 0 || b[to - 1] != '\n' && b[to - 1] != '\r');
        this.atLineStart = !embedded;
    }

    /**
     * Whether CPython, given this file's bytes, prints the columns of the errors its parser raises
     * in characters: only with a BOM or a coding declaration (its tokenizer then knows an encoding).
     * Otherwise {@code ast.parse(bytes)} prints UTF-8 byte offsets plus one for them. Errors that
     * CPython's tokenizer raises itself always count characters.
     */
    public static boolean printsCharacterColumns(SourceText src) {
        return src.bomLength() > 0 || CodingCookie.find(src.bytes(), 0) != null;
    }

    /** Tokenizes a whole file as CPython's {@code ast.parse} does. */
    public static LexResult lex(SourceText src, PythonVersion version) {
        requireNonNull(src, "src is null");
        requireNonNull(version, "version is null");
        Lexer lexer = new Lexer(src, 0, src.bytes().length, version, false);
        lexer.run();
        return new LexResult(lexer.out, lexer.errors);
    }

    /**
     * Tokenizes {@code [from, to)} as if it stood inside brackets (newlines are blanks; no NEWLINE,
     * INDENT or DEDENT), with the positions of the whole source, ending with an ENDMARKER at
     * {@code to}. For the expressions of f-string replacement fields.
     */
    public static LexResult lexEmbedded(SourceText src, int from, int to, PythonVersion version) {
        requireNonNull(src, "src is null");
        requireNonNull(version, "version is null");
        if (from < 0 || from > to || to > src.bytes().length) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") is not within the "
                    + src.bytes().length + " bytes of the source");
        }
        Lexer lexer = new Lexer(src, from, to, version, true);
        lexer.run();
        return new LexResult(lexer.out, lexer.errors);
    }

    private void run() {
        for (;;) {
            if (atLineStart) {
                atLineStart = false;
                blankLine = indentation();
            }
            int c = 0;
            while (pos < limit && CLASS[c = b[pos] & 0xFF] == SPACE) {
                pos++;
            }
            if (pos >= limit) {
                if (virtualNewline) {
                    virtualNewline = false;
                    newline(limit, limit);
                    continue;
                }
                endOfInput();
                return;
            }
            int start = pos;
            switch (CLASS[c]) {
                case IDENT -> {
                    int quote = stringQuote(start);
                    if (quote >= 0) {
                        string(start, quote);
                    } else {
                        name(start);
                    }
                }
                case DIGIT -> number(start, false);
                case OPERATOR -> operator(start, c);
                case NEWLINE -> newline(start, newlineEnd(start));
                case HASH -> comment(start);
                case QUOTE -> string(start, start);
                case DOT -> dot(start);
                case BACKSLASH -> continuation();
                case NUL -> {
                    errorToken(NUL_MESSAGE, start, start + 1, start + 1);
                    pos = start + 1;
                }
                case CONTROL -> {
                    if (recording()) {
                        error(String.format("invalid non-printable character U+%04X", c), start, start + 1, line,
                                column(start + 1));
                    }
                    emit(TokenKind.ERRORTOKEN, start, start + 1);
                    pos = start + 1;
                }
                default -> {
                    // '$', '?' and '`' are OP tokens to CPython's tokenizer, which its parser rejects.
                    if (recording()) {
                        error("invalid syntax", start, start + 1, line, parserColumn(lineStart, start));
                    }
                    emit(TokenKind.ERRORTOKEN, start, start + 1);
                    pos = start + 1;
                }
            }
        }
    }

    // ---------------------------------------------------------------- lines and indentation

    private int newlineEnd(int p) {
        if (p >= limit) {
            return p;
        }
        if (b[p] == '\r' && p + 1 < limit && b[p + 1] == '\n') {
            return p + 2;
        }
        return p + 1;
    }

    /** Moves to the line that starts at {@code next}; CPython does not count the line after the last newline. */
    private void nextLine(int next) {
        if (next < limit || embedded) {
            line++;
            lineStart = next;
        }
    }

    /** A newline at {@code [p, e)}: a NEWLINE token unless the line is blank or within brackets. */
    private void newline(int p, int e) {
        if (!blankLine && level == 0 && !embedded) {
            int colStart = commentStart >= 0 ? commentStart : p;
            out.add(TokenKind.NEWLINE, p, e, line, colStart - lineStart, line, p - lineStart);
        }
        commentStart = -1;
        pos = e;
        nextLine(e);
        atLineStart = !embedded;
    }

    private void comment(int start) {
        int p = start + 1;
        while (p < limit) {
            byte c = b[p];
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == 0 && recording()) {
                error(NUL_MESSAGE, p, p + 1, line, column(p) + 1);
            }
            p++;
        }
        commentStart = start;
        pos = p;
    }

    /**
     * CPython's "atbol" block: measures the indentation of a new line (spaces, tabs to multiples of
     * 8, form feed resets, continuation lines), emits INDENT or DEDENTs, and says whether the line
     * is blank (nothing but a comment).
     */
    private boolean indentation() {
        int col = 0;
        int altCol = 0;
        int contLineCol = 0;
        int c;
        for (;;) {
            if (pos >= limit) {
                c = virtualNewline ? '\n' : -1;
                break;
            }
            c = b[pos];
            if (c == ' ') {
                col++;
                altCol++;
                pos++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                altCol++;
                pos++;
            } else if (c == '\f') {
                col = 0;
                altCol = 0;
                pos++;
            } else if (c == '\\') {
                // The first backslash fixes the indentation of what follows it (CPython's cont_line_col,
                // where 0 means "not set").
                contLineCol = contLineCol != 0 ? contLineCol : col;
                continuation();
            } else {
                break;
            }
        }
        boolean blank = c == '#' || c == '\n' || c == '\r';
        if (blank || level != 0) {
            return blank;
        }
        if (contLineCol != 0) {
            col = contLineCol;
            altCol = contLineCol;
        }
        if (col == indents[indent]) {
            if (altCol != altIndents[indent]) {
                tabError();
            }
        } else if (col > indents[indent]) {
            if (indent + 1 >= MAX_INDENT && !tooDeepReported) {
                tooDeepReported = true;
                error("too many levels of indentation", lineStart, pos, line, 1);
                emit(TokenKind.ERRORTOKEN, pos, pos);
            } else if (altCol <= altIndents[indent]) {
                tabError();
            }
            pushIndent(col, altCol);
            out.add(TokenKind.INDENT, pos, pos, line, -1, line, -1);
        } else {
            int dedents = 0;
            while (indent > 0 && col < indents[indent]) {
                indent--;
                dedents++;
            }
            if (col != indents[indent]) {
                if (recording()) {
                    error("unindent does not match any outer indentation level", lineStart, pos, line,
                            parserColumn(lineStart, lineEnd(pos)));
                }
                emit(TokenKind.ERRORTOKEN, pos, pos);
            } else if (altCol != altIndents[indent]) {
                tabError();
            }
            for (int i = 0; i < dedents; i++) {
                out.add(TokenKind.DEDENT, pos, pos, line, -1, line, -1);
            }
        }
        return false;
    }

    /** CPython's TabError; the ERRORTOKEN is empty, after the indentation, where CPython stops. */
    private void tabError() {
        error("inconsistent use of tabs and spaces in indentation", lineStart, pos, line, 1);
        emit(TokenKind.ERRORTOKEN, pos, pos);
    }

    private void pushIndent(int col, int altCol) {
        if (indent + 1 == indents.length) {
            indents = Arrays.copyOf(indents, indents.length * 2);
            altIndents = Arrays.copyOf(altIndents, altIndents.length * 2);
        }
        indent++;
        indents[indent] = col;
        altIndents[indent] = altCol;
    }

    /** End of the current line's text (before its newline characters). */
    private int lineEnd(int from) {
        int p = from;
        while (p < limit && b[p] != '\n' && b[p] != '\r') {
            p++;
        }
        return p;
    }

    /**
     * A backslash at {@code pos}: joins the next line, or records CPython's error when something
     * follows the backslash on its line or the file ends after it.
     */
    private void continuation() {
        int backslash = pos;
        int q = backslash + 1;
        int e;
        if (q < limit && (b[q] == '\n' || b[q] == '\r')) {
            e = newlineEnd(q);
        } else if (q >= limit && virtualNewline) {
            virtualNewline = false;
            e = limit;
        } else {
            error("unexpected character after line continuation character", backslash, q, line,
                    parserColumn(lineStart, q));
            emit(TokenKind.ERRORTOKEN, backslash, q);
            pos = q;
            return;
        }
        if (e >= limit) {
            // CPython's column counts the whole line with its newline; the line is the backslash's.
            error("unexpected EOF while parsing", backslash, q, line, parserColumn(lineStart, q));
            emit(TokenKind.ERRORTOKEN, backslash, q);
        }
        pos = e;
        nextLine(e);
    }

    private void endOfInput() {
        if (level > 0) {
            int k = level - 1;
            int at = parenOffsets[k];
            int ls = startOfLine(at);
            error("'" + (char) parenChars[k] + "' was never closed", at, at + 1, parenLines[k],
                    parserColumn(ls, at));
            emit(TokenKind.ERRORTOKEN, limit, limit);
        }
        if (embedded) {
            emit(TokenKind.ENDMARKER, limit, limit);
            return;
        }
        while (indent > 0) {
            indent--;
            out.add(TokenKind.DEDENT, limit, limit, line, -1, line, -1);
        }
        out.add(TokenKind.ENDMARKER, limit, limit, line, -1, line, -1);
    }

    private int startOfLine(int at) {
        int p = at;
        while (p > 0 && b[p - 1] != '\n' && b[p - 1] != '\r') {
            p--;
        }
        return p;
    }

    // ---------------------------------------------------------------- names and operators

    private void name(int start) {
        int p = start;
        int all = 0;
        while (p < limit) {
            int c = b[p] & 0xFF;
            if (!IDENT_CHAR[c]) {
                break;
            }
            all |= c;
            p++;
        }
        pos = p;
        if ((all & 0x80) != 0) {
            if (verifyIdentifier(start, p)) {
                emit(TokenKind.NAME, start, p);
            }
            return;
        }
        emit(Keywords.kind(b, start, p), start, p);
    }

    /** CPython's verify_identifier: XID_Start then XID_Continue, each code point checked as written. */
    private boolean verifyIdentifier(int start, int end) {
        int p = start;
        boolean first = true;
        while (p < end) {
            int len = Utf8.sequenceLength(b, p, end);
            if (len < 0) {
                if (recording()) {
                    String message = "(unicode error) " + Utf8.decodeError(b, start, end);
                    error(message, p, p - len, line, parserColumn(lineStart, end) - 1);
                }
                emit(TokenKind.ERRORTOKEN, start, end);
                return false;
            }
            int cp = Utf8.codePointAt(b, p);
            boolean ok;
            if (cp < 0x80) {
                ok = cp == '_' || cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || !first && cp >= '0' && cp <= '9';
            } else {
                ok = first ? IdentifierChars.isStart(cp) : IdentifierChars.isContinue(cp);
            }
            if (!ok) {
                if (recording()) {
                    String hex = String.format("%04X", cp);
                    String message = IdentifierChars.isPrintable(cp)
                            ? "invalid character '" + new String(Character.toChars(cp)) + "' (U+" + hex + ")"
                            : "invalid non-printable character U+" + hex;
                    error(message, p, p + len, line, column(p + len));
                }
                emit(TokenKind.ERRORTOKEN, start, end);
                return false;
            }
            first = false;
            p += len;
        }
        return true;
    }

    /**
     * An operator or delimiter, longest match first: {@code cc=}, {@code cc}, {@code c=}, then the
     * two-character forms that start otherwise ({@code ->}, {@code <>}), then {@code c}.
     */
    private void operator(int start, int c) {
        if (c == '(' || c == '[' || c == '{') {
            open(start, c);
            return;
        }
        if (c == ')' || c == ']' || c == '}') {
            close(start, c);
            return;
        }
        int c1 = start + 1 < limit ? b[start + 1] : 0;
        TokenKind kind;
        int len;
        if (c1 == c && DOUBLED[c] != null) {
            boolean assign = start + 2 < limit && b[start + 2] == '=' && DOUBLED_EQUAL[c] != null;
            kind = assign ? DOUBLED_EQUAL[c] : DOUBLED[c];
            len = assign ? 3 : 2;
        } else if (c1 == '=' && WITH_EQUAL[c] != null) {
            kind = WITH_EQUAL[c];
            len = 2;
        } else if (c == '-' && c1 == '>') {
            kind = TokenKind.RARROW;
            len = 2;
        } else if (c == '<' && c1 == '>') {
            // "<>" is one token to CPython (NOTEQUAL); only barry_as_FLUFL lets its parser accept it.
            kind = TokenKind.NOTEQUAL;
            len = 2;
        } else {
            kind = SINGLE[c];
            len = 1;
        }
        emit(kind, start, start + len);
        pos = start + len;
    }

    private void open(int start, int c) {
        pos = start + 1;
        if (level >= MAX_LEVEL && !tooDeepReported) {
            // Reported once; the bracket still counts, so that the ones after it pair up.
            tooDeepReported = true;
            error("too many nested parentheses", start, start + 1, line, column(start + 1));
            emit(TokenKind.ERRORTOKEN, start, start + 1);
        } else {
            emit(c == '(' ? TokenKind.LPAR : c == '[' ? TokenKind.LSQB : TokenKind.LBRACE, start, start + 1);
        }
        if (level == parenChars.length) {
            parenChars = Arrays.copyOf(parenChars, level * 2);
            parenOffsets = Arrays.copyOf(parenOffsets, level * 2);
            parenLines = Arrays.copyOf(parenLines, level * 2);
        }
        parenChars[level] = (byte) c;
        parenOffsets[level] = start;
        parenLines[level] = line;
        level++;
    }

    private void close(int start, int c) {
        pos = start + 1;
        if (level == 0) {
            errorToken("unmatched '" + (char) c + "'", start, start + 1, start + 1);
            return;
        }
        level--;
        int opening = parenChars[level];
        boolean matches = opening == '(' && c == ')' || opening == '[' && c == ']' || opening == '{' && c == '}';
        if (!matches) {
            String message = "closing parenthesis '" + (char) c + "' does not match opening parenthesis '" + (char) opening + "'";
            if (parenLines[level] != line) {
                message += " on line " + parenLines[level];
            }
            errorToken(message, start, start + 1, start + 1);
            return;
        }
        emit(c == ')' ? TokenKind.RPAR : c == ']' ? TokenKind.RSQB : TokenKind.RBRACE, start, start + 1);
    }

    private void dot(int start) {
        int c1 = start + 1 < limit ? b[start + 1] : 0;
        if (c1 >= '0' && c1 <= '9') {
            number(start, true);
        } else if (c1 == '.' && start + 2 < limit && b[start + 2] == '.') {
            emit(TokenKind.ELLIPSIS, start, start + 3);
            pos = start + 3;
        } else {
            emit(TokenKind.DOT, start, start + 1);
            pos = start + 1;
        }
    }

    // ---------------------------------------------------------------- numbers

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** CPython's tok_nextc over the number being scanned: -1 past the end (its newline or EOF). */
    private int nextc() {
        int c = cur < limit ? b[cur] & 0xFF : -1;
        cur++;
        return c;
    }

    private void backup() {
        cur--;
    }

    /** The number at {@code start} (a digit, or a '.' before a digit), following tok_get step by step. */
    private void number(int start, boolean fraction) {
        cur = start + 1;
        int c = b[start] & 0xFF;
        if (fraction) {
            c = nextc();
            numberFraction(start, c);
        } else if (c == '0') {
            c = nextc();
            if (c == 'x' || c == 'X') {
                radixNumber(start, 16);
            } else if (c == 'o' || c == 'O') {
                radixNumber(start, 8);
            } else if (c == 'b' || c == 'B') {
                radixNumber(start, 2);
            } else {
                zeroNumber(start, c);
            }
        } else {
            c = decimalTail(start);
            if (c != ERROR) {
                if (c == '.') {
                    numberFraction(start, nextc());
                } else {
                    numberExponent(start, c);
                }
            }
        }
    }

    private static final int ERROR = -2;

    /** Digits and single underscores between them; returns the first other character, or ERROR. */
    private int decimalTail(int start) {
        int c;
        for (;;) {
            do {
                c = nextc();
            } while (isDigit(c));
            if (c != '_') {
                return c;
            }
            c = nextc();
            if (!isDigit(c)) {
                backup();
                numberError(start, "invalid decimal literal");
                return ERROR;
            }
        }
    }

    private void zeroNumber(int start, int first) {
        int c = first;
        boolean nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc();
                if (!isDigit(c)) {
                    backup();
                    numberError(start, "invalid decimal literal");
                    return;
                }
            }
            if (c != '0') {
                break;
            }
            c = nextc();
        }
        int zerosEnd = cur;
        if (isDigit(c)) {
            nonzero = true;
            c = decimalTail(start);
            if (c == ERROR) {
                return;
            }
        }
        if (c == '.') {
            numberFraction(start, nextc());
        } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            numberExponent(start, c);
        } else if (nonzero) {
            backup();
            // CPython passes this range in bytes, without converting to characters.
            error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start, zerosEnd, line, start + 1 - lineStart);
            numberErrorToken(start);
        } else if (verifyEndOfNumber(start, c, "decimal")) {
            numberEnd(start);
        }
    }

    private void numberFraction(int start, int first) {
        int c = first;
        if (isDigit(c)) {
            c = decimalTail(start);
            if (c == ERROR) {
                return;
            }
        }
        numberExponent(start, c);
    }

    /** After the integer and fraction parts: an optional exponent, an optional 'j', then the end. */
    private void numberExponent(int start, int first) {
        int c = first;
        if (c == 'e' || c == 'E') {
            int e = c;
            c = nextc();
            if (c == '+' || c == '-') {
                c = nextc();
                if (!isDigit(c)) {
                    backup();
                    numberError(start, "invalid decimal literal");
                    return;
                }
            } else if (!isDigit(c)) {
                backup();
                if (!verifyEndOfNumber(start, e, "decimal")) {
                    return;
                }
                // "1else": the number ends before the 'e'.
                backup();
                emit(TokenKind.NUMBER, start, cur);
                pos = cur;
                return;
            }
            c = decimalTail(start);
            if (c == ERROR) {
                return;
            }
        }
        if (c == 'j' || c == 'J') {
            c = nextc();
            if (verifyEndOfNumber(start, c, "imaginary")) {
                numberEnd(start);
            }
        } else if (verifyEndOfNumber(start, c, "decimal")) {
            numberEnd(start);
        }
    }

    private void radixNumber(int start, int radix) {
        String kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
        int c = nextc();
        do {
            if (c == '_') {
                c = nextc();
            }
            if (!isRadixDigit(c, radix)) {
                if (radix != 16 && isDigit(c)) {
                    numberError(start, "invalid digit '" + (char) c + "' in " + kind + " literal");
                } else {
                    backup();
                    numberError(start, "invalid " + kind + " literal");
                }
                return;
            }
            do {
                c = nextc();
            } while (isRadixDigit(c, radix));
        } while (c == '_');
        if (radix != 16 && isDigit(c)) {
            numberError(start, "invalid digit '" + (char) c + "' in " + kind + " literal");
            return;
        }
        if (verifyEndOfNumber(start, c, kind)) {
            numberEnd(start);
        }
    }

    private static boolean isRadixDigit(int c, int radix) {
        return radix == 16 ? isHexDigit(c) : c >= '0' && c < '0' + radix;
    }

    /**
     * CPython's verify_end_of_number, with the character after the number already read: a keyword
     * that may follow a number ("1if x else y") is accepted (CPython warns), another ASCII name
     * character is an error.
     */
    private boolean verifyEndOfNumber(int start, int c, String kind) {
        boolean keyword = switch (c) {
            case 'a' -> lookahead("nd");
            case 'e' -> lookahead("lse");
            case 'f' -> lookahead("or");
            case 'i' -> {
                int c2 = nextc();
                backup();
                yield c2 == 'f' || c2 == 'n' || c2 == 's';
            }
            case 'o' -> lookahead("r");
            case 'n' -> lookahead("ot");
            default -> false;
        };
        if (keyword) {
            return true;
        }
        if (c >= 0 && c < 0x80 && IDENT_CHAR[c]) {
            backup();
            numberError(start, "invalid " + kind + " literal");
            return false;
        }
        return true;
    }

    /** Whether {@code rest} follows, then a character that cannot continue a name; reads nothing. */
    private boolean lookahead(String rest) {
        int save = cur;
        boolean result = false;
        int i = 0;
        for (;;) {
            int c = nextc();
            if (i == rest.length()) {
                result = c < 0 || !IDENT_CHAR[c];
                break;
            }
            if (c != rest.charAt(i)) {
                break;
            }
            i++;
        }
        cur = save;
        return result;
    }

    /** The number ends before the character just read. */
    private void numberEnd(int start) {
        backup();
        emit(TokenKind.NUMBER, start, cur);
        pos = cur;
    }

    /** CPython's syntaxerror() at tok->cur, then an ERRORTOKEN over the malformed literal. */
    private void numberError(int start, String message) {
        if (recording()) {
            error(message, start, Math.max(Math.min(cur, limit), start + 1), line, column(cur));
        }
        numberErrorToken(start);
    }

    private void numberErrorToken(int start) {
        int p = Math.max(Math.min(cur, limit), start + 1);
        while (p < limit && IDENT_CHAR[b[p] & 0xFF]) {
            p++;
        }
        emit(TokenKind.ERRORTOKEN, start, p);
        pos = p;
    }

    // ---------------------------------------------------------------- strings

    private static boolean isQuote(int c) {
        return c == '\'' || c == '"';
    }

    /**
     * The quote that a string prefix at {@code start} opens, or -1: CPython accepts b, r, u, f and
     * br, rb, fr, rf in any case (3.14 adds t, tr, rt).
     */
    private int stringQuote(int start) {
        if (start + 1 >= limit) {
            return -1;
        }
        int c0 = b[start] | 0x20;
        int c1 = b[start + 1];
        if (isQuote(c1)) {
            return c0 == 'r' || c0 == 'b' || c0 == 'u' || c0 == 'f' || c0 == 't' && templateStrings ? start + 1 : -1;
        }
        if (start + 2 >= limit || !isQuote(b[start + 2])) {
            return -1;
        }
        c1 |= 0x20;
        boolean ok = c0 == 'r' ? c1 == 'b' || c1 == 'f' || c1 == 't' && templateStrings
                : c1 == 'r' && (c0 == 'b' || c0 == 'f' || c0 == 't' && templateStrings);
        return ok ? start + 2 : -1;
    }

    /** A string literal: prefix at {@code [start, quote)}, opening quote at {@code quote}. */
    private void string(int start, int quote) {
        boolean formatted = false;
        boolean raw = false;
        for (int i = start; i < quote; i++) {
            int c = b[i] | 0x20;
            formatted |= c == 'f' || c == 't';
            raw |= c == 'r';
        }
        if (formatted && nestedFStrings) {
            new NestedFString(this).scan(start, quote, raw);
            return;
        }
        int startLine = line;
        int startLineStart = lineStart;
        int end = plainStringEnd(quote);
        if (end < 0) {
            unterminated(start, startLine, startLineStart, -end, quoteCount(quote) == 3, "");
            return;
        }
        out.add(TokenKind.STRING, start, end, startLine, start - startLineStart, line, end - lineStart);
        pos = end;
    }

    /** 3 for a triple quote at {@code q}, else 1 (an empty string counts as 1). */
    int quoteCount(int q) {
        byte quote = b[q];
        return q + 2 < limit && b[q + 1] == quote && b[q + 2] == quote ? 3 : 1;
    }

    /**
     * Scans a string whose opening quote is at {@code q}, as CPython 3.11 finds its end (escapes
     * skip a character, newlines end single-quoted strings), counting lines; returns the end, or
     * minus the position where it was found unterminated.
     */
    int plainStringEnd(int q) {
        byte quote = b[q];
        boolean triple = quoteCount(q) == 3;
        int p = q + (triple ? 3 : 1);
        for (;;) {
            while (p < limit && PLAIN_IN_STRING[b[p] & 0xFF]) {
                p++;
            }
            if (p >= limit) {
                return -p;
            }
            byte c = b[p];
            if (c == quote) {
                if (!triple) {
                    return p + 1;
                }
                if (p + 2 < limit && b[p + 1] == quote && b[p + 2] == quote) {
                    return p + 3;
                }
                p++;
            } else if (c == '\\') {
                p = afterEscape(p + 1);
            } else if (c == '\n' || c == '\r') {
                if (!triple) {
                    return -p;
                }
                p = newlineEnd(p);
                nextLine(p);
            } else {
                if (c == 0) {
                    nulInToken(p);
                }
                p++;
            }
        }
    }

    /** Skips the character after a backslash at {@code p - 1} inside a string. */
    int afterEscape(int p) {
        if (p >= limit) {
            return p;
        }
        byte c = b[p];
        if (c == '\n' || c == '\r') {
            int e = newlineEnd(p);
            nextLine(e);
            return e;
        }
        if (c == 0) {
            nulInToken(p);
        }
        return p + 1;
    }

    /** Records CPython's unterminated-string error and an ERRORTOKEN up to {@code stop}. */
    void unterminated(int start, int startLine, int startLineStart, int stop, boolean triple, String kind) {
        String what = (triple ? "unterminated triple-quoted " : "unterminated ") + kind + "string literal";
        if (recording()) {
            error(what + " (detected at line " + line + ")", start, stop, startLine, charsBefore(startLineStart, start) + 1);
        }
        out.add(TokenKind.ERRORTOKEN, start, stop, startLine, start - startLineStart, line, stop - lineStart);
        pos = stop;
    }

    void nulInToken(int p) {
        if (recording()) {
            error(NUL_MESSAGE, p, p + 1, line, column(p) + 1);
        }
    }

    // ---------------------------------------------------------------- shared with NestedFString

    byte[] bytes() {
        return b;
    }

    int limit() {
        return limit;
    }

    int line() {
        return line;
    }

    int lineStart() {
        return lineStart;
    }

    /** The end of the newline characters at {@code p}, after which the next line starts. */
    int skipNewline(int p) {
        int e = newlineEnd(p);
        nextLine(e);
        return e;
    }

    int stringQuoteAt(int p) {
        return stringQuote(p);
    }

    static boolean identChar(int c) {
        return IDENT_CHAR[c];
    }

    void emitString(int start, int end, int startLine, int startLineStart) {
        out.add(TokenKind.STRING, start, end, startLine, start - startLineStart, line, end - lineStart);
        pos = end;
    }

    // ---------------------------------------------------------------- output

    /** A token on the current line. */
    private void emit(TokenKind kind, int start, int end) {
        out.add(kind, start, end, line, start - lineStart, line, end - lineStart);
    }

    /** CPython's 1-based printed column of the character before {@code p}: characters in [lineStart, p). */
    private int column(int p) {
        return charsBefore(lineStart, p) + Math.max(0, p - limit);
    }

    /**
     * Characters in {@code [ls, p)}, counted on from the previous call when it was on the same line
     * and not further: errors come in source order, so many errors on one long line cost one pass.
     */
    private int charsBefore(int ls, int p) {
        int at = Math.min(p, limit);
        if (ls != countedLineStart || at < countedTo) {
            countedLineStart = ls;
            countedTo = ls;
            countedChars = 0;
        }
        countedChars += Utf8.charCount(b, countedTo, at);
        countedTo = at;
        return countedChars;
    }

    /** Whether errors are still recorded (fewer than {@value #MAX_ERRORS} so far). */
    private boolean recording() {
        return errors.size() < MAX_ERRORS;
    }

    /**
     * The column CPython's parser prints for the character at {@code p} of the line starting at
     * {@code ls}: 1-based, in characters or in bytes as {@link #printsCharacterColumns} says.
     */
    private int parserColumn(int ls, int p) {
        int at = Math.min(p, limit);
        return (charColumns ? charsBefore(ls, at) : at - ls) + 1;
    }

    /** An error whose printed column is the characters up to {@code curAfter} (CPython's tok->cur). */
    private void errorToken(String message, int start, int end, int curAfter) {
        if (recording()) {
            error(message, start, end, line, column(curAfter));
        }
        emit(TokenKind.ERRORTOKEN, start, end);
    }

    private void error(String message, int bstart, int bend, int errorLine, int column) {
        if (recording()) {
            errors.add(new SyntaxError(message, bstart, bend, errorLine, column));
        }
    }
}
