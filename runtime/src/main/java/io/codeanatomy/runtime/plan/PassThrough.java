package io.codeanatomy.runtime.plan;

/**
 * A node that hands on its one input's rows as they are and in their order, such as the node that
 * meters an operator: a rewrite may look through it to the input.
 */
public interface PassThrough {
}
