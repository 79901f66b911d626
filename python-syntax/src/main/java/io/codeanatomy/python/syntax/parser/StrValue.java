package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.ast.CodePointString;
import java.util.Arrays;

/**
 * Accumulates a str value from decoded pieces. A high surrogate that ends the text so far can
 * only be a lone one (an escape), and so can a low surrogate that starts the next piece: where the
 * two meet they stay two code points (a "split"), as in Python. The value is a String unless a
 * split occurred, then a {@link CodePointString}.
 */
final class StrValue {
    private final StringBuilder text;
    private int[] splits;
    private int splitCount;

    StrValue(int capacity) {
        text = new StringBuilder(capacity);
    }

    /** The value of {@code text} in which the escape decoder found the given splits. */
    static Object of(CharSequence text, int[] splits, int splitCount) {
        StrValue value = new StrValue(text.length());
        value.text.append(text);
        value.splits = splits;
        value.splitCount = splitCount;
        return value.value();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** Appends a decoded piece: a String or a {@link CodePointString}. */
    void append(Object piece) {
        if (piece instanceof String s) {
            if (!s.isEmpty()) {
                markSplitBefore(s.charAt(0));
                text.append(s);
            }
        } else {
            CodePointString cps = (CodePointString) piece;
            for (int i = 0; i < cps.length(); i++) {
                appendCodePoint(cps.codePointAt(i));
            }
        }
    }

    void append(char c) {
        markSplitBefore(c);
        text.append(c);
    }

    void appendCodePoint(int cp) {
        if (cp <= Character.MAX_VALUE) {
            append((char) cp);
        } else {
            text.appendCodePoint(cp);
        }
    }

    private void markSplitBefore(char next) {
        int n = text.length();
        if (Character.isLowSurrogate(next) && n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
            if (splits == null) {
                splits = new int[4];
            } else if (splitCount == splits.length) {
                splits = Arrays.copyOf(splits, splitCount * 2);
            }
            splits[splitCount++] = n;
        }
    }

    /** The value: a String, or a CodePointString when surrogates had to stay apart. */
    Object value() {
        if (splitCount == 0) {
            return text.toString();
        }
        int[] cps = new int[text.length()];
        int count = 0;
        int nextSplit = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            while (nextSplit < splitCount && splits[nextSplit] < i + 1) {
                nextSplit++;
            }
            boolean pairs = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    && !(nextSplit < splitCount && splits[nextSplit] == i + 1);
            if (pairs) {
                cps[count++] = Character.toCodePoint(c, text.charAt(i + 1));
                i += 2;
            } else {
                cps[count++] = c;
                i++;
            }
        }
        return new CodePointString(Arrays.copyOf(cps, count));
    }
}
