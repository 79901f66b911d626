package io.codeanatomy.api.rel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Argument checks shared by the operator records. */
final class RelChecks {
    private RelChecks() {}

    static String requireName(String name, String what) {
        requireNonNull(name, what + " is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " must not be blank.");
        }
        return name;
    }

    static void requireInputs(List<RelSpec> inputs, int expected, String node) {
        requireNonNull(inputs, "inputs is null");
        if (inputs.size() != expected) {
            throw new IllegalArgumentException("A " + node + " has " + expected + " inputs, got " + inputs.size() + ".");
        }
    }

    static void requireUnique(List<String> names, String node) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("The " + node + " produces the column '" + name + "' more than once.");
            }
        }
    }
}
