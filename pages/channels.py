"""Channels: what one nn.Conv2d layer computes from a colour photo, filter by filter."""
import streamlit as st

from explorer.ui import channels as ch
from explorer.ui import exercises
from explorer.ui.shell import panel, tr
from explorer.ui.sidebar import lead
from explorer.ui.source import current_image, working_copy

st.title(tr("page.channels.title"))
lead(tr("ch.intro"))

image = current_image()
work = working_copy(image)
one_tab, many_tab, groups_tab, sharing_tab = st.tabs([tr(f"ch.tab_{t}") for t in ("one", "many", "groups", "sharing")])


@panel
def sharing(image, work) -> None:
    ch.sharing_panel(image)
    ch.template_panel(work)


with one_tab:                   # each tab reruns alone when one of its own widgets changes
    panel(ch.one_filter_panel)(work)
with many_tab:
    panel(ch.many_filters_panel)(work)
with groups_tab:
    panel(ch.groups_panel)(work)
with sharing_tab:
    sharing(image, work)

exercises.panel("channels")            # questions on this page's ideas, checked; run only when opened
