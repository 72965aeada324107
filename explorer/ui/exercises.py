"""Check yourself: choose a kind and a level, answer, and get the verdict with the worked solution and, where a
known mistake gives the wrong answer, its name. The questions come from ``explorer.exercises``; a question is its
kind, level and number, all three in the address bar, so a link opens the same question."""
from __future__ import annotations

import random
import time

import numpy as np
import streamlit as st

from explorer import display, exercises, kernels, ops
from explorer.exercises import Question, Verdict, answers
from explorer.ui import sliding_window, widgets
from explorer.ui.shell import labels, lang, tr
from explorer.ui.source import current_image, working_copy
from explorer.ui.state import exercises as state
from explorer.ui.state import im2col, pooling, shared, transposed

SHOWN_ON = ("conv_output_size", "pool_output_size", "transposed_output_size", "conv_value", "pool_value",
            "pool_grid", "transposed_value", "im2col_shape", "which_kernel")      # the kinds a page can show (show_me)
VERDICT_LOOK = {True: ("success", ":material/check_circle:"), False: ("error", ":material/cancel:"),
                None: ("warning", ":material/edit_note:")}


def new_number(key: str = state.SEED) -> None:
    """A new question's (or sheet's) number under ``key``, from a button's callback."""
    st.session_state[key] = random.randrange(state.MAX_SEED + 1)


def _asked(q: Question) -> tuple[str, int, int]:
    """A question's identity in this session's attempts and widget keys."""
    return q.kind, q.seed, q.level


def controls() -> Question:
    """The kind, the level, the question's number and "Another question"; the question they make."""
    c1, c2, c3, c4 = st.columns([2.4, 1.5, 1.1, 1.2], vertical_alignment="bottom")
    kind = widgets.choice(tr("ex.kind"), exercises.KINDS, state.KIND, state.DEFAULTS[state.KIND], prefix="ex.kind",
                          where=c1)
    level = widgets.choice(tr("ex.level"), exercises.LEVELS, state.LEVEL, state.DEFAULTS[state.LEVEL],
                           kind="segmented", where=c2, help=tr("ex.level_help"))
    seed = widgets.number(tr("ex.seed"), 0, state.MAX_SEED, state.SEED, state.DEFAULTS[state.SEED], where=c3,
                          help=tr("ex.seed_help"))
    c4.button(tr("ex.another"), icon=":material/casino:", on_click=new_number, width="stretch")
    return exercises.generate(kind, seed, level)


def kernel_pictures(q: Question, work: np.ndarray | None = None) -> list[np.ndarray]:
    """The four pictures of a which-kernel question (uint8): the sidebar's image (a sample, or the student's
    photo; or ``work``, taken from it during a run), its centre in grey, through the four kernels in the
    question's order."""
    work = working_copy(current_image()) if work is None else work
    grey = work.mean(axis=2) if work.ndim == 3 else work
    side = min(q.params["crop"], *grey.shape[:2])
    top, left = (grey.shape[0] - side) // 2, (grey.shape[1] - side) // 2
    crop = np.ascontiguousarray(grey[top:top + side, left:left + side], dtype=np.float32)
    shown = []
    for name in q.params["choices"]:
        out = ops.conv2d(crop, kernels.get_kernel(name), padding="same")
        if name.startswith("sobel"):          # edges' strength, scaled so that the edges are bright, not dim
            out = np.abs(out) / display.robust_scale(np.abs(out))
        shown.append(display.to_display(out, "clip"))
    return shown


def question(q: Question):
    """The question: its words, and its numbers or pictures; returns where the answer goes (beside the numbers, so
    that on a projector both are on the first screen)."""
    st.markdown(q.prompt(lang()))
    if q.kind == "which_kernel":
        for column, letter, picture in zip(st.columns(4), answers.CHOICES, kernel_pictures(q)):
            widgets.picture(picture, tr("ex.picture", letter=letter), where=column, width="stretch")
    if "input" not in q.params:
        return st.container()
    numbers, beside = st.columns([1, 1], gap="large")
    grids = [(np.array(q.params["input"]), tr("ex.input"), True)]
    if "kernel" in q.params:
        grids.append((np.array(q.params["kernel"]), tr("ex.kernel"), False))
    widgets.matrices(grids, where=numbers)
    return beside


def _square(q: Question, name: str) -> int | None:
    """A setting's value when it is the same for the height and the width (the pages take one value)."""
    value = q.params.get(name)
    return value[0] if value is not None and value[0] == value[1] else None


def show_me(q: Question) -> bool:
    """Open the page that shows the idea with the question's settings (its own grids on the Sliding Window);
    ``False`` when no page can show them (a stack of layers, a layer's counts, different height and width
    settings, or values beyond the page's own ranges), and nothing happens."""
    p, page, values, choices = q.params, None, {}, {}
    if q.kind in ("conv_value", "pool_value", "pool_grid"):
        kernel = _square(q, "kernel_size")
        mode = {"max": "max_pool", "avg": "avg_pool"}.get(p.get("mode"), "convolution" if p.get("flip")
                                                           else "correlation")
        sliding_window.open_grid(np.array(p["input"]), np.array(p["kernel"]) if "kernel" in p else None, mode=mode,
                                 pool=kernel or 2, padding=_square(q, "padding"), stride=_square(q, "stride"))
    settings = [_square(q, name) for name in ("kernel_size", "stride", "padding", "dilation", "output_padding")
                if name in p]
    if None in settings:
        return False
    if q.kind == "conv_output_size":
        page, choices = "kernel_lab", {shared.PADDING_KIND: "number"}
        values = {shared.PADDING: p["padding"][0], shared.STRIDE: p["stride"][0], shared.DILATION: p["dilation"][0]}
    elif q.kind == "pool_output_size":
        k, stride = p["kernel_size"][0], p["stride"][0]
        page = "pooling"
        values = {pooling.K: k, pooling.SAME_STRIDE: stride == k, pooling.STRIDE: stride,
                  pooling.PADDING: p["padding"][0], pooling.CEIL: p["ceil_mode"]}
    elif q.kind in ("transposed_output_size", "transposed_value") and p["kernel_size"][0] <= 4:
        page, choices = "transposed_dilated", {transposed.G_KERNEL: "integers"}
        values = {transposed.G_K: p["kernel_size"][0], transposed.G_STRIDE: p["stride"][0],
                  transposed.G_PADDING: p["padding"][0], transposed.G_OP: p.get("output_padding", (0, 0))[0]}
        if "input" in p:
            values[transposed.G_SIDE] = len(p["input"])
    elif q.kind == "im2col_shape" and p["batch"][2] == p["batch"][3] and 3 <= p["batch"][2] <= 7:
        page = "im2col"
        values = dict(zip((im2col.N, im2col.C, im2col.SIDE, im2col.K, im2col.STRIDE, im2col.PAD),
                          (*p["batch"][:3], p["kernel_size"][0], p["stride"], p["padding"])))
    elif q.kind == "which_kernel":
        page, choices = "kernel_lab", {shared.KERNEL_SOURCE: "preset", shared.KERNEL_PRESET: p["asked"]}
    if page is None:
        return False
    st.session_state.update(values)
    for key, value in choices.items():
        widgets.set_choice(key, value)
    st.switch_page(f"../pages/{page}.py", query_params={})
    return True


def _attempts() -> dict:
    return st.session_state.setdefault(state.ATTEMPTS, {})


def _in_time(asked: tuple, per_minute: int | None) -> bool:
    """Whether one more check of a question is allowed now (at most ``per_minute`` a minute; ``None``: no limit)."""
    if per_minute is None:
        return True
    now, times = time.monotonic(), st.session_state.setdefault(state.CHECKED_AT, {})
    recent = [t for t in times.get(asked, []) if now - t < 60]
    times[asked] = recent + [now] if len(recent) < per_minute else recent
    return len(recent) < per_minute


def answer(q: Question, where=None, per_minute: int | None = None) -> Verdict | None:
    """The answer box (or A–D), "Check", and after a check the verdict and the worked solution (in ``where``, a
    container: :func:`question` gives one). ``per_minute``: at most that many checks of the question a minute (a
    class's), the others told to wait."""
    asked, where = _asked(q), where or st.container()
    with where.form(state.form(*asked), border=False, enter_to_submit=True):
        if q.shape == "choice":
            typed = st.segmented_control(tr("ex.your_answer"), list(answers.CHOICES), key=state.answer(*asked),
                                         persist_state="session")
        else:                       # a grid's rows go on lines of their own
            box = st.text_area if q.shape == "grid" else st.text_input
            typed = box(tr("ex.your_answer"), key=state.answer(*asked), persist_state="session",
                        max_chars=answers.MAX_TEXT, placeholder=tr(f"ex.placeholder.{q.shape}"))
        sent = st.form_submit_button(tr("ex.check"), type="primary", icon=":material/done:")
    if sent and _in_time(asked, per_minute):
        _attempts().setdefault(asked, []).append((typed or "", q.check(typed or "")))
    elif sent:
        where.warning(tr("ex.slow_down"), icon=":material/hourglass:")
    tries = _attempts().get(asked)
    if not tries:
        return None
    verdict = tries[-1][1]
    look, icon = VERDICT_LOOK[verdict.correct]
    getattr(where, look)(verdict.message(lang()), icon=icon)
    if verdict.correct is not None:
        with where.expander(tr("ex.solution"), icon=":material/menu_book:", expanded=True):
            st.markdown(q.solution(lang()))
        if q.kind in SHOWN_ON and where.button(tr("ex.show_me"), icon=":material/visibility:",
                                               key=state.show_me(*asked), help=tr("ex.show_me_help")):
            if not show_me(q):
                where.info(tr("ex.show_me_not"), icon=":material/info:")
    return verdict


def restore(q: Question, typed: str) -> None:
    """An answer given before this session (a student back in a class): in its box and checked, as if typed
    here, unless this session has answered ``q`` already."""
    asked = _asked(q)
    if asked not in _attempts():
        _attempts()[asked] = [(typed, q.check(typed))]
        st.session_state[state.answer(*asked)] = typed


def _first(tries: list[tuple[str, Verdict]]) -> tuple[str, Verdict] | None:
    """The first of a question's attempts that could be read: what scores (trying again teaches, it does not
    score) and what a class's board counts."""
    return next(((typed, v) for typed, v in tries if v.correct is not None), None)


def first_readable(q: Question) -> tuple[str, Verdict] | None:
    """The first answer to ``q`` this session could read, with its verdict."""
    return _first(_attempts().get(_asked(q), []))


def _first_answers() -> dict[tuple, bool]:
    """Whether each question answered in this session was right the first time it got a readable answer."""
    return {asked: first[1].correct for asked, tries in _attempts().items() if (first := _first(tries))}


def first_answers(questions: list[Question]) -> tuple[int, int]:
    """(right first time, answered) among ``questions``."""
    counted = _first_answers()
    mine = [counted[_asked(q)] for q in questions if _asked(q) in counted]
    return sum(mine), len(mine)


def sheet(questions: list[Question], after=None, start: int = 1, per_minute: int | None = None) -> None:
    """Every question of a sheet under its number (from ``start``) with its answer box; ``after(number, q)`` once
    each is drawn (a class sends its first readable answer); ``per_minute`` as :func:`answer`'s."""
    for number, q in enumerate(questions, start=start):
        st.subheader(tr("ws.question_n", n=number), divider="gray")
        answer(q, question(q), per_minute)
        if after is not None:
            after(number, q)


def score(kind: str) -> None:
    """Right first answers out of questions answered, for this kind and for all, in this session."""
    counted = _first_answers()
    mine = [right for asked, right in counted.items() if asked[0] == kind]
    s1, s2 = st.columns(2)
    s1.metric(tr("ex.score_kind", kind=tr(f"ex.kind.{kind}")), f"{sum(mine)} / {len(mine)}", border=True)
    s2.metric(tr("ex.score_all"), f"{sum(counted.values())} / {len(counted)}", border=True)


# which questions each concept page asks at its foot
PANELS = {"kernel_lab": ("conv_output_size", "conv_value", "which_kernel"),
          "sliding_window": ("conv_value", "conv_output_size"),
          "pooling": ("pool_output_size", "pool_value", "pool_grid"),
          "transposed_dilated": ("transposed_output_size", "transposed_value", "receptive_field"),
          "channels": ("layer_params", "layer_macs"), "im2col": ("im2col_shape", "layer_macs"),
          "network": ("layer_params", "layer_macs", "receptive_field")}


def panel(page: str) -> None:
    """"Check yourself" at the foot of a concept page: that page's kinds of question, at the level chosen on the
    Check yourself page, answered and scored as there. Nothing in it runs while it is closed."""
    box = st.expander(tr("ex.panel"), icon=":material/quiz:", key=state.panel(page), on_change="rerun")
    if not box.open:
        return
    kinds = PANELS[page]
    with box:
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        kind = c1.segmented_control(tr("ex.kind"), kinds, key=state.panel_kind(page), persist_state="session",
                                    format_func=labels("ex.kind"), default=kinds[0], required=True)
        seed = state.panel_seed(page)
        c2.button(tr("ex.another"), icon=":material/casino:", on_click=new_number, args=(seed,), width="stretch")
        q = exercises.generate(kind, st.session_state.get(seed, state.DEFAULTS[state.SEED]),
                               st.session_state.get(state.LEVEL, state.DEFAULTS[state.LEVEL]))
        answer(q, question(q))
