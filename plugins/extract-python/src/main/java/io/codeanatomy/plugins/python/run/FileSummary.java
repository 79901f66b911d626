package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.ErrorRow;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.FileIds;
import io.codeanatomy.plugins.python.facts.ParseStatus;

/**
 * What the thread that receives a group needs of each of its files once their rows are in Arrow
 * batches: the counts, the problem to report, the entities its ids name.
 *
 * @param path    the file's {@code path} column
 * @param rawSize bytes on disk, -1 when unknown
 * @param problem the status and first error of a file that did not parse cleanly; null for OK
 * @param ids     the entities the file's ids name
 */
public record FileSummary(String path, long rawSize, String problem, FileIds ids) {
    public FileSummary {
        requireNonNull(path, "path is null");
        requireNonNull(ids, "ids is null");
    }

    /** The summary of {@code facts}. */
    public static FileSummary of(FileFacts facts) {
        ParseStatus status = facts.file().status();
        return new FileSummary(facts.path(), facts.file().rawSize(), status == ParseStatus.OK ? null : describe(facts), facts.ids());
    }

    private static String describe(FileFacts facts) {
        String status = facts.file().status().name();
        if (facts.errors().isEmpty()) {
            return status;
        }
        ErrorRow first = facts.errors().get(0);
        int more = facts.errorCount() - 1;
        String where = first.line() > 0 ? " at line " + first.line() : "";
        return status + where + ": " + first.message() + (more > 0 ? " (and " + more + " more)" : "");
    }
}
