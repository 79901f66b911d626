"""A file with a byte order mark."""
import sys


def after_bom(é):
    return é, sys
