package io.codeanatomy.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.codeanatomy.testkit.cpython.Python3;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one of the bench's python scripts (a resource next to this class) with the CPython 3.11
 * that the tests use as their oracle (see {@link Python3} for how to name it), feeding it file
 * paths on stdin, one per line, and returns the words of what it prints.
 */
final class CPythonScript {
    private CPythonScript() {
    }

    static String[] run(String resource, List<Path> files, String... args) {
        StringBuilder paths = new StringBuilder();
        for (Path f : files) {
            paths.append(f.toAbsolutePath()).append('\n');
        }
        byte[] out = Python3.locate().run(Python3.resource(CPythonScript.class, resource), List.of(args),
                paths.toString().getBytes(UTF_8));
        return new String(out, UTF_8).trim().split(" ");
    }

    /** The version of the interpreter, e.g. 3.11.7. */
    static String version() {
        return Python3.locate().version();
    }
}
