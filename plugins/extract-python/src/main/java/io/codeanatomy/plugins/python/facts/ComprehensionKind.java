package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.DictComp;
import io.codeanatomy.python.syntax.ast.GeneratorExp;
import io.codeanatomy.python.syntax.ast.ListComp;
import io.codeanatomy.python.syntax.ast.SetComp;
import io.codeanatomy.python.syntax.ast.comprehension;
import io.codeanatomy.python.syntax.ast.expr;
import java.util.List;

/** CPython's ListComp, SetComp, DictComp and GeneratorExp. */
public enum ComprehensionKind {
    LIST, SET, DICT, GENERATOR;

    /** The kind of a comprehension node, null for any other expression. */
    static ComprehensionKind of(expr node) {
        if (node instanceof ListComp) {
            return LIST;
        } else if (node instanceof SetComp) {
            return SET;
        } else if (node instanceof DictComp) {
            return DICT;
        } else if (node instanceof GeneratorExp) {
            return GENERATOR;
        }
        return null;
    }

    /** The generators of a comprehension node of this kind. */
    List<comprehension> generators(expr node) {
        return switch (this) {
            case LIST -> ((ListComp) node).generators();
            case SET -> ((SetComp) node).generators();
            case DICT -> ((DictComp) node).generators();
            case GENERATOR -> ((GeneratorExp) node).generators();
        };
    }

    /** The name CPython gives its code object, which qualnames inside it carry. */
    String codeName() {
        return switch (this) {
            case LIST -> "<listcomp>";
            case SET -> "<setcomp>";
            case DICT -> "<dictcomp>";
            case GENERATOR -> "<genexpr>";
        };
    }
}
