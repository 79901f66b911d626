package io.codeanatomy.spi.extension;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.PluginDescriptor;

/**
 * A place plugins contribute to, in the manner of OSGi's extension registry: an id, the interface
 * (or value type) every contribution must be an instance of, a cardinality, and one fixed order —
 * higher {@link Extension#ranking()} first, then contribution id — so that which plugin wins never
 * depends on the class path.
 *
 * <p>The runtime declares its own points ({@link ExtensionPoints}); a plugin declares more in
 * {@link io.codeanatomy.spi.Plugin#extensionPoints()} and reads what others contributed from the
 * {@link io.codeanatomy.spi.Plugin#bind bound} registry. The contract of a plugin-declared point lives
 * in the declaring plugin, so a contributor lists that plugin as a dependency (which also makes its
 * classes visible in isolated loading).
 *
 * @param id {@code owner:name}: the declaring plugin's id (or {@code codeanatomy} for the runtime's), then a name
 * @param contract what every contribution is an instance of
 * @param cardinality how many contributions the point takes
 * @param description one line for people
 * @param <T> the contract type
 */
public record ExtensionPoint<T>(String id, Class<T> contract, Cardinality cardinality, String description) {
    /** The owner of the runtime's own points. */
    public static final String RUNTIME = "codeanatomy";

    public ExtensionPoint {
        requireNonNull(id, "id is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(cardinality, "cardinality is null");
        requireNonNull(description, "description is null");
        requireNamespaced(id, "extension point id");
    }

    /** A point taking any number of contributions. */
    public static <T> ExtensionPoint<T> many(String id, Class<T> contract, String description) {
        return new ExtensionPoint<>(id, contract, Cardinality.MANY, description);
    }

    /** A point taking at most one contribution. */
    public static <T> ExtensionPoint<T> one(String id, Class<T> contract, String description) {
        return new ExtensionPoint<>(id, contract, Cardinality.ONE, description);
    }

    /** The part before {@code :}: the id of the plugin that declares this point. */
    public String owner() {
        return id.substring(0, id.indexOf(':'));
    }

    /** A contribution {@code name} to this point with ranking 0. */
    public Extension<T> extension(String name, T value) {
        return new Extension<>(id, name, 0, value);
    }

    /** A contribution {@code name} to this point; a higher {@code ranking} comes first. */
    public Extension<T> extension(String name, int ranking, T value) {
        return new Extension<>(id, name, ranking, value);
    }

    /**
     * Checks {@code owner:name}: each side starts with a lowercase letter and uses a-z, 0-9, '.',
     * '_' and '-'.
     */
    static void requireNamespaced(String id, String what) {
        int colon = id.indexOf(':');
        if (colon < 0 || !PluginDescriptor.isValidId(id.substring(0, colon)) || !PluginDescriptor.isValidId(id.substring(colon + 1))) {
            throw new IllegalArgumentException("The " + what + " '" + id
                    + "' must be <plugin id>:<name>, each starting with a lowercase letter and using only a-z, 0-9, '.', '_' and '-'.");
        }
    }
}
