# Private names in a generic class's type-parameter scope: CPython 3.13 mangles the class's type
# parameters there and nothing else; 3.12.1 mangles every name there, and the class's name stays
# the private name of what follows the class (a 3.12.1 bug).
class Mangled[__T, V: __T](__Base[__T], key=__Key):
    __slot: __T

    def method[__U](self, u: __U, t: __T, other: __Other) -> __U:
        return self.__slot


class Outer:
    class Inner[__X]:
        pass

    def after[__Y](self, y: __Y, z: __Z):
        return __Y, __Z
