"""im2col: a convolution layer as one matrix product, forward and backward, and what that costs."""
import streamlit as st

from explorer.ui import exercises, shell
from explorer.ui import im2col as ic
from explorer.ui.shell import tr
from explorer.ui.sidebar import figure_and_controls, lead
from explorer.ui.state import im2col as state

st.title(tr("page.im2col.title"))
lead(tr("ic.intro"))

panels, settings = figure_and_controls(tr("ic.settings_title"))     # on a projector the settings fold away below
with settings:
    example = ic.settings()        # a message and a stop when the kernel does not fit
with panels:
    tabs = shell.tabs(["ic.tab_forward", "ic.tab_backward", "ic.tab_pool", "ic.tab_cost"], state.TABS)


def forward() -> None:
    ic.forward_panel(example)
    ic.border_panel(example)
    ic.code_panel()


parts = {"ic.tab_forward": forward,
         "ic.tab_backward": lambda: ic.backward_panel(example), "ic.tab_pool": lambda: ic.pooling_panel(example),
         "ic.tab_cost": ic.cost_panel}
shell.draw_open(tabs, parts)

exercises.panel("im2col")            # questions on this page's ideas, checked; run only when opened
