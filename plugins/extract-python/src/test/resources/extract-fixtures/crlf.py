import os


def crlf(a,
         b):
    return os.path.join(a,
                        b)


class K:
    pass
