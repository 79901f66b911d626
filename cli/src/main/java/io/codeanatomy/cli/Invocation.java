package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * What a command line sees of the process that typed it, when that process is not this JVM: the
 * query server runs a client's command line with the client's environment variables and whether
 * the client's standard input and output are a terminal ({@code System.console() != null} there).
 *
 * @param environment the client's variables that change what a command prints (picocli's colours: {@code NO_COLOR},
 *     {@code CLICOLOR}, {@code CLICOLOR_FORCE}, {@code ConEmuANSI}); what the JVM fixes at start (time zone, locale,
 *     charset) is not here: a server serves only clients that agree with it on those
 * @param console whether the client has a console
 */
public record Invocation(Map<String, String> environment, boolean console) {
    public Invocation {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /** Colour or not, as picocli's {@code Ansi.AUTO} decides it on Unix, from the client's variables and console. */
    Ansi ansi() {
        // picocli: a NO_COLOR that is set, even empty, turns colour off.
        if (environment.containsKey("NO_COLOR")) {
            return Ansi.OFF;
        }
        String force = environment.get("CLICOLOR_FORCE");
        if (force != null && !force.equals("0")) {
            return Ansi.ON;
        }
        if ("0".equals(environment.get("CLICOLOR")) || "OFF".equals(environment.get("ConEmuANSI"))) {
            return Ansi.OFF;
        }
        return console ? Ansi.ON : Ansi.OFF;
    }
}
