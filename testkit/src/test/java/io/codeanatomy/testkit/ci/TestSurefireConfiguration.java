package io.codeanatomy.testkit.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The parent pom hands every module's tests the configuration {@link NoSkipsUnderCi} needs: this
 * module's tests run with it like all others, so what they see here the others see too.
 */
class TestSurefireConfiguration {
    @RegisterExtension
    static final ContextHolder CONTEXT = new ContextHolder();

    @Test
    void extensionsAreAutodetectedSoTheGuardIsActiveEverywhere() {
        assertThat(CONTEXT.context.getConfigurationParameter("junit.jupiter.extensions.autodetection.enabled"))
                .contains("true");
    }

    @Test
    void junitsOwnDisabledConditionIsReplacedByTheGuard() {
        assertThat(CONTEXT.context.getConfigurationParameter("junit.jupiter.conditions.deactivate"))
                .contains("org.junit.jupiter.engine.extension.DisabledCondition");
    }

    /** Keeps the extension context of the running test. */
    static final class ContextHolder implements BeforeEachCallback {
        private ExtensionContext context;

        @Override
        public void beforeEach(ExtensionContext context) {
            this.context = context;
        }
    }
}
