from __future__ import annotations

from typing import List

x: Undefined = 1
y: List[Thing]


def annotated(a: Foo, b: Bar = 2, *args: Baz, k: Qux = None, **kw: Quux) -> Ret:
    local: Local = a
    return local


class Model:
    field: Field
    other: List[Model] = []

    def method(self, value: Alias) -> Model:
        inner: Alias = value
        return inner


# Under the future import CPython 3.11 gives these lambdas and comprehensions no scope.
lazy: lambda: q = None
table: {k: v for k, v in pairs}
(paren): int = 3
(bare): int


def uses(p: [i for i in range(3)] = [j for j in range(2)]) -> (lambda r: r):
    body: (lambda: s) = lambda: t
    return body
