package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.arg;
import io.codeanatomy.python.syntax.ast.arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a function or lambda with what its {@code arguments} node says about it only
 * by position: its kind, its position over all parameters, whether it has a default.
 */
record Parameter(arg arg, ParamKind kind, int position, boolean hasDefault) {
    /** The parameters in declaration order: positional-only, regular, *args, keyword-only, **kwargs. */
    static List<Parameter> of(arguments args) {
        List<Parameter> out = new ArrayList<>();
        int positional = args.posonlyargs().size() + args.args().size();
        int firstDefault = positional - args.defaults().size();
        for (arg a : args.posonlyargs()) {
            out.add(new Parameter(a, ParamKind.POSITIONAL_ONLY, out.size(), out.size() >= firstDefault));
        }
        for (arg a : args.args()) {
            out.add(new Parameter(a, ParamKind.REGULAR, out.size(), out.size() >= firstDefault));
        }
        if (args.vararg() != null) {
            out.add(new Parameter(args.vararg(), ParamKind.VAR_POSITIONAL, out.size(), false));
        }
        for (int k = 0; k < args.kwonlyargs().size(); k++) {
            boolean hasDefault = k < args.kw_defaults().size() && args.kw_defaults().get(k) != null;
            out.add(new Parameter(args.kwonlyargs().get(k), ParamKind.KEYWORD_ONLY, out.size(), hasDefault));
        }
        if (args.kwarg() != null) {
            out.add(new Parameter(args.kwarg(), ParamKind.VAR_KEYWORD, out.size(), false));
        }
        return out;
    }
}
