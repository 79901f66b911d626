package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AnnAssign;
import io.codeanatomy.python.syntax.ast.AsyncFor;
import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.Await;
import io.codeanatomy.python.syntax.ast.Break;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.Continue;
import io.codeanatomy.python.syntax.ast.DictComp;
import io.codeanatomy.python.syntax.ast.Expr;
import io.codeanatomy.python.syntax.ast.For;
import io.codeanatomy.python.syntax.ast.GeneratorExp;
import io.codeanatomy.python.syntax.ast.ImportFrom;
import io.codeanatomy.python.syntax.ast.ListComp;
import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.Module;
import io.codeanatomy.python.syntax.ast.NamedExpr;
import io.codeanatomy.python.syntax.ast.Return;
import io.codeanatomy.python.syntax.ast.SetComp;
import io.codeanatomy.python.syntax.ast.While;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.alias;
import io.codeanatomy.python.syntax.ast.comprehension;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code py_semantic_errors_v1}: the errors CPython 3.11's {@code compile()} raises after
 * {@code ast.parse} accepted the code, that need source order or syntax facts (the relational one,
 * {@code nonlocal x} with no binding, is the scope analysis's). Each is placed where CPython places
 * it and ordered as CPython meets it ({@link SemanticErrorRow#cpythonOrder}): the walk visits in the
 * symbol table's order, which is also the compiler's for the errors checked here. A file with
 * syntax errors gets none: CPython stops at the first syntax error.
 *
 * <p>Symbol flags follow {@code Python/symtable.c}: a name used ({@code USE}), bound
 * ({@code DEF_LOCAL}), annotated ({@code DEF_ANNOT}), a parameter, declared global or nonlocal.
 */
final class SemanticErrorCollector implements FactCollector {
    private static final int USE = 1;
    private static final int DEF_LOCAL = 2;
    private static final int DEF_PARAM = 4;
    private static final int DEF_ANNOT = 8;
    private static final int DEF_GLOBAL = 16;
    private static final int DEF_NONLOCAL = 32;
    private static final int DEF_COMP_ITER = 64;
    /** The future features CPython 3.11 knows ({@code Lib/__future__.py}). */
    private static final Set<String> FEATURES = Set.of("nested_scopes", "generators", "division",
            "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
            "generator_stop", "annotations");

    /** One file's state: the collector is shared by every file of a worker, so it restarts per module. */
    private Module module;
    private boolean futureAnnotations;
    private Set<stmt> leadingFutures = Set.of();
    /** Late future imports future.c itself refuses: those on the line of the statement that ended the block. */
    private Set<stmt> lateOnSameLine = Set.of();
    private final Map<Scope, ScopeState> scopes = new IdentityHashMap<>();
    private final Set<Long> spans = new HashSet<>();
    private long seq;
    private int scopeCount;
    private AnnAssign annAssign;
    /** The spans of the comprehension iterables met so far, as {bstart, bend}. */
    private final List<int[]> iterables = new ArrayList<>();

    private static final class ScopeState {
        final int preorder;
        final long entrySeq;
        final Map<String, Integer> flags = new LinkedHashMap<>();
        final Map<String, Located> directives = new LinkedHashMap<>();
        final List<long[]> loopBodies = new ArrayList<>();
        final List<Return> returnsWithValue = new ArrayList<>();
        final List<Long> returnSeqs = new ArrayList<>();
        boolean generator;
        boolean coroutine;

        ScopeState(int preorder, long entrySeq) {
            this.preorder = preorder;
            this.entrySeq = entrySeq;
        }

        int flags(String symbol) {
            return flags.getOrDefault(symbol, 0);
        }

        void add(String symbol, int flag) {
            flags.merge(symbol, flag, (a, b) -> a | b);
        }

        int index(String symbol) {
            int i = 0;
            for (String s : flags.keySet()) {
                if (s.equals(symbol)) {
                    return i;
                }
                i++;
            }
            return i;
        }
    }

    private ScopeState state(Scope scope, WalkContext context) {
        Scope top = scope.module();
        if (top.node() != module) {
            start((Module) top.node());
        }
        return scopes.computeIfAbsent(scope, s -> new ScopeState(scopeCount++, seq));
    }

    private void start(Module m) {
        module = m;
        scopes.clear();
        spans.clear();
        seq = 0;
        scopeCount = 0;
        annAssign = null;
        iterables.clear();
        futureAnnotations = false;
        Set<stmt> leading = new HashSet<>();
        Set<stmt> late = new HashSet<>();
        List<stmt> body = m.body();
        // future.c: an optional docstring, then the __future__ imports; anything else ends them, and
        // future.c reads on to the end of that statement's line (later lines are the compiler's).
        boolean done = false;
        int previousLine = 0;
        for (int i = 0; i < body.size(); i++) {
            stmt s = body.get(i);
            int line = ((Located) s).lineno();
            if (done && line > previousLine) {
                break;
            }
            previousLine = line;
            if (s instanceof ImportFrom f && isFuture(f)) {
                if (done) {
                    late.add(s);
                    break;
                }
                leading.add(s);
                futureAnnotations |= f.names().stream().anyMatch(a -> a.name().equals("annotations"));
            } else if (!(i == 0 && s instanceof Expr e && e.value() instanceof Constant c && c.value() instanceof String)) {
                done = true;
            }
        }
        leadingFutures = leading;
        lateOnSameLine = late;
    }

    private static boolean isFuture(ImportFrom f) {
        return "__future__".equals(f.module()) && f.level() == 0;
    }

    @Override
    public void statement(stmt s, WalkContext context) {
        if (context.recovered()) {
            return;
        }
        Scope scope = context.scope();
        ScopeState state = state(scope, context);
        seq++;
        if (s instanceof AnnAssign a) {
            annAssign = a;
        } else if (s instanceof ImportFrom f) {
            importFrom(f, scope, context);
        } else if (s instanceof Return r) {
            if (scope.kind() == ScopeKind.MODULE || scope.kind() == ScopeKind.CLASS) {
                error(context, SemanticStage.COMPILER, seq, r, "'return' outside function");
            } else if (r.value() != null && scope.node() instanceof AsyncFunctionDef) {
                state.returnsWithValue.add(r);
                state.returnSeqs.add(seq);
            }
        } else if (s instanceof Break || s instanceof Continue) {
            Located l = (Located) s;
            boolean inLoop = state.loopBodies.stream().anyMatch(b -> b[0] <= l.bstart() && l.bend() <= b[1]);
            if (!inLoop) {
                error(context, SemanticStage.COMPILER, seq, l,
                        s instanceof Break ? "'break' outside loop" : "'continue' not properly in loop");
            }
        } else if (s instanceof For f) {
            loop(state, f.body());
        } else if (s instanceof AsyncFor f) {
            loop(state, f.body());
        } else if (s instanceof While w) {
            loop(state, w.body());
        }
    }

    /** A loop's body, not its {@code else}, is where {@code break} and {@code continue} belong. */
    private static void loop(ScopeState state, List<stmt> body) {
        if (!body.isEmpty()) {
            state.loopBodies.add(new long[] {((Located) body.get(0)).bstart(), ((Located) body.get(body.size() - 1)).bend()});
        }
    }

    private void importFrom(ImportFrom f, Scope scope, WalkContext context) {
        if (isFuture(f)) {
            if (leadingFutures.contains(f)) {
                for (alias a : f.names()) {
                    if (a.name().equals("braces")) {
                        error(context, SemanticStage.FUTURE, seq, f, "not a chance");
                    } else if (!FEATURES.contains(a.name())) {
                        error(context, SemanticStage.FUTURE, seq, f, "future feature " + a.name() + " is not defined");
                    }
                }
            } else if (lateOnSameLine.contains(f)) {
                // future.c places it at the statement's 0-based column.
                error(context, SemanticStage.FUTURE, seq, f, f.col_offset(),
                        "from __future__ imports must occur at the beginning of the file");
            } else {
                error(context, SemanticStage.COMPILER, seq, f, "from __future__ imports must occur at the beginning of the file");
            }
        }
        if (scope.kind() != ScopeKind.MODULE) {
            for (alias a : f.names()) {
                if (a.name().equals("*")) {
                    error(context, SemanticStage.SYMTABLE, seq, a, "import * only allowed at module level");
                }
            }
        }
    }

    @Override
    public void expression(expr e, WalkContext context) {
        if (context.recovered()) {
            return;
        }
        Scope scope = context.scope();
        ScopeState state = state(scope, context);
        seq++;
        if (e instanceof ListComp || e instanceof SetComp || e instanceof DictComp || e instanceof GeneratorExp) {
            List<comprehension> generators = ComprehensionKind.of(e).generators(e);
            for (comprehension g : generators) {
                Located iter = (Located) g.iter();
                iterables.add(new int[] {iter.bstart(), iter.bend()});
            }
        } else if (e instanceof NamedExpr n) {
            // symtable.c's ste_comp_iter_expr: a scope entered inside an iterable (a lambda, a
            // comprehension) inherits it, so any := inside the iterable's span is refused.
            for (int[] iter : iterables) {
                if (iter[0] <= n.bstart() && n.bend() <= iter[1]) {
                    error(context, SemanticStage.SYMTABLE, seq, n,
                            "assignment expression cannot be used in a comprehension iterable expression");
                    break;
                }
            }
        } else if (e instanceof Yield || e instanceof YieldFrom) {
            if (futureAnnotations && context.inAnnotation()) {
                return;
            }
            switch (scope.kind()) {
                case COMPREHENSION -> error(context, SemanticStage.SYMTABLE, seq, (Located) e,
                        "'yield' inside " + comprehensionName((expr) scope.node()));
                case MODULE, CLASS -> error(context, SemanticStage.COMPILER, seq, (Located) e, "'yield' outside function");
                default -> state.generator = true;
            }
        } else if (e instanceof Await a) {
            if (futureAnnotations && context.inAnnotation()) {
                return;
            }
            switch (scope.kind()) {
                case COMPREHENSION -> state.coroutine = true;
                case MODULE, CLASS -> error(context, SemanticStage.COMPILER, seq, a, "'await' outside function");
                case LAMBDA -> error(context, SemanticStage.COMPILER, seq, a, "'await' outside async function");
                case FUNCTION -> {
                    if (!(scope.node() instanceof AsyncFunctionDef)) {
                        error(context, SemanticStage.COMPILER, seq, a, "'await' outside async function");
                    }
                }
            }
        }
    }

    private static String comprehensionName(expr node) {
        if (node instanceof ListComp) {
            return "list comprehension";
        } else if (node instanceof SetComp) {
            return "set comprehension";
        } else if (node instanceof DictComp) {
            return "dict comprehension";
        }
        return "generator expression";
    }

    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (context.recovered()) {
            return;
        }
        seq++;
        ScopeState state = state(scope, context);
        if (scope.kind() == ScopeKind.COMPREHENSION) {
            for (comprehension g : ComprehensionKind.of((expr) scope.node()).generators((expr) scope.node())) {
                state.coroutine |= g.is_async() != 0;
            }
        }
    }

    @Override
    public void scopeExited(Scope scope, WalkContext context) {
        if (context.recovered()) {
            return;
        }
        ScopeState state = state(scope, context);
        if (state.generator) {
            for (int i = 0; i < state.returnsWithValue.size(); i++) {
                error(context, SemanticStage.COMPILER, state.returnSeqs.get(i), state.returnsWithValue.get(i),
                        "'return' with value in async generator");
            }
        }
        if (scope.kind() == ScopeKind.COMPREHENSION && state.coroutine && !(scope.node() instanceof GeneratorExp)) {
            Scope outer = scope.parent();
            boolean allowed = outer.kind() == ScopeKind.COMPREHENSION
                    || (outer.kind() == ScopeKind.FUNCTION && outer.node() instanceof AsyncFunctionDef);
            if (!allowed) {
                error(context, SemanticStage.COMPILER, state.entrySeq, (Located) scope.node(),
                        "asynchronous comprehension outside of an asynchronous function");
            }
        }
    }

    @Override
    public void name(NameOccurrence n, WalkContext context) {
        if (context.recovered()) {
            return;
        }
        Scope scope = n.scope();
        ScopeState state = state(scope, context);
        seq++;
        String symbol = n.symbol();
        int cur = state.flags(symbol);
        switch (n.introducedBy()) {
            case PARAMETER -> {
                if ((cur & DEF_PARAM) != 0) {
                    error(context, SemanticStage.SYMTABLE, seq, (Located) n.node(),
                            "duplicate argument '" + n.name() + "' in function definition");
                }
                state.add(symbol, DEF_PARAM);
            }
            case GLOBAL, NONLOCAL -> declaration(n, state, cur, context);
            case ANN_ASSIGNMENT -> {
                if (n.ctx() == NameContext.STORE && annAssign != null && annAssign.target() == n.node()) {
                    if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && scope.kind() != ScopeKind.MODULE) {
                        error(context, SemanticStage.SYMTABLE, seq, annAssign, "annotated name '" + n.name() + "' can't be "
                                + ((cur & DEF_GLOBAL) != 0 ? "global" : "nonlocal"));
                    }
                    state.add(symbol, DEF_ANNOT | DEF_LOCAL);
                } else {
                    flag(n, state);
                }
            }
            case WALRUS -> {
                walrus(n, context);
                state.add(symbol, DEF_LOCAL);
            }
            case COMPREHENSION_TARGET -> state.add(symbol, DEF_LOCAL | DEF_COMP_ITER);
            default -> flag(n, state);
        }
    }

    private void flag(NameOccurrence n, ScopeState state) {
        if (futureAnnotations && n.inAnnotation()) {
            return;
        }
        switch (n.ctx()) {
            case LOAD -> state.add(n.symbol(), USE);
            case STORE, DEL -> {
                if (n.introducedBy() != NameIntroducer.IMPORT) {
                    state.add(n.symbol(), DEF_LOCAL);
                }
            }
            default -> {
            }
        }
    }

    /** symtable.c's Global and Nonlocal statements, then the analysis's checks of the two together. */
    private void declaration(NameOccurrence n, ScopeState state, int cur, WalkContext context) {
        boolean global = n.introducedBy() == NameIntroducer.GLOBAL;
        Located stmt = (Located) n.node();
        String kind = global ? "global" : "nonlocal";
        if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
            String message;
            if ((cur & DEF_PARAM) != 0) {
                message = "name '" + n.name() + "' is parameter and " + kind;
            } else if ((cur & USE) != 0) {
                message = "name '" + n.name() + "' is used prior to " + kind + " declaration";
            } else if ((cur & DEF_ANNOT) != 0) {
                message = "annotated name '" + n.name() + "' can't be " + kind;
            } else {
                message = "name '" + n.name() + "' is assigned to before " + kind + " declaration";
            }
            error(context, SemanticStage.SYMTABLE, seq, stmt, message);
        }
        state.add(n.symbol(), global ? DEF_GLOBAL : DEF_NONLOCAL);
        state.directives.putIfAbsent(n.symbol(), stmt);
        int now = state.flags(n.symbol());
        // The analysis meets a scope's symbols in the order they were first entered, scopes in preorder.
        long order = ((long) state.preorder << 24) | state.index(n.symbol());
        Located first = state.directives.get(n.symbol());
        if ((now & DEF_GLOBAL) != 0 && (now & DEF_NONLOCAL) != 0 && (cur & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
            error(context, SemanticStage.SYMTABLE_ANALYSIS, order, first, "name '" + n.name() + "' is nonlocal and global");
        } else if (!global && n.scope().kind() == ScopeKind.MODULE) {
            error(context, SemanticStage.SYMTABLE_ANALYSIS, order, first, "nonlocal declaration not allowed at module level");
        }
    }

    /** symtable.c's symtable_extend_namedexpr_scope: up through the comprehensions to the binding scope. */
    private void walrus(NameOccurrence n, WalkContext context) {
        for (Scope s = n.scope(); s != null; s = s.parent()) {
            if (s.kind() != ScopeKind.COMPREHENSION) {
                if (s.kind() == ScopeKind.CLASS) {
                    error(context, SemanticStage.SYMTABLE, seq, (Located) n.node(),
                            "assignment expression within a comprehension cannot be used in a class body");
                }
                return;
            }
            if ((state(s, context).flags(n.symbol()) & DEF_COMP_ITER) != 0) {
                error(context, SemanticStage.SYMTABLE, seq, (Located) n.node(),
                        "assignment expression cannot rebind comprehension iteration variable '" + n.name() + "'");
                return;
            }
        }
    }

    /** One row per span: the first error CPython meets there (a second on the same span is left out). */
    private void error(WalkContext context, SemanticStage stage, long order, Located at, String message) {
        error(context, stage, order, at, at.col_offset() + 1, message);
    }

    private void error(WalkContext context, SemanticStage stage, long order, Located at, int column, String message) {
        long key = ((long) at.bstart() << 32) | at.bend();
        if (!spans.add(key)) {
            return;
        }
        context.emit(new SemanticErrorRow(context.id(IdKinds.SEMANTIC_ERROR, at.bstart(), at.bend()), at.bstart(), at.bend(),
                at.lineno(), column, message, stage, ((long) stage.ordinal() << 56) | order));
    }
}
