package io.codeanatomy.bench.architecture;

import static io.codeanatomy.bench.architecture.CodeModules.API;
import static io.codeanatomy.bench.architecture.CodeModules.CLI;
import static io.codeanatomy.bench.architecture.CodeModules.PYTHON_SYNTAX;
import static io.codeanatomy.bench.architecture.CodeModules.RUNTIME;
import static io.codeanatomy.bench.architecture.CodeModules.SPI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.codeanatomy.bench.architecture.fixture.BreaksEveryRule;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule rejects a class that breaks it, and rejects an empty selection: none can
 * pass vacuously. {@link BreaksEveryRule} plays, per rule, a module the rule constrains.
 */
class TestArchitectureRulesCanFail {
    private static final CodeModules MODULES = CodeModules.ofClasspath();
    /** A plugin other than the two the rules single out. */
    private static final String SOME_PLUGIN = MODULES.plugins().stream()
            .filter(p -> !p.equals(CodeModules.EXTRACT_PYTHON) && !p.equals(CodeModules.DELTA_IO) && !p.contains("Spans"))
            .findFirst().orElseThrow();

    /** Per rule, the module the offending class plays. */
    private static final Map<String, String> PLAYS = Map.ofEntries(
            Map.entry("api depends on the JDK only", API),
            Map.entry("spi depends on the api and the engine types only", SPI),
            Map.entry("python-syntax depends on the JDK only", PYTHON_SYNTAX),
            Map.entry("the runtime never depends on a plugin, the cli, the bench or the testkit", RUNTIME),
            Map.entry("plugins never depend on the runtime, the cli or the bench", SOME_PLUGIN),
            Map.entry("plugins never depend on each other", SOME_PLUGIN),
            Map.entry("only the Python extractor among plugins uses the parser", SOME_PLUGIN),
            Map.entry("only the Delta plugin touches Delta Kernel", API),
            Map.entry("only the runtime touches Guice", CLI),
            Map.entry("no main code but the bench uses the testkit", API),
            Map.entry("nothing depends on the cli or the bench", API));

    private static final JavaClasses OFFENDER = new ClassFileImporter().importClasses(BreaksEveryRule.class);

    static Stream<Named<ArchitectureRules.Rule>> rules() {
        return ArchitectureRules.ALL.stream().map(rule -> Named.of(rule.name(), rule));
    }

    @Test
    void everyRuleHasAnOffenceHere() {
        assertThat(PLAYS.keySet()).containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL.stream()
                .map(ArchitectureRules.Rule::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsAClassThatBreaksIt(ArchitectureRules.Rule rule) {
        CodeModules world = MODULES.playedBy(PLAYS.get(rule.name()), BreaksEveryRule.class);

        assertThatThrownBy(() -> rule.define().apply(world).check(OFFENDER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(BreaksEveryRule.class.getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsAnEmptySelection(ArchitectureRules.Rule rule) {
        JavaClasses nothing = new ClassFileImporter().importClasses();

        assertThatThrownBy(() -> rule.define().apply(MODULES).check(nothing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

}
