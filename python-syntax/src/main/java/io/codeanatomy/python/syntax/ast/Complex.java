package io.codeanatomy.python.syntax.ast;

/** A complex constant; a Python literal such as {@code 2j} has {@code real == 0.0}. */
public record Complex(double real, double imag) {
}
