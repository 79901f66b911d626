package io.codeanatomy.testkit.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.Objects.requireNonNull;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * Architecture rules a plugin's own tests check (with ArchUnit's {@code ClassFileImporter} over the
 * plugin's packages): a plugin builds against {@code api}, {@code spi} and its own libraries only,
 * so it keeps working when the runtime's internals change and loads in isolation.
 *
 * <pre>{@code
 * JavaClasses classes = new ClassFileImporter().importPackages("org.example.todo");
 * PluginArchitectureRules.all("org.example.todo").forEach(rule -> rule.check(classes));
 * }</pre>
 */
public final class PluginArchitectureRules {
    private static final String API = "io.codeanatomy.api";
    private static final String SPI = "io.codeanatomy.spi";

    private PluginArchitectureRules() {
    }

    /** Every rule below for the plugin whose classes live in {@code pluginPackage} and its sub-packages. */
    public static List<ArchRule> all(String pluginPackage) {
        return List.of(neverOnRuntimeInternals(pluginPackage), neverOnOtherCodeAnatomyModules(pluginPackage));
    }

    /** No class of the plugin uses the runtime or the command line: those are not a plugin's contract. */
    public static ArchRule neverOnRuntimeInternals(String pluginPackage) {
        requireNonNull(pluginPackage, "pluginPackage is null");
        return noClasses().that().resideInAPackage(pluginPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("io.codeanatomy.runtime..", "io.codeanatomy.cli..")
                .because("a plugin builds against api and spi only; the runtime's classes change without notice");
    }

    /**
     * No class of the plugin uses a CodeAnatomy class outside {@code api}, {@code spi} and the plugin
     * itself — in particular no other plugin's internals, which isolated loading hides from it.
     */
    public static ArchRule neverOnOtherCodeAnatomyModules(String pluginPackage) {
        requireNonNull(pluginPackage, "pluginPackage is null");
        DescribedPredicate<JavaClass> foreign = new DescribedPredicate<>("CodeAnatomy classes outside api, spi and " + pluginPackage) {
            @Override
            public boolean test(JavaClass type) {
                String name = type.getPackageName();
                return within(name, "io.codeanatomy") && !within(name, API) && !within(name, SPI) && !within(name, pluginPackage);
            }
        };
        return noClasses().that().resideInAPackage(pluginPackage + "..")
                .should().dependOnClassesThat(foreign)
                .because("another plugin's classes are not visible to an isolated plugin; share through an extension point in its api");
    }

    private static boolean within(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
