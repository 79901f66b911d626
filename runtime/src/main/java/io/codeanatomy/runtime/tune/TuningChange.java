package io.codeanatomy.runtime.tune;

import static java.util.Objects.requireNonNull;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One proposed change: a setting from the value this run would use to another, with the measured
 * reason (figures from the recorded runs, naming them).
 */
public record TuningChange(TunedSetting setting, long from, long to, String reason) {
    public TuningChange {
        requireNonNull(setting, "setting is null");
        requireNonNull(reason, "reason is null");
        if (from == to) {
            throw new IllegalArgumentException("a change of " + setting.label() + " needs two different values, got " + from);
        }
    }

    /** One line: {@code memory budget 512 MiB -> 1024 MiB: <reason>}. */
    public String describe() {
        return setting.label() + " " + setting.format(from) + " -> " + setting.format(to) + ": " + reason;
    }

    public SortedMap<String, Object> tree() {
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("setting", setting.key());
        tree.put("from", from);
        tree.put("to", to);
        tree.put("reason", reason);
        return tree;
    }
}
