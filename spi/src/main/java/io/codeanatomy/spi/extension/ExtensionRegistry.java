package io.codeanatomy.spi.extension;

import java.util.List;

/**
 * What the session's plugins contributed, point by point, in each point's order; disabled
 * contributions and plugins are already left out. Handed to a plugin in
 * {@link io.codeanatomy.spi.Plugin#bind} so it can use contributions to the points it declares.
 */
public interface ExtensionRegistry {
    /**
     * The contributions to {@code point}, higher ranking first, then by contribution id.
     *
     * @throws IllegalArgumentException if no loaded plugin declares the point
     */
    <T> List<T> contributions(ExtensionPoint<T> point);
}
