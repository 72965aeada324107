"""im2col: a convolution layer as one matrix product, forward and backward, and what that costs."""
import streamlit as st

from explorer.ui import exercises
from explorer.ui import im2col as ic
from explorer.ui.shell import tr
from explorer.ui.sidebar import figure_and_controls, lead

st.title(tr("page.im2col.title"))
lead(tr("ic.intro"))

panels, settings = figure_and_controls(tr("ic.settings_title"))     # on a projector the settings fold away below
with settings:
    example = ic.settings()        # a message and a stop when the kernel does not fit
with panels:
    forward_tab, backward_tab, pool_tab, cost_tab = st.tabs([tr("ic.tab_forward"), tr("ic.tab_backward"),
                                                             tr("ic.tab_pool"), tr("ic.tab_cost")])
with forward_tab:
    ic.forward_panel(example)
    ic.border_panel(example)
    ic.code_panel()
with backward_tab:
    ic.backward_panel(example)
with pool_tab:
    ic.pooling_panel(example)
with cost_tab:
    ic.cost_panel()

exercises.panel("im2col")            # questions on this page's ideas, checked; run only when opened
