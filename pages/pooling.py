"""Pooling: max and average side by side, repeated rounds, and what a small shift changes."""
import streamlit as st

from explorer.ui import exercises
from explorer.ui import pooling as pool
from explorer.ui.shell import tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.source import current_image, working_copy

st.title(tr("page.pooling.title"))
lead(tr("pool.intro"))

image = current_image()
work = working_copy(image)
figures, settings = figure_and_controls(tr("pool.settings_title"))   # on a projector the settings fold away below
with settings:
    window = pool.controls()
with figures:
    results = pool.pooled(work, window)      # a message and a stop when the window cannot work
    side_tab, rounds_tab, shift_tab = st.tabs([tr("pool.tab_side"), tr("pool.tab_rounds"), tr("pool.tab_shift")])
with side_tab:
    pool.side_panel(work, results, window)
    pool.grid_panel(image, window)
with rounds_tab:
    pool.rounds_panel(work, window)
with shift_tab:
    pool.shift_panel(image, work, window)
    pool.equivariance_panel(work)

exercises.panel("pooling")            # questions on this page's ideas, checked; run only when opened
