from __future__ import annotations

from typing import Callable


def generic[T, **P](x: T, f: Callable[P, T]) -> Undefined[T]:
    local: T = x
    return local


class Node[T](list[T]):
    value: T
    parent: Node[T] | None

    def walk[U](self, f: Callable[[T], U]) -> list[U]:
        return []


type Tree[T] = Node[T] | T
