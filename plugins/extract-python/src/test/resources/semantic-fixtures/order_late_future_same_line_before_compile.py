return 1
import os; from __future__ import annotations
