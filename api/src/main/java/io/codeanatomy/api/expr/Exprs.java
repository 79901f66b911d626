package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Static factories of the expression algebra, in the style of jOOQ's {@code DSL}: every
 * {@link Field} and {@link Condition} is built here (or by the fluent methods that call here).
 * Factories check types eagerly and throw {@link IllegalArgumentException} with a sentence that
 * names the offending expression, so a badly typed spec fails where it is written.
 *
 * <pre>{@code
 * Field<Long> bstart = Exprs.col("defs", "bstart", DataType.INT64);
 * Condition inFile = Exprs.col("defs", "path", DataType.STRING).eq("a.py").and(bstart.ge(0L));
 * }</pre>
 */
public final class Exprs {
    private static final Condition TRUE = new Predicate(new Literal<>(DataType.BOOLEAN, Boolean.TRUE));
    private static final Condition FALSE = new Predicate(new Literal<>(DataType.BOOLEAN, Boolean.FALSE));

    private Exprs() {}

    // ---- literals

    /** A typed constant; a null {@code value} gives a typed null. */
    public static <T> Field<T> val(T value, DataType<T> type) {
        return new Literal<>(type, value);
    }

    public static Field<Boolean> val(boolean value) {
        return new Literal<>(DataType.BOOLEAN, value);
    }

    public static Field<Integer> val(int value) {
        return new Literal<>(DataType.INT32, value);
    }

    public static Field<Long> val(long value) {
        return new Literal<>(DataType.INT64, value);
    }

    public static Field<Double> val(double value) {
        return new Literal<>(DataType.FLOAT64, value);
    }

    public static Field<String> val(String value) {
        return new Literal<>(DataType.STRING, requireNonNull(value, "value is null; use Exprs.nullOf(DataType.STRING)"));
    }

    public static Field<byte[]> val(byte[] value) {
        return new Literal<>(DataType.BINARY, requireNonNull(value, "value is null; use Exprs.nullOf(DataType.BINARY)"));
    }

    /** A null of the given type. */
    public static <T> Field<T> nullOf(DataType<T> type) {
        return new Literal<>(type, null);
    }

    /** The condition that always holds. */
    public static Condition trueCondition() {
        return TRUE;
    }

    /** The condition that never holds. */
    public static Condition falseCondition() {
        return FALSE;
    }

    // ---- columns

    /** A column {@code name} of the relation known under the alias {@code relation}. */
    public static <T> Field<T> col(String relation, String name, DataType<T> type) {
        return new ColumnRef<>(Optional.of(requireNonNull(relation, "relation is null")), name, type);
    }

    /** An unqualified column, resolved against the single input (or unique name) where it is used. */
    public static <T> Field<T> col(String name, DataType<T> type) {
        return new ColumnRef<>(Optional.empty(), name, type);
    }

    // ---- conditions

    /** {@code field} as a condition; a condition is returned as is. */
    public static Condition condition(Field<Boolean> field) {
        return Nodes.asCondition(field);
    }

    public static <T> Condition compare(ComparisonOperator operator, Field<T> left, Field<T> right) {
        return new Comparison(operator, left, right);
    }

    public static <T> Condition eq(Field<T> left, Field<T> right) {
        return compare(ComparisonOperator.EQ, left, right);
    }

    public static <T> Condition eq(Field<T> left, T right) {
        return compare(ComparisonOperator.EQ, left, literalLike(left, right));
    }

    public static <T> Condition ne(Field<T> left, Field<T> right) {
        return compare(ComparisonOperator.NE, left, right);
    }

    public static <T> Condition ne(Field<T> left, T right) {
        return compare(ComparisonOperator.NE, left, literalLike(left, right));
    }

    public static <T> Condition lt(Field<T> left, Field<T> right) {
        return compare(ComparisonOperator.LT, left, right);
    }

    public static <T> Condition lt(Field<T> left, T right) {
        return compare(ComparisonOperator.LT, left, literalLike(left, right));
    }

    public static <T> Condition le(Field<T> left, Field<T> right) {
        return compare(ComparisonOperator.LE, left, right);
    }

    public static <T> Condition le(Field<T> left, T right) {
        return compare(ComparisonOperator.LE, left, literalLike(left, right));
    }

    public static <T> Condition gt(Field<T> left, Field<T> right) {
        return compare(ComparisonOperator.GT, left, right);
    }

    public static <T> Condition gt(Field<T> left, T right) {
        return compare(ComparisonOperator.GT, left, literalLike(left, right));
    }

    public static <T> Condition ge(Field<T> left, Field<T> right) {
        return compare(ComparisonOperator.GE, left, right);
    }

    public static <T> Condition ge(Field<T> left, T right) {
        return compare(ComparisonOperator.GE, left, literalLike(left, right));
    }

    public static Condition isNull(Field<?> field) {
        return new NullTest(field, false);
    }

    public static Condition isNotNull(Field<?> field) {
        return new NullTest(field, true);
    }

    /** {@code field IN (values...)}; the values must not be empty. */
    public static <T> Condition in(Field<T> field, Collection<? extends T> values) {
        requireNonNull(field, "field is null");
        requireNonNull(values, "values is null");
        List<Field<?>> literals = new ArrayList<>(values.size());
        for (T value : values) {
            literals.add(literalLike(field, value));
        }
        return new InList(field, literals);
    }

    /** {@code field IN (values...)} over expressions; the values must not be empty. */
    public static <T> Condition inFields(Field<T> field, List<? extends Field<T>> values) {
        return new InList(field, List.copyOf(requireNonNull(values, "values is null")));
    }

    /** Conjunction; nested conjunctions are flattened, {@code TRUE} operands dropped. */
    public static Condition and(Condition... conditions) {
        return and(Arrays.asList(conditions));
    }

    /** Conjunction; nested conjunctions are flattened, {@code TRUE} operands dropped. */
    public static Condition and(List<Condition> conditions) {
        return junction(LogicalOperator.AND, conditions, TRUE);
    }

    /** Disjunction; nested disjunctions are flattened, {@code FALSE} operands dropped. */
    public static Condition or(Condition... conditions) {
        return or(Arrays.asList(conditions));
    }

    /** Disjunction; nested disjunctions are flattened, {@code FALSE} operands dropped. */
    public static Condition or(List<Condition> conditions) {
        return junction(LogicalOperator.OR, conditions, FALSE);
    }

    public static Condition not(Condition condition) {
        return new Not(condition);
    }

    private static Condition junction(LogicalOperator operator, List<Condition> conditions, Condition identity) {
        requireNonNull(conditions, "conditions is null");
        List<Condition> flat = new ArrayList<>(conditions.size());
        for (Condition condition : conditions) {
            requireNonNull(condition, "condition is null");
            if (condition instanceof Junction && ((Junction) condition).operator() == operator) {
                flat.addAll(((Junction) condition).operands());
            }
            else if (!condition.equals(identity)) {
                flat.add(condition);
            }
        }
        if (flat.isEmpty()) {
            return identity;
        }
        return flat.size() == 1 ? flat.get(0) : new Junction(operator, flat);
    }

    // ---- arithmetic

    public static <T extends Number> Field<T> plus(Field<T> left, Field<T> right) {
        return new Arithmetic<>(ArithmeticOperator.PLUS, left, right);
    }

    public static <T extends Number> Field<T> plus(Field<T> left, T right) {
        return plus(left, literalLike(left, right));
    }

    public static <T extends Number> Field<T> minus(Field<T> left, Field<T> right) {
        return new Arithmetic<>(ArithmeticOperator.MINUS, left, right);
    }

    public static <T extends Number> Field<T> minus(Field<T> left, T right) {
        return minus(left, literalLike(left, right));
    }

    public static <T extends Number> Field<T> times(Field<T> left, Field<T> right) {
        return new Arithmetic<>(ArithmeticOperator.TIMES, left, right);
    }

    public static <T extends Number> Field<T> div(Field<T> left, Field<T> right) {
        return new Arithmetic<>(ArithmeticOperator.DIVIDE, left, right);
    }

    /** Remainder; integral types only. */
    public static <T extends Number> Field<T> mod(Field<T> left, Field<T> right) {
        return new Arithmetic<>(ArithmeticOperator.MOD, left, right);
    }

    public static <T extends Number> Field<T> arithmetic(ArithmeticOperator operator, Field<T> left, Field<T> right) {
        return new Arithmetic<>(operator, left, right);
    }

    public static <T extends Number> Field<T> neg(Field<T> operand) {
        return new Negate<>(operand);
    }

    // ---- case, cast, calls, structs, coalesce

    /** Starts a searched {@code CASE} with its first branch; the branch value fixes the type. */
    public static <T> CaseBuilder<T> when(Condition condition, Field<T> value) {
        requireNonNull(value, "value is null");
        return new CaseBuilder<>(value.type(), List.of(), List.of()).when(condition, value);
    }

    public static <T> Field<T> cast(Field<?> field, DataType<T> target) {
        return new Cast<>(field, target);
    }

    /**
     * A call of the function registered under {@code name} (a scalar function contributed by a
     * plugin, or an engine built-in). The session checks the name and argument types when the
     * spec is compiled; here the caller declares the return type.
     */
    public static <R> Field<R> call(String name, DataType<R> returnType, Field<?>... arguments) {
        return call(name, returnType, Arrays.asList(arguments));
    }

    public static <R> Field<R> call(String name, DataType<R> returnType, List<? extends Field<?>> arguments) {
        return new FunctionCall<>(name, returnType, List.copyOf(requireNonNull(arguments, "arguments is null")));
    }

    /** A struct whose members are the given named fields, in order. */
    public static Field<java.util.Map<String, Object>> struct(NamedField<?>... members) {
        return struct(Arrays.asList(members));
    }

    public static Field<java.util.Map<String, Object>> struct(List<? extends NamedField<?>> members) {
        return StructNew.of(List.copyOf(requireNonNull(members, "members is null")));
    }

    /** A struct from one name/value pair; see {@link #struct(NamedField[])} for more. */
    public static Field<java.util.Map<String, Object>> struct(String name, Field<?> value) {
        return struct(value.as(name));
    }

    /** A struct from two name/value pairs. */
    public static Field<java.util.Map<String, Object>> struct(String name1, Field<?> value1, String name2, Field<?> value2) {
        return struct(value1.as(name1), value2.as(name2));
    }

    /** A struct from three name/value pairs. */
    public static Field<java.util.Map<String, Object>> struct(String name1, Field<?> value1, String name2, Field<?> value2,
            String name3, Field<?> value3) {
        return struct(value1.as(name1), value2.as(name2), value3.as(name3));
    }

    /** The member {@code name} of a struct-typed field; {@code type} must be the member's type. */
    public static <T> Field<T> member(Field<?> struct, String name, DataType<T> type) {
        return new MemberAccess<>(struct, name, type);
    }

    @SafeVarargs
    public static <T> Field<T> coalesce(Field<T> first, Field<T>... rest) {
        requireNonNull(first, "first is null");
        List<Field<T>> operands = new ArrayList<>(rest.length + 1);
        operands.add(first);
        for (Field<T> operand : rest) {
            operands.add(operand);
        }
        return new Coalesce<>(first.type(), operands);
    }

    /** {@code field}, or {@code fallback} where it is null. */
    public static <T> Field<T> coalesce(Field<T> field, T fallback) {
        requireNonNull(field, "field is null");
        return new Coalesce<>(field.type(), List.of(field, literalLike(field, fallback)));
    }

    // ---- traversal and rewriting

    /**
     * Rewrites {@code root} bottom-up: children first, then {@code rewriter} is applied to every
     * node (with its already rewritten children). Returning the argument leaves a node as is.
     * A rewriter must keep each node's type; one that does not gets an
     * {@link IllegalArgumentException} naming the node. Unchanged subtrees are shared.
     */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> rewrite(Field<T> root, Function<Field<?>, Field<?>> rewriter) {
        requireNonNull(root, "root is null");
        requireNonNull(rewriter, "rewriter is null");
        return (Field<T>) rewriteNode(root, rewriter);
    }

    /** {@link #rewrite(Field, Function)} for a condition; a plain boolean result is wrapped. */
    public static Condition rewrite(Condition root, Function<Field<?>, Field<?>> rewriter) {
        requireNonNull(root, "root is null");
        requireNonNull(rewriter, "rewriter is null");
        return Nodes.asCondition(rewriteNode(root, rewriter));
    }

    private static Field<?> rewriteNode(Field<?> node, Function<Field<?>, Field<?>> rewriter) {
        List<Field<?>> children = node.children();
        Field<?> rebuilt = node;
        if (!children.isEmpty()) {
            List<Field<?>> rewritten = new ArrayList<>(children.size());
            boolean changed = false;
            for (Field<?> child : children) {
                Field<?> result = rewriteNode(child, rewriter);
                changed |= result != child;
                rewritten.add(result);
            }
            if (changed) {
                rebuilt = node.withChildren(rewritten);
            }
        }
        Field<?> result = rewriter.apply(rebuilt);
        if (result == null) {
            throw new IllegalArgumentException("The rewriter returned null for " + rebuilt + "; return the node itself to keep it.");
        }
        if (!result.type().equals(node.type())) {
            throw new IllegalArgumentException("The rewriter changed the type of " + rebuilt + " from " + node.type() + " to "
                    + result.type() + " (" + result + "); a rewrite must keep types, add a cast.");
        }
        return result;
    }

    /** Calls {@code action} on {@code root} and every descendant, parents before children. */
    public static void walk(Field<?> root, Consumer<Field<?>> action) {
        requireNonNull(root, "root is null");
        requireNonNull(action, "action is null");
        action.accept(root);
        for (Field<?> child : root.children()) {
            walk(child, action);
        }
    }

    /** The relation qualifiers of all columns referenced in {@code root}, sorted. */
    public static SortedSet<String> qualifiers(Field<?> root) {
        SortedSet<String> relations = new TreeSet<>();
        walk(root, node -> {
            if (node instanceof ColumnRef<?>) {
                ((ColumnRef<?>) node).relation().ifPresent(relations::add);
            }
        });
        return relations;
    }

    /** Tells whether {@code root} references any column without a relation qualifier. */
    public static boolean hasUnqualifiedColumns(Field<?> root) {
        boolean[] found = {false};
        walk(root, node -> {
            if (node instanceof ColumnRef<?> && ((ColumnRef<?>) node).relation().isEmpty()) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /**
     * The canonical text of {@code field}: like {@code toString()} but with every column's and
     * literal's type, and doubles in exact hex. Stable across runs and JVMs; used for hashing.
     */
    public static String canonical(Field<?> field) {
        requireNonNull(field, "field is null");
        return Renderer.render(field, true);
    }

    private static <T> Field<T> literalLike(Field<T> field, T value) {
        requireNonNull(field, "field is null");
        if (value == null) {
            throw new IllegalArgumentException("Cannot compare " + field + " with a Java null; use isNull() / isNotNull().");
        }
        return new Literal<>(field.type(), value);
    }
}
