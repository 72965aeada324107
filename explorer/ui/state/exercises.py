"""Check yourself's session-state keys (``pages/check_yourself.py``, ``explorer/ui/exercises.py``) and first values."""
from __future__ import annotations

KIND = "ex.kind"                    # a code of exercises.KINDS
LEVEL = "ex.level"                  # 1–3
SEED = "ex.seed"                    # the question's number: with the kind and level, the question
CHECKED_AT = "_ex_checked_at"       # {(kind, seed, level): [time.monotonic() of each check]}: a class's limit
ATTEMPTS = "ex.attempts"            # {(kind, seed, level): [(typed text, correct, mistake), …]} this session
MAX_SEED = 999_999
MODE = "ex.mode"                    # "practice", "worksheet" (a student's) or "make" (the teacher's)
# a worksheet's settings: in its link, read as the widgets that set them would
WS_KINDS = "ws.kinds"               # codes of exercises.KINDS, in turn
WS_COUNT = "ws.count"
WS_LEVEL = "ws.level"
WS_SAME = "ws.same"                 # the same numbers for everyone, or each student's own
WS_SEED = "ws.seed"                 # the sheet's number
WS_LANG = "ws.lang"                 # the language the teacher makes the link and the printed sheet in
WS_ONLY = "ws.only"                 # the link keeps students on the worksheet (hides the mode and the settings)
# a live class (live.py)
CLASS = "class"                     # the class code in a join or board link
KEY = "key"                         # the teacher key in the board link
ME = "me"                           # a student's id, put in the address once they joined: a reloaded page finds them
PRIVATE = (KEY, ME)                 # never copied into a link made to share (Share this view, a join link)
LIVE_PACE = "live.pace"             # how a class answers: "sheet" (all at once) or "paced" (one question at a time)
LIVE_TEACHER = "_live_teacher"      # (code, key) of the class this session started
LIVE_STUDENT = "_live_student"      # (code, student id) of the class this session joined
LIVE_TRIES = "_live_tries"          # when this session tried a code (time.monotonic): a few a minute
LIVE_SENT = "_live_sent"            # {(code, question): counted} first answers the store took (True) or refused
LIVE_JOIN_FORM = "live.join_form"
LIVE_SHOWN = "_live_shown"          # {code: question} a paced class's page last drew: "your teacher moved on"
LIVE_ENDED = "_live_ended"          # {codes} of the classes this session saw end: their board says so
LIVE_BACK = "_live_back"            # a returning student's answers from the store, shown again on the next sheet
LIVE_BOARD = "_live_board"          # {code: (board, class spec) last read}: shown as behind when the store is away
WS_OWN = "_ws_own"                  # this session's own numbers, when the sheet gives each student different ones


def answer(kind: str, seed: int, level: int) -> str:
    """The answer box of one question (a new question starts empty)."""
    return f"ex.answer.{kind}.{seed}.{level}"


def form(kind: str, seed: int, level: int) -> str:
    """The form around that answer box."""
    return f"ex.form.{kind}.{seed}.{level}"


def show_me(kind: str, seed: int, level: int) -> str:
    """The "show me" button under one question's solution."""
    return f"ex.show_me.{kind}.{seed}.{level}"


def panel(page: str) -> str:
    """The "Check yourself" expander at the foot of a concept page (its questions run only while it is open)."""
    return f"ex.panel.{page}"


def panel_kind(page: str) -> str:
    """The kind of question that panel asks."""
    return f"ex.panel_kind.{page}"


def panel_seed(page: str) -> str:
    """That panel's question number."""
    return f"ex.panel_seed.{page}"


DEFAULTS: dict[str, object] = {KIND: "conv_output_size", LEVEL: 1, SEED: 1, MODE: "practice",
                               WS_KINDS: ["conv_output_size", "pool_output_size", "conv_value", "pool_value"],
                               WS_COUNT: 6, WS_LEVEL: 1, WS_SAME: True, WS_SEED: 1, LIVE_PACE: "sheet"}
