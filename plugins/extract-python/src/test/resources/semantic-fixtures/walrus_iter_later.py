def f():
    return [x for z in w for x in (y := z)]
