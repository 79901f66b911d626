package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link FactCollector} sees of the walk of one file: the current scope, the file's stable
 * ids, its source text, and where its rows go.
 */
public final class WalkContext {
    private final StableIds ids;
    private final SourceScanner source;
    private final FileFacts out;
    private final boolean recovered;
    private Scope scope;
    private boolean inAnnotation;

    WalkContext(StableIds ids, SourceScanner source, FileFacts out, boolean recovered, Scope module) {
        this.ids = requireNonNull(ids, "ids is null");
        this.source = requireNonNull(source, "source is null");
        this.out = requireNonNull(out, "out is null");
        this.recovered = recovered;
        this.scope = requireNonNull(module, "module is null");
    }

    /** The scope being walked. */
    public Scope scope() {
        return scope;
    }

    void setScope(Scope scope) {
        this.scope = requireNonNull(scope, "scope is null");
    }

    /**
     * The walk is inside an annotation (a lambda or comprehension entered here is one CPython 3.11
     * gives no scope under {@code from __future__ import annotations}).
     */
    public boolean inAnnotation() {
        return inAnnotation;
    }

    void setInAnnotation(boolean inAnnotation) {
        this.inAnnotation = inAnnotation;
    }

    /** The stable id of the entity of {@code kind} at {@code [bstart, bend)} in this file. */
    public String id(String kind, long bstart, long bend) {
        return ids.id(kind, bstart, bend);
    }

    /** The source text of {@code [bstart, bend)}, cut after {@link SourceScanner#MAX_TEXT_BYTES} bytes. */
    public String text(int bstart, int bend) {
        return source.text(bstart, bend);
    }

    /** The file had errors: its tree is the parser's recovery, exact only outside the error spans. */
    public boolean recovered() {
        return recovered;
    }

    /** Adds a row to the file's facts. */
    public void emit(Row row) {
        out.add(row);
    }
}
