package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns a compiled relation exposes to expressions, in row order, each with the qualifier it
 * is visible under (a scan or alias name) or none (after a project, aggregate or union).
 */
final class Scope {
    private final List<Optional<String>> qualifiers;
    private final List<String> names;

    private Scope(List<Optional<String>> qualifiers, List<String> names) {
        this.qualifiers = List.copyOf(qualifiers);
        this.names = List.copyOf(names);
    }

    static Scope qualified(String qualifier, List<String> names) {
        requireNonNull(qualifier, "qualifier is null");
        return new Scope(names.stream().map(name -> Optional.of(qualifier)).toList(), names);
    }

    static Scope unqualified(List<String> names) {
        return new Scope(names.stream().map(name -> Optional.<String>empty()).toList(), names);
    }

    /** The left columns followed by the right ones, as a join produces them. */
    Scope join(Scope right) {
        List<Optional<String>> q = new ArrayList<>(qualifiers);
        q.addAll(right.qualifiers);
        List<String> n = new ArrayList<>(names);
        n.addAll(right.names);
        return new Scope(q, n);
    }

    /** This scope followed by new unqualified columns (window, subquery and unnest columns). */
    Scope plus(List<String> newNames) {
        return join(unqualified(newNames));
    }

    Scope alias(String alias) {
        return qualified(alias, names);
    }

    List<String> names() {
        return names;
    }

    /**
     * The position of a column: a qualified reference matches qualifier and name, an unqualified one
     * the name alone. Exactly one column must match.
     */
    int resolve(Optional<String> qualifier, String name) {
        int found = find(qualifier, name);
        if (found < 0) {
            throw new IllegalArgumentException("column reference " + render(qualifier, name)
                    + " matches none of " + describe());
        }
        return found;
    }

    /** Like {@link #resolve} but -1 when no column matches (an ambiguous reference still throws). */
    int find(Optional<String> qualifier, String name) {
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name) && (qualifier.isEmpty() || qualifier.equals(qualifiers.get(i)))) {
                if (found >= 0) {
                    throw new IllegalArgumentException("column reference " + render(qualifier, name)
                            + " is ambiguous among " + describe() + "; qualify it with a relation alias");
                }
                found = i;
            }
        }
        return found;
    }

    private String describe() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            all.add(render(qualifiers.get(i), names.get(i)));
        }
        return all.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String render(Optional<String> qualifier, String name) {
        return qualifier.map(q -> q + "." + name).orElse(name);
    }
}
