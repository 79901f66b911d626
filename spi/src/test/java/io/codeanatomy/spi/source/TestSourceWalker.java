package io.codeanatomy.spi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSourceWalker {
    @TempDir
    Path root;

    @BeforeEach
    void tree() throws IOException {
        write("b.py");
        write("a.py");
        write("notes.txt");
        write("a/b.py");
        write(".git/hooks/x.py");
        write("venv/pyvenv.cfg");
        write("venv/lib/x.py");
        write(".venv/lib/x.py");
        write("tools/venv/__init__.py");
        write("env1/pyvenv.cfg");
        write("env1/lib/y.py");
        write("pkg/__pycache__/z.py");
        write("web/node_modules/n.py");
        write("pkg/__init__.py");
        write("pkg/gen_out.py");
        write("pkg/gen_keep.py");
        write("build/c.py");
        write("deep/build/d.py");
        Files.writeString(root.resolve(".gitignore"), "gen_*.py\nbuild/\n");
        Files.writeString(root.resolve("pkg/.gitignore"), "!gen_keep.py\n");
        Files.createSymbolicLink(root.resolve("loop.py"), root.resolve("loop.py"));
        Files.createSymbolicLink(root.resolve("dirlink"), root.resolve("pkg"));
        Files.createSymbolicLink(root.resolve("filelink.py"), root.resolve("pkg/__init__.py"));
    }

    private void write(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x = 1\n");
    }

    private List<String> paths(SourceSelection selection) throws IOException {
        return SourceWalker.list(root, ".py", selection).files().stream().map(SourceFile::path).toList();
    }

    @Test
    void listsPythonFilesSortedByPathSkippingToolDirectoriesAndIgnoredFiles() throws IOException {
        assertThat(paths(SourceSelection.DEFAULT)).containsExactly(
                "a.py", "a/b.py", "b.py", "filelink.py", "loop.py", "pkg/__init__.py", "pkg/gen_keep.py",
                "tools/venv/__init__.py");
    }

    @Test
    void gitignoreCanBeSwitchedOff() throws IOException {
        assertThat(paths(new SourceSelection(List.of(), List.of(), false)))
                .contains("pkg/gen_out.py", "build/c.py", "deep/build/d.py")
                .doesNotContain(".git/hooks/x.py", "venv/lib/x.py", ".venv/lib/x.py", "env1/lib/y.py",
                        "pkg/__pycache__/z.py", "web/node_modules/n.py");
    }

    @Test
    void symbolicLinksToFilesAreListedAndLinksToDirectoriesAreNotFollowed() throws IOException {
        List<SourceFile> files = SourceWalker.list(root, ".py", SourceSelection.DEFAULT).files();
        assertThat(files).filteredOn(SourceFile::symlink).extracting(SourceFile::path)
                .containsExactly("filelink.py", "loop.py");
        assertThat(files).extracting(SourceFile::path).noneMatch(p -> p.startsWith("dirlink/"));
    }

    @Test
    void includesSelectFilesOrWholeDirectories() throws IOException {
        assertThat(paths(new SourceSelection(List.of("{a,pkg}/*.py"), List.of(), true)))
                .containsExactly("a/b.py", "pkg/__init__.py", "pkg/gen_keep.py");
        assertThat(paths(new SourceSelection(List.of("pkg"), List.of(), true)))
                .containsExactly("pkg/__init__.py", "pkg/gen_keep.py");
        assertThat(paths(new SourceSelection(List.of("**/b.py"), List.of(), true))).containsExactly("a/b.py", "b.py");
    }

    @Test
    void excludesPruneFilesAndDirectories() throws IOException {
        assertThat(paths(new SourceSelection(List.of(), List.of("pkg/", "/b.py", "*link*"), true)))
                .containsExactly("a.py", "a/b.py", "loop.py", "tools/venv/__init__.py");
    }

    @Test
    void theSuffixNamesTheLanguageListed() throws IOException {
        write("docs/guide.txt");
        assertThat(SourceWalker.list(root, ".txt", SourceSelection.DEFAULT).files()).extracting(SourceFile::path)
                .containsExactly("docs/guide.txt", "notes.txt");
        assertThatThrownBy(() -> SourceWalker.list(root, "", SourceSelection.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suffix");
    }

    @Test
    void namesThatDifferOnlyInBytesThatAreNotUtf8AreListedInByteOrder() throws Exception {
        Path dir = Files.createDirectories(root.resolve("raw"));
        // Only a file URI can name such bytes; the JDK reads both names back as "a\uFFFD.py".
        for (String escaped : List.of("a%FF.py", "a%FE.py", "a%FD.py")) {
            Path file = dir.getFileSystem().provider().getPath(new java.net.URI("file://" + dir.toUri().getRawPath() + escaped));
            Files.writeString(file, "x = 1\n");
        }
        SourceListing listing = SourceWalker.list(dir, ".py", SourceSelection.DEFAULT);
        assertThat(listing.files()).extracting(f -> f.file().toUri().getRawPath().replaceAll(".*/", ""))
                .containsExactly("a%FD.py", "a%FE.py", "a%FF.py");
    }

    @Test
    void rootThatIsNotADirectoryIsRefused() {
        assertThatThrownBy(() -> SourceWalker.list(root.resolve("a.py"), ".py", SourceSelection.DEFAULT))
                .isInstanceOf(NotDirectoryException.class);
    }
}
