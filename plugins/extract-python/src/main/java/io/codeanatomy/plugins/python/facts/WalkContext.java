package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.expr;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a {@link FactCollector} sees of the walk of one file: the current scope, the file's stable
 * ids, its source text, and where its rows go.
 */
public final class WalkContext {
    private final StableIds ids;
    private final SourceScanner source;
    private final FileFacts out;
    private final boolean recovered;
    /** Expression ids computed so far in this file: a node is named by its row and by the rows that link to it. */
    private final Map<expr, String> exprIds = new IdentityHashMap<>();
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

    /**
     * The stable id of {@code e}'s {@code py_exprs_v1} row: kind {@code py_expr.<node type>}
     * ({@code py_expr.Attribute}) over its span. The node type is part of the kind so that the id
     * is recomputable from the row's {@code node_type} and span, and stays unique where CPython
     * 3.11 gives nested nodes of different types one span.
     */
    public String exprId(expr e) {
        String id = exprIds.get(e);
        if (id == null) {
            id = ids.id(NodeTypes.idKind(e), e.bstart(), e.bend());
            exprIds.put(e, id);
        }
        return id;
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
