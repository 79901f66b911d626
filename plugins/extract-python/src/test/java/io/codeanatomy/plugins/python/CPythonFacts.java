package io.codeanatomy.plugins.python;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What CPython (the testkit's oracle, running {@code cpython_facts.py}) says about files: per file
 * the AST counts, every symbol table's explicit names, and the qualified names of its code objects.
 */
final class CPythonFacts {
    /**
     * One file as CPython sees it; {@code error} is set when CPython cannot parse it, {@code semantic}
     * ({@code line offset message}) when {@code ast.parse} accepts it and {@code compile()} does not.
     */
    record Expected(String error, boolean futureAnnotations, Map<String, Integer> counts, List<String> scopes,
                     List<String> qualnames, String semantic) {
    }

    private CPythonFacts() {
    }

    /** Runs one CPython per core over a share of the files. */
    static Map<Path, Expected> of(List<Path> files) {
        return perCore("cpython_facts.py", files, CPythonFacts::read);
    }

    /**
     * Runs the script {@code scriptName} (a resource beside this class) in one CPython per core,
     * each over a share of the files given on its standard input, one path a line, and merges
     * what {@code reader} makes of each one's output, in the order of the shares.
     */
    static <T> Map<Path, T> perCore(String scriptName, List<Path> files, Python3.OutputReader<Map<Path, T>> reader) {
        Python3 python = Python3.require();
        String script = Python3.resource(CPythonFacts.class, scriptName);
        int processes = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size() / 50));
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        List<CompletableFuture<Map<Path, T>>> shares = new ArrayList<>();
        for (int k = 0; k < processes; k++) {
            List<Path> share = new ArrayList<>();
            for (int i = k; i < files.size(); i += processes) {
                share.add(files.get(i));
            }
            shares.add(CompletableFuture.supplyAsync(() -> run(python, script, share, reader), pool));
        }
        try {
            Map<Path, T> all = new LinkedHashMap<>();
            for (CompletableFuture<Map<Path, T>> share : shares) {
                all.putAll(share.join());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> Map<Path, T> run(Python3 python, String script, List<Path> files,
                                        Python3.OutputReader<Map<Path, T>> reader) {
        StringBuilder paths = new StringBuilder();
        for (Path f : files) {
            paths.append(f.toAbsolutePath()).append('\n');
        }
        return python.run(script, List.of(), paths.toString().getBytes(StandardCharsets.UTF_8), reader);
    }

    private static Map<Path, Expected> read(InputStream stdout) throws IOException {
        Map<Path, Expected> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            Path file = null;
            String error = null;
            String semantic = null;
            boolean future = false;
            Map<String, Integer> counts = new TreeMap<>();
            List<String> scopes = new ArrayList<>();
            List<String> qualnames = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("FILE ")) {
                    file = Path.of(line.substring(5));
                } else if (line.startsWith("SEMANTIC ")) {
                    semantic = line.substring(9);
                } else if (line.startsWith("ERROR ")) {
                    error = line.substring(6);
                } else if (line.equals("FUTURE_ANNOTATIONS")) {
                    future = true;
                } else if (line.startsWith("COUNT ")) {
                    String[] parts = line.split(" ");
                    counts.put(parts[1], Integer.parseInt(parts[2]));
                } else if (line.startsWith("SCOPE ")) {
                    scopes.add(line.substring(6));
                } else if (line.equals("QUALNAMES")) {
                    qualnames = new ArrayList<>();
                } else if (line.startsWith("QUALNAME ")) {
                    qualnames.add(line.substring(9));
                } else if (line.equals("END")) {
                    out.put(file, new Expected(error, future, counts, scopes, qualnames, semantic));
                    error = null;
                    semantic = null;
                    future = false;
                    counts = new TreeMap<>();
                    scopes = new ArrayList<>();
                    qualnames = null;
                }
            }
        }
        return out;
    }
}
