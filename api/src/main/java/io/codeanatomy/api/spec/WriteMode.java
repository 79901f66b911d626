package io.codeanatomy.api.spec;

/** How a materializer treats an existing table at the output location. */
public enum WriteMode {
    /** Create the table; fail if one exists. */
    CREATE,
    /** Replace all rows (creating the table if absent). */
    OVERWRITE,
    /** Add rows (creating the table if absent). */
    APPEND
}
