package io.codeanatomy.cli.server;

import io.codeanatomy.cli.CodeAnatomy;
import io.codeanatomy.cli.Invocation;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * The resident query server (docs/decisions.md, "Resident query server"): a warm JVM that runs the
 * short read-only command lines {@link QueryClient} sends it, one at a time, through the same
 * {@link CodeAnatomy#run} a command line runs in its own JVM, with {@code System.out},
 * {@code System.err} and {@code System.in} the client's for the time of the command. It keeps
 * nothing between commands but loaded classes and compiled code: each command opens its output
 * afresh. It serves one {@link ServerAddress}: one class path, Java, set of options, working
 * directory and locale, and exits after {@value #DEFAULT_IDLE_SECONDS} s without a command
 * ({@code CODEANATOMY_SERVER_IDLE_SECONDS}), when its jar changes, or when asked to stop.
 */
public final class QueryServer {
    static final String IDLE_VARIABLE = "CODEANATOMY_SERVER_IDLE_SECONDS";
    static final long DEFAULT_IDLE_SECONDS = 600;
    /** How long a second server waits for the lock of one that is exiting before it gives way. */
    private static final long LOCK_WAIT_MILLIS = 3_000;
    private static final long TICK_MILLIS = 500;

    private final ServerAddress address;
    private final ServerSocketChannel listener;
    private final Duration idle;
    private final RoutedOutput stdout;
    private final RoutedOutput stderr;
    private final long started = System.nanoTime();
    private long lastCommand = System.nanoTime();
    private long served;
    private boolean busy;
    private boolean stopping;

    private QueryServer(ServerAddress address, ServerSocketChannel listener, Duration idle, RoutedOutput stdout, RoutedOutput stderr) {
        this.address = address;
        this.listener = listener;
        this.idle = idle;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Before any library takes System.out or System.err for itself.
        Charset charset = Charset.defaultCharset();
        RoutedOutput stdout = new RoutedOutput(new FileOutputStream(FileDescriptor.out), Frames.STDOUT);
        RoutedOutput stderr = new RoutedOutput(new FileOutputStream(FileDescriptor.err), Frames.STDERR);
        System.setOut(new PrintStream(stdout, true, charset));
        System.setErr(new PrintStream(stderr, true, charset));
        CodeAnatomy.setProperties();

        Map<String, String> environment = System.getenv();
        ServerAddress address = ServerAddress.ofThisProcess(environment);
        if (!address.prepare()) {
            System.err.println("codeanatomy server: cannot use " + address.directory() + " (it must be the user's, mode 0700).");
            System.exit(2);
        }
        FileChannel lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(lockFile);
        if (lock == null) {
            // Another server for the same address started first; the client reaches that one.
            System.exit(0);
        }
        Files.deleteIfExists(address.socket());
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(address.socket()));
        QueryServer server = new QueryServer(address, listener, Duration.ofSeconds(idleSeconds(environment)), stdout, stderr);
        Thread watch = new Thread(server::watch, "codeanatomy-server-idle");
        watch.setDaemon(true);
        watch.start();
        server.serve();
        System.exit(0);
    }

    private static FileLock lock(FileChannel lockFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        while (true) {
            FileLock lock = lockFile.tryLock();
            if (lock != null || System.nanoTime() > deadline) {
                return lock;
            }
            Thread.sleep(50);
        }
    }

    private static long idleSeconds(Map<String, String> environment) {
        String text = environment.get(IDLE_VARIABLE);
        try {
            return text == null ? DEFAULT_IDLE_SECONDS : Math.max(1, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_SECONDS;
        }
    }

    private void serve() {
        while (true) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                e.printStackTrace();
                return;
            }
            synchronized (this) {
                if (stopping) {
                    close(client);
                    return;
                }
                busy = true;
            }
            boolean again = true;
            try {
                again = answer(client);
            } finally {
                close(client);
                synchronized (this) {
                    busy = false;
                    lastCommand = System.nanoTime();
                }
            }
            if (!again) {
                stop();
                return;
            }
        }
    }

    /** Answers one request; false when the server should stop after it. */
    private boolean answer(SocketChannel client) {
        Request request;
        Answer answer = new Answer(Channels.newOutputStream(client));
        try {
            request = Request.read(new DataInputStream(new BufferedInputStream(Channels.newInputStream(client))));
        } catch (IOException e) {
            return true;
        }
        switch (request.kind()) {
            case Frames.STATUS:
                byte[] status = status().getBytes(StandardCharsets.UTF_8);
                answer.write(Frames.STDOUT, status, 0, status.length);
                answer.end(Frames.EXIT, exitCode(0));
                return true;
            case Frames.STOP:
                answer.end(Frames.EXIT, exitCode(0));
                return false;
            case Frames.RUN:
                if (!request.identity().equals(address.identity())) {
                    answer.end(Frames.REFUSED, "another identity".getBytes(StandardCharsets.UTF_8));
                    return true;
                }
                if (!inItsDirectory()) {
                    // The directory was deleted and made again (a fresh clone): relative paths would name the old one.
                    answer.end(Frames.REFUSED, "working directory replaced".getBytes(StandardCharsets.UTF_8));
                    return false;
                }
                return run(request, answer);
            default:
                answer.end(Frames.REFUSED, "unknown request".getBytes(StandardCharsets.UTF_8));
                return true;
        }
    }

    private boolean run(Request request, Answer answer) {
        Invocation invocation = new Invocation(request.environment(), request.console());
        System.setIn(new ByteArrayInputStream(request.stdin()));
        stdout.route(answer);
        stderr.route(answer);
        int code;
        boolean healthy = true;
        try {
            code = CodeAnatomy.run(invocation, request.arguments().toArray(String[]::new));
        } catch (Throwable failure) {
            // What the JVM prints for an exception that leaves main; picocli has caught the commands' own.
            System.err.print("Exception in thread \"main\" ");
            failure.printStackTrace();
            code = 1;
            // After an Error (out of memory, a stack overflow) the JVM's state is not to be trusted.
            healthy = !(failure instanceof Error);
        } finally {
            System.out.flush();
            System.err.flush();
            stdout.route(null);
            stderr.route(null);
            System.setIn(new ByteArrayInputStream(new byte[0]));
        }
        served++;
        answer.end(Frames.EXIT, exitCode(code));
        return healthy;
    }

    /** Whether the process's working directory is still the directory its path names. */
    private static boolean inItsDirectory() {
        try {
            return Files.isSameFile(Path.of("."), Path.of(System.getProperty("user.dir")));
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] exitCode(int code) {
        return new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
    }

    /** The status as {@code key=value} lines ({@link ServerStatus}). */
    private synchronized String status() {
        return "pid=" + ProcessHandle.current().pid() + "\n"
                + "uptimeSeconds=" + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "\n"
                + "served=" + served + "\n"
                + "idleSeconds=" + idle.toSeconds() + "\n"
                + "directory=" + System.getProperty("user.dir") + "\n"
                + "classPath=" + System.getProperty("java.class.path") + "\n"
                + "log=" + address.log() + "\n";
    }

    /**
     * Stops the server when it has been idle long enough, or when its jar changed or its directory
     * was replaced: their clients have a server of their own now.
     */
    private void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            boolean changed = !ServerAddress.identity(System.getenv()).equals(address.identity()) || !inItsDirectory();
            synchronized (this) {
                if (!busy && (changed || System.nanoTime() - lastCommand > idle.toNanos())) {
                    stop();
                    return;
                }
            }
        }
    }

    /** Takes the socket away first, so a client arriving now starts a new server instead of waiting on this one. */
    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            Files.deleteIfExists(address.socket());
        } catch (IOException e) {
            // The next server removes it.
        }
        close(listener);
    }

    private static void close(Closeable channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }
}
