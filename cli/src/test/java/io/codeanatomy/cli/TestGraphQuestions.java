package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.runtime.ask.GraphAnswer;
import io.codeanatomy.runtime.ask.GraphAsk;
import io.codeanatomy.runtime.ask.InvalidQuestionException;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each saved graph question on a small shop whose answers are known: what a name refers to,
 * imports both ways, the class tree, who calls what, calls left unresolved and a function nothing uses.
 */
class TestGraphQuestions {
    static final Map<String, String> FIXTURES = new TreeMap<>(Map.of(
            "shop/__init__.py", "from .cart import Cart\n",
            "shop/util.py", """
                    def clamp(x):
                        return max(0, x)


                    def unused_helper():
                        return 2
                    """,
            "shop/cart.py", """
                    import json
                    from .util import clamp, unused_helper


                    class Base:
                        def total(self):
                            return 0


                    class Cart(Base):
                        def __init__(self, items):
                            self.items = items

                        def total(self):
                            return clamp(sum(self.items))


                    class Gift(Cart):
                        pass


                    def checkout(items):
                        cart = Cart(items)
                        return format_total(cart.total())


                    def format_total(value):
                        return json.dumps(value)


                    def never_used(callback):
                        return callback()
                    """,
            "main.py", """
                    from shop.cart import checkout


                    def run():
                        return checkout([1, 2])


                    run()
                    """));

    @TempDir
    static Path work;
    static Path out;
    static Session session;
    static GraphAsk ask;

    @BeforeAll
    static void build() throws IOException {
        out = work.resolve("out");
        CliRun run = CliRun.buildTree(work.resolve("src"), FIXTURES, out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        session = Session.open(SessionConfig.defaults());
        OutputTables.register(session, out);
        ask = new GraphAsk(session, CpgSpec.spec());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static List<String> rows(GraphAnswer answer, String... columns) {
        List<String> rows = new ArrayList<>();
        for (Object[] row : answer.rows()) {
            StringBuilder line = new StringBuilder();
            for (String column : columns) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(row[answer.columns().indexOf(column)]);
            }
            rows.add(line.toString());
        }
        return rows;
    }

    @Test
    void whoCallsWhatAndWhatItReaches() {
        // checkout is called by run (main.py); it makes a Cart (the class and its __init__), calls the
        // total of that Cart (not Base's: the instance's class overrides it) and format_total.
        assertThat(rows(ask.ask("callers", List.of("shop.cart.checkout")), "depth", "qualified_name", "line"))
                .containsExactly("1 main.run 4");
        assertThat(rows(ask.ask("callers", List.of("shop.cart.checkout", "2")), "depth", "qualified_name"))
                .containsExactly("1 main.run", "2 main");
        assertThat(rows(ask.ask("callees", List.of("shop.cart.checkout")), "depth", "qualified_name", "kind"))
                .containsExactly("1 shop.cart.Cart PY_CLASS", "1 shop.cart.Cart.__init__ PY_FUNCTION", "1 shop.cart.Cart.total PY_FUNCTION",
                        "1 shop.cart.format_total PY_FUNCTION");
        assertThat(rows(ask.ask("reachable", List.of("main.run")), "qualified_name"))
                .containsExactly("builtins.max", "builtins.sum", "json.dumps", "shop.cart.Cart", "shop.cart.Cart.__init__", "shop.cart.Cart.total",
                        "shop.cart.checkout", "shop.cart.format_total", "shop.util.clamp");
    }

    @Test
    void theDefinitionOfANameAtAPosition() {
        // main.py line 5 is "    return checkout([1, 2])": column 12 is the c of checkout.
        assertThat(rows(ask.ask("definition", List.of("main.py:5:12")), "name", "kind", "path", "line", "imports"))
                .containsExactly("checkout PY_IMPORT_ALIAS main.py 1 shop.cart.checkout");
        // shop/cart.py line 24: "    return format_total(cart.total())"; format_total is a function of the module, cart a
        // local that only an assignment binds (line 23), so its definition is that store.
        assertThat(rows(ask.ask("definition", List.of("shop/cart.py:24:12")), "name", "kind", "definition", "line", "column"))
                .containsExactly("format_total PY_FUNCTION shop.cart.format_total 27 1");
        assertThat(rows(ask.ask("definition", List.of("shop/cart.py:24:25")), "name", "kind", "line", "column"))
                .containsExactly("cart PY_NAME 23 5");
        assertThat(ask.ask("definition", List.of("shop/cart.py:3:1")).rows()).isEmpty();
    }

    @Test
    void importsBothWays() {
        assertThat(rows(ask.ask("imports", List.of("shop.cart")), "line", "alias", "target", "kind"))
                .containsExactly("1 json json PY_EXTERNAL", "2 clamp shop.util.clamp PY_FUNCTION", "2 unused_helper shop.util.unused_helper PY_FUNCTION");
        assertThat(rows(ask.ask("importers", List.of("shop.util")), "importer", "line", "imported"))
                .containsExactly("shop.cart 2 shop.util.clamp", "shop.cart 2 shop.util.unused_helper");
        assertThat(rows(ask.ask("importers", List.of("shop.cart")), "importer", "path", "imported"))
                .containsExactly("main main.py shop.cart.checkout", "shop shop/__init__.py shop.cart.Cart");
        // shop.cart imports clamp from shop.util; main and the package import from shop.cart.
        assertThat(rows(ask.ask("dependents", List.of("shop.util")), "importer", "path", "direct"))
                .containsExactly("main main.py false", "shop shop/__init__.py false", "shop.cart shop/cart.py true");
        assertThat(rows(ask.ask("dependents", List.of("shop.cart")), "importer", "direct")).containsExactly("main true", "shop true");
        assertThat(ask.ask("dependents", List.of("main")).rows()).isEmpty();
    }

    @Test
    void theClassTreeBothWays() {
        assertThat(rows(ask.ask("subclasses", List.of("shop.cart.Base")), "depth", "qualified_name", "line"))
                .containsExactly("1 shop.cart.Cart 10", "2 shop.cart.Gift 18");
        assertThat(rows(ask.ask("superclasses", List.of("shop.cart.Gift")), "mro_position", "qualified_name"))
                .containsExactly("1 shop.cart.Cart", "2 shop.cart.Base", "3 builtins.object");
    }

    @Test
    void unresolvedCallsAndDeadFunctions() {
        // Every call but that of a parameter nothing passes a value resolves (json.dumps reaches its external node).
        assertThat(rows(ask.ask("unresolved", List.of("shop.cart")), "line", "column", "callee")).containsExactly("32 12 callback");
        assertThat(rows(ask.ask("dead", List.of()), "qualified_name", "path", "line")).containsExactly("shop.cart.never_used shop/cart.py 31");
        assertThat(rows(ask.ask("dead", List.of("shop.util")), "qualified_name")).isEmpty();
    }

    @Test
    void askOnTheCommandLineAndInTheShell() throws IOException {
        CliRun list = CliRun.of("ask", out.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("callers FUNCTION [DEPTH]").contains("definition LOCATION").contains("dead [MODULE]");
        CliRun json = CliRun.of("ask", out.toString(), "subclasses", "shop.cart.Base", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).path("qualified_name").asText()).isEqualTo("shop.cart.Gift");
        assertThat(rows.get(1).path("depth").asInt()).isEqualTo(2);
        CliRun bad = CliRun.of("ask", out.toString(), "callers");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("codeanatomy: 'callers' takes 1 to 2 arguments (callers FUNCTION [DEPTH]), not 0.");
        java.io.InputStream saved = System.in;
        CliRun shell;
        try {
            System.setIn(new java.io.ByteArrayInputStream("!ask superclasses shop.cart.Gift\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            shell = CliRun.of("shell", out.toString());
        } finally {
            System.setIn(saved);
        }
        assertThat(shell.exitCode()).as(shell.err()).isZero();
        assertThat(shell.out()).contains("shop.cart.Cart").contains("shop.cart.Base").contains("builtins.object");
    }

    @Test
    void badQuestionsAreOneSentence() {
        assertThatThrownBy(() -> ask.ask("callerz", List.of("x"))).isInstanceOf(InvalidQuestionException.class)
                .hasMessageContaining("there is no question 'callerz'").hasMessageContaining("callers");
        assertThatThrownBy(() -> ask.ask("callers", List.of())).isInstanceOf(InvalidQuestionException.class)
                .hasMessage("'callers' takes 1 to 2 arguments (callers FUNCTION [DEPTH]), not 0.");
        assertThatThrownBy(() -> ask.ask("callers", List.of("f", "0"))).isInstanceOf(InvalidQuestionException.class)
                .hasMessageContaining("DEPTH").hasMessageContaining("'0'");
        assertThatThrownBy(() -> ask.ask("definition", List.of("main.py:5"))).isInstanceOf(InvalidQuestionException.class)
                .hasMessageContaining("FILE:LINE:COLUMN");
    }
}
