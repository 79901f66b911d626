package io.codeanatomy.spi.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A source file found below the source root.
 *
 * @param path    relative to the root, '/'-separated: the file's identity in every table
 * @param file    where to read it
 * @param size    bytes when listed, -1 when its attributes could not be read
 * @param symlink the entry is a symbolic link (read through it)
 */
public record SourceFile(String path, Path file, long size, boolean symlink) {
    public SourceFile {
        requireNonNull(path, "path is null");
        requireNonNull(file, "file is null");
    }
}
