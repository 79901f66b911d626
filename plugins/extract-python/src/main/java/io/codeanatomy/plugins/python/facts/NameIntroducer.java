package io.codeanatomy.plugins.python.facts;

/** The syntax that a name occurrence belongs to; plain loads are REFERENCE. */
public enum NameIntroducer {
    REFERENCE,
    ASSIGNMENT,
    AUG_ASSIGNMENT,
    ANN_ASSIGNMENT,
    FOR_TARGET,
    WITH_AS,
    EXCEPT_AS,
    IMPORT,
    DEF_NAME,
    CLASS_NAME,
    PARAMETER,
    GLOBAL,
    NONLOCAL,
    COMPREHENSION_TARGET,
    WALRUS,
    MATCH_CAPTURE,
    TYPE_PARAM,
    TYPE_ALIAS,
    DEL
}
