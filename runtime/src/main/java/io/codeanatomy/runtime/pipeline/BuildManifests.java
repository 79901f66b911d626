package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The build manifests of an output directory: {@code builds/<build>.json}, one per successful build,
 * numbered from 0 with ten digits so that names sort as numbers.
 *
 * <p>A manifest is written to a hidden temporary file, forced to disk, and renamed into place: the
 * rename is the commit of the whole build, so a manifest is either absent or complete. Only the
 * holder of the output's {@link OutputLock} commits, so two builds never take one number.
 */
public final class BuildManifests {
    /** Directory of the manifests; its presence marks an output whose readers go through manifests. */
    public static final String DIRECTORY = "builds";
    /** {@link BuildHalts} point inside {@link #commit}: the manifest is written but not yet renamed into place. */
    static final String HALT_MANIFEST = "manifest";

    private static final Pattern NAME = Pattern.compile("(\\d{10})\\.json");
    /** An expired build: its data files were vacuumed, its manifest kept for the record. */
    private static final Pattern EXPIRED = Pattern.compile("(\\d{10})\\.expired\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BuildManifests() {}

    /** Whether {@code out} keeps build manifests (outputs of builds before manifests existed do not). */
    public static boolean isVersioned(Path out) {
        return Files.isDirectory(requireNonNull(out, "out is null").resolve(DIRECTORY));
    }

    /**
     * Every manifest of {@code out}, oldest first.
     *
     * @throws DamagedOutputException naming the file if a manifest is damaged
     */
    public static List<BuildManifest> list(Path out) {
        Path directory = out.resolve(DIRECTORY);
        TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                var match = NAME.matcher(entry.getFileName().toString());
                if (match.matches()) {
                    files.put(Long.parseLong(match.group(1)), entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        List<BuildManifest> manifests = new ArrayList<>();
        for (Map.Entry<Long, Path> file : files.entrySet()) {
            manifests.add(read(file.getValue(), file.getKey()));
        }
        return manifests;
    }

    /** The latest manifest of {@code out}, if any build committed. */
    public static Optional<BuildManifest> latest(Path out) {
        List<BuildManifest> all = list(out);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The manifest {@code selector} picks.
     *
     * @throws InvalidInputException if there is no such build
     */
    public static BuildManifest select(Path out, BuildSelector selector) {
        requireNonNull(selector, "selector is null");
        List<BuildManifest> all = list(out);
        if (all.isEmpty()) {
            throw new InvalidInputException(out + " has no completed build yet (a build into it was interrupted or is running);"
                    + " run 'codeanatomy build' into it.");
        }
        if (selector.isLatest()) {
            return all.get(all.size() - 1);
        }
        // The last match: for a time, the latest build committed by then; numbers and run ids match once.
        Optional<BuildManifest> found = all.stream().filter(selector::matches).reduce((first, second) -> second);
        return found.orElseThrow(() -> new InvalidInputException(out + " has no " + selector + " (builds "
                + all.get(0).build() + " to " + all.get(all.size() - 1).build() + "); see 'codeanatomy history " + out + "'."));
    }

    /** The number the next build of {@code out} gets: one more than any build, expired or not. */
    static long nextBuild(Path out) {
        Path directory = out.resolve(DIRECTORY);
        long next = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                for (Pattern pattern : List.of(NAME, EXPIRED)) {
                    var match = pattern.matcher(name);
                    if (match.matches()) {
                        next = Math.max(next, Long.parseLong(match.group(1)) + 1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return next;
    }

    /**
     * Marks {@code build} expired: readers can no longer select it, because its data files are
     * about to be deleted. The rename is atomic; the manifest stays for the record.
     */
    static void expire(Path out, long build) {
        Path directory = out.resolve(DIRECTORY);
        Path expired = directory.resolve(String.format(Locale.ROOT, "%010d.expired.json", build));
        try {
            Files.move(directory.resolve(fileName(build)), expired, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark build " + build + " of " + out + " expired", e);
        }
    }

    /** Commits {@code manifest}: written beside its place, forced to disk, renamed into place. */
    static void commit(Path out, BuildManifest manifest) {
        Path directory = out.resolve(DIRECTORY);
        Path target = directory.resolve(fileName(manifest.build()));
        Path temporary = directory.resolve("." + fileName(manifest.build()) + ".tmp");
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                throw new IllegalStateException("build " + manifest.build() + " of " + out + " is already committed");
            }
            byte[] bytes = (JSON.writeValueAsString(tree(manifest)) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            BuildHalts.point(HALT_MANIFEST);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the build manifest " + target, e);
        }
    }

    /** Removes temporary manifests a killed commit left; only the lock holder calls this. */
    static void removeTemporaries(Path out) throws IOException {
        Path directory = out.resolve(DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".*.tmp")) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        }
    }

    static String fileName(long build) {
        return String.format(Locale.ROOT, "%010d.json", build);
    }

    private static Map<String, Object> tree(BuildManifest manifest) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("build", manifest.build());
        tree.put("run_id", manifest.runId());
        tree.put("time", manifest.time().toString());
        tree.put("files", manifest.files());
        List<Object> tables = new ArrayList<>();
        for (ManifestTable table : manifest.tables()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", table.name());
            entry.put("path", table.path());
            entry.put("version", table.version());
            entry.put("rows", table.rows());
            table.inputs().ifPresent(key -> entry.put("inputs", key));
            tables.add(entry);
        }
        tree.put("tables", tables);
        manifest.extraction().ifPresent(layout -> tree.put("extraction", layoutTree(layout)));
        manifest.changes().ifPresent(changes -> {
            Map<String, Object> entry = new LinkedHashMap<>(changes.tree());
            if (!changes.paths().isEmpty()) {
                entry.put("paths", changes.paths().tree());
            }
            tree.put("changes", entry);
        });
        manifest.outputLayout().ifPresent(layout -> tree.put("output_groups", outputLayoutTree(layout)));
        return tree;
    }

    private static Map<String, Object> layoutTree(ExtractionLayout layout) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", layout.key());
        List<Object> groups = new ArrayList<>();
        for (int g = 0; g < layout.groups().size(); g++) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("from", layout.groups().starts().get(g));
            Map<String, Object> files = new TreeMap<>();
            for (Map.Entry<String, List<List<String>>> table : layout.files().entrySet()) {
                files.put(table.getKey(), table.getValue().get(g));
            }
            group.put("files", files);
            groups.add(group);
        }
        tree.put("groups", groups);
        return tree;
    }

    private static Map<String, Object> outputLayoutTree(OutputLayout layout) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", layout.key());
        tree.put("files", new TreeMap<>(layout.files()));
        return tree;
    }

    private static OutputLayout outputLayout(JsonNode tree) {
        Map<String, List<List<String>>> files = new TreeMap<>();
        required(tree, "files").fields().forEachRemaining(table -> {
            List<List<String>> groups = new ArrayList<>();
            for (JsonNode group : table.getValue()) {
                List<String> names = new ArrayList<>();
                group.forEach(name -> names.add(name.asText()));
                groups.add(names);
            }
            files.put(table.getKey(), groups);
        });
        return new OutputLayout(required(tree, "key").asText(), new TreeMap<>(files));
    }

    private static ExtractionLayout layout(JsonNode tree) {
        List<String> starts = new ArrayList<>();
        Map<String, List<List<String>>> files = new TreeMap<>();
        for (JsonNode group : required(tree, "groups")) {
            starts.add(required(group, "from").asText());
            required(group, "files").fields().forEachRemaining(table -> {
                List<String> names = new ArrayList<>();
                table.getValue().forEach(name -> names.add(name.asText()));
                files.computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(names);
            });
        }
        return new ExtractionLayout(required(tree, "key").asText(), new SourceGroups(starts), new TreeMap<>(files));
    }

    private static ExtractionChanges changes(JsonNode tree) {
        JsonNode reason = tree.get("fullReason");
        return new ExtractionChanges(reason == null ? Optional.empty() : Optional.of(reason.asText()), required(tree, "selected").asLong(),
                required(tree, "unchanged").asLong(), required(tree, "changed").asLong(), required(tree, "added").asLong(),
                required(tree, "deleted").asLong(), required(tree, "renamed").asLong(), required(tree, "parsed").asLong(),
                required(tree, "groups").asLong(), required(tree, "groupsRewritten").asLong(),
                tree.has("paths") ? paths(tree.get("paths")) : ChangedPaths.NONE);
    }

    private static ChangedPaths paths(JsonNode tree) {
        SortedMap<String, String> renamed = new TreeMap<>();
        for (JsonNode move : required(tree, "renamed")) {
            renamed.put(required(move, "to").asText(), required(move, "from").asText());
        }
        return new ChangedPaths(texts(required(tree, "changed")), texts(required(tree, "added")), texts(required(tree, "deleted")), renamed);
    }

    private static SortedSet<String> texts(JsonNode array) {
        SortedSet<String> texts = new TreeSet<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static BuildManifest read(Path file, long build) {
        try {
            JsonNode tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<ManifestTable> tables = new ArrayList<>();
            for (JsonNode table : required(tree, "tables")) {
                tables.add(new ManifestTable(required(table, "name").asText(), required(table, "path").asText(),
                        required(table, "version").asLong(), required(table, "rows").asLong(),
                        table.has("inputs") ? Optional.of(table.get("inputs").asText()) : Optional.empty()));
            }
            BuildManifest manifest = new BuildManifest(required(tree, "build").asLong(), required(tree, "run_id").asText(),
                    Instant.parse(required(tree, "time").asText()), required(tree, "files").asLong(), tables,
                    tree.has("extraction") ? Optional.of(layout(tree.get("extraction"))) : Optional.empty(),
                    tree.has("changes") ? Optional.of(changes(tree.get("changes"))) : Optional.empty(),
                    tree.has("output_groups") ? Optional.of(outputLayout(tree.get("output_groups"))) : Optional.empty());
            if (manifest.build() != build) {
                throw new IllegalArgumentException("it names build " + manifest.build());
            }
            return manifest;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new DamagedOutputException("the build manifest " + file + " is damaged (" + describe(e)
                    + "); delete it to read the build before it.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build manifest " + file, e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("it has no '" + field + "'");
        }
        return value;
    }

    private static String describe(Exception e) {
        if (e instanceof DateTimeParseException) {
            return "its time is not a timestamp";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** Forces a directory entry change (the rename) to disk; not every file system allows it. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // A file system that cannot open directories keeps the rename in its own order.
        }
    }
}
