package io.codeanatomy.bench;

import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.spi.source.SourceSelection;
import io.codeanatomy.spi.source.SourceWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line every bench takes, {@code DIR [--exclude-dir NAME]... [--rounds N]}, and the
 * Python files it names, listed as the extractor lists them (sorted, tool directories skipped).
 */
record BenchCorpus(Path dir, List<String> excludeGlobs, int rounds) {
    static BenchCorpus parse(String[] args, int defaultRounds) {
        List<String> excluded = new ArrayList<>();
        int rounds = defaultRounds;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--exclude-dir" -> excluded.add(args[++i] + "/");
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return new BenchCorpus(Path.of(args[0]), List.copyOf(excluded), rounds);
    }

    List<Path> files() throws IOException {
        return SourceWalker.list(dir, ".py", new SourceSelection(List.of(), excludeGlobs, true)).files().stream()
                .map(SourceFile::file).toList();
    }
}
