package io.codeanatomy.cli.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a running query server says about itself.
 *
 * @param pid its process id
 * @param uptime how long it has run
 * @param served how many command lines it has run
 * @param idle how long it waits for the next before it exits
 * @param directory the working directory it serves
 * @param classPath its class path (the jar)
 * @param log where its own output goes
 */
public record ServerStatus(long pid, Duration uptime, long served, Duration idle, String directory, String classPath, Path log) {
    public ServerStatus {
        requireNonNull(uptime, "uptime is null");
        requireNonNull(idle, "idle is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(classPath, "classPath is null");
        requireNonNull(log, "log is null");
    }

    /** Reads the server's {@code key=value} lines. */
    static ServerStatus parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new ServerStatus(Long.parseLong(values.get("pid")), Duration.ofSeconds(Long.parseLong(values.get("uptimeSeconds"))),
                Long.parseLong(values.get("served")), Duration.ofSeconds(Long.parseLong(values.get("idleSeconds"))),
                values.get("directory"), values.get("classPath"), Path.of(values.get("log")));
    }

    /** E.g. {@code pid 4242: up 0:03:10, 12 commands, serves /home/ann/proj, exits after 600 s idle, log /run/user/1000/...}. */
    @Override
    public String toString() {
        long seconds = uptime.toSeconds();
        return "pid " + pid + ": up " + seconds / 3600 + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60) + ", " + served
                + (served == 1 ? " command" : " commands") + ", serves " + directory + ", exits after " + idle.toSeconds()
                + " s idle, class path " + classPath + ", log " + log;
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
