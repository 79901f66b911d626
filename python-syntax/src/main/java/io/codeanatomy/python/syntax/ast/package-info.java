/**
 * CPython's AST as immutable Java records: same class names, field names and field order as the
 * {@code ast} module (3.11, plus the 3.12-3.14 additions {@code type_params}, {@code TypeAlias},
 * {@code TypeVar}, {@code ParamSpec}, {@code TypeVarTuple}, {@code TemplateStr}, {@code Interpolation}).
 *
 * <p>{@code Constant.value} (and {@code MatchSingleton.value}) is one of: {@link java.lang.Boolean},
 * {@link java.lang.Long} (an int that fits) or {@link java.math.BigInteger} (one that does not),
 * {@link java.lang.Double}, {@link Complex}, {@link java.lang.String} (may hold lone surrogates), {@link CodePointString} (a str in which
 * escapes put a high and a low surrogate side by side, which a String would merge),
 * {@link Bytes}, {@link Singleton#NONE} or {@link Singleton#ELLIPSIS}. {@code Constant.kind} is
 * {@code "u"} for a {@code u''} literal, otherwise {@code null}.
 */
package io.codeanatomy.python.syntax.ast;
