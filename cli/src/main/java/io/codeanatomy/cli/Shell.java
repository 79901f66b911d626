package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.runtime.session.Session;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The SQL shell over one output's tables: statements end with {@code ;} and may span lines;
 * {@code !}-commands list tables and columns. Interactive on a terminal (JLine: history, completion
 * of table and column names, a pager for results taller than the screen, the time of each
 * statement); otherwise it reads a script from standard input and prints only results.
 */
final class Shell {
    static final List<String> META = List.of("!tables", "!describe", "!schema", "!ask", "!timing", "!pager", "!help", "!quit", "!exit");
    private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "JOIN", "LEFT",
            "ON", "AS", "AND", "OR", "NOT", "IN", "IS", "NULL", "COUNT", "DISTINCT", "LIMIT", "UNION", "ALL", "WITH", "CASE", "WHEN",
            "THEN", "ELSE", "END", "LIKE", "BETWEEN", "EXISTS", "DESC", "ASC");

    private final Session session;
    private final List<TableColumns> tables;
    private final StatementRunner runner;
    private boolean timing;
    private boolean pager;
    private boolean quit;
    private GraphQuestionRunner questions;

    Shell(Session session, List<TableRegistration> tables) {
        this.session = requireNonNull(session, "session is null");
        this.tables = TableColumns.of(session, tables);
        this.runner = new StatementRunner(session, ResultFormat.TABLE, false);
    }

    /**
     * Runs every statement and command of {@code script}; a failing one prints its error and the
     * next runs.
     *
     * @return 0 if all succeeded, else 1
     */
    int script(BufferedReader script, PrintWriter out, PrintWriter err) {
        boolean failed = false;
        StringBuilder pending = new StringBuilder();
        try {
            for (String line = script.readLine(); line != null && !quit; line = script.readLine()) {
                if (pending.toString().isBlank() && line.strip().startsWith("!")) {
                    failed |= !run(line.strip(), out, err, null);
                    continue;
                }
                pending.append(line).append('\n');
                if (SqlStatements.complete(pending.toString())) {
                    for (String statement : SqlStatements.split(pending.toString())) {
                        failed |= !run(statement, out, err, null);
                    }
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A last statement without its semicolon still runs, as psql and sqlite3 run it.
        for (String statement : SqlStatements.split(pending.toString())) {
            if (!quit) {
                failed |= !run(statement, out, err, null);
            }
        }
        return failed ? 1 : 0;
    }

    /** Reads statements from {@code terminal} until {@code !quit} or end of input. */
    int interactive(Terminal terminal, Path history) {
        timing = true;
        pager = true;
        LineReader reader = reader(terminal, history);
        PrintWriter out = terminal.writer();
        out.println("codeanatomy shell: " + tables.size() + " tables; end statements with ;  !help lists the commands.");
        while (!quit) {
            String input;
            try {
                input = reader.readLine("sql> ", "...> ", (Character) null, null);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            String text = input.strip();
            if (text.startsWith("!")) {
                run(text, out, out, terminal);
                continue;
            }
            for (String statement : SqlStatements.split(text)) {
                run(statement, out, out, terminal);
            }
        }
        out.flush();
        return 0;
    }

    /** A line reader with the shell's parser (statements continue until {@code ;}), completer and history. */
    LineReader reader(Terminal terminal, Path history) {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("codeanatomy")
                .parser(parser())
                .completer(completer())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.DISABLE_HIGHLIGHTER, CodeAnatomy.noColor());
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        return builder.build();
    }

    /** Asks for another line while a statement lacks its final semicolon; {@code !}-commands end with their line. */
    static Parser parser() {
        DefaultParser words = new DefaultParser();
        words.setEofOnUnclosedQuote(false);
        return (line, cursor, context) -> {
            if (context == Parser.ParseContext.ACCEPT_LINE && !line.isBlank() && !line.strip().startsWith("!")
                    && !SqlStatements.complete(line)) {
                throw new EOFError(-1, -1, "the statement continues until ;", ";");
            }
            return words.parse(line, cursor, context);
        };
    }

    /** Table and column names (each once, sorted), SQL keywords, and the {@code !}-commands. */
    Completer completer() {
        TreeSet<String> names = new TreeSet<>();
        for (TableColumns table : tables) {
            names.add(table.table().name());
            table.columns().forEach(c -> names.add(c.name()));
        }
        return (reader, line, candidates) -> {
            String word = line.word();
            if (line.wordIndex() == 0 && word.startsWith("!")) {
                META.forEach(m -> candidates.add(new Candidate(m)));
                return;
            }
            if (line.words().size() > 0 && line.words().get(0).equals("!describe")) {
                tables.forEach(t -> candidates.add(new Candidate(t.table().name())));
                return;
            }
            names.forEach(n -> candidates.add(new Candidate(n)));
            boolean upper = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
            KEYWORDS.forEach(k -> candidates.add(new Candidate(upper ? k : k.toLowerCase(Locale.ROOT))));
        };
    }

    /** Runs a statement or command; prints its error on {@code err}. @return whether it succeeded */
    boolean run(String input, PrintWriter out, PrintWriter err, Terminal terminal) {
        try {
            if (input.startsWith("!")) {
                meta(input, out);
            } else {
                long started = System.nanoTime();
                StringWriter buffer = new StringWriter();
                PrintWriter target = terminal != null && pager ? new PrintWriter(buffer) : out;
                runner.run(input, target);
                if (target != out) {
                    page(buffer.toString(), out, terminal);
                }
                if (timing) {
                    out.printf(Locale.ROOT, "(%.3f s)%n", (System.nanoTime() - started) / 1e9);
                }
            }
            out.flush();
            return true;
        } catch (UserError e) {
            out.flush();
            err.println("error: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /** Prints through JLine's less when the result is taller than the screen, else directly. */
    private static void page(String text, PrintWriter out, Terminal terminal) {
        long lines = text.lines().count();
        if (lines < terminal.getHeight() - 1 || terminal.getHeight() <= 0) {
            out.print(text);
            return;
        }
        try {
            Less less = new Less(terminal, Path.of("."));
            less.quitIfOneScreen = true;
            less.run(new Source.InputStreamSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, "result"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void meta(String input, PrintWriter out) {
        String[] words = input.split("\\s+");
        switch (words[0]) {
            case "!tables" -> TableListing.tables(tables, false, out);
            case "!schema" -> TableListing.schema(tables, out);
            case "!describe" -> {
                if (words.length != 2) {
                    throw new UserError("!describe takes one table name, e.g. !describe cpg_nodes.", 2);
                }
                TableRegistration found = TableColumns.find(tables.stream().map(TableColumns::table).toList(), words[1]);
                if (found == null) {
                    throw new UserError("there is no table '" + words[1] + "'; !tables lists them.", 2);
                }
                TableListing.describe(TableColumns.of(session, found), false, out);
            }
            case "!ask" -> {
                if (words.length == 1) {
                    GraphQuestionRunner.list(out);
                } else {
                    questions().run(words[1], List.of(words).subList(2, words.length), ResultFormat.TABLE, false, out);
                }
            }
            case "!timing" -> timing = onOff(words, timing);
            case "!pager" -> pager = onOff(words, pager);
            case "!quit", "!exit" -> quit = true;
            case "!help" -> help(out);
            default -> throw new UserError("unknown command " + words[0] + "; the commands are " + String.join(", ", META) + ".", 2);
        }
    }

    /** Made on the first {@code !ask}: it needs the plugins' spec, which plain SQL does not. */
    private GraphQuestionRunner questions() {
        if (questions == null) {
            questions = new GraphQuestionRunner(session);
        }
        return questions;
    }

    private static boolean onOff(String[] words, boolean current) {
        if (words.length == 1) {
            return !current;
        }
        return switch (words[1]) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UserError(words[0] + " takes on or off, not '" + words[1] + "'.", 2);
        };
    }

    private static void help(PrintWriter out) {
        List<String> lines = new ArrayList<>();
        lines.add("SQL statements end with ; and may span lines (Calcite SQL; names match in any case).");
        lines.add("!tables            lists the tables");
        lines.add("!describe TABLE    lists a table's columns and types");
        lines.add("!schema            prints every table as CREATE TABLE");
        lines.add("!ask [Q ARGS...]   answers a saved graph question (callers pkg.mod.f 2, definition a.py:3:5, ...); alone, lists them");
        lines.add("!timing [on|off]   prints each statement's time (on by default on a terminal)");
        lines.add("!pager [on|off]    pages results taller than the screen (on by default on a terminal)");
        lines.add("!quit, !exit       leaves the shell (so does Ctrl-D)");
        lines.forEach(out::println);
    }
}
