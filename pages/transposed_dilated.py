"""Transposed and dilated convolution: upsampling, three equal readings, checkerboards, holes, receptive fields."""
import streamlit as st

from explorer.ui import exercises, shell
from explorer.ui.shell import panel, tr
from explorer.ui.sidebar import lead
from explorer.ui.source import current_image, working_copy
from explorer.ui.state import transposed as state
from explorer.ui.transposed import checkerboard, dilation, inverse, receptive_field, three_ways, upsampling

st.title(tr("page.transposed_dilated.title"))
lead(tr("td.intro"))

image = current_image()
work = working_copy(image)
names = [f"td.tab_{name}" for name in ("upsample", "grid", "inverse", "checkerboard", "dilated", "field")]
tabs = shell.tabs(names, state.TABS)                # only the open one runs


@panel
def upsampling_tab(work) -> None:
    upsampling.render(work)
    upsampling.unpooling_panel()


parts = {"td.tab_upsample": lambda: upsampling_tab(work),
         "td.tab_grid": lambda: panel(three_ways.render)(),
         "td.tab_inverse": lambda: panel(inverse.render)(),
         "td.tab_checkerboard": lambda: panel(checkerboard.render)(work),
         "td.tab_dilated": lambda: panel(dilation.render)(image, work),
         "td.tab_field": lambda: panel(receptive_field.render)(work)}
shell.draw_open(tabs, parts)   # the open tab, which reruns alone when one of its own widgets changes

exercises.panel("transposed_dilated")            # questions on this page's ideas, checked; run only when opened
