package io.codeanatomy.runtime.function;

import static java.util.Objects.requireNonNull;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * A scalar function whose class Calcite's generated code cannot name: Calcite compiles queries with
 * its own class loader as parent, which does not see a plugin loaded in isolation. The generated
 * code calls {@link #invoke} with a slot number instead, and the call reaches the method by
 * reflection. The slot table holds methods weakly, so a closed plugin's loader can still be
 * collected once no session holds the function.
 */
public final class IsolatedScalarFunction implements ScalarFunction, ImplementableFunction {
    private static final Map<Long, WeakReference<Method>> SLOTS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_SLOT = new AtomicLong();

    private final ScalarFunction signature;
    private final Method method;
    private final long slot;

    private IsolatedScalarFunction(Method method) {
        this.method = method;
        this.signature = ScalarFunctionImpl.create(method);
        this.slot = NEXT_SLOT.incrementAndGet();
        SLOTS.put(slot, new WeakReference<>(method));
    }

    /** Calcite's own reflective function when its generated code can see {@code method}'s class; else one called through a slot. */
    public static ScalarFunction of(Method method) {
        requireNonNull(method, "method is null");
        return visibleToGeneratedCode(method.getDeclaringClass()) ? ScalarFunctionImpl.create(method) : new IsolatedScalarFunction(method);
    }

    private static boolean visibleToGeneratedCode(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, EnumerableInterpretable.class.getClassLoader()) == type;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Called by generated code: the function in {@code slot} applied to {@code arguments}. */
    public static Object invoke(long slot, Object[] arguments) {
        WeakReference<Method> reference = SLOTS.get(slot);
        Method method = reference == null ? null : reference.get();
        if (method == null) {
            throw new IllegalStateException("the plugin function in slot " + slot + " was released with its session");
        }
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("plugin function " + method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("plugin function " + method + " is not accessible", e);
        }
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return signature.getReturnType(typeFactory);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return signature.getParameters();
    }

    @Override
    public CallImplementor getImplementor() {
        return (translator, call, nullAs) -> {
            List<Expression> arguments = new ArrayList<>();
            for (Expression argument : translator.translateList(call.getOperands(), Arrays.asList(method.getParameterTypes()))) {
                arguments.add(Expressions.convert_(argument, Object.class));
            }
            Expression result = Expressions.convert_(Expressions.call(IsolatedScalarFunction.class, "invoke",
                    Expressions.constant(slot), Expressions.newArrayInit(Object.class, arguments)), method.getReturnType());
            return nullAs.handle(result);
        };
    }
}
