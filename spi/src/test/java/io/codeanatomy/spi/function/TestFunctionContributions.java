package io.codeanatomy.spi.function;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.spi.TestingFunctions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFunctionContributions {
    private static FunctionSignature<Long> longs(String name, int arity) {
        return FunctionSignature.scalar(name, DataType.INT64, java.util.Collections.nCopies(arity, DataType.INT64).toArray(DataType[]::new));
    }

    @Test
    void scalarNeedsExactlyOnePublicStaticMethodWithAResult() {
        assertThat(new ScalarFunctionContribution(TestingFunctions.SPAN_LENGTH, TestingFunctions.class, "spanLength", "").method().getName())
                .isEqualTo("spanLength");
        assertThatThrownBy(() -> new ScalarFunctionContribution(longs("o", 1), TestingFunctions.class, "overloaded", ""))
                .hasMessageContaining("exactly one public static method 'overloaded'")
                .hasMessageContaining("found 2");
        assertThatThrownBy(() -> new ScalarFunctionContribution(longs("m", 1), TestingFunctions.class, "missing", "")).hasMessageContaining("found 0");
        assertThatThrownBy(() -> new ScalarFunctionContribution(longs("n", 1), TestingFunctions.class, "nothing", "")).hasMessageContaining("returns nothing");
    }

    @Test
    void theMethodMustMatchTheDeclaredSignature() {
        assertThatThrownBy(() -> new ScalarFunctionContribution(longs("span_length", 3), TestingFunctions.class, "spanLength", ""))
                .hasMessage("Function span_length(INT64, INT64, INT64) -> INT64: io.codeanatomy.spi.TestingFunctions.spanLength takes 2 argument(s), the signature 3.");
        FunctionSignature<Long> stringArgument = FunctionSignature.scalar("span_length", DataType.INT64, DataType.INT64, DataType.STRING);
        assertThatThrownBy(() -> new ScalarFunctionContribution(stringArgument, TestingFunctions.class, "spanLength", ""))
                .hasMessageContaining("argument 2 of io.codeanatomy.spi.TestingFunctions.spanLength is a Long, the signature says STRING");
        FunctionSignature<Integer> intResult = FunctionSignature.scalar("span_length", DataType.INT32, DataType.INT64, DataType.INT64);
        assertThatThrownBy(() -> new ScalarFunctionContribution(intResult, TestingFunctions.class, "spanLength", ""))
                .hasMessageContaining("the result of io.codeanatomy.spi.TestingFunctions.spanLength is a Long, the signature says INT32");
        assertThatThrownBy(() -> new ScalarFunctionContribution(TestingFunctions.LONGEST_SPAN, TestingFunctions.class, "spanLength", ""))
                .hasMessageContaining("is not a scalar function");
    }

    @Test
    void aggregateNeedsInitAddAndResultMatchingTheSignature() {
        assertThat(new AggregateFunctionContribution(TestingFunctions.LONGEST_SPAN, TestingFunctions.LongestSpan.class, "").name())
                .isEqualTo("longest_span");
        assertThatThrownBy(() -> new AggregateFunctionContribution(TestingFunctions.LONGEST_SPAN, TestingFunctions.class, ""))
                .hasMessageContaining("has 0 public methods 'add'");
        FunctionSignature<Long> oneValue = FunctionSignature.aggregate("longest_span", DataType.INT64, DataType.INT64);
        assertThatThrownBy(() -> new AggregateFunctionContribution(oneValue, TestingFunctions.LongestSpan.class, ""))
                .hasMessageContaining("takes 2 argument(s), the signature 1");
    }
}
