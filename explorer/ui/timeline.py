"""One timeline for a sliding-window run: the figure, the step slider, the step buttons (← → keys), play at
three speeds, and the step's arithmetic all show the same step, because only the server holds it.

The figure used to animate itself in the browser while the buttons and the text followed the server: paused
at step 5 in the figure, the text said step 1 and "Step forward" jumped the figure to step 2. Now the figure
draws one step (``views.sliding``), and play is a fragment that reruns itself every step's duration while
playing (one small figure per step, ~20 KB and a few ms for a 16×16 grid).

State, under the caller's ``key`` (``state.shared.timeline_keys``): ``{key}.at`` (the 0-based step, the truth; a
widget's own key is dropped when a run does not draw it), ``{key}.slider`` (the slider, set from it before each
draw), ``{key}.play`` (the speed while playing), ``{key}.settings`` (the run shown: another run starts at ``start``
and stops).
"""
from __future__ import annotations

import time

import streamlit as st

from explorer.exercises import answers
from explorer.numtext import format_number
from explorer.ui import caches, widgets
from explorer.ui.shell import labels as labels_of
from explorer.ui.shell import markdown_text, tr
from explorer.ui.state import shared

SPEEDS = {"slow": 1.2, "normal": 0.6, "fast": 0.3}   # seconds per step
_now = time.monotonic                                  # the tests move this clock



def _move(key: str, by: int, steps: int) -> None:
    names = shared.timeline_keys(key)
    st.session_state[names.at] = max(0, min(st.session_state[names.at] + by, steps - 1))
    st.session_state.pop(names.play, None)


def _slid(key: str) -> None:
    names = shared.timeline_keys(key)
    st.session_state[names.at] = int(st.session_state[names.slider]) - 1
    st.session_state.pop(names.play, None)


def _toggle_play(key: str, steps: int) -> None:
    names = shared.timeline_keys(key)
    if st.session_state.get(names.play):
        st.session_state.pop(names.play)
        return
    if st.session_state[names.at] >= steps - 1:       # at the end, play starts again from the first step
        st.session_state[names.at] = 0
    st.session_state[names.play] = st.session_state.get(names.speed, shared.DEFAULT_SPEED)
    st.session_state[names.last] = _now()


def _tick(key: str, steps: int) -> bool:
    """While playing, one step forward when a step's time has passed since the last (never two in one run, so
    a loaded server slows the animation instead of skipping steps); ``True`` when the last step is reached."""
    names = shared.timeline_keys(key)
    speed = st.session_state.get(names.play)
    if not speed:
        return False
    if _now() - st.session_state.get(names.last, 0.0) >= SPEEDS[speed] * 0.5:
        st.session_state[names.at] = min(st.session_state[names.at] + 1, steps - 1)
        st.session_state[names.last] = _now()
    if st.session_state[names.at] >= steps - 1:
        st.session_state.pop(names.play)
        return True
    return False


def _told(key: str, step: int, value: float) -> None:
    """The prediction for ``step`` checked against its value, and the timeline moved there to show why."""
    names = shared.timeline_keys(key)
    typed = st.session_state.get(shared.timeline_guess(key, step)) or ""
    guess = answers.number(typed)
    right = None if guess is None else abs(float(guess) - value) <= max(0.01, 0.005 * abs(value))
    st.session_state[names.told] = (step, right, typed)
    if right is not None:
        st.session_state[names.at] = step


def _predict(run, key: str, at: int) -> None:
    """Predict, then reveal: before the next step is shown, the student may type its output value and is told at
    once (the timeline then shows that step's window and arithmetic)."""
    names, steps = shared.timeline_keys(key), len(run.steps)
    told = st.session_state.get(names.told)
    if told and told[0] == at and told[1] is not None:
        message = tr("sw.told_right" if told[1] else "sw.told_wrong", typed=markdown_text(told[2][:40]),
                     value=format_number(run.steps[at].value))
        (st.success if told[1] else st.error)(message, icon=":material/check_circle:" if told[1] else
                                              ":material/cancel:")
    if at >= steps - 1 or st.session_state.get(names.play):
        return
    following = run.steps[at + 1]
    with st.form(names.guess_form, border=False, enter_to_submit=True):
        box, button = st.columns([3, 1], vertical_alignment="bottom")
        box.text_input(tr("sw.predict", step=at + 2, row=following.cell[0], col=following.cell[1]),
                       key=shared.timeline_guess(key, at + 1), persist_state="session", max_chars=answers.MAX_TEXT,
                       placeholder=tr("ex.placeholder.number"))
        button.form_submit_button(tr("sw.predict_check"), icon=":material/visibility:", width="stretch",
                                  on_click=_told, args=(key, at + 1, float(following.value)))
    if told and told[0] == at + 1 and told[1] is None:
        st.warning(tr("ex.how.number"), icon=":material/edit_note:")


def _draw(run, labels: dict[str, str], key: str, predict: bool = False) -> None:
    names, steps = shared.timeline_keys(key), len(run.steps)
    finished = _tick(key, steps)
    at = min(st.session_state[names.at], steps - 1)
    playing = bool(st.session_state.get(names.play))
    widgets.shared_chart(caches.run_figure(run, labels, at), names.figure)
    st.code(f"{tr('sw.step_of', i=at + 1, n=steps)}:  {run.steps[at].text}", language=None, wrap_lines=True)
    back, play, forward, where, speed = st.columns([1, 1, 1, 1.8, 1.9], vertical_alignment="center")
    back.button(tr("sw.back"), icon=":material/skip_previous:", disabled=at == 0, width="stretch",
                shortcut="Left", help=tr("sw.key_help"), on_click=_move, args=(key, -1, steps), key=names.back)
    started = play.button(tr("sw.pause" if playing else "sw.play"), width="stretch", disabled=steps == 1,
                          icon=":material/pause:" if playing else ":material/play_arrow:",
                          on_click=_toggle_play, args=(key, steps), key=names.play_button)
    forward.button(tr("sw.forward"), icon=":material/skip_next:", disabled=at == steps - 1, width="stretch",
                   shortcut="Right", help=tr("sw.key_help"), on_click=_move, args=(key, 1, steps),
                   key=names.forward)
    if steps > 1:
        st.session_state[names.slider] = at + 1
        where.slider(tr("sw.step_slider"), 1, steps, key=names.slider, on_change=_slid, args=(key,),
                     label_visibility="collapsed", persist_state="session")
    st.session_state.setdefault(names.speed, shared.DEFAULT_SPEED)
    speed.segmented_control(tr("sw.speed"), list(SPEEDS), key=names.speed, format_func=labels_of("sw.speed"),
                            required=True, persist_state="session", label_visibility="collapsed")
    if predict:
        _predict(run, key, at)
    if started or finished:
        st.rerun()      # the whole page: a fragment sets or clears its rerun timer only in a full run


def timeline(run, labels: dict[str, str], key: str, *, settings: str, start: int = 0, predict: bool = False) -> int:
    """Draw the run at its current step with every control that moves it; returns that step (0-based).

    Args:
        run: a ``lessons.sliding.Run``.
        labels: the figure's words (``views.sliding.LABELS``), translated.
        key: the session-state prefix of this timeline (one per place it is shown).
        settings: what identifies the run: when it changes, the timeline starts again at ``start``.
        start: the step a new run opens on (e.g. the output cell the user clicked).
        predict: offer "predict, then reveal" under the controls (each step's value is an output value).
    """
    names, steps = shared.timeline_keys(key), len(run.steps)
    if st.session_state.get(names.settings) != settings:
        st.session_state[names.settings] = settings
        st.session_state[names.at] = max(0, min(start, steps - 1))
        st.session_state.pop(names.play, None)
    st.session_state[names.at] = min(st.session_state.get(names.at, 0), steps - 1)
    speed = st.session_state.get(names.play)
    st.fragment(_draw, run_every=SPEEDS[speed] if speed else None)(run, labels, key, predict)
    return st.session_state[names.at]
