package io.codeanatomy.runtime.builtin;

import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.ViewDefinition;
import java.util.List;

/**
 * One concern of the built-in CPG spec (definitions, scopes and bindings, structure, ...): the
 * extraction tables it reads, the views it defines, and which of its views are node, edge and
 * property views. {@link CpgSpec} stacks the node views of every part into {@code cpg_nodes}, the
 * edge views into {@code cpg_edges} and the property views into {@code cpg_props}, by column name
 * (a column a view lacks is NULL), so a part adds node, edge and property kinds without touching
 * the others. View names are global to the spec: a part prefixes its own.
 */
public interface CpgPart {
    /** The extraction tables read, with the columns this part needs (merged by name across parts). */
    List<InputRelation> inputs();

    /** The part's views, in dependency order. */
    List<ViewDefinition> views();

    /** Views with the node columns of {@link CpgSpec#NODES}. */
    default List<String> nodeViews() {
        return List.of();
    }

    /** Views with the edge columns of {@link CpgSpec#EDGES}. */
    default List<String> edgeViews() {
        return List.of();
    }

    /** Views with the property columns of {@link CpgSpec#PROPS}. */
    default List<String> propViews() {
        return List.of();
    }

    /**
     * Whether every row of the part's node, edge and property views is a fact of one source file,
     * with that file's {@code path}, computed from that file's extraction rows alone: then a file's
     * rows can be recomputed from its rows (docs/incremental.md). A part whose views read facts of
     * other files (resolution, externals, inheritance) says no, the default.
     */
    default boolean fileLocal() {
        return false;
    }

    /**
     * Views of this {@linkplain #fileLocal file-local} part that the other parts read, with their
     * columns ({@code path} among them): a grouped build stores each in the groups of source files
     * ({@link CpgSpec#storedOutput}), and an incremental build recomputes the changed files' rows
     * and reads the others from there instead of computing the view over every file
     * (docs/incremental.md). None by default.
     */
    default List<StoredView> storedViews() {
        return List.of();
    }

    /** Tables of the part's own beside the graph's ({@code cpg_mro}), written under {@code cpg/}. */
    default List<OutputTarget> outputs() {
        return List.of();
    }
}
