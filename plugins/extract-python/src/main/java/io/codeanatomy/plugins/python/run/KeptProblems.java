package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.ParseStatus;
import io.codeanatomy.plugins.python.tables.PyTables;
import io.codeanatomy.spi.extract.PreviousTables;
import io.codeanatomy.spi.extract.ProgressListener;
import io.codeanatomy.spi.extract.SourceChanges;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The problems of the files an incremental extraction keeps, as the previous build recorded them:
 * reported again so that a rebuild names every file with a problem, in the words a full
 * extraction uses ({@link FileSummary}): the status, and the first error with its line and how
 * many more there are.
 */
public final class KeptProblems {
    private KeptProblems() {
    }

    /** Reports the kept files' problems to {@code progress}, in path order; how many files have one. */
    public static long report(SourceChanges changes, PreviousTables previous, ProgressListener progress) {
        requireNonNull(changes, "changes is null");
        requireNonNull(previous, "previous is null");
        requireNonNull(progress, "progress is null");
        Set<String> extracted = changes.extracted();
        SortedMap<String, Object[]> problems = new TreeMap<>();
        for (Object[] row : previous.rows(PyTables.FILES.name(), List.of("path", "status", "error_count"))) {
            String path = (String) row[0];
            if (changes.selected().containsKey(path) && !extracted.contains(path) && !ParseStatus.OK.name().equals(row[1])) {
                problems.put(path, row);
            }
        }
        if (problems.isEmpty()) {
            return 0;
        }
        SortedMap<String, Object[]> firstErrors = new TreeMap<>();
        for (Object[] error : previous.rows(PyTables.ERRORS.name(), List.of("path", "line", "message"))) {
            if (problems.containsKey((String) error[0])) {
                firstErrors.putIfAbsent((String) error[0], error);
            }
        }
        problems.forEach((path, file) -> progress.problem(path, describe(file, firstErrors.get(path))));
        return problems.size();
    }

    private static String describe(Object[] file, Object[] firstError) {
        String status = (String) file[1];
        if (firstError == null) {
            return status;
        }
        return FileSummary.problem(status, ((Number) firstError[1]).intValue(), (String) firstError[2], ((Number) file[2]).longValue());
    }
}
