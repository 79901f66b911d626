package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The call-graph ground truth: the fixtures (one Python program per category under
 * {@code callgraph/fixtures/<category>/}, entry {@code main.py}), each run under CPython with a
 * profile hook by {@code callgraph/record_calls.py}, so the truth is what the interpreter did
 * (docs/callgraph-truth.md). The recorded truth of every fixture is also kept as
 * {@value #GOLDEN}, so a change to it shows in a diff.
 */
public final class CallGraphTruth {
    static final String RECORDER = "/callgraph/record_calls.py";
    static final String FIXTURES = "/callgraph/fixtures";
    public static final String GOLDEN = "/callgraph/truth.tsv";
    static final String GOLDEN_HEADER = "# category\tcaller\tcallee\tsites\tpatterns";

    /** The categories the issue names, each a fixture directory; all must have truth. */
    public static final List<String> CATEGORIES = List.of("direct", "imports", "classes", "attributes", "flow",
            "higher_order", "containers", "decorators", "dunders", "typed", "generators", "realistic");

    /** The patterns other tools miss, tagged on fixture lines with {@code # pattern: name}. */
    public static final List<String> PATTERNS = List.of("starred-unpacking", "callback", "bound-method-attribute",
            "stacked-decorators", "implicit-call");

    private CallGraphTruth() {}

    /** The fixture roots, sorted by category; copied out to a temporary directory when the testkit is a jar. */
    public static List<Path> fixtures() {
        Path root = Materialized.ROOT;
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the fixture at {@code fixtureRoot} under CPython and returns what it called; its category is the directory's name. */
    public static FixtureTruth record(Path fixtureRoot) {
        requireNonNull(fixtureRoot, "fixtureRoot is null");
        if (!Files.isRegularFile(fixtureRoot.resolve("main.py"))) {
            throw new IllegalArgumentException("fixture " + fixtureRoot + " has no main.py; add one that runs the fixture");
        }
        String category = fixtureRoot.getFileName().toString();
        String tsv = Python3.require().output(Python3.resource(CallGraphTruth.class, RECORDER),
                "fixture", fixtureRoot.toAbsolutePath().toString(), category);
        return parse(category, fixtureRoot, tsv);
    }

    /** Every fixture's truth, sorted by category. */
    public static List<FixtureTruth> recordAll() {
        return fixtures().stream().map(CallGraphTruth::record).toList();
    }

    /** The committed truth of every fixture, as {@link #format(List)} writes it. */
    public static String golden() {
        return Python3.resource(CallGraphTruth.class, GOLDEN);
    }

    /** One row per truth edge: category, caller, callee, its sites, its patterns ({@code -} for none). */
    public static String format(List<FixtureTruth> truths) {
        StringBuilder out = new StringBuilder(GOLDEN_HEADER).append('\n');
        truths.stream().sorted(Comparator.comparing(FixtureTruth::category)).forEach(truth -> {
            for (TruthEdge edge : truth.edges()) {
                out.append(String.join("\t", edge.category(), edge.edge().caller(), edge.edge().callee(),
                        edge.sites().stream().map(CallSite::toString).collect(Collectors.joining(",")),
                        edge.patterns().isEmpty() ? "-" : String.join(",", edge.patterns()))).append('\n');
            }
        });
        return out.toString();
    }

    /** Reads the recorder's rows: per-site {@code call} rows grouped into edges, and {@code def} rows. */
    static FixtureTruth parse(String category, Path root, String tsv) {
        Map<CallEdge, TreeSet<CallSite>> sites = new TreeMap<>();
        Map<CallEdge, TreeSet<String>> patterns = new TreeMap<>();
        List<Definition> definitions = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "call" -> {
                    expect(f, 7, line);
                    if (!f[1].equals(category)) {
                        throw new IllegalStateException("the recorder named category " + f[1] + " for " + category);
                    }
                    CallEdge edge = new CallEdge(f[2], f[3]);
                    sites.computeIfAbsent(edge, e -> new TreeSet<>()).add(new CallSite(f[4], Integer.parseInt(f[5])));
                    TreeSet<String> tags = patterns.computeIfAbsent(edge, e -> new TreeSet<>());
                    if (!f[6].equals("-")) {
                        tags.addAll(Arrays.asList(f[6].split(",")));
                    }
                }
                case "def" -> {
                    expect(f, 5, line);
                    definitions.add(new Definition(f[1], f[2], f[3], Integer.parseInt(f[4])));
                }
                default -> throw new IllegalStateException("the recorder wrote an unknown row: " + line);
            }
        }
        List<TruthEdge> edges = sites.entrySet().stream()
                .map(e -> new TruthEdge(category, e.getKey(), List.copyOf(e.getValue()), List.copyOf(patterns.get(e.getKey()))))
                .toList();
        return new FixtureTruth(category, root, edges, definitions);
    }

    private static void expect(String[] fields, int count, String line) {
        if (fields.length != count) {
            throw new IllegalStateException("the recorder wrote " + fields.length + " fields, not " + count + ": " + line);
        }
    }

    /** The fixtures as a directory: where the resources are when they are files, else a copy out of the jar. */
    private static final class Materialized {
        static final Path ROOT = materialize(CallGraphTruth.class.getResource(FIXTURES));
    }

    /** The directory {@code url} (a {@code file:} or {@code jar:} address of a resource directory) names, copied out of a jar. */
    static Path materialize(URL url) {
        if (url == null) {
            throw new IllegalStateException("the testkit lacks its resource " + FIXTURES);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("file")) {
                return Path.of(uri);
            }
            Path target = Files.createTempDirectory("ca-callgraph-fixtures-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
            FileSystem jar;
            boolean opened;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
                opened = false;
            }
            try {
                String inside = uri.getSchemeSpecificPart();
                copyTree(jar.getPath(inside.substring(inside.indexOf("!/") + 1)), target);
            } finally {
                if (opened) {
                    jar.close();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the testkit's resource " + FIXTURES + " has no usable address: " + url, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary copy is harmless.
        }
    }
}
