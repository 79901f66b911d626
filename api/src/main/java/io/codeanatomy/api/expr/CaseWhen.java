package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A searched {@code CASE}: the first branch whose condition holds, else {@code otherwise}. */
record CaseWhen<T>(DataType<T> type, List<Condition> whens, List<Field<T>> thens, Field<T> otherwise) implements Field<T> {
    CaseWhen {
        requireNonNull(type, "type is null");
        whens = List.copyOf(requireNonNull(whens, "whens is null"));
        thens = List.copyOf(requireNonNull(thens, "thens is null"));
        requireNonNull(otherwise, "otherwise is null");
        if (whens.isEmpty() || whens.size() != thens.size()) {
            throw new IllegalArgumentException("A CASE needs one or more WHEN branches, each with one THEN; got "
                    + whens.size() + " WHEN and " + thens.size() + " THEN.");
        }
        for (Field<T> then : thens) {
            Nodes.typed(then, type, "THEN value");
        }
        Nodes.typed(otherwise, type, "ELSE value");
    }

    @Override
    public ExprKind kind() {
        return ExprKind.CASE;
    }

    /** {@code when0, then0, when1, then1, ..., otherwise}. */
    @Override
    public List<Field<?>> children() {
        List<Field<?>> children = new ArrayList<>(2 * whens.size() + 1);
        for (int i = 0; i < whens.size(); i++) {
            children.add(whens.get(i));
            children.add(thens.get(i));
        }
        children.add(otherwise);
        return List.copyOf(children);
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 2 * whens.size() + 1, this);
        List<Condition> newWhens = new ArrayList<>(whens.size());
        List<Field<T>> newThens = new ArrayList<>(whens.size());
        for (int i = 0; i < whens.size(); i++) {
            newWhens.add(Nodes.asCondition(children.get(2 * i)));
            newThens.add(Nodes.typed(children.get(2 * i + 1), type, "THEN value"));
        }
        return new CaseWhen<>(type, newWhens, newThens, Nodes.typed(children.get(children.size() - 1), type, "ELSE value"));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitCase(type, whens, List.copyOf(thens), otherwise);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
