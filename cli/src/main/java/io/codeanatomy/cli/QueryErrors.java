package io.codeanatomy.cli;

import io.codeanatomy.runtime.compile.InvalidQueryException;
import io.codeanatomy.runtime.pipeline.OutputTables;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteException;

/**
 * Turns what a user's SQL can make planning or execution throw into one sentence (exit 1): a
 * division by zero, a cast of text that is no number, a query Calcite has no plan for, generated
 * code beyond the JVM's limits; and a table that cannot be read (a truncated data file, a damaged
 * log entry: the table provider's I/O failure, which names the table and the file). Anything else
 * is a bug and keeps its stack trace.
 */
final class QueryErrors {
    static final int EXIT = 1;

    private QueryErrors() {
    }

    /** The user error for {@code failure}, or {@code failure} itself rethrown when the query did not cause it. */
    static UserError translate(RuntimeException failure) {
        UserError error = userError(failure);
        if (error == null) {
            throw failure;
        }
        return error;
    }

    /** As {@link #translate(RuntimeException)} for errors: a constant folded into a static initializer fails as one. */
    static UserError translate(ExceptionInInitializerError failure) {
        UserError error = userError(failure);
        if (error == null) {
            throw failure;
        }
        return error;
    }

    private static UserError userError(Throwable failure) {
        if (failure instanceof InvalidQueryException invalid) {
            return new UserError("invalid query: " + invalid.getMessage(), EXIT);
        }
        if (failure instanceof RelOptPlanner.CannotPlanException cannot) {
            return new UserError("the query cannot run: the planner found no way to execute it (" + missingConversion(cannot.getMessage())
                    + "); rewrite it with SELECT over the output's tables.", EXIT);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArithmeticException arithmetic) {
                String what = "/ by zero".equals(arithmetic.getMessage()) ? "division by zero" : arithmetic.getMessage();
                return new UserError("the query failed while running: " + what + ".", EXIT);
            }
            if (cause instanceof NumberFormatException number) {
                return new UserError("the query failed while running: a value is not a number (" + number.getMessage()
                        + "); check the CASTs.", EXIT);
            }
            if (cause instanceof DateTimeException || cause instanceof CalciteException) {
                return new UserError("the query failed while running: " + cause.getMessage() + ".", EXIT);
            }
            if (cause instanceof UncheckedIOException unreadable) {
                // A query only reads the output's tables: the stored data is damaged, or the file system refused it.
                String sentence = IoErrors.sentence(unreadable);
                return new UserError(sentence + "; run 'codeanatomy check' on the output, then " + (OutputTables.damagedLog(sentence)
                        ? "build into a new output directory (every build reads a table's log)." : "build it again with --full."), EXIT);
            }
            String message = cause.getMessage();
            if (message != null && message.contains("grows beyond 64 KB")) {
                return new UserError("the query is too large to compile (its generated code exceeds the JVM's 64 KB per method); "
                        + "split it, or put long lists of literals in one IN list.", EXIT);
            }
        }
        return null;
    }

    /** Calcite's message runs to dozens of lines; the line naming the missing conversion says what could not run. */
    private static String missingConversion(String message) {
        if (message != null) {
            for (String line : message.split("\n")) {
                if (line.startsWith("Missing conversion is ")) {
                    return line.substring("Missing conversion is ".length()).strip();
                }
            }
        }
        return "no plan";
    }
}
