package io.codeanatomy.plugins.python;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FactCollector;
import io.codeanatomy.plugins.python.facts.FileExtractor;
import io.codeanatomy.plugins.python.facts.IdCollisions;
import io.codeanatomy.plugins.python.modules.ModuleNames;
import io.codeanatomy.plugins.python.modules.ModulePath;
import io.codeanatomy.plugins.python.run.FileSummary;
import io.codeanatomy.plugins.python.run.KeptProblems;
import io.codeanatomy.plugins.python.run.ParallelExtraction;
import io.codeanatomy.plugins.python.run.SourceComparison;
import io.codeanatomy.plugins.python.tables.PyTables;
import io.codeanatomy.plugins.python.tables.TableSink;
import io.codeanatomy.plugins.python.tables.TableSpec;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.ExtractionSummary;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.extract.PreviousTables;
import io.codeanatomy.spi.extract.ProgressListener;
import io.codeanatomy.spi.extract.SourceChanges;
import io.codeanatomy.spi.extract.TableDefinition;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.spi.source.SourceListing;
import io.codeanatomy.spi.source.SourceSelection;
import io.codeanatomy.spi.source.SourceWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Extracts a directory of Python sources into the {@code py_*} tables ({@link PyTables}).
 *
 * <p>Files are listed ({@link SourceWalker}: .gitignore, include and exclude patterns, skipped
 * directories), parsed and walked on {@code request.workers()} threads, and written in path
 * order, every table's rows of one file in source order: the same sources give the same rows in
 * the same order. A file that cannot be read, decoded or parsed is written with its status and
 * errors and reported to the progress listener; it never stops the extraction. A rebuild first
 * compares the selection with the previous build's {@code py_files_v1} ({@link #changes}) and then
 * extracts only the files that changed.
 */
public final class PythonExtractor implements Extractor {
    /** Files above this size are not read: status TOO_LARGE. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
    /** The extractor id, and so the namespace of its options ({@code python.version}). */
    public static final String ID = "python";
    /** Option {@code version}: the language version to parse with (e.g. "3.11"). */
    public static final String VERSION_OPTION = "version";
    /**
     * Option {@code source_roots}: the directories on {@code sys.path} that module names are relative
     * to, relative to the source root and separated by commas ({@code src,tests}); other files' roots
     * are guessed ({@link ModuleNames}).
     */
    public static final String SOURCE_ROOTS_OPTION = "source_roots";
    /** The files this extractor reads. */
    public static final String PYTHON_SUFFIX = ".py";
    /** Rows per Arrow batch handed to the sink. */
    public static final int BATCH_ROWS = 16_384;

    private final PythonVersion version;
    private final long maxFileBytes;
    private final List<String> sourceRoots;
    /** Fact families other plugins contributed, in the extension point's order. */
    private final List<PythonFactFamily> families;
    /**
     * The built-in tables, then each family's. Without families nothing can clash, and the list waits
     * for its first use: declaring the built-in tables (their getters and Arrow schemas) was a sixth
     * of a small query's start-up samples, and a query never extracts (docs/decisions.md).
     */
    private List<TableSpec<?>> tables;

    /**
     * Parses with the newest grammar the parser knows, so code written for any Python from 3.8 on
     * extracts. The version only decides which syntax is accepted: code that 3.11 accepts gives
     * the same tree either way (the differential tests against CPython 3.11 run with this default).
     */
    public PythonExtractor() {
        this(PythonVersion.LATEST, DEFAULT_MAX_FILE_BYTES);
    }

    public PythonExtractor(PythonVersion version, long maxFileBytes) {
        this(version, maxFileBytes, List.of());
    }

    /**
     * @param sourceRoots directories on {@code sys.path}, relative to the source root; empty to guess
     *                    each file's ({@link ModuleNames})
     */
    public PythonExtractor(PythonVersion version, long maxFileBytes, List<String> sourceRoots) {
        this(version, maxFileBytes, sourceRoots, List.of());
    }

    /**
     * @param families fact families other plugins add ({@link PythonExtractionPlugin#FACT_COLLECTORS}):
     *                 their tables are declared and written after the built-in ones
     */
    public PythonExtractor(PythonVersion version, long maxFileBytes, List<String> sourceRoots,
                           List<PythonFactFamily> families) {
        this.families = List.copyOf(requireNonNull(families, "families is null"));
        this.tables = this.families.isEmpty() ? null : tables(this.families);
        this.version = requireNonNull(version, "version is null");
        this.sourceRoots = List.copyOf(requireNonNull(sourceRoots, "sourceRoots is null"));
        sourceRoots.forEach(ModuleNames::components);
        if (maxFileBytes < 0) {
            throw new IllegalArgumentException("the file size limit cannot be negative: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    private static List<TableSpec<?>> tables(List<PythonFactFamily> families) {
        List<TableSpec<?>> all = new ArrayList<>(PyTables.ALL);
        Set<String> names = new HashSet<>();
        PyTables.ALL.forEach(t -> names.add(t.name()));
        for (PythonFactFamily family : families) {
            for (TableSpec<?> table : family.tables()) {
                if (!names.add(table.name())) {
                    throw new IllegalArgumentException("the fact family " + family.getClass().getName()
                            + " declares the table '" + table.name()
                            + "', which the python extractor already writes; give the family's table another name.");
                }
                all.add(table);
            }
        }
        return List.copyOf(all);
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * This extractor parsing with the language version of option {@code version} and naming modules
     * relative to option {@code source_roots}; any other option is refused, naming it.
     */
    @Override
    public PythonExtractor withOptions(SortedMap<String, String> options) {
        requireNonNull(options, "options is null");
        PythonVersion language = version;
        List<String> roots = sourceRoots;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            switch (option.getKey()) {
                case VERSION_OPTION -> {
                    try {
                        language = PythonVersion.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(ID + "." + VERSION_OPTION + ": " + e.getMessage() + ".", e);
                    }
                }
                case SOURCE_ROOTS_OPTION -> {
                    roots = Arrays.stream(value.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
                    try {
                        roots.forEach(ModuleNames::components);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(ID + "." + SOURCE_ROOTS_OPTION + ": " + e.getMessage(), e);
                    }
                }
                default -> throw new IllegalArgumentException("the python extractor has no option '" + ID + "."
                        + option.getKey() + "'; it knows '" + ID + "." + VERSION_OPTION + "' and '" + ID + "."
                        + SOURCE_ROOTS_OPTION + "'.");
            }
        }
        return new PythonExtractor(language, maxFileBytes, roots, families);
    }

    @Override
    public List<TableDefinition> tables() {
        return specs().stream().<TableDefinition>map(TableSpec::definition).toList();
    }

    private synchronized List<TableSpec<?>> specs() {
        if (tables == null) {
            tables = tables(families);
        }
        return tables;
    }

    @Override
    public ExtractionSummary extract(ExtractionRequest request, ExtractionSink sink) {
        requireNonNull(request, "request is null");
        requireNonNull(sink, "sink is null");
        SourceListing listing = list(request);
        return extract(request, listing, listing.files(), sink);
    }

    /**
     * Compares the selection with the previous build's {@code py_files_v1} ({@link SourceComparison}):
     * the rows of a file depend only on its bytes, its module, the language version and the fact
     * families, and the runtime compares the last two.
     */
    @Override
    public Optional<SourceChanges> changes(ExtractionRequest request, PreviousTables previous) {
        requireNonNull(request, "request is null");
        requireNonNull(previous, "previous is null");
        List<SourceFile> files = list(request).files();
        Map<String, ModulePath> modules = modules(request.sourceRoot(), files);
        return Optional.of(SourceComparison.compare(files, f -> modules.get(f.path()), previous, request.workers()));
    }

    /** Extracts the changed files; the kept files' problems are reported again from {@code previous} ({@link KeptProblems}). */
    @Override
    public ExtractionSummary extract(ExtractionRequest request, SourceChanges changes, PreviousTables previous, ExtractionSink sink) {
        requireNonNull(request, "request is null");
        requireNonNull(changes, "changes is null");
        requireNonNull(previous, "previous is null");
        requireNonNull(sink, "sink is null");
        SourceListing listing = list(request);
        Set<String> extracted = changes.extracted();
        ExtractionSummary summary = extract(request, listing, listing.files().stream().filter(f -> extracted.contains(f.path())).toList(), sink);
        long kept = KeptProblems.report(changes, previous, request.progress());
        return new ExtractionSummary(summary.files(), summary.bytes(), summary.problems() + kept, summary.rowsByTable());
    }

    private ExtractionSummary extract(ExtractionRequest request, SourceListing listing, List<SourceFile> files, ExtractionSink sink) {
        ProgressListener progress = request.progress();
        for (String warning : listing.warnings()) {
            progress.problem(".", warning);
        }
        progress.filesTotal(files.size());
        Totals totals = new Totals();
        IdCollisions collisions = new IdCollisions();
        Map<String, SourceFile> sources = new HashMap<>();
        Map<String, ModulePath> modules = modules(request.sourceRoot(), files);
        try (TableSink tables = new TableSink(sink, BATCH_ROWS, specs())) {
            new ParallelExtraction(request.workers(), version, maxFileBytes, this::newFamilyCollectors).run(files,
                    f -> modules.get(f.path()), tables, group -> {
                        try (group) {
                            for (FileSummary file : group.files()) {
                                collisions.add(file.path(), file.ids());
                                sources.put(file.path(), file.source());
                                long bytes = Math.max(0, file.rawSize());
                                totals.bytes += bytes;
                                if (file.problem() != null) {
                                    totals.problems++;
                                    progress.problem(file.path(), file.problem());
                                }
                                progress.fileDone(bytes);
                            }
                            tables.send(group.batches());
                        }
                    });
            // Only a candidate's files are extracted again, to name the two entities.
            collisions.check(path -> {
                SourceFile f = sources.get(path);
                return new FileExtractor(version, maxFileBytes, newFamilyCollectors())
                        .extract(f.path(), f.file(), modules.get(f.path())).ids();
            });
            return ExtractionSummary.of(files.size(), totals.bytes, totals.problems, tables.rowsByTable());
        }
    }

    /** One collector per contributed family, for one worker thread. */
    private List<FactCollector> newFamilyCollectors() {
        return families.stream().map(PythonFactFamily::newCollector).toList();
    }

    /** Counted on the one thread that receives files' facts. */
    private static final class Totals {
        long bytes;
        long problems;
    }

    /**
     * Every listed file's module, named here on one thread (the names read directories on disk,
     * cached) so that the workers only look them up.
     */
    private Map<String, ModulePath> modules(Path root, List<SourceFile> files) {
        Path directory = Files.isRegularFile(root) ? root.toAbsolutePath().getParent() : root;
        ModuleNames names = new ModuleNames(directory, sourceRoots);
        Map<String, ModulePath> modules = new HashMap<>();
        for (SourceFile file : files) {
            modules.put(file.path(), names.of(file.path()));
        }
        return modules;
    }

    private static SourceListing list(ExtractionRequest request) {
        Path root = request.sourceRoot();
        SourceSelection selection = new SourceSelection(request.includeGlobs(), request.excludeGlobs(), true);
        if (Files.isRegularFile(root)) {
            Path name = root.getFileName();
            return new SourceListing(List.of(new SourceFile(name.toString(), root, -1, Files.isSymbolicLink(root))),
                    List.of());
        }
        try {
            return SourceWalker.list(root, PYTHON_SUFFIX, selection);
        } catch (IOException e) {
            throw new IllegalArgumentException("The source root " + root
                    + " is not a readable directory or file; pass a directory of Python sources.", e);
        }
    }
}
