"""Transposed and dilated convolution: upsampling, three equal readings, checkerboards, holes, receptive fields."""
import streamlit as st

from explorer.ui.shell import tr
from explorer.ui.sidebar import lead
from explorer.ui.source import current_image, working_copy
from explorer.ui.transposed import checkerboard, dilation, inverse, receptive_field, three_ways, upsampling

st.title(tr("page.transposed_dilated.title"))
lead(tr("td.intro"))

image = current_image()
work = working_copy(image)
up_tab, grid_tab, inverse_tab, board_tab, dilated_tab, field_tab = st.tabs(
    [tr(f"td.tab_{name}") for name in ("upsample", "grid", "inverse", "checkerboard", "dilated", "field")])
with up_tab:
    upsampling.render(work)
    upsampling.unpooling_panel()
with grid_tab:
    three_ways.render()
with inverse_tab:
    inverse.render()
with board_tab:
    checkerboard.render(work)
with dilated_tab:
    dilation.render(image, work)
with field_tab:
    receptive_field.render(work)
