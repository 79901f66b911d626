package io.codeanatomy.api.rel;

import static java.util.Objects.requireNonNull;

/**
 * One expansion of a {@link RelTemplate}: its name is the template's name and the argument values
 * joined by {@code "__"}, so the same arguments always give the same view name and body.
 */
public record TemplateInstance(String name, TemplateArguments arguments, RelSpec body) {
    public TemplateInstance {
        RelChecks.requireName(name, "template instance name");
        requireNonNull(arguments, "arguments is null");
        requireNonNull(body, "body is null");
    }
}
