package io.codeanatomy.testkit.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs fixture classes through JUnit as surefire does, with the extension found through
 * ServiceLoader as in every module, once as under CI and once not: under CI every way a test can
 * skip is a failure.
 */
class TestNoSkipsUnderCi {
    @Test
    void underCiAnAssumptionThatFailsIsAFailureThatKeepsItsReason() {
        Map<String, String> outcomes = run(AssumesInTheTest.class, true);

        assertThat(outcomes).containsExactly(Map.entry("skips()",
                "FAILED: skipped under CI=true, which counts as a failure: Assumption failed: no oracle here"));
    }

    @Test
    void outsideCiTheSameTestIsSkipped() {
        assertThat(run(AssumesInTheTest.class, false)).containsExactly(Map.entry("skips()", "ABORTED"));
    }

    @Test
    void underCiAnAssumptionInALifecycleMethodIsAFailure() {
        assertThat(run(AssumesBeforeEach.class, true)).containsExactly(Map.entry("runs()",
                "FAILED: skipped under CI=true, which counts as a failure: Assumption failed: not on this machine"));
    }

    @Test
    void underCiADisabledTestIsAFailure() {
        assertThat(run(DisabledTest.class, true)).containsExactly(Map.entry("off()",
                "FAILED: off() carries a condition that may skip it, and under CI=true no test may be skipped:"
                        + " make it run everywhere or delete it."));
    }

    @Test
    void outsideCiADisabledTestIsSkipped() {
        assertThat(run(DisabledTest.class, false)).containsExactly(Map.entry("off()", "SKIPPED: off() is @Disabled ==> why"));
    }

    @Test
    void underCiAnyConditionAnnotationIsAFailureEvenWhenItWouldRun() {
        assertThat(run(ConditionalTest.class, true)).containsExactly(Map.entry("onLinux()",
                "FAILED: onLinux() carries a condition that may skip it, and under CI=true no test may be skipped:"
                        + " make it run everywhere or delete it."));
    }

    @Test
    void underCiADisabledClassIsAFailure() {
        assertThat(run(DisabledClass.class, true)).containsExactly(Map.entry("TestNoSkipsUnderCi$DisabledClass",
                "FAILED: TestNoSkipsUnderCi$DisabledClass carries a condition that may skip it, and under CI=true no test may be skipped:"
                        + " make it run everywhere or delete it."));
    }

    @Test
    void testsThatPassOrFailAreLeftAlone() {
        assertThat(run(PassesAndFails.class, true)).containsExactly(
                Map.entry("fails()", "FAILED: a real failure"), Map.entry("passes()", "SUCCESSFUL"));
    }

    /** Each test's (and failing container's) outcome, with the failure message; as surefire is configured. */
    private static Map<String, String> run(Class<?> fixture, boolean ci) {
        Map<String, String> outcomes = new TreeMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                outcomes.put(id.getDisplayName(), "SKIPPED: " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                boolean failedClass = id.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
                if (id.isTest() || failedClass) {
                    outcomes.put(id.getDisplayName(), result.getStatus() + result.getThrowable()
                            .map(t -> t instanceof org.opentest4j.TestAbortedException ? "" : ": " + t.getMessage()).orElse(""));
                }
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.jupiter.engine.extension.DisabledCondition")
                .configurationParameter(NoSkipsUnderCi.CI_PARAMETER, Boolean.toString(ci))
                .build(), listener);
        return outcomes;
    }

    static class AssumesInTheTest {
        @Test
        void skips() {
            Assumptions.assumeTrue(false, "no oracle here");
        }
    }

    static class AssumesBeforeEach {
        @BeforeEach
        void setUp() {
            Assumptions.assumeTrue(false, "not on this machine");
        }

        @Test
        void runs() {
        }
    }

    static class DisabledTest {
        @Test
        @Disabled("why")
        void off() {
        }
    }

    static class ConditionalTest {
        @Test
        @EnabledOnOs(OS.LINUX)
        void onLinux() {
        }
    }

    @Disabled("why")
    static class DisabledClass {
        @Test
        void inside() {
        }
    }

    static class PassesAndFails {
        @Test
        void passes() {
        }

        @Test
        void fails() {
            throw new AssertionError("a real failure");
        }
    }
}
