"""Every user-visible string, in English (``en``) and Simplified Chinese (``zh``).

``t(key, lang, **params)`` formats a string. Core modules raise
:class:`LocalizedError` with a key and parameters, so the same error reads in
English in a traceback and in the user's language on a page. The strings live
in one table per page (plus ``core`` and ``shell``), merged here into
:data:`STRINGS`; a key defined twice is an error at import.
"""
from __future__ import annotations

import re
from importlib import import_module

LANGUAGES = {"en": "English", "zh": "简体中文"}
TABLES = ("core", "shell", "kernel_lab", "sliding_window", "pooling", "transposed_dilated", "channels", "im2col",
          "network", "network_classes", "exercises")


MAX_PARAM = 160     # characters of one text parameter: a file's names and class names reach messages


class LocalizedError(ValueError):
    """A ``ValueError`` whose message is a translatable string key plus parameters.

    Text parameters often come from a file (names in a weights file or a ZIP):
    each is cut to :data:`MAX_PARAM` characters here, and :meth:`text`, which
    pages show as Markdown, makes them inert there.
    """

    def __init__(self, key: str, **params):
        self.key = key
        self.params = {k: v[:MAX_PARAM - 1] + "…" if isinstance(v, str) and len(v) > MAX_PARAM else v
                       for k, v in params.items()}
        super().__init__(t(key, "en", **self.params))

    def text(self, lang: str) -> str:
        """The message in ``lang``, for a page: its text parameters escaped for Markdown."""
        return t(self.key, lang, **{k: markdown_text(v) if isinstance(v, str) else v for k, v in self.params.items()})


# what can start emphasis, code, links, HTML, maths, tables or Streamlit's :colour[…] and :icon: inside a line
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>~$|:#!])")


def markdown_text(text: str) -> str:
    """User text (a file name) made inert inside a line of Markdown: its special characters backslashed.

    Example:
        >>> print(markdown_text("**a**_:red[x]<b>.png"))
        \\*\\*a\\*\\*\\_\\:red\\[x\\]\\<b\\>.png
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


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
