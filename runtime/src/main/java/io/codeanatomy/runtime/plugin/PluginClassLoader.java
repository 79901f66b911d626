package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one isolated plugin: parent-last, so the plugin's own jars win over the host's
 * copies of the same library (its Guava, its Jackson), except for the shared packages — the JDK,
 * {@code api}, {@code spi} and the libraries their signatures expose (Calcite, Arrow) — which always
 * come from the host, since a plugin and the runtime must agree on those classes. A class the plugin
 * does not bundle comes from the plugins it depends on, then from the host.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Package prefixes loaded from the host only; a plugin's own copy of them is ignored. */
    static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
            "io.codeanatomy.api.", "io.codeanatomy.spi.", "org.apache.calcite.", "org.apache.arrow.", "org.slf4j.");

    private final ClassLoader host;
    private final List<ClassLoader> dependencies;

    PluginClassLoader(String name, List<URL> jars, ClassLoader host, List<ClassLoader> dependencies) {
        super(name, jars.toArray(URL[]::new), null);
        this.host = requireNonNull(host, "host is null");
        this.dependencies = List.copyOf(dependencies);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = isShared(name) ? host.loadClass(name) : ownThenOthers(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> ownThenOthers(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notOwn) {
            for (ClassLoader dependency : dependencies) {
                try {
                    return dependency.loadClass(name);
                } catch (ClassNotFoundException notThere) {
                    // try the next
                }
            }
            return host.loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : host.getResource(name);
    }

    /** Own resources only, so that {@link java.util.ServiceLoader} finds this plugin's services and no others. */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> own = new ArrayList<>(Collections.list(findResources(name)));
        return Collections.enumeration(own);
    }
}
