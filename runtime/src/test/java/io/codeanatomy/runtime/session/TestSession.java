package io.codeanatomy.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.result.EnvironmentProfile;
import io.codeanatomy.api.result.RuleState;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.compile.InvalidQueryException;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.testing.MemoryTable;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class TestSession {
    private static final String SHA = "0".repeat(64);

    @Test
    void pluginFunctionsAreCallableFromSqlAndFoldedOnConstants() {
        try (Session session = Session.open(SessionConfig.defaults(), List.of(new SpansPlugin()))) {
            PlannedQuery planned = session.planSql("SELECT stable_hash_id('a.py', 0, 0, 'PY_FILE') AS id FROM (VALUES (1))").query();

            // Deterministic on constants: the optimized plan holds the value, not the call.
            assertThat(planned.optimizedText()).contains("PY_FILE:af36a7b025656fae10ded9ee15edb6fc").doesNotContain("stable_hash_id(");
            assertThat(single(session, planned)).isEqualTo("PY_FILE:af36a7b025656fae10ded9ee15edb6fc");
        }
    }

    @Test
    void sqlMatchesNamesCaseInsensitively() {
        try (Session session = Session.open(SessionConfig.defaults(), List.of(new SpansPlugin()))) {
            session.schema().add("cpg_nodes", new MemoryTable(tf -> tf.builder().add("node_kind", SqlTypeName.VARCHAR).build(),
                    List.<Object[]>of(new Object[] {"PY_FILE"}, new Object[] {"PY_CLASS"})));

            PlannedQuery planned = session.planSql("SELECT COUNT(*) FROM CPG_NODES WHERE Node_Kind = 'PY_CLASS'").query();

            assertThat(single(session, planned)).isEqualTo(1L);
        }
    }

    @Test
    void badSqlReportsThePosition() {
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            assertThatThrownBy(() -> session.planSql("SELECT * FORM cpg_nodes"))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessage("Encountered \"cpg_nodes\" at line 1, column 15.");
            assertThatThrownBy(() -> session.planSql("SELECT * FROM nowhere"))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessage("From line 1, column 15 to line 1, column 21: Object 'nowhere' not found");
            assertThatThrownBy(() -> session.planSql("SELEC node_kind FROM cpg_nodes"))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageEndingWith("(at line 1, column 1)");
        }
    }

    @Test
    void envelopeRecordsPluginsFunctionsAndConfigAndIsStable() {
        SessionConfig config = SessionConfig.defaults().withDisabledRules(Set.of("calcite.UNION_MERGE"));
        String first;
        try (Session session = Session.open(config, List.of(new SpansPlugin()))) {
            assertThat(session.envelope(SHA).plugins()).containsExactly("udf-spans@0.1.0");
            assertThat(session.envelope(SHA).functions()).containsOnlyKeys("byte_span_contains", "byte_span_overlaps", "c3_position", "line_column",
                    "line_number", "qualified_name_depth", "qualified_name_join", "qualified_name_leaf", "qualified_name_parent",
                    "span_merge", "span_rank", "stable_edge_id", "stable_hash_id", "text_concat");
            assertThat(session.envelope(SHA).functions()).containsEntry("stable_hash_id", true);
            assertThat(session.envelope(SHA).disabledRules()).containsExactly("calcite.UNION_MERGE");
            assertThat(session.envelope(SHA).rules()).extracting(RuleState::origin).containsOnly(RuleState.BUILTIN);
            assertThat(session.envelope(SHA).engineVersions()).containsKeys("jdk", "delta-kernel", "guice");
            assertThat(session.envelope(SHA).profile()).isEqualTo(EnvironmentProfile.MEDIUM);
            assertThat(session.envelope(SHA).config()).containsEntry("planner.disabled_rules", "calcite.UNION_MERGE");
            assertThat(session.envelope(SHA).engineVersions()).containsEntry("calcite", "1.42.0").containsKey("arrow");
            first = session.envelope(SHA).hash();
        }
        try (Session session = Session.open(config.withWorkers(7), List.of(new SpansPlugin()))) {
            assertThat(session.envelope(SHA).hash()).isEqualTo(first);
        }
        try (Session session = Session.open(SessionConfig.defaults(), List.of(new SpansPlugin()))) {
            assertThat(session.envelope(SHA).hash()).isNotEqualTo(first);
        }
    }

    @Test
    void enablingARuleAgainUndoesItsDisablingAndUnknownEnabledRulesFail() {
        SessionConfig config = SessionConfig.defaults().withDisabledRules(Set.of("calcite.UNION_MERGE", "calcite.FILTER_MERGE"))
                .withEnabledRules(Set.of("calcite.UNION_MERGE"));
        try (Session session = Session.open(config, List.of())) {
            assertThat(session.envelope(SHA).disabledRules()).containsExactly("calcite.FILTER_MERGE");
            assertThat(session.planner().activeRules()).extracting(rule -> rule.id()).contains("calcite.UNION_MERGE")
                    .doesNotContain("calcite.FILTER_MERGE");
        }
        assertThatThrownBy(() -> Session.open(SessionConfig.defaults().withEnabledRules(Set.of("nope")), List.of()))
                .hasMessageContaining("cannot enable unknown optimizer rule(s) [nope]");
    }

    @Test
    void unknownDisabledRuleFailsTheSession() {
        assertThatThrownBy(() -> Session.open(SessionConfig.defaults().withDisabledRules(Set.of("nope")), List.of()))
                .hasMessageContaining("cannot disable unknown optimizer rule(s) [nope]");
    }

    private static Object single(Session session, PlannedQuery planned) {
        try (Enumerator<?> rows = session.executor().rows(planned.physical())) {
            assertThat(rows.moveNext()).isTrue();
            Object value = rows.current();
            assertThat(rows.moveNext()).isFalse();
            return value;
        }
    }
}
