# Type aliases: the value in a scope of its own, generic ones inside a type-parameter scope.
from typing import Callable

type Number = int | float
type Vector[T] = list[T]
type Forward = Later
type Recursive[T] = T | list[Recursive[T]]
type Fn[**P, R] = Callable[P, R]
type Many[*Ts] = tuple[*Ts]
type Bounded[T: int, S: (str, bytes)] = dict[T, S]


class Later:
    pass


class Holder:
    unit = float
    type Measure = unit
    type Table[K] = dict[K, unit]

    def method(self):
        type Local = Holder
        return Local


def in_function(limit):
    cap = limit

    type Capped = cap
    type Row[T] = tuple[T, cap]
    type Lazy = (lambda: cap)()
    type Gen = (x for x in (cap,))

    def later():
        return Capped, Row

    return later
