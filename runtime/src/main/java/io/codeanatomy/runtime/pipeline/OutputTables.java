package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.runtime.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Registers every table of an output directory in a session under its table name, each at the
 * version a build manifest names ({@link BuildManifests}): the latest build's unless a reader
 * asks for another. This is the one place where readers ({@code query}, {@code export}, the
 * embedded API) choose which version of a table they read, so they always see one build.
 *
 * <p>An output written before manifests existed has none: its tables are found as directories one
 * level below a top-level tree ({@code extract/py_defs_v1}, {@code cpg/cpg_nodes}) that a provider
 * can open, and read at their latest version. Run records, staging and trash are skipped.
 */
public final class OutputTables {
    private static final List<String> SKIPPED = List.of(OutputDirectory.RUNS, BuildManifests.DIRECTORY, ".staging", ".trash");

    private OutputTables() {
    }

    /**
     * @throws InvalidInputException if {@code out} is not a CodeAnatomy output directory or two
     *     tables share a name
     */
    public static List<TableRegistration> register(Session session, Path out) {
        return register(session, out, BuildSelector.LATEST, name -> true);
    }

    /**
     * Registers the tables of the build {@code selector} picks.
     *
     * @throws InvalidInputException if {@code out} is not a CodeAnatomy output directory or has no
     *     such build
     * @throws DamagedOutputException if a table the build names is missing or cannot be opened
     */
    public static List<TableRegistration> register(Session session, Path out, BuildSelector selector) {
        return register(session, out, selector, name -> true);
    }

    /**
     * As {@link #register(Session, Path, BuildSelector)}, only the tables whose name {@code wanted}
     * accepts: opening a table reads its Delta log, and a query that names two tables of thirty
     * need not wait for the other twenty-eight.
     */
    public static List<TableRegistration> register(Session session, Path out, BuildSelector selector, Predicate<String> wanted) {
        requireNonNull(selector, "selector is null");
        requireNonNull(session, "session is null");
        requireNonNull(out, "out is null");
        requireNonNull(wanted, "wanted is null");
        if (!Files.isDirectory(out)) {
            throw new InvalidInputException("output directory " + out + " does not exist.");
        }
        if (!OutputDirectory.isOurs(out)) {
            throw new InvalidInputException(out + " is not a codeanatomy output directory (it has no " + OutputDirectory.MARKER
                    + " file); give the --out directory of a build.");
        }
        if (BuildManifests.isVersioned(out)) {
            return register(session, out, BuildManifests.select(out, selector), wanted);
        }
        if (!selector.isLatest()) {
            throw new InvalidInputException(out + " was written before builds were versioned, so it has only its latest build;"
                    + " rebuild it to keep a history.");
        }
        Map<String, Path> seen = new HashMap<>();
        List<TableRegistration> registered = new ArrayList<>();
        for (Path tree : sortedChildren(out)) {
            if (!Files.isDirectory(tree) || SKIPPED.contains(tree.getFileName().toString())) {
                continue;
            }
            for (Path table : sortedChildren(tree)) {
                String name = table.getFileName().toString();
                if (!Files.isDirectory(table) || session.plugins().tableProviders().values().stream().noneMatch(p -> p.canOpen(table))) {
                    continue;
                }
                Path previous = seen.putIfAbsent(name, table);
                if (previous != null) {
                    throw new InvalidInputException("two tables are called '" + name + "': " + previous + " and " + table + ".");
                }
                if (!wanted.test(name)) {
                    continue;
                }
                registered.add(session.registerTable(name, table, out.relativize(table).toString()));
            }
        }
        return registered;
    }

    /** Registers every table of {@code manifest} at the version it names. */
    static List<TableRegistration> register(Session session, Path out, BuildManifest manifest, Predicate<String> wanted) {
        List<TableRegistration> registered = new ArrayList<>();
        for (ManifestTable table : manifest.tables()) {
            if (!wanted.test(table.name())) {
                continue;
            }
            Path location = out.resolve(table.path());
            if (!Files.isDirectory(location)) {
                throw new DamagedOutputException("table " + table.name() + " of build " + manifest.build() + " is missing from " + out
                        + " (no directory " + table.path() + "); run 'codeanatomy build' again.", null);
            }
            try {
                registered.add(session.registerTable(table.name(), location, table.path(), OptionalLong.of(table.version())));
            } catch (RuntimeException e) {
                // Kernel reports a damaged log in several exception types; each is the data's fault here.
                throw new DamagedOutputException("cannot open version " + table.version() + " of table " + table.name() + " ("
                        + location + ") that build " + manifest.build() + " names: " + firstLine(e)
                        + "; run 'codeanatomy check " + out + "', then build again.", e);
            }
        }
        return registered;
    }

    /**
     * Whether {@code reason}, a table reader's sentence, says the table's Delta log cannot be read
     * rather than a data file: every build reads a table's log, so {@code build --full}, which reads
     * no earlier data file, cannot get past it; a new output directory can.
     */
    public static boolean damagedLog(String reason) {
        return reason.startsWith("cannot read the log ");
    }

    /** The first line of the first message in {@code e}'s causes, without closing punctuation: for one-sentence errors. */
    static String firstLine(Throwable e) {
        Throwable cause = e;
        while ((cause.getMessage() == null || cause.getMessage().isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message).replaceAll("[.;:]+$", "");
    }

    private static List<Path> sortedChildren(Path directory) {
        TreeSet<Path> children = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return List.copyOf(children);
    }
}
