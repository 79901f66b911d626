package io.codeanatomy.cli;

import picocli.CommandLine.Option;

/** How a command that prints rows prints them ({@code query}, {@code ask}): {@code --format} and {@code --csv-crlf}. */
final class ResultOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Prints table, csv (a header row, LF line ends) or json (an array of objects) (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--csv-crlf", description = "Ends CSV records with CR LF, as RFC 4180 has it.")
    private boolean crlf;

    /** @throws UserError (exit 2) naming the value and the choices when {@code --format} is none of them */
    ResultFormat format() {
        return ResultFormat.parse(format);
    }

    boolean crlf() {
        return crlf;
    }
}
