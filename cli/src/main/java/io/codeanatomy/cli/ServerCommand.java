package io.codeanatomy.cli;

import io.codeanatomy.cli.server.ServerControl;
import io.codeanatomy.cli.server.ServerStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy server status|stop}: the resident query servers that answer query, tables, describe and ask (docs/cli.md). */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Says which query servers run (status) or stops them (stop).",
            "./codeanatomy starts one for query, tables, describe and ask; CODEANATOMY_SERVER=0 runs them without."
        })
public final class ServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status or stop.")
    private String action;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case "status" -> {
                List<ServerStatus> running = ServerControl.status(System.getenv());
                if (running.isEmpty()) {
                    out.println("no query server is running.");
                }
                running.forEach(out::println);
            }
            case "stop" -> {
                int stopped = ServerControl.stop(System.getenv());
                out.println("stopped " + stopped + (stopped == 1 ? " query server." : " query servers."));
            }
            default -> throw new UserError("server takes status or stop, not '" + action + "'.", 2);
        }
        out.flush();
        return 0;
    }
}
