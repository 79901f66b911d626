package io.codeanatomy.cli.server;

import io.codeanatomy.cli.CodeAnatomy;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./codeanatomy query|tables|describe|ask} runs: sends the command line to the query
 * server for this jar and directory ({@link QueryServer}), starting it first when none answers,
 * and relays its stdout, stderr and exit code; when no server can be started or reached, it runs
 * the command line itself, as {@code java -jar} would. It loads only JDK classes on the way to a
 * server: the point is to start fast.
 */
public final class QueryClient {
    /** {@code CODEANATOMY_SERVER=0} runs every command line in its own JVM. */
    static final String SERVER_VARIABLE = "CODEANATOMY_SERVER";
    /** The client's variables that change what a command prints: picocli's colours ({@link io.codeanatomy.cli.Invocation}). */
    static final List<String> VARIABLES = List.of("NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "ConEmuANSI");
    /** How long a client waits for the server it started to listen (its JVM loads the jar's classes). */
    private static final long START_MILLIS = 20_000;
    private static final long POLL_MILLIS = 20;

    private QueryClient() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> environment = System.getenv();
        if (!"0".equals(environment.get(SERVER_VARIABLE))) {
            // The command reads standard input for a '-' argument (query's SQL); the server gets it whole.
            boolean readsStdin = List.of(args).contains("-");
            byte[] stdin = readsStdin ? System.in.readAllBytes() : new byte[0];
            ServerAddress address = ServerAddress.ofThisProcess(environment);
            Request request = new Request(Frames.RUN, address.identity(), List.of(args), variables(environment), System.console() != null, stdin);
            Integer code = address.prepare() ? ask(address, request) : null;
            if (code != null) {
                System.exit(code);
            }
            if (readsStdin) {
                System.setIn(new ByteArrayInputStream(stdin));
            }
        }
        CodeAnatomy.main(args);
    }

    private static Map<String, String> variables(Map<String, String> environment) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String name : VARIABLES) {
            String value = environment.get(name);
            if (value != null) {
                chosen.put(name, value);
            }
        }
        return chosen;
    }

    /** The server's exit code after relaying its output; null when nothing was relayed and the client should run the command itself. */
    private static Integer ask(ServerAddress address, Request request) {
        SocketChannel channel = connect(address.socket());
        if (channel == null) {
            channel = start(address);
            if (channel == null) {
                return null;
            }
        }
        Relay relay = new Relay();
        try (SocketChannel open = channel; Backlog backlog = new Backlog()) {
            request.write(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(open), 1 << 16)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(open), 1 << 16));
            Thread reader = new Thread(() -> read(in, backlog), "codeanatomy-answer");
            reader.setDaemon(true);
            reader.start();
            return relay.frames(backlog);
        } catch (IOException e) {
            if (!relay.relayed) {
                return null;
            }
            System.err.println("codeanatomy: the query server stopped before the command ended (its log: " + address.log()
                    + "); run the command again.");
            return 1;
        }
    }

    static SocketChannel connect(Path socket) {
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            // No socket, or one its server left behind (connection refused).
            return null;
        }
    }

    /** Starts a server detached from this process and its terminal, and waits until it listens; null if it does not. */
    private static SocketChannel start(ServerAddress address) {
        Process server;
        try {
            server = new ProcessBuilder(serverCommand())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(address.log().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return null;
        }
        long deadline = System.nanoTime() + START_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            SocketChannel channel = connect(address.socket());
            if (channel != null) {
                return channel;
            }
            // A server that lost the race to another exits 0 and the other one answers; any other end is a failure.
            if (!server.isAlive() && server.exitValue() != 0) {
                return null;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * {@code java} with the server's options and this class path; under {@code setsid} where there
     * is one, so that the terminal's signals (Ctrl-C, hang-up) reach the client, not the server.
     */
    private static List<String> serverCommand() {
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (new File(setsid).canExecute()) {
                command.add(setsid);
                break;
            }
        }
        List<String> options = ServerAddress.options();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-D" + ServerAddress.OPTIONS_PROPERTY + "=" + String.join(" ", options));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QueryServer.class.getName());
        return command;
    }

    /**
     * Takes the answer's frames off the socket as fast as the server writes them, whatever the
     * client's stdout does: the server answers one command at a time.
     */
    private static void read(DataInputStream in, Backlog backlog) {
        try {
            while (true) {
                byte type = in.readByte();
                backlog.add(type, Frames.readBytes(in));
                if (type == Frames.EXIT || type == Frames.REFUSED) {
                    backlog.end(null);
                    return;
                }
            }
        } catch (IOException e) {
            backlog.end(e);
        }
    }

    /** Copies the answer's frames to this process's stdout and stderr, byte for byte. */
    private static final class Relay {
        private final OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        private boolean relayed;
        private boolean stdoutOpen = true;
        private boolean stderrOpen = true;

        /** The exit code, or null when the server refused the request. */
        Integer frames(Backlog backlog) throws IOException {
            while (true) {
                Backlog.Frame frame = backlog.take();
                byte type = frame.type();
                byte[] bytes = frame.bytes();
                switch (type) {
                    case Frames.STDOUT -> {
                        relayed = true;
                        stdoutOpen = copy(bytes, stdout, stdoutOpen);
                    }
                    case Frames.STDERR -> {
                        relayed = true;
                        stderrOpen = copy(bytes, stderr, stderrOpen);
                    }
                    case Frames.EXIT -> {
                        if (bytes.length != 4) {
                            throw new EOFException("an exit frame of " + bytes.length + " bytes");
                        }
                        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
                    }
                    case Frames.REFUSED -> {
                        return null;
                    }
                    default -> throw new EOFException("an unknown frame " + type);
                }
            }
        }

        /**
         * Writes to stdout or stderr while it takes bytes; once closed (a pipe into {@code head}),
         * the rest is dropped and the command runs to its end, as {@code System.out} does in the
         * command's own JVM.
         */
        private static boolean copy(byte[] bytes, OutputStream to, boolean open) {
            if (!open) {
                return false;
            }
            try {
                to.write(bytes);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
