package io.codeanatomy.python.syntax.parser;

/**
 * What every parser of one file shares, the file's own and those of its f-string fields: the
 * interned names, and whether CPython counts the columns of parser errors in characters.
 *
 * @param charColumns CPython prints character columns only for a file with a BOM or a coding
 *                    declaration; {@code ast.parse} of other bytes prints UTF-8 byte columns
 */
record FileScope(NameTable names, boolean charColumns) {
}
