"""Value flow: every form the flow tables describe, for both differential tests."""
import functools
from typing import List


class Base(object, metaclass=type):
    attr: int = 1
    other = attr


class Mixed(*[Base], **{"metaclass": type}):
    pass


def deco(f):
    return f


@deco
@functools.lru_cache(maxsize=None)
def compute(x: int, y: "Base" = None, *args: List[int], key=None, **kw: "typing.Any") -> "Base":
    a = b = x
    a += 1
    c: int = a
    first, (second, *rest) = args
    [p, *q, r] = kw.values()
    t = (1, 2, *args)
    d = {"k": a, 2: b, **kw}
    s = {*args, 3}
    v = t[0] + d["k"] + t[-1] + t[a]
    t2 = d.get("k") or (b and c) or (x if y else key)
    for i, j in enumerate(args):
        print(i, j, sep="", *args, **kw)
    with open("f") as fh, open("g") as (g1, g2):
        pass
    result = [m * n for m in args if m for n in range(m) if (w := n)]
    gen = (z for z in args)
    mapping = {k: w for k, w in kw.items()}
    squares = {e * e for e in args}
    f = lambda u, *vs: (u, vs)
    self_attr = Base()
    self_attr.attr = f(1, *args)
    del self_attr.attr
    text = f"{a!r:>{b}} and {c}"
    return result


def generator(items):
    received = yield
    yield received
    yield from items
    return


async def coroutine(source):
    async with source as handle:
        async for item in handle:
            await item
    return [await v async for v in source]
