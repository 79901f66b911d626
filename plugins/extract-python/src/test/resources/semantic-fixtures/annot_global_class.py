class C:
    global x
    x: int
