package io.codeanatomy.plugins.python.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestModuleNames {
    @TempDir
    Path temp;

    @Test
    void aPackageAndANestedPackageNameTheirModulesFromTheFirstDirectoryThatIsNoPackage() throws IOException {
        Path root = tree("repo", "pkg/__init__.py", "pkg/mod.py", "pkg/sub/__init__.py", "pkg/sub/deep.py", "setup.py");
        ModuleNames names = new ModuleNames(root, List.of());

        assertThat(names.of("pkg/__init__.py")).isEqualTo(new ModulePath("pkg", true, "."));
        assertThat(names.of("pkg/mod.py")).isEqualTo(new ModulePath("pkg.mod", false, "."));
        assertThat(names.of("pkg/sub/__init__.py")).isEqualTo(new ModulePath("pkg.sub", true, "."));
        assertThat(names.of("pkg/sub/deep.py")).isEqualTo(new ModulePath("pkg.sub.deep", false, "."));
        assertThat(names.of("setup.py")).isEqualTo(new ModulePath("setup", false, "."));
    }

    @Test
    void srcLayoutTestsAndScriptsAreTheirOwnRoots() throws IOException {
        Path root = tree("repo", "src/app/__init__.py", "src/app/core.py", "tests/test_core.py", "tests/conftest.py",
                "scripts/run.py");
        ModuleNames names = new ModuleNames(root, List.of());

        assertThat(names.of("src/app/core.py")).isEqualTo(new ModulePath("app.core", false, "src"));
        assertThat(names.of("src/app/__init__.py")).isEqualTo(new ModulePath("app", true, "src"));
        assertThat(names.of("tests/test_core.py")).isEqualTo(new ModulePath("test_core", false, "tests"));
        assertThat(names.of("scripts/run.py")).isEqualTo(new ModulePath("run", false, "scripts"));
    }

    @Test
    void namespacePackagesWithoutInitAreFollowedUp() throws IOException {
        // google/ and google/cloud/ hold no module of their own: PEP 420 portions, as `import google.cloud.storage` sees them.
        Path root = tree("repo", "google/cloud/storage/__init__.py", "google/cloud/storage/blob.py",
                "pkg/__init__.py", "pkg/plugins/extra.py", "src/ns/tool/__init__.py");
        ModuleNames names = new ModuleNames(root, List.of());

        assertThat(names.of("google/cloud/storage/blob.py")).isEqualTo(new ModulePath("google.cloud.storage.blob", false, "."));
        assertThat(names.of("google/cloud/storage/__init__.py")).isEqualTo(new ModulePath("google.cloud.storage", true, "."));
        // A directory without __init__.py inside a regular package is a namespace subpackage.
        assertThat(names.of("pkg/plugins/extra.py")).isEqualTo(new ModulePath("pkg.plugins.extra", false, "."));
        assertThat(names.of("src/ns/tool/__init__.py")).isEqualTo(new ModulePath("ns.tool", true, "src"));
    }

    @Test
    void aNameThatIsNoIdentifierMakesTheFileUnimportable() throws IOException {
        Path root = tree("repo", "my-dir/__init__.py", "my-dir/x.py", "pkg/__init__.py", "pkg/x.y.py", "pkg/2fast.py");
        ModuleNames names = new ModuleNames(root, List.of());

        assertThat(names.of("my-dir/x.py")).isEqualTo(new ModulePath(null, false, "."));
        assertThat(names.of("pkg/x.y.py")).isEqualTo(new ModulePath(null, false, "."));
        assertThat(names.of("pkg/2fast.py")).isEqualTo(new ModulePath(null, false, "."));
        assertThat(ModuleNames.isIdentifier("héllo_1")).isTrue();
        assertThat(ModuleNames.isIdentifier("a b")).isFalse();
    }

    @Test
    void givenSourceRootsOverrideTheGuessTheInnermostWinning() throws IOException {
        Path root = tree("repo", "lib/a/b.py", "lib/a/b/c.py", "tests/unit/test_x.py", "other/pkg/__init__.py", "other/pkg/m.py");
        ModuleNames names = new ModuleNames(root, List.of("lib", "lib/a/", "./tests"));

        assertThat(names.of("lib/a/b/c.py")).isEqualTo(new ModulePath("b.c", false, "lib/a"));
        assertThat(names.of("tests/unit/test_x.py")).isEqualTo(new ModulePath("unit.test_x", false, "tests"));
        // Files under no given root are guessed: other/ holds no module of its own, so it is a namespace portion.
        assertThat(names.of("other/pkg/m.py")).isEqualTo(new ModulePath("other.pkg.m", false, "."));
        assertThat(new ModuleNames(root, List.of(".")).of("lib/a/b.py")).isEqualTo(new ModulePath("lib.a.b", false, "."));
    }

    @Test
    void anExtractionRootInsideAPackageNamesModulesFromAboveIt() throws IOException {
        Path root = tree("repo", "pkg/__init__.py", "pkg/inner/__init__.py", "pkg/inner/m.py");
        ModuleNames names = new ModuleNames(root.resolve("pkg/inner"), List.of());

        assertThat(names.of("m.py")).isEqualTo(new ModulePath("pkg.inner.m", false, "../.."));
        assertThat(names.of("__init__.py")).isEqualTo(new ModulePath("pkg.inner", true, "../.."));
    }

    @Test
    void sourceRootsMustStayInsideTheExtractionRoot() {
        assertThatThrownBy(() -> ModuleNames.components("../x"))
                .hasMessage("the source root '../x' leaves the directory being extracted; give a directory inside it.");
        assertThatThrownBy(() -> ModuleNames.components("/abs"))
                .hasMessage("the source root '/abs' is absolute; give it relative to the directory being extracted.");
    }

    private Path tree(String name, String... files) throws IOException {
        Path root = temp.resolve(name);
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "");
        }
        return root;
    }
}
