package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.ErrorRow;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.FileIds;
import io.codeanatomy.plugins.python.facts.ParseStatus;
import io.codeanatomy.spi.source.SourceFile;

/**
 * What the thread that receives a group needs of each of its files once their rows are in Arrow
 * batches: the counts, the problem to report, the entities its ids name.
 *
 * @param source  the listed file
 * @param path    the file's {@code path} column
 * @param rawSize bytes on disk, -1 when unknown
 * @param problem the status and first error of a file that did not parse cleanly; null for OK
 * @param ids     the entities the file's ids name
 */
public record FileSummary(SourceFile source, String path, long rawSize, String problem, FileIds ids) {
    public FileSummary {
        requireNonNull(source, "source is null");
        requireNonNull(path, "path is null");
        requireNonNull(ids, "ids is null");
    }

    /** The summary of {@code facts}, extracted from {@code source}. */
    public static FileSummary of(SourceFile source, FileFacts facts) {
        ParseStatus status = facts.file().status();
        return new FileSummary(source, facts.path(), facts.file().rawSize(), status == ParseStatus.OK ? null : describe(facts), facts.ids());
    }

    private static String describe(FileFacts facts) {
        String status = facts.file().status().name();
        if (facts.errors().isEmpty()) {
            return status;
        }
        ErrorRow first = facts.errors().get(0);
        return problem(status, first.line(), first.message(), facts.errorCount());
    }

    /** The problem of a file with {@code status} and {@code errors} errors, the first at {@code line} saying {@code message}. */
    static String problem(String status, int line, String message, long errors) {
        String where = line > 0 ? " at line " + line : "";
        return status + where + ": " + message + (errors > 1 ? " (and " + (errors - 1) + " more)" : "");
    }
}
