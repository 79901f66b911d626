package io.codeanatomy.cli;

import io.codeanatomy.api.result.TableRegistration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy describe}: the columns of one table of an output directory. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints the columns of one table of an output directory: name, SQL type and whether it may be NULL.")
public final class DescribeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "1", paramLabel = "TABLE", description = "The table's name, as 'tables' lists it (any case).")
    private String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "Prints table or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        boolean json = TextOrJson.json(format);
        String wanted = table.toLowerCase(Locale.ROOT);
        try (OpenedOutput opened = output.open(name -> name.toLowerCase(Locale.ROOT).equals(wanted))) {
            TableRegistration found = TableColumns.find(opened.tables(), table);
            if (found == null) {
                throw new UserError(output.out() + " has no table '" + table + "'; 'codeanatomy tables " + output.out() + "' lists them.", 2);
            }
            TableListing.describe(TableColumns.of(opened.session(), found), json, spec.commandLine().getOut());
        }
        return 0;
    }
}
