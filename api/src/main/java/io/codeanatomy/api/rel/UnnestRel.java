package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.TypeKind;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One row per element of a list-valued expression of each input row ({@code CROSS JOIN UNNEST}):
 * the input's columns (qualifiers kept), then the element as column {@code element}, then, when
 * {@code ordinality} is present, the element's 1-based position in the list under that name. Rows
 * whose list is empty or NULL produce no rows.
 *
 * @param input rows carrying the list
 * @param list a {@code LIST} expression over the input's columns
 * @param element name of the element column
 * @param ordinality name of the position column, if wanted
 */
public record UnnestRel(RelSpec input, Field<?> list, String element, Optional<String> ordinality) implements RelSpec {
    public UnnestRel {
        requireNonNull(input, "input is null");
        requireNonNull(list, "list is null");
        RelChecks.requireName(element, "unnest element column name");
        requireNonNull(ordinality, "ordinality is null");
        ordinality.ifPresent(name -> RelChecks.requireName(name, "unnest ordinality column name"));
        if (list.type().kind() != TypeKind.LIST) {
            throw new IllegalArgumentException("Unnest needs a LIST expression, but " + list + " is " + list.type() + ".");
        }
        if (ordinality.isPresent() && ordinality.get().equals(element)) {
            throw new IllegalArgumentException("Unnest names both its element and its ordinality column '" + element + "'.");
        }
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "unnest");
        return new UnnestRel(inputs.get(0), list, element, ordinality);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitUnnest(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
