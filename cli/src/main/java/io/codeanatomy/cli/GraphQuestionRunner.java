package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.ask.GraphAnswer;
import io.codeanatomy.runtime.ask.GraphAsk;
import io.codeanatomy.runtime.ask.GraphQuestion;
import io.codeanatomy.runtime.ask.GraphQuestions;
import io.codeanatomy.runtime.ask.InvalidQuestionException;
import io.codeanatomy.runtime.plugin.ContributedCpgPart;
import io.codeanatomy.runtime.session.Session;
import java.io.PrintWriter;
import java.util.List;

/** Asks saved graph questions of one opened output and prints the answers; shared by {@code ask} and the shell's {@code !ask}. */
final class GraphQuestionRunner {
    private final GraphAsk ask;

    GraphQuestionRunner(Session session) {
        requireNonNull(session, "session is null");
        // The contracts of the tables a question reads come from the spec a build with these plugins runs.
        this.ask = new GraphAsk(session, ContributedCpgPart.cpgSpec(session.plugins()));
    }

    /**
     * @return the number of rows printed
     * @throws UserError exit 2 for an unknown question or bad arguments, exit 1 when it fails while running
     */
    long run(String question, List<String> arguments, ResultFormat format, boolean crlf, PrintWriter out) {
        GraphAnswer answer;
        try {
            answer = ask.ask(question, arguments);
        } catch (InvalidQuestionException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (RuntimeException e) {
            throw QueryErrors.translate(e);
        }
        RowPrinter printer = format.printer(out, answer.columns(), crlf);
        answer.rows().forEach(printer::row);
        printer.end();
        out.flush();
        return answer.rows().size();
    }

    /** The questions, one per line: usage and what each answers. */
    static void list(PrintWriter out) {
        int width = GraphQuestions.all().stream().mapToInt(q -> q.usage().length()).max().orElse(0);
        for (GraphQuestion question : GraphQuestions.all()) {
            out.println(String.format(java.util.Locale.ROOT, "%-" + width + "s  %s", question.usage(), question.summary()));
        }
        out.flush();
    }
}
