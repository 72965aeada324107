"""Network: build a small CNN for handwritten digits or for your own classes, train it here, see it think."""
import streamlit as st

from explorer.ui import exercises, shell
from explorer.ui.network import arch_tab, classes_tab, inside_tab, overview_tab, source, train_tab, units_tab
from explorer.ui.network.model import Task, keep_per_source
from explorer.ui.state import network as state

chosen = source.header()
keep_per_source(chosen)                         # each source keeps the model trained on it

names = ["net.tab_overview", "net.tab_arch", "net.tab_train", "net.tab_inside", "net.tab_units"]
if chosen == "classes":
    names.insert(0, "net.tab_classes")          # where your own classes start: make them
# the tabs before the last are drawn whether open or not (each needs what the one before it makes); the last
# runs only while it is open
tabs = shell.tabs(names, state.tabs(chosen))
task = Task(chosen)
if chosen == "classes":
    with tabs["net.tab_classes"]:
        task = classes_tab.render()
with tabs["net.tab_arch"]:
    network = arch_tab.render(task)
with tabs["net.tab_train"]:
    model, data = train_tab.render(network)
with tabs["net.tab_overview"]:
    seed = st.session_state.get(state.SEED, state.DEFAULTS[state.SEED])     # the Training tab's, drawn above
    picture = overview_tab.render(network, model, data, seed=seed)
with tabs["net.tab_inside"]:
    inside_tab.render(network, model, data, picture)
if tabs["net.tab_units"].open:
    with tabs["net.tab_units"]:
        units_tab.render(network, model, data, seed, picture)

exercises.panel("network")            # questions on this page's ideas, checked; run only when opened
