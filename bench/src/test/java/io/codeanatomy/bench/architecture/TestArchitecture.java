package io.codeanatomy.bench.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link ArchitectureRules} over the main classes of every module. It lives in the
 * bench because the bench is the top of the module graph: its test classpath holds every module,
 * the bench and the testkit included, while the cli's would not hold the bench.
 */
class TestArchitecture {
    private static final CodeModules MODULES = CodeModules.ofClasspath();
    private static final JavaClasses CLASSES = new ClassFileImporter().importUrls(MODULES.urls());

    static Stream<Named<ArchitectureRules.Rule>> rules() {
        return ArchitectureRules.ALL.stream().map(rule -> Named.of(rule.name(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(ArchitectureRules.Rule rule) {
        rule.define().apply(MODULES).check(CLASSES);
    }
}
