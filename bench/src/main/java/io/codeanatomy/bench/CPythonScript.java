package io.codeanatomy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the bench's python scripts (a resource next to this class) with python3 from the
 * PATH, feeding it file paths on stdin, one per line, and returns the words of what it prints.
 */
final class CPythonScript {
    private CPythonScript() {
    }

    static String[] run(String resource, List<Path> files, String... args) throws IOException, InterruptedException {
        Path script = Files.createTempFile(resource.replace(".py", ""), ".py");
        try (InputStream in = CPythonScript.class.getResourceAsStream(resource)) {
            Files.write(script, in.readAllBytes());
        }
        try {
            List<String> command = new ArrayList<>(List.of("python3", script.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream stdin = p.getOutputStream()) {
                for (Path f : files) {
                    stdin.write((f.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("python3 " + resource + " failed: " + out);
            }
            return out.split(" ");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The version of python3, e.g. 3.11.7. */
    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", "import platform; print(platform.python_version())").start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return v;
    }
}
