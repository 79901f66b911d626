package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The problems a build found in its sources, for the run record and the report: the files with
 * errors and, per file, the calls no {@code CALLS} edge resolves. Both lists are sorted by path.
 */
public record SourceProblems(List<ProblemFile> files, List<ModuleCalls> calls) {
    public static final SourceProblems NONE = new SourceProblems(List.of(), List.of());

    public SourceProblems {
        files = List.copyOf(requireNonNull(files, "files is null"));
        calls = List.copyOf(requireNonNull(calls, "calls is null"));
    }

    /**
     * As the run record holds them: {@code files} (path, status, errors, firstError), {@code calls}
     * per file (path, calls, unresolved) and their totals.
     */
    public SortedMap<String, Object> toRecord() {
        List<Object> fileTrees = new ArrayList<>();
        for (ProblemFile file : files) {
            SortedMap<String, Object> f = new TreeMap<>();
            f.put("path", file.path());
            f.put("status", file.status());
            f.put("errors", file.errors());
            file.firstError().ifPresent(first -> f.put("firstError", first));
            fileTrees.add(f);
        }
        List<Object> callTrees = new ArrayList<>();
        for (ModuleCalls module : calls) {
            callTrees.add(new TreeMap<>(Map.of("path", module.path(), "calls", module.calls(), "unresolved", module.unresolved())));
        }
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("files", fileTrees);
        tree.put("calls", callTrees);
        tree.put("totalCalls", totalCalls());
        tree.put("totalUnresolved", totalUnresolved());
        return tree;
    }

    /** Calls over all files. */
    public long totalCalls() {
        return calls.stream().mapToLong(ModuleCalls::calls).sum();
    }

    /** Unresolved calls over all files. */
    public long totalUnresolved() {
        return calls.stream().mapToLong(ModuleCalls::unresolved).sum();
    }
}
