package io.codeanatomy.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction of the modules (docs/architecture): api depends on the JDK only; spi on
 * api and the engine libraries; runtime never on a plugin; plugins never on the runtime; only the
 * Delta plugin touches Delta Kernel and only the runtime touches Guice. The cli's classpath holds
 * every module, so this is the one place that sees them all.
 */
@AnalyzeClasses(packages = "io.codeanatomy", importOptions = ImportOption.DoNotIncludeTests.class)
class TestArchitecture {
    private static final String API = "io.codeanatomy.api..";
    private static final String SPI = "io.codeanatomy.spi..";
    private static final String RUNTIME = "io.codeanatomy.runtime..";
    private static final String CLI = "io.codeanatomy.cli..";
    private static final String[] PLUGINS = {"io.codeanatomy.plugins..", "io.codeanatomy.python.."};

    @ArchTest
    static final ArchRule apiDependsOnTheJdkOnly = classes().that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java..")
            .because("the api is the stable, engine-free surface of the project");

    @ArchTest
    static final ArchRule spiDependsOnApiAndEngineTypesOnly = classes().that().resideInAPackage(SPI)
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, SPI, "java..", "org.apache.calcite..", "org.apache.arrow..")
            .because("plugins implement the spi without seeing the runtime");

    @ArchTest
    static final ArchRule runtimeNeverDependsOnAPlugin = noClasses().that().resideInAPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage(PLUGINS)
            .because("the runtime finds plugins through ServiceLoader and nothing else");

    @ArchTest
    static final ArchRule pluginsNeverDependOnTheRuntimeOrTheCli = noClasses().that().resideInAnyPackage(PLUGINS)
            .should().dependOnClassesThat().resideInAnyPackage(RUNTIME, CLI);

    @ArchTest
    static final ArchRule onlyDeltaIoTouchesDeltaKernel = noClasses().that().resideOutsideOfPackage("io.codeanatomy.plugins.delta..")
            .should().dependOnClassesThat().resideInAPackage("io.delta.kernel..");

    @ArchTest
    static final ArchRule thePythonParserDependsOnTheJdkOnly = classes().that().resideInAPackage("io.codeanatomy.python.syntax..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.codeanatomy.python.syntax..", "java..")
            .because("the parser is usable without the rest of the platform (docs/decisions.md)");

    @ArchTest
    static final ArchRule pluginsNeverDependOnEachOther = slices().matching("io.codeanatomy.plugins.(*)..")
            .should().notDependOnEachOther()
            .because("plugins meet only through the spi and the runtime");

    @ArchTest
    static final ArchRule onlyThePythonExtractorUsesTheParser = noClasses().that().resideInAPackage("io.codeanatomy.plugins..")
            .and().resideOutsideOfPackage("io.codeanatomy.plugins.python..")
            .should().dependOnClassesThat().resideInAPackage("io.codeanatomy.python..");

    @ArchTest
    static final ArchRule onlyTheRuntimeTouchesGuice = noClasses().that().resideOutsideOfPackage(RUNTIME)
            .and().resideInAPackage("io.codeanatomy..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..");
}
