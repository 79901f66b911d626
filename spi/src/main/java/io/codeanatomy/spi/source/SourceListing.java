package io.codeanatomy.spi.source;

import java.util.List;

/**
 * The files to extract, sorted by path, and what could not be looked at (directories that
 * could not be listed, {@code .gitignore} files that could not be read), one sentence each.
 */
public record SourceListing(List<SourceFile> files, List<String> warnings) {
    public SourceListing {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
