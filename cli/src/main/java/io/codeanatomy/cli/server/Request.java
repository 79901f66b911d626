package io.codeanatomy.cli.server;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asks the query server: to run a command line, to say what it is, or to stop.
 *
 * @param kind {@link Frames#RUN}, {@link Frames#STATUS} or {@link Frames#STOP}
 * @param identity the client's {@link ServerAddress#identity}; a server with another one refuses
 * @param arguments the command line
 * @param environment the client's variables that change what a command prints ({@link QueryClient#VARIABLES})
 * @param console whether the client has a console
 * @param stdin the client's standard input, read whole when the command line reads it ({@code -}), else empty
 */
record Request(byte kind, String identity, List<String> arguments, Map<String, String> environment, boolean console, byte[] stdin) {
    Request {
        requireNonNull(identity, "identity is null");
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        requireNonNull(stdin, "stdin is null");
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(Frames.MAGIC);
        out.writeByte(kind);
        Frames.writeText(out, identity);
        out.writeInt(arguments.size());
        for (String argument : arguments) {
            Frames.writeText(out, argument);
        }
        out.writeInt(environment.size());
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            Frames.writeText(out, variable.getKey());
            Frames.writeText(out, variable.getValue());
        }
        out.writeBoolean(console);
        Frames.writeBytes(out, stdin);
        out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
        if (in.readInt() != Frames.MAGIC) {
            throw new StreamCorruptedException("not a codeanatomy client");
        }
        byte kind = in.readByte();
        String identity = Frames.readText(in);
        int count = in.readInt();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arguments.add(Frames.readText(in));
        }
        count = in.readInt();
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            environment.put(Frames.readText(in), Frames.readText(in));
        }
        boolean console = in.readBoolean();
        return new Request(kind, identity, arguments, environment, console, Frames.readBytes(in));
    }
}
