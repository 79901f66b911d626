package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.BinOp;
import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.Return;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fact family added as one collector sees every node, in the scope CPython evaluates it in. */
class TestFactCollectors {
    /** Records events as "event kind scope-qualname" lines, as a new fact family would read them. */
    private static final class Recorder implements FactCollector {
        final List<String> events = new ArrayList<>();

        @Override
        public void statement(stmt s, WalkContext context) {
            if (s instanceof Return) {
                events.add("return in " + where(context.scope()));
            }
        }

        @Override
        public void expression(expr e, WalkContext context) {
            if (e instanceof Call || e instanceof Attribute || e instanceof BinOp) {
                events.add(e.getClass().getSimpleName() + " " + text(e) + " in " + where(context.scope()));
            }
        }

        @Override
        public void scopeEntered(Scope scope, WalkContext context) {
            events.add("enter " + scope.kind() + " " + scope.qualname() + " from " + where(scope.parent()));
        }

        @Override
        public void scopeExited(Scope scope, WalkContext context) {
            events.add("exit " + scope.qualname() + " to " + where(context.scope()));
        }

        private String source;

        private String text(expr e) {
            byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
            return new String(bytes, e.bstart(), e.bend() - e.bstart(), StandardCharsets.UTF_8);
        }

        private static String where(Scope scope) {
            return scope.kind() == ScopeKind.MODULE ? "<module>" : scope.qualname();
        }
    }

    private static FileFacts walk(String source, FactCollector extra) {
        return walk(source, extra, PythonVersion.PY311);
    }

    private static FileFacts walk(String source, FactCollector extra, PythonVersion version) {
        ParseResult parsed = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8), version);
        assertThat(parsed.errors()).isEmpty();
        StableIds ids = new StableIds();
        ids.startFile("m.py");
        FileFacts facts = new FileFacts("m.py");
        List<FactCollector> collectors = new ArrayList<>(FactCollectors.standard());
        collectors.add(extra);
        new FactWalker(parsed.source().bytes(), ids, facts, "file", parsed.module(), false,
                new CollectorEvents(collectors), 100, version).walk();
        facts.finish();
        return facts;
    }

    @Test
    void anAddedCollectorSeesChainLinksAndScopesInSymtableOrder() {
        Recorder recorder = new Recorder();
        recorder.source = """
                @d.e(1)
                def f(x=a.b + c + g()):
                    return [y.z() for y in x.w]
                """;
        FileFacts facts = walk(recorder.source, recorder);

        assertThat(recorder.events).containsExactly(
                "BinOp a.b + c + g() in <module>", "BinOp a.b + c in <module>", "Attribute a.b in <module>",
                "Call g() in <module>", "Call d.e(1) in <module>", "Attribute d.e in <module>",
                "enter FUNCTION f from <module>", "return in f", "Attribute x.w in f",
                "enter COMPREHENSION f.<locals>.<listcomp> from f", "Call y.z() in f.<locals>.<listcomp>",
                "Attribute y.z in f.<locals>.<listcomp>", "exit f.<locals>.<listcomp> to f", "exit f to <module>");
        // The standard families are unaffected by the extra collector.
        assertThat(facts.calls()).hasSize(3);
        assertThat(facts.defs()).extracting(DefRow::qualname).containsExactly("f");
    }

    @Test
    void aTreeRecoveredFromASyntaxErrorWithEmptyBodiesIsStillExtracted() {
        // Python 2's `print 1` is no statement: the parser recovers `if` and `while` with empty bodies
        // (lib2to3/tests/data/py2_test_grammar.py in the standard library).
        byte[] source = """
                def f(x):
                    if x:
                        print 1
                    else:
                        return 2
                    while x:
                        print 3
                """.getBytes(StandardCharsets.UTF_8);
        FileFacts facts = new FileExtractor(PythonVersion.PY311, 1 << 20).extract("py2.py", source);

        assertThat(facts.file().status()).isEqualTo(ParseStatus.SYNTAX_ERROR);
        assertThat(facts.defs()).extracting(DefRow::qualname).containsExactly("f");
        assertThat(facts.rows(BranchRow.class)).extracting(b -> b.kind() + " " + b.bodyBstart() + " " + b.bodyBend() + " "
                + b.hasOrelse()).containsExactly("IF -1 -1 true", "WHILE -1 -1 false");
    }

    @Test
    void everyStandardFamilyIsCollected() {
        FileFacts facts = walk("""
                import os
                @deco
                def f(a):
                    global g
                    return [os.path.join(a, b) for b in a]
                """, new FactCollector() { });
        assertThat(facts.imports()).hasSize(1);
        assertThat(facts.decorators()).hasSize(1);
        assertThat(facts.defs()).hasSize(1);
        assertThat(facts.params()).hasSize(1);
        assertThat(facts.scopeDecls()).hasSize(1);
        assertThat(facts.comprehensions()).hasSize(1);
        assertThat(facts.calls()).hasSize(1);
        assertThat(facts.names()).extracting(NameRow::name)
                .containsExactly("os", "deco", "f", "a", "g", "os", "a", "b", "b", "a");
    }

    @Test
    void typeScopesOpenWhereCPythonsDoAndDefinitionsInsideGetTheCompilersQualnames() {
        FileFacts facts = walk("""
                def outer():
                    type Lazy = (lambda: cap)
                    def g[T: (lambda: 1), *Ts = ()](x: (lambda: 2)) -> T:
                        pass
                class C[T](Base[T]):
                    def m(self): pass
                """, new FactCollector() { }, PythonVersion.PY313);

        // The qualnames CPython 3.13 gives these code objects (__value__, __bound__, __annotations__).
        assertThat(facts.defs()).extracting(DefRow::qualname).containsExactly("outer", "outer.<locals>.Lazy.<locals>.<lambda>",
                "outer.<locals>.g", "outer.<locals>.<generic parameters of g>.<lambda>", "outer.<locals>.<lambda>", "C", "C.m");
        // A generic definition's row still names the scope its name binds in.
        String outer = facts.defs().get(0).id();
        assertThat(facts.defs()).filteredOn(d -> d.name().equals("g")).extracting(DefRow::scopeId).containsExactly(outer);
        List<TypeScopeRow> scopes = facts.rows(TypeScopeRow.class);
        assertThat(scopes).extracting(r -> r.kind() + " " + r.name() + " " + r.ownerKind()).containsExactly(
                "TYPE_ALIAS Lazy null", "TYPE_PARAMETERS g FUNCTION", "TYPE_VARIABLE T null", "TYPE_VARIABLE Ts null",
                "TYPE_PARAMETERS C CLASS");
        // T's bound and Ts's default in g's type-parameter scope, which is in outer; C's in the module.
        assertThat(scopes.get(2).scopeId()).isEqualTo(scopes.get(1).id());
        assertThat(scopes.get(1).scopeId()).isEqualTo(outer);
        assertThat(scopes.get(4).scopeId()).isEqualTo("file");
        assertThat(facts.names()).filteredOn(n -> n.name().equals("Base")).extracting(NameRow::scopeId)
                .containsExactly(scopes.get(4).id());
    }
}
