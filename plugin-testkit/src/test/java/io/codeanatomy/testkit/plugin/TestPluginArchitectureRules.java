package io.codeanatomy.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TestPluginArchitectureRules {
    @Test
    void anInTreePluginKeepsToApiAndSpi() {
        JavaClasses spans = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.codeanatomy.plugins.spans");

        PluginArchitectureRules.all("io.codeanatomy.plugins.spans").forEach(rule -> rule.check(spans));
    }

    @Test
    void codeUsingTheRuntimeBreaksTheRulesNamingTheClass() {
        // The testkit itself uses the runtime, as a plugin must not.
        JavaClasses testkit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.codeanatomy.testkit.plugin");

        assertThatThrownBy(() -> PluginArchitectureRules.neverOnRuntimeInternals("io.codeanatomy.testkit.plugin").check(testkit))
                .hasMessageContaining("PluginConformanceTest").hasMessageContaining("io.codeanatomy.runtime");
        assertThatThrownBy(() -> PluginArchitectureRules.neverOnOtherCodeAnatomyModules("io.codeanatomy.testkit.plugin").check(testkit))
                .hasMessageContaining("io.codeanatomy.runtime");
    }
}
