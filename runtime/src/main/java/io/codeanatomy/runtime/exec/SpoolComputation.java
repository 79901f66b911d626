package io.codeanatomy.runtime.exec;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A flight-recorder event per spool computation: its view, rows, start, duration and thread. With
 * a recording on ({@code -XX:StartFlightRecording}), the execution samples of that thread within the
 * event's time are the view's work, so a profile can be split by view. Costs nothing without a
 * recording.
 */
@Name("codeanatomy.SpoolComputation")
@Label("Spool computation")
@Category({"CodeAnatomy", "Execution"})
@Description("One shared view of the plan DAG computed")
@StackTrace(false)
final class SpoolComputation extends jdk.jfr.Event {
    @Label("View")
    String view;

    @Label("Rows")
    long rows;
}
