class Base:
    def greet(self):
        return "base"


class Child(Base):
    def greet(self):
        return super().greet()

    def explicit(self):
        return __class__

    def comp(self):
        return [super().greet() for _ in range(2)]

    def __private(self):
        return self.__secret

    def uses_private(self):
        return self.__private()


def make():
    global made

    def made():
        return 1

    class Cls:
        pass

    return made, Cls


class Holder:
    global hoisted

    def hoisted(self):
        return self

    def keep(self):
        return hoisted


def shadow(list):
    return [list for list in list]


def outer():
    counter = 0

    def inc():
        nonlocal counter
        counter = counter + 1
        return counter

    return inc


def class_in_func(a):
    class K:
        b = a

        def m(self):
            return a
    return K
