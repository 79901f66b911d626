package io.codeanatomy.plugins.spans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code c3_position(root, subs, positions, bases, candidate)}: where {@code candidate} stands in
 * the C3 linearization (CPython's method resolution order) of {@code root}, given the inheritance
 * edges among the root's ancestors as three parallel lists ({@code subs[i]}'s base number
 * {@code positions[i]} is {@code bases[i]}). A class with no edges is its own whole
 * linearization; {@code object}, which ends every one, is left to the caller. Null when the
 * hierarchy has no consistent linearization (CPython raises "Cannot create a consistent method
 * resolution order (MRO)"), when it has a cycle, or when the candidate is not in it.
 */
public final class C3Linearization {
    private C3Linearization() {
    }

    public static Integer position(String root, List<String> subs, List<? extends Number> positions, List<String> bases, String candidate) {
        if (root == null || candidate == null) {
            return null;
        }
        List<String> order = linearization(root, subs, positions, bases);
        if (order == null) {
            return null;
        }
        int index = order.indexOf(candidate);
        return index < 0 ? null : index;
    }

    /** The linearization of {@code root}, or null when there is none. */
    static List<String> linearization(String root, List<String> subs, List<? extends Number> positions, List<String> bases) {
        Map<String, List<String>> direct = new HashMap<>();
        if (subs != null && positions != null && bases != null) {
            if (subs.size() != positions.size() || subs.size() != bases.size()) {
                throw new IllegalArgumentException("c3_position needs lists of one length, got " + subs.size() + ", " + positions.size()
                        + " and " + bases.size());
            }
            Map<String, Map<Integer, String>> byPosition = new HashMap<>();
            for (int i = 0; i < subs.size(); i++) {
                // A class without bases comes as one entry of nulls (an outer join's row).
                if (subs.get(i) == null || positions.get(i) == null || bases.get(i) == null) {
                    continue;
                }
                byPosition.computeIfAbsent(subs.get(i), k -> new TreeMap<>()).put(positions.get(i).intValue(), bases.get(i));
            }
            byPosition.forEach((sub, ordered) -> direct.put(sub, List.copyOf(ordered.values())));
        }
        return linearize(root, direct, new HashMap<>(), new HashSet<>());
    }

    private static List<String> linearize(String type, Map<String, List<String>> direct, Map<String, List<String>> done, Set<String> visiting) {
        List<String> known = done.get(type);
        if (known != null) {
            return known;
        }
        if (!visiting.add(type)) {
            return null;
        }
        List<String> parents = direct.getOrDefault(type, List.of());
        List<List<String>> sequences = new ArrayList<>();
        for (String parent : parents) {
            List<String> parentOrder = linearize(parent, direct, done, visiting);
            if (parentOrder == null) {
                return null;
            }
            sequences.add(new ArrayList<>(parentOrder));
        }
        sequences.add(new ArrayList<>(parents));
        List<String> result = new ArrayList<>();
        result.add(type);
        List<String> merged = merge(sequences);
        if (merged == null) {
            return null;
        }
        result.addAll(merged);
        visiting.remove(type);
        done.put(type, List.copyOf(result));
        return result;
    }

    /** C3's merge: repeatedly take the first head that is in no sequence's tail. */
    private static List<String> merge(List<List<String>> sequences) {
        List<String> out = new ArrayList<>();
        while (true) {
            sequences.removeIf(List::isEmpty);
            if (sequences.isEmpty()) {
                return out;
            }
            String next = null;
            for (List<String> sequence : sequences) {
                String head = sequence.get(0);
                boolean inTail = false;
                for (List<String> other : sequences) {
                    if (other.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    next = head;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            out.add(next);
            for (List<String> sequence : sequences) {
                if (sequence.get(0).equals(next)) {
                    sequence.remove(0);
                }
            }
        }
    }
}
