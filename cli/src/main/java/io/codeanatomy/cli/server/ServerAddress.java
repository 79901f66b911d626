package io.codeanatomy.cli.server;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the query server for one identity listens: {@code KEY.sock}, with {@code KEY.lock} (held
 * by the server while it lives) and {@code KEY.log} (its output), in a directory of the user's
 * alone. The key is a hash of the {@linkplain #identity identity}: everything that, differing,
 * could make a server answer otherwise than the client's own JVM would.
 *
 * @param directory the user's server directory
 * @param identity the identity's text, compared in full by the server on every request
 */
public record ServerAddress(Path directory, String identity) {
    /** Overrides the directory (the tests use their own). */
    static final String DIRECTORY_VARIABLE = "CODEANATOMY_SERVER_DIR";
    /** The server's JVM options, as the launcher gives them to the client, separated by spaces. */
    static final String OPTIONS_PROPERTY = "codeanatomy.server.javaOptions";
    static final String DEFAULT_OPTIONS = "-XX:+UseParallelGC -Xss16m";
    /** A Unix socket's path is at most 107 bytes on Linux. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    public ServerAddress {
        requireNonNull(directory, "directory is null");
        requireNonNull(identity, "identity is null");
    }

    /** The address of the server for this JVM's class path, Java, server options, working directory and locale. */
    static ServerAddress ofThisProcess(Map<String, String> environment) {
        return new ServerAddress(directory(environment), identity(environment));
    }

    /**
     * The user's server directory: {@code $CODEANATOMY_SERVER_DIR}, else
     * {@code codeanatomy-USER} in {@code $XDG_RUNTIME_DIR}, {@code $TMPDIR} or {@code /tmp}.
     */
    public static Path directory(Map<String, String> environment) {
        String chosen = environment.get(DIRECTORY_VARIABLE);
        if (chosen != null && !chosen.isEmpty()) {
            return Path.of(chosen);
        }
        String base = firstSet(environment, "XDG_RUNTIME_DIR", "TMPDIR");
        return Path.of(base == null ? "/tmp" : base, "codeanatomy-" + System.getProperty("user.name"));
    }

    /**
     * Every class path entry with its size and modification time (a rebuilt jar is another
     * server), the Java the client runs, the server's JVM options, the working directory (a
     * relative path in a command line means the same file to both), and the variables the JVM
     * reads once at start: the time zone and the locale, which also decides the charset.
     */
    static String identity(Map<String, String> environment) {
        StringBuilder text = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            text.append("classpath ").append(file.getAbsolutePath());
            if (file.isFile()) {
                text.append(' ').append(file.length()).append(' ').append(file.lastModified());
            }
            text.append('\n');
        }
        text.append("java ").append(System.getProperty("java.home")).append('\n');
        text.append("options ").append(String.join(" ", options())).append('\n');
        text.append("directory ").append(System.getProperty("user.dir")).append('\n');
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (name.equals("TZ") || name.equals("LANG") || name.startsWith("LC_")) {
                text.append("env ").append(name).append('=').append(variable.getValue()).append('\n');
            }
        }
        return text.toString();
    }

    /** The server's JVM options. */
    static List<String> options() {
        List<String> options = new ArrayList<>();
        for (String option : System.getProperty(OPTIONS_PROPERTY, DEFAULT_OPTIONS).split(" ")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }

    /** The identity's key: 64-bit FNV-1a of its UTF-8 text, in hex (no digest provider to load). */
    String key() {
        long hash = 0xcbf29ce484222325L;
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }

    Path socket() {
        return directory.resolve(key() + ".sock");
    }

    Path lock() {
        return directory.resolve(key() + ".lock");
    }

    Path log() {
        return directory.resolve(key() + ".log");
    }

    /**
     * Creates the directory for the user alone (0700), or checks that it is one; false when it
     * cannot be used (another owner, other permissions, a socket path too long), and then no
     * server is started or reached.
     */
    boolean prepare() {
        if (socket().toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            return false;
        }
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
            return attributes.permissions().equals(OWNER_ONLY) && attributes.owner().getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
