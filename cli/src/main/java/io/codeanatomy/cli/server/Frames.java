package io.codeanatomy.cli.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The query server's wire format, both ways over the Unix socket. A request is {@link #MAGIC},
 * its kind, then the {@link Request}'s fields. The answer is a sequence of frames, each a type
 * byte, a length and that many bytes: {@link #STDOUT} and {@link #STDERR} carry the command's
 * bytes as written, {@link #EXIT} ends the answer with the exit code, {@link #REFUSED} ends it
 * without running anything (the client then runs the command itself).
 */
final class Frames {
    static final int MAGIC = 0x43415331;
    static final byte RUN = 1;
    static final byte STATUS = 2;
    static final byte STOP = 3;

    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 3;
    static final byte REFUSED = 4;

    private Frames() {
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new EOFException("negative length " + length);
        }
        return in.readNBytes(length);
    }

    /** Writes one frame. */
    static void writeFrame(DataOutputStream out, byte type, byte[] bytes, int offset, int length) throws IOException {
        out.writeByte(type);
        out.writeInt(length);
        out.write(bytes, offset, length);
    }
}
