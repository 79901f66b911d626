package io.codeanatomy.spi.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestVersionRange {
    @Test
    void parsesVersionsWithMissingPartsAndQualifiers() {
        assertThat(Version.parse("1")).isEqualTo(Version.of(1, 0, 0));
        assertThat(Version.parse("0.2.3-SNAPSHOT")).hasToString("0.2.3-SNAPSHOT");
        assertThat(Version.parse("0.2.3-SNAPSHOT").compareTo(Version.of(0, 2, 3))).isZero();
        assertThat(Version.parse("1.10").compareTo(Version.parse("1.9"))).isPositive();
        for (String bad : new String[] {"", "1.", "a.b", "1.2.3.4", "1-", "-1", "01234567890"}) {
            assertThatThrownBy(() -> Version.parse(bad)).as(bad).hasMessageContaining("is not a version");
        }
    }

    @Test
    void intervalsHonourTheirEnds() {
        VersionRange range = VersionRange.parse("[1.2,2.0)");
        assertThat(range.contains(Version.parse("1.2"))).isTrue();
        assertThat(range.contains(Version.parse("1.99.7"))).isTrue();
        assertThat(range.contains(Version.parse("2.0"))).isFalse();
        assertThat(range.contains(Version.parse("1.1.9"))).isFalse();

        VersionRange open = VersionRange.parse("(1.2,2.0]");
        assertThat(open.contains(Version.parse("1.2"))).isFalse();
        assertThat(open.contains(Version.parse("2.0"))).isTrue();

        assertThat(VersionRange.parse("[1.2,)").contains(Version.parse("99"))).isTrue();
        assertThat(VersionRange.parse("1.2").contains(Version.parse("1.1"))).isFalse();
        assertThat(VersionRange.parse("[1.2.3]").contains(Version.parse("1.2.4"))).isFalse();
        assertThat(VersionRange.parse("[1.2.3]")).hasToString("[1.2.3]");
    }

    @Test
    void compatibleMeansSameMajorOrBelowOneSameMinor() {
        assertThat(VersionRange.compatibleWith(Version.parse("2.3.1"))).hasToString("[2.3.1,3.0.0)");
        assertThat(VersionRange.compatibleWith(Version.parse("0.3.1-SNAPSHOT"))).hasToString("[0.3.1,0.4.0)");
    }

    @Test
    void rejectsMalformedAndEmptyRanges() {
        for (String bad : new String[] {"", "[1.0", "[1.0,2.0,3.0)", "(1.0]", "[x,2)"}) {
            assertThatThrownBy(() -> VersionRange.parse(bad)).as(bad).hasMessageContaining("is not a version range");
        }
        assertThatThrownBy(() -> VersionRange.parse("[2.0,1.0)")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> VersionRange.parse("[1.0,1.0)")).hasMessageContaining("is empty");
    }
}
