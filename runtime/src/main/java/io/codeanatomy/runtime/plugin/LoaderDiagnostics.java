package io.codeanatomy.runtime.plugin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Messages for a value that is not of the type expected, which with isolated plugin loaders is
 * most often the same class name loaded twice: instead of a bare {@link ClassCastException}, the
 * message names both loaders and says which copy to remove.
 */
final class LoaderDiagnostics {
    private LoaderDiagnostics() {
    }

    /** Why {@code value}, contributed as {@code id} to {@code point}, is not a {@code contract}. */
    static String notAnInstance(String id, Object value, Class<?> contract, String point) {
        Class<?> twin = sameName(value.getClass(), contract.getName());
        if (twin != null) {
            return "contribution '" + id + "' implements " + contract.getName() + " as loaded by " + describe(twin.getClassLoader())
                    + ", but the extension point '" + point + "' expects the one loaded by " + describe(contract.getClassLoader())
                    + "; the plugin bundles its own copy of that class: remove it from the plugin's jars.";
        }
        return "contribution '" + id + "' is a " + value.getClass().getName() + ", not a " + contract.getName()
                + " as the extension point '" + point + "' requires.";
    }

    /** A supertype of {@code type} (itself included) named {@code name}, or null. */
    private static Class<?> sameName(Class<?> type, String name) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next.getName().equals(name)) {
                return next;
            }
            if (next.getSuperclass() != null) {
                pending.add(next.getSuperclass());
            }
            pending.addAll(java.util.List.of(next.getInterfaces()));
        }
        return null;
    }

    /** A loader as people can find it: its name if it has one, else its class. */
    static String describe(ClassLoader loader) {
        if (loader == null) {
            return "the bootstrap loader";
        }
        String name = loader.getName();
        return name != null ? "loader '" + name + "'" : "the " + loader.getClass().getName();
    }
}
