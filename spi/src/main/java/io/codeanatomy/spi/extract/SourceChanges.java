package io.codeanatomy.spi.extract;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the files an extraction selects differ from the files the previous build extracted, by
 * content ({@link Extractor#changes}). Paths are relative to the source root, {@code /}-separated.
 *
 * @param selected every selected file with its size in bytes (-1 when unknown), sorted by path
 * @param changed selected files the previous build extracted with other content (or in another context
 *     the extractor's rows depend on)
 * @param added selected files the previous build did not extract, renamed ones excluded
 * @param deleted files the previous build extracted that are no longer selected, renamed ones excluded
 * @param renamed added files whose content a deleted file had: new path to old path
 */
public record SourceChanges(SortedMap<String, Long> selected, SortedSet<String> changed, SortedSet<String> added,
        SortedSet<String> deleted, SortedMap<String, String> renamed) {
    public SourceChanges {
        selected = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(selected, "selected is null")));
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(changed, "changed is null")));
        added = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(added, "added is null")));
        deleted = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(deleted, "deleted is null")));
        renamed = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(renamed, "renamed is null")));
        for (String path : changed) {
            requireSelected(selected, path, "changed");
        }
        for (String path : added) {
            requireSelected(selected, path, "added");
        }
        for (String path : renamed.keySet()) {
            requireSelected(selected, path, "renamed");
            if (added.contains(path) || changed.contains(path)) {
                throw new IllegalArgumentException("the renamed file '" + path + "' is also listed as added or changed");
            }
        }
        for (String path : deleted) {
            if (selected.containsKey(path)) {
                throw new IllegalArgumentException("the deleted file '" + path + "' is still selected");
            }
        }
    }

    /** Every selected file as added: what a build with no previous build extracts. */
    public static SourceChanges allAdded(SortedMap<String, Long> selected) {
        return new SourceChanges(selected, new TreeSet<>(), new TreeSet<>(selected.keySet()), new TreeSet<>(), new TreeMap<>());
    }

    /** The files to read and extract: changed, added and renamed ones, sorted. */
    public SortedSet<String> extracted() {
        TreeSet<String> paths = new TreeSet<>(changed);
        paths.addAll(added);
        paths.addAll(renamed.keySet());
        return Collections.unmodifiableSortedSet(paths);
    }

    /** The paths whose previous rows go: changed, deleted and the old paths of renamed files, sorted. */
    public SortedSet<String> dropped() {
        TreeSet<String> paths = new TreeSet<>(changed);
        paths.addAll(deleted);
        paths.addAll(renamed.values());
        return Collections.unmodifiableSortedSet(paths);
    }

    /** Selected files whose previous rows stay as they are. */
    public long unchanged() {
        return selected.size() - (long) changed.size() - added.size() - renamed.size();
    }

    private static void requireSelected(SortedMap<String, Long> selected, String path, String what) {
        if (!selected.containsKey(path)) {
            throw new IllegalArgumentException("the " + what + " file '" + path + "' is not among the selected files");
        }
    }
}
