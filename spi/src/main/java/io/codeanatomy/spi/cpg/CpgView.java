package io.codeanatomy.spi.cpg;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.ViewDefinition;
import java.util.List;

/**
 * A plugin's addition to the built-in CPG spec, contributed to {@link
 * io.codeanatomy.spi.extension.ExtensionPoints#CPG_VIEWS}: the extraction tables it reads, the views
 * it defines, and which of them are node, edge and property views. The runtime adds it after the
 * built-in parts, stacking its node views into {@code cpg_nodes} (and edge and property views into
 * their outputs) by column name, exactly like a built-in part; so a plugin adds node kinds (e.g.
 * {@code PY_TODO_COMMENT}) without touching the others. View names are global to the spec: prefix
 * them with the plugin id.
 *
 * @param inputs extraction tables read, with the columns needed (merged by name with the built-in parts')
 * @param views the views, in dependency order
 * @param nodeViews views with the columns of {@code cpg_nodes}
 * @param edgeViews views with the columns of {@code cpg_edges}
 * @param propViews views with the columns of {@code cpg_props}
 */
public record CpgView(List<InputRelation> inputs, List<ViewDefinition> views, List<String> nodeViews, List<String> edgeViews,
        List<String> propViews) {
    public CpgView {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        views = List.copyOf(requireNonNull(views, "views is null"));
        nodeViews = List.copyOf(requireNonNull(nodeViews, "nodeViews is null"));
        edgeViews = List.copyOf(requireNonNull(edgeViews, "edgeViews is null"));
        propViews = List.copyOf(requireNonNull(propViews, "propViews is null"));
        List<String> defined = views.stream().map(ViewDefinition::name).toList();
        for (List<String> named : List.of(nodeViews, edgeViews, propViews)) {
            for (String view : named) {
                if (!defined.contains(view)) {
                    throw new IllegalArgumentException("The CPG view contribution names the view '" + view + "', which it does not define.");
                }
            }
        }
    }

    /** A contribution of node views only. */
    public static CpgView nodes(List<InputRelation> inputs, List<ViewDefinition> views, List<String> nodeViews) {
        return new CpgView(inputs, views, nodeViews, List.of(), List.of());
    }
}
