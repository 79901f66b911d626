package io.codeanatomy.spi.source;

import java.util.List;

/**
 * Which files below the root to extract: the files of the listed language ({@link SourceWalker})
 * that match one of {@code includes}
 * (all when empty), none of {@code excludes}, and, when {@code respectGitignore}, are not ignored by
 * a {@code .gitignore} at or below the root. Patterns use gitignore syntax ({@link PathPattern}) plus
 * {@code {a,b}} alternatives, for every extractor and every command that selects files; like a
 * gitignore pattern, one without a '/' matches at any depth.
 * Version-control and environment directories are always skipped: {@code .git}, {@code .hg},
 * {@code .svn}, {@code __pycache__}, {@code node_modules}, {@code .venv}, and any directory holding
 * a {@code pyvenv.cfg} (every virtual environment has one). A plain {@code venv} directory is not
 * skipped by name: it may be a package, as the standard library's own {@code venv} is.
 */
public record SourceSelection(List<String> includes, List<String> excludes, boolean respectGitignore) {
    public static final SourceSelection DEFAULT = new SourceSelection(List.of(), List.of(), true);

    public SourceSelection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }
}
