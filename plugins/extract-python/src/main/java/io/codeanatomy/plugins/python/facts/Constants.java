package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Bytes;
import io.codeanatomy.python.syntax.ast.Complex;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.Singleton;
import io.codeanatomy.python.syntax.ast.UnaryOp;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.unaryop;
import java.math.BigInteger;

/**
 * Constants as the value-flow tables summarize them: their kind, and for an int or str their value
 * as text, the form a constant index or key is joined on ({@code t[0]}, {@code d["k"]}).
 */
final class Constants {
    /** Longer values get no text: keys and indices are short, and a table of long strings helps nobody. */
    static final int MAX_TEXT_CHARS = 100;

    private Constants() {
    }

    static ConstKind kind(Constant c) {
        Object v = c.value();
        if (v instanceof Boolean) {
            return ConstKind.BOOL;
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return ConstKind.INT;
        } else if (v instanceof Double) {
            return ConstKind.FLOAT;
        } else if (v instanceof Complex) {
            return ConstKind.COMPLEX;
        } else if (v instanceof Bytes) {
            return ConstKind.BYTES;
        } else if (v == Singleton.NONE) {
            return ConstKind.NONE;
        } else if (v == Singleton.ELLIPSIS) {
            return ConstKind.ELLIPSIS;
        }
        // A String, or a CodePointString (a str with lone surrogates a Java String cannot hold apart).
        return ConstKind.STR;
    }

    /**
     * An int's decimal form or a str's value, null for other kinds, for a str that is no plain
     * Java string (lone surrogates), and beyond {@link #MAX_TEXT_CHARS}.
     */
    static String text(Constant c) {
        Object v = c.value();
        String text = null;
        if (v instanceof String s) {
            text = s;
        } else if (kind(c) == ConstKind.INT) {
            text = v.toString();
        }
        return text != null && text.length() <= MAX_TEXT_CHARS ? text : null;
    }

    /**
     * The constant that an index or key expression stands for: an int or str Constant, or a
     * negated int ({@code t[-1]} is {@code UnaryOp(USub, Constant(1))} in the tree); else null.
     */
    static Constant keyOf(expr e) {
        if (e instanceof Constant c && (kind(c) == ConstKind.INT || kind(c) == ConstKind.STR)) {
            return c;
        }
        if (e instanceof UnaryOp u && u.op() == unaryop.USub && u.operand() instanceof Constant c
                && kind(c) == ConstKind.INT) {
            return c;
        }
        return null;
    }

    /** The key kind of {@link #keyOf}'s expression: INT or STR; null when it is no constant key. */
    static ConstKind keyKind(expr e) {
        Constant c = keyOf(e);
        return c == null ? null : kind(c);
    }

    /** The key's text: {@link #text}, with a minus sign for a negated int. */
    static String keyText(expr e) {
        Constant c = keyOf(e);
        if (c == null) {
            return null;
        }
        String text = text(c);
        return text != null && e instanceof UnaryOp ? "-" + text : text;
    }
}
