package io.codeanatomy.testkit.ci;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Under CI a test that would be skipped fails instead, so a build machine without the oracle (or
 * with a test someone switched off) cannot go green without running it. An aborted test (a failed
 * assumption, in the test or in any lifecycle method) is rethrown as a failure that keeps the
 * reason. A test switched off by a condition cannot be switched back on by an extension, so this
 * one is also the condition that judges them first: under CI it fails every test or class marked by
 * {@code @Disabled} or by any annotation of {@code org.junit.jupiter.api.condition}
 * ({@code @EnabledIf...}, {@code @DisabledOn...}); elsewhere it disables what {@code @Disabled}
 * marks. It stands in for JUnit's own {@code DisabledCondition}, which the parent pom deactivates:
 * that one would otherwise answer before this one is asked.
 *
 * <p>Registered through {@code META-INF/services} and picked up by every module's tests (the
 * parent pom turns on {@code junit.jupiter.extensions.autodetection.enabled}). The configuration
 * parameter {@value #CI_PARAMETER} overrides the environment, for this class's own test.
 */
public final class NoSkipsUnderCi implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler,
        ExecutionCondition {
    public static final String CI_PARAMETER = "codeanatomy.ci";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfCi(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfCi(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfCi(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfCi(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfCi(context, throwable);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        if (element.isEmpty() || !conditional(element.get())) {
            return ConditionEvaluationResult.enabled("no condition annotation");
        }
        if (ci(context)) {
            throw new AssertionError(context.getDisplayName() + " carries a condition that may skip it, and under CI=true"
                    + " no test may be skipped: make it run everywhere or delete it.");
        }
        Optional<Disabled> disabled = AnnotationSupport.findAnnotation(element, Disabled.class);
        return disabled.isPresent()
                ? ConditionEvaluationResult.disabled(context.getDisplayName() + " is @Disabled", disabled.get().value())
                : ConditionEvaluationResult.enabled("its own condition decides");
    }

    private static Throwable failIfCi(ExtensionContext context, Throwable throwable) {
        if (throwable instanceof TestAbortedException && ci(context)) {
            return new AssertionError("skipped under CI=true, which counts as a failure: " + throwable.getMessage(), throwable);
        }
        return throwable;
    }

    private static boolean ci(ExtensionContext context) {
        return context.getConfigurationParameter(CI_PARAMETER).map(Boolean::parseBoolean).orElseGet(Ci::on);
    }

    /** Marked by {@code @Disabled} or any annotation of {@code org.junit.jupiter.api.condition}. */
    private static boolean conditional(AnnotatedElement element) {
        if (AnnotationSupport.isAnnotated(element, Disabled.class)) {
            return true;
        }
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getPackageName().equals("org.junit.jupiter.api.condition")) {
                return true;
            }
        }
        return false;
    }
}
