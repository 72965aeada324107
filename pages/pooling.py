"""Pooling: max and average side by side, repeated rounds, and what a small shift changes."""
import streamlit as st

from explorer.ui import exercises, shell
from explorer.ui import pooling as pool
from explorer.ui.shell import tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import current_image, working_copy
from explorer.ui.state import pooling as state

st.title(tr("page.pooling.title"))
lead(tr("pool.intro"))

image = current_image()
work = working_copy(image)
figures, settings = figure_and_controls(tr("pool.settings_title"))   # on a projector the settings fold away below
with settings:
    window = pool.controls()
with figures:
    results = pool.pooled(image, work, window)      # a message and a stop when the window cannot work
    tabs = shell.tabs(["pool.tab_side", "pool.tab_rounds", "pool.tab_shift"], state.TABS)   # only the open one runs


def side_by_side() -> None:
    pool.side_panel(image, work, results, window)
    pool.grid_panel(image, window)


def shift() -> None:
    pool.shift_panel(image, work, window)
    pool.equivariance_panel(work)


shell.draw_open(tabs, {"pool.tab_side": side_by_side, "pool.tab_rounds": lambda: pool.rounds_panel(work, window),
                       "pool.tab_shift": shift})

exercises.panel("pooling")            # questions on this page's ideas, checked; run only when opened
