package io.codeanatomy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An I/O failure as the start of one sentence: what could not be done, and the system's reason. */
final class IoErrors {
    private IoErrors() {
    }

    /** E.g. "cannot prepare output directory /proc/x (/proc/x: No such file or directory)", without a final period. */
    static String sentence(UncheckedIOException failure) {
        String what = failure.getMessage() == null ? "an I/O operation failed" : failure.getMessage();
        IOException cause = failure.getCause();
        // UncheckedIOException(IOException) copies the cause's text as its message; say it once.
        if (cause == null || what.equals(cause.toString()) || what.equals(cause.getMessage())) {
            return reason(cause);
        }
        return what + " (" + reason(cause) + ")";
    }

    static String reason(IOException cause) {
        if (cause == null) {
            return "unknown reason";
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        if (cause instanceof FileSystemException system) {
            return system.getFile() + ": " + (system.getReason() != null ? system.getReason() : "refused by the file system");
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
