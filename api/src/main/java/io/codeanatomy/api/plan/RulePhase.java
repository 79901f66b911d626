package io.codeanatomy.api.plan;

/** The optimizer phase a rule runs in: logical rewrites (P0 to P1) or physical planning (P1 to P2). */
public enum RulePhase {
    LOGICAL,
    PHYSICAL
}
