package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.OutputFile;
import java.io.IOException;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Kernel {@link OutputFile} as parquet-mr's output file, as Kernel's own writer adapts it
 * (its adapter is package-private): the file is created, never overwritten, and not atomically,
 * since a data file is invisible until a commit names it.
 */
final class ParquetOutputFile implements org.apache.parquet.io.OutputFile {
    private final OutputFile file;

    ParquetOutputFile(OutputFile file) {
        this.file = requireNonNull(file, "file is null");
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        io.delta.kernel.defaults.engine.fileio.PositionOutputStream stream = file.create(false);
        return new DelegatingPositionOutputStream(stream) {
            @Override
            public long getPos() throws IOException {
                return stream.getPos();
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        throw new UnsupportedOperationException("Data files are never overwritten: " + file.path());
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return file.path();
    }
}
