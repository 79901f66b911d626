package io.codeanatomy.bench.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.codeanatomy.bench.architecture.CodeModules.API;
import static io.codeanatomy.bench.architecture.CodeModules.BENCH;
import static io.codeanatomy.bench.architecture.CodeModules.CLI;
import static io.codeanatomy.bench.architecture.CodeModules.DELTA_IO;
import static io.codeanatomy.bench.architecture.CodeModules.EXTRACT_PYTHON;
import static io.codeanatomy.bench.architecture.CodeModules.PYTHON_SYNTAX;
import static io.codeanatomy.bench.architecture.CodeModules.RUNTIME;
import static io.codeanatomy.bench.architecture.CodeModules.SPI;
import static io.codeanatomy.bench.architecture.CodeModules.TESTKIT;
import static java.util.Objects.requireNonNull;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dependency direction of the modules (docs/architecture), keyed on the module a class comes
 * from rather than its package, so that a plugin or bench class in any package is held to them.
 * Each rule fails when it selects no class at all (ArchUnit's default, see
 * {@code TestArchitectureRulesCanFail}): a module that is not found cannot pass vacuously.
 */
final class ArchitectureRules {
    /** A rule with a name to report it by. */
    record Rule(String name, Function<CodeModules, ArchRule> define) {
        Rule {
            requireNonNull(name, "name is null");
            requireNonNull(define, "define is null");
        }
    }

    static final List<Rule> ALL = List.of(
            new Rule("api depends on the JDK only", m -> classes().that(m.in(API))
                    .should().onlyDependOnClassesThat(m.in(API).or(resideInAPackage("java..")))
                    .because("the api is the stable, engine-free surface of the project")),
            new Rule("spi depends on the api and the engine types only", m -> classes().that(m.in(SPI))
                    .should().onlyDependOnClassesThat(m.in(API).or(m.in(SPI))
                            .or(resideInAnyPackage("java..", "org.apache.calcite..", "org.apache.arrow..")))
                    .because("plugins implement the spi without seeing the runtime")),
            new Rule("python-syntax depends on the JDK only", m -> classes().that(m.in(PYTHON_SYNTAX))
                    .should().onlyDependOnClassesThat(m.in(PYTHON_SYNTAX).or(resideInAPackage("java..")))
                    .because("the parser is usable without the rest of the platform (docs/decisions.md)")),
            new Rule("the runtime never depends on a plugin, the cli, the bench or the testkit", m -> noClasses()
                    .that(m.in(RUNTIME))
                    .should().dependOnClassesThat(m.inAPlugin().or(m.in(CLI)).or(m.in(BENCH)).or(m.in(TESTKIT)))
                    .because("the runtime finds plugins through ServiceLoader and nothing else")),
            new Rule("plugins never depend on the runtime, the cli or the bench", m -> noClasses().that(m.inAPlugin())
                    .should().dependOnClassesThat(m.in(RUNTIME).or(m.in(CLI)).or(m.in(BENCH)))
                    .because("a plugin sees the platform through the spi only")),
            new Rule("plugins never depend on each other", m -> classes().that(m.inAPlugin())
                    .should(dependOnNoOtherPlugin(m))
                    .because("plugins meet only through the spi and the runtime")),
            new Rule("only the Python extractor among plugins uses the parser", m -> noClasses()
                    .that(m.inAPluginBut(EXTRACT_PYTHON))
                    .should().dependOnClassesThat(m.in(PYTHON_SYNTAX))),
            new Rule("only the Delta plugin touches Delta Kernel", m -> noClasses().that(not(m.in(DELTA_IO)))
                    .should().dependOnClassesThat(resideInAPackage("io.delta.kernel.."))),
            new Rule("only the runtime touches Guice", m -> noClasses().that(not(m.in(RUNTIME)))
                    .should().dependOnClassesThat(resideInAPackage("com.google.inject.."))
                    .because("the injector is built once, in the runtime's session")),
            new Rule("no main code but the bench uses the testkit", m -> noClasses()
                    .that(not(m.in(TESTKIT)).and(not(m.in(BENCH))))
                    .should().dependOnClassesThat(m.in(TESTKIT))
                    .because("the testkit is for tests; the bench alone times CPython with it")),
            new Rule("nothing depends on the cli or the bench", m -> noClasses()
                    .that(not(m.in(CLI)).and(not(m.in(BENCH))))
                    .should().dependOnClassesThat(m.in(CLI).or(m.in(BENCH)))
                    .because("they are the two programs at the top of the module graph")));

    private ArchitectureRules() {
    }

    private static ArchCondition<JavaClass> dependOnNoOtherPlugin(CodeModules m) {
        return new ArchCondition<>("depend on no class of another plugin module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = m.pluginOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = m.pluginOf(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ", a class of " + target.get()));
                    }
                }
            }
        };
    }
}
