# Generic functions: type-parameter scopes around the function's own scope.
from typing import Callable, Sequence
import functools

LIMIT = 10


def identity[T](x: T) -> T:
    return x


def bounded[N: int, S: (str, bytes), *Ts, **P](n: N, s: S, *args: *Ts, f: Callable[P, N] = None) -> tuple[N, S]:
    return n, s


def with_defaults[T](a: T = LIMIT, *, b: int = LIMIT, c, **kw: T) -> Sequence[T]:
    return [a, b, c]


async def fetch[R](source: Callable[[], R]) -> R:
    return await source()


@functools.cache
def decorated[K, V](key: K, table: dict[K, V]) -> V:
    return table[key]


def closure_over_type_param[T](items: list[T]):
    def first() -> T:
        return items[0]

    def kind():
        return T

    return first, kind, (lambda: T), (t for t in items if isinstance(t, T))


def outer(base):
    scale = 2

    def inner[U: type(base)](u: U, k=scale) -> U:
        return u * scale

    def shadow[base](value: base) -> base:
        return value

    return inner, shadow


def nested_generics[A](a: A):
    def level2[B](b: B, aa: A = a) -> tuple[A, B]:
        def level3[C: B](c: C) -> tuple[A, B, C]:
            return a, b, c
        return level3
    return level2


def rebinds_type_param[T](x: T):
    T = type(x)
    return T


def annotation_lambda[T](x: (lambda: T)) -> (t for t in (T,)):
    return x


def uses_super[T](x: super) -> T:
    return x


def multiline_bounds[
    T: (
        int, str),
    S: (
        float
    ),
](t: T, s: S):
    return t, s
