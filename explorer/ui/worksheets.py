"""Worksheets. The teacher chooses the kinds of question, how many, the level, the language and whether everyone
gets the same numbers, and gets a link (everything is in it), its QR code for the projector and a printable sheet
with the answer key. A student who opens the link answers the sheet's questions one under another; the sheet's
settings are the link's, read as their widgets would read them."""
from __future__ import annotations

import io
import random

import streamlit as st
from PIL import Image

from explorer import exercises, i18n
from explorer.exercises import ExerciseError, Question
from explorer.ui import exercises as ex
from explorer.ui import share, widgets
from explorer.ui.shell import lang, show_error, tr
from explorer.ui.source import current_image, working_copy
from explorer.ui.state import exercises as state
from explorer.views.worksheet import sheet_html

MODES = ("practice", "worksheet", "make", "class", "teach", "board")
SETTINGS = (state.WS_KINDS, state.WS_COUNT, state.WS_LEVEL, state.WS_SAME, state.WS_SEED)


def mode() -> str:
    """Practise one question at a time, answer a worksheet, or make one."""
    return widgets.choice(tr("ws.mode"), MODES, state.MODE, state.DEFAULTS[state.MODE], kind="segmented",
                          prefix="ws.mode")


def spec(where) -> dict:
    """The sheet's settings, drawn in ``where`` (and kept in the link)."""
    with where:
        kinds = widgets.choice(tr("ws.kinds"), exercises.KINDS, state.WS_KINDS, state.DEFAULTS[state.WS_KINDS],
                               kind="pills", selection_mode="multi", prefix="ex.kind")
        c1, c2, c3, c4 = st.columns([1, 1.3, 1.2, 1.6], vertical_alignment="bottom")
        count = widgets.number(tr("ws.count"), 1, exercises.MAX_SHEET, state.WS_COUNT,
                               state.DEFAULTS[state.WS_COUNT], where=c1)
        level = widgets.choice(tr("ex.level"), exercises.LEVELS, state.WS_LEVEL, state.DEFAULTS[state.WS_LEVEL],
                               kind="segmented", where=c2, help=tr("ex.level_help"))
        seed = widgets.number(tr("ws.seed"), 0, state.MAX_SEED, state.WS_SEED, state.DEFAULTS[state.WS_SEED],
                              where=c3)
        same = widgets.toggle(tr("ws.same"), state.WS_SAME, state.DEFAULTS[state.WS_SAME], where=c4,
                              help=tr("ws.same_help"))
    return {"kinds": list(kinds), "count": count, "level": level, "seed": seed, "same": same}


def questions(sheet: dict) -> list[Question] | None:
    """The sheet's questions (each student's own numbers when the sheet says so), or ``None`` and a message."""
    seed = sheet["seed"]
    if not sheet["same"]:          # this session's own numbers: drawn once, kept for the session
        own = st.session_state.setdefault(state.WS_OWN, random.randrange(1, state.MAX_SEED + 1))
        seed = (seed * 7919 + own) % (state.MAX_SEED + 1)
    try:
        return exercises.worksheet(sheet["kinds"], sheet["count"], sheet["level"], seed)
    except ExerciseError as err:
        show_error(err)
        return None


def answer_sheet(sheet: dict) -> None:
    """A student's worksheet: every question with its answer box, and how many were right first time."""
    found = questions(sheet)
    if found is None:
        return
    st.caption(tr("ws.about", n=len(found), level=sheet["level"]) + ("" if sheet["same"] else " " + tr("ws.own")))
    ex.sheet(found)
    right, answered = ex.first_answers(found)
    st.metric(tr("ws.score"), f"{right} / {answered}", tr("ws.of", n=len(found)), delta_color="off",
              delta_arrow="off", border=True)


def _png(picture) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="PNG")
    return buffer.getvalue()


def _printable(found: list[Question], language: str, subtitle: str, work) -> str:
    """Built when the button is pressed, outside the script's run: everything it needs comes in."""
    pictures = {i: [_png(p) for p in ex.kernel_pictures(q, work)] for i, q in enumerate(found)
                if q.kind == "which_kernel"}
    return sheet_html(found, language, subtitle, pictures)


def make(sheet: dict, where) -> None:
    """The teacher's side, in ``where`` (above the sheet's settings, so that on a projector the QR code is on the
    first screen): the link with its QR code, students kept on the sheet, and the printable sheet."""
    found = questions(sheet)
    if found is None:
        return
    with where:
        _made(sheet, found)


def _made(sheet: dict, found: list[Question]) -> None:
    c1, c2 = st.columns([1, 2], vertical_alignment="bottom")
    language = c1.segmented_control(tr("ws.lang"), list(i18n.LANGUAGES), key=state.WS_LANG, persist_state="session",
                                    format_func=i18n.LANGUAGES.get, default=lang(), required=True)
    only = c2.toggle(tr("ws.only_sheet"), value=True, help=tr("ws.only_sheet_help"), key=state.WS_ONLY,
                     persist_state="session")
    address = share.link(list((state.MODE, *SETTINGS)) if only else [], [],
                         **{state.MODE: "worksheet", "lang": language})
    left, right = st.columns([3, 1])
    left.code(address, language=None, wrap_lines=True)
    left.button(tr("ws.new_numbers"), icon=":material/casino:", on_click=ex.new_number, args=(state.WS_SEED,))
    subtitle = tr("ws.about", n=len(found), level=sheet["level"])
    work = working_copy(current_image())
    left.download_button(tr("ws.print"), data=lambda: _printable(found, language, subtitle, work), on_click="ignore",
                         file_name=f"worksheet-{sheet['seed']}-{language}.html", mime="text/html",
                         icon=":material/print:", help=tr("ws.print_help"))
    right.image(share.qr_png(address), caption=tr("share.qr"), width="stretch")
    with st.expander(tr("ws.key"), icon=":material/key:"):
        for number, q in enumerate(found, start=1):
            st.markdown(f"**{number}.** {tr(f'ex.kind.{q.kind}')}: `{q.answer_text()}`")
