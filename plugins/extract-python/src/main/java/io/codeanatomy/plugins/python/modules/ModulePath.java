package io.codeanatomy.plugins.python.modules;

import static java.util.Objects.requireNonNull;

/**
 * Where a file sits in the import system.
 *
 * @param moduleName the dotted name {@code import} reaches it by ({@code pkg.mod}; a package's
 *                   {@code __init__.py} is the package itself), null when a component of the path
 *                   below the source root is not an identifier ({@code my-dir/}, {@code x.y.py})
 * @param isPackage  the file is a package's {@code __init__.py}
 * @param sourceRoot the directory on {@code sys.path} the name is relative to, relative to the
 *                   extraction root and {@code /}-separated ({@code .} for the root itself,
 *                   {@code ..} when the extraction root is itself inside a package)
 */
public record ModulePath(String moduleName, boolean isPackage, String sourceRoot) {
    /** A file that is not found in the import system at all (a single file given by path is still one). */
    public static final ModulePath UNKNOWN = new ModulePath(null, false, ".");

    public ModulePath {
        requireNonNull(sourceRoot, "sourceRoot is null");
    }
}
