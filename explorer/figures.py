"""Plotly figures the pages show; pure functions returning ``go.Figure``."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

DIVERGING = "RdBu_r"


def format_number(value: float) -> str:
    """Short, exact-looking numbers for grids: ``3``, ``-0.25``, ``0.1111``."""
    if float(value).is_integer() and abs(value) < 1e6:
        return str(int(value))
    return f"{value:.4g}"


def matrix_figure(values: np.ndarray, *, title: str = "", sequential: bool = False) -> go.Figure:
    """A small matrix as a heatmap with every entry written in its cell.

    Signed matrices (kernels, products) use a diverging scale centred on zero;
    ``sequential=True`` (pixel values) uses a grey ramp from the smallest to the largest value.
    """
    values = np.asarray(values, dtype=np.float64)
    rows, cols = values.shape
    side = max(rows, cols)
    cell, font = (54, 15) if side <= 5 else (40, 11) if side <= 9 else (26, 8)
    text = [[format_number(v) for v in row] for row in values]
    if sequential:
        lo, hi = float(values.min()), float(values.max())
        scale = {"colorscale": "Greys_r", "zmin": lo, "zmax": hi if hi > lo else lo + 1}
    else:
        top = float(np.abs(values).max()) or 1.0
        scale = {"colorscale": DIVERGING, "zmin": -top, "zmax": top}
    fig = go.Figure(go.Heatmap(
        z=values, text=text, texttemplate="%{text}", textfont={"size": font}, showscale=False,
        hovertemplate="row %{y}, col %{x}: %{z:.6g}<extra></extra>", xgap=1, ygap=1, **scale,
    ))
    top_margin = 28 if title else 4
    fig.update_layout(
        title={"text": title, "font": {"size": 14}}, height=top_margin + 8 + cell * rows,
        margin={"l": 4, "r": 4, "t": top_margin, "b": 4},
        xaxis={"visible": False, "constrain": "domain"},
        yaxis={"visible": False, "autorange": "reversed", "scaleanchor": "x"},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def histogram_figure(values: np.ndarray, *, title: str = "", bins: int = 80,
                     max_samples: int = 250_000) -> go.Figure:
    """Histogram of output values, binned here so the figure stays small."""
    flat = np.asarray(values, dtype=np.float32).ravel()
    if flat.size > max_samples:
        flat = flat[:: flat.size // max_samples + 1]
    counts, edges = np.histogram(flat, bins=bins)
    centres = (edges[:-1] + edges[1:]) / 2
    colours = np.where(centres < 0, "#3b6fb6", "#d6604d")
    fig = go.Figure(go.Bar(x=centres, y=counts, width=np.diff(edges), marker_color=colours,
                           hovertemplate="%{x:.4g}: %{y}<extra></extra>"))
    fig.add_vline(x=0, line_dash="dot", line_color="#888")
    fig.update_layout(title={"text": title, "font": {"size": 14}}, height=220, bargap=0,
                      margin={"l": 4, "r": 4, "t": 30 if title else 4, "b": 4},
                      yaxis={"showticklabels": False})
    return fig


def sum_of_products(window: np.ndarray, kernel: np.ndarray, *, max_terms: int = 12) -> str:
    """``a×b + c×d + … = s`` for one output value; long sums keep their first terms."""
    terms = [f"{format_number(a)}×{_bracket(format_number(b))}" for a, b in zip(window.ravel(), kernel.ravel())]
    total = float((np.asarray(window, np.float64) * np.asarray(kernel, np.float64)).sum())
    shown = " + ".join(terms[:max_terms])
    if len(terms) > max_terms:
        shown += f" + … ({len(terms)})"
    return f"{shown} = {format_number(total)}"


def _bracket(text: str) -> str:
    return f"({text})" if text.startswith("-") else text
