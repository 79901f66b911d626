package io.codeanatomy.testkit.cpython;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPython3 {
    @TempDir
    Path temp;

    @Test
    void anotherVersionIsRefusedWithASentenceNamingWhatWasFoundAndHowToNameA311() throws IOException {
        Path fake = fakeInterpreter("cpython 3.12.1 /usr/bin/python3.12");

        Python3.Located located = Python3.resolve(null, fake.toString());

        assertThat(located.python()).isEmpty();
        assertThat(located.problem()).isEqualTo("CodeAnatomy's tests need CPython 3.11 as their oracle: CODEANATOMY_PYTHON3="
                + fake + " is CPython 3.12.1; install 3.11 or set CODEANATOMY_PYTHON3 (or -Dca.python3) to one.");
    }

    @Test
    void anotherImplementationOf311IsRefused() throws IOException {
        Path fake = fakeInterpreter("pypy 3.11.9 /opt/pypy/bin/pypy3");

        assertThat(Python3.resolve(fake.toString(), null).problem())
                .contains("-Dca.python3=" + fake + " is PyPy 3.11.9;");
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentVariable() throws IOException {
        Path byProperty = fakeInterpreter("pypy 3.11.9 /opt/pypy/bin/pypy3");
        Path byEnvironment = fakeInterpreter("cpython 3.12.1 /usr/bin/python3.12");

        assertThat(Python3.resolve(byProperty.toString(), byEnvironment.toString()).problem()).contains("PyPy 3.11.9");
    }

    @Test
    void aMissingInterpreterIsNamed() {
        Path absent = temp.resolve("no-such-python");

        assertThat(Python3.resolve(null, absent.toString()).problem())
                .contains(": CODEANATOMY_PYTHON3=" + absent + " was not found; install 3.11");
    }

    @Test
    void anInterpreterThatDoesNotAnswerIsNamedWithWhatItSaid() throws IOException {
        Path broken = script("echo 'bad interpreter' >&2; exit 3");

        assertThat(Python3.resolve(null, broken.toString()).problem())
                .contains(broken + " did not say its version (exit 3: bad interpreter)");
    }

    @Test
    void a311IsAcceptedAndRunsItsRealExecutable() throws IOException {
        Path real = script("exit 0");
        Path shim = fakeInterpreter("cpython 3.11.7 " + real);

        Python3.Located located = Python3.resolve(null, shim.toString());

        assertThat(located.python()).isPresent();
        assertThat(located.python().get().version()).isEqualTo("3.11.7");
        assertThat(located.python().get().executable()).isEqualTo(real);
    }

    @Test
    void scriptsRunIsolatedWithArgumentsAndInput() {
        Python3 python = Python3.require();

        String out = new String(python.run("import sys\nprint(sys.flags.isolated, sys.argv[1:], sys.stdin.read())",
                List.of("a", "b"), "in".getBytes(UTF_8)), UTF_8);

        assertThat(out).isEqualTo("1 ['a', 'b'] in\n");
    }

    @Test
    void streamingReadersSeeTheOutputAsItComes() {
        Python3 python = Python3.require();

        int lines = python.run("for i in range(1000):\n    print(i)", List.of(), new byte[0],
                stdout -> new String(stdout.readAllBytes(), UTF_8).split("\n").length);

        assertThat(lines).isEqualTo(1000);
    }

    /** A stand-in interpreter that answers the probe with {@code answer}. */
    private Path fakeInterpreter(String answer) throws IOException {
        return script("echo '" + answer + "'");
    }

    private Path script(String body) throws IOException {
        Path file = Files.createTempFile(temp, "python", "");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
