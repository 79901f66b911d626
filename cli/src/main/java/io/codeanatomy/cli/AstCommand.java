package io.codeanatomy.cli;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.AstDump;
import io.codeanatomy.python.syntax.ast.IntegerConversionLimitException;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.spi.source.SourceListing;
import io.codeanatomy.spi.source.SourceSelection;
import io.codeanatomy.spi.source.SourceWalker;
import io.codeanatomy.spi.source.SourceWorkers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code codeanatomy ast}: prints CPython's {@code ast.dump} of files, or checks whole directories
 * in parallel ({@code --check}).
 */
@Command(
        name = "ast",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the AST of Python files exactly as CPython's ast.dump(ast.parse(...)) does.",
            "With --check, it parses every .py file below directories (listed as build lists them:",
            ".gitignore respected, tool and environment directories skipped) and lists those that do not parse."
        })
public final class AstCommand implements Callable<Integer> {
    @Option(names = "--python", paramLabel = "X.Y",
            description = "Language version; newer syntax is a syntax error (default: ${DEFAULT-VALUE}).")
    private String python = PythonVersion.LATEST.toString();

    @Option(names = "--attributes", description = "Include lineno, col_offset, end_lineno, end_col_offset.")
    private boolean attributes;

    @Option(names = "--check", description = "Check directories: print one line per file that does not parse, then a summary.")
    private boolean check;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "With --check: skip files whose path relative to the directory matches (repeatable; gitignore syntax, as build's), e.g. 'site-packages/'.")
    private List<String> excludes = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files to dump, or directories with --check.")
    private List<Path> paths;

    @Override
    public Integer call() throws IOException {
        PythonVersion version;
        try {
            version = PythonVersion.parse(python);
        } catch (IllegalArgumentException e) {
            throw new UserError("--python: " + e.getMessage() + ".", 2);
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        try {
            return check ? check(version, out) : dump(version, out);
        } finally {
            out.flush();
        }
    }

    private int dump(PythonVersion version, PrintWriter out) {
        for (Path path : paths) {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new UserError("cannot read file " + path + ": give a readable Python file (or use --check for directories).", 2);
            }
        }
        int refused = 0;
        for (Path path : paths) {
            // One worker thread with a large stack, as in --check.
            Dumped dumped = SourceWorkers.map(List.of(path), 1, "parse", p -> {
                ParseResult result = parse(readAll(p), version);
                if (!result.ok()) {
                    return new Dumped("SyntaxError", false);
                }
                try {
                    return new Dumped(AstDump.dump(result.module(), attributes), true);
                } catch (IntegerConversionLimitException e) {
                    // ast.dump raises ValueError for this file only: print it and go on.
                    return new Dumped(e.pythonError(), false);
                }
            }).get(0);
            out.println("==> " + path + " <==");
            out.println(dumped.text());
            if (!dumped.ok()) {
                refused++;
            }
        }
        return refused == 0 ? 0 : 1;
    }

    private int check(PythonVersion version, PrintWriter out) {
        long started = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (Path dir : paths) {
            if (!Files.isDirectory(dir)) {
                throw new UserError("not a directory: " + dir + ": --check takes directories to scan for .py files.", 2);
            }
            files.addAll(list(dir));
        }
        List<CheckOutcome> outcomes = SourceWorkers.map(files, Runtime.getRuntime().availableProcessors(), "parse", path -> {
            byte[] bytes = readAll(path);
            ParseResult result = parse(bytes, version);
            SyntaxError first = result.errors().isEmpty() ? null : result.errors().get(0);
            return new CheckOutcome(bytes.length, first);
        });
        long bytes = 0;
        int failed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            bytes += outcomes.get(i).bytes();
            SyntaxError error = outcomes.get(i).error();
            if (error != null) {
                failed++;
                out.println(files.get(i) + ":" + error.line() + ":" + error.column() + ": " + error.message());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(String.format(Locale.ROOT, "%d files, %.1f MB, %d with syntax errors, %.2f s (%.1f MB/s)",
                files.size(), bytes / 1e6, failed, seconds, bytes / 1e6 / seconds));
        return failed == 0 ? 0 : 1;
    }

    /** The .py files below {@code dir} as build lists them: same skipped directories, .gitignore, exclude syntax. */
    private List<Path> list(Path dir) {
        SourceListing listing;
        try {
            listing = SourceWalker.list(dir, ".py", new SourceSelection(List.of(), excludes, true));
        } catch (IOException e) {
            throw new UserError("cannot list directory " + dir + " (" + e.getMessage() + "): give a readable directory.", 2);
        }
        for (String warning : listing.warnings()) {
            System.err.println("codeanatomy: " + dir + ": " + warning);
        }
        return listing.files().stream().map(SourceFile::file).toList();
    }

    private static ParseResult parse(byte[] source, PythonVersion version) {
        return PythonParser.parse(source, version);
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private record CheckOutcome(long bytes, SyntaxError error) {
    }

    /** What {@code ast} prints for one file: its dump, or the error CPython raises for it. */
    private record Dumped(String text, boolean ok) {
    }
}
