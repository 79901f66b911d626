package io.codeanatomy.plugins.spans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code c3_position} on the hierarchies of Python's own C3 write-up (docs.python.org, "The Python 2.3 Method Resolution Order"). */
class TestC3Linearization {
    @Test
    void theDiamondOfTheWriteUpLinearizesAsCPythonDoes() {
        // class D: pass; class E: pass; class F: pass; class B(D, E): pass; class C(D, F): pass; class A(B, C): pass
        Edges edges = new Edges().add("B", "D", "E").add("C", "D", "F").add("A", "B", "C");
        assertThat(order("A", edges)).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(order("B", edges)).containsExactly("B", "D", "E");
    }

    @Test
    void theOrderOfBasesMatters() {
        // class B(E, D) instead: A's order becomes A, B, E, C, D, F.
        Edges edges = new Edges().add("B", "E", "D").add("C", "D", "F").add("A", "B", "C");
        assertThat(order("A", edges)).containsExactly("A", "B", "E", "C", "D", "F");
    }

    @Test
    void anInconsistentHierarchyHasNoOrder() {
        // class X: pass; class Y: pass; class A(X, Y): pass; class B(Y, X): pass; class Z(A, B): pass -> TypeError
        Edges edges = new Edges().add("A", "X", "Y").add("B", "Y", "X").add("Z", "A", "B");
        assertThat(C3Linearization.position("Z", edges.subs, edges.positions, edges.bases, "Z")).isNull();
        assertThat(C3Linearization.position("A", edges.subs, edges.positions, edges.bases, "Y")).isEqualTo(2);
    }

    @Test
    void aCycleHasNoOrderAndNullsAreSkipped() {
        Edges cycle = new Edges().add("A", "B").add("B", "A");
        assertThat(C3Linearization.position("A", cycle.subs, cycle.positions, cycle.bases, "A")).isNull();
        assertThat(C3Linearization.position("A", Arrays.asList((String) null), Arrays.asList((Integer) null),
                Arrays.asList((String) null), "A")).isZero();
        assertThat(C3Linearization.position("A", null, null, null, "B")).isNull();
    }

    private static List<String> order(String root, Edges edges) {
        List<String> order = new ArrayList<>();
        for (String candidate : List.of("A", "B", "C", "D", "E", "F")) {
            Integer position = C3Linearization.position(root, edges.subs, edges.positions, edges.bases, candidate);
            if (position != null) {
                while (order.size() <= position) {
                    order.add(null);
                }
                order.set(position, candidate);
            }
        }
        return order;
    }

    /** Inheritance edges as the three parallel lists the function takes, bases in the order given. */
    private static final class Edges {
        final List<String> subs = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final List<String> bases = new ArrayList<>();

        Edges add(String sub, String... parents) {
            for (int k = 0; k < parents.length; k++) {
                subs.add(sub);
                positions.add(k);
                bases.add(parents[k]);
            }
            return this;
        }
    }
}
