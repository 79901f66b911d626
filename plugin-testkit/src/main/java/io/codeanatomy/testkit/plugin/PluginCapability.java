package io.codeanatomy.testkit.plugin;

/**
 * What a plugin contributes, as a plugin's conformance test declares it: the suite checks each
 * declared capability and checks that nothing undeclared is contributed, so a forgotten
 * {@code META-INF/services} entry or method override shows up as a failure rather than as nothing.
 */
public enum PluginCapability {
    SCALAR_FUNCTIONS,
    AGGREGATE_FUNCTIONS,
    OPTIMIZER_RULES,
    TABLE_PROVIDERS,
    MATERIALIZERS,
    EXTRACTORS,
    CPG_VIEWS,
    EXTENSION_POINTS,
    CONFIG_KEYS
}
