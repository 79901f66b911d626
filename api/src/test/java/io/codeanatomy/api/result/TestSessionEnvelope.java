package io.codeanatomy.api.result;

import io.codeanatomy.api.canonical.Sha256;
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

    private static SessionEnvelope envelope(List<String> plugins, Map<String, String> config) {
        return SessionEnvelope.of(Map.of("calcite", "1.42.0", "arrow", "19.0.0"), plugins, config,
                List.of(new TableRegistration("py_defs", "extract/py_defs", 3, SCHEMA), new TableRegistration("py_calls", "extract/py_calls", 3, SCHEMA)),
                List.of("stable_id", "qname_parent"), SPEC);
    }

    @Test
    void canonicalJsonIsSortedAndHasNoTimestamps() {
        SessionEnvelope envelope = envelope(List.of("udf-spans@0.1.0", "delta-io@0.1.0"), Map.of("partitions", "4"));
        assertThat(envelope.canonicalJson()).isEqualTo("{\"config\":{\"partitions\":\"4\"},"
                + "\"engineVersions\":{\"arrow\":\"19.0.0\",\"calcite\":\"1.42.0\"},"
                + "\"formatVersion\":1,"
                + "\"functions\":[\"qname_parent\",\"stable_id\"],"
                + "\"plugins\":[\"delta-io@0.1.0\",\"udf-spans@0.1.0\"],"
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
                List.of("stable_id", "qname_parent"), SPEC);
        assertThat(otherTable.hash()).isNotEqualTo(base);
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
