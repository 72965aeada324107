"""A live class: the teacher starts one from a worksheet's settings and gets a short code, a join link with its QR
code and a private board link; students join with the code (and a nickname, if they like) and answer on their own
screens; the board counts, live, who answered what and which mistakes the class made. The store is
``explorer.classroom`` (one per process: every session of a replica, and every replica through PostgreSQL)."""
from __future__ import annotations

import csv
import io
import time

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from explorer import exercises
from explorer.classroom import ClassError, normalise_code
from explorer.exercises import Question
from explorer.ui import caches, share
from explorer.ui import exercises as ex
from explorer.ui.shell import markdown_text, show_error, tr
from explorer.ui.state import exercises as state

JOINS_PER_MINUTE = 5            # a session's tries at a class code: the codes cannot be walked through
BOARD_EVERY_S = 2.0             # the board's refresh while the class works
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _questions(spec: dict) -> list[Question]:
    return exercises.worksheet(spec["kinds"], spec["count"], spec["level"], spec["seed"])


def question_id(number: int, q: Question) -> str:
    """How a question is named in the store and the export: its place and kind (``3 conv_value``)."""
    return f"{number} {q.kind}"


# ---------------------------------------------------------------- the teacher

def start(sheet: dict, where) -> None:
    """Start a class on the sheet's questions (the same numbers for everyone: the board compares answers); its
    code, links and board go in ``where`` (above the settings: on a projector the code and QR code come first)."""
    if st.button(tr("live.start"), icon=":material/groups:", type="primary"):
        spec = {key: sheet[key] for key in ("kinds", "count", "level", "seed")}
        st.session_state[state.LIVE_TEACHER] = caches.class_store().create_class(spec)
    if state.LIVE_TEACHER not in st.session_state:
        st.caption(tr("live.start_help"))
        return
    with where:
        _started(*st.session_state[state.LIVE_TEACHER])


def _started(code: str, key: str) -> None:
    try:
        questions = _questions(caches.class_store().spec(code))
    except ClassError:                  # expired, or ended from the board on another screen
        st.session_state.pop(state.LIVE_TEACHER, None)
        st.info(tr("live.ended"), icon=":material/info:")
        return
    join = share.link([state.MODE], [], keep=False, **{state.MODE: "class", state.CLASS: code})
    left, right = st.columns([3, 1])
    left.markdown(tr("live.code", code=" ".join(code)))
    left.code(join, language=None, wrap_lines=True)
    left.caption(tr("live.board_link_help"))
    left.code(share.link([state.MODE], [], keep=False, **{state.MODE: "board", state.CLASS: code, state.KEY: key}),
              language=None, wrap_lines=True)
    right.image(share.qr_png(join), caption=tr("live.join_qr"), width="stretch")
    _board_body(code, key, questions)


def csv_of(rows: list[tuple]) -> str:
    """The answers as CSV in the user's language (the mistakes named), a cell that a spreadsheet would run as a
    formula made inert."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([tr(f"live.csv.{column}") for column in ("nickname", "question", "answer", "correct", "mistake",
                                                             "time")])
    for nickname, question, answer, correct, mistake, at in rows:
        cells = [nickname, question, answer, tr("live.csv.yes" if correct else "live.csv.no"),
                 tr(f"ex.mistake.{mistake}") if mistake else "", time.strftime("%Y-%m-%d %H:%M:%S",
                                                                                time.localtime(at))]
        writer.writerow(["'" + c if str(c).startswith(FORMULA_START) else c for c in cells])
    return out.getvalue()


def _end(code: str, key: str) -> None:
    caches.class_store().end_class(code, key)
    st.session_state.pop(state.LIVE_TEACHER, None)


def board() -> None:
    """The teacher's board for the class and key of its link, refreshed every couple of seconds while the page is
    open (a fragment, not the page)."""
    code, key = normalise_code(st.query_params.get(state.CLASS, "")), st.query_params.get(state.KEY, "")[:64]
    try:
        caches.class_store().board(code, key)                   # the key, checked first
        questions = _questions(caches.class_store().spec(code))
    except PermissionError:
        st.error(tr("live.wrong_key"), icon=":material/lock:")
        return
    except ClassError:
        st.info(tr("live.ended"), icon=":material/info:")
        return
    except SQLAlchemyError:             # out of reach: the board as this session last read it, if it did
        if code not in st.session_state.get(state.LIVE_BOARD, {}):
            st.warning(tr("live.board_behind"), icon=":material/cloud_off:")
            return
        questions = st.session_state[state.LIVE_BOARD][code][1]
    _board_body(code, key, questions)


@st.fragment(run_every=BOARD_EVERY_S)
def _board_body(code: str, key: str, questions: list[Question]) -> None:
    shown = st.session_state.setdefault(state.LIVE_BOARD, {})
    try:
        found = caches.class_store().board(code, key)       # each refresh reads again
        shown[code] = (found, questions)
    except (PermissionError, ClassError):
        st.info(tr("live.ended"), icon=":material/info:")
        return
    except SQLAlchemyError:             # the store is out of reach: the last board read, said to be behind
        st.warning(tr("live.board_behind"), icon=":material/cloud_off:")
        if code not in shown:
            return
        found = shown[code][0]
    per = found["questions"]
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("live.joined"), found["students"], border=True)
    c2.metric(tr("live.answers"), sum(q["answered"] for q in per.values()), border=True)
    hardest = min(((ident, q["right"] / q["answered"]) for ident, q in per.items()
                   if q["answered"] and q["right"] < q["answered"]), key=lambda item: item[1], default=None)
    c3.metric(tr("live.hardest"), hardest[0].split()[0] if hardest else "–",
              tr("live.right_share", share=f"{hardest[1]:.0%}") if hardest else None, delta_color="off",
              delta_arrow="off", border=True)
    for number, q in enumerate(questions, start=1):
        one = per.get(question_id(number, q), {"answered": 0, "right": 0, "answers": {}, "mistakes": {}})
        st.markdown(tr("live.question_line", n=number, kind=tr(f"ex.kind.{q.kind}"), answered=one["answered"],
                       right=one["right"]))
        if one["answered"]:
            st.progress(one["right"] / one["answered"], text=tr("live.right_share",
                                                                 share=f"{one['right'] / one['answered']:.0%}"))
        for mistake, count in sorted(one["mistakes"].items(), key=lambda item: -item[1]):
            st.caption(tr("live.mistake_count", count=count, why=tr(f"ex.mistake.{mistake}")))
        spread = ", ".join(f"`{markdown_text(answer)[:20]}` × {count}" for answer, count in
                           sorted(one["answers"].items(), key=lambda item: -item[1])[:6])
        if spread:
            st.caption(tr("live.spread", spread=spread))
    b1, b2 = st.columns(2)
    b1.download_button(tr("live.export"), data=csv_of(found["rows"]), file_name=f"class-{code}.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore")
    b2.button(tr("live.end"), icon=":material/delete:", on_click=_end, args=(code, key), help=tr("live.end_help"))


# ---------------------------------------------------------------- a student

def _may_try() -> bool:
    """At most :data:`JOINS_PER_MINUTE` tries at a code per session and minute."""
    now = time.monotonic()
    tries = [t for t in st.session_state.get(state.LIVE_TRIES, []) if now - t < 60]
    st.session_state[state.LIVE_TRIES] = tries + [now]
    return len(tries) < JOINS_PER_MINUTE


def join() -> tuple[str, str] | None:
    """The class this session has joined ``(code, student)``; until then the code (the link's, if it has one) and
    nickname boxes."""
    joined = st.session_state.get(state.LIVE_STUDENT)
    if joined:
        return joined
    with st.form(state.LIVE_JOIN_FORM, border=True):
        c1, c2 = st.columns(2)
        code = c1.text_input(tr("live.code_box"), value=normalise_code(st.query_params.get(state.CLASS, "")),
                             max_chars=12)
        nickname = c2.text_input(tr("live.nickname"), max_chars=40, help=tr("live.nickname_help"))
        sent = st.form_submit_button(tr("live.join"), type="primary", icon=":material/login:")
    if not sent:
        return None
    if not _may_try():
        st.warning(tr("live.slow_down"), icon=":material/hourglass:")
        return None
    try:
        st.session_state[state.LIVE_STUDENT] = (normalise_code(code), caches.class_store().join(code, nickname))
    except ClassError as err:
        show_error(err)
        return None
    st.rerun()


def answer(joined: tuple[str, str]) -> None:
    """The class's questions, answered and checked as a worksheet's; each first readable answer goes to the
    board."""
    code, student = joined
    try:
        questions = _questions(caches.class_store().spec(code))
    except ClassError as err:
        show_error(err)
        st.session_state.pop(state.LIVE_STUDENT, None)
        return
    st.caption(tr("live.joined_as", code=code))
    sent = st.session_state.setdefault(state.LIVE_SENT, set())

    def send(number: int, q: Question) -> None:
        first, asked = ex.first_readable(q), question_id(number, q)
        if first is None or (code, asked) in sent:
            return
        try:            # kept in the session until the store has it: a later run sends it again
            caches.class_store().record(code, student, asked, first[0], first[1].correct, first[1].mistake)
            sent.add((code, asked))
        except SQLAlchemyError:
            st.warning(tr("live.behind"), icon=":material/cloud_off:")

    ex.sheet(questions, after=send)
