package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.arg;
import io.codeanatomy.python.syntax.ast.arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a function or lambda with its row id and what its {@code arguments} node says
 * about it only by position: its kind, its position over all parameters, whether it has a default.
 */
public record Parameter(String id, arg arg, ParamKind kind, int position, boolean hasDefault) {
    public Parameter {
        requireNonNull(id, "id is null");
        requireNonNull(arg, "arg is null");
        requireNonNull(kind, "kind is null");
    }

    /** The parameters in declaration order: positional-only, regular, *args, keyword-only, **kwargs. */
    static List<Parameter> of(arguments args, WalkContext context) {
        List<Parameter> out = new ArrayList<>();
        int positional = args.posonlyargs().size() + args.args().size();
        int firstDefault = positional - args.defaults().size();
        for (arg a : args.posonlyargs()) {
            out.add(parameter(a, ParamKind.POSITIONAL_ONLY, out.size(), out.size() >= firstDefault, context));
        }
        for (arg a : args.args()) {
            out.add(parameter(a, ParamKind.REGULAR, out.size(), out.size() >= firstDefault, context));
        }
        if (args.vararg() != null) {
            out.add(parameter(args.vararg(), ParamKind.VAR_POSITIONAL, out.size(), false, context));
        }
        for (int k = 0; k < args.kwonlyargs().size(); k++) {
            boolean hasDefault = k < args.kw_defaults().size() && args.kw_defaults().get(k) != null;
            out.add(parameter(args.kwonlyargs().get(k), ParamKind.KEYWORD_ONLY, out.size(), hasDefault, context));
        }
        if (args.kwarg() != null) {
            out.add(parameter(args.kwarg(), ParamKind.VAR_KEYWORD, out.size(), false, context));
        }
        return out;
    }

    private static Parameter parameter(arg a, ParamKind kind, int position, boolean hasDefault, WalkContext context) {
        return new Parameter(context.id(IdKinds.PARAM, a.bstart(), a.bend()), a, kind, position, hasDefault);
    }
}
