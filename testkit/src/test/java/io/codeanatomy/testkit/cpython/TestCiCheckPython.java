package io.codeanatomy.testkit.cpython;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .ci/check-python}, which {@code .ci/run} calls before the build, with stand-in interpreters. */
class TestCiCheckPython {
    /** Surefire runs in the module's directory; the script is the repository's. */
    private static final Path SCRIPT = Path.of("..", ".ci", "check-python").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void anotherVersionOnThePathFailsWithTheSentenceTheTestsUse() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        executable(bin.resolve("python3"), "echo 'cpython 3.12.1'");

        Result result = check(bin + ":/usr/bin:/bin", null);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("CodeAnatomy's tests need CPython 3.11 as their oracle: python3 is CPython"
                + " 3.12.1; install 3.11 or set CODEANATOMY_PYTHON3 to one.\n");
    }

    @Test
    void noInterpreterFailsNamingWhatIsMissing() throws Exception {
        Result result = check(Files.createDirectories(temp.resolve("empty")).toString(), null);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(": python3 was not found; install 3.11");
    }

    @Test
    void theEnvironmentVariableIsCheckedInsteadOfThePathAndTheSentenceIsTheTestsOne() throws Exception {
        Path pypy = executable(temp.resolve("pypy3"), "echo 'pypy 3.11.9 /opt/pypy/bin/pypy3'");

        Result result = check("/usr/bin:/bin", pypy.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(": CODEANATOMY_PYTHON3=" + pypy + " is PyPy 3.11.9; install 3.11");
        // The script cannot be given -D, so its sentence is the tests' one without that alternative.
        assertThat(result.err().strip()).isEqualTo(Python3.resolve(null, pypy.toString()).problem()
                .replace(" (or -D" + Python3.PROPERTY + ")", ""));
    }

    @Test
    void cpython311PassesSilently() throws Exception {
        Path python = executable(temp.resolve("python3.11"), "echo 'cpython 3.11.7'");

        Result result = check("/usr/bin:/bin", python.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
    }

    private record Result(int exit, String err) {
    }

    private Result check(String path, String configured) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", SCRIPT.toString());
        builder.environment().clear();
        builder.environment().put("PATH", path);
        if (configured != null) {
            builder.environment().put(Python3.ENVIRONMENT, configured);
        }
        Process process = builder.redirectErrorStream(false).start();
        process.getOutputStream().close();
        String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
        return new Result(process.waitFor(), err);
    }

    private static Path executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
