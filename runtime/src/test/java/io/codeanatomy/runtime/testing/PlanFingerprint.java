package io.codeanatomy.runtime.testing;

import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.result.PlanBundleFiles;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.Plugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plans the built-in spec over a source tree, as {@code codeanatomy plan} does, with the test
 * plugins, and prints the run directory. Its {@link #main} runs in a second JVM to show that
 * plans do not depend on the JVM that made them.
 */
public final class PlanFingerprint {
    private PlanFingerprint() {
    }

    /**
     * @param workers extraction threads
     * @param reversed whether to hand the plugins over in reverse order (discovery sorts them)
     */
    public static BuildOutcome plan(Path source, Path out, int workers, boolean reversed) {
        List<Plugin> plugins = new ArrayList<>(List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin()));
        if (reversed) {
            Collections.reverse(plugins);
        }
        return new BuildPipeline(SessionConfig.defaults().withWorkers(workers), config -> Session.open(config, plugins), TinyPythonPlugin.spec())
                .plan(source, out, List.of(), List.of(), BuildListener.NONE);
    }

    /** {@code <source> <out> <workers>}: plans and prints the run's plan bundle directory. */
    public static void main(String[] args) {
        BuildOutcome outcome = plan(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), false);
        System.out.println(outcome.runDirectory().resolve(PlanBundleFiles.DIRECTORY));
    }
}
