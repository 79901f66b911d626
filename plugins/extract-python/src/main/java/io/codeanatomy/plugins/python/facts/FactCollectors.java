package io.codeanatomy.plugins.python.facts;

import java.util.List;

/** The collectors of the extraction's fact families: the one place a new family is registered. */
final class FactCollectors {
    private FactCollectors() {
    }

    /**
     * A fresh set of the standard collectors. Each extractor (one per worker thread) reuses its set
     * for every file, so collectors keep no state between events.
     */
    static List<FactCollector> standard() {
        return List.of(new DefCollector(), new ParamCollector(), new NameCollector(), new CallCollector(),
                new ImportCollector(), new DecoratorCollector(), new ComprehensionCollector(),
                new ScopeDeclCollector(), new SemanticErrorCollector(), new ClassBaseCollector());
    }
}
