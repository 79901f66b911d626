package io.codeanatomy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeanatomy tables}: the tables of an output directory, for scripts. */
@Command(
        name = "tables",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the tables of an output directory that query, shell and export read: name, path, Delta version and number of columns.")
public final class TablesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "Prints table or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        boolean json = TextOrJson.json(format);
        try (OpenedOutput opened = output.open()) {
            TableListing.tables(TableColumns.of(opened.session(), opened.tables()), json, spec.commandLine().getOut());
        }
        return 0;
    }
}
