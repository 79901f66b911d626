# Generic classes: bases and keywords in the type-parameter scope, .type_params and .generic_base.
from typing import Generic, Protocol


class Meta(type):
    pass


class Box[T]:
    content: T

    def __init__(self, content: T) -> None:
        self.content = content

    def get(self) -> T:
        return self.content

    def map[U](self, f: "Callable[[T], U]") -> "Box[U]":
        return Box(f(self.content))

    def parent(self):
        return super().parent()

    def generic_parent[V](self, v: V):
        return super().generic_parent(v), __class__


class Pair[K, V](Box[tuple[K, V]], metaclass=Meta, flag=K):
    first: K
    second: V

    class Inner[W](Protocol[W, K]):
        item: W
        key: K

    def swap(self) -> "Pair[V, K]":
        return Pair(self.second, self.first)


class Constrained[N: (int, float), *Shape, **P]:
    def shape(self) -> tuple[*Shape]:
        return ()


def factory(default):
    local = default

    class Made[T](Generic[T]):
        value: T = local

        def read(self) -> T:
            return local

    return Made


class Registry:
    kind = int

    class Entry[T: kind]:
        pass

    def lookup[T: kind](self, key: T) -> kind:
        return key

    def plain(self, x: kind) -> kind:
        return x
