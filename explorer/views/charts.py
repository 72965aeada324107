"""Charts: lines over epochs or shifts, histograms of outputs, bars of counts and probabilities, a drawing canvas."""
from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from explorer.display import GREYS, HIGHLIGHT, SERIES_COLOURS

MUTED = "#9aa5b1"


def lines_figure(x: list, series: dict[str, list[float]], *, x_title: str, y_title: str,
                 height: int = 300) -> go.Figure:
    """A small line chart, one line with markers per named series, in clearly different colours."""
    fig = go.Figure([go.Scatter(x=x, y=y, name=name, mode="lines+markers", line={"width": 3, "color": colour},
                                marker={"size": 9, "color": colour},
                                hovertemplate="%{x}: %{y:.3g}<extra>" + name + "</extra>")
                     for (name, y), colour in zip(series.items(), SERIES_COLOURS)])
    fig.update_layout(height=height, margin={"l": 4, "r": 4, "t": 10, "b": 4},
                      xaxis={"title": x_title, "dtick": 1}, yaxis={"title": y_title, "rangemode": "tozero"},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    return fig


def histogram_counts(values: np.ndarray, bins: int = 80, max_samples: int = 250_000
                     ) -> tuple[np.ndarray, np.ndarray]:
    """``np.histogram``'s counts and edges over an even sample of at most ``max_samples`` values, by one
    ``bincount`` (5× faster than ``np.histogram`` on a Kernel Lab preview, which pays for it on every rerun).
    Infinite and NaN values are left out (a kernel of huge numbers overflows float32).

    Example:
        >>> counts, edges = histogram_counts(np.array([0.0, 1.0, 1.0, 3.0, np.inf, np.nan]), bins=3)
        >>> counts.tolist(), edges.tolist()
        ([1, 2, 1], [0.0, 1.0, 2.0, 3.0])
    """
    flat = np.asarray(values, dtype=np.float32).ravel()
    if flat.size > max_samples:
        flat = flat[:: flat.size // max_samples + 1]
    finite = np.isfinite(flat)
    if not finite.all():
        flat = flat[finite]
    lo, hi = (float(flat.min()), float(flat.max())) if flat.size else (0.0, 1.0)
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5                   # as np.histogram does for a constant input
    if hi - lo > 1e38 or bins / (hi - lo) > 1e38:     # float32 would overflow: a huge range, or a tiny one
        flat = flat.astype(np.float64)
    index = ((flat - flat.dtype.type(lo)) * flat.dtype.type(bins / (hi - lo))).astype(np.int64)
    counts = np.bincount(np.clip(index, 0, bins - 1), minlength=bins)
    return counts, np.linspace(lo, hi, bins + 1)


def histogram_figure(values: np.ndarray, *, title: str = "", bins: int = 80, max_samples: int = 250_000,
                     y_title: str = "") -> go.Figure:
    """Histogram of output values, binned here so the figure stays small: negative bins blue, the others red,
    a dotted line at zero, the counts on a y axis titled ``y_title``."""
    counts, edges = histogram_counts(values, bins, max_samples)
    centres = (edges[:-1] + edges[1:]) / 2
    widths = np.diff(edges)
    negative = centres < 0
    bars = [go.Bar(x=centres[part], y=counts[part], width=widths[part], marker_color=colour, showlegend=False,
                   hovertemplate="%{x:.4g}: %{y}<extra></extra>")
            for part, colour in ((negative, "#3b6fb6"), (~negative, "#d6604d")) if part.any()]
    # the layout given to the constructor: update_layout's batch machinery took 9 of the figure's 11 ms
    return go.Figure(bars, layout={
        "title": {"text": title, "font": {"size": 14}}, "height": 220, "bargap": 0, "barmode": "overlay",
        "margin": {"l": 4, "r": 4, "t": 30 if title else 4, "b": 4},
        "yaxis": {"title": {"text": y_title, "font": {"size": 12}}, "tickformat": "~s"},
        "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": 0, "x1": 0, "y0": 0, "y1": 1,
                    "line": {"dash": "dot", "color": "#888"}}]})


def log_bars(groups: dict[str, list[float]], labels: list[str], *, y_title: str, height: int = 300,
             texts: list[str] | None = None) -> go.Figure:
    """Bars on a logarithmic axis, one coloured group per named series (or one bar per label for one series).

    ``texts`` writes a value over each bar of a single series.
    """
    if len(groups) == 1:
        (name, values), = groups.items()
        bars = [go.Bar(name=name, x=labels, y=values, marker_color=list(SERIES_COLOURS[:len(labels)]),
                       text=texts, textposition="outside" if texts else None)]
    else:
        bars = [go.Bar(name=name, x=labels, y=values, marker_color=colour)
                for (name, values), colour in zip(groups.items(), SERIES_COLOURS[1:])]
    fig = go.Figure(bars)
    # SI prefixes on the ticks (1k, 1M, 10G), as numtext.format_count writes the counts; Plotly's default
    # writes 10B for 10^10, which disagrees with a "54.9 G" beside it (and means nothing in Chinese)
    fig.update_layout(barmode="group", yaxis={"type": "log", "title": y_title, "exponentformat": "SI"},
                      height=height,
                      margin={"l": 4, "r": 4, "t": 20, "b": 4}, legend={"orientation": "h", "y": 1.1},
                      showlegend=len(groups) > 1)
    return fig


def probability_bars(probabilities: np.ndarray, names: list[str], *, x_title: str, y_title: str,
                     height: int = 260) -> go.Figure:
    """One bar per class in percent, the most likely one highlighted; class names (anybody's text) escaped, since
    Plotly renders tags such as ``<a href>`` in tick labels."""
    best = int(np.argmax(probabilities))
    fig = go.Figure(go.Bar(x=[html.escape(str(name)) for name in names], y=np.asarray(probabilities) * 100,
                           marker_color=[HIGHLIGHT if i == best else MUTED for i in range(len(names))],
                           text=[f"{p * 100:.0f}" for p in probabilities], textposition="outside"))
    fig.update_layout(height=height, margin={"l": 4, "r": 4, "t": 10, "b": 4},
                      yaxis={"title": y_title, "range": [0, 110]}, xaxis={"title": x_title, "type": "category"})
    return fig


def canvas_figure(picture: np.ndarray, height: int = 380) -> go.Figure:
    """A square picture to draw on with the lasso: invisible points on a half-pixel grid catch every stroke."""
    size = picture.shape[0]
    ys, xs = np.mgrid[0:size:0.5, 0:size:0.5]
    fig = go.Figure([go.Heatmap(z=picture, x0=0.5, y0=0.5, colorscale=GREYS, zmin=0, zmax=1, showscale=False,
                                hoverinfo="skip"),
                     go.Scatter(x=xs.ravel(), y=ys.ravel(), mode="markers", marker={"size": 3, "opacity": 0},
                                hoverinfo="skip", showlegend=False)])
    fig.update_layout(dragmode="lasso", height=height, margin={"l": 4, "r": 4, "t": 4, "b": 4},
                      xaxis={"visible": False, "range": [0, size], "fixedrange": True, "constrain": "domain"},
                      yaxis={"visible": False, "range": [size, 0], "fixedrange": True, "scaleanchor": "x"})
    return fig
