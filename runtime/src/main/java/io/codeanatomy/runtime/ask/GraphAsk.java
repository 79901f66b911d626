package io.codeanatomy.runtime.ask;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SemiNaiveRel;
import io.codeanatomy.api.rel.TemplateInstance;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.SemanticSpecBuilder;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelNode;

/**
 * Asks a {@link GraphQuestion} of a build: instantiates its template, wraps the body as the one
 * view of a small spec whose inputs are the build's tables (with the contracts the built-in spec
 * gives them), and compiles, plans and runs that view in {@code session}, where the output's
 * tables are registered.
 */
public final class GraphAsk {
    private static final String VIEW = "answer";

    private final Session session;
    private final Map<String, InputRelation> contracts;

    /**
     * @param session a session with the build's tables registered under their names
     * @param spec the spec the build ran: its inputs and outputs are the tables questions read
     */
    public GraphAsk(Session session, SemanticSpec spec) {
        this.session = requireNonNull(session, "session is null");
        requireNonNull(spec, "spec is null");
        Map<String, InputRelation> known = new TreeMap<>();
        for (InputRelation input : GraphQuestions.extractionInputs()) {
            known.put(input.name(), input);
        }
        for (InputRelation input : spec.inputs()) {
            known.put(input.name(), input);
        }
        for (OutputTarget output : spec.outputs()) {
            known.put(output.name(), new InputRelation(output.name(), output.schema()));
        }
        this.contracts = known;
    }

    /**
     * @throws InvalidQuestionException for an unknown question or bad arguments, or when the build
     *     lacks a table the question reads
     */
    public GraphAnswer ask(String question, List<String> arguments) {
        GraphQuestion asked = GraphQuestions.named(question).orElseThrow(() -> new InvalidQuestionException("there is no question '"
                + question + "'; the questions are " + GraphQuestions.all().stream().map(GraphQuestion::name).toList() + "."));
        TemplateInstance instance = asked.instantiate(arguments);
        RelSpec body = instance.body();
        SemanticSpecBuilder spec = SemanticSpec.builder("ask-" + asked.name(), "1");
        for (String relation : body.scannedRelations()) {
            InputRelation input = contracts.get(relation);
            if (input == null) {
                throw new InvalidQuestionException("'" + asked.name() + "' reads the table " + relation + ", which this build's spec does not have.");
            }
            if (session.tables().stream().noneMatch(t -> t.name().equals(relation))) {
                throw new InvalidQuestionException("'" + asked.name() + "' reads the table " + relation
                        + ", which the output does not hold; rebuild it with this version.");
            }
            spec.input(input);
        }
        spec.view(VIEW, recursive(body) ? ViewKind.FIXPOINT : ViewKind.SORT, body);
        // An output only so the view is compiled and checked against the answer's contract; nothing is written.
        spec.output(VIEW, VIEW, "ask/" + asked.name(), WriteMode.OVERWRITE, asked.answer());
        RelNode compiled = session.compile(spec.build()).output(VIEW);
        PlannedQuery planned = session.plan(compiled);
        List<String> columns = compiled.getRowType().getFieldNames();
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<?> enumerator = session.executor().rows(planned.physical())) {
            while (enumerator.moveNext()) {
                Object current = enumerator.current();
                rows.add(columns.size() == 1 ? new Object[] {current} : (Object[]) current);
            }
        }
        return new GraphAnswer(asked.name(), instance.arguments().values(), columns, rows);
    }

    private static boolean recursive(RelSpec node) {
        return node instanceof RecursiveRel || node instanceof SemiNaiveRel || node.inputs().stream().anyMatch(GraphAsk::recursive);
    }
}
