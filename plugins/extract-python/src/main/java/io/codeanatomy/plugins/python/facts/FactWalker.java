package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.ast.AnnAssign;
import io.codeanatomy.python.syntax.ast.Assert;
import io.codeanatomy.python.syntax.ast.Assign;
import io.codeanatomy.python.syntax.ast.AsyncFor;
import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.AsyncWith;
import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.AugAssign;
import io.codeanatomy.python.syntax.ast.Await;
import io.codeanatomy.python.syntax.ast.BinOp;
import io.codeanatomy.python.syntax.ast.BoolOp;
import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.ClassDef;
import io.codeanatomy.python.syntax.ast.Compare;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.Delete;
import io.codeanatomy.python.syntax.ast.Dict;
import io.codeanatomy.python.syntax.ast.DictComp;
import io.codeanatomy.python.syntax.ast.ExceptHandler;
import io.codeanatomy.python.syntax.ast.Expr;
import io.codeanatomy.python.syntax.ast.For;
import io.codeanatomy.python.syntax.ast.FormattedValue;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.GeneratorExp;
import io.codeanatomy.python.syntax.ast.Global;
import io.codeanatomy.python.syntax.ast.If;
import io.codeanatomy.python.syntax.ast.IfExp;
import io.codeanatomy.python.syntax.ast.Import;
import io.codeanatomy.python.syntax.ast.ImportFrom;
import io.codeanatomy.python.syntax.ast.Interpolation;
import io.codeanatomy.python.syntax.ast.JoinedStr;
import io.codeanatomy.python.syntax.ast.Lambda;
import io.codeanatomy.python.syntax.ast.ListComp;
import io.codeanatomy.python.syntax.ast.Match;
import io.codeanatomy.python.syntax.ast.MatchAs;
import io.codeanatomy.python.syntax.ast.MatchClass;
import io.codeanatomy.python.syntax.ast.MatchMapping;
import io.codeanatomy.python.syntax.ast.MatchOr;
import io.codeanatomy.python.syntax.ast.MatchSequence;
import io.codeanatomy.python.syntax.ast.MatchStar;
import io.codeanatomy.python.syntax.ast.MatchValue;
import io.codeanatomy.python.syntax.ast.Module;
import io.codeanatomy.python.syntax.ast.Node;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.NamedExpr;
import io.codeanatomy.python.syntax.ast.Nonlocal;
import io.codeanatomy.python.syntax.ast.ParamSpec;
import io.codeanatomy.python.syntax.ast.Raise;
import io.codeanatomy.python.syntax.ast.Return;
import io.codeanatomy.python.syntax.ast.SetComp;
import io.codeanatomy.python.syntax.ast.Slice;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Subscript;
import io.codeanatomy.python.syntax.ast.TemplateStr;
import io.codeanatomy.python.syntax.ast.Try;
import io.codeanatomy.python.syntax.ast.TryStar;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.TypeAlias;
import io.codeanatomy.python.syntax.ast.TypeVar;
import io.codeanatomy.python.syntax.ast.TypeVarTuple;
import io.codeanatomy.python.syntax.ast.UnaryOp;
import io.codeanatomy.python.syntax.ast.While;
import io.codeanatomy.python.syntax.ast.With;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.alias;
import io.codeanatomy.python.syntax.ast.arg;
import io.codeanatomy.python.syntax.ast.arguments;
import io.codeanatomy.python.syntax.ast.comprehension;
import io.codeanatomy.python.syntax.ast.excepthandler;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.expr_context;
import io.codeanatomy.python.syntax.ast.keyword;
import io.codeanatomy.python.syntax.ast.match_case;
import io.codeanatomy.python.syntax.ast.pattern;
import io.codeanatomy.python.syntax.ast.stmt;
import io.codeanatomy.python.syntax.ast.type_param;
import io.codeanatomy.python.syntax.ast.withitem;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one module's tree once and tells the {@link FactCollector}s what it meets, visiting every
 * node in the scope that CPython 3.11's symbol table visits it in ({@code Python/symtable.c}): a
 * function's defaults, annotations and decorators and a class's bases, keywords and decorators in
 * the enclosing scope; a comprehension's first iterable in the enclosing scope and the rest in the
 * comprehension's own scope; parameters, bodies and the remaining generators inside. The
 * {@link ScopeTracker} keeps the scope chain; collectors turn events into rows.
 *
 * <p>Names follow the symbol table too: every {@code Name}, parameter, def and class name,
 * import binding, {@code global}/{@code nonlocal} name, except-clause name and match capture.
 * Exceptions, as CPython records them: {@code (x): int} without a value binds nothing;
 * {@code import *} binds no name. PEP 695 syntax (3.12+) opens the scopes CPython 3.12/3.13 open
 * for it: a generic function's or class's type parameters, annotations (a function's) or bases and
 * keywords (a class's) in a type-parameter scope around the definition's own; a type alias's value
 * in a scope of its own, inside a type-parameter scope when it is generic; a type variable's bound
 * or default in a scope of its own.
 */
final class FactWalker {
    /** Thrown when a tree nests deeper than the walker's limit. */
    static final class TooDeepException extends RuntimeException {
        TooDeepException(int limit) {
            super("the syntax tree nests more than " + limit + " levels deep", null, false, false);
        }
    }

    private final SourceScanner scanner;
    private final WalkContext context;
    private final ScopeTracker scopes;
    private final CollectorEvents collectors;
    private final int maxDepth;
    private final PythonVersion version;
    private int depth;

    /**
     * @param collectors the fact families to collect, each told the events it implements, in order
     * @param maxDepth   how deep statements, expressions and patterns may nest; deeper trees throw
     *                   {@link TooDeepException} (CPython's own symbol table gives up at about 3000)
     */
    FactWalker(byte[] source, StableIds ids, FileFacts out, String fileId, Module module, boolean recovered,
               CollectorEvents collectors, int maxDepth, PythonVersion version) {
        this.scanner = new SourceScanner(source);
        this.context = new WalkContext(ids, scanner, out, recovered, Scope.module(fileId, module));
        this.collectors = requireNonNull(collectors, "collectors is null");
        this.scopes = new ScopeTracker(context, this.collectors.scope);
        this.maxDepth = maxDepth;
        this.version = requireNonNull(version, "version is null");
    }

    void walk() {
        stmts(((Module) context.scope().node()).body());
    }

    // ---- statements

    private void stmts(List<stmt> body) {
        for (stmt s : body) {
            stmt(s);
        }
    }

    private void stmt(stmt s) {
        enter();
        for (FactCollector c : collectors.statement) {
            c.statement(s, context);
        }
        stmtBody(s);
        depth--;
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new TooDeepException(maxDepth);
        }
    }

    private void stmtBody(stmt s) {
        if (s instanceof Expr e) {
            expr(e.value());
        } else if (s instanceof Assign a) {
            for (expr target : a.targets()) {
                expr(target, NameIntroducer.ASSIGNMENT);
            }
            expr(a.value());
        } else if (s instanceof If i) {
            expr(i.test());
            stmts(i.body());
            stmts(i.orelse());
        } else if (s instanceof Return r) {
            optional(r.value());
        } else if (s instanceof FunctionDef f) {
            function(f, f.name(), f.args(), f.body(), f.decorator_list(), f.returns(), f.type_params(), false);
        } else if (s instanceof AsyncFunctionDef f) {
            function(f, f.name(), f.args(), f.body(), f.decorator_list(), f.returns(), f.type_params(), true);
        } else if (s instanceof ClassDef c) {
            classDef(c);
        } else if (s instanceof For f) {
            expr(f.target(), NameIntroducer.FOR_TARGET);
            expr(f.iter());
            stmts(f.body());
            stmts(f.orelse());
        } else if (s instanceof AsyncFor f) {
            expr(f.target(), NameIntroducer.FOR_TARGET);
            expr(f.iter());
            stmts(f.body());
            stmts(f.orelse());
        } else if (s instanceof While w) {
            expr(w.test());
            stmts(w.body());
            stmts(w.orelse());
        } else if (s instanceof With w) {
            withItems(w.items());
            stmts(w.body());
        } else if (s instanceof AsyncWith w) {
            withItems(w.items());
            stmts(w.body());
        } else if (s instanceof AugAssign a) {
            expr(a.target(), NameIntroducer.AUG_ASSIGNMENT);
            expr(a.value());
        } else if (s instanceof AnnAssign a) {
            annAssign(a);
        } else if (s instanceof Import i) {
            for (alias a : i.names()) {
                importAlias(a, false);
            }
        } else if (s instanceof ImportFrom i) {
            for (alias a : i.names()) {
                importAlias(a, true);
            }
        } else if (s instanceof Try t) {
            tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
        } else if (s instanceof TryStar t) {
            tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
        } else if (s instanceof Raise r) {
            optional(r.exc());
            optional(r.cause());
        } else if (s instanceof Delete d) {
            for (expr target : d.targets()) {
                expr(target, NameIntroducer.DEL);
            }
        } else if (s instanceof Assert a) {
            expr(a.test());
            optional(a.msg());
        } else if (s instanceof Global g) {
            scopeDecl(s, g.names(), ScopeDeclKind.GLOBAL);
        } else if (s instanceof Nonlocal n) {
            scopeDecl(s, n.names(), ScopeDeclKind.NONLOCAL);
        } else if (s instanceof Match m) {
            expr(m.subject());
            for (match_case c : m.cases()) {
                pattern(c.pattern());
                optional(c.guard());
                stmts(c.body());
            }
        } else if (s instanceof TypeAlias t) {
            typeAlias(t);
        }
        // Pass, Break and Continue hold nothing.
    }

    private void function(stmt s, String name, arguments args, List<stmt> body, List<expr> decorators,
                          expr returns, List<type_param> typeParams, boolean async) {
        String defId = context.id(IdKinds.DEF, s.bstart(), s.bend());
        int nameStart = scanner.skipKeyword(async ? scanner.skipKeyword(s.bstart(), "async") : s.bstart(), "def");
        int nameEnd = scanner.identifierEnd(nameStart);
        String qualname = scopes.childQualname(name, true);
        name(nameStart, nameEnd, name, NameContext.STORE, NameIntroducer.DEF_NAME, null, defId, s);
        defaults(args);
        boolean generic = !typeParams.isEmpty();
        if (generic) {
            // CPython 3.12+: decorators outside, annotations inside the type-parameter scope.
            exprs(decorators);
            enterTypeParameters(s, name, null);
            typeParams(typeParams);
            annotations(args, returns);
        } else {
            annotations(args, returns);
            exprs(decorators);
        }
        scopes.enterDefinition(defId, ScopeKind.FUNCTION, s, name, qualname, nameStart, nameEnd,
                Parameter.of(args, context));
        params();
        stmts(body);
        scopes.exit();
        if (generic) {
            scopes.exit();
        }
    }

    private void classDef(ClassDef c) {
        String defId = context.id(IdKinds.DEF, c.bstart(), c.bend());
        int nameStart = scanner.skipKeyword(c.bstart(), "class");
        int nameEnd = scanner.identifierEnd(nameStart);
        String qualname = scopes.childQualname(c.name(), true);
        name(nameStart, nameEnd, c.name(), NameContext.STORE, NameIntroducer.CLASS_NAME, null, defId, c);
        boolean generic = !c.type_params().isEmpty();
        if (generic) {
            // CPython 3.12+: decorators outside, bases and keywords inside the type-parameter scope.
            exprs(c.decorator_list());
            enterTypeParameters(c, c.name(), c.name());
            typeParams(c.type_params());
            exprs(c.bases());
            keywords(c.keywords());
        } else {
            exprs(c.bases());
            keywords(c.keywords());
            exprs(c.decorator_list());
        }
        scopes.enterDefinition(defId, ScopeKind.CLASS, c, c.name(), qualname, nameStart, nameEnd, List.of());
        stmts(c.body());
        scopes.exit();
        if (generic) {
            scopes.exit();
        }
    }

    /**
     * {@code type X[T] = value}: the name binds in the current scope; the value is evaluated lazily
     * in a scope of its own (CPython 3.12+), inside the type-parameter scope when the alias is
     * generic. Both see the class's names when the statement is in a class body.
     */
    private void typeAlias(TypeAlias t) {
        expr(t.name(), NameIntroducer.TYPE_ALIAS);
        String name = t.name() instanceof Name n ? n.id() : "";
        boolean inClass = scopes.current().kind() == ScopeKind.CLASS;
        boolean generic = !t.type_params().isEmpty();
        if (generic) {
            enterTypeParameters(t, name, null);
            typeParams(t.type_params());
        }
        scopes.enterTypeScope(context.id(IdKinds.TYPE_SCOPE_PREFIX + ScopeKind.TYPE_ALIAS, t.bstart(), t.bend()),
                ScopeKind.TYPE_ALIAS, t, name, t.bstart(), t.bend(), null, inClass);
        expr(t.value());
        scopes.exit();
        if (generic) {
            scopes.exit();
        }
    }

    /** Enters the type-parameter scope of {@code s}, a generic def, class ({@code privateClass}: its name) or alias. */
    private void enterTypeParameters(stmt s, String name, String privateClass) {
        scopes.enterTypeScope(context.id(IdKinds.TYPE_SCOPE_PREFIX + ScopeKind.TYPE_PARAMETERS, s.bstart(), s.bend()),
                ScopeKind.TYPE_PARAMETERS, s, name, s.bstart(), s.bend(), privateClass,
                scopes.current().kind() == ScopeKind.CLASS);
    }

    private void annAssign(AnnAssign a) {
        if (a.target() instanceof Name n) {
            // A simple target, x: int [= 1], is annotated and local (DEF_ANNOT | DEF_LOCAL); CPython
            // binds a parenthesized one only when a value is assigned, as a plain assignment (DEF_LOCAL).
            // The node is announced either way: it is an expression of the tree.
            announce(n);
            if (a.simple() != 0 || a.value() != null) {
                name(n.bstart(), n.bend(), n.id(), NameContext.STORE,
                        a.simple() != 0 ? NameIntroducer.ANN_ASSIGNMENT : NameIntroducer.ASSIGNMENT, null, null, n);
            }
        } else {
            expr(a.target(), NameIntroducer.ANN_ASSIGNMENT);
        }
        annotation(a.annotation());
        optional(a.value());
    }

    private void withItems(List<withitem> items) {
        for (withitem item : items) {
            expr(item.context_expr());
            if (item.optional_vars() != null) {
                expr(item.optional_vars(), NameIntroducer.WITH_AS);
            }
        }
    }

    private void tryStmt(List<stmt> body, List<excepthandler> handlers, List<stmt> orelse, List<stmt> finalbody) {
        stmts(body);
        for (excepthandler h : handlers) {
            ExceptHandler handler = (ExceptHandler) h;
            optional(handler.type());
            if (handler.name() != null) {
                int afterType = handler.type() != null ? handler.type().bend() : handler.bstart();
                int start = scanner.skipKeyword(scanner.skipTriviaAnd(afterType, ")"), "as");
                name(start, scanner.identifierEnd(start), handler.name(), NameContext.STORE,
                        NameIntroducer.EXCEPT_AS, null, null, handler);
            }
            stmts(handler.body());
        }
        stmts(orelse);
        stmts(finalbody);
    }

    private void importAlias(alias a, boolean isFrom) {
        String bound = boundName(a, isFrom);
        if (bound == null) {
            return;
        }
        int start;
        int end;
        if (a.asname() != null) {
            end = scanner.clamp(a.bend());
            start = scanner.identifierStart(end);
        } else {
            start = scanner.clamp(a.bstart());
            end = scanner.identifierEnd(start);
        }
        name(start, end, bound, NameContext.STORE, NameIntroducer.IMPORT, null,
                context.id(IdKinds.IMPORT, a.bstart(), a.bend()), a);
    }

    /**
     * The name an import alias binds: its {@code as} name, else a plain import's first component
     * ({@code import a.b} binds {@code a}), else the imported name; null for {@code *}.
     */
    static String boundName(alias a, boolean isFrom) {
        if (a.asname() != null) {
            return a.asname();
        }
        if (isFrom) {
            return a.name().equals("*") ? null : a.name();
        }
        int dot = a.name().indexOf('.');
        return dot < 0 ? a.name() : a.name().substring(0, dot);
    }

    private void scopeDecl(stmt s, List<String> names, ScopeDeclKind kind) {
        int p = scanner.skipKeyword(s.bstart(), kind == ScopeDeclKind.GLOBAL ? "global" : "nonlocal");
        NameIntroducer introducer = kind == ScopeDeclKind.GLOBAL ? NameIntroducer.GLOBAL : NameIntroducer.NONLOCAL;
        for (String n : names) {
            int start = scanner.skipTriviaAnd(p, ",");
            int end = scanner.identifierEnd(start);
            String declId = context.id(IdKinds.SCOPE_DECL, start, end);
            String binding = kind == ScopeDeclKind.GLOBAL ? scopes.globalBindingScopeId() : null;
            name(start, end, n, NameContext.DECLARE, introducer, binding, declId, s);
            if (kind == ScopeDeclKind.GLOBAL) {
                scopes.declareGlobal(n);
            }
            p = end;
        }
    }

    // ---- definitions' parts

    private void defaults(arguments args) {
        exprs(args.defaults());
        for (expr d : args.kw_defaults()) {
            optional(d);
        }
    }

    private void annotations(arguments args, expr returns) {
        argAnnotations(args.posonlyargs());
        argAnnotations(args.args());
        if (args.vararg() != null) {
            optionalAnnotation(args.vararg().annotation());
        }
        argAnnotations(args.kwonlyargs());
        if (args.kwarg() != null) {
            optionalAnnotation(args.kwarg().annotation());
        }
        optionalAnnotation(returns);
    }

    private void argAnnotations(List<arg> list) {
        for (arg a : list) {
            optionalAnnotation(a.annotation());
        }
    }

    private void optionalAnnotation(expr e) {
        if (e != null) {
            annotation(e);
        }
    }

    private void annotation(expr e) {
        scopes.beginAnnotation();
        expr(e);
        scopes.endAnnotation();
    }

    /** The names of the parameters of the function or lambda just entered. */
    private void params() {
        for (Parameter p : scopes.current().parameters()) {
            arg a = p.arg();
            int start = scanner.clamp(a.bstart());
            name(start, scanner.identifierEnd(start), a.arg(), NameContext.STORE, NameIntroducer.PARAMETER, null,
                    p.id(), a);
        }
    }

    /**
     * The type parameters of the type-parameter scope just entered: each name binds there (in a
     * generic class's, mangled with the class's name), and each bound or constraints and (3.13+)
     * default is evaluated in a type-variable scope of its own, named after the parameter. CPython
     * 3.12 gives that scope the parameter's line, 3.13 the expression's; so does its span here.
     */
    private void typeParams(List<type_param> typeParams) {
        for (type_param t : typeParams) {
            int start = scanner.skipTriviaAnd(t.bstart(), "*");
            String name;
            expr bound = null;
            expr defaultValue;
            if (t instanceof TypeVar v) {
                name = v.name();
                bound = v.bound();
                defaultValue = v.default_value();
            } else if (t instanceof ParamSpec p) {
                name = p.name();
                defaultValue = p.default_value();
            } else {
                TypeVarTuple v = (TypeVarTuple) t;
                name = v.name();
                defaultValue = v.default_value();
            }
            scopes.current().declareTypeParameter(name);
            name(start, scanner.identifierEnd(start), name, NameContext.STORE, NameIntroducer.TYPE_PARAM, null, null, t);
            typeVariable(t, name, bound);
            typeVariable(t, name, defaultValue);
        }
    }

    private void typeVariable(type_param t, String name, expr value) {
        if (value == null) {
            return;
        }
        boolean py313 = version.atLeast(PythonVersion.PY313);
        int bstart = py313 ? value.bstart() : t.bstart();
        int bend = py313 ? value.bend() : t.bend();
        // Keyed by the expression: a bound and a default of one parameter are two scopes.
        scopes.enterTypeScope(context.id(IdKinds.TYPE_SCOPE_PREFIX + ScopeKind.TYPE_VARIABLE, value.bstart(), value.bend()),
                ScopeKind.TYPE_VARIABLE, value, name, bstart, bend, null, scopes.current().seesClass());
        expr(value);
        scopes.exit();
    }

    // ---- expressions

    private void optional(expr e) {
        if (e != null) {
            expr(e);
        }
    }

    private void exprs(List<expr> list) {
        for (expr e : list) {
            expr(e);
        }
    }

    private void expr(expr e) {
        expr(e, NameIntroducer.REFERENCE);
    }

    /** Visits {@code e}; {@code store} says what introduces the names it stores or deletes. */
    private void expr(expr e, NameIntroducer store) {
        enter();
        announce(e);
        exprBody(e, store);
        depth--;
    }

    private void announce(expr e) {
        for (FactCollector c : collectors.expression) {
            c.expression(e, context);
        }
    }

    private void exprBody(expr e, NameIntroducer store) {
        if (e instanceof Name n) {
            nameNode(n, store);
        } else if (e instanceof Attribute || e instanceof Call || e instanceof Subscript) {
            postfixChain(e);
        } else if (e instanceof Constant) {
            return;
        } else if (e instanceof BinOp b) {
            binOpChain(b);
        } else if (e instanceof Tuple t) {
            for (expr elt : t.elts()) {
                expr(elt, store);
            }
        } else if (e instanceof io.codeanatomy.python.syntax.ast.List l) {
            for (expr elt : l.elts()) {
                expr(elt, store);
            }
        } else if (e instanceof Starred s) {
            expr(s.value(), store);
        } else if (e instanceof Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof BoolOp b) {
            exprs(b.values());
        } else if (e instanceof UnaryOp u) {
            expr(u.operand());
        } else if (e instanceof JoinedStr j) {
            exprs(j.values());
        } else if (e instanceof FormattedValue f) {
            expr(f.value());
            optional(f.format_spec());
        } else if (e instanceof Dict d) {
            for (expr key : d.keys()) {
                optional(key);
            }
            exprs(d.values());
        } else if (e instanceof Lambda l) {
            lambda(l);
        } else if (e instanceof ListComp c) {
            comprehension(c, ComprehensionKind.LIST, c.elt(), null);
        } else if (e instanceof GeneratorExp c) {
            comprehension(c, ComprehensionKind.GENERATOR, c.elt(), null);
        } else if (e instanceof DictComp c) {
            comprehension(c, ComprehensionKind.DICT, c.key(), c.value());
        } else if (e instanceof SetComp c) {
            comprehension(c, ComprehensionKind.SET, c.elt(), null);
        } else if (e instanceof IfExp i) {
            expr(i.test());
            expr(i.body());
            expr(i.orelse());
        } else if (e instanceof io.codeanatomy.python.syntax.ast.Set s) {
            exprs(s.elts());
        } else if (e instanceof Slice s) {
            optional(s.lower());
            optional(s.upper());
            optional(s.step());
        } else if (e instanceof Await a) {
            expr(a.value());
        } else if (e instanceof Yield y) {
            optional(y.value());
        } else if (e instanceof YieldFrom y) {
            expr(y.value());
        } else if (e instanceof NamedExpr n) {
            namedExpr(n);
        } else if (e instanceof TemplateStr t) {
            exprs(t.values());
        } else if (e instanceof Interpolation i) {
            expr(i.value());
            optional(i.format_spec());
        }
    }

    private void nameNode(Name n, NameIntroducer store) {
        if (n.ctx() == expr_context.Load) {
            name(n.bstart(), n.bend(), n.id(), NameContext.LOAD, NameIntroducer.REFERENCE, null, null, n);
        } else if (n.ctx() == expr_context.Del) {
            name(n.bstart(), n.bend(), n.id(), NameContext.DEL, NameIntroducer.DEL, null, null, n);
        } else {
            NameIntroducer introducer = store == NameIntroducer.REFERENCE ? NameIntroducer.ASSIGNMENT : store;
            name(n.bstart(), n.bend(), n.id(), NameContext.STORE, introducer, null, null, n);
        }
    }

    private void namedExpr(NamedExpr n) {
        expr(n.value());
        if (n.target() instanceof Name t) {
            announce(t);
            name(t.bstart(), t.bend(), t.id(), NameContext.STORE, NameIntroducer.WALRUS,
                    scopes.walrusBindingScopeId(), null, t);
        } else {
            expr(n.target(), NameIntroducer.WALRUS);
        }
    }

    /**
     * Walks a chain of attributes, calls and subscripts ({@code a.b(c)[d].e()}) in a loop down to
     * its base, so that long generated chains do not recurse once per link. Every link is
     * announced; the first already was, by {@link #expr(expr, NameIntroducer)}.
     */
    private void postfixChain(expr e) {
        List<expr> operands = new ArrayList<>();
        expr x = e;
        while (true) {
            if (x != e && (x instanceof Attribute || x instanceof Subscript || x instanceof Call)) {
                announce(x);
            }
            if (x instanceof Attribute a) {
                x = a.value();
            } else if (x instanceof Subscript s) {
                operands.add(s.slice());
                x = s.value();
            } else if (x instanceof Call c) {
                operands.addAll(c.args());
                for (keyword k : c.keywords()) {
                    operands.add(k.value());
                }
                x = c.func();
            } else {
                break;
            }
        }
        expr(x);
        exprs(operands);
    }

    /** Walks a left-deep chain of binary operations ({@code a + b + c ...}) in a loop. */
    private void binOpChain(BinOp top) {
        List<expr> rights = new ArrayList<>();
        expr x = top;
        while (x instanceof BinOp b) {
            if (b != top) {
                announce(b);
            }
            rights.add(b.right());
            x = b.left();
        }
        expr(x);
        exprs(rights);
    }

    private void keywords(List<keyword> keywords) {
        for (keyword k : keywords) {
            expr(k.value());
        }
    }

    private void lambda(Lambda l) {
        String defId = context.id(IdKinds.DEF, l.bstart(), l.bend());
        String qualname = scopes.childQualname("<lambda>", false);
        defaults(l.args());
        scopes.enterDefinition(defId, ScopeKind.LAMBDA, l, "<lambda>", qualname, l.bstart(), l.bstart(),
                Parameter.of(l.args(), context));
        params();
        expr(l.body());
        scopes.exit();
    }

    private void comprehension(expr node, ComprehensionKind kind, expr elt, expr value) {
        List<comprehension> generators = kind.generators(node);
        String compId = context.id(IdKinds.COMPREHENSION, node.bstart(), node.bend());
        if (!generators.isEmpty()) {
            expr(generators.get(0).iter());
        }
        scopes.enterComprehension(compId, node, kind);
        for (int i = 0; i < generators.size(); i++) {
            comprehension g = generators.get(i);
            expr(g.target(), NameIntroducer.COMPREHENSION_TARGET);
            if (i > 0) {
                expr(g.iter());
            }
            exprs(g.ifs());
        }
        expr(elt);
        optional(value);
        scopes.exit();
    }

    // ---- patterns

    private void pattern(pattern p) {
        enter();
        for (FactCollector c : collectors.pattern) {
            c.pattern(p, context);
        }
        patternBody(p);
        depth--;
    }

    private void patternBody(pattern p) {
        if (p instanceof MatchValue v) {
            expr(v.value());
        } else if (p instanceof MatchAs a) {
            if (a.pattern() != null) {
                pattern(a.pattern());
            }
            if (a.name() != null) {
                capture(scanner.identifierStart(a.bend()), a.bend(), a.name(), p);
            }
        } else if (p instanceof MatchSequence s) {
            patterns(s.patterns());
        } else if (p instanceof MatchClass c) {
            expr(c.cls());
            patterns(c.patterns());
            patterns(c.kwd_patterns());
        } else if (p instanceof MatchMapping m) {
            exprs(m.keys());
            patterns(m.patterns());
            if (m.rest() != null) {
                int after = m.patterns().isEmpty() ? m.bstart() + 1 : m.patterns().get(m.patterns().size() - 1).bend();
                int start = scanner.skipTrivia(scanner.skipTriviaAnd(after, ",)*"));
                capture(start, scanner.identifierEnd(start), m.rest(), p);
            }
        } else if (p instanceof MatchStar s) {
            if (s.name() != null) {
                capture(scanner.identifierStart(s.bend()), s.bend(), s.name(), p);
            }
        } else if (p instanceof MatchOr o) {
            patterns(o.patterns());
        }
        // MatchSingleton holds no name.
    }

    private void patterns(List<pattern> patterns) {
        for (pattern p : patterns) {
            pattern(p);
        }
    }

    private void capture(int start, int end, String name, pattern p) {
        name(start, end, name, NameContext.STORE, NameIntroducer.MATCH_CAPTURE, null, null, p);
    }

    // ---- names

    private void name(int bstart, int bend, String name, NameContext ctx, NameIntroducer introducer,
                      String bindingScopeId, String introducedId, Node node) {
        NameOccurrence occurrence = new NameOccurrence(bstart, bend, name, scopes.symbol(name), ctx, introducer,
                scopes.current(), bindingScopeId, scopes.inAnnotation(), introducedId, node);
        for (FactCollector c : collectors.name) {
            c.name(occurrence, context);
        }
    }
}
