package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An immutable, partly built searched {@code CASE}, started with {@link Exprs#when}. Each
 * {@link #when} returns a new builder; {@link #otherwise} or {@link #end} finish it.
 *
 * @param <T> the type of every branch value
 */
public final class CaseBuilder<T> {
    private final DataType<T> type;
    private final List<Condition> whens;
    private final List<Field<T>> thens;

    CaseBuilder(DataType<T> type, List<Condition> whens, List<Field<T>> thens) {
        this.type = requireNonNull(type, "type is null");
        this.whens = List.copyOf(whens);
        this.thens = List.copyOf(thens);
    }

    /** Adds a branch taken when {@code condition} holds and no earlier branch did. */
    public CaseBuilder<T> when(Condition condition, Field<T> value) {
        requireNonNull(condition, "condition is null");
        Nodes.typed(value, type, "THEN value");
        List<Condition> newWhens = new ArrayList<>(whens);
        List<Field<T>> newThens = new ArrayList<>(thens);
        newWhens.add(condition);
        newThens.add(value);
        return new CaseBuilder<>(type, newWhens, newThens);
    }

    /** Adds a branch with a constant value. */
    public CaseBuilder<T> when(Condition condition, T value) {
        return when(condition, Exprs.val(value, type));
    }

    /** Finishes the case with {@code value} when no branch holds. */
    public Field<T> otherwise(Field<T> value) {
        return new CaseWhen<>(type, whens, thens, value);
    }

    /** Finishes the case with a constant when no branch holds. */
    public Field<T> otherwise(T value) {
        return otherwise(Exprs.val(value, type));
    }

    /** Finishes the case with null when no branch holds. */
    public Field<T> end() {
        return otherwise(Exprs.nullOf(type));
    }
}
