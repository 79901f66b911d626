import os
import os.path
import os.path as osp, sys as system
from collections import OrderedDict, defaultdict as dd
from . import sibling
from .. import parent as par
from .pkg.mod import (
    first,  # a comment
    second as
    # a comment between
    renamed,
)
from ...deep import *


def local_imports():
    import json
    from json import loads as load
    import xml.etree.ElementTree as ET, xml.dom
    return json, load, ET, xml


class Holder:
    import re
    from re import compile
