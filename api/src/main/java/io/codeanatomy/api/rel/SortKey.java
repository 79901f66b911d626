package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;

import static java.util.Objects.requireNonNull;

/**
 * One ordering key. Null placement is always explicit, so an ordering means the same thing on
 * every engine; the factories follow SQL's default (nulls sort as the largest value).
 *
 * @param field the expression to order by
 * @param descending largest first when true
 * @param nullsFirst nulls before all values when true
 */
public record SortKey(Field<?> field, boolean descending, boolean nullsFirst) {
    public SortKey {
        requireNonNull(field, "field is null");
    }

    /** Ascending, nulls last. */
    public static SortKey asc(Field<?> field) {
        return new SortKey(field, false, false);
    }

    /** Descending, nulls first. */
    public static SortKey desc(Field<?> field) {
        return new SortKey(field, true, true);
    }

    /** Same key with the given null placement. */
    public SortKey withNullsFirst(boolean first) {
        return new SortKey(field, descending, first);
    }

    /** Canonical text, with types. */
    public String canonical() {
        return Exprs.canonical(field) + text();
    }

    @Override
    public String toString() {
        return field + text();
    }

    private String text() {
        return (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
