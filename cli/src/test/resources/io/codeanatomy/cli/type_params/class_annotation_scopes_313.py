# Lambdas and generator expressions in annotation scopes inside a class body: CPython 3.12
# refuses them ("Cannot use lambda in annotation scope within class scope"), 3.13 accepts them.
class Host:
    unit = int

    def method[T](self, x: (lambda: T)) -> T:
        return x

    type Made[T] = (lambda: T)
    type Gen = (u for u in (unit,))
