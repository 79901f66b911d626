package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.canonical.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.ClassDeclaration;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.runtime.ArrayBindable;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * The compiled code of physical plans. Calcite generates Java for a plan's Enumerable operators and
 * Janino compiles it into a {@link Bindable}, as {@link EnumerableInterpretable#toBindable} does;
 * compiling is most of the time a small build spends executing (a two-file build: 121 of the 171
 * samples of its compiling threads were in Janino). The same plan generates the same source, so
 * its bytecode is kept by the SHA-256 of the source and the JDK's version: in memory, for the JVM's
 * later runs (tests, hosts, the query server); and, when the system property
 * {@value #CACHE_PROPERTY} names a directory, in a file there for later processes. The launcher
 * sets it to a directory beside the jar and empties it when the jar is newer, since the code calls
 * the jar's classes. Each use defines the classes anew in a loader of its own, so no two runs share
 * a generated class or its static state. A cache file that cannot be read is compiled again and
 * replaced; one that cannot be written is left out: no run fails for the cache.
 */
final class PlanCode {
    /** The system property naming the directory of compiled code kept between processes. */
    static final String CACHE_PROPERTY = "codeanatomy.code.cache";
    /** The bytes of bytecode kept in memory, least recently used dropped first. */
    private static final long MEMORY_BYTES = 64L << 20;
    /** The files kept in the cache directory; past it, the least recently used go. */
    private static final int DISK_FILES = 4_000;
    private static final String SUFFIX = ".classes";
    private static final int FORMAT = 1;
    private static final ClassLoader PARENT = EnumerableInterpretable.class.getClassLoader();

    private static final Map<String, SortedMap<String, byte[]>> MEMORY = new LinkedHashMap<>(64, 0.75f, true);
    private static long memoryBytes;
    private static final AtomicBoolean PRUNED = new AtomicBoolean();
    private static final AtomicLong COMPILED = new AtomicLong();

    private PlanCode() {
    }

    /** The plan's code, bound to nothing yet; {@code parameters} receives the values it reads from the data context. */
    static Bindable<?> bindable(EnumerableRel plan, Map<String, Object> parameters) {
        requireNonNull(plan, "plan is null");
        requireNonNull(parameters, "parameters is null");
        ClassDeclaration declaration = new EnumerableRelImplementor(plan.getCluster().getRexBuilder(), parameters)
                .implementRoot(plan, EnumerableRel.Prefer.ARRAY);
        String interfaces = plan.getRowType().getFieldCount() == 1
                ? Bindable.class.getCanonicalName() + ", " + Typed.class.getCanonicalName()
                : ArrayBindable.class.getCanonicalName();
        String source = "public final class " + declaration.name + " implements " + interfaces + " {\n"
                + Expressions.toString(declaration.memberDeclarations, "\n", false) + "\n}";
        String key = Sha256.hex(Runtime.version() + "\n" + source);
        SortedMap<String, byte[]> classes = remembered(key).or(() -> stored(key)).orElseGet(() -> compile(key, source));
        return instantiate(declaration.name, classes, source);
    }

    private static SortedMap<String, byte[]> compile(String key, String source) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(PARENT);
        try {
            compiler.cook(source);
        } catch (CompileException e) {
            throw new IllegalStateException("the generated Java of a plan does not compile: " + e.getMessage() + "\n" + source, e);
        }
        COMPILED.incrementAndGet();
        SortedMap<String, byte[]> classes = new TreeMap<>(compiler.getBytecodes());
        remember(key, classes);
        store(key, classes);
        return classes;
    }

    private static Bindable<?> instantiate(String name, SortedMap<String, byte[]> classes, String source) {
        try {
            Class<?> type = new Loader(classes).loadClass(name);
            return (Bindable<?>) type.getDeclaredConstructors()[0].newInstance();
        } catch (ClassNotFoundException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot load the compiled code of a plan: " + e + "\n" + source, e);
        }
    }

    /** How many plans this JVM compiled, not finding their code kept (tests). */
    static long compiled() {
        return COMPILED.get();
    }

    /** Drops the code kept in memory (tests). */
    static synchronized void forget() {
        MEMORY.clear();
        memoryBytes = 0;
    }

    private static synchronized Optional<SortedMap<String, byte[]>> remembered(String key) {
        return Optional.ofNullable(MEMORY.get(key));
    }

    private static synchronized void remember(String key, SortedMap<String, byte[]> classes) {
        if (MEMORY.put(key, classes) == null) {
            memoryBytes += size(classes);
        }
        var eldest = MEMORY.entrySet().iterator();
        while (memoryBytes > MEMORY_BYTES && eldest.hasNext()) {
            memoryBytes -= size(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long size(Map<String, byte[]> classes) {
        return classes.values().stream().mapToLong(bytes -> bytes.length).sum();
    }

    /** The cache directory, when this process has one. */
    private static Optional<Path> directory() {
        String property = System.getProperty(CACHE_PROPERTY);
        return property == null || property.isBlank() ? Optional.empty() : Optional.of(Path.of(property));
    }

    private static Optional<SortedMap<String, byte[]>> stored(String key) {
        Optional<Path> directory = directory();
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = directory.get().resolve(key + SUFFIX);
        try {
            SortedMap<String, byte[]> classes = decode(key, Files.readAllBytes(file));
            // Its time says when it was last used, for pruning.
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            remember(key, classes);
            return Optional.of(classes);
        } catch (IOException | RuntimeException e) {
            // Missing, half-pruned or unreadable: compiled again and written anew.
            return Optional.empty();
        }
    }

    private static void store(String key, SortedMap<String, byte[]> classes) {
        Optional<Path> directory = directory();
        if (directory.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(directory.get());
            Path temporary = Files.createTempFile(directory.get(), key, ".tmp");
            try {
                Files.write(temporary, encode(key, classes));
                Files.move(temporary, directory.get().resolve(key + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (PRUNED.compareAndSet(false, true)) {
                prune(directory.get());
            }
        } catch (IOException | RuntimeException e) {
            // A read-only or vanished directory: the code is kept in memory only.
        }
    }

    /** Deletes the least recently used files past {@link #DISK_FILES}, once per process. */
    private static void prune(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (files.size() <= DISK_FILES) {
            return;
        }
        Map<Path, FileTime> used = new LinkedHashMap<>();
        for (Path file : files) {
            used.put(file, Files.getLastModifiedTime(file));
        }
        List<Path> oldestFirst = files.stream().sorted(Comparator.comparing(used::get)).toList();
        for (Path file : oldestFirst.subList(0, files.size() - DISK_FILES)) {
            Files.deleteIfExists(file);
        }
    }

    static byte[] encode(String key, SortedMap<String, byte[]> classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(key);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The classes of a cache file; fails when it is not one of this format for {@code key}. */
    static SortedMap<String, byte[]> decode(String key, byte[] file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                throw new IOException("not a cache file of this format for " + key);
            }
            int count = in.readInt();
            SortedMap<String, byte[]> classes = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            if (in.read() != -1 || classes.isEmpty()) {
                throw new IOException("a cache file with trailing bytes or no class");
            }
            return classes;
        }
    }

    /** Defines the classes of one compiled plan. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            super(PARENT);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
