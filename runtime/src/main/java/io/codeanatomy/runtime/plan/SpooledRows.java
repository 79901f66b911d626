package io.codeanatomy.runtime.plan;

import org.apache.calcite.schema.ScannableTable;

/**
 * A table whose scan hands out the rows exactly as Enumerable generated code produced them: one
 * {@code Object[]} per row, even for one column, with nested values (structs, lists of structs) in
 * that code's own representation. {@link SpoolScan} reads such a table from generated code, with
 * no conversion and no interpreter between the rows and the operators above them.
 */
public interface SpooledRows extends ScannableTable {
}
