package io.codeanatomy.python.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Recovery from a bracket never closed, which swallows the rest of a file: every later line
 * becomes part of one broken statement, so resynchronising at the next statement finds none. The
 * source is parsed again with the broken lines blanked out, from the line of the open bracket up to
 * the next line of code indented no deeper: spaces replace every other byte, so offsets, lines and
 * columns stay what they are, and the statements after the broken one come back. The first error
 * stays the one CPython reports; then come the errors found in the blanked lines and those of the
 * last parse (what the first parse reported after the open bracket was an artefact of it). Extra
 * parsing is bounded by a few times the file's size. An unterminated triple-quoted string also
 * runs to the end of the file, but its lines are text, not code: nothing after it is recovered.
 */
final class RunawayRecovery {
    private static final int EXTRA_PARSES_PER_SIZE = 4;
    private static final int MIN_EXTRA_BYTES = 1 << 16;

    private RunawayRecovery() {
    }

    static ParseResult recover(ParseResult first, Function<SourceText, ParseResult> parse) {
        SyntaxError runaway = runaway(first.errors());
        if (runaway == null) {
            return first;
        }
        SourceText source = first.source();
        byte[] text = source.bytes();
        byte[] blanked = text.clone();
        long budget = Math.max((long) EXTRA_PARSES_PER_SIZE * text.length, MIN_EXTRA_BYTES);
        ParseResult current = first;
        // What the blanked lines held: errors the later parses no longer see.
        List<SyntaxError> blankedErrors = new ArrayList<>();
        while (runaway != null && budget >= text.length) {
            // CPython names the innermost open bracket; blanking its lines lets the next parse
            // name the one around it, if any, which is blanked in turn.
            int brokenLine = source.lineOf(runaway.bstart()) - 1;
            int resume = resumeLine(blanked, source.lineStarts(), brokenLine);
            if (resume < 0) {
                break;
            }
            int from = source.lineStarts()[brokenLine];
            int to = source.lineStarts()[resume];
            for (SyntaxError e : current.errors()) {
                if (e.bstart() >= from && e.bstart() < to) {
                    blankedErrors.add(e);
                }
            }
            for (int i = from; i < to; i++) {
                if (blanked[i] != '\n' && blanked[i] != '\r') {
                    blanked[i] = ' ';
                }
            }
            budget -= text.length;
            current = parse.apply(new SourceText(blanked, source.encoding(), source.bomLength(), source.lineStarts()));
            runaway = runaway(current.errors());
        }
        if (current == first) {
            return first;
        }
        SyntaxError primary = first.errors().get(0);
        List<SyntaxError> rest = new ArrayList<>(blankedErrors);
        rest.addAll(current.errors());
        rest.remove(primary);
        rest.sort(Comparator.comparingInt(SyntaxError::bstart).thenComparingInt(SyntaxError::bend));
        List<SyntaxError> errors = new ArrayList<>(rest.size() + 1);
        errors.add(primary);
        for (SyntaxError e : rest) {
            if (!errors.get(errors.size() - 1).equals(e)) {
                errors.add(e);
            }
        }
        return new ParseResult(source, current.module(), errors);
    }

    /** The bracket the parse found never closed, or null. */
    private static SyntaxError runaway(List<SyntaxError> errors) {
        for (SyntaxError e : errors) {
            if (e.message().endsWith("' was never closed")) {
                return e;
            }
        }
        return null;
    }

    /**
     * The index of the first line after {@code line} that holds code (not blank, not a comment)
     * indented no deeper than {@code line}, or -1.
     */
    private static int resumeLine(byte[] text, int[] lineStarts, int line) {
        int limit = indentation(text, lineStarts[line]);
        for (int l = line + 1; l < lineStarts.length; l++) {
            int start = lineStarts[l];
            int i = start;
            while (i < text.length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) {
                i++;
            }
            if (i >= text.length || text[i] == '\n' || text[i] == '\r' || text[i] == '#') {
                continue;
            }
            if (indentation(text, start) <= limit) {
                return l;
            }
        }
        return -1;
    }

    /** Columns of leading white space, tabs to the next multiple of 8 as CPython counts them. */
    private static int indentation(byte[] text, int start) {
        int col = 0;
        for (int i = start; i < text.length; i++) {
            if (text[i] == ' ') {
                col++;
            } else if (text[i] == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (text[i] == '\f') {
                col = 0;
            } else {
                break;
            }
        }
        return col;
    }
}
