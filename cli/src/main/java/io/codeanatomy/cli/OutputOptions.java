package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildSelector;
import java.nio.file.Path;
import java.util.function.Predicate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What the commands that read a build's output ({@code query}, {@code ask}, {@code shell},
 * {@code tables}, {@code describe}, {@code export}) take to open it: the output directory OUT,
 * their first parameter, with the planner's settings and the plugins the session over its tables
 * has. Which build to read is {@link BuildSelection}, on the commands that offer the choice.
 */
final class OutputOptions {
    @Parameters(index = "0", paramLabel = "OUT", description = "The output directory of a build.")
    private Path out;

    @Mixin
    private RuleOptions toggles;

    @Mixin
    private PluginOptions plugins;

    Path out() {
        return out;
    }

    /** Every table of the latest build; see {@link #open(BuildSelector, Predicate)}. */
    OpenedOutput open() {
        return open(BuildSelector.LATEST, name -> true);
    }

    /** The tables of the latest build that {@code wanted} accepts; see {@link #open(BuildSelector, Predicate)}. */
    OpenedOutput open(Predicate<String> wanted) {
        return open(BuildSelector.LATEST, wanted);
    }

    /**
     * The tables of the build {@code selector} picks that {@code wanted} accepts, in a session with
     * these options' plugins and rule toggles.
     *
     * @throws UserError as {@link OpenedOutput#open} does
     */
    OpenedOutput open(BuildSelector selector, Predicate<String> wanted) {
        return OpenedOutput.open(out, plugins, toggles, selector, wanted);
    }
}
