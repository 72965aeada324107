"""The overview figure: the whole network for one input, one column per layer, every tile clickable.

The tiles are composed into one picture (a PNG inside the figure: light for
the browser however many maps there are); an invisible marker over each tile
or unit carries ``[layer, index]`` so a click selects it. Tiles of one column
share a colour scale, written under the column with its shape.
"""
from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from explorer import display
from explorer.network.overview import Column, Overview
from explorer.views.heatmaps import click_targets, text_width

TILE = 42           # side of a feature-map tile, px
INPUT_TILE = 96
GAP = 5
ROWS = 8            # tiles per sub-column before a column wraps
COLUMN_GAP = 30
TOP, BOTTOM = 46, 42
STRIP = 40          # width of a strip of vector units
BAR_H, BAR_W = 16, 110


@dataclass
class _Placed:
    """Where a column's pieces went on the canvas."""
    left: int
    width: int
    height: int
    centres: list[tuple[float, float, int]]     # (x, y, index) of each clickable tile or unit
    size: float                                 # marker size


def _maps(canvas: np.ndarray | None, column: Column, left: int, rows_per_column: int) -> _Placed:
    maps = column.values
    if column.row == 0 and len(maps) == 3:          # a colour input: one picture, not three channels
        maps = np.moveaxis(maps, 0, -1)[None]
    tile = INPUT_TILE if column.row == 0 else TILE
    count = len(maps)
    rows = min(count, rows_per_column)
    cols = -(-count // rows)
    width, height = cols * tile + (cols - 1) * GAP, rows * tile + (rows - 1) * GAP
    centres = []
    for index, plane in enumerate(maps):
        c, r = divmod(index, rows)
        x0, y0 = left + c * (tile + GAP), TOP + r * (tile + GAP)
        if canvas is not None:
            picture = (display.to_uint8(plane) if column.row == 0 else
                       display.to_display(plane, "diverging", column.scale))
            picture = np.asarray(Image.fromarray(picture).resize((tile, tile), Image.NEAREST))   # RGB stays RGB
            canvas[y0:y0 + tile, x0:x0 + tile] = picture[..., None] if picture.ndim == 2 else picture
        centres.append((x0 + tile / 2, y0 + tile / 2, index))
    return _Placed(left, width, height, centres, tile)


def _vector(canvas: np.ndarray | None, column: Column, left: int, rows_per_column: int) -> _Placed:
    values = column.values
    n = len(values)
    tallest = rows_per_column * (TILE + GAP) - GAP          # no taller than a column of tiles
    unit = int(np.clip(tallest // max(n, 1), 1, 12))
    per_strip = tallest // unit
    strips = -(-n // per_strip)
    width = strips * STRIP + (strips - 1) * GAP
    height = min(n, per_strip) * unit
    colours = display.sample(display.DIVERGING, np.clip(0.5 + 0.5 * values / (column.scale or 1.0), 0, 1))
    centres = []
    for index, (value, colour) in enumerate(zip(values, colours)):
        s, k = divmod(index, per_strip)
        x0, y0 = left + s * (STRIP + GAP), TOP + k * unit
        length = max(1, int(round(STRIP * min(abs(value) / (column.scale or 1.0), 1.0))))
        if canvas is not None:
            canvas[y0:y0 + max(unit - (unit > 3), 1), x0:x0 + length] = colour
        centres.append((x0 + STRIP / 2, y0 + unit / 2, index))
    return _Placed(left, width, height, centres, max(unit, 4))


def _probabilities(canvas: np.ndarray | None, column: Column, left: int, rows_per_column: int) -> _Placed:
    centres = []
    best = int(np.argmax(column.values))
    for index, p in enumerate(column.values):
        y0 = TOP + index * (BAR_H + 3)
        if canvas is not None:
            canvas[y0:y0 + BAR_H, left:left + BAR_W] = (236, 239, 243)
            colour = (255, 127, 14) if index == best else (154, 165, 177)
            canvas[y0:y0 + BAR_H, left:left + max(1, int(round(BAR_W * float(p))))] = colour
        centres.append((left + BAR_W / 2, y0 + BAR_H / 2, index))
    return _Placed(left, BAR_W, len(column.values) * (BAR_H + 3), centres, BAR_H)


def _place(canvas: np.ndarray | None, columns: list[Column], rows: int, label_width: int = 0) -> list[_Placed]:
    placed, left = [], GAP
    for number, column in enumerate(columns):
        last = number == len(columns) - 1
        draw = _probabilities if last else _maps if column.kind == "maps" else _vector
        if last:
            left += max(0, label_width - COLUMN_GAP + 8)       # room for the class names left of the bars
        piece = draw(canvas, column, left, rows)
        placed.append(piece)
        left += max(piece.width, 64) + COLUMN_GAP
    return placed


def _png(canvas: np.ndarray) -> str:
    buffer = io.BytesIO()
    Image.fromarray(canvas).save(buffer, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def overview_figure(found: Overview, labels: dict[str, str], selected: tuple[int, int] | None = None,
                    rows: int = ROWS, names: tuple[str, ...] | None = None) -> go.Figure:
    """The overview of ``found``; ``labels`` hold ``range`` (``±{scale}``).

    ``selected`` is the ``(layer, index)`` outlined as chosen; ``rows`` tiles stack before a column wraps
    (fewer: a lower, wider figure, for a projector); ``names`` label the classes (default: 0, 1, 2, …).
    """
    label_width = max(text_width(n) for n in names) if names else 8
    sizes = _place(None, found.columns, rows, label_width)
    width = sizes[-1].left + sizes[-1].width + GAP
    height = TOP + max(p.height for p in sizes) + BOTTOM
    canvas = np.full((height, width, 3), 255, np.uint8)
    placed = _place(canvas, found.columns, rows, label_width)
    xs, ys, data, sizes_px, tips = [], [], [], [], []
    for column, piece in zip(found.columns, placed):
        for x, y, index in piece.centres:
            xs.append(x)
            ys.append(y)
            data.append([column.row, index])
            sizes_px.append(piece.size)
            values = np.asarray(column.values[index], np.float64)
            tips.append(labels.get("tile", "{name} · {n}: {lo} … {hi}").format(
                name=html.escape(column.name), n=index + 1, lo=f"{values.min():.3g}", hi=f"{values.max():.3g}"))
    annotations = []
    for column, piece in zip(found.columns, placed):
        centre = piece.left + piece.width / 2
        annotations.append({"x": centre, "y": TOP - 6, "text": f"<b>{column.name}</b>", "showarrow": False,
                            "yanchor": "bottom", "font": {"size": 13}})
        under = "×".join(str(v) for v in column.shape)
        if 0 < column.row < len(found.columns) - 1:
            under += "<br>" + labels["range"].format(scale=f"{column.scale:.2g}")
        annotations.append({"x": centre, "y": TOP + piece.height + 4, "text": under, "showarrow": False,
                            "yanchor": "top", "font": {"size": 11, "color": "#444"}})
    last = placed[-1]
    for index, p in enumerate(found.columns[-1].values):
        y = TOP + index * (BAR_H + 3) + BAR_H / 2
        name = html.escape(names[index]) if names is not None else str(index)
        annotations.append({"x": last.left - 4, "y": y, "text": name, "showarrow": False, "xanchor": "right",
                            "font": {"size": 12}})
        annotations.append({"x": last.left + BAR_W - 3, "y": y, "text": f"{p * 100:.0f} %", "showarrow": False,
                            "xanchor": "right", "font": {"size": 11, "color": "#222"}})   # inside: never clipped
    shapes = []
    if selected is not None:
        for column, piece in zip(found.columns, placed):
            for x, y, index in piece.centres:
                if (column.row, index) == selected:
                    half = piece.size / 2 + 3
                    shapes.append({"type": "rect", "x0": x - half, "x1": x + half, "y0": y - half, "y1": y + half,
                                   "line": {"color": display.HIGHLIGHT, "width": 3}})
    fig = go.Figure([
        go.Image(source=_png(canvas), x0=0, y0=0, dx=1, dy=1, hoverinfo="skip"),
        # every tile's numbers on hover (its lowest and highest value): the colours are not the only reading
        click_targets(xs, ys, sizes_px, customdata=data, hovertext=tips, hovertemplate="%{hovertext}<extra></extra>",
                      hoverlabel={"bgcolor": "white", "bordercolor": "#444", "font": {"color": "#111"}}),   # opaque
    ])
    fig.update_layout(width=width, height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0}, dragmode=False,
                      xaxis={"visible": False, "range": [0, width], "fixedrange": True},
                      yaxis={"visible": False, "range": [height, 0], "fixedrange": True, "scaleanchor": "x"},
                      annotations=annotations, shapes=shapes, plot_bgcolor="white", clickmode="event+select")
    return fig
