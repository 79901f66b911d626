package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TestSmallNumbers {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture = new TableFixture();

    @Test
    void equalSmallNumbersAreOneObjectAndOthersKeepTheirValue() {
        assertThat(SmallNumbers.boxed(70_000L)).isSameAs(SmallNumbers.boxed(70_000L)).isEqualTo(70_000L);
        assertThat(SmallNumbers.boxed(SmallNumbers.SHARED - 1)).isSameAs(SmallNumbers.boxed(SmallNumbers.SHARED - 1));
        assertThat(SmallNumbers.boxed(70_000)).isSameAs(SmallNumbers.boxed(70_000)).isEqualTo(70_000);
        assertThat(SmallNumbers.boxed((long) SmallNumbers.SHARED)).isEqualTo((long) SmallNumbers.SHARED);
        assertThat(SmallNumbers.boxed(-5_000L)).isEqualTo(-5_000L);
        assertThat(SmallNumbers.boxed(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(SmallNumbers.boxed(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(SmallNumbers.boxed(1.0)).isSameAs(SmallNumbers.boxed(1.0));
        assertThat(SmallNumbers.boxed(0.0)).isSameAs(SmallNumbers.boxed(0.0));
        // Negative zero is a value of its own (it prints and divides differently), never the shared 0.0.
        assertThat(Double.doubleToRawLongBits(SmallNumbers.boxed(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(SmallNumbers.boxed(Double.NaN)).isNaN();
        assertThat(SmallNumbers.boxed(0.5)).isEqualTo(0.5);
    }

    @Test
    void twoScansOfATableShareTheBoxesOfTheirNumbers() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 300);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);

        List<Object[]> first = TableFixture.read(reader, new int[] {0}, Optional.empty());
        List<Object[]> second = TableFixture.read(reader, new int[] {0}, Optional.empty());

        assertThat(first).hasSize(1_000);
        first.sort(SampleBatches.byFirstColumn());
        second.sort(SampleBatches.byFirstColumn());
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)[0]).isEqualTo((long) i).isSameAs(second.get(i)[0]);
        }
    }
}
