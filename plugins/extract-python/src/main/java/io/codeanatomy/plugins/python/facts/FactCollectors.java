package io.codeanatomy.plugins.python.facts;

import java.util.List;

/** The collectors of the extraction's fact families: the one place a new family is registered. */
final class FactCollectors {
    private FactCollectors() {
    }

    /** A fresh set of the standard collectors (collectors may keep per-file state). */
    static List<FactCollector> standard() {
        return List.of(new DefCollector(), new ParamCollector(), new NameCollector(), new CallCollector(),
                new ImportCollector(), new DecoratorCollector(), new ComprehensionCollector(),
                new ScopeDeclCollector());
    }
}
