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
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Registers every table of an output directory in a session under its table name: each directory
 * one level below a top-level tree ({@code extract/py_defs_v1}, {@code cpg/cpg_nodes}) that a
 * provider can open. Run records, staging and trash are skipped.
 */
public final class OutputTables {
    private static final List<String> SKIPPED = List.of("runs", ".staging", ".trash");

    private OutputTables() {
    }

    /**
     * @throws InvalidInputException if {@code out} is not a CodeAnatomy output directory or two
     *     tables share a name
     */
    public static List<TableRegistration> register(Session session, Path out) {
        return register(session, out, name -> true);
    }

    /**
     * As {@link #register(Session, Path)}, only the tables whose name {@code wanted} accepts: opening
     * a table reads its Delta log, and a query that names two tables of thirty need not wait for
     * the other twenty-eight.
     */
    public static List<TableRegistration> register(Session session, Path out, Predicate<String> wanted) {
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
