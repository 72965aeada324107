"""Sliding Window: watch the kernel slide, with every multiplication and sum on screen."""
import streamlit as st

from explorer.ui import exercises
from explorer.ui import sliding_window as sw
from explorer.ui.shell import tr
from explorer.ui.sidebar import lead

st.title(tr("page.sliding_window.title"))
lead(tr("sw.intro"))

figure_area, controls_area = sw.layout()       # in presentation mode the figure comes first
with controls_area:
    source_col, kernel_col, params_col = st.columns(3, gap="medium")
    with source_col:
        grid = sw.input_panel()
    with kernel_col:
        mode, kernel = sw.kernel_panel()
    with params_col:
        params = sw.params_panel(mode)
run = sw.run_of(grid, mode, kernel, params)
settings = sw.settings_of(grid, mode, kernel, params)
with figure_area:
    if sw.is_example(grid, mode, kernel, params):
        sw.example_panel(run)
    sw.animation_panel(run, settings)
left, right = st.columns(2, gap="large")
with left:
    sw.formula_panel(run)
with right:
    sw.export_panel(run, settings, params)

exercises.panel("sliding_window")            # questions on this page's ideas, checked; run only when opened
