package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares our parser with CPython 3.11 over any directory tree, e.g. a whole site-packages:
 * <pre>
 * java -Xss16m -cp target/classes:target/test-classes io.codeanatomy.python.syntax.CorpusDiff \
 *     [--skip DIRNAME]... [--details N] [--list FILE] DIR...
 * </pre>
 * Prints the summary, the mismatch categories and the details of the first N mismatches (10 by
 * default); {@code --list} also writes every mismatching file with its category, one per line.
 * Exits 0 when the parsers agree on every file, 1 when they do not, 2 on a usage error.
 */
public final class CorpusDiff {
    private CorpusDiff() {
    }

    public static void main(String[] args) throws IOException {
        List<String> skip = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        int details = 10;
        Path list = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if (arg.equals("--skip") && hasValue) {
                skip.add(args[++i]);
            } else if (arg.equals("--details") && hasValue) {
                details = count(args[++i]);
            } else if (arg.equals("--list") && hasValue) {
                list = Path.of(args[++i]);
            } else if (arg.startsWith("--")) {
                usage("unknown or incomplete option " + arg);
            } else if (!Files.isDirectory(Path.of(arg))) {
                usage("not a directory: " + arg);
            } else {
                roots.add(Path.of(arg));
            }
        }
        if (roots.isEmpty()) {
            usage("name at least one directory to compare");
        }
        CPythonOracle oracle;
        try {
            oracle = CPythonOracle.locate();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            files.addAll(DifferentialComparison.pythonFiles(root, skip));
        }
        DiffReport report = DifferentialComparison.ofOurParser(oracle).compare(files);
        System.out.println(report.describe(details));
        if (list != null) {
            StringBuilder lines = new StringBuilder();
            for (Mismatch m : report.mismatches()) {
                lines.append(m.file()).append('\t').append(m.category()).append('\n');
            }
            Files.writeString(list, lines, UTF_8);
            System.out.println("mismatch list written to " + list);
        }
        System.exit(report.mismatches().isEmpty() ? 0 : 1);
    }

    private static int count(String text) {
        try {
            return Integer.parseUnsignedInt(text);
        } catch (NumberFormatException e) {
            usage("--details wants a number of mismatches to show, not '" + text + "'");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem + ". Usage: CorpusDiff [--skip DIRNAME]... [--details N] [--list FILE] DIR...");
        System.exit(2);
    }
}
