import os, \
    sys


def \
        continued(a,
                  b):
    global \
        g1, g2
    return a


class \
    Spaced \
        (object):
    pass


async \
    def spaced_async():
    pass


try:
    pass
except (ValueError,
        # comment inside
        TypeError) \
        as err:
    pass

from os import (path
                as
                p)

value = (
    # comment
    os.path.join  # trailing
    ("a")
)
	
if True:
	tabbed = 1
