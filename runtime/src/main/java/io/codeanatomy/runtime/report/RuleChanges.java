package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule-by-rule changes of one plan, from its {@code trace.txt}: each {@code === step N: rule
 * (phase)} section holds the unified diff that rule made to the plan. Sections that are not steps
 * (the cost-based search's summary) are kept as they are.
 */
final class RuleChanges {
    private static final String HEADER = "=== ";
    private static final String STEP = "=== step ";

    /**
     * @param title the section's header line without {@code === }
     * @param diff the unified diff the step made, or for other sections their text
     * @param step whether this is a rule step (else a summary section)
     */
    record Change(String title, String diff, boolean step) {
        Change {
            requireNonNull(title, "title is null");
            requireNonNull(diff, "diff is null");
        }
    }

    private RuleChanges() {
    }

    static List<Change> of(String trace) {
        requireNonNull(trace, "trace is null");
        List<Change> changes = new ArrayList<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : (trace + "\n" + HEADER + "end").lines().toList()) {
            if (!line.startsWith(HEADER)) {
                body.append(line).append('\n');
                continue;
            }
            if (title != null) {
                boolean step = title.startsWith(STEP.substring(HEADER.length()));
                changes.add(new Change(title, step ? body.toString() : body.toString().strip() + "\n", step));
            }
            title = line.substring(HEADER.length()).strip();
            body.setLength(0);
        }
        return changes;
    }
}
