package io.codeanatomy.api.plan;

import io.codeanatomy.api.canonical.Sha256;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPlanBundle {
    @Test
    void ofComputesTheHashesOfTheTexts() {
        PlanBundle bundle = PlanBundle.of("p0", "p1", "p2", List.of(new RuleFiring("core.filter-merge", RulePhase.LOGICAL, Sha256.hex("p1"))));
        assertThat(bundle.p1Hash()).isEqualTo(Sha256.hex("p1"));
        assertThat(bundle.hash()).isEqualTo(Sha256.hex(bundle.canonicalJson()));
        assertThat(bundle.canonicalJson()).startsWith("{\"p0\":\"p0\",\"p0Hash\":\"" + Sha256.hex("p0") + "\"");
    }

    @Test
    void rejectsAHashThatDoesNotMatchItsText() {
        assertThatThrownBy(() -> new PlanBundle("p0", Sha256.hex("p0"), "p1", Sha256.hex("other"), "p2", Sha256.hex("p2"), List.of()))
                .hasMessage("The P1 hash " + Sha256.hex("other") + " is not the SHA-256 of the P1 text.");
    }

    @Test
    void theTraceIsPartOfTheBundleIdentity() {
        PlanBundle without = PlanBundle.of("p0", "p1", "p2", List.of());
        PlanBundle with = PlanBundle.of("p0", "p1", "p2", List.of(new RuleFiring("r", RulePhase.PHYSICAL, Sha256.hex("p2"))));
        assertThat(with.hash()).isNotEqualTo(without.hash());
    }
}
