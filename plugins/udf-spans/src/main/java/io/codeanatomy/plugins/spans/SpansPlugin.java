package io.codeanatomy.plugins.spans;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import java.util.List;

/** Byte-span and stable-id functions. All are deterministic, so calls on constants fold at plan time. */
public final class SpansPlugin implements Plugin {
    private static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("udf-spans", "0.1.0",
            "byte-span predicates and the stable-id function");

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ScalarFunctionContribution> scalarFunctions() {
        return List.of(
                new ScalarFunctionContribution("span_contains", SpanFunctions.class, "spanContains", true,
                        "span_contains(outer_start, outer_end, inner_start, inner_end): the outer span contains the inner one"),
                new ScalarFunctionContribution("span_overlaps", SpanFunctions.class, "spanOverlaps", true,
                        "span_overlaps(a_start, a_end, b_start, b_end): the half-open spans share a byte"),
                new ScalarFunctionContribution("stable_id", SpanFunctions.class, "stableId", true,
                        "stable_id(path, bstart, bend, kind): kind:hex of the first 16 bytes of SHA-256 over path, bstart, bend, kind"));
    }
}
