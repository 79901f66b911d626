package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A {@link FileIO} that tells the current thread which files it opens for writing.
 *
 * <p>Kernel's Parquet writer names data files itself and does not report a file that a failure
 * cut short. While a thread records, every path it opens for output is added to its list, so a
 * failed write can delete exactly its own files, never a concurrent writer's.
 */
final class RecordingFileIO implements FileIO {
    private final FileIO delegate;
    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    RecordingFileIO(FileIO delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** Work that may fail with an I/O error. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** Runs {@code action}, adding to {@code outputs} the path of every file this thread opens for writing. */
    void record(List<String> outputs, IoAction action) throws IOException {
        requireNonNull(outputs, "outputs is null");
        List<String> previous = recording.get();
        recording.set(outputs);
        try {
            action.run();
        } finally {
            if (previous == null) {
                recording.remove();
            } else {
                recording.set(previous);
            }
        }
    }

    @Override
    public OutputFile newOutputFile(String path) {
        List<String> outputs = recording.get();
        if (outputs != null) {
            outputs.add(path);
        }
        return delegate.newOutputFile(path);
    }

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        return delegate.listFrom(filePath);
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        return delegate.getFileStatus(path);
    }

    @Override
    public String resolvePath(String path) throws IOException {
        return delegate.resolvePath(path);
    }

    @Override
    public boolean mkdirs(String path) throws IOException {
        return delegate.mkdirs(path);
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
        return delegate.newInputFile(path, fileSize);
    }

    @Override
    public boolean delete(String path) throws IOException {
        return delegate.delete(path);
    }

    @Override
    public Optional<String> getConf(String confKey) {
        return delegate.getConf(confKey);
    }

    @Override
    public void copyFileAtomically(String srcPath, String destPath, boolean overwrite) throws IOException {
        delegate.copyFileAtomically(srcPath, destPath, overwrite);
    }
}
