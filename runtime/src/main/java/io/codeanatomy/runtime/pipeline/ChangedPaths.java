package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.extract.SourceChanges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The source files behind an incremental build's counts ({@link ExtractionChanges}), recorded in its
 * manifest so that {@code history} names them. Paths are relative to the source root,
 * {@code /}-separated. A full build records none (every file is new to it), nor does a manifest
 * written before they were recorded.
 *
 * @param changed files read again because their content (or module) changed
 * @param added new files
 * @param deleted files no longer selected
 * @param renamed files found under a new path with the content a deleted one had: new path to old path
 */
public record ChangedPaths(SortedSet<String> changed, SortedSet<String> added, SortedSet<String> deleted, SortedMap<String, String> renamed) {
    /** No paths recorded. */
    public static final ChangedPaths NONE = new ChangedPaths(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeMap<>());

    public ChangedPaths {
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(changed, "changed is null")));
        added = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(added, "added is null")));
        deleted = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(deleted, "deleted is null")));
        renamed = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(renamed, "renamed is null")));
    }

    /** The paths of {@code changes}. */
    static ChangedPaths of(SourceChanges changes) {
        return new ChangedPaths(changes.changed(), changes.added(), changes.deleted(), changes.renamed());
    }

    public boolean isEmpty() {
        return changed.isEmpty() && added.isEmpty() && deleted.isEmpty() && renamed.isEmpty();
    }

    /**
     * One line per file for people, in the order changed, added, deleted, renamed, each sorted by path:
     * {@code changed  app/util.py}, {@code renamed  old.py -> new.py}.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        changed.forEach(path -> lines.add("changed  " + path));
        added.forEach(path -> lines.add("added    " + path));
        deleted.forEach(path -> lines.add("deleted  " + path));
        renamed.forEach((now, before) -> lines.add("renamed  " + before + " -> " + now));
        return lines;
    }

    /** The manifest's entry: the four lists, renamed files as {@code {"from": old, "to": new}} objects. */
    Map<String, Object> tree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("changed", List.copyOf(changed));
        tree.put("added", List.copyOf(added));
        tree.put("deleted", List.copyOf(deleted));
        List<Object> moves = new ArrayList<>();
        renamed.forEach((now, before) -> moves.add(new TreeMap<>(Map.of("from", before, "to", now))));
        tree.put("renamed", moves);
        return tree;
    }
}
