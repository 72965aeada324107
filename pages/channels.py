"""Channels: what one nn.Conv2d layer computes from a colour photo, filter by filter."""
import streamlit as st

from explorer.ui import channels as ch
from explorer.ui import exercises, shell
from explorer.ui.shell import panel, tr
from explorer.ui.sidebar import lead
from explorer.ui.source import current_image, working_copy
from explorer.ui.state import channels as state

st.title(tr("page.channels.title"))
lead(tr("ch.intro"))

image = current_image()
work = working_copy(image)
tabs = shell.tabs([f"ch.tab_{t}" for t in ("one", "many", "groups", "sharing")], state.TABS)   # the open one runs


@panel
def sharing(image, work) -> None:
    ch.sharing_panel(image)
    ch.template_panel(work)


parts = {"ch.tab_one": lambda: panel(ch.one_filter_panel)(work),
         "ch.tab_many": lambda: panel(ch.many_filters_panel)(work),
         "ch.tab_groups": lambda: panel(ch.groups_panel)(work), "ch.tab_sharing": lambda: sharing(image, work)}
shell.draw_open(tabs, parts)   # the open tab, which reruns alone when one of its own widgets changes

exercises.panel("channels")            # questions on this page's ideas, checked; run only when opened
