"""A shared link's settings, read exactly as the widget that shows them would take them, in one place.

Every setting a page keeps in the address bar (``conv.stride=2``,
``kernel.preset=gaussian_blur``) is read here, once per session, the first time
its widget is drawn. A value the widget could not hold (not a number, not
finite, out of range, off the slider's step, not one of the options, given
twice) is not used: the widget opens at its default and the page names the
setting in a notice. A value it can hold, its minimum included, is applied.
Values are codes: option codes, plain numbers, ``true``/``false``.

Streamlit's own binding (``bind="query-params"``) is not used: it turned
``inf`` into an integer (a crash on six pages), kept a value off a slider's step
in the session (a crash on every later run) and could not carry a number
input's minimum.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import streamlit as st

from explorer import i18n
from explorer.ui import state
from explorer.ui.shell import note_ignored
from explorer.ui.state import shared

MAX_RAW = 64        # characters of one value: every real setting is far shorter
MAX_RULES = 64      # settings one hide= or lock= names: more than any page has
RULES = (shared.HIDE, shared.LOCK)
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?")


def code(option) -> str:
    """The URL form of a value: its text (``gaussian_blur``, ``255``, ``true``, ``0.25``)."""
    return str(option).lower() if isinstance(option, bool) else str(option)


@dataclass(frozen=True)
class Number:
    """A number input or slider: ``low`` to ``high``, on ``low + k·step``; whole numbers when ``integer``."""
    low: float
    high: float
    step: float
    integer: bool

    def parse(self, raw: str) -> int | float | None:
        """The value ``raw`` names, or ``None`` when the widget could not hold it.

        Example:
            >>> size = Number(3, 31, 2, integer=True)
            >>> size.parse("7"), size.parse("3"), size.parse("4"), size.parse("inf"), size.parse("33")
            (7, 3, None, None, None)
        """
        if not _DECIMAL.fullmatch(raw):
            return None
        value = float(raw)
        if not math.isfinite(value) or not self.low <= value <= self.high:
            return None
        steps = (value - self.low) / self.step
        if abs(steps - round(steps)) > 1e-6:
            return None
        if self.integer:
            return int(round(self.low + round(steps) * self.step))
        decimals = max(0, -math.floor(math.log10(self.step))) + 2 if self.step < 1 else 2
        return round(self.low + round(steps) * self.step, decimals)


@dataclass(frozen=True)
class Switch:
    """A toggle: ``true`` or ``false``."""

    def parse(self, raw: str) -> bool | None:
        return {"true": True, "false": False}.get(raw.lower())


@dataclass(frozen=True)
class Options:
    """An option widget: a value is an option's code, or its label in any language (links made before codes)."""
    options: tuple
    labels: tuple[Callable, ...] = ()
    multi: bool = False

    def parse(self, raw: str):
        """The option ``raw`` names, or ``None`` (a list of options when ``multi``: codes joined by commas)."""
        if self.multi:
            found = [self.one(item) for item in raw.split(",")] if raw else []
            return None if any(item is None for item in found) else found
        return self.one(raw)

    def one(self, raw: str):
        for option in self.options:
            if raw == code(option):
                return option
        for label in self.labels:
            for option in self.options:
                if raw == label(option):
                    return option
        return None


def options(choices: Sequence, prefix: str | None = None, format_func: Callable | None = None,
            multi: bool = False) -> Options:
    """The :class:`Options` of a widget whose options are shown as ``prefix.<option>`` (every language) or by
    ``format_func``."""
    if prefix is not None:
        labels = tuple(lambda option, language=language: i18n.t(f"{prefix}.{option}", language)
                       for language in i18n.LANGUAGES)
    else:
        labels = (format_func,) if format_func is not None else ()
    return Options(tuple(choices), labels, multi)


def value(raws: Sequence[str], spec: Number | Switch | Options):
    """What a link's values for one setting give the widget: its value, or ``None`` when it cannot be used
    (none, given twice, too long, or refused by ``spec``).

    Example:
        >>> value(["2"], Number(1, 16, 1, True)), value(["2", "3"], Number(1, 16, 1, True)), value(["1e999"], Switch())
        (2, None, None)
    """
    if len(raws) != 1 or len(raws[0]) > MAX_RAW:
        return None
    return spec.parse(raws[0])


def read(key: str, spec: Number | Switch | Options, default):
    """The session's first value of the widget ``key``: the link's (checked by ``spec``), else ``default``.

    A link made when keys carried the language (``key@en``), or before a key was renamed (``shared.RENAMED``), still
    opens; the old key leaves the address bar.
    """
    old_keys = ([key] + [shared.per_language(key, language) for language in i18n.LANGUAGES]
                + list(shared.RENAMED.get(key, ())))
    shown = st.query_params.to_dict()          # one read (a missing key raised inside Streamlit)
    present = [k for k in old_keys if k in shown]
    if not present:
        return default
    raws = st.query_params.get_all(present[0])
    for old in present[1:] if present[0] == key else present:
        del st.query_params[old]
    found = value(raws, spec)
    if found is None:
        note_ignored(f"{present[0]}={','.join(raws)}"[:MAX_RAW])
        return default
    return found


def publish(key: str, current, default) -> None:
    """Write the widget's value to the address bar as a code (nothing when it is the default). The address bar is
    read in one go: a lookup of a key it lacks raised (and formatted) a KeyError inside Streamlit, for every
    widget at its default on every run."""
    shown = st.query_params.to_dict()
    if current == default:
        if key in shown:
            del st.query_params[key]
        return
    wanted = ",".join(code(v) for v in current) if isinstance(current, (list, tuple)) else code(current)
    if shown.get(key) != wanted:
        st.query_params[key] = wanted


def rules() -> dict[str, frozenset[str]]:
    """The settings the link that opened this session hides and locks: ``?hide=conv.stride,conv.dilation`` (not
    drawn; the value, the link's or the default, still counts) and ``?lock=conv.padding`` (drawn, not changeable).
    Names are settings' keys, the same as their values' in a link; one that names no setting is named in the
    notice. Read once per session (a hidden setting stays hidden on every page) and kept in the address bar by
    :func:`keep_rules`, so that a link copied from a student's screen hides the same."""
    if shared.LINK_RULES not in st.session_state:
        known, found = state.names(), {}
        for rule in RULES:
            names = [name.strip() for raw in st.query_params.get_all(rule) for name in raw.split(",")][:MAX_RULES]
            for name in names:
                if name and name not in known:
                    note_ignored(f"{rule}={name}"[:MAX_RAW])
            found[rule] = frozenset(name for name in names if name in known)
        st.session_state[shared.LINK_RULES] = found
    return st.session_state[shared.LINK_RULES]


def keep_rules() -> None:
    """The session's hide= and lock= back in the address bar (a page switch clears it)."""
    for rule, names in rules().items():
        publish(rule, sorted(names), [])
