"""Where the Network page's images come from: the bundled digits, MNIST files, or your own classes.

Chosen above the tabs, because every tab depends on it: the input's shape, the
number of classes, the training settings that work. Your own classes keep their
own preset and training settings (:meth:`Task.key`), starting from the defaults
measured for them, so switching back and forth loses nothing.
"""
from __future__ import annotations

import streamlit as st

from explorer.network import classes, training
from explorer.network.presets import DEFAULT_PRESET
from explorer.ui import widgets
from explorer.ui.shell import presenting, tr
from explorer.ui.state import network as state

SOURCES = ("digits", "idx", "classes")


def defaults(source: str) -> dict:
    """The preset and training settings a source starts from (your own classes: measured in the README)."""
    return dict(classes.DEFAULTS) if source == "classes" else {"preset": DEFAULT_PRESET, **training.DEFAULTS}


def choose(label_visibility: str = "visible") -> str:
    """The source selector."""
    return widgets.choice(tr("net.data"), SOURCES, state.SOURCE, state.DEFAULTS[state.SOURCE], kind="segmented",
                          prefix="net.data", help=tr("net.data_help"), label_visibility=label_visibility)


def header() -> str:
    """The page's title, its introduction and the source selector; returns the source.

    In presentation mode the selector sits beside the title and the introduction
    is left to the teacher, so the Overview still fits the first screen at 1280×720.
    """
    if presenting():
        title, pick = st.columns([1, 1.7], vertical_alignment="bottom")
        title.title(tr("page.network.title"))
        with pick:
            return choose("collapsed")
    st.title(tr("page.network.title"))
    intro = st.empty()
    chosen = choose()
    intro.markdown(tr("net.intro.own" if chosen == "classes" else "net.intro"))
    return chosen
