package io.codeanatomy.spi.source;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Lists the source files of one language, named by their suffix ({@code .py}), below a root, as
 * every extractor and the cli's {@code ast --check} list them, so one tree gives one file set.
 * Symbolic links to files are listed (and read through);
 * symbolic links to directories are not followed, as git does not follow them, so a link cycle
 * can never make the walk loop. The listing is sorted by relative path, whatever the order the
 * file system returns entries in.
 */
public final class SourceWalker {
    /** Version-control metadata, caches and installed dependencies: never a project's own sources. */
    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv");
    private static final String VENV_MARKER = "pyvenv.cfg";

    private final Path root;
    private final String suffix;
    private final SourceSelection selection;
    private final List<PathPattern> includes;
    private final List<PathPattern> excludes;
    private final Deque<GitIgnore> gitIgnores = new ArrayDeque<>();
    private final List<SourceFile> files = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private SourceWalker(Path root, String suffix, SourceSelection selection) {
        this.root = root;
        this.suffix = suffix;
        this.selection = selection;
        this.includes = compileAll(selection.includes());
        this.excludes = compileAll(selection.excludes());
    }

    /**
     * Lists the files below {@code root} whose name ends with {@code suffix} (e.g. {@code .py}).
     *
     * @throws IOException if the root itself is not a readable directory
     */
    public static SourceListing list(Path root, String suffix, SourceSelection selection) throws IOException {
        requireNonNull(root, "root is null");
        requireNonNull(suffix, "suffix is null");
        requireNonNull(selection, "selection is null");
        if (suffix.isEmpty()) {
            throw new IllegalArgumentException("A source listing needs a file suffix such as '.py'.");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root.toString());
        }
        SourceWalker walker = new SourceWalker(root, suffix, selection);
        walker.walk(root, new String[0], true);
        // Names that are not UTF-8 read alike (U+FFFD) as strings: their raw bytes, percent-escaped in
        // the URI, break the tie so the order never depends on the directory's.
        walker.files.sort(Comparator.comparing(SourceFile::path).thenComparing(f -> f.file().toUri().getRawPath()));
        return new SourceListing(walker.files, walker.warnings);
    }

    private static List<PathPattern> compileAll(List<String> patterns) {
        List<PathPattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            for (String alternative : PathPattern.expandBraces(p)) {
                PathPattern pattern = PathPattern.compile(alternative);
                if (pattern != null) {
                    compiled.add(pattern);
                }
            }
        }
        return List.copyOf(compiled);
    }

    private void walk(Path dir, String[] segments, boolean isRoot) throws IOException {
        List<Path> entries = new ArrayList<>();
        boolean venv = false;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                venv |= entry.getFileName().toString().equals(VENV_MARKER);
                entries.add(entry);
            }
        } catch (IOException e) {
            if (isRoot) {
                throw e;
            }
            warnings.add("Directory " + display(segments) + " could not be listed (" + e + "); its files were skipped.");
            return;
        }
        if (venv && !isRoot) {
            return;
        }
        entries.sort(Comparator.<Path, String>comparing(p -> p.getFileName().toString()).thenComparing(p -> p.toUri().getRawPath()));
        boolean pushed = false;
        if (selection.respectGitignore()) {
            Path ignoreFile = dir.resolve(".gitignore");
            if (Files.isRegularFile(ignoreFile)) {
                try {
                    GitIgnore rules = GitIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8), segments.length);
                    if (!rules.isEmpty()) {
                        gitIgnores.push(rules);
                        pushed = true;
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    warnings.add("The .gitignore of " + display(segments) + " could not be read (" + e + "); it was not applied.");
                }
            }
        }
        for (Path entry : entries) {
            visit(entry, append(segments, entry.getFileName().toString()));
        }
        if (pushed) {
            gitIgnores.pop();
        }
    }

    private void visit(Path entry, String[] segments) throws IOException {
        String name = segments[segments.length - 1];
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // gone between listing and looking
        } catch (IOException e) {
            if (name.endsWith(suffix) && selected(segments, false)) {
                files.add(new SourceFile(String.join("/", segments), entry, -1, false));
            }
            return;
        }
        if (attributes.isDirectory()) {
            if (!SKIPPED_DIRECTORIES.contains(name) && !ignored(segments, true) && !excluded(segments, true)) {
                walk(entry, segments, false);
            }
        } else if ((attributes.isRegularFile() || attributes.isSymbolicLink())
                && name.endsWith(suffix) && selected(segments, false)) {
            long size = attributes.isSymbolicLink() ? -1 : attributes.size();
            files.add(new SourceFile(String.join("/", segments), entry, size, attributes.isSymbolicLink()));
        }
    }

    private boolean selected(String[] segments, boolean isDirectory) {
        if (ignored(segments, isDirectory) || excluded(segments, isDirectory)) {
            return false;
        }
        if (includes.isEmpty()) {
            return true;
        }
        // An include naming a directory takes in everything below it.
        for (PathPattern p : includes) {
            for (int end = segments.length; end > 0; end--) {
                if (p.matches(segments, 0, end, isDirectory || end < segments.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean excluded(String[] segments, boolean isDirectory) {
        for (PathPattern p : excludes) {
            if (p.matches(segments, 0, isDirectory)) {
                return true;
            }
        }
        return false;
    }

    /** The deepest .gitignore with a matching rule decides (the deque iterates innermost first). */
    private boolean ignored(String[] segments, boolean isDirectory) {
        for (GitIgnore rules : gitIgnores) {
            Boolean decision = rules.decide(segments, isDirectory);
            if (decision != null) {
                return decision;
            }
        }
        return false;
    }

    private static String[] append(String[] segments, String name) {
        String[] out = java.util.Arrays.copyOf(segments, segments.length + 1);
        out[segments.length] = name;
        return out;
    }

    private static String display(String[] segments) {
        return segments.length == 0 ? "the source root" : "'" + String.join("/", segments) + "'";
    }
}
