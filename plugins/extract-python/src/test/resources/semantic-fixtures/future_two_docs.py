'''a'''
'''b'''
from __future__ import annotations
