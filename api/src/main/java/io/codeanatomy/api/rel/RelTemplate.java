package io.codeanatomy.api.rel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A parameterized view body: one definition instantiated per node kind, per source table, per
 * edge kind. Parameters are strings the body function uses as relation names
 * ({@code RelSpec.scan(args.get("table"), "t")}) or literals ({@code Exprs.val(args.get("kind"))}).
 *
 * <p>A template is code, so it has no canonical form of its own; what a spec hashes and the
 * compiler sees are its instances, plain {@link RelSpec} trees. Expansion is deterministic: the
 * instances come in the order of the argument rows given, each named
 * {@code name + "__" + values joined by "__"}, and the same arguments always produce equal bodies.
 */
public final class RelTemplate {
    private final String name;
    private final List<String> parameters;
    private final Function<TemplateArguments, RelSpec> body;

    private RelTemplate(String name, List<String> parameters, Function<TemplateArguments, RelSpec> body) {
        this.name = RelChecks.requireName(name, "template name");
        this.parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        this.body = requireNonNull(body, "body is null");
        if (this.parameters.isEmpty()) {
            throw new IllegalArgumentException("Template '" + name + "' has no parameters; write a plain view instead.");
        }
        this.parameters.forEach(parameter -> RelChecks.requireName(parameter, "template parameter"));
        RelChecks.requireUnique(this.parameters, "template '" + name + "' parameter list");
    }

    /**
     * @param parameters parameter names, in the order argument rows give their values
     * @param body builds the instance body from the bound arguments; must depend on nothing else
     */
    public static RelTemplate of(String name, List<String> parameters, Function<TemplateArguments, RelSpec> body) {
        return new RelTemplate(name, parameters, body);
    }

    public String name() {
        return name;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** One instance with these argument values. */
    public TemplateInstance instantiate(List<String> values) {
        TemplateArguments arguments = new TemplateArguments(parameters, values);
        RelSpec instance = requireNonNull(body.apply(arguments), "template '" + name + "' built a null body");
        return new TemplateInstance(name + "__" + String.join("__", arguments.values()), arguments, instance);
    }

    /** One instance per argument row, in the given order; the same row twice is an error. */
    public List<TemplateInstance> instantiateAll(List<List<String>> rows) {
        requireNonNull(rows, "rows is null");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Template '" + name + "' needs at least one argument row to expand.");
        }
        Set<List<String>> seen = new HashSet<>();
        List<TemplateInstance> instances = new ArrayList<>();
        for (List<String> row : rows) {
            if (!seen.add(List.copyOf(row))) {
                throw new IllegalArgumentException("Template '" + name + "' is expanded twice with arguments " + row + ".");
            }
            instances.add(instantiate(row));
        }
        return List.copyOf(instances);
    }

    /**
     * The instances' bodies stacked by column name ({@code UNION ALL}, missing columns NULL), the
     * usual way per-kind views become one table. One row gives that instance's body alone.
     */
    public RelSpec unionAllByName(List<List<String>> rows) {
        List<RelSpec> bodies = instantiateAll(rows).stream().map(TemplateInstance::body).toList();
        return bodies.size() == 1 ? bodies.get(0) : new UnionByNameRel(true, bodies);
    }

    @Override
    public String toString() {
        return "RelTemplate(" + name + ", parameters=" + parameters + ")";
    }
}
