package io.codeanatomy.python.syntax.lexer;

/**
 * Token kinds, named as CPython's Grammar/Tokens. Hard keywords have their own kinds; soft
 * keywords ({@code match}, {@code case}, {@code _}, {@code type}) are {@link #NAME} tokens that the
 * parser recognises by text. A string literal, f-string or t-string is one {@link #STRING} token
 * (CPython 3.11 style); its prefix is read from the source bytes.
 */
public enum TokenKind {
    ENDMARKER, NEWLINE, INDENT, DEDENT, NAME, NUMBER, STRING,
    // operators and delimiters
    LPAR, RPAR, LSQB, RSQB, LBRACE, RBRACE, COLON, COMMA, SEMI, PLUS, MINUS, STAR, SLASH, VBAR, AMPER,
    LESS, GREATER, EQUAL, DOT, PERCENT, EQEQUAL, NOTEQUAL, LESSEQUAL, GREATEREQUAL, TILDE, CIRCUMFLEX,
    LEFTSHIFT, RIGHTSHIFT, DOUBLESTAR, PLUSEQUAL, MINEQUAL, STAREQUAL, SLASHEQUAL, PERCENTEQUAL,
    AMPEREQUAL, VBAREQUAL, CIRCUMFLEXEQUAL, LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL, DOUBLESTAREQUAL,
    DOUBLESLASH, DOUBLESLASHEQUAL, AT, ATEQUAL, RARROW, ELLIPSIS, COLONEQUAL, EXCLAMATION,
    // hard keywords
    FALSE, NONE, TRUE, AND, AS, ASSERT, ASYNC, AWAIT, BREAK, CLASS, CONTINUE, DEF, DEL, ELIF, ELSE,
    EXCEPT, FINALLY, FOR, FROM, GLOBAL, IF, IMPORT, IN, IS, LAMBDA, NONLOCAL, NOT, OR, PASS, RAISE,
    RETURN, TRY, WHILE, WITH, YIELD,
    /** A character or byte sequence that starts no token; the lexer also records a SyntaxError. */
    ERRORTOKEN;

    private static final TokenKind[] VALUES = values();

    public static TokenKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
