"""Each page's session-state keys and their first values, named in one place: one module per page, and ``shared``
for the keys several pages (or the shell) read and write.

A key is also its setting's name in a shared link (``?lang=zh``, ``kernel.preset=gaussian_blur``): the values of
these constants are never changed, or sessions and old links stop finding their settings.
"""
from __future__ import annotations

import importlib
import pkgutil


def names() -> frozenset[str]:
    """Every key this package names with a constant: the settings a link's ``hide=`` and ``lock=`` may name."""
    found: set[str] = set()
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str):
                found.add(value)
            elif name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                found.update(value)             # a family of keys made by a function (network.TASK_SETTINGS)
    return frozenset(found)
