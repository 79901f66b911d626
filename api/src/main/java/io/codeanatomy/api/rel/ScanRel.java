package io.codeanatomy.api.rel;

import java.util.List;

/**
 * Reads an input relation or a view.
 *
 * @param relation the input relation or view name
 * @param alias the qualifier of its columns in enclosing expressions
 */
public record ScanRel(String relation, String alias) implements RelSpec {
    public ScanRel {
        RelChecks.requireName(relation, "scanned relation name");
        RelChecks.requireName(alias, "scan alias");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of();
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 0, "scan");
        return this;
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitScan(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
