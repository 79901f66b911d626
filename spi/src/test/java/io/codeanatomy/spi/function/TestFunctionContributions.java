package io.codeanatomy.spi.function;

import io.codeanatomy.spi.TestingFunctions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFunctionContributions {
    @Test
    void scalarNeedsExactlyOnePublicStaticMethodWithAResult() {
        assertThat(new ScalarFunctionContribution("span_length", TestingFunctions.class, "spanLength", true, "").method().getName())
                .isEqualTo("spanLength");
        assertThatThrownBy(() -> new ScalarFunctionContribution("o", TestingFunctions.class, "overloaded", true, ""))
                .hasMessageContaining("exactly one public static method 'overloaded'")
                .hasMessageContaining("found 2");
        assertThatThrownBy(() -> new ScalarFunctionContribution("m", TestingFunctions.class, "missing", true, "")).hasMessageContaining("found 0");
        assertThatThrownBy(() -> new ScalarFunctionContribution("n", TestingFunctions.class, "nothing", true, "")).hasMessageContaining("returns nothing");
    }

    @Test
    void functionNamesAreLowercaseIdentifiers() {
        assertThatThrownBy(() -> new ScalarFunctionContribution("SpanLength", TestingFunctions.class, "spanLength", true, ""))
                .hasMessageContaining("lowercase identifier");
        assertThatThrownBy(() -> new AggregateFunctionContribution("longest-span", TestingFunctions.LongestSpan.class, ""))
                .hasMessageContaining("lowercase identifier");
    }

    @Test
    void aggregateNeedsInitAddAndResult() {
        assertThat(new AggregateFunctionContribution("longest_span", TestingFunctions.LongestSpan.class, "").name()).isEqualTo("longest_span");
        assertThatThrownBy(() -> new AggregateFunctionContribution("bad", TestingFunctions.class, ""))
                .hasMessageContaining("no public method 'init'");
    }
}
