import functools
import os.path


def target(*args, **kwargs):
    return args, kwargs


args = (1, 2)
kwargs = {"a": 1}
target()
target(1, 2, 3)
target(*args)
target(1, *args, 2, *args)
target(key=1, other=2)
target(**kwargs)
target(1, *args, key=3, **kwargs, last=4)
os.path.join("a", "b")
functools.partial(target, 1)(2)(3)
target(lambda: target(0))
(target)(0)
[target][0](1)
target(x for x in args)
getattr(os, "sep").join(["a"])
message = f"{target(1)} and {os.path.basename('x')!r:>{len(args)}}"
obj = type("C", (), {"m": lambda self: self})()
obj.m().__class__.__name__.upper()


@functools.wraps(target)
def wrapper(*a, **k):
    return target(*a, **k)
