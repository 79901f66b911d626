package io.codeanatomy.api.expr;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestFunctionSignature {
    private static final FunctionSignature<Long> SPAN_LENGTH = FunctionSignature.scalar("span_length", DataType.INT64,
            DataType.INT64, DataType.INT64);

    @Test
    void callCarriesTheSignaturesNameAndReturnType() {
        Field<Long> call = SPAN_LENGTH.call(col("d", "bstart", DataType.INT64), col("d", "bend", DataType.INT64));
        assertThat(Exprs.canonical(call)).isEqualTo("span_length(d.bstart:INT64, d.bend:INT64):INT64");
        assertThat(call).isEqualTo(Exprs.call("span_length", DataType.INT64, col("d", "bstart", DataType.INT64), col("d", "bend", DataType.INT64)));
    }

    @Test
    void wrongArityOrArgumentTypeNamesTheFunctionAndArgument() {
        assertThatThrownBy(() -> SPAN_LENGTH.call(col("d", "bstart", DataType.INT64)))
                .hasMessage("The function span_length(INT64, INT64) -> INT64 takes 2 argument(s), not 1.");
        assertThatThrownBy(() -> SPAN_LENGTH.call(col("d", "bstart", DataType.INT64), col("d", "bend", DataType.INT32)))
                .hasMessage("Argument 2 of span_length(INT64, INT64) -> INT64 is d.bend of type INT32; cast it to INT64.");
    }

    @Test
    void aggregatesAreNotScalarCallsAndNamesAreLowercaseIdentifiers() {
        FunctionSignature<Long> longest = FunctionSignature.aggregate("longest", DataType.INT64, DataType.INT64);
        assertThatThrownBy(() -> longest.call(col("d", "bstart", DataType.INT64))).hasMessageContaining("is an aggregate function");
        assertThatThrownBy(() -> FunctionSignature.scalar("SpanLength", DataType.INT64)).hasMessageContaining("lowercase identifier");
        assertThatThrownBy(() -> FunctionSignature.scalar("1st", DataType.INT64)).hasMessageContaining("lowercase identifier");
    }

    @Test
    void signaturesAreValuesAndDeterminismIsPartOfThem() {
        assertThat(FunctionSignature.scalar("span_length", DataType.INT64, DataType.INT64, DataType.INT64)).isEqualTo(SPAN_LENGTH);
        assertThat(SPAN_LENGTH.nonDeterministic()).isNotEqualTo(SPAN_LENGTH);
        assertThat(SPAN_LENGTH.nonDeterministic().toString()).isEqualTo("span_length(INT64, INT64) -> INT64 non-deterministic");
    }
}
