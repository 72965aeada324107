"""Transposed and dilated convolution: upsampling, three equal readings, checkerboards, holes, receptive fields."""
import streamlit as st

from explorer.ui import exercises
from explorer.ui.shell import panel, tr
from explorer.ui.sidebar import lead
from explorer.ui.source import current_image, working_copy
from explorer.ui.state import transposed as state
from explorer.ui.transposed import checkerboard, dilation, inverse, receptive_field, three_ways, upsampling

st.title(tr("page.transposed_dilated.title"))
lead(tr("td.intro"))

image = current_image()
work = working_copy(image)
up_tab, grid_tab, inverse_tab, board_tab, dilated_tab, field_tab = st.tabs(
    [tr(f"td.tab_{name}") for name in ("upsample", "grid", "inverse", "checkerboard", "dilated", "field")])


@panel
def upsampling_tab(work) -> None:
    upsampling.render(work)
    upsampling.unpooling_panel()


with up_tab:                    # each tab reruns alone when one of its own widgets changes
    upsampling_tab(work)
with grid_tab:
    panel(three_ways.render, shown_elsewhere=(state.G_SEED,))()    # the unpooling grid's seed too
with inverse_tab:
    panel(inverse.render)()
with board_tab:
    panel(checkerboard.render)(work)
with dilated_tab:
    panel(dilation.render)(image, work)
with field_tab:
    panel(receptive_field.render)(work)

exercises.panel("transposed_dilated")            # questions on this page's ideas, checked; run only when opened
