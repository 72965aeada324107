"""Pooling: max and average side by side, repeated rounds, and what a small shift changes."""
import streamlit as st

from explorer.ui import caches
from explorer.ui import pooling as pool
from explorer.ui.shell import tr
from explorer.ui.source import current_image

st.title(tr("page.pooling.title"))
st.markdown(tr("pool.intro"))

image = current_image()
work = caches.compare_image(image.digest, image.pixels)
window = pool.controls()
results = pool.pooled(work, window)      # a message and a stop when the window cannot work
side_tab, rounds_tab, shift_tab = st.tabs([tr("pool.tab_side"), tr("pool.tab_rounds"), tr("pool.tab_shift")])
with side_tab:
    pool.side_panel(work, results, window)
    pool.grid_panel(image, window)
with rounds_tab:
    pool.rounds_panel(work, window)
with shift_tab:
    pool.shift_panel(image, work)
    pool.equivariance_panel(work)
