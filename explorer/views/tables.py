"""Small matrices as HTML tables: the heatmaps' colours and numbers at a fraction of a chart's cost.

A table costs the browser far less than a Plotly chart, which matters when a
whole class reruns the same page (Kernel Lab's kernel and pixel inspector).
"""
from __future__ import annotations

import html

import numpy as np

from explorer import display
from explorer.i18n import t
from explorer.numtext import compact, format_number

MATRIX_TEXT_SIDE = 9    # numbers are written up to this side; larger matrices show colours only

MATRIX_CSS = ("<style>.cnn-matrices{display:flex;flex-wrap:wrap;gap:1.2em;align-items:flex-start;margin:0.2em 0 0.6em;"
              "overflow-x:auto}"
              ".cnn-matrices figure{margin:0}.cnn-matrices figcaption{font-weight:600;font-size:0.9rem;"
              "margin-bottom:0.25em}.cnn-matrices table{border-collapse:separate;border-spacing:1px;"
              "margin:0;border:none;font-variant-numeric:tabular-nums}.cnn-matrices td{width:var(--cell);"
              "white-space:nowrap;min-width:var(--cell);height:var(--cell);padding:0;text-align:center;border:none;"
              "line-height:1}.cnn-matrices td.nan{background:#f4f4f4}</style>")


def cell_colours(values: np.ndarray, sequential: bool) -> np.ndarray:
    """The ``(n, 3)`` colours of the finite entries of ``values`` (flattened), on the heatmaps' scales."""
    finite = values[np.isfinite(values)]
    if not finite.size:
        return np.zeros((0, 3), int)
    name, lo, hi = display.value_range(finite, sequential)
    return display.sample(name, (finite - lo) / (hi - lo))


def _short(value: float) -> str:
    """The exact-looking number when it fits a 5×5 cell (six characters), else the compact one."""
    text = format_number(value)
    return text if len(text) <= 6 else compact(value)


def _table(values: np.ndarray, title: str, sequential: bool, max_text_side: int, lang: str) -> str:
    values = np.asarray(values, dtype=np.float64)
    rows, cols = values.shape
    side = max(rows, cols)
    written = side <= max_text_side
    cell_rem = (3 if side <= 5 else 2.2) if written else (1.2 if side <= 15 else 0.6)
    font_rem = 0.85 if side <= 5 else 0.65
    shades = np.asarray(cell_colours(values, sequential)).reshape(-1, 3)
    inks = iter(display.inks(shades))              # all at once: one display.ink per cell cost more than the table
    colours = iter(shades.tolist())
    body = []
    for r in range(rows):
        cells = []
        for c in range(cols):
            value = values[r, c]
            if not np.isfinite(value):
                cells.append('<td class="nan"></td>')
                continue
            colour = next(colours)
            text = "" if not written else _short(value) if side <= 5 else compact(value)
            tip = html.escape(t("fig.cell_tip", lang, row=r, col=c, value=f"{value:.6g}"))
            cells.append(f'<td style="background:{display.css(colour)};color:{next(inks)}" title="{tip}">'
                         f"{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<figure><figcaption>{html.escape(title)}</figcaption>'
            f'<table style="--cell:{cell_rem}rem;font-size:{font_rem}rem">{"".join(body)}</table></figure>')


def matrices_html(panels: list[tuple[np.ndarray, str, bool]], *, max_text_side: int = MATRIX_TEXT_SIDE,
                  lang: str = "en") -> str:
    """Small matrices side by side as HTML tables: ``(values, title, sequential)`` each.

    The same colours and numbers as ``heatmaps.matrix_figure`` (diverging around
    zero, or a grey ramp for pixel values; NaN cells blank), with each cell's
    exact value as its tooltip (in ``lang``). Matrices wider or taller than
    ``max_text_side`` show colours only: their numbers would not fit a page column.

    Example:
        >>> "<td" in matrices_html([(np.eye(2), "I", False)])
        True
    """
    tables = "".join(_table(values, title, sequential, max_text_side, lang) for values, title, sequential in panels)
    return f'{MATRIX_CSS}<div class="cnn-matrices">{tables}</div>'
