package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.PlanNodeKind;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * One fragment of a compiled spec DAG: the plan of a spool (a shared view) or of an output, in
 * which every spool it reads is a scan of the spool's table.
 *
 * @param name the view name of a spool, the output name of an output
 * @param reads views of the spools the plan scans, in the order the compiler met them
 */
public record CompiledFragment(String name, PlanNodeKind kind, RelNode root, List<String> reads) {
    public CompiledFragment {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(root, "root is null");
        reads = List.copyOf(requireNonNull(reads, "reads is null"));
    }
}
