package io.codeanatomy.cli.server;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The frames of one answer, written by whichever thread prints; once the client is gone (it was
 * interrupted) the rest is dropped, so the command runs to its end without its output.
 */
final class Answer {
    private final DataOutputStream out;
    private boolean gone;

    Answer(OutputStream socket) {
        this.out = new DataOutputStream(new BufferedOutputStream(socket, 1 << 16));
    }

    synchronized void write(byte type, byte[] bytes, int offset, int length) {
        if (gone || length == 0) {
            return;
        }
        try {
            Frames.writeFrame(out, type, bytes, offset, length);
        } catch (IOException e) {
            gone = true;
        }
    }

    synchronized void flush() {
        if (gone) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }

    /** Ends the answer with {@code type} ({@link Frames#EXIT}, {@link Frames#REFUSED}) and its payload. */
    synchronized void end(byte type, byte[] payload) {
        write(type, payload, 0, payload.length);
        flush();
    }
}
