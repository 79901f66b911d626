package io.codeanatomy.cli.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The query server's {@code System.out} or {@code System.err}: while a command runs, its bytes
 * become that command's stdout or stderr frames, whichever thread writes them (a logger that took
 * {@code System.err} once at start included); between commands they go to the server's log.
 */
final class RoutedOutput extends OutputStream {
    private final OutputStream log;
    private final byte type;
    private volatile Answer answer;

    RoutedOutput(OutputStream log, byte type) {
        this.log = log;
        this.type = type;
    }

    /** Routes to {@code answer} from now on; null routes to the log again. */
    void route(Answer answer) {
        this.answer = answer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Answer current = answer;
        if (current != null) {
            current.write(type, bytes, offset, length);
        } else {
            log.write(bytes, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        Answer current = answer;
        if (current != null) {
            current.flush();
        } else {
            log.flush();
        }
    }
}
