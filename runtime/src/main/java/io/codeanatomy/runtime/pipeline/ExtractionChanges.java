package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.extract.SourceChanges;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a build's extraction read again, against the build it replaces (docs/incremental.md).
 *
 * @param fullReason why every file was extracted, empty when only changed files were
 * @param selected files the build selected
 * @param unchanged selected files whose rows were kept
 * @param changed files whose content (or module) changed
 * @param added new files
 * @param deleted files no longer selected
 * @param renamed files found under a new path with the content a deleted one had
 * @param parsed files read and extracted
 * @param groups groups of source files the extraction tables are stored in
 * @param groupsRewritten groups whose data files this build replaced
 * @param paths the changed, added, deleted and renamed files by path ({@link ChangedPaths#NONE} for a
 *     full build, and in a manifest written before they were recorded)
 */
public record ExtractionChanges(Optional<String> fullReason, long selected, long unchanged, long changed, long added, long deleted,
        long renamed, long parsed, long groups, long groupsRewritten, ChangedPaths paths) {
    public ExtractionChanges {
        requireNonNull(fullReason, "fullReason is null");
        requireNonNull(paths, "paths is null");
    }

    /** A full build of {@code parsed} files, for {@code reason}. */
    static ExtractionChanges full(String reason, long parsed, long groups) {
        return new ExtractionChanges(Optional.of(reason), parsed, 0, 0, parsed, 0, 0, parsed, groups, groups, ChangedPaths.NONE);
    }

    /** An incremental build: {@code changes} extracted, {@code rewritten} of {@code groups} groups replaced. */
    static ExtractionChanges incremental(SourceChanges changes, long groups, long rewritten) {
        return new ExtractionChanges(Optional.empty(), changes.selected().size(), changes.unchanged(), changes.changed().size(),
                changes.added().size(), changes.deleted().size(), changes.renamed().size(), changes.extracted().size(), groups, rewritten,
                ChangedPaths.of(changes));
    }

    public boolean isFull() {
        return fullReason.isPresent();
    }

    /** The run record's {@code changes} entry: the counts, not the paths (the manifest records those). */
    public SortedMap<String, Object> tree() {
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("mode", isFull() ? "full" : "incremental");
        fullReason.ifPresent(reason -> tree.put("fullReason", reason));
        tree.put("selected", selected);
        tree.put("unchanged", unchanged);
        tree.put("changed", changed);
        tree.put("added", added);
        tree.put("deleted", deleted);
        tree.put("renamed", renamed);
        tree.put("parsed", parsed);
        tree.put("groups", groups);
        tree.put("groupsRewritten", groupsRewritten);
        return tree;
    }

    /** One line for people: {@code incremental: 3 unchanged, 1 changed, ...} or {@code full build (reason): ...}. */
    public String describe() {
        String grouped = groups == 0 ? "" : (isFull() ? ", " : "; ") + (isFull() ? "" : groupsRewritten + " of ") + groups
                + (groups == 1 ? " group" : " groups") + " of files" + (isFull() ? "" : " rewritten");
        if (isFull()) {
            return "full build (" + fullReason.get() + "): " + parsed + (parsed == 1 ? " file" : " files") + " parsed" + grouped;
        }
        return "incremental: " + unchanged + " unchanged, " + changed + " changed, " + added + " added, " + deleted + " deleted, "
                + renamed + " renamed; " + parsed + " parsed" + grouped;
    }
}
