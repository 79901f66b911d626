package io.codeanatomy.runtime.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.codeanatomy.api.canonical.CanonicalJson;
import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.RuleStep;
import io.codeanatomy.runtime.plan.export.PlanDot;
import io.codeanatomy.runtime.plan.export.PlanJson;
import io.codeanatomy.runtime.plan.export.PlanSql;
import io.codeanatomy.runtime.plan.export.PlanSubstrait;
import io.codeanatomy.runtime.plan.export.TraceText;
import io.codeanatomy.runtime.plan.export.Unparsed;
import io.codeanatomy.spi.source.SourceWorkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a run's plan bundle into {@code runs/<run-id>/plan/}: for each planned unit (today one per
 * output; one for a whole DAG once outputs are planned together) a folder with {@value #P0},
 * {@value #P1}, {@value #P2}, {@value #P1_DOT}, {@value #TRACE}, {@value #P1_JSON}, {@value #P1_SUBSTRAIT}
 * and P1 as SQL per dialect (an export that fails is recorded with its reason); and {@value #BUNDLE} with every hash, the envelope and the run's timestamp.
 *
 * <p>The timestamp is the only thing in the bundle that differs between equal runs, and no hash
 * covers it: {@code bundleHash} is taken over the envelope hash and the plans' hashes. The folder
 * is written under a temporary name and renamed, so a reader sees all of it or none.
 */
public final class PlanBundleFiles {
    public static final String DIRECTORY = "plan";
    public static final String BUNDLE = "bundle.json";
    public static final String P0 = "p0.txt";
    public static final String P1 = "p1.txt";
    public static final String P2 = "p2.txt";
    public static final String P1_DOT = "p1.dot";
    public static final String TRACE = "trace.txt";
    public static final String P1_JSON = "p1.json";
    public static final String P1_SUBSTRAIT = "p1.substrait.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PlanBundleFiles() {
    }

    /**
     * Writes the bundle of {@code plans} into {@code runDirectory/plan}, replacing one there.
     *
     * @param plans planned units by name, e.g. output name to its plan
     * @return the bundle's hash, over the envelope and plan hashes only
     */
    public static String write(Path runDirectory, SortedMap<String, PlannedQuery> plans, SessionEnvelope envelope, Instant capturedAt) {
        return write(runDirectory, plans, envelope, capturedAt, 1);
    }

    /**
     * As {@link #write(Path, SortedMap, SessionEnvelope, Instant)}, writing up to {@code threads}
     * units' folders at a time: each unit's files are made from its plan alone.
     */
    public static String write(Path runDirectory, SortedMap<String, PlannedQuery> plans, SessionEnvelope envelope, Instant capturedAt,
            int threads) {
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(plans, "plans is null");
        requireNonNull(envelope, "envelope is null");
        requireNonNull(capturedAt, "capturedAt is null");
        Path target = runDirectory.resolve(DIRECTORY);
        Path temporary = runDirectory.resolve(DIRECTORY + ".tmp");
        try {
            deleteTree(temporary);
            Files.createDirectories(temporary);
            List<Map.Entry<String, PlannedQuery>> entries = List.copyOf(plans.entrySet());
            List<SortedMap<String, Object>> written = SourceWorkers.map(entries, threads, "plan-files",
                    plan -> writeUnit(temporary.resolve(plan.getKey()), plan.getValue()));
            SortedMap<String, Object> units = new TreeMap<>();
            for (int i = 0; i < entries.size(); i++) {
                units.put(entries.get(i).getKey(), written.get(i));
            }
            SortedMap<String, Object> hashed = new TreeMap<>();
            hashed.put("envelopeHash", envelope.hash());
            SortedMap<String, Object> planHashes = new TreeMap<>();
            units.forEach((name, unit) -> planHashes.put(name, hashesOf(unit)));
            hashed.put("plans", planHashes);
            String bundleHash = CanonicalJson.sha256(hashed);
            SortedMap<String, Object> bundle = new TreeMap<>();
            bundle.put("bundleHash", bundleHash);
            bundle.put("capturedAt", capturedAt.toString());
            bundle.put("envelope", envelope.recordTree());
            bundle.put("plans", units);
            writeText(temporary.resolve(BUNDLE), JSON.writeValueAsString(bundle) + "\n");
            deleteTree(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return bundleHash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan bundle in " + runDirectory, e);
        }
    }

    private static SortedMap<String, Object> writeUnit(Path folder, PlannedQuery plan) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        SortedMap<String, Object> unit = new TreeMap<>();
        unit.put("p0Hash", writeText(folder.resolve(P0), plan.compiledText()));
        unit.put("p1Hash", writeText(folder.resolve(P1), plan.optimizedText()));
        unit.put("p2Hash", writeText(folder.resolve(P2), plan.physicalText()));
        writeText(folder.resolve(P1_DOT), PlanDot.of(plan.optimized()));
        writeText(folder.resolve(TRACE), TraceText.of(plan.compiledText(), plan.trace()));
        unit.put("relJson", record(folder, P1_JSON, PlanJson.of(plan.optimized())));
        unit.put("substrait", record(folder, P1_SUBSTRAIT, PlanSubstrait.of(plan.optimized())));
        SortedMap<String, Object> sql = new TreeMap<>();
        PlanSql.of(plan.optimized()).forEach((dialect, unparsed) -> sql.put(dialect, record(folder, "p1." + dialect + ".sql", unparsed)));
        unit.put("sql", sql);
        List<Object> trace = new ArrayList<>();
        for (RuleStep step : plan.trace().steps()) {
            SortedMap<String, Object> firing = new TreeMap<>();
            firing.put("step", step.sequence());
            firing.put("ruleId", step.ruleId());
            firing.put("phase", step.phase().name());
            firing.put("planHashAfter", step.planHashAfter());
            trace.add(firing);
        }
        unit.put("trace", trace);
        unit.put("volcanoProductions", new TreeMap<>(plan.trace().physicalProductions()));
        return unit;
    }

    /** The file name when written, or the reason it could not be. */
    private static SortedMap<String, Object> record(Path folder, String file, Unparsed unparsed) {
        SortedMap<String, Object> entry = new TreeMap<>();
        unparsed.text().ifPresent(text -> {
            writeText(folder.resolve(file), text.endsWith("\n") ? text : text + "\n");
            entry.put("file", file);
        });
        unparsed.failure().ifPresent(reason -> entry.put("failure", reason));
        return entry;
    }

    private static SortedMap<String, Object> hashesOf(Object unit) {
        Map<?, ?> map = (Map<?, ?>) unit;
        SortedMap<String, Object> hashes = new TreeMap<>();
        for (String key : List.of("p0Hash", "p1Hash", "p2Hash")) {
            hashes.put(key, map.get(key));
        }
        return hashes;
    }

    /** Writes {@code text} as UTF-8 and returns its SHA-256. */
    private static String writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return Sha256.hex(text);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
