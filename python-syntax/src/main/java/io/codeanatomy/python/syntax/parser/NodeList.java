package io.codeanatomy.python.syntax.parser;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an exactly sized array that nobody else holds, so building an AST
 * list costs one array copy out of the parser's scratch stack and nothing more.
 */
final class NodeList<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] elements;

    NodeList(Object[] elements) {
        this.elements = elements;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
