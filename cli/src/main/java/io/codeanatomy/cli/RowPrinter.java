package io.codeanatomy.cli;

/** Prints a result's rows as they come; {@link #end} finishes the output. */
interface RowPrinter {
    void row(Object[] values);

    void end();
}
