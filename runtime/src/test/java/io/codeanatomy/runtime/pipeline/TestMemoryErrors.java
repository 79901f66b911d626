package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.OutOfMemoryException;
import org.junit.jupiter.api.Test;

/** The sentence a build that ran out of memory ends with names the ways out that apply to it. */
class TestMemoryErrors {
    private static final String PARTITION = "; or build with --partition-files, which computes the file-local part of the graph one group "
            + "of files at a time";
    private static final String NO_CALLS = "; or build with --no-calls, which leaves out call resolution, the largest part of a build's heap";

    @Test
    void aFullHeapOfAWholeBuildWithCallsNamesMoreHeapThenPartitioningThenLeavingCallsOut() {
        RuntimeException failure = new RuntimeException("execution failed", new OutOfMemoryError("Java heap space"));

        String sentence = MemoryErrors.sentence(failure, 64L << 20, true, true).orElseThrow();

        assertThat(sentence).startsWith("the JVM's heap of ").contains(" MiB is too small for this input (Java heap space); give the JVM more heap")
                .endsWith(PARTITION + NO_CALLS);
    }

    @Test
    void aFullHeapNamesOnlyTheWaysOutThatApply() {
        OutOfMemoryError heap = new OutOfMemoryError("GC overhead limit exceeded");

        assertThat(MemoryErrors.sentence(heap, 64L << 20, false, true).orElseThrow()).endsWith(PARTITION).doesNotContain("--no-calls");
        assertThat(MemoryErrors.sentence(heap, 64L << 20, true, false).orElseThrow()).endsWith(NO_CALLS).doesNotContain("--partition-files");
        assertThat(MemoryErrors.sentence(heap, 64L << 20, false, false).orElseThrow()).endsWith("(docs/cli.md)");
    }

    @Test
    void aFullArrowBudgetNamesTheBudgetAndNothingElseIsAMemoryError() {
        String sentence = MemoryErrors.sentence(new IllegalStateException("write failed", new OutOfMemoryException("Unable to allocate buffer")),
                64L << 20, true, true).orElseThrow();

        assertThat(sentence).isEqualTo("the memory budget of 64 MiB is too small for this input (Unable to allocate buffer); give it more with --memory");
        assertThat(MemoryErrors.sentence(new IllegalStateException("no memory involved"), 64L << 20, true, true)).isEmpty();
    }

    /** A class whose initialization a full heap failed, used again by another thread: the heap is the cause (CI, session 38). */
    @Test
    void aClassAFullHeapFailedToInitializeNamesTheHeap() {
        NoClassDefFoundError failed = new NoClassDefFoundError("Could not initialize class org.apache.arrow.vector.complex.ListVector");

        assertThat(MemoryErrors.sentence(failed, 64L << 20, false, false).orElseThrow())
                .startsWith("the JVM's heap of ").contains("is too small for this input (Could not initialize class ")
                .endsWith("(docs/cli.md)");
        assertThat(MemoryErrors.sentence(new NoClassDefFoundError("org/example/Missing"), 64L << 20, false, false)).isEmpty();
    }
}
