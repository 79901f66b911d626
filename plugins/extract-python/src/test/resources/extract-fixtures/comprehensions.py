data = [1, 2, 3]
squares = [x * x for x in data if x > 1]
evens = {x for x in data if x % 2 == 0}
mapping = {k: v for k, v in zip(data, data)}
gen = (x for x in data)
nested = [[y for y in range(x)] for x in data]
cross = [(a, b) for a in data for b in range(a) if a != b]
first_iter_scope = [x for x in [y for y in data]]
module_walrus = [last := x for x in data]
print(last, sum(x for x in data), max((x for x in data), default=0))


def f(items):
    found = [hit for it in items if (hit := it * 2) > 2]
    nested_walrus = [[(deep := a) for a in row] for row in items]
    return found, hit, deep, nested_walrus


async def agen(source):
    result = [x async for x in source]
    awaited = [await x for x in result]
    return {k: [v async for v in source] for k in result}


class Table:
    rows = [1, 2]
    doubled = [r * 2 for r in rows]
    keyed = {r: [c for c in range(r)] for r in rows}


lambdas = [lambda: i for i in range(3)]
conditional = [x if x else -x for x in data if x for y in data if y]
dict_of_gen = {n: sum(m for m in range(n)) for n in data}
