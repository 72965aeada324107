"""The sliding window at one step: the input with the window, the kernel, the output so far.

The figure shows one step and nothing moves inside it: the page's timeline
(``ui.timeline``) owns the step, so the slider, the buttons, the keys, play and
the arithmetic written under the figure always show the same step. Grey grids
follow the pictures' convention (``display.GREYS``: low dark, high light).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

from explorer.display import DIVERGING, GREYS, HIGHLIGHT
from explorer.numtext import format_number

LABELS = ("input", "kernel", "output")
PADDING_BLUE = "#cfe3f7"
EMPTY_GREY = "#eceff3"     # output cells not computed yet: the grid's shape shows from the first step
CROP_GREEN = "#2a9d8f"


@lru_cache(maxsize=4096)
def _number(value: float) -> str:
    return format_number(value)


def _cell_texts(values: np.ndarray, empty: str = "") -> list[list[str]]:
    return [[empty if v != v else _number(v) for v in row] for row in values.tolist()]


def _grid_trace(values: np.ndarray, axis: str, *, colorscale, zmin, zmax, text, font: int, **extra) -> dict:
    return {"type": "heatmap", "z": np.where(np.isnan(values), None, values).tolist(), "text": text,
            "texttemplate": "%{text}", "textfont": {"size": font}, "colorscale": colorscale, "zmin": zmin,
            "zmax": zmax, "showscale": False, "xgap": 2, "ygap": 2, "hoverinfo": "skip",
            "xaxis": f"x{axis}", "yaxis": f"y{axis}", **extra}


def _marker_trace(axis: str, size: int, cells: list[tuple[int, int]]) -> dict:
    return {"type": "scatter", "mode": "markers", "x": [c for _, c in cells], "y": [r for r, _ in cells],
            "xaxis": f"x{axis}", "yaxis": f"y{axis}", "hoverinfo": "skip", "showlegend": False,
            "marker": {"symbol": "square-open", "size": size, "color": HIGHLIGHT, "line": {"width": 3}}}


def _span(values: np.ndarray) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)


def grey_range(values: np.ndarray) -> tuple[float, float]:
    """``(zmin, zmax)`` for a grid of pixel values on :data:`GREYS`: the lowest a dark grey, the highest near
    white, never pure black (its numbers stay readable) and one scale for the input and a pooled output.

    Example:
        >>> grey_range(np.array([0.0, 10.0]))
        (-6.0, 11.5)
    """
    lo, hi = _span(values)
    span = (hi - lo) or 1.0
    return lo - span * 0.6, hi + span * 0.15


def _font_for(cell: int, grids) -> int:
    """The numbers' size: as large as the cell allows for the longest number written (a trained network's
    "-0.562" ran over its cell's edges at the size that fits "7")."""
    longest = max((len(_number(v)) for grid in grids for v in np.asarray(grid).ravel().tolist() if v == v),
                  default=1)
    return int(max(9, min(cell * 0.45, 20, (cell - 6) / (0.62 * longest))))


@dataclass
class _Canvas:
    """Where the three grids sit and how big their cells and numbers are."""
    source: np.ndarray
    output: np.ndarray
    rows: int
    cell: int
    font: int
    domains: list[list[float]]

    @classmethod
    def of(cls, run) -> "_Canvas":
        output = run.partial[-1] if run.mode == "transposed" else run.output
        rows = max(run.padded.shape[0], output.shape[0], run.dilated.shape[0])
        widths = [run.padded.shape[1], run.dilated.shape[1], output.shape[1]]
        gap = 1.5
        total = sum(widths) + 2 * gap
        starts = [0, widths[0] + gap, widths[0] + widths[1] + 2 * gap]
        cell = 44 if rows <= 8 else 34 if rows <= 12 else 28
        return cls(run.padded, output, rows, cell, _font_for(cell, (run.padded, run.dilated, output)),
                   [[s / total, (s + w) / total] for s, w in zip(starts, widths)])


def shown_output(run, step: int) -> np.ndarray:
    """The output grid as step ``step`` (0-based) leaves it; NaN where nothing is written yet."""
    if run.mode == "transposed":
        touched = np.zeros(run.partial[step].shape, bool)
        for done in run.steps[:step + 1]:
            for written in done.writes:
                touched[written] = True
        return np.where(touched, run.partial[step], np.nan)
    shown = np.full(run.output.shape, np.nan)
    for done in run.steps[:step + 1]:
        shown[done.cell] = done.value
    return shown


def _input_traces(run, canvas: _Canvas, grey: tuple[float, float]) -> list[dict]:
    """The input (padding tinted) and the kernel as applied."""
    source, font = canvas.source, canvas.font
    input_text = _cell_texts(source, "−∞" if run.mode == "max_pool" else "")
    kernel_top = float(np.nanmax(np.abs(run.dilated))) or 1.0
    return [
        _grid_trace(source, "", colorscale=GREYS, zmin=grey[0], zmax=grey[1], text=input_text, font=font),
        _grid_trace(np.where(run.is_padding, 1.0, np.nan), "", colorscale=[[0, PADDING_BLUE], [1, PADDING_BLUE]],
                    zmin=0, zmax=1, text=[[text if pad else "" for text, pad in zip(texts, pads)]
                                          for texts, pads in zip(input_text, run.is_padding)],
                    font=font, opacity=0.85),
        _grid_trace(run.dilated, "2", colorscale=DIVERGING, zmin=-kernel_top, zmax=kernel_top,
                    text=_cell_texts(run.dilated), font=font),
    ]


def _output_traces(run, canvas: _Canvas, shown: np.ndarray, grey: tuple[float, float]) -> list[dict]:
    """The output's empty cells, the values written so far (pooled values on the input's grey scale, others
    on a diverging scale centred on 0)."""
    if run.mode in ("max_pool", "avg_pool"):
        scale = {"colorscale": GREYS, "zmin": grey[0], "zmax": grey[1]}
    else:
        top = max(np.abs(_span(canvas.output)).max(), 1e-9)
        scale = {"colorscale": DIVERGING, "zmin": -top, "zmax": top}
    empty = np.zeros(canvas.output.shape)
    return [_grid_trace(empty, "3", colorscale=[[0, EMPTY_GREY], [1, EMPTY_GREY]], zmin=0, zmax=1,
                        text=[[""] * empty.shape[1]] * empty.shape[0], font=canvas.font),
            _grid_trace(shown, "3", text=_cell_texts(shown), font=canvas.font, **scale)]


def _outlines(run, canvas: _Canvas, step) -> list[dict]:
    """The window on the input; for a padded transposed convolution, the part of the output that is kept."""
    ys, xs = zip(*(step.reads if run.mode != "transposed" else [step.cell]))
    shapes = [{"type": "rect", "xref": "x", "yref": "y", "x0": min(xs) - 0.5, "x1": max(xs) + 0.5,
               "y0": min(ys) - 0.5, "y1": max(ys) + 0.5, "line": {"color": HIGHLIGHT, "width": 4}}]
    if run.mode == "transposed" and any(run.pads):
        top, bottom, left, right = run.pads
        shapes.append({"type": "rect", "xref": "x3", "yref": "y3", "x0": left - 0.5,
                       "x1": canvas.output.shape[1] - right - 0.5, "y0": top - 0.5,
                       "y1": canvas.output.shape[0] - bottom - 0.5,
                       "line": {"color": CROP_GREEN, "width": 3, "dash": "dash"}})
    return shapes


def _titles(titles, domains) -> list[dict]:
    return [{"text": f"<b>{t}</b>", "xref": "paper", "yref": "paper", "x": (d[0] + d[1]) / 2, "y": 1.0,
             "yanchor": "bottom", "showarrow": False, "font": {"size": 16, "color": "#111"}}
            for t, d in zip(titles, domains)]


def sliding_figure(run, labels: dict[str, str], step: int = 0) -> go.Figure:
    """Step ``step`` (0-based) of the run: the input with the window, the kernel, the output written so far.

    Args:
        run: a ``lessons.sliding.Run``.
        labels: display strings for :data:`LABELS` (translated by the caller).
        step: which step to show; the arithmetic of ``run.steps[step]`` is the caller's to write beside it.
    """
    canvas = _Canvas.of(run)
    current = run.steps[step]
    grey = grey_range(np.concatenate([canvas.source[np.isfinite(canvas.source)].ravel(),
                                      canvas.output[np.isfinite(canvas.output)].ravel()])
                      if run.mode in ("max_pool", "avg_pool") else canvas.source)
    transposed = run.mode == "transposed"
    data = (_input_traces(run, canvas, grey) + _output_traces(run, canvas, shown_output(run, step), grey)
            + [_marker_trace("", canvas.cell - 6, [current.cell] if transposed else current.reads),
               _marker_trace("3", canvas.cell - 6, current.writes if transposed else [current.cell])])
    axes = {}
    for n, (domain, grid) in enumerate(zip(canvas.domains, (canvas.source, run.dilated, canvas.output)), start=1):
        suffix = "" if n == 1 else str(n)
        axes[f"xaxis{suffix}"] = {"domain": domain, "visible": False, "range": [-0.5, grid.shape[1] - 0.5],
                                  "constrain": "domain"}
        axes[f"yaxis{suffix}"] = {"domain": [0, 1], "visible": False, "autorange": "reversed",
                                  "scaleanchor": f"x{suffix}", "anchor": f"x{suffix}"}
    titles = [labels["input"], labels["kernel"], labels["output"]]
    return go.Figure(data=data, layout={
        **axes, "height": 50 + canvas.cell * canvas.rows, "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)", "shapes": _outlines(run, canvas, current),
        "annotations": _titles(titles, canvas.domains)})
