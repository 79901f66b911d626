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
