# -*- coding: latin-1 -*-
name = "café"


def café(x):
    return name, x
