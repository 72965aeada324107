"""Small matrices as Plotly heatmaps with every entry written in its cell (kernels, grids, V, Vᵀ·x)."""
from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from explorer.display import DIVERGING, HIGHLIGHT, value_range
from explorer.i18n import t
from explorer.numtext import format_number


def text_width(text: str) -> int:
    """About how many pixels ``text`` takes at 12 px (a CJK character counts twice).

    Example:
        >>> text_width("cat"), text_width("猫")
        (21, 14)
    """
    return 7 * sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def cell_size(side: int) -> tuple[int, int]:
    """``(cell pixels, font size)`` for a matrix of that side."""
    return (54, 15) if side <= 5 else (40, 13) if side <= 9 else (32, 11) if side <= 16 else (26, 9)


def cell_tooltip(lang: str) -> str:
    """Plotly's hover text for a cell, in ``lang``: ``row 2, col 3: 0.5``."""
    return t("fig.cell_tip", lang, row="%{y}", col="%{x}", value="%{z:.6g}") + "<extra></extra>"


def click_targets(xs: list, ys: list, size, **kwargs) -> go.Scatter:
    """An invisible square marker (``size`` pixels, one or one per point) at each ``(x, y)``: what a click selects
    in Streamlit (a heatmap or an image cannot be selected), the point's ``x``, ``y`` and ``customdata`` telling
    which. ``kwargs``: the trace's hover and data (``customdata``, ``hovertemplate``, …)."""
    return go.Scatter(x=xs, y=ys, mode="markers", showlegend=False,
                      marker={"symbol": "square", "size": size, "color": "rgba(0,0,0,0)", "line": {"width": 0}},
                      selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 1}}, **kwargs)


def matrix_trace(values: np.ndarray, *, sequential: bool, max_text_side: int = 20, colorscale: str | None = None,
                 zrange: tuple[float, float] | None = None, lang: str = "en") -> go.Heatmap:
    """One matrix as a heatmap trace with its numbers written in (see :func:`matrix_figure`)."""
    rows, cols = values.shape
    side = max(rows, cols)
    text = [["" if np.isnan(v) else format_number(v) for v in row] for row in values]
    name, lo, hi = value_range(values[np.isfinite(values)], sequential, colorscale, zrange)
    written = ({"text": text, "texttemplate": "%{text}", "textfont": {"size": cell_size(side)[1]}}
               if side <= max_text_side else {})
    return go.Heatmap(z=np.where(np.isnan(values), None, values).tolist(), showscale=False,
                      hovertemplate=cell_tooltip(lang), xgap=1, ygap=1, colorscale=name, zmin=lo, zmax=hi, **written)


def matrix_figure(values: np.ndarray, *, title: str = "", sequential: bool = False,
                  outlines: list[tuple[int, int, int, int]] = (), max_text_side: int = 20,
                  colorscale: str | None = None, zrange: tuple[float, float] | None = None,
                  height: int | None = None, lang: str = "en", labels: list[str] | None = None,
                  clickable: bool = False) -> go.Figure:
    """A small matrix as a heatmap with every entry written in its cell.

    Signed matrices (kernels, products) use a diverging scale centred on zero;
    ``sequential=True`` (pixel values) uses a grey ramp from the smallest to the
    largest value, or ``colorscale`` if given. NaN cells (a dilated kernel's
    holes) stay blank. ``outlines`` are ``(row0, col0, row1, col1)`` boxes
    (inclusive) drawn around cells, e.g. pooling windows. Matrices wider or
    taller than ``max_text_side`` show colours only. ``zrange`` fixes the
    colour range (to compare figures); ``height`` fixes the figure's height
    (to line up figures of different sizes); ``lang`` is the tooltips' language; ``labels`` name the rows and
    the columns (a confusion matrix's classes), written beside and above them. ``clickable``: an invisible
    square marker over each cell (a heatmap cannot be selected; a marker can), its point's ``x`` and ``y`` the
    cell's column and row.
    """
    values = np.asarray(values, dtype=np.float64)
    rows, cols = values.shape
    data = [matrix_trace(values, sequential=sequential, max_text_side=max_text_side, colorscale=colorscale,
                         zrange=zrange, lang=lang)]
    if clickable:
        rr, cc = np.mgrid[0:rows, 0:cols]
        data.append(click_targets(
            cc.ravel().tolist(), rr.ravel().tolist(), cell_size(max(rows, cols))[0] - 2,
            customdata=values.ravel().tolist(),
            hovertemplate=t("fig.cell_tip", lang, row="%{y}", col="%{x}", value="%{customdata:.6g}")
            + "<extra></extra>"))
    top_margin = 28 if title else 4
    ticks = {}
    if labels is not None:
        text = [html.escape(str(name)) for name in labels]
        ticks = {"x": {"visible": True, "side": "top", "tickvals": list(range(cols)), "ticktext": text,
                       "showgrid": False, "zeroline": False, "tickangle": 0 if cols <= 6 else -45},
                 "y": {"visible": True, "tickvals": list(range(rows)), "ticktext": text, "showgrid": False,
                       "zeroline": False}}
        top_margin += 24
    # the whole layout given to the constructor: update_layout's batch machinery took two thirds of the time
    layout = {
        "title": {"text": title, "font": {"size": 14}},
        "height": height or top_margin + 8 + cell_size(max(rows, cols))[0] * rows,
        "margin": {"l": 4, "r": 4, "t": top_margin, "b": 4},
        "xaxis": {"visible": False, "constrain": "domain", "range": [-0.5, cols - 0.5], **ticks.get("x", {})},
        "yaxis": {"visible": False, "autorange": "reversed", "scaleanchor": "x", **ticks.get("y", {})},
        "plot_bgcolor": "rgba(0,0,0,0)",
        "shapes": [{"type": "rect", "x0": c0 - 0.5, "x1": c1 + 0.5, "y0": r0 - 0.5, "y1": r1 + 0.5,
                    "line": {"color": HIGHLIGHT, "width": 3}} for r0, c0, r1, c1 in outlines],
    }
    if labels is not None:
        layout["margin"]["l"] = 10 + max(text_width(str(t)) for t in labels)
        layout["title"] |= {"y": 0.99, "yanchor": "top"}
    return go.Figure(data, layout)


def product_figure(matrix: np.ndarray, x: np.ndarray, y: np.ndarray, names: tuple[str, str, str]) -> go.Figure:
    """``matrix · x = y`` drawn as one row: the matrix, the column x (centred), the column y.

    Each part has its own diverging colour scale (centred on zero); cells are
    square and the same size in all three, so rows line up.
    """
    matrix, x, y = (np.asarray(a, dtype=np.float64) for a in (matrix, x, y))
    rows, cols = matrix.shape
    cell = int(np.clip(640 / max(rows, 1), 10, 30))
    font = 11 if cell >= 24 else 8 if cell >= 16 else 0
    top = (rows - len(x)) / 2
    parts = [(matrix, 0, 0), (x.reshape(-1, 1), cols + 1, top), (y.reshape(-1, 1), cols + 3, 0)]
    fig = go.Figure()
    for values, left, first_row in parts:
        biggest = float(np.abs(values).max()) or 1.0
        fig.add_trace(go.Heatmap(
            z=values, x=left + np.arange(values.shape[1]), y=first_row + np.arange(values.shape[0]),
            text=[[format_number(v) for v in row] for row in values], texttemplate="%{text}" if font else "",
            textfont={"size": font or 1}, colorscale=DIVERGING, zmin=-biggest, zmax=biggest, showscale=False,
            xgap=1, ygap=1, hoverinfo="skip"))
    for text, at in ((names[0], (cols - 1) / 2), (names[1], cols + 1), (names[2], cols + 3)):
        fig.add_annotation(x=at, y=-0.6, text=f"<b>{text}</b>", showarrow=False, yanchor="bottom", font={"size": 15})
    for text, at in (("·", cols + 0.05), ("=", cols + 2)):
        fig.add_annotation(x=at, y=(rows - 1) / 2, text=text, showarrow=False, font={"size": 26})
    fig.update_layout(height=cell * rows + 50, margin={"l": 4, "r": 4, "t": 36, "b": 4},
                      xaxis={"visible": False, "range": [-0.5, cols + 3.5], "constrain": "domain"},
                      yaxis={"visible": False, "autorange": "reversed", "scaleanchor": "x"},
                      plot_bgcolor="rgba(0,0,0,0)")
    return fig
