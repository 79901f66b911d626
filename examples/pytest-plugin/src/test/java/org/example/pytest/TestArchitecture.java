package org.example.pytest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.codeanatomy.testkit.plugin.PluginArchitectureRules;
import org.junit.jupiter.api.Test;

/** The plugin uses api, spi and its own classes only. */
class TestArchitecture {
    @Test
    void dependsOnlyOnApiAndSpi() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.example.pytest");
        PluginArchitectureRules.all("org.example.pytest").forEach(rule -> rule.check(classes));
    }
}
