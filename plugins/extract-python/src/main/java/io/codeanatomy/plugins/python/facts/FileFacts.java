package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything extracted from one file: the file's row, its line starts, and the rows of every
 * other table, one list per row type. Built by one worker, then handed to the writer;
 * {@link #finish()} caps the error rows and puts every list in {@link Row#SOURCE_ORDER}.
 */
public final class FileFacts {
    /**
     * Parse errors beyond this many get no row, only a place in the file's error count: a binary
     * file read as Python gives hundreds of errors after the first, which is the one CPython reports.
     */
    public static final int MAX_PARSE_ERROR_ROWS = 10;

    private final String path;
    private FileRow file;
    private FileIds ids = FileIds.NONE;
    private LineStartsRow lines;
    /** Rows by their type; the map is only looked up, never iterated into output. */
    private final Map<Class<? extends Row>, List<Row>> rows = new HashMap<>();
    private final List<ErrorRow> errors = new ArrayList<>();
    private final Map<Span, Integer> errorBySpan = new HashMap<>();
    private int errorCount;

    private record Span(long bstart, long bend) {
    }

    public FileFacts(String path) {
        this.path = requireNonNull(path, "path is null");
    }

    public String path() {
        return path;
    }

    /** The file's row; set last, once its status and error count are known. */
    public FileRow file() {
        return file;
    }

    /** The file's line starts: one row when the file has text, none when it could not be read. */
    public List<LineStartsRow> lines() {
        return lines == null ? List.of() : List.of(lines);
    }

    /** The rows of one type, in the order they were added until {@link #finish()}, then in source order. */
    @SuppressWarnings("unchecked")
    public <R extends Row> List<R> rows(Class<R> type) {
        List<Row> list = rows.get(type);
        return list == null ? List.of() : (List<R>) Collections.unmodifiableList(list);
    }

    public List<DefRow> defs() {
        return rows(DefRow.class);
    }

    public List<ParamRow> params() {
        return rows(ParamRow.class);
    }

    public List<NameRow> names() {
        return rows(NameRow.class);
    }

    public List<CallRow> calls() {
        return rows(CallRow.class);
    }

    public List<ImportRow> imports() {
        return rows(ImportRow.class);
    }

    public List<DecoratorRow> decorators() {
        return rows(DecoratorRow.class);
    }

    public List<ComprehensionRow> comprehensions() {
        return rows(ComprehensionRow.class);
    }

    public List<ScopeDeclRow> scopeDecls() {
        return rows(ScopeDeclRow.class);
    }

    /** The file's error rows: all of them but the parse errors past {@link #MAX_PARSE_ERROR_ROWS}. */
    public List<ErrorRow> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Errors found in the file, rows or not (see {@link #MAX_PARSE_ERROR_ROWS}). */
    public int errorCount() {
        return errorCount;
    }

    /** The entities the file's ids name, for the extraction's collision check ({@link IdCollisions}). */
    public FileIds ids() {
        return ids;
    }

    void setFile(FileRow row, FileIds named) {
        this.file = requireNonNull(row, "row is null");
        this.ids = requireNonNull(named, "named is null");
    }

    void setLines(LineStartsRow row) {
        this.lines = requireNonNull(row, "row is null");
    }

    /** Adds a row of any table; an error row goes through {@link #add(ErrorRow)}. */
    void add(Row row) {
        if (row instanceof ErrorRow error) {
            add(error);
        } else {
            rows.computeIfAbsent(row.getClass(), k -> new ArrayList<>()).add(row);
        }
    }

    /** Adds an error; an error on the span of an earlier one joins its row (ids are per span). */
    void add(ErrorRow row) {
        Integer existing = errorBySpan.putIfAbsent(new Span(row.bstart(), row.bend()), errors.size());
        if (existing == null) {
            errors.add(row);
            errorCount++;
            return;
        }
        ErrorRow e = errors.get(existing);
        if (!e.message().equals(row.message())) {
            errors.set(existing, new ErrorRow(e.id(), e.bstart(), e.bend(), e.line(), e.column(),
                    e.message() + "; " + row.message(), e.stage()));
        }
    }

    /** Drops every fact but the file's lines and errors (a walk that failed half-way). */
    void clearFacts() {
        rows.clear();
    }

    /**
     * Ends the file: keeps the first {@link #MAX_PARSE_ERROR_ROWS} parse errors in the order they
     * were added (the parser's first is CPython's) and every error of another stage, then sorts.
     */
    void finish() {
        int parseRows = 0;
        List<ErrorRow> kept = new ArrayList<>(Math.min(errors.size(), MAX_PARSE_ERROR_ROWS + 2));
        for (ErrorRow e : errors) {
            if (e.stage() != ErrorStage.PARSE || parseRows++ < MAX_PARSE_ERROR_ROWS) {
                kept.add(e);
            }
        }
        errors.clear();
        errors.addAll(kept);
        errorBySpan.clear();
        for (List<Row> list : rows.values()) {
            list.sort(Row.SOURCE_ORDER);
        }
        errors.sort(Row.SOURCE_ORDER);
    }
}
