package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.spi.cpg.CpgView;
import java.util.List;

/**
 * A plugin's {@link CpgView} as a part of the built-in spec: plugins cannot see the runtime's
 * {@link CpgPart}, so the spi carries the same shape as a value and this adapts it.
 *
 * @param view the contributed view
 */
public record ContributedCpgPart(CpgView view) implements CpgPart {
    public ContributedCpgPart {
        requireNonNull(view, "view is null");
    }

    /** The built-in CPG spec with every CPG view in {@code catalog} added, in the point's order. */
    public static SemanticSpec cpgSpec(PluginCatalog catalog) {
        return cpgSpec(CpgSpec.parts(), catalog);
    }

    /** {@code builtin} parts, then the catalog's contributed CPG views, assembled into one spec. */
    public static SemanticSpec cpgSpec(List<CpgPart> builtin, PluginCatalog catalog) {
        List<CpgPart> all = new java.util.ArrayList<>(builtin);
        catalog.cpgViews().stream().map(ContributedCpgPart::new).forEach(all::add);
        return CpgSpec.assemble(all);
    }

    @Override
    public List<InputRelation> inputs() {
        return view.inputs();
    }

    @Override
    public List<ViewDefinition> views() {
        return view.views();
    }

    @Override
    public List<String> nodeViews() {
        return view.nodeViews();
    }

    @Override
    public List<String> edgeViews() {
        return view.edgeViews();
    }

    @Override
    public List<String> propViews() {
        return view.propViews();
    }
}
