package io.codeanatomy.runtime.builtin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.SchemaContract;

/**
 * A file-local view a grouped build stores ({@link CpgPart#storedViews}): its name and its
 * columns, {@code path} (the file a row comes from) among them.
 */
public record StoredView(String view, SchemaContract contract) {
    public StoredView {
        requireNonNull(view, "view is null");
        requireNonNull(contract, "contract is null");
        if (contract.columns().stream().noneMatch(column -> column.name().equals("path"))) {
            throw new IllegalArgumentException("stored view '" + view + "' has no path column");
        }
    }
}
