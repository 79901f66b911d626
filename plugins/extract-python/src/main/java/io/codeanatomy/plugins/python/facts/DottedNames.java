package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.expr;

/** Dotted names of expressions, as callee and decorator columns hold them. */
final class DottedNames {
    private DottedNames() {
    }

    /** {@code a.b.c} for a Name or a chain of Attributes ending in a Name, else null. */
    static String of(expr e) {
        int length = 0;
        expr x = e;
        while (x instanceof Attribute a) {
            length += a.attr().length() + 1;
            x = a.value();
        }
        if (!(x instanceof Name root)) {
            return null;
        }
        if (x == e) {
            return root.id();
        }
        char[] buf = new char[length + root.id().length()];
        int end = buf.length;
        for (x = e; x instanceof Attribute a; x = a.value()) {
            String attr = a.attr();
            end -= attr.length();
            attr.getChars(0, attr.length(), buf, end);
            buf[--end] = '.';
        }
        root.id().getChars(0, root.id().length(), buf, 0);
        return new String(buf);
    }
}
