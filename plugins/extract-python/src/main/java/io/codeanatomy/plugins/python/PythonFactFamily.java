package io.codeanatomy.plugins.python;

import io.codeanatomy.plugins.python.facts.FactCollector;
import io.codeanatomy.plugins.python.tables.TableSpec;
import java.util.List;

/**
 * A fact family another plugin adds to the Python extraction, by contributing it to
 * {@link PythonExtractionPlugin#FACT_COLLECTORS}: the tables it writes and the collector that
 * makes their rows. The collector sees the same walk as the built-in families (every statement,
 * expression, pattern, scope and name, in CPython's symbol-table order) and emits its own row
 * records ({@code WalkContext.emit}); each table reads its rows from a file's facts by row type
 * ({@link TableSpec#of}). Its tables are declared and written beside the {@code py_*} tables.
 */
public interface PythonFactFamily {
    /** The tables this family writes; their names must not be the extractor's or another family's. */
    List<TableSpec<?>> tables();

    /**
     * A new collector. Each worker thread asks once and reuses it for every file it walks, so a
     * collector keeps no state from one file to the next.
     */
    FactCollector newCollector();
}
