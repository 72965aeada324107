"""Every user-visible string, in English (``en``) and Simplified Chinese (``zh``).

``t(key, lang, **params)`` formats a string. Core modules raise
:class:`LocalizedError` with a key and parameters, so the same error reads in
English in a traceback and in the user's language on a page. The strings live
in one table per page (plus ``core`` and ``shell``), merged here into
:data:`STRINGS`; a key defined twice is an error at import.
"""
from __future__ import annotations

from importlib import import_module

LANGUAGES = {"en": "English", "zh": "简体中文"}
TABLES = ("core", "shell", "kernel_lab", "sliding_window", "pooling", "transposed_dilated", "channels", "im2col",
          "network", "network_classes")


class LocalizedError(ValueError):
    """A ``ValueError`` whose message is a translatable string key plus parameters."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **self.params)


def t(key: str, lang: str = "en", **params) -> str:
    """The string ``key`` in ``lang`` with ``params`` filled in.

    A parameter that is itself a :class:`LocalizedError` is translated too.

    Example:
        >>> t("err.normalize_zero", "en")[:20]
        'The kernel sums to 0'
    """
    entry = STRINGS[key]
    text = entry.get(lang, entry["en"])
    if not params:
        return text
    filled = {k: (v.text(lang) if isinstance(v, LocalizedError) else v) for k, v in params.items()}
    return text.format(**filled)


def _merged() -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    for name in TABLES:
        table = import_module(f"explorer.i18n.{name}").STRINGS
        twice = sorted(set(strings) & set(table))
        if twice:
            raise KeyError(f"explorer.i18n.{name} defines {twice[:3]} again")
        strings.update(table)
    return strings


STRINGS: dict[str, dict[str, str]] = _merged()
