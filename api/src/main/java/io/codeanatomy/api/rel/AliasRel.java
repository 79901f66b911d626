package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Makes the columns of {@code input} visible under the qualifier {@code alias}, replacing earlier ones. */
public record AliasRel(RelSpec input, String alias) implements RelSpec {
    public AliasRel {
        requireNonNull(input, "input is null");
        RelChecks.requireName(alias, "alias");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "alias");
        return new AliasRel(inputs.get(0), alias);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitAlias(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
