package io.codeanatomy.plugins.python.facts;

import java.util.List;

/**
 * The collectors of the extraction's own fact families: the one place a new built-in family is
 * registered. Other plugins' families come through the extension point
 * {@code extract-python:fact-collectors} and run after these.
 */
final class FactCollectors {
    private FactCollectors() {
    }

    /**
     * A fresh set of the standard collectors. Each extractor (one per worker thread) reuses its set
     * for every file, so collectors keep no state between events.
     */
    static List<FactCollector> standard() {
        return List.of(new DefCollector(), new ParamCollector(), new NameCollector(), new CallCollector(),
                new ImportCollector(), new DecoratorCollector(), new ComprehensionCollector(), new TypeScopeCollector(),
                new ScopeDeclCollector(), new SemanticErrorCollector(), new ClassBaseCollector(),
                new ExprCollector(), new AssignmentCollector(), new ElementCollector(), new OperandCollector(),
                new OperatorOperandCollector(), new ParamDefaultCollector(),
                new ReturnCollector(), new CallArgCollector(), new IterationCollector(), new AnnotationCollector(), new BranchCollector());
    }
}
