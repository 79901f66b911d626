package io.codeanatomy.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code codeanatomy server status|stop}: the user's query servers, one per jar, directory and
 * set-up, found by their sockets in the user's server directory. A socket no server listens on
 * any more (it was killed) is removed on the way.
 */
public final class ServerControl {
    private ServerControl() {
    }

    /** What each running server of the user says about itself. */
    public static List<ServerStatus> status(Map<String, String> environment) {
        List<ServerStatus> running = new ArrayList<>();
        for (Path socket : sockets(environment)) {
            String text = request(socket, Frames.STATUS);
            if (text != null) {
                running.add(ServerStatus.parse(text));
            }
        }
        return running;
    }

    /** Stops every running server of the user; how many there were. */
    public static int stop(Map<String, String> environment) {
        int stopped = 0;
        for (Path socket : sockets(environment)) {
            if (request(socket, Frames.STOP) != null) {
                stopped++;
            }
        }
        return stopped;
    }

    private static List<Path> sockets(Map<String, String> environment) {
        Path directory = ServerAddress.directory(environment);
        TreeSet<Path> sockets = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.sock")) {
            entries.forEach(sockets::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return List.copyOf(sockets);
    }

    /** What the server on {@code socket} printed for a control request; null when none listens. */
    private static String request(Path socket, byte kind) {
        SocketChannel channel = QueryClient.connect(socket);
        if (channel == null) {
            removeIfAbandoned(socket);
            return null;
        }
        try (channel) {
            new Request(kind, "", List.of(), Map.of(), false, new byte[0])
                    .write(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                byte type = in.readByte();
                byte[] bytes = Frames.readBytes(in);
                if (type == Frames.STDOUT) {
                    out.write(bytes);
                } else {
                    return out.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes a socket whose server is gone: nobody holds its lock (a server starting holds it before it listens). */
    private static void removeIfAbandoned(Path socket) {
        String name = socket.getFileName().toString();
        Path lock = socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held != null) {
                Files.deleteIfExists(socket);
                held.release();
            }
        } catch (IOException e) {
            // Left for the next server of that key, which replaces it.
        }
    }
}
