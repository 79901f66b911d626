package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.cli.server.QueryClient;
import io.codeanatomy.cli.server.ServerControl;
import io.codeanatomy.cli.server.ServerStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident query server against the command line run in the test's JVM: the client is run as
 * the launcher runs it, in a JVM of its own, and starts real servers (child JVMs) in a directory of
 * the test's. Every server the tests start is stopped, or killed, at the end.
 */
class TestQueryServer {
    private static final long TIMEOUT_SECONDS = 120;
    private static final Set<Long> PIDS = new HashSet<>();
    /** The start of the name of a jar a test adds to the class path, to have a server of its own. */
    private static final String EXTRA = "extra-";

    @TempDir
    static Path servers;

    @TempDir
    Path temp;

    private static Path out;
    private static Path directory;

    @BeforeAll
    static void build() {
        out = SmallOutput.out();
        // The clients run in the output's parent, so that "out" is a relative path to it.
        directory = out.getParent();
    }

    @AfterAll
    static void noServerOutlivesTheTests() throws Exception {
        running().forEach(status -> PIDS.add(status.pid()));
        ServerControl.stop(environment());
        for (long pid : PIDS) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        assertThat(ServerControl.status(environment())).isEmpty();
    }

    @Test
    void queryTablesDescribeAndAskPrintWhatTheCommandLinePrintsInItsOwnJvm() throws Exception {
        List<List<String>> commands = List.of(
                List.of("query", out.toString(), "SELECT count(*) FROM cpg_mro"),
                List.of("query", out.toString(), "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes GROUP BY node_kind ORDER BY node_kind", "--format", "csv"),
                List.of("query", out.toString(), "SELECT name, bstart FROM cpg_nodes WHERE node_kind = 'PY_CLASS' ORDER BY name", "--format", "json"),
                List.of("tables", out.toString()),
                List.of("tables", out.toString(), "--format", "json"),
                List.of("describe", out.toString(), "cpg_nodes"),
                List.of("ask", out.toString()),
                List.of("ask", out.toString(), "subclasses", "pkg.base.Shape"),
                List.of("query", "--help"));
        for (List<String> command : commands) {
            assertSame(client(directory, Map.of(), "", command), CliRun.of(command.toArray(String[]::new)));
        }

        assertThat(served(directory)).isGreaterThanOrEqualTo(commands.size());
    }

    @Test
    void userErrorsAreTheSameSentenceWithTheSameExitCode() throws Exception {
        List<List<String>> commands = List.of(
                List.of("query", out.toString(), "SELEC node_id FROM cpg_nodes"),
                List.of("query", out.toString(), "SELECT 1/0"),
                List.of("query", temp.resolve("missing").toString(), "SELECT 1"),
                List.of("describe", out.toString(), "nodes"),
                List.of("ask", out.toString(), "definition", "nowhere"),
                List.of("query", out.toString(), "SELECT 1", "--no-such-option"));
        for (List<String> command : commands) {
            CliRun expected = CliRun.of(command.toArray(String[]::new));
            assertThat(expected.exitCode()).as(command.toString()).isNotZero();
            assertSame(client(directory, Map.of(), "", command), expected);
        }
    }

    @Test
    void aRelativeOutputIsTheOneInTheClientsDirectory() throws Exception {
        CliRun relative = client(directory, Map.of(), "", List.of("query", out.getFileName().toString(), "SELECT count(*) AS n FROM cpg_nodes"));
        CliRun missing = client(directory, Map.of(), "", List.of("tables", "no-such-out"));

        assertSame(relative, CliRun.of("query", out.toString(), "SELECT count(*) AS n FROM cpg_nodes"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("codeanatomy: output directory no-such-out does not exist.\n");
    }

    @Test
    void standardInputIsTheClients() throws Exception {
        CliRun run = client(directory, Map.of(), "SELECT 42 AS n", List.of("query", out.toString(), "-", "--format", "csv"));

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("n\n42\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aBuildBetweenTwoQueriesIsSeenByTheSecond() throws Exception {
        Path source = temp.resolve("src");
        Path built = temp.resolve("out");
        assertThat(CliRun.buildTree(source, Map.of("a.py", "x = 1\n"), built).exitCode()).isZero();
        List<String> count = List.of("query", built.toString(), "SELECT count(*) AS n FROM py_files_v1", "--format", "csv");
        CliRun before = client(directory, Map.of(), "", count);

        assertThat(CliRun.buildTree(source, Map.of("b.py", "y = 2\n"), built).exitCode()).isZero();
        CliRun after = client(directory, Map.of(), "", count);

        assertThat(before.out()).isEqualTo("n\n1\n");
        assertThat(after.out()).isEqualTo("n\n2\n");
    }

    @Test
    void theSocketOfAKilledServerIsReplacedByANewServer() throws Exception {
        client(directory, Map.of(), "", List.of("tables", out.toString()));
        ServerStatus killed = serverOf(directory, null);
        ProcessHandle process = ProcessHandle.of(killed.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try (var sockets = Files.list(servers)) {
            assertThat(sockets.filter(p -> p.toString().endsWith(".sock")).count()).as("the killed server's socket").isPositive();
        }

        CliRun run = client(directory, Map.of(), "", List.of("query", out.toString(), "SELECT count(*) FROM cpg_mro"));

        assertSame(run, CliRun.of("query", out.toString(), "SELECT count(*) FROM cpg_mro"));
        ServerStatus replacement = serverOf(directory, null);
        assertThat(replacement.pid()).isNotEqualTo(killed.pid());
        assertThat(replacement.served()).isEqualTo(1);
    }

    @Test
    void aChangedJarGetsAServerOfItsOwnAndAnIdleServerExits() throws Exception {
        Path jar = temp.resolve("extra-identity.jar");
        new JarOutputStream(Files.newOutputStream(jar)).close();
        Map<String, String> shortIdle = Map.of("CODEANATOMY_SERVER_IDLE_SECONDS", "3");
        List<String> tables = List.of("tables", out.toString());

        CliRun first = client(directory, shortIdle, jar, "", tables);
        ServerStatus old = serverOf(directory, jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        CliRun second = client(directory, shortIdle, jar, "", tables);
        ServerStatus rebuilt = serverOf(directory, jar);

        assertSame(first, CliRun.of(tables.toArray(String[]::new)));
        assertSame(second, first);
        assertThat(rebuilt.pid()).isNotEqualTo(old.pid());
        assertThat(rebuilt.served()).isEqualTo(1);
        // The old server exits as its jar changed, the new one after three idle seconds.
        awaitEnd(old);
        awaitEnd(rebuilt);
        assertThat(running()).noneMatch(status -> status.classPath().contains(jar.toString()));
    }

    private static void awaitEnd(ServerStatus server) throws Exception {
        Optional<ProcessHandle> process = ProcessHandle.of(server.pid());
        if (process.isPresent()) {
            process.get().onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoClientsStartingAtOnceStartOneServer() throws Exception {
        Path jar = temp.resolve("extra-race.jar");
        new JarOutputStream(Files.newOutputStream(jar)).close();
        Map<String, String> shortIdle = Map.of("CODEANATOMY_SERVER_IDLE_SECONDS", "3");
        List<String> count = List.of("query", out.toString(), "SELECT count(*) FROM cpg_nodes");

        List<CompletableFuture<CliRun>> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clients.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return client(directory, shortIdle, jar, "", count);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CliRun expected = CliRun.of(count.toArray(String[]::new));

        for (CompletableFuture<CliRun> client : clients) {
            assertSame(client.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), expected);
        }
        ServerStatus only = serverOf(directory, jar);
        assertThat(only.served()).as("both were served by the one server").isEqualTo(2);
        awaitEnd(only);
    }

    @Test
    void helpColoursFollowTheClientsVariablesAsInItsOwnJvm() throws Exception {
        List<String> help = List.of("tables", "--help");
        Map<String, String> forced = Map.of("CLICOLOR_FORCE", "1");
        Map<String, String> forcedButNoColor = Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "");

        client(directory, Map.of(), "", help);
        long before = served(directory);

        CliRun coloured = client(directory, forced, "", help);
        CliRun plain = client(directory, forcedButNoColor, "", help);

        assertThat(served(directory)).as("both were served").isEqualTo(before + 2);
        assertThat(coloured.out()).contains("\u001b[");
        assertThat(plain.out()).doesNotContain("\u001b[");
        assertSame(coloured, client(directory, with(forced, "CODEANATOMY_SERVER", "0"), "", help));
        assertSame(plain, client(directory, with(forcedButNoColor, "CODEANATOMY_SERVER", "0"), "", help));
    }

    @Test
    void aClientWhoseStdoutNobodyReadsHoldsNoOtherClient() throws Exception {
        // More than the client keeps in memory (8 MiB): the rest of its answer waits in a file.
        List<String> many = List.of("query", out.toString(), "--format", "csv",
                "SELECT a.node_id, b.node_id AS b, c.node_id AS c FROM cpg_nodes a, cpg_nodes b, cpg_nodes c ORDER BY 1, 2, 3 LIMIT 100000");
        List<String> count = List.of("query", out.toString(), "SELECT count(*) FROM cpg_nodes");
        client(directory, Map.of(), "", count);

        Process unread = start(directory, Map.of(), null, many);
        CliRun other;
        byte[] unreadBytes;
        CompletableFuture<byte[]> unreadErr;
        try {
            unread.getOutputStream().close();
            unreadErr = drain(unread.getErrorStream());
            InputStream unreadOut = unread.getInputStream();
            // Its first byte: the server is answering it, and nobody reads what follows for now.
            int first = unreadOut.read();
            assertThat(first).as("the unread client printed").isNotNegative();

            other = client(directory, Map.of(), "", count);
            byte[] rest = unreadOut.readAllBytes();
            unreadBytes = new byte[rest.length + 1];
            unreadBytes[0] = (byte) first;
            System.arraycopy(rest, 0, unreadBytes, 1, rest.length);
            awaitExit(unread, many);
        } finally {
            // Should the other client time out, the server is freed to stop at the end of the tests.
            unread.destroyForcibly();
        }

        assertSame(other, CliRun.of(count.toArray(String[]::new)));
        CliRun inProcess = CliRun.of(many.toArray(String[]::new));
        assertThat(unreadBytes.length).isGreaterThan(8 << 20);
        assertSame(new CliRun(unread.exitValue(), new String(unreadBytes, StandardCharsets.UTF_8),
                new String(unreadErr.get(), StandardCharsets.UTF_8)), inProcess);
    }

    @Test
    void serverTakesStatusOrStop() {
        CliRun run = CliRun.of("server", "restart");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("codeanatomy: server takes status or stop, not 'restart'.\n");
    }

    private static Map<String, String> with(Map<String, String> variables, String name, String value) {
        Map<String, String> more = new HashMap<>(variables);
        more.put(name, value);
        return more;
    }

    private static void assertSame(CliRun server, CliRun inProcess) {
        assertThat(server.err()).isEqualTo(inProcess.err());
        assertThat(server.out()).isEqualTo(inProcess.out());
        assertThat(server.exitCode()).isEqualTo(inProcess.exitCode());
    }

    private static Map<String, String> environment() {
        return Map.of("CODEANATOMY_SERVER_DIR", servers.toString());
    }

    private static List<ServerStatus> running() {
        List<ServerStatus> running = ServerControl.status(environment());
        running.forEach(status -> PIDS.add(status.pid()));
        return running;
    }

    private static long served(Path directory) {
        return serverOf(directory, null).served();
    }

    /** The server for {@code directory} whose class path has {@code extra} (null: has no extra jar). */
    private static ServerStatus serverOf(Path directory, Path extra) {
        List<ServerStatus> matching = running().stream().filter(status -> status.directory().equals(directory.toString()))
                .filter(status -> extra == null ? !status.classPath().contains(EXTRA) : status.classPath().contains(extra.toString()))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static CliRun client(Path directory, Map<String, String> variables, String stdin, List<String> args) throws Exception {
        return client(directory, variables, null, stdin, args);
    }

    /** Runs the client as the launcher does, in {@code directory}, with the servers in the test's directory. */
    private static CliRun client(Path directory, Map<String, String> variables, Path extraJar, String stdin, List<String> args)
            throws Exception {
        Process process = start(directory, variables, extraJar, args);
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        awaitExit(process, args);
        return new CliRun(process.exitValue(), new String(stdout.get(), StandardCharsets.UTF_8), new String(stderr.get(), StandardCharsets.UTF_8));
    }

    private static void awaitExit(Process process, List<String> args) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the client did not end in " + TIMEOUT_SECONDS + " s: " + args);
        }
    }

    /** Starts the client, its stdin, stdout and stderr left to the caller. */
    private static Process start(Path directory, Map<String, String> variables, Path extraJar, List<String> args) throws IOException {
        String classPath = System.getProperty("java.class.path") + (extraJar == null ? "" : java.io.File.pathSeparator + extraJar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dcodeanatomy.server.javaOptions=-Xmx1g -Xss16m -XX:TieredStopAtLevel=1",
                "-cp", classPath, QueryClient.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.putAll(new HashMap<>(Map.of("CODEANATOMY_SERVER_DIR", servers.toString(),
                // Should the tests end before they stop their servers, these end on their own.
                "CODEANATOMY_SERVER_IDLE_SECONDS", "120")));
        environment.remove("CODEANATOMY_SERVER");
        environment.remove("NO_COLOR");
        environment.putAll(variables);
        return builder.start();
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
