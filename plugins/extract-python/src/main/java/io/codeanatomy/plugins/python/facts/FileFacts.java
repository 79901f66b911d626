package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything extracted from one file: the file's row, its line starts, and one list per other
 * table. Built by one worker, then handed to the writer; {@link #sort()} puts every list in
 * {@link Row#SOURCE_ORDER}.
 */
public final class FileFacts {
    private final String path;
    private FileRow file;
    private LineStartsRow lines;
    private final List<DefRow> defs = new ArrayList<>();
    private final List<ParamRow> params = new ArrayList<>();
    private final List<NameRow> names = new ArrayList<>();
    private final List<CallRow> calls = new ArrayList<>();
    private final List<ImportRow> imports = new ArrayList<>();
    private final List<DecoratorRow> decorators = new ArrayList<>();
    private final List<ComprehensionRow> comprehensions = new ArrayList<>();
    private final List<ScopeDeclRow> scopeDecls = new ArrayList<>();
    private final List<ErrorRow> errors = new ArrayList<>();

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

    public List<DefRow> defs() {
        return Collections.unmodifiableList(defs);
    }

    public List<ParamRow> params() {
        return Collections.unmodifiableList(params);
    }

    public List<NameRow> names() {
        return Collections.unmodifiableList(names);
    }

    public List<CallRow> calls() {
        return Collections.unmodifiableList(calls);
    }

    public List<ImportRow> imports() {
        return Collections.unmodifiableList(imports);
    }

    public List<DecoratorRow> decorators() {
        return Collections.unmodifiableList(decorators);
    }

    public List<ComprehensionRow> comprehensions() {
        return Collections.unmodifiableList(comprehensions);
    }

    public List<ScopeDeclRow> scopeDecls() {
        return Collections.unmodifiableList(scopeDecls);
    }

    public List<ErrorRow> errors() {
        return Collections.unmodifiableList(errors);
    }

    void setFile(FileRow row) {
        this.file = requireNonNull(row, "row is null");
    }

    void setLines(LineStartsRow row) {
        this.lines = requireNonNull(row, "row is null");
    }

    void add(DefRow row) {
        defs.add(row);
    }

    void add(ParamRow row) {
        params.add(row);
    }

    void add(NameRow row) {
        names.add(row);
    }

    void add(CallRow row) {
        calls.add(row);
    }

    void add(ImportRow row) {
        imports.add(row);
    }

    void add(DecoratorRow row) {
        decorators.add(row);
    }

    void add(ComprehensionRow row) {
        comprehensions.add(row);
    }

    void add(ScopeDeclRow row) {
        scopeDecls.add(row);
    }

    /** Adds an error; an error on the span of an earlier one joins its row (ids are per span). */
    void add(ErrorRow row) {
        for (int i = 0; i < errors.size(); i++) {
            ErrorRow e = errors.get(i);
            if (e.bstart() == row.bstart() && e.bend() == row.bend()) {
                if (!e.message().equals(row.message())) {
                    errors.set(i, new ErrorRow(e.id(), e.bstart(), e.bend(), e.line(), e.column(),
                            e.message() + "; " + row.message(), e.stage()));
                }
                return;
            }
        }
        errors.add(row);
    }

    /** Drops every fact but the file's lines and errors (a walk that failed half-way). */
    void clearFacts() {
        defs.clear();
        params.clear();
        names.clear();
        calls.clear();
        imports.clear();
        decorators.clear();
        comprehensions.clear();
        scopeDecls.clear();
    }

    void sort() {
        defs.sort(Row.SOURCE_ORDER);
        params.sort(Row.SOURCE_ORDER);
        names.sort(Row.SOURCE_ORDER);
        calls.sort(Row.SOURCE_ORDER);
        imports.sort(Row.SOURCE_ORDER);
        decorators.sort(Row.SOURCE_ORDER);
        comprehensions.sort(Row.SOURCE_ORDER);
        scopeDecls.sort(Row.SOURCE_ORDER);
        errors.sort(Row.SOURCE_ORDER);
    }
}
