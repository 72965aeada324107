"""The animated sliding window: the input with the window, the kernel, the output filling in, the arithmetic.

One Plotly frame per step; a frame updates only the output grid, the window
markers, two outline shapes and the arithmetic line, so 256 steps stay near
1.1 MB of JSON. Plotly checks the data, the layout and the first frame; the
other frames are made by the same function, in the form Plotly's checks give
(colour scales written out, trace types named), and kept as plain data: checking
256 frames was four fifths of the build time.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go

from explorer.numtext import format_number
from explorer.palette import DIVERGING, HIGHLIGHT

SPEEDS = {"slow": 1200, "normal": 600, "fast": 200}   # ms per step
LABELS = ("input", "kernel", "output", "slow", "normal", "fast", "pause", "step")
PADDING_BLUE = "#cfe3f7"
EMPTY_GREY = "#eceff3"     # output cells not computed yet: the grid's shape shows from the first step
CROP_GREEN = "#2a9d8f"


@lru_cache(maxsize=4096)
def _number(value: float) -> str:
    return format_number(value)


def _cell_texts(values: np.ndarray, empty: str = "") -> list[list[str]]:
    return [[empty if v != v else _number(v) for v in row] for row in values.tolist()]


@lru_cache(maxsize=16)
def _scale(name: str) -> tuple:
    """A named colour scale written out, as Plotly's checks write it (plotly.js does not know the ``_r`` names)."""
    return go.Heatmap(colorscale=name).colorscale


def _written_out(colorscale) -> list:
    return [list(step) for step in (_scale(colorscale) if isinstance(colorscale, str) else colorscale)]


def _grid_trace(values: np.ndarray, axis: str, *, colorscale, zmin, zmax, text, font: int, **extra) -> dict:
    return {"type": "heatmap", "z": np.where(np.isnan(values), None, values).tolist(), "text": text,
            "texttemplate": "%{text}", "textfont": {"size": font}, "colorscale": _written_out(colorscale), "zmin": zmin,
            "zmax": zmax, "showscale": False, "xgap": 2, "ygap": 2, "hoverinfo": "skip",
            "xaxis": f"x{axis}", "yaxis": f"y{axis}", **extra}


def _marker_trace(axis: str, size: int) -> dict:
    return {"type": "scatter", "mode": "markers", "x": [], "y": [], "xaxis": f"x{axis}", "yaxis": f"y{axis}",
            "hoverinfo": "skip", "marker": {"symbol": "square-open", "size": size, "color": HIGHLIGHT,
                                            "line": {"width": 3}}, "showlegend": False}


def _span(values: np.ndarray) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)


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
        return cls(run.padded, output, rows, 44 if rows <= 8 else 34 if rows <= 12 else 28,
                   15 if rows <= 8 else 12 if rows <= 12 else 10,
                   [[s / total, (s + w) / total] for s, w in zip(starts, widths)])


def _fixed_traces(run, canvas: _Canvas) -> list:
    """Input (padding tinted), kernel, a slot for the output, and the two window markers."""
    source, font = canvas.source, canvas.font
    lo, hi = _span(source)
    input_text = _cell_texts(source, "−∞" if run.mode == "max_pool" else "")
    kernel_top = float(np.nanmax(np.abs(run.dilated))) or 1.0
    return [
        _grid_trace(source, "", colorscale="Greys", zmin=hi + (hi - lo) * 0.15, zmax=lo - (hi - lo) * 0.6,
                    text=input_text, font=font),
        _grid_trace(np.where(run.is_padding, 1.0, np.nan), "", colorscale=[[0, PADDING_BLUE], [1, PADDING_BLUE]],
                    zmin=0, zmax=1, text=[[text if pad else "" for text, pad in zip(texts, pads)]
                                          for texts, pads in zip(input_text, run.is_padding)],
                    font=font, opacity=0.85),
        _grid_trace(run.dilated, "2", colorscale=DIVERGING, zmin=-kernel_top, zmax=kernel_top,
                    text=_cell_texts(run.dilated), font=font),
        _grid_trace(np.zeros(canvas.output.shape), "3", colorscale=[[0, EMPTY_GREY], [1, EMPTY_GREY]], zmin=0,
                    zmax=1, text=[[""] * canvas.output.shape[1]] * canvas.output.shape[0], font=font),
        None,   # the output, per frame
        _marker_trace("", canvas.cell - 6),
        _marker_trace("3", canvas.cell - 6),
    ]


def _shown_outputs(run, shape: tuple[int, int]) -> list[np.ndarray]:
    """The output grid as each step leaves it (NaN: not written yet)."""
    shown, current = [], np.full(shape, np.nan)
    if run.mode == "transposed":
        touched = np.zeros(shape, bool)
        for step, partial in zip(run.steps, run.partial):
            for written in step.writes:
                touched[written] = True
            shown.append(np.where(touched, partial, np.nan))
        return shown
    for step in run.steps:
        current[step.cell] = step.value
        shown.append(current.copy())
    return shown


def _line_font(text: str) -> int:
    return 18 if len(text) <= 60 else 15 if len(text) <= 80 else 12


def _titles(titles, domains) -> list[dict]:
    return [{"text": f"<b>{t}</b>", "xref": "paper", "yref": "paper", "x": (d[0] + d[1]) / 2, "y": 1.0,
             "yanchor": "bottom", "showarrow": False, "font": {"size": 16}} for t, d in zip(titles, domains)]


def _frame(run, canvas: _Canvas, i: int, shown: np.ndarray, titles: list[str], step_word: str) -> dict:
    """Step ``i``: the output so far, the window and the cell(s) written, outlines and the arithmetic."""
    step = run.steps[i]
    transposed = run.mode == "transposed"
    pooled = run.mode in ("max_pool", "avg_pool")
    out_lo, out_hi = _span(canvas.output)
    if pooled:
        scale = {"colorscale": "Greys", "zmin": out_hi + (out_hi - out_lo) * 0.15,
                 "zmax": out_lo - (out_hi - out_lo) * 0.6}
    else:
        top = max(abs(out_lo), abs(out_hi), 1e-9)
        scale = {"colorscale": DIVERGING, "zmin": -top, "zmax": top}
    output = _grid_trace(shown, "3", text=_cell_texts(shown), font=canvas.font, **scale)
    ys, xs = zip(*(step.reads if not transposed else [step.cell]))
    written = step.writes if transposed else [step.cell]
    shapes = [{"type": "rect", "xref": "x", "yref": "y", "x0": min(xs) - 0.5, "x1": max(xs) + 0.5,
               "y0": min(ys) - 0.5, "y1": max(ys) + 0.5, "line": {"color": HIGHLIGHT, "width": 4}}]
    if transposed and any(run.pads):
        top, bottom, left, right = run.pads
        shapes.append({"type": "rect", "xref": "x3", "yref": "y3", "x0": left - 0.5,
                       "x1": canvas.output.shape[1] - right - 0.5, "y0": top - 0.5,
                       "y1": canvas.output.shape[0] - bottom - 0.5,
                       "line": {"color": CROP_GREEN, "width": 3, "dash": "dash"}})
    annotation = {"text": f"{step_word} {i + 1}/{len(run.steps)}:  {step.text}", "xref": "paper", "yref": "paper",
                  "x": 0, "y": -0.02, "yanchor": "top", "xanchor": "left", "showarrow": False,
                  "font": {"size": _line_font(step.text), "family": "monospace"}}
    return {"name": str(i), "traces": [4, 5, 6],
            "data": [output, {"type": "scatter", "x": list(xs), "y": list(ys)},
                     {"type": "scatter", "x": [c for _, c in written], "y": [r for r, _ in written]}],
            "layout": {"shapes": shapes, "annotations": _titles(titles, canvas.domains) + [annotation]}}


def _controls(labels: dict[str, str], steps: int, active: int) -> dict:
    """Play buttons at three speeds, Pause, and a step slider."""
    def play(speed: str) -> dict:
        return {"label": labels[speed], "method": "animate",
                "args": [None, {"frame": {"duration": SPEEDS[speed], "redraw": True}, "fromcurrent": True,
                                "transition": {"duration": 0}, "mode": "immediate"}]}

    pause = {"label": labels["pause"], "method": "animate",
             "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate",
                               "transition": {"duration": 0}}]}
    return {
        "updatemenus": [{"type": "buttons", "direction": "left", "showactive": False, "x": 0, "y": -0.16,
                         "xanchor": "left", "yanchor": "top", "pad": {"t": 30},
                         "buttons": [play("slow"), play("normal"), play("fast"), pause]}],
        "sliders": [{"active": active, "x": 0.32, "len": 0.68, "y": -0.16, "yanchor": "top", "pad": {"t": 30},
                     "currentvalue": {"visible": False},
                     "steps": [{"label": str(i + 1), "method": "animate",
                                "args": [[str(i)], {"frame": {"duration": 0, "redraw": True}, "mode": "immediate",
                                                    "transition": {"duration": 0}}]} for i in range(steps)]}],
    }


def sliding_figure(run, labels: dict[str, str], active: int = 0) -> go.Figure:
    """The animated sliding window: input (window highlighted), kernel, output filling in.

    Args:
        run: a ``lessons.sliding.Run``.
        labels: display strings for :data:`LABELS` (translated by the caller).
        active: the step shown before Play is pressed.
    """
    canvas = _Canvas.of(run)
    titles = [labels["input"], labels["kernel"], labels["output"]]
    shown = _shown_outputs(run, canvas.output.shape)
    frames = [_frame(run, canvas, i, shown[i], titles, labels["step"]) for i in range(len(run.steps))]
    data = _fixed_traces(run, canvas)
    start = frames[active]
    data[4] = start["data"][0]
    data[5].update(start["data"][1])
    data[6].update(start["data"][2])
    axes = {}
    for n, (domain, grid) in enumerate(zip(canvas.domains, (canvas.source, run.dilated, canvas.output)), start=1):
        suffix = "" if n == 1 else str(n)
        axes[f"xaxis{suffix}"] = {"domain": domain, "visible": False, "range": [-0.5, grid.shape[1] - 0.5],
                                  "constrain": "domain"}
        axes[f"yaxis{suffix}"] = {"domain": [0, 1], "visible": False, "autorange": "reversed",
                                  "scaleanchor": f"x{suffix}", "anchor": f"x{suffix}"}
    layout = {**axes, "height": 150 + canvas.cell * canvas.rows, "margin": {"l": 10, "r": 10, "t": 40, "b": 120},
              "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)", **start["layout"],
              **_controls(labels, len(run.steps), active)}
    return Animation(data, layout, frames)


class Animation(go.Figure):
    """A figure whose frames after the first stay plain data (see the module's docstring).

    ``to_dict`` and ``to_json``, what Streamlit and the tests read, hold every frame; ``frames`` holds the
    first, checked.
    """

    def __init__(self, data: list, layout: dict, frames: list[dict]):
        super().__init__(data=data, layout=layout, frames=frames[:1])
        self._all_frames = frames

    def to_dict(self) -> dict:
        figure = super().to_dict()
        figure["frames"] = figure["frames"] + self._all_frames[1:]
        return figure

    def to_plotly_json(self) -> dict:
        return self.to_dict()
