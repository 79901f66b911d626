package io.codeanatomy.api.result;

import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.api.plan.RulePhase;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSessionEnvelope {
    private static final String SPEC = Sha256.hex("spec");
    private static final String SCHEMA = Sha256.hex("schema");
    private static final Map<String, Boolean> FUNCTIONS = Map.of("stable_id", true, "qname_parent", true);
    private static final List<RuleState> RULES = List.of(new RuleState("calcite.FILTER_MERGE", RulePhase.LOGICAL, RuleState.BUILTIN, true));

    private static SessionEnvelope envelope(List<String> plugins, Map<String, String> config) {
        return SessionEnvelope.of(Map.of("calcite", "1.42.0", "arrow", "19.0.0"), plugins, config,
                List.of(new TableRegistration("py_defs", "extract/py_defs", 3, SCHEMA), new TableRegistration("py_calls", "extract/py_calls", 3, SCHEMA)),
                FUNCTIONS, RULES, EnvironmentProfile.SMALL, SPEC, 4);
    }

    @Test
    void canonicalJsonIsSortedAndHasNoTimestamps() {
        SessionEnvelope envelope = envelope(List.of("udf-spans@0.1.0", "delta-io@0.1.0"), Map.of("partitions", "4"));
        assertThat(envelope.canonicalJson()).isEqualTo("{\"config\":{\"partitions\":\"4\"},"
                + "\"engineVersions\":{\"arrow\":\"19.0.0\",\"calcite\":\"1.42.0\"},"
                + "\"formatVersion\":2,"
                + "\"functions\":{\"qname_parent\":true,\"stable_id\":true},"
                + "\"plugins\":[\"delta-io@0.1.0\",\"udf-spans@0.1.0\"],"
                + "\"profile\":{\"batchRows\":4096,\"memoryBudgetBytes\":536870912,\"name\":\"small\",\"partitions\":4},"
                + "\"rules\":[{\"enabled\":true,\"id\":\"calcite.FILTER_MERGE\",\"origin\":\"calcite\",\"phase\":\"LOGICAL\"}],"
                + "\"specHash\":\"" + SPEC + "\","
                + "\"tables\":[{\"deltaVersion\":3,\"name\":\"py_calls\",\"path\":\"extract/py_calls\",\"schemaHash\":\"" + SCHEMA + "\"},"
                + "{\"deltaVersion\":3,\"name\":\"py_defs\",\"path\":\"extract/py_defs\",\"schemaHash\":\"" + SCHEMA + "\"}]}");
        assertThat(envelope.hash()).isEqualTo(Sha256.hex(envelope.canonicalJson()));
    }

    @Test
    void hashChangesWhenAPluginVersionChanges() {
        String before = envelope(List.of("delta-io@0.1.0", "udf-spans@0.1.0"), Map.of()).hash();
        String after = envelope(List.of("delta-io@0.1.0", "udf-spans@0.1.1"), Map.of()).hash();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void hashIgnoresMapInsertionOrderAndListOrder() {
        Map<String, String> forward = new LinkedHashMap<>();
        Map<String, String> backward = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            forward.put("key." + i, "v" + i);
            backward.put("key." + (19 - i), "v" + (19 - i));
        }
        SessionEnvelope a = envelope(List.of("a@1", "b@2"), forward);
        SessionEnvelope b = envelope(List.of("b@2", "a@1"), backward);
        SessionEnvelope c = envelope(List.of("a@1", "b@2"), new HashMap<>(forward));
        assertThat(b.hash()).isEqualTo(a.hash());
        assertThat(c.hash()).isEqualTo(a.hash());
        assertThat(b).isEqualTo(a);
    }

    @Test
    void hashChangesWithConfigTablesAndSpec() {
        String base = envelope(List.of(), Map.of("k", "v")).hash();
        assertThat(envelope(List.of(), Map.of("k", "w")).hash()).isNotEqualTo(base);
        SessionEnvelope otherTable = SessionEnvelope.of(Map.of("calcite", "1.42.0", "arrow", "19.0.0"), List.of(), Map.of("k", "v"),
                List.of(new TableRegistration("py_defs", "extract/py_defs", 4, SCHEMA), new TableRegistration("py_calls", "extract/py_calls", 3, SCHEMA)),
                FUNCTIONS, RULES, EnvironmentProfile.SMALL, SPEC, 4);
        assertThat(otherTable.hash()).isNotEqualTo(base);
    }

    @Test
    void workersAndPinningAreRecordedButNotHashed() {
        SessionEnvelope base = envelope(List.of("a@1"), Map.of());
        SessionEnvelope other = new SessionEnvelope(base.engineVersions(), base.plugins(), base.config(), base.tables(), base.functions(),
                base.rules(), EnvironmentProfile.pinned("small"), base.specHash(), 1);
        assertThat(other.hash()).isEqualTo(base.hash());
        assertThat(other.recordTree()).containsEntry("workers", 1).containsEntry("profilePinned", true)
                .containsEntry("envelopeHash", base.hash());
    }

    @Test
    void hashChangesWithRuleStateDeterminismAndProfile() {
        SessionEnvelope base = envelope(List.of(), Map.of());
        SessionEnvelope ruleOff = new SessionEnvelope(base.engineVersions(), base.plugins(), base.config(), base.tables(), base.functions(),
                List.of(new RuleState("calcite.FILTER_MERGE", RulePhase.LOGICAL, RuleState.BUILTIN, false)), base.profile(), base.specHash(), 4);
        SessionEnvelope volatileFunction = new SessionEnvelope(base.engineVersions(), base.plugins(), base.config(), base.tables(),
                new java.util.TreeMap<>(Map.of("stable_id", false, "qname_parent", true)), base.rules(), base.profile(), base.specHash(), 4);
        SessionEnvelope large = new SessionEnvelope(base.engineVersions(), base.plugins(), base.config(), base.tables(), base.functions(),
                base.rules(), EnvironmentProfile.LARGE, base.specHash(), 4);
        assertThat(List.of(ruleOff.hash(), volatileFunction.hash(), large.hash())).doesNotContain(base.hash()).doesNotHaveDuplicates();
        assertThat(ruleOff.disabledRules()).containsExactly("calcite.FILTER_MERGE");
    }

    @Test
    void profileFollowsInputSizeAndPinnedNamesAreChecked() {
        assertThat(EnvironmentProfile.forInput(10, 1000)).isEqualTo(EnvironmentProfile.SMALL);
        assertThat(EnvironmentProfile.forInput(60, 1000)).isEqualTo(EnvironmentProfile.MEDIUM);
        assertThat(EnvironmentProfile.forInput(10, 5_000_000)).isEqualTo(EnvironmentProfile.LARGE);
        assertThat(EnvironmentProfile.pinned("Large").pinned()).isTrue();
        assertThatThrownBy(() -> EnvironmentProfile.pinned("huge")).hasMessageContaining("'huge' is unknown");
    }

    @Test
    void rejectsMalformedOrDuplicatePlugins() {
        assertThatThrownBy(() -> envelope(List.of("delta-io"), Map.of())).hasMessageContaining("id@version");
        assertThatThrownBy(() -> envelope(List.of("delta-io@1", "delta-io@2"), Map.of())).hasMessageContaining("more than one version");
        assertThatThrownBy(() -> envelope(List.of("a@1", "a@1"), Map.of())).hasMessageContaining("more than once");
    }

    @Test
    void collectionsAreImmutable() {
        SessionEnvelope envelope = envelope(List.of("a@1"), Map.of("k", "v"));
        assertThatThrownBy(() -> envelope.config().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> envelope.plugins().add("b@1")).isInstanceOf(UnsupportedOperationException.class);
    }
}
