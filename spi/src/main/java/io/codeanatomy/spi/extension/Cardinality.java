package io.codeanatomy.spi.extension;

/** How many contributions an extension point takes, after disabled ones are left out. */
public enum Cardinality {
    /** At most one: a second is an error naming both plugins. */
    ONE,
    /** Any number, in ranking order. */
    MANY
}
