package io.codeanatomy.plugins.python.facts;

/** {@code py_names_v1}: one row per identifier occurrence of the symbol table. */
final class NameCollector implements FactCollector {
    @Override
    public void name(NameOccurrence n, WalkContext context) {
        context.emit(new NameRow(context.id(IdKinds.NAME, n.bstart(), n.bend()), n.bstart(), n.bend(), n.name(),
                n.symbol(), n.ctx(), n.introducedBy(), n.scope().id(), n.bindingScopeId(), n.inAnnotation(),
                n.introducedId()));
    }
}
