package io.codeanatomy.testkit.browser;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What headless Chromium did with one page.
 *
 * @param dom the document after its scripts ran ({@code --dump-dom}), empty for a screenshot
 * @param log the browser's log on standard error, where page console messages appear as
 *     {@code CONSOLE(line)} entries
 */
public record PageVisit(String dom, String log) {
    public PageVisit {
        requireNonNull(dom, "dom is null");
        requireNonNull(log, "log is null");
    }

    /** The log lines that report the page's console messages or uncaught errors. */
    public List<String> consoleMessages() {
        return log.lines().filter(line -> line.contains(":CONSOLE(") || line.contains("Uncaught")).toList();
    }
}
