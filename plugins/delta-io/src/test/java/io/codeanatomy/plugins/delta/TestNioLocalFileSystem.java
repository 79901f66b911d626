package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestNioLocalFileSystem {
    @TempDir
    java.nio.file.Path dir;

    private final NioLocalFileSystem fs = new NioLocalFileSystem();

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private NioLocalFileSystem initialized() throws IOException {
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
        return fs;
    }

    @Test
    void setPermissionSetsTheModeBits() throws IOException {
        java.nio.file.Path file = Files.createFile(dir.resolve("f"));

        initialized().setPermission(new Path(file.toUri()), new FsPermission((short) 0640));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        fs.setPermission(new Path(file.toUri()), new FsPermission((short) 0755));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void createdFilesAndDirectoriesGetTheUmaskedDefaultModeWithoutChecksumFiles() throws IOException {
        Path file = new Path(dir.resolve("a/b/data.bin").toUri());
        try (FSDataOutputStream out = initialized().create(file)) {
            out.write(new byte[] {1, 2, 3});
        }

        assertThat(Files.readAllBytes(dir.resolve("a/b/data.bin"))).containsExactly(1, 2, 3);
        assertThat(Files.isDirectory(dir.resolve("a/b"))).isTrue();
        try (var listing = Files.list(dir.resolve("a/b"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("data.bin");
        }
    }

    @Test
    void linkStatusIsWhatHadoopsLocalFileSystemReports() throws IOException {
        java.nio.file.Path file = Files.writeString(dir.resolve("plain"), "x");
        java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        try (RawLocalFileSystem hadoop = new RawLocalFileSystem()) {
            hadoop.initialize(java.net.URI.create("file:///"), new Configuration());
            initialized();
            for (java.nio.file.Path p : List.of(file, link)) {
                FileStatus ours = fs.getFileLinkStatus(new Path(p.toUri()));
                FileStatus theirs = hadoop.getFileLinkStatus(new Path(p.toUri()));
                assertThat(ours.getPath()).isEqualTo(theirs.getPath());
                assertThat(ours.isSymlink()).isEqualTo(theirs.isSymlink());
                assertThat(ours.isFile()).isEqualTo(theirs.isFile());
                assertThat(ours.getLen()).isEqualTo(theirs.getLen());
            }
        }
        assertThatThrownBy(() -> fs.getFileLinkStatus(new Path(dir.resolve("missing").toUri())))
                .isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void fileContextRenamesThroughTheNioFileSystem() throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs.AbstractFileSystem.file.impl", NioLocalFileSystemForFileContext.class.getName());
        FileContext context = FileContext.getFileContext(conf);
        Path from = new Path(dir.resolve(".commit.tmp").toUri());
        Path to = new Path(dir.resolve("00000000000000000000.json").toUri());
        try (FSDataOutputStream out = context.create(from).build()) {
            out.write('{');
        }

        context.rename(from, to, Options.Rename.NONE);

        assertThat(Files.readString(dir.resolve("00000000000000000000.json"))).isEqualTo("{");
        assertThat(Files.exists(dir.resolve(".commit.tmp"))).isFalse();
        assertThatThrownBy(() -> context.rename(to, to, Options.Rename.NONE)).isInstanceOf(IOException.class);
    }
}
