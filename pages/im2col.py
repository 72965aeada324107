"""im2col: a convolution layer as one matrix product, forward and backward, and what that costs."""
import streamlit as st

from explorer.ui import im2col as ic
from explorer.ui.shell import tr

st.title(tr("page.im2col.title"))
st.markdown(tr("ic.intro"))

example = ic.settings()        # a message and a stop when the kernel does not fit
forward_tab, backward_tab, pool_tab, cost_tab = st.tabs([tr("ic.tab_forward"), tr("ic.tab_backward"),
                                                         tr("ic.tab_pool"), tr("ic.tab_cost")])
with forward_tab:
    ic.forward_panel(example)
with backward_tab:
    ic.backward_panel(example)
with pool_tab:
    ic.pooling_panel(example)
with cost_tab:
    ic.cost_panel()
