"""Network: build a small CNN for handwritten digits, train it here, see it think, and look inside it."""
import streamlit as st

from explorer.ui.network import arch_tab, inside_tab, overview_tab, train_tab
from explorer.ui.shell import tr

st.title(tr("page.network.title"))
st.markdown(tr("net.intro"))

overview, arch, train, inside = st.tabs([tr("net.tab_overview"), tr("net.tab_arch"), tr("net.tab_train"),
                                         tr("net.tab_inside")])
with arch:
    network = arch_tab.render()
with train:
    model, data = train_tab.render(network)
with overview:
    digit = overview_tab.render(network, model, data, seed=st.session_state.get("net.seed", 0))
with inside:
    inside_tab.render(network, model, data, digit)
