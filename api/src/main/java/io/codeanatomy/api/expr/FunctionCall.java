package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A call of a function registered in the session under {@code name}. */
record FunctionCall<T>(String name, DataType<T> type, List<Field<?>> arguments) implements Field<T> {
    FunctionCall {
        Names.requireName(name, "function name");
        requireNonNull(type, "type is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }

    @Override
    public ExprKind kind() {
        return ExprKind.CALL;
    }

    @Override
    public List<Field<?>> children() {
        return arguments;
    }

    /** Arguments are checked by the function's signature at compile time, not here. */
    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, arguments.size(), this);
        return new FunctionCall<>(name, type, children);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitCall(name, type, arguments);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
