package io.codeanatomy.api.expr;

import java.util.Collection;
import java.util.List;

/**
 * A typed, immutable expression node: a column, a literal, or an operator over other fields.
 *
 * <p>Build fields with the static factories in {@link Exprs} (and the fluent methods here);
 * the implementations are internal. Fields have structural {@code equals} and {@code hashCode},
 * so two separately built expressions of the same shape are equal. The algebra is closed: code
 * that needs to look inside an expression uses {@link #accept(FieldVisitor)}, or the generic
 * {@link #children()} / {@link #withChildren(List)} pair, or {@link Exprs#rewrite}.
 *
 * @param <T> the Java class of the values (see {@link DataType})
 */
public sealed interface Field<T>
        permits Condition, Literal, ColumnRef, Arithmetic, Negate, CaseWhen, Cast, FunctionCall, StructNew, MemberAccess, Coalesce {

    /** The type of the values this expression produces. */
    DataType<T> type();

    /** What kind of node this is. */
    ExprKind kind();

    /** The direct sub-expressions, in a fixed order documented per kind on {@link FieldVisitor}. */
    List<Field<?>> children();

    /**
     * Returns a node of the same kind with {@code children} in place of {@link #children()}: same
     * count, same types. Throws {@link IllegalArgumentException} otherwise.
     */
    Field<T> withChildren(List<Field<?>> children);

    /** Calls the visitor method for this node's kind with this node's parts. */
    <R> R accept(FieldVisitor<R> visitor);

    default Condition eq(Field<T> other) {
        return Exprs.eq(this, other);
    }

    default Condition eq(T value) {
        return Exprs.eq(this, value);
    }

    default Condition ne(Field<T> other) {
        return Exprs.ne(this, other);
    }

    default Condition ne(T value) {
        return Exprs.ne(this, value);
    }

    default Condition lt(Field<T> other) {
        return Exprs.lt(this, other);
    }

    default Condition lt(T value) {
        return Exprs.lt(this, value);
    }

    default Condition le(Field<T> other) {
        return Exprs.le(this, other);
    }

    default Condition le(T value) {
        return Exprs.le(this, value);
    }

    default Condition gt(Field<T> other) {
        return Exprs.gt(this, other);
    }

    default Condition gt(T value) {
        return Exprs.gt(this, value);
    }

    default Condition ge(Field<T> other) {
        return Exprs.ge(this, other);
    }

    default Condition ge(T value) {
        return Exprs.ge(this, value);
    }

    default Condition isNull() {
        return Exprs.isNull(this);
    }

    default Condition isNotNull() {
        return Exprs.isNotNull(this);
    }

    default Condition in(Collection<? extends T> values) {
        return Exprs.in(this, values);
    }

    default <R> Field<R> cast(DataType<R> target) {
        return Exprs.cast(this, target);
    }

    /** This expression under an output name, for projections, group keys and struct members. */
    default NamedField<T> as(String name) {
        return new NamedField<>(name, this);
    }
}
