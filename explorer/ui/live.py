"""A live class: the teacher starts one from a worksheet's settings and gets a short code, a join link with its QR
code and a private board link; students join with the code (and a nickname, if they like) and answer on their own
screens; the board counts, live, who answered what and which mistakes the class made. The store is
``explorer.classroom`` (one per process: every session of a replica, and every replica through PostgreSQL)."""
from __future__ import annotations

import csv
import hashlib
import io
import re
import time
from types import MappingProxyType

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from explorer import exercises
from explorer.classroom import ClassError, normalise_code
from explorer.exercises import ExerciseError, Question
from explorer.ui import caches, share, widgets
from explorer.ui import exercises as ex
from explorer.ui.shell import markdown_text, show_error, tr
from explorer.ui.state import exercises as state

JOINS_PER_MINUTE = 5            # a session's tries at a class code: the codes cannot be walked through
CHECKS_PER_MINUTE = 4           # a student's checks of one question in a class (the first readable one counts)
BOARD_EVERY_S = 2.0             # the board's refresh while the class works
FOLLOW_EVERY_S = 3.0            # how often a student's page asks whether the teacher moved on (one question at a time)
PACES = ("sheet", "paced")
STUDENT_ID = re.compile(r"[0-9a-f]{24}")         # the store's student ids (secrets.token_hex(12))
NOBODY = MappingProxyType({"answered": 0, "right": 0, "answers": {}, "mistakes": {}})   # a question not answered yet
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _questions(spec: dict, student: str | None = None) -> list[Question]:
    """The class's questions: the sheet's, or, when the teacher gave each student their own numbers, this
    student's (drawn from their id: the same again when they come back)."""
    seed = spec["seed"]
    if student is not None and not spec.get("same", True):
        seed = (seed * 7919 + int(hashlib.sha256(student.encode()).hexdigest()[:8], 16)) % (state.MAX_SEED + 1)
    return exercises.worksheet(spec["kinds"], spec["count"], spec["level"], seed)


def question_id(number: int, q: Question) -> str:
    """How a question is named in the store and the export: its place and kind (``3 conv_value``)."""
    return f"{number} {q.kind}"


# ---------------------------------------------------------------- the teacher

def start(sheet: dict, where) -> None:
    """Start a class on the sheet's questions (the same numbers for everyone: the board compares answers), the
    whole sheet at once or one question at a time; its code, links and board go in ``where`` (above the settings:
    on a projector the code and QR code come first)."""
    pace = widgets.choice(tr("live.pace"), PACES, state.LIVE_PACE, state.DEFAULTS[state.LIVE_PACE],
                          kind="segmented", prefix="live.pace", help=tr("live.pace_help"))
    if st.button(tr("live.start"), icon=":material/groups:", type="primary"):
        spec = {**{key: sheet[key] for key in ("kinds", "count", "level", "seed", "same")}, "paced": pace == "paced"}
        try:
            first = _questions(spec)[0]             # a sheet that cannot be made starts no class
            store = caches.class_store()
            code, key = store.create_class(spec)
            if spec["paced"]:                       # the first question is asked at once
                store.set_pace(code, key, asked=question_id(1, first))
            st.session_state[state.LIVE_TEACHER] = (code, key)
        except ExerciseError as err:
            show_error(err)
        except SQLAlchemyError:
            st.warning(tr("live.store_away"), icon=":material/cloud_off:")
    if state.LIVE_TEACHER not in st.session_state:
        if st.session_state.get(state.LIVE_ENDED):      # this session's class ended (here or on its board)
            st.info(tr("live.ended"), icon=":material/info:")
        st.caption(tr("live.start_help"))
        return
    with where:
        _started(*st.session_state[state.LIVE_TEACHER])


def _started(code: str, key: str) -> None:
    try:
        spec = caches.class_store().spec(code)
    except ClassError:                  # expired, or ended from the board on another screen
        _ended(code)
        st.info(tr("live.ended"), icon=":material/info:")
        return
    join = share.link([state.MODE], [], keep=False, **{state.MODE: "class", state.CLASS: code})
    left, right = st.columns([3, 1])
    left.markdown(tr("live.code", code=" ".join(code)))
    left.code(join, language=None, wrap_lines=True)
    with left.expander(tr("live.board_link"), icon=":material/key:"):     # closed: the class sees no key
        st.caption(tr("live.board_link_help"))
        st.code(share.link([state.MODE], [], keep=False, **{state.MODE: "board", state.CLASS: code, state.KEY: key}),
                language=None, wrap_lines=True)
    right.image(share.qr_png(join), caption=tr("live.join_qr"), width="stretch")
    _board_body(code, key, spec)


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


def _result(one: dict, same: bool) -> None:
    """How a question went: the share right, the named mistakes with their counts, the answers given (when
    everyone had the same numbers: otherwise they do not compare)."""
    if one["answered"]:
        st.progress(one["right"] / one["answered"], text=tr("live.right_share",
                                                             share=f"{one['right'] / one['answered']:.0%}"))
    for mistake, count in sorted(one["mistakes"].items(), key=lambda item: -item[1]):
        st.caption(tr("live.mistake_count", count=count, why=tr(f"ex.mistake.{mistake}")))
    spread = " · ".join(f"{markdown_text(_one_line(answer))} × {count}" for answer, count in
                        sorted(one["answers"].items(), key=lambda item: -item[1])[:6])
    if spread and same:
        st.caption(tr("live.spread", spread=spread))


def _one_line(answer: str, most: int = 24) -> str:
    """An answer as the board lists it: a grid's rows joined by " / " on one line, cut to ``most`` characters."""
    return " / ".join(" ".join(line.split()) for line in answer.splitlines() if line.strip())[:most]


def _pace(code: str, key: str, now: int, questions: list[Question], taking: bool) -> None:
    """Pause (or Take answers again) and Next question."""
    b1, b2 = st.columns(2)
    b1.button(tr("live.pause" if taking else "live.resume"), icon=":material/pause:" if taking else
              ":material/play_arrow:", on_click=_set_pace, args=(code, key, None, not taking), width="stretch")
    last = now + 1 == len(questions)
    b2.button(tr("live.next"), icon=":material/skip_next:", type="primary", disabled=last, width="stretch",
              on_click=_set_pace, args=(code, key, None if last else question_id(now + 2, questions[now + 1]),
                                        True), help=tr("live.last") if last else None)


def _set_pace(code: str, key: str, asked: str | None, taking: bool) -> None:
    try:
        caches.class_store().set_pace(code, key, asked=asked, open=taking)
    except (PermissionError, ClassError):       # ended from another screen meanwhile: the board says so
        _ended(code)
    except SQLAlchemyError:
        st.toast(tr("live.store_away"), icon=":material/cloud_off:")


def _ended(code: str) -> None:
    """This session saw the class end (here or on another screen): its board says so, not "wrong key"."""
    st.session_state.setdefault(state.LIVE_ENDED, set()).add(code)
    st.session_state.pop(state.LIVE_TEACHER, None)


def _end(code: str, key: str) -> None:
    try:
        caches.class_store().end_class(code, key)
    except (PermissionError, ClassError):       # ended already (another screen pressed End first)
        pass
    except SQLAlchemyError:
        st.toast(tr("live.store_away"), icon=":material/cloud_off:")
        return
    _ended(code)


def board() -> None:
    """The teacher's board for the class and key of its link, refreshed every couple of seconds while the page is
    open (a fragment, not the page)."""
    code, key = normalise_code(st.query_params.get(state.CLASS, "")), st.query_params.get(state.KEY, "")[:64]
    if code in st.session_state.get(state.LIVE_ENDED, ()):
        st.info(tr("live.ended"), icon=":material/info:")
        return
    try:
        caches.class_store().board(code, key)                   # the key, checked first
        spec = caches.class_store().spec(code)
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
        spec = st.session_state[state.LIVE_BOARD][code][1]
    _board_body(code, key, spec)


@st.fragment(run_every=BOARD_EVERY_S)
def _board_body(code: str, key: str, spec: dict) -> None:
    shown, same = st.session_state.setdefault(state.LIVE_BOARD, {}), spec.get("same", True)
    try:
        questions = _questions(spec)
    except ExerciseError as err:        # a class stored by an older release with a sheet that cannot be made
        show_error(err)
        return
    try:
        found = caches.class_store().board(code, key)       # each refresh reads again
        shown[code] = (found, spec)
    except (PermissionError, ClassError):
        _ended(code)
        st.info(tr("live.ended"), icon=":material/info:")
        return
    except SQLAlchemyError:             # the store is out of reach: the last board read, said to be behind
        st.warning(tr("live.board_behind"), icon=":material/cloud_off:")
        if code not in shown:
            return
        found = shown[code][0]
    per, asked = found["questions"], [question_id(n, q) for n, q in enumerate(questions, start=1)]
    if found["asked"] in asked:         # one question at a time: the one asked now, how it goes, the buttons
        now = asked.index(found["asked"])
        with st.container(border=True):
            left, right = st.columns([3, 2], gap="large")
            left.subheader(tr("live.now", n=now + 1, of=len(questions)) + " · "
                           + tr("live.taking" if found["open"] else "live.paused_short"))
            with left:
                if not same:
                    st.caption(tr("live.own_numbers"))
                ex.question(questions[now])
            with right:                 # the buttons first: a question with a grid is taller than a projector
                _pace(code, key, now, questions, found["open"])
                one = per.get(asked[now], NOBODY)
                st.metric(tr("live.answered_now"), f"{one['answered']} / {found['students']}")
                _result(one, same)
        listed = list(enumerate(questions, start=1))[:now][::-1]       # the ones asked before, latest first
    else:
        listed = list(enumerate(questions, start=1))
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("live.joined"), found["students"], border=True)
    c2.metric(tr("live.answers"), sum(q["answered"] for q in per.values()), border=True)
    hardest = min(((ident, q["right"] / q["answered"]) for ident, q in per.items()
                   if q["answered"] and q["right"] < q["answered"]), key=lambda item: item[1], default=None)
    c3.metric(tr("live.hardest"), hardest[0].split()[0] if hardest else "–",
              tr("live.right_share", share=f"{hardest[1]:.0%}") if hardest else None, delta_color="off",
              delta_arrow="off", border=True)
    for number, q in listed:
        one = per.get(question_id(number, q), NOBODY)
        st.markdown(tr("live.question_line", n=number, kind=tr(f"ex.kind.{q.kind}"), answered=one["answered"],
                       right=one["right"]))
        _result(one, same)
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
    joined = st.session_state.get(state.LIVE_STUDENT) or _come_back()
    if joined:
        return joined
    with st.form(state.LIVE_JOIN_FORM, border=True):
        c1, c2 = st.columns(2)
        code = c1.text_input(tr("live.code_box"), value=normalise_code(st.query_params.get(state.CLASS, "")),
                             max_chars=24)
        nickname = c2.text_input(tr("live.nickname"), max_chars=40, help=tr("live.nickname_help"))
        sent = st.form_submit_button(tr("live.join"), type="primary", icon=":material/login:")
    if not sent:
        return None
    if not _may_try():
        st.warning(tr("live.slow_down"), icon=":material/hourglass:")
        return None
    try:
        student = caches.class_store().join(code, nickname)
    except ClassError as err:
        show_error(err)
        return None
    except SQLAlchemyError:
        st.warning(tr("live.store_away"), icon=":material/cloud_off:")
        return None
    st.session_state[state.LIVE_STUDENT] = (normalise_code(code), student)
    st.query_params[state.ME] = student             # a reloaded page finds this student again
    st.rerun()


def _come_back() -> tuple[str, str] | None:
    """A student whose page was reloaded: the address holds the class and their id; their answers so far come
    back with them (shown and checked again, not sent again)."""
    me, code = st.query_params.get(state.ME, ""), normalise_code(st.query_params.get(state.CLASS, ""))
    if not me:
        return None
    try:
        if not STUDENT_ID.fullmatch(me) or not _may_try():
            raise ClassError("err.classroom_unknown", code=code)
        st.session_state[state.LIVE_BACK] = caches.class_store().answers_of(code, me)
    except (ClassError, SQLAlchemyError):            # not this class's student, or not now: join as anyone
        del st.query_params[state.ME]
        return None
    st.session_state[state.LIVE_STUDENT] = (code, me)
    return code, me


def answer(joined: tuple[str, str]) -> None:
    """The class's questions, answered and checked as a worksheet's; each first readable answer goes to the
    board."""
    code, student = joined
    try:
        questions = _questions(caches.class_store().spec(code), student)
    except (ClassError, ExerciseError) as err:
        show_error(err)
        st.session_state.pop(state.LIVE_STUDENT, None)
        return
    st.caption(tr("live.joined_as", code=code))
    sent = st.session_state.setdefault(state.LIVE_SENT, {})
    back = st.session_state.pop(state.LIVE_BACK, {})
    for number, q in enumerate(questions, start=1):         # a student who came back: what the store has of theirs
        if (asked := question_id(number, q)) in back:
            ex.restore(q, back[asked][0])
            sent[code, asked] = True

    def send(number: int, q: Question) -> None:
        first, asked = ex.first_readable(q), question_id(number, q)
        if first is not None and (code, asked) not in sent:
            try:        # kept in the session until the store has it: a later run sends it again
                caches.class_store().record(code, student, asked, first[0], first[1].correct, first[1].mistake)
                sent[code, asked] = True
            except ClassError:          # not taken now (paused, or the teacher moved on): told, not sent again
                sent[code, asked] = False
            except SQLAlchemyError:
                st.warning(tr("live.behind"), icon=":material/cloud_off:")
        if sent.get((code, asked)) is False:
            st.warning(tr("err.classroom_closed"), icon=":material/block:")

    try:
        pace = caches.class_store().pace(code)
    except SQLAlchemyError:             # out of reach: the whole sheet, answers kept until it is back
        pace = {"asked": None, "open": True}
    except ClassError as err:
        show_error(err)
        return
    asked = [question_id(n, q) for n, q in enumerate(questions, start=1)]
    if pace["asked"] not in asked:
        ex.sheet(questions, after=send, per_minute=CHECKS_PER_MINUTE)
        return
    now = asked.index(pace["asked"])    # one question at a time: the one the teacher asks now
    drawn = st.session_state.setdefault(state.LIVE_SHOWN, {})
    if drawn.get(code, pace["asked"]) != pace["asked"]:    # an answer to the last one, sent now, would not count
        st.info(tr("live.moved_on", n=now + 1), icon=":material/skip_next:")
    drawn[code] = pace["asked"]
    right, answered = ex.first_answers(questions[:now + 1])
    st.caption(tr("live.student_now", n=now + 1, of=len(questions), right=right, answered=answered))
    if not pace["open"]:
        st.info(tr("live.paused"), icon=":material/pause_circle:")
    ex.sheet(questions[now:now + 1], after=send, start=now + 1, per_minute=CHECKS_PER_MINUTE)
    _follow(code, pace)


@st.fragment(run_every=FOLLOW_EVERY_S)
def _follow(code: str, shown: dict) -> None:
    """Every few seconds: has the teacher paused, taken answers again or moved on? Then the page follows."""
    try:
        moved = caches.class_store().pace(code) != shown
    except ClassError:                  # ended: the page says so
        moved = True
    except SQLAlchemyError:             # out of reach: the question stays, answers are kept until it is back
        moved = False
    if moved:
        st.rerun()
