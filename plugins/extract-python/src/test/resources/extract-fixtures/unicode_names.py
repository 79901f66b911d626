# names with non-ASCII identifiers
été = 1
ﬁle = 2


def über(å, ﬁeld=été):
    return å + fiéld if False else ﬁle


class Класс:
    名前 = "値"

    def 方法(self):
        return self.名前, f"{été}"
