package io.codeanatomy.runtime.pipeline;

import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The sentences for the two ways a build runs out of memory, whose own messages ("Java heap space",
 * "Unable to allocate buffer of size ...") name no way out: the session's Arrow budget
 * ({@code --memory}) and the JVM's heap, which the plans' rows, the spools and call resolution's
 * points-to facts live in.
 */
public final class MemoryErrors {
    /** How the JVM begins the message of a class whose initialization failed before. */
    private static final String FAILED_INITIALIZATION = "Could not initialize class ";

    private MemoryErrors() {}

    /**
     * The sentence for {@code e} when it or one of its causes is a failure to allocate memory: Arrow
     * memory beyond {@code budgetBytes}, or the JVM's heap; {@code resolvingCalls} when it happened while
     * the plans of a build with call resolution ran, where leaving it out is a way out too;
     * {@code partitionable} when they were a full build's plans that held every file's file-local
     * rows at once, where {@code --partition-files} is one.
     */
    public static Optional<String> sentence(Throwable e, long budgetBytes, boolean resolvingCalls, boolean partitionable) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryException) {
                return Optional.of(String.format(Locale.ROOT, "the memory budget of %d MiB is too small for this input (%s); "
                        + "give it more with --memory", budgetBytes >> 20, describe(cause)));
            }
            if (cause instanceof OutOfMemoryError || failedInitialization(cause)) {
                return Optional.of(heap(cause) + (partitionable ? "; or build with --partition-files, which computes the file-local "
                        + "part of the graph one group of files at a time" : "")
                        + (resolvingCalls ? "; or build with --no-calls, which leaves out call resolution, the largest part of a build's heap"
                                : ""));
            }
        }
        return Optional.empty();
    }

    /** The sentence for the JVM's heap being full ({@code e}'s message says how: heap space, GC overhead, ...). */
    public static String heap(OutOfMemoryError e) {
        return heap((Throwable) e);
    }

    /**
     * Whether {@code e} is a class that failed to initialize, met again: a full heap while a class
     * initializes fails that class for good, and on Java 17 the other threads that use it get this
     * error without the heap's as its cause (a build's classes initialize without fail otherwise,
     * as every test run shows).
     */
    private static boolean failedInitialization(Throwable e) {
        return e instanceof NoClassDefFoundError && e.getMessage() != null && e.getMessage().startsWith(FAILED_INITIALIZATION);
    }

    private static String heap(Throwable e) {
        return String.format(Locale.ROOT, "the JVM's heap of %d MiB is too small for this input (%s); give the JVM more heap: "
                + "the launcher gives a build half of the machine's memory, and CODEANATOMY_JAVA_OPTS replaces its flags "
                + "(docs/cli.md)", Runtime.getRuntime().maxMemory() >> 20, describe(e));
    }

    /** {@code e}'s message, or its class's name when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
