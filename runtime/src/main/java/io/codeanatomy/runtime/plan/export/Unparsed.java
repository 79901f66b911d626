package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A plan written in another form (a SQL dialect, Substrait), or the reason it could not be.
 *
 * @param text the plan in that form, when it could be written
 * @param failure one line saying why not, otherwise
 */
public record Unparsed(Optional<String> text, Optional<String> failure) {
    private static final Pattern REL_PREFIX = Pattern.compile("\\brel#\\d+:");
    private static final Pattern NODE_ID = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)#\\d+");

    public Unparsed {
        requireNonNull(text, "text is null");
        requireNonNull(failure, "failure is null");
        if (text.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("an unparsed plan has either its text or a failure");
        }
    }

    public static Unparsed written(String text) {
        return new Unparsed(Optional.of(text), Optional.empty());
    }

    /**
     * The reason, without the ids Calcite puts in a node's description ({@code rel#7621:},
     * {@code LogicalTableSpool#7611}): they count every node made in the JVM, so they differ with
     * what was planned before and beside this plan, and the bundle is the same in every run.
     */
    public static Unparsed failure(String reason) {
        requireNonNull(reason, "reason is null");
        String stable = NODE_ID.matcher(REL_PREFIX.matcher(reason).replaceAll("")).replaceAll("$1");
        return new Unparsed(Optional.empty(), Optional.of(stable));
    }

}
