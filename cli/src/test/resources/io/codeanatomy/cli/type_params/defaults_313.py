# PEP 696 defaults (3.13+): each default in a type-variable scope of its own.
class Wrapper:
    fallback = int


def with_defaults[T = int, *Ts = (
        int, str), **P = [int, str]](x: T) -> T:
    return x


class Defaulted[K: str = str, V = list[K]]:
    pass


type Alias[T = Wrapper] = list[T]


class InClass:
    base = int

    def method[T: base = base](self, x: T) -> T:
        return x
