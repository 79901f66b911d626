package org.example.pytest;

/** The function the plugin contributes: pytest's default rule for which names are tests. */
public final class TestNames {
    private TestNames() {
    }

    /**
     * Whether pytest collects a function or method of this name by default ({@code python_functions
     * = test*}) — NULL for a NULL name, as SQL functions do.
     */
    public static Boolean isTestName(String name) {
        return name == null ? null : name.startsWith("test");
    }
}
