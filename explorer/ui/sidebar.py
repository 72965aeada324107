"""The sidebar every page shows: language, presentation mode, the image source, the device; and the page styles."""
from __future__ import annotations

import gc

import streamlit as st

from explorer import i18n, ops
from explorer.ui import widgets
from explorer.ui.shell import css_string, lang, presenting, tr
from explorer.ui.state import shared

# Streamlit runs a full gc.collect() after every script run. Walking the ~300,000 objects of torch, plotly
# and pandas took 0.1 s each time (a third of a Kernel Lab rerun): they are frozen once, when Home.py first
# imports this module (after all of them are loaded), and skipped from then on. Sessions' objects are created
# later and still collected.
gc.freeze()

# Streamlit leaves ~6rem above the title; on a 720-px projector that is a tenth of the screen.
# While a script runs, Streamlit fades the old elements over a second: dozens of frames redrawn in every
# student's browser. They are dimmed at once after a second instead (quick reruns never dim).
PAGE_CSS = ("<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}"
            "[data-stale='true'],[role='tablist'],[data-testid='stExpander'] details,"
            "[data-testid='stExpander'] summary{transition-duration:0s !important;transition-delay:1s !important}"
            # Streamlit's captions are its text colour at 0.6 opacity: #828180 on white, 3.9:1, under the 4.5:1
            # that small text needs (the accessibility audit's finding on every page)
            "[data-testid='stCaptionContainer']{opacity:1 !important;color:#5c5a57}"
            # and the code's colours, darker for the same reason (keywords and numbers were under 4.5:1)
            "[data-testid='stCode'] .token.keyword,[data-testid='stCode'] .token.builtin{color:#6f2da8}"
            "[data-testid='stCode'] .token.number,[data-testid='stCode'] .token.boolean{color:#0a6640}"
            "[data-testid='stCode'] .token.string{color:#8a4500}[data-testid='stCode'] .token.comment{color:#5c5a57}"
            "[data-testid='stCode'] .token.function,[data-testid='stCode'] .token.class-name{color:#1d4f91}"
            "[data-testid='stCode'] .token.operator{color:#3d3b38}"
            "</style>")

# Presentation mode: bigger type, black on white, thicker lines; for a washed-out projector
PRESENTATION_CSS = """<style>
html { font-size: 20px; }
[data-testid='stMain'] p, [data-testid='stMain'] li, [data-testid='stMain'] label { color: #000 !important; }
[data-testid='stCaptionContainer'], [data-testid='stCaptionContainer'] p { color: #111 !important; font-size: 0.95rem;
  opacity: 1 !important; }
[data-testid='stMain'] h1 { font-size: 2.6rem; }
[data-testid='stCode'] code { font-size: 1.05rem; color: #000; }
[data-testid='stMetricValue'] { font-size: 2.6rem; }
[data-testid='stImage'] img { outline: 2px solid #000; }
button[role='tab'] p { font-size: 1.1rem; font-weight: 600; }
</style>"""

UPLOAD_BUTTON = "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p"


def language_switch() -> None:
    """English / 简体中文 switch at the top of the sidebar (``?lang=zh`` in a link)."""
    widgets.choice(tr("lang.label"), i18n.LANGUAGES, shared.LANG, shared.DEFAULTS[shared.LANG], kind="segmented",
                   format_func=i18n.LANGUAGES.get, where=st.sidebar)
    if lang() != "en":
        # Streamlit draws the uploader's button and limits in English with no setting to change them:
        # replace the button's text and hide the English limits line (the help tooltip states them)
        st.html(f"<style>{UPLOAD_BUTTON} {{font-size:0}}"
                f"{UPLOAD_BUTTON}::after {{content:{css_string(tr('src.upload_button'))};font-size:0.875rem}}"
                "[data-testid='stFileUploaderDropzoneInstructions'] > div > span:last-child {display:none}"
                "</style>")


def lead(text: str) -> None:
    """A page's or a tab's introduction, except on a projector: there the teacher says it and the figure needs
    the room (on a 1280×720 screen two lines of it pushed figures below the first screen)."""
    if not presenting():
        st.markdown(text)


def figure_and_controls(settings_title: str):
    """``(figure area, controls area)`` for a page whose figure its controls set: on a projector the figure
    comes first and the controls fold away in an expander under it; otherwise the controls come first."""
    if presenting():
        figure = st.container()
        return figure, st.expander(settings_title, icon=":material/tune:")
    controls = st.container()
    return st.container(), controls


def presentation_switch() -> None:
    """The presentation-mode toggle under the language switch, and its styles when on."""
    if widgets.toggle(tr("present.label"), shared.PRESENT, presenting(), help=tr("present.help"), where=st.sidebar):
        st.html(PRESENTATION_CSS)


def device_badge() -> None:
    """Where the tensors are computed, at the foot of the sidebar, in the user's language."""
    st.sidebar.caption(tr("device.badge", device=ops.device_label(ops.pick_device(), lang())))
