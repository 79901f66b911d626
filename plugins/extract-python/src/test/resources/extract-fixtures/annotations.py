from typing import List, Optional

Alias = int
x: int = 1
y: List[Alias]
(z): Optional[int]
(w): int = 2
obj = type("O", (), {})()
obj.attr: int = 3
items = [0]
items[0]: int = 4


def annotated(a: int, b: "str" = "s", *args: Alias, k: List[int] = None, **kw: dict) -> Optional[Alias]:
    local: int = a
    pending: List[str]
    return local


class Model:
    field: int
    other: List["Model"] = []

    def method(self, value: Alias) -> "Model":
        inner: Alias = value
        return self


lam = lambda v: v


# Without the future import, lambdas and comprehensions in annotations have their scopes.
lazy: lambda: q = None


def nested():
    (paren): int = 3
    (bare): int
    simple: int
    both: int = 1
    both = 2
    return [x for x in (yield)]
