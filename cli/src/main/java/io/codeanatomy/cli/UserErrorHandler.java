package io.codeanatomy.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a {@link UserError} as one line on stderr; anything else is a bug and keeps its trace. */
final class UserErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) throws Exception {
        if (ex instanceof UserError userError) {
            commandLine.getErr().println("codeanatomy: " + userError.getMessage());
            commandLine.getErr().flush();
            return userError.exitCode();
        }
        throw ex;
    }
}
