def f():
    global y
    nonlocal y
def g(a, a): pass
