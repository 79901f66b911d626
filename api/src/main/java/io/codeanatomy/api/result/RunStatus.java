package io.codeanatomy.api.result;

/** How a run ended. */
public enum RunStatus {
    /** Every output was written and committed. */
    SUCCEEDED,
    /** The run stopped on an error; no output was left partially written. */
    FAILED
}
