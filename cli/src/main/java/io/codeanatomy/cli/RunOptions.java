package io.codeanatomy.cli;

import io.codeanatomy.api.result.EnvironmentProfile;
import io.codeanatomy.runtime.session.InputSize;
import io.codeanatomy.runtime.session.SessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that extracts and plans ({@code build}, {@code plan}, {@code ab}):
 * file selection, workers, extractor options, and the {@link RuleOptions} (rule toggles, config
 * file, environment profile; picked from the size of SRC unless pinned). One place, so the
 * commands build the same session from the same flags and their runs compare.
 */
final class RunOptions {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)([kKmMgG]?)");
    /** The option {@code --python} sets: the Python extractor's language version. */
    private static final String PYTHON_VERSION = "python.version";
    /** The option {@code --source-root} sets: the directories module names are relative to. */
    private static final String PYTHON_SOURCE_ROOTS = "python.source_roots";

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Extract only files whose path relative to SRC matches (repeatable; gitignore syntax, e.g. 'src/**').")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files whose path relative to SRC matches (repeatable), e.g. 'site-packages/**'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N", description = "Extraction threads, and plan fragments run side by side (default: one per core).")
    Integer workers;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory budget for Arrow buffers, e.g. 64m or 4g (default: the profile's, 512m small, 2g medium, 8g large); "
                    + "a build's gathered output rows beyond a sixteenth of it are spilled to disk under OUT and removed after.")
    String memory;

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = "--python", paramLabel = "X.Y",
            description = "Language version to parse with; newer syntax is a syntax error (default: the newest the parser knows). "
                    + "Short for -X python.version=X.Y.")
    String python;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "A directory on sys.path, relative to SRC, that module names are relative to (repeatable), "
                    + "e.g. src; other files' roots are guessed from __init__.py files. Short for -X python.source_roots=DIR,...")
    List<String> sourceRoots = new ArrayList<>();

    @Option(names = {"-X", "--option"}, paramLabel = "EXTRACTOR.NAME=VALUE",
            description = "An extractor option, named by the extractor's id (repeatable), e.g. python.version=3.12.")
    Map<String, String> options = new TreeMap<>();

    /** The bytes of a {@code --memory} size: a whole number with an optional k, m or g (powers of 1024); at least 1 MiB. */
    static long memoryBytes(String size) {
        Matcher matcher = SIZE.matcher(size.trim());
        if (!matcher.matches()) {
            throw new UserError("--memory " + size + " is not a size; give a whole number of bytes with an optional k, m or g, e.g. 64m.", 2);
        }
        int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long bytes;
        try {
            long number = Long.parseLong(matcher.group(1));
            bytes = number << shift;
            if (bytes >> shift != number) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UserError("--memory " + size + " is too large; give at most 1024g.", 2);
        }
        if (bytes < 1L << 20 || bytes > 1L << 40) {
            throw new UserError("--memory " + size + " is out of range; give between 1m and 1024g.", 2);
        }
        return bytes;
    }

    /** The session config these options give for a run over {@code source}; a {@link UserError} (exit 2) if they are bad. */
    SessionConfig config(Path source) {
        SessionConfig config = rules.config();
        if (workers != null) {
            if (workers < 1) {
                throw new UserError("--workers must be at least 1, got " + workers + ".", 2);
            }
            config = config.withWorkers(workers);
        }
        if (!rules.pinsProfile() && Files.isDirectory(source)) {
            config = config.withProfile(InputSize.of(source).profile());
        }
        if (memory != null) {
            EnvironmentProfile profile = config.profile();
            config = config.withProfile(new EnvironmentProfile(profile.name(), profile.partitions(), profile.batchRows(),
                    memoryBytes(memory), profile.pinned()));
        }
        // The extractor that owns an option checks it when the session opens; the cli only names it.
        Map<String, String> extractorOptions = new TreeMap<>(options);
        if (python != null) {
            String given = extractorOptions.putIfAbsent(PYTHON_VERSION, python);
            if (given != null && !given.equals(python)) {
                throw new UserError("--python " + python + " and -X " + PYTHON_VERSION + "=" + given
                        + " disagree; give the Python version once.", 2);
            }
        }
        if (!sourceRoots.isEmpty()) {
            if (sourceRoots.stream().anyMatch(r -> r.contains(","))) {
                throw new UserError("--source-root cannot name a directory with a comma in it; rename it or leave the option out.", 2);
            }
            String roots = String.join(",", sourceRoots);
            String given = extractorOptions.putIfAbsent(PYTHON_SOURCE_ROOTS, roots);
            if (given != null && !given.equals(roots)) {
                throw new UserError("--source-root and -X " + PYTHON_SOURCE_ROOTS + "=" + given
                        + " disagree; give the source roots once.", 2);
            }
        }
        try {
            return config.withExtractorOptions(extractorOptions);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }
}
