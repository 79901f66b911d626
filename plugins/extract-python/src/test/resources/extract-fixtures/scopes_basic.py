"""Module docstring."""
import functools

COUNTER = 0
DEFAULT = object()


def outer(a, b=DEFAULT, *args, key=len, **kwargs):
    """Docstring."""
    total = a

    def inner(x, y=total):
        nonlocal total
        total += x + y
        return total

    def reader():
        return total + COUNTER

    class Local(Base if a else object, metaclass=type):
        attr = a

        def method(self):
            return attr, self

    return inner, reader, Local


def bump():
    global COUNTER
    COUNTER += 1
    del COUNTER


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    @property
    def label(self):
        return f"{self.name}:{self.sides}"

    @functools.lru_cache(maxsize=None)
    def area(self, scale=sides):
        return 0

    class Inner:
        def deep(self):
            return Shape, Inner

    @staticmethod
    def make(*, n=lambda: sides):
        return Shape("x")


def chain():
    def level1():
        v = 1

        def level2():
            def level3():
                return v
            return level3
        return level2
    return level1


square = lambda n, m=COUNTER: n * m
pairs = [(lambda q: q + i) for i in range(3)]
