package io.codeanatomy.api.plan;

/** What a fragment of a run's plan DAG produces. */
public enum PlanNodeKind {
    /**
     * A shared view, computed once per run into a materialized intermediate that the fragments
     * reading it scan.
     */
    SPOOL,
    /** An output table of the spec, written by the materializer. */
    OUTPUT
}
