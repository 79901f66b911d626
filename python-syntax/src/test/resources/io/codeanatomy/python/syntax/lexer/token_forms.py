#!/usr/bin/env python3
# A fixture for TestLexerDifferential: every form of token the lexer knows, in code that parses.
"""Module docstring with 'quotes' and "double quotes" and \"escapes\"."""
import os, sys as system
from . import x  # noqa
from .. import y
from ...pkg import z

numbers = [0, 00, 0_0, 1, 123_456, 0x1F, 0XdeadBEEF, 0x_ff, 0o17, 0O7_7, 0b1010, 0B1_0, 1.5, 1., .5, 1e10, 1E-5,
           1.5e+3, 1_0.0_1e1_0, 3j, 3.5J, 1e3j, .5j, 0j, 00j, 09.5, 0e0, 1if 1else 2, 0x1for _ in ()]
strings = ['a', "b", '''c''', """d""", r'\d', R"\e", b'f', B"g", br'h', Rb"i", bR'j', u'k', U"l", f'm', F"n",
           fr'o{1}', Rf"p{2!r:>{3}}", rb'''q
''', 'implicit' "concatenation", '\'', "\"", '\\', 'back\
slash']
empty = '' "" '''''' """"""
triple = '''one
two ' '' ""
three'''
fstrings = f"{numbers[0]:>10} {strings!r} {'nested'} {{literal}} {x=}"
ops = (1 + 2 - 3 * 4 / 5 // 6 % 7 ** 8 @ m if False else 0, 1 << 2 >> 3 & 4 | 5 ^ ~6, a < b > c <= d >= e == f != g,
       (yield), lambda: None)
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= m; a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1
if (n := 10) > 5:
    pass
elif n:
	pass
else:
    def f(a, /, b, *, c) -> int: ...
    class C(metaclass=M):
        async def g(self):
            await self
            async for i in x:
                async with y as z:
                    yield from z

        @decorator
        def h(self): return self.x[1:2, ::3]
x = [
    1,  # a comment inside brackets

    2,
]
y = 1 + \
    2
match x:
    case [1, *rest] if rest:
        pass
    case {"k": v, **kw}:
        pass
    case Point(x=0) | None:
        pass
    case _:
        pass
type = 1
identifiers = café, naïve, _private, __dunder__, ŝtuff, Ω, 変数, ﬁle
del identifiers
assert True, "message"
global glob
try:
    raise ValueError from None
except* (TypeError, ValueError) as e:
    pass
finally:
    pass
with (open('a') as f1, open('b') as f2):
    nonlocal_ = not x and y or z is not None in w
while 0: break
for _ in (): continue
print(f'''multi
{x}
line''', end='')
    # a comment deeper than the code
# a comment at column 0

last = 'line without a trailing comment'
