package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scopes and bindings of PEP 695 syntax (type parameters, type aliases, type variables' bounds
 * and defaults) equal CPython 3.12's and 3.13's {@code symtable} on the fixtures in
 * {@code type_params/}, built with {@code python.version} 3.12 and 3.13. CI has no such
 * interpreter: the symtable side is a golden recorded by {@code record_type_params_goldens.py}
 * (CPython 3.12.1 and 3.13.0), in symtable_dump.py's format; this test only reads it.
 *
 * <p>3.12 names two scope types differently ({@code type parameter}, {@code TypeVar bound}); the
 * CPG uses 3.13's names ({@code type parameters}, {@code type variable}), so the 3.12 golden's are
 * mapped. Files CPython refuses are not compared (each test lists them).
 */
class TestTypeParamScopes {
    private static final Map<String, String> PY312_SCOPE_TYPES = Map.of(
            "type parameter", "type parameters",
            "TypeVar bound", "type variable");

    @TempDir
    Path temp;

    @Test
    void scopesAndBindingsEqualCPython313Symtable() throws Exception {
        Result result = compare("3.13");
        assertThat(result.refused).isEmpty();
        assertThat(result.mismatched).as("files whose scopes or bindings differ from symtable's").isEmpty();
    }

    @Test
    void scopesAndBindingsEqualCPython312SymtableExceptItsPrivateNameRules() throws Exception {
        Result result = compare("3.12");
        // PEP 696 defaults are 3.13 syntax; lambdas and comprehensions in a class's annotation
        // scopes are errors in 3.12 (not reported as semantic errors yet).
        assertThat(result.refused).containsExactly("class_annotation_scopes_313.py", "defaults_313.py");
        // CPython 3.12.1 mangles every name in a generic class's type-parameter scope and keeps the
        // class's name as the private name after it; the CPG follows 3.13 (docs/cpg-scopes.md).
        assertThat(result.mismatched).as("files whose scopes or bindings differ from symtable's").containsOnlyKeys("private_names.py");
    }

    @Test
    void theCpgChainsDefinitionScopesThroughTheirTypeParameterScopesAndResolvesFreeTypeParameters() throws Exception {
        Path source = fixtures(temp.resolve("cpg-src"), List.of("generic_functions.py", "type_aliases.py"));
        Path out = temp.resolve("cpg-out");
        CliRun build = CliRun.of("build", source.toString(), "--out", out.toString(), "--python", "3.13");
        assertThat(build.exitCode()).as(build.err()).isZero();

        assertThat(csv(out, "SELECT COUNT(*) AS dangling FROM cpg_edges e LEFT JOIN cpg_nodes s ON s.node_id = e.src_node_id"
                + " LEFT JOIN cpg_nodes d ON d.node_id = e.dst_node_id WHERE s.node_id IS NULL OR d.node_id IS NULL"))
                .isEqualTo("dangling\n0\n");
        assertThat(csv(out, "SELECT COUNT(*) AS duplicates FROM (SELECT node_id FROM cpg_nodes GROUP BY node_id HAVING COUNT(*) > 1)"))
                .as("a type-parameter scope spans its definition, yet has an id of its own").isEqualTo("duplicates\n0\n");
        // SCOPE_PARENT: the function's scope, its type-parameter scope, the module.
        String scopeType = " JOIN cpg_props %1$st ON %1$st.entity_id = %1$s.node_id AND %1$st.prop_key = 'scope_type'";
        assertThat(csv(out, "SELECT c.name AS child, ct.value_string AS child_type, p.name AS parent, pt.value_string AS parent_type"
                + " FROM cpg_edges e JOIN cpg_nodes c ON c.node_id = e.src_node_id JOIN cpg_nodes p ON p.node_id = e.dst_node_id"
                + String.format(scopeType, "c") + String.format(scopeType, "p")
                + " WHERE e.edge_kind = 'SCOPE_PARENT' AND c.name IN ('nested_generics', 'level2', 'C', 'Row')"
                + " ORDER BY c.path, c.bstart, child_type"))
                .isEqualTo("child,child_type,parent,parent_type\n"
                        + "nested_generics,function,nested_generics,type parameters\n"
                        + "nested_generics,type parameters,top,module\n"
                        + "level2,function,level2,type parameters\n"
                        + "level2,type parameters,nested_generics,function\n"
                        + "C,type variable,level3,type parameters\n"
                        + "Row,type alias,Row,type parameters\n"
                        + "Row,type parameters,in_function,function\n");
        // RESOLVES_TO: a free type parameter to the type-parameter scope's binding, a type alias's
        // free variable to the enclosing function's cell.
        assertThat(csv(out, "SELECT us.name AS user_scope, ust.value_string AS user_type, u.name AS symbol, ts.name AS target_scope,"
                + " tst.value_string AS target_type, e.resolution_method FROM cpg_edges e JOIN cpg_nodes u ON u.node_id = e.src_node_id"
                + " JOIN cpg_edges ub ON ub.edge_kind = 'BINDS' AND ub.dst_node_id = e.src_node_id JOIN cpg_nodes us ON us.node_id = ub.src_node_id"
                + " JOIN cpg_edges tb ON tb.edge_kind = 'BINDS' AND tb.dst_node_id = e.dst_node_id JOIN cpg_nodes ts ON ts.node_id = tb.src_node_id"
                + String.format(scopeType, "us") + String.format(scopeType, "ts")
                + " WHERE e.edge_kind = 'RESOLVES_TO' AND us.name IN ('kind', 'level3', 'Capped') ORDER BY us.path, us.bstart, user_type, u.name"))
                .isEqualTo("user_scope,user_type,symbol,target_scope,target_type,resolution_method\n"
                        + "kind,function,T,closure_over_type_param,type parameters,ENCLOSING_SCOPE\n"
                        + "level3,function,a,nested_generics,function,ENCLOSING_SCOPE\n"
                        + "level3,function,b,level2,function,ENCLOSING_SCOPE\n"
                        + "level3,type parameters,A,nested_generics,type parameters,ENCLOSING_SCOPE\n"
                        + "level3,type parameters,B,level2,type parameters,ENCLOSING_SCOPE\n"
                        + "level3,type parameters,a,nested_generics,function,ENCLOSING_SCOPE\n"
                        + "level3,type parameters,b,level2,function,ENCLOSING_SCOPE\n"
                        + "Capped,type alias,cap,in_function,function,ENCLOSING_SCOPE\n");
    }

    private static String csv(Path out, String sql) {
        CliRun run = CliRun.of("query", out.toString(), sql, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private record Result(Set<String> refused, Map<String, String> mismatched) {
    }

    private Result compare(String version) throws IOException {
        Map<String, List<String>> theirs = golden(version);
        Path source = fixtures(temp.resolve("src"), theirs.keySet());
        Path out = temp.resolve("out");
        SymtableDifferential.build(source, out, List.of(), false, version);
        Map<String, List<String>> ours = SymtableDifferential.ours(out);
        // Every fixture parses but the 3.13 syntax under 3.12.
        assertThat(SymtableDifferential.rows(out, "SELECT path, status FROM py_files_v1 WHERE status <> 'OK'"))
                .isEqualTo(version.equals("3.12") ? List.of("defaults_313.py | SYNTAX_ERROR") : List.of());

        Set<String> refused = new TreeSet<>();
        Map<String, String> mismatched = new TreeMap<>();
        int differingScopes = 0;
        int compared = 0;
        for (Map.Entry<String, List<String>> file : theirs.entrySet()) {
            List<String> expected = file.getValue();
            if (expected.size() == 1 && expected.get(0).startsWith("ERROR ")) {
                refused.add(file.getKey());
                continue;
            }
            compared += expected.size();
            List<String> actual = ours.getOrDefault(file.getKey(), List.of());
            if (!expected.equals(actual)) {
                List<String> missing = new ArrayList<>(expected);
                missing.removeAll(actual);
                List<String> extra = new ArrayList<>(actual);
                extra.removeAll(expected);
                differingScopes += missing.size() + extra.size();
                mismatched.put(file.getKey(), "\n  symtable only: " + missing + "\n  ours only:     " + extra);
            }
        }
        System.out.printf("CPython %s symtable golden: %d files, %d refused, %d scopes compared, %d scope lines differ in %s%n",
                version, theirs.size(), refused.size(), compared, differingScopes, mismatched.keySet());
        mismatched.forEach((file, diff) -> System.out.println(file + diff));
        return new Result(refused, mismatched);
    }

    /** Copies the fixtures {@code files} of type_params/ into {@code dir}. */
    private Path fixtures(Path dir, Collection<String> files) throws IOException {
        Files.createDirectories(dir);
        for (String file : files) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("type_params/" + file), file)) {
                Files.write(dir.resolve(file), in.readAllBytes());
            }
        }
        return dir;
    }

    /** The recorded symtable of {@code version}, scope types named as the CPG names them. */
    private Map<String, List<String>> golden(String version) throws IOException {
        String name = "type_params_symtable_" + version + ".txt";
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(name), name)) {
            Map<String, List<String>> files = SymtableDifferential.parseDump(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            files.values().forEach(lines -> {
                lines.replaceAll(line -> {
                    int bar = line.indexOf('|');
                    String type = bar < 0 ? line : line.substring(0, bar);
                    return PY312_SCOPE_TYPES.containsKey(type) ? PY312_SCOPE_TYPES.get(type) + line.substring(bar) : line;
                });
                lines.sort(null);
            });
            return files;
        }
    }
}
