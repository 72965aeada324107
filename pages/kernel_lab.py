"""Kernel Lab: apply a preset or hand-typed kernel to the current image."""
import streamlit as st

from explorer.ui import exercises
from explorer.ui import kernel_lab as lab
from explorer.ui.shell import tr
from explorer.ui.source import current_image

st.title(tr("page.kernel_lab.title"))
st.markdown(tr("kl.intro"))

image = current_image()
controls, shown_in, shown_out = st.columns([0.9, 1, 1], gap="medium")
with controls:
    settings = lab.controls()
result = lab.compute(image, settings, shown_in, shown_out)     # a message and a stop on bad settings
lab.pictures(image, settings, result, shown_in, shown_out)
lab.summary(image, settings, result)
lab.inspector_panel(settings, result)
lab.pixel_lesson(image, settings, result)
lab.downloads(image, settings, result)
lab.code(settings, result)

exercises.panel("kernel_lab")            # questions on this page's ideas, checked; run only when opened
