package io.codeanatomy.plugins.python;

import io.codeanatomy.plugins.python.facts.ComprehensionRow;
import io.codeanatomy.plugins.python.facts.DefKind;
import io.codeanatomy.plugins.python.facts.DefRow;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.NameContext;
import io.codeanatomy.plugins.python.facts.NameIntroducer;
import io.codeanatomy.plugins.python.facts.NameRow;
import io.codeanatomy.plugins.python.facts.ParseStatus;
import io.codeanatomy.plugins.python.facts.ScopeDeclKind;
import io.codeanatomy.plugins.python.facts.SemanticErrorRow;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares one file's extracted facts with what CPython says about it, and lists every
 * difference in one line each.
 *
 * <p>Our name occurrences are grouped into symbol tables by {@code scope_id} (plus
 * {@code binding_scope_id}, where an assignment expression in a comprehension also binds). Two
 * implicit entries of CPython's tables are reproduced from the facts: a function-like scope that
 * loads {@code super} also holds {@code __class__}; and under {@code from __future__ import
 * annotations} CPython 3.11 does not visit annotations, so occurrences inside them are left out.
 */
final class FactsComparison {
    private FactsComparison() {
    }

    /**
     * Checks the spans against the decoded source: every name occurrence's and every named
     * definition's name span holds its name (NFKC-normalized, as the parser normalizes
     * identifiers), and every decorator's and callee's text is its span's text.
     */
    static List<String> spanDifferences(String file, FileFacts ours, byte[] source) {
        List<String> out = new ArrayList<>();
        for (NameRow n : ours.names()) {
            String text = Normalizer.normalize(slice(source, n.bstart(), n.bend()), Normalizer.Form.NFKC);
            if (!text.equals(n.name())) {
                out.add(file + ": name " + n.name() + " (" + n.introducedBy() + ") at [" + n.bstart() + "," + n.bend()
                        + ") spans '" + text + "'");
            }
        }
        for (DefRow d : ours.defs()) {
            String text = Normalizer.normalize(slice(source, d.nameBstart(), d.nameBend()), Normalizer.Form.NFKC);
            if (d.kind() != DefKind.LAMBDA && !text.equals(d.name())) {
                out.add(file + ": def " + d.name() + " name span holds '" + text + "'");
            }
        }
        ours.decorators().forEach(d -> {
            if (!d.text().equals(slice(source, d.bstart(), d.bend()))) {
                out.add(file + ": decorator text '" + d.text() + "' is not its span");
            }
        });
        ours.calls().forEach(c -> {
            String callee = slice(source, c.calleeBstart(), c.calleeBend());
            if (!callee.startsWith(c.calleeText())) {
                out.add(file + ": callee text '" + c.calleeText() + "' is not its span '" + callee + "'");
            }
        });
        return out;
    }

    private static String slice(byte[] source, long bstart, long bend) {
        return new String(source, (int) bstart, (int) (bend - bstart), StandardCharsets.UTF_8);
    }

    /** The message of the semantic error the scope analysis (the CPG spec) reports, not the extractor. */
    static final String OWNED_BY_SCOPE_ANALYSIS = "no binding for nonlocal";

    /**
     * Counts of the semantic error comparison: files where CPython's {@code compile()} raises, where
     * our first {@code py_semantic_errors_v1} row is that error, and where the error is the scope
     * analysis's ({@code nonlocal x} with no binding) and ours is none or a later one.
     */
    static final class SemanticCounts {
        private int raised;
        private int matched;
        private int ownedElsewhere;
        private int falseAlarms;

        int raised() {
            return raised;
        }

        int matched() {
            return matched;
        }

        int ownedElsewhere() {
            return ownedElsewhere;
        }

        /** Compares our first semantic error of a file that parsed (on both sides) with CPython's. */
        synchronized List<String> compare(String file, FileFacts ours, String cpython) {
            if (ours.file().status() != ParseStatus.OK) {
                return List.of();
            }
            String first = ours.rows(SemanticErrorRow.class).stream()
                    .min(java.util.Comparator.comparingLong(SemanticErrorRow::cpythonOrder))
                    .map(r -> r.line() + " " + r.column() + " " + r.message())
                    .orElse(null);
            if (cpython == null) {
                if (first == null) {
                    return List.of();
                }
                falseAlarms++;
                return List.of(file + ": CPython compiles it, we report the semantic error " + first);
            }
            raised++;
            if (cpython.equals(first)) {
                matched++;
                return List.of();
            }
            if (cpython.contains(OWNED_BY_SCOPE_ANALYSIS)) {
                ownedElsewhere++;
                return List.of();
            }
            return List.of(file + ": semantic error differs:\n    CPython: " + cpython + "\n    ours:    " + first);
        }

        @Override
        public synchronized String toString() {
            return raised + " files CPython's compile() refuses after ast.parse, " + matched + " matched, "
                    + ownedElsewhere + " owned by the scope analysis (" + OWNED_BY_SCOPE_ANALYSIS + "), "
                    + falseAlarms + " reported by us only";
        }
    }

    static List<String> differences(String file, FileFacts ours, CPythonFacts.Expected cpython) {
        List<String> out = new ArrayList<>();
        if (ours.file().status() != ParseStatus.OK) {
            out.add(file + ": CPython parses it, we report " + ours.file().status() + " "
                    + (ours.errors().isEmpty() ? "" : ours.errors().get(0)));
            return out;
        }
        compare(out, file, "counts", cpython.counts(), counts(ours));
        compareBags(out, file, "symbol tables", cpython.scopes(), scopes(ours, cpython.futureAnnotations()));
        if (cpython.qualnames() != null) {
            // The compiler drops unreachable code (a def after a return has no code object), so
            // every code object must have its definition, not the other way round.
            List<String> missing = new ArrayList<>(cpython.qualnames());
            ours.defs().forEach(d -> missing.remove(d.qualname()));
            if (!missing.isEmpty()) {
                out.add(file + ": code objects without an extracted definition of that qualname: " + missing);
            }
        }
        return out;
    }

    /** Compares two multisets of lines, reporting only the lines one side has more of. */
    private static void compareBags(List<String> out, String file, String what, List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            out.add(file + ": " + what + " differ:\n    only in CPython: " + missing + "\n    only ours:       " + extra);
        }
    }

    private static void compare(List<String> out, String file, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(file + ": " + what + " differ:\n    CPython: " + expected + "\n    ours:    " + actual);
        }
    }

    static Map<String, Integer> counts(FileFacts f) {
        Map<String, Integer> c = new TreeMap<>();
        for (String k : List.of("function", "async_function", "class", "lambda", "calls", "import_aliases",
                "decorators", "params", "comprehensions", "global_names", "nonlocal_names")) {
            c.put(k, 0);
        }
        for (DefRow d : f.defs()) {
            String key = switch (d.kind()) {
                case FUNCTION -> "function";
                case ASYNC_FUNCTION -> "async_function";
                case CLASS -> "class";
                case LAMBDA -> "lambda";
            };
            c.merge(key, 1, Integer::sum);
        }
        c.put("calls", f.calls().size());
        c.put("import_aliases", f.imports().size());
        c.put("decorators", f.decorators().size());
        c.put("params", f.params().size());
        c.put("comprehensions", f.comprehensions().size());
        c.put("global_names", (int) f.scopeDecls().stream().filter(d -> d.kind() == ScopeDeclKind.GLOBAL).count());
        c.put("nonlocal_names", (int) f.scopeDecls().stream().filter(d -> d.kind() == ScopeDeclKind.NONLOCAL).count());
        return c;
    }

    /** Our scopes in CPython's SCOPE line format: chain of type:name:lineno, tab, sorted names. */
    static List<String> scopes(FileFacts f, boolean futureAnnotations) {
        String moduleId = f.file().id();
        Map<String, String> keys = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, Boolean> functionLike = new HashMap<>();
        keys.put(moduleId, "module:top:0");
        functionLike.put(moduleId, false);
        for (DefRow d : f.defs()) {
            if (futureAnnotations && d.inAnnotation()) {
                continue;
            }
            String type = d.kind() == DefKind.CLASS ? "class" : "function";
            String name = d.kind() == DefKind.LAMBDA ? "lambda" : d.name();
            keys.put(d.id(), type + ":" + name + ":" + line(f, d.bstart()));
            parents.put(d.id(), d.scopeId());
            functionLike.put(d.id(), d.kind() != DefKind.CLASS);
        }
        for (ComprehensionRow c : f.comprehensions()) {
            if (futureAnnotations && c.inAnnotation()) {
                continue;
            }
            String name = switch (c.kind()) {
                case LIST -> "listcomp";
                case SET -> "setcomp";
                case DICT -> "dictcomp";
                case GENERATOR -> "genexpr";
            };
            keys.put(c.id(), "function:" + name + ":" + line(f, c.bstart()));
            parents.put(c.id(), c.scopeId());
            functionLike.put(c.id(), true);
        }
        // A symbol both annotated and not is listed once, annotated, as in its symbol table.
        Map<String, TreeSet<String>> names = new HashMap<>();
        keys.keySet().forEach(k -> names.put(k, new TreeSet<>()));
        for (NameRow n : f.names()) {
            if (futureAnnotations && n.isAnnotation()) {
                continue;
            }
            // A simple annotated target is DEF_ANNOT in its scope; symtable's is_annotated() is that flag.
            boolean annotated = n.introducedBy() == NameIntroducer.ANN_ASSIGNMENT && n.ctx() == NameContext.STORE;
            names.get(n.scopeId()).add(n.symbol() + (annotated ? "+" : ""));
            if (n.bindingScopeId() != null) {
                names.get(n.bindingScopeId()).add(n.symbol());
            }
            if (n.name().equals("super") && n.ctx() == NameContext.LOAD && functionLike.get(n.scopeId())) {
                names.get(n.scopeId()).add("__class__");
            }
        }
        names.values().forEach(set -> set.removeIf(s -> !s.endsWith("+") && set.contains(s + "+")));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            StringBuilder chain = new StringBuilder(e.getValue());
            for (String p = parents.get(e.getKey()); p != null; p = parents.get(p)) {
                chain.insert(0, keys.get(p) + "/");
            }
            out.add(chain + "\t" + String.join(" ", names.get(e.getKey())));
        }
        out.sort(null);
        return out;
    }

    private static int line(FileFacts f, long offset) {
        if (f.lines().isEmpty()) {
            return 1;
        }
        int[] starts = f.lines().get(0).starts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
