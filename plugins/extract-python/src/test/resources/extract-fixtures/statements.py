import asyncio
import contextlib


async def runner(source, lock):
    async with lock as held, contextlib.nullcontext() as (first, *rest):
        async for item in source:
            await asyncio.sleep(0)
            yield item
    for i, (j, k) in enumerate([(1, 2)]):
        pass
    else:
        i = None
    while held:
        held -= 1
        break
    with open("f") as fh, open("g"):
        data = fh.read()
    del data, first
    a = b = c = 1
    a, *b = [1, 2, 3]
    [c, (d, e)] = 1, (2, 3)
    x = y = lambda z=a: (yield from z)
    assert a, "message"
    if a < b <= c is not None:
        raise ValueError
    elif not a:
        pass
    result = a if b else c
    return


def generator():
    value = yield
    total = yield from range(3)
    return value, total


def positional(a, b, /, c, *, d, e=1):
    return a, b, c, d, e


def star_only(*, k):
    return k


def slices(seq):
    return seq[1:2], seq[::3], seq[a:b:c] if (a := 1) and (b := 2) and (c := 3) else seq[...]
