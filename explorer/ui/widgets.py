"""Widgets bound to the session and to the URL in one call, and the small drawing helpers pages share.

A bound widget keeps its value across pages (the session) and in the address
bar (a shared link opens the same view). Every value a link carries is read by
``links``, checked as the widget itself would check it; the address bar holds
codes (``kernel.preset=gaussian_blur``, ``conv.stride=2``, ``kl.grey=true``),
never a translated label, so a link copied from the Chinese UI opens in English.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from explorer import display, i18n
from explorer.numtext import format_number
from explorer.ui import caches, links
from explorer.ui.shell import PROJECTOR_FONT, labels, lang, plain_text, presenting, tr
from explorer.ui.state import shared
from explorer.views import tables

FIGURE = {"width": "stretch", "config": {"displayModeBar": False}}


def _bound(key: str, spec, default, label: str, kwargs: dict) -> bool:
    """The widget ``key``'s value in the session: the link's on first use (if the widget could hold it). Offers
    the setting to "Share this view" under ``label``; locks the widget (``kwargs``) when the session's link locks
    it; ``True`` when the link hides it (the caller then draws nothing and the value stays as it is)."""
    if key not in st.session_state:
        st.session_state[key] = links.read(key, spec, default)
    st.session_state.setdefault(shared.OFFERED, {})[key] = label
    rules = links.rules()
    if key in rules[shared.LOCK]:
        kwargs["disabled"] = True
    return key in rules[shared.HIDE]


# ---------------------------------------------------------------- numbers and switches

def slider(label: str, low, high, key: str, default, *, step=None, where=st, **kwargs):
    """A slider whose value lives under ``key`` in the session and the URL (``default`` on first use)."""
    integer = isinstance(default, int)
    step = step if step is not None else (1 if integer else 0.01)     # Streamlit's own defaults
    hidden = _bound(key, links.Number(low, high, step, integer), default, label, kwargs)
    value = st.session_state[key] if hidden else where.slider(label, low, high, key=key, step=step,
                                                               persist_state="session", **kwargs)
    links.publish(key, value, default)
    return value


def number(label: str, low: int, high: int, key: str, default: int, *, where=st, **kwargs) -> int:
    """A whole-number input bound like :func:`slider`."""
    hidden = _bound(key, links.Number(low, high, 1, integer=True), default, label, kwargs)
    value = int(st.session_state[key] if hidden else where.number_input(label, low, high, key=key,
                                                                         persist_state="session", **kwargs))
    links.publish(key, value, default)
    return value


def toggle(label: str, key: str, default: bool, *, where=st, **kwargs) -> bool:
    """A switch bound like :func:`slider`."""
    hidden = _bound(key, links.Switch(), default, label, kwargs)
    value = bool(st.session_state[key] if hidden else where.toggle(label, key=key, persist_state="session",
                                                                    **kwargs))
    links.publish(key, value, default)
    return value


# ---------------------------------------------------------------- options

def choice(label: str, options: Sequence, key: str, default, *, kind: str = "selectbox", prefix: str | None = None,
           format_func: Callable | None = None, where=st, **kwargs):
    """An option widget whose choice lives under ``key`` in the session and, as a code, in the URL.

    Args:
        kind: ``selectbox``, ``segmented``, ``pills`` (several choices: a list) or ``select_slider``.
        prefix: options are shown as the strings ``prefix.<option>``; or give ``format_func``.
        default: the choice on first use when the link does not set one.

    A select box keeps showing its old option text after a live language
    switch, so its widget is keyed by language (``key@zh``) and the choice
    itself kept under ``key``; the others are keyed by ``key`` and persist.
    """
    options = list(options)
    multi = kind == "pills" and kwargs.get("selection_mode") == "multi"
    hidden = _bound(key, links.options(options, prefix, format_func, multi), default, label, kwargs)
    shown = labels(prefix) if prefix is not None else format_func or str
    if kind == "selectbox" and not hidden:      # hidden by the link: its value counts, nothing is drawn
        # the choice lives under key; the box, keyed by language, is set from it on every run and writes a change
        # back through its callback: a page switch that brought the box back at its first option (Sliding Window
        # showed Identity for Kernel Lab's Sharpen) cannot change the choice
        widget = shared.per_language(key, lang())
        st.session_state[widget] = st.session_state[key]
        where.selectbox(label, options, key=widget, format_func=shown, persist_state="session",
                        on_change=_keep_choice, args=(widget, key), **kwargs)
    elif not hidden:
        draw = {"segmented": where.segmented_control, "pills": where.pills, "select_slider": where.select_slider}[kind]
        extra = {"required": True} if kind == "segmented" and "required" not in kwargs else {}
        draw(label, options, key=key, format_func=shown, persist_state="session", **extra, **kwargs)
    links.publish(key, st.session_state[key], default)
    return st.session_state[key]


def _keep_choice(widget: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget]


def set_choice(key: str, value) -> None:
    """Choose ``value`` for the option widget ``key`` from a callback (the widget shows it when next drawn)."""
    st.session_state[key] = value
    for language in i18n.LANGUAGES:
        st.session_state.pop(shared.per_language(key, language), None)


# ---------------------------------------------------------------- drawing helpers

def chart(figure, key: str, where=st, **kwargs):
    """A Plotly figure at the column's width, without the mode bar; on a projector its default text is larger
    (Plotly's 12 px axis words were unreadable from the back of a room)."""
    if presenting():
        figure.update_layout(font=PROJECTOR_FONT)
    return where.plotly_chart(figure, key=key, **FIGURE, **kwargs)


def shared_chart(figure, key: str, where=st, **kwargs):
    """A Plotly figure from ``caches`` at the column's width, without the mode bar: shared between sessions, it
    comes with the projector's text already set (``chart`` would change it for everybody)."""
    return where.plotly_chart(figure, key=key, **FIGURE, **kwargs)


def picture(image, caption: str, where=st, content: str | None = None, **kwargs) -> None:
    """An image and its caption under it; the caption, without its Markdown, is the image's text alternative
    (images without one were the accessibility audit's critical finding on every page). ``content``: a key naming
    what ``image`` shows, under which its encoding is kept (``caches.encoded``): not encoded again on the next
    run, nor for the next student with the same picture; ``image`` may then be a function that makes it, called
    only when it is not kept."""
    if content is not None:
        image_format = kwargs.pop("output_format", "auto")
        # JPEG at 95, not Streamlit's 100 for arrays: the same to the eye, half the bytes for every browser
        image = caches.encoded(content, image, image_format, 95)
        kwargs["output_format"] = "PNG" if image[:4] == b"\x89PNG" else "JPEG"
    where.image(image, alt=plain_text(caption), **kwargs)
    where.caption(caption)


class Encoded:
    """Picture bytes already encoded, for ``streamlit_image_coordinates`` (which encodes whatever has a
    ``save(buffer, format=…, quality=…)``: these bytes are written as they are)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def save(self, buffer, **_) -> None:
        buffer.write(self.data)


def matrix(values: np.ndarray, key: str, where=st, select: bool = False, **kwargs) -> tuple[int, int] | None:
    """``heatmaps.matrix_figure`` with tooltips in the user's language, built once per matrix and settings
    (:func:`explorer.ui.caches.matrix_figure`). ``select``: a click on a cell selects it; returns its
    ``(row, column)`` (None while none is)."""
    options = tuple(sorted({**kwargs, "lang": lang(), **({"clickable": True} if select else {})}.items()))
    picked = {"on_select": "rerun", "selection_mode": "points"} if select else {}
    event = shared_chart(caches.matrix_figure(np.asarray(values), presenting(), options), key, where, **picked)
    points = (event or {}).get("selection", {}).get("points") or [] if select else []
    try:
        return (int(round(float(points[0]["y"]))), int(round(float(points[0]["x"])))) if points else None
    except (KeyError, TypeError, ValueError):      # not a cell (a click beside the matrix)
        return None


def matrices(panels: list[tuple[np.ndarray, str, bool]], where=st, **kwargs) -> None:
    """Small matrices side by side as HTML tables (``tables.matrices_html``)."""
    where.html(tables.matrices_html(panels, lang=lang(), **kwargs))


def formula_box(formulas: tuple[str, str], where=st) -> None:
    """Output-size formulas for the height and the width."""
    where.code(f"H: {formulas[0]}\nW: {formulas[1]}", language=None, wrap_lines=True)


def tiles(images, captions, per_row: int = 8, target: int = 112, where=st, below=None) -> None:
    """Small pictures in rows (floats in [0, 1] or ready uint8), each enlarged by whole pixels; ``below(column,
    i)`` draws more under picture ``i`` (a button)."""
    for start in range(0, len(images), per_row):
        for i, (col, image, caption) in enumerate(zip(where.columns(per_row, gap="small"),
                                                      images[start:start + per_row], captions[start:start + per_row]),
                                                  start=start):
            picture(display.blocky(image, target), caption, where=col, width="stretch")
            if below is not None:
                below(col, i)


# ---------------------------------------------------------------- an editable grid of numbers

def _grid_from(kernel: np.ndarray) -> list[list[str]]:
    return [[format_number(float(v)) for v in row] for row in kernel]


def _resize_grid(grid: list[list[str]], rows: int, cols: int) -> list[list[str]]:
    return [[grid[i][j] if i < len(grid) and j < len(grid[i]) else "0" for j in range(cols)] for i in range(rows)]


def load_into_editor(prefix: str, values: np.ndarray) -> None:
    """Put ``values`` into the grid editor ``prefix`` (a new editor widget, so the browser shows them)."""
    keys = shared.grid_keys(prefix)
    st.session_state[keys.grid] = _grid_from(values)
    st.session_state[keys.rows], st.session_state[keys.cols] = values.shape
    st.session_state[keys.version] = st.session_state.get(keys.version, 0) + 1


def grid_editor(prefix: str, start_from: np.ndarray, parse, low: int, high: int,
                reset_label: str, reset_help: str, resizable: bool = True) -> np.ndarray | None:
    """An editable grid of numbers (``1/9`` allowed) whose size is chosen by two number inputs.

    State lives under ``prefix.*`` (``state.shared.grid_keys``) so it survives page switches. A bad cell shows
    the parser's message and the last valid grid stays in use (``None`` if none yet).
    With ``resizable=False`` the grid keeps the size of ``start_from``.
    """
    keys = shared.grid_keys(prefix)
    if keys.grid not in st.session_state:
        load_into_editor(prefix, start_from)
    if resizable:
        c1, c2 = st.columns(2)
        rows = number(tr("kernel.rows"), low, high, keys.rows, start_from.shape[0], where=c1)
        cols = number(tr("kernel.cols"), low, high, keys.cols, start_from.shape[1], where=c2)
    else:
        rows, cols = start_from.shape
    grid = st.session_state[keys.grid]
    if (len(grid), len(grid[0])) != (rows, cols):
        grid = _resize_grid(grid, rows, cols)
        st.session_state[keys.grid] = grid
        st.session_state[keys.version] += 1
    st.button(reset_label, on_click=load_into_editor, args=(prefix, start_from), help=reset_help,
              icon=":material/content_copy:", key=keys.reset)
    frame = pd.DataFrame(grid, columns=[str(j + 1) for j in range(cols)], dtype=object)
    edited = st.data_editor(
        frame, key=keys.editor(st.session_state[keys.version]), hide_index=True,
        num_rows="fixed", width="stretch",
        column_config={c: st.column_config.TextColumn(c, width="small") for c in frame.columns},
    )
    cells = edited.astype(object).where(edited.notna(), None).values.tolist()
    try:
        values = parse(cells)
    except i18n.LocalizedError as err:
        st.error(tr("kernel.invalid", why=err.text(lang())), icon=":material/error:")
        return st.session_state.get(keys.valid)
    st.session_state[keys.grid] = [["" if c is None else str(c) for c in row] for row in cells]
    st.session_state[keys.valid] = values
    return values
