# global, nonlocal and free variables across the 3.12 scopes.
counter = 0
Shared = int


def declares_global():
    global Shared

    def g[T](x: Shared = Shared) -> T:
        return Shared

    type Alias = Shared
    return g, Alias


def with_nonlocal():
    state = 0
    kind = str

    def bump[T](x: kind) -> T:
        nonlocal state
        state += 1
        return state

    type K[T: kind] = tuple[T, kind]
    return bump, K


def type_param_free_in_nested_class[T]():
    class Holder:
        attr: T

        def get(self) -> T:
            return T

    return Holder


def global_type_param_name[T]():
    global T
    T = 1
    return T


def genexpr_in_generic[T](items):
    return (T(i) for i in items), (i for i in T)


class Outer:
    attr = 1

    def method[T](self, x: T = attr) -> T:
        def inner():
            return T, x
        return inner

    class Nested[T]:
        def deep[U](self) -> tuple[T, U]:
            return T, U


lam = lambda: (identity for identity in ())
