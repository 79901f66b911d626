package io.codeanatomy.plugins.python.modules;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the modules of an extraction root the way Python's import system sees the tree on disk
 * (docs/decisions.md, "Module names"):
 *
 * <ul>
 *   <li>Under a given source root (the longest that contains the file), the name is the path below it:
 *       with that directory on {@code sys.path}, {@code import a.b} finds {@code a/b.py} whether or not
 *       {@code a/} has an {@code __init__.py} (PEP 420).</li>
 *   <li>Otherwise the root is guessed, walking up from the file's directory: a directory with
 *       {@code __init__.py} is a package and part of the name; so is a directory without one (a
 *       namespace package portion) when its parent is a package, or when it holds no {@code .py} file
 *       of its own and is not named {@code src}. The first directory that is neither is the source
 *       root: {@code src/} of a src layout, {@code tests/} or {@code scripts/} holding their modules,
 *       the extraction root for top-level scripts. Above the extraction root only packages are
 *       followed (the extraction root may itself be a package).</li>
 * </ul>
 *
 * A package's {@code __init__.py} is the package itself. When a component below the source root is
 * not an identifier the file cannot be imported and its name is null. Directory facts are read from
 * the file system, not from the selected files, and cached: one instance serves one listing, on one
 * thread.
 */
public final class ModuleNames {
    private static final String INIT = "__init__.py";
    private static final String SUFFIX = ".py";
    /** The PyPA src layout's directory: on sys.path by convention, never a package of its own. */
    private static final String SRC_LAYOUT = "src";

    private final Path root;
    /** Given source roots as relative component lists, longest first, so the innermost wins. */
    private final List<List<String>> sourceRoots;
    private final Map<Path, Boolean> packages = new HashMap<>();
    private final Map<Path, Boolean> ownModules = new HashMap<>();

    /**
     * @param root        the extraction root directory
     * @param sourceRoots directories on {@code sys.path}, relative to {@code root}, {@code /}-separated;
     *                    empty to guess every file's root
     */
    public ModuleNames(Path root, List<String> sourceRoots) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        requireNonNull(sourceRoots, "sourceRoots is null");
        Set<List<String>> distinct = new TreeSet<>(Comparator.<List<String>>comparingInt(List::size).reversed()
                .thenComparing(l -> String.join("/", l)));
        for (String sourceRoot : sourceRoots) {
            distinct.add(components(sourceRoot));
        }
        this.sourceRoots = List.copyOf(distinct);
    }

    /**
     * Splits a relative source root into its components ({@code .} and empty ones dropped).
     *
     * @throws IllegalArgumentException when it is absolute or leaves the extraction root
     */
    public static List<String> components(String sourceRoot) {
        requireNonNull(sourceRoot, "sourceRoot is null");
        if (sourceRoot.startsWith("/") || Path.of(sourceRoot).isAbsolute()) {
            throw new IllegalArgumentException("the source root '" + sourceRoot
                    + "' is absolute; give it relative to the directory being extracted.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : sourceRoot.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("the source root '" + sourceRoot
                        + "' leaves the directory being extracted; give a directory inside it.");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return List.copyOf(parts);
    }

    /** The module of the file at {@code path}, relative to the root and {@code /}-separated. */
    public ModulePath of(String path) {
        requireNonNull(path, "path is null");
        List<String> parts = List.of(path.split("/"));
        String fileName = parts.get(parts.size() - 1);
        List<String> dirs = parts.subList(0, parts.size() - 1);
        boolean isPackage = fileName.equals(INIT);
        String stem = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        for (List<String> sourceRoot : sourceRoots) {
            if (dirs.size() >= sourceRoot.size() && dirs.subList(0, sourceRoot.size()).equals(sourceRoot)) {
                List<String> name = new ArrayList<>(dirs.subList(sourceRoot.size(), dirs.size()));
                return module(name, isPackage, stem, sourceRoot.isEmpty() ? "." : String.join("/", sourceRoot));
            }
        }
        return guess(dirs, isPackage, stem);
    }

    private ModulePath guess(List<String> dirs, boolean isPackage, String stem) {
        // k: the directory dirs[0, k) is the one being looked at; it joins the name or is the root.
        int k = dirs.size();
        while (k > 0 && inName(root.resolve(String.join("/", dirs.subList(0, k))), dirs.get(k - 1))) {
            k--;
        }
        List<String> name = new ArrayList<>(dirs.subList(k, dirs.size()));
        if (k > 0) {
            return module(name, isPackage, stem, String.join("/", dirs.subList(0, k)));
        }
        // The extraction root itself may be a package: follow packages up on disk.
        Path dir = root;
        List<String> above = new ArrayList<>();
        String up = ".";
        while (dir.getParent() != null && isPackage(dir) && dir.getFileName() != null) {
            above.add(dir.getFileName().toString());
            dir = dir.getParent();
            up = up.equals(".") ? ".." : up + "/..";
        }
        Collections.reverse(above);
        above.addAll(name);
        return module(above, isPackage, stem, up);
    }

    /** The directory is part of a module's dotted name rather than its source root. */
    private boolean inName(Path dir, String dirName) {
        if (isPackage(dir)) {
            return true;
        }
        if (!isIdentifier(dirName)) {
            return false;
        }
        Path parent = dir.getParent();
        boolean parentIsPackage = parent != null && !dir.equals(root) && parent.startsWith(root) && isPackage(parent);
        return parentIsPackage || (!dirName.equals(SRC_LAYOUT) && !hasOwnModules(dir));
    }

    private static ModulePath module(List<String> dirs, boolean isPackage, String stem, String sourceRoot) {
        List<String> name = new ArrayList<>(dirs);
        if (!isPackage) {
            name.add(stem);
        }
        for (String part : name) {
            if (!isIdentifier(part)) {
                return new ModulePath(null, isPackage, sourceRoot);
            }
        }
        // An __init__.py right at a source root is no package anyone can import by name.
        return new ModulePath(name.isEmpty() ? null : String.join(".", name), isPackage, sourceRoot);
    }

    private boolean isPackage(Path dir) {
        return packages.computeIfAbsent(dir, d -> Files.isRegularFile(d.resolve(INIT)));
    }

    private boolean hasOwnModules(Path dir) {
        return ownModules.computeIfAbsent(dir, d -> {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d, "*" + SUFFIX)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                // Unlistable: it cannot be told from a namespace portion, so take it as a root.
                return true;
            }
        });
    }

    /**
     * Python's {@code str.isidentifier()}: a letter or {@code _}, then letters, digits and {@code _};
     * beyond ASCII, Java's Unicode identifier classes stand in for XID_Start and XID_Continue.
     */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp < 128
                    ? cp == '_' || Character.isLetter(cp) || (i > 0 && Character.isDigit(cp))
                    : !Character.isIdentifierIgnorable(cp)
                            && (i == 0 ? Character.isUnicodeIdentifierStart(cp) : Character.isUnicodeIdentifierPart(cp));
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
