package io.codeanatomy.cli;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.tools.RelBuilder;

/**
 * The saved questions of {@code ask}: each builds its plan over the CPG's tables with Calcite's
 * {@link RelBuilder} from its argument, so an argument is a literal in a plan and never SQL text.
 * Questions over calls (callers, callees, reachable, unresolved, dead) wait for the CALLS edges.
 */
enum GraphQuestion {
    /** Every class whose method resolution order holds the class, nearest first: its subclasses at any depth. */
    SUBCLASSES("CLASS", "the classes that inherit from CLASS (a qualified name), directly or not") {
        @Override
        RelNode plan(RelBuilder b, String qualifiedName) {
            return b.scan("cpg_mro")
                    .filter(b.equals(b.field("base_qualified_name"), b.literal(qualifiedName)))
                    .scan("cpg_nodes")
                    .join(JoinRelType.INNER, b.equals(b.field(2, 0, "class_id"), b.field(2, 1, "node_id")))
                    .filter(b.notEquals(b.field("class_id"), b.field("base_id")))
                    .project(List.of(b.field("qualified_name"), b.field("mro_position"), b.field("path"), b.field("line")),
                            List.of("subclass", "distance", "path", "line"))
                    .sort(b.field("distance"), b.field("subclass"))
                    .build();
        }
    },
    /** The class's method resolution order after itself, as CPython's {@code __mro__[1:]}. */
    SUPERCLASSES("CLASS", "the method resolution order of CLASS (a qualified name), without the class itself") {
        @Override
        RelNode plan(RelBuilder b, String qualifiedName) {
            return b.scan("cpg_nodes")
                    .filter(b.equals(b.field("node_kind"), b.literal("PY_CLASS")), b.equals(b.field("qualified_name"), b.literal(qualifiedName)))
                    .scan("cpg_mro")
                    .join(JoinRelType.INNER, b.equals(b.field(2, 0, "node_id"), b.field(2, 1, "class_id")))
                    .filter(b.notEquals(b.field("class_id"), b.field("base_id")))
                    .project(List.of(b.field("mro_position"), b.field("base_qualified_name")), List.of("position", "superclass"))
                    .sort(b.field("position"))
                    .build();
        }
    };

    private final String argument;
    private final String summary;

    GraphQuestion(String argument, String summary) {
        this.argument = argument;
        this.summary = summary;
    }

    abstract RelNode plan(RelBuilder builder, String argument);

    String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    String argument() {
        return argument;
    }

    String summary() {
        return summary;
    }

    /** @throws UserError (exit 2) naming the questions there are */
    static GraphQuestion of(String name) {
        for (GraphQuestion question : values()) {
            if (question.command().equals(name)) {
                return question;
            }
        }
        throw new UserError("there is no question '" + name + "'; ask " + String.join(", ", List.of(values()).stream().map(GraphQuestion::command).toList())
                + " (callers, callees, reachable, unresolved and dead wait for the call graph).", 2);
    }
}
