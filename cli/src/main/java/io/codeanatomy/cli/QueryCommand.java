package io.codeanatomy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy query}: Calcite SQL over every table of an output directory. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs one SQL query over the tables of an output directory, each under its table name "
                    + "(cpg_nodes, py_files_v1, py_defs_v1, ...). Names match case-insensitively."
        })
public final class QueryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SQL",
            description = "The query, e.g. \"SELECT node_kind, COUNT(*) FROM cpg_nodes GROUP BY node_kind\"; - reads it from standard input.")
    private String sql;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Reads the query from FILE instead (argv is limited to 128 KB).")
    private Path file;

    @Mixin
    private ResultOptions result;

    @Mixin
    private BuildSelection build;

    @Override
    public Integer call() {
        ResultFormat chosen = result.format();
        String text = text();
        List<String> statements = SqlStatements.split(text);
        if (statements.size() > 1) {
            throw new UserError("the SQL holds " + statements.size() + " statements and query runs one; run a script with "
                    + "'codeanatomy shell " + output.out() + " < FILE'.", 2);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        String statement = statements.isEmpty() ? "" : statements.get(0);
        // Opening a table reads its Delta log: only those the query may name are opened.
        Set<String> words = SqlStatements.words(statement);
        try (OpenedOutput opened = output.open(build.selector(),
                name -> words.contains(name.toLowerCase(Locale.ROOT)))) {
            new StatementRunner(opened.session(), chosen, result.crlf()).run(statement, stdout);
        }
        return 0;
    }

    /** The SQL from the argument, the file, or standard input; exactly one of them. */
    private String text() {
        if (sql != null && file != null) {
            throw new UserError("give the query either as SQL or with --file, not both.", 2);
        }
        if (sql == null && file == null) {
            throw new UserError("give the query as SQL, with --file FILE, or as - to read it from standard input.", 2);
        }
        try {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            return sql.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : sql;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("the query file " + file + " does not exist.", 2);
        } catch (IOException e) {
            throw new UserError("cannot read the query from " + (file != null ? file : "standard input") + ": " + e.getMessage() + ".", 2);
        }
    }
}
