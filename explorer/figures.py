"""Plotly figures the pages show; pure functions returning ``go.Figure``."""
from __future__ import annotations

import html

import numpy as np
import plotly.colors
import plotly.graph_objects as go

DIVERGING = "RdBu_r"
HIGHLIGHT = "#ff7f0e"   # the window and the output cell it writes share this colour


def format_number(value: float) -> str:
    """Short, exact-looking numbers for grids: ``3``, ``-0.25``, ``0.1111``."""
    if float(value).is_integer() and abs(value) < 1e6:
        return str(int(value))
    return f"{value:.4g}"


def format_count(count: float) -> str:
    """Short counts for metrics: ``9,216``, ``58.4 M``, ``54.9 G`` (three significant digits above 10,000).

    Example:
        >>> format_count(58_449_600), format_count(9216)
        ('58.4 M', '9,216')
    """
    if abs(count) < 10_000:
        return f"{count:,.0f}"
    for unit in ("k", "M", "G", "T"):
        count /= 1000
        if abs(count) < 1000:
            return f"{count:.3g} {unit}"
    return f"{count:,.0f} T"


def format_bytes(size: float) -> str:
    """``1536`` -> ``1.5 KB``; powers of 1024, up to TB.

    Example:
        >>> format_bytes(223948800)
        '214 MB'
    """
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024:
            return f"{size:.3g} {unit}"
        size /= 1024
    return f"{size:,.0f} TB" if size >= 1000 else f"{size:.3g} TB"


def _cell_size(side: int) -> tuple[int, int]:
    return (54, 15) if side <= 5 else (40, 11) if side <= 9 else (26, 8)


def _colour_range(finite: np.ndarray, sequential: bool, colorscale: str | None = None,
                  zrange: tuple[float, float] | None = None) -> tuple[str, float, float]:
    """Colour scale and value range of a matrix: a grey ramp over its values, or a diverging scale centred on 0."""
    if sequential:
        lo, hi = zrange or ((float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0))
        if hi <= lo:      # one value throughout: shown against 0…1, so a window of white pixels looks white
            lo, hi = min(lo, 0.0), max(hi, 1.0)
        return colorscale or "Greys_r", lo, hi
    top = (float(np.abs(finite).max()) if finite.size else 1.0) or 1.0
    return DIVERGING, -top, top


def _matrix_trace(values: np.ndarray, *, sequential: bool, max_text_side: int, colorscale: str | None,
                  zrange: tuple[float, float] | None) -> go.Heatmap:
    """One matrix as a heatmap trace with its numbers written in (see :func:`matrix_figure`)."""
    rows, cols = values.shape
    side = max(rows, cols)
    font = _cell_size(side)[1]
    text = [["" if np.isnan(v) else format_number(v) for v in row] for row in values]
    name, lo, hi = _colour_range(values[np.isfinite(values)], sequential, colorscale, zrange)
    scale = {"colorscale": name, "zmin": lo, "zmax": hi}
    shown_text = {"text": text, "texttemplate": "%{text}", "textfont": {"size": font}} if side <= max_text_side else {}
    return go.Heatmap(z=np.where(np.isnan(values), None, values).tolist(), showscale=False,
                      hovertemplate="row %{y}, col %{x}: %{z:.6g}<extra></extra>", xgap=1, ygap=1,
                      **shown_text, **scale)


def matrix_figure(values: np.ndarray, *, title: str = "", sequential: bool = False,
                  outlines: list[tuple[int, int, int, int]] = (), max_text_side: int = 20,
                  colorscale: str | None = None, zrange: tuple[float, float] | None = None,
                  height: int | None = None) -> go.Figure:
    """A small matrix as a heatmap with every entry written in its cell.

    Signed matrices (kernels, products) use a diverging scale centred on zero;
    ``sequential=True`` (pixel values) uses a grey ramp from the smallest to the
    largest value, or ``colorscale`` if given. NaN cells (a dilated kernel's
    holes) stay blank. ``outlines`` are ``(row0, col0, row1, col1)`` boxes
    (inclusive) drawn around cells, e.g. pooling windows. Matrices wider or
    taller than ``max_text_side`` show colours only. ``zrange`` fixes the
    colour range (to compare figures); ``height`` fixes the figure's height
    (to line up figures of different sizes).
    """
    values = np.asarray(values, dtype=np.float64)
    rows, cols = values.shape
    fig = go.Figure(_matrix_trace(values, sequential=sequential, max_text_side=max_text_side,
                                  colorscale=colorscale, zrange=zrange))
    for r0, c0, r1, c1 in outlines:
        fig.add_shape(type="rect", x0=c0 - 0.5, x1=c1 + 0.5, y0=r0 - 0.5, y1=r1 + 0.5,
                      line={"color": HIGHLIGHT, "width": 3})
    top_margin = 28 if title else 4
    fig.update_layout(
        title={"text": title, "font": {"size": 14}},
        height=height or top_margin + 8 + _cell_size(max(rows, cols))[0] * rows,
        margin={"l": 4, "r": 4, "t": top_margin, "b": 4},
        xaxis={"visible": False, "constrain": "domain", "range": [-0.5, cols - 0.5]},
        yaxis={"visible": False, "autorange": "reversed", "scaleanchor": "x"},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def matrices_figure(panels: list[tuple[np.ndarray, str, bool]], *, max_text_side: int = 20) -> go.Figure:
    """Several same-sized matrices side by side in one figure: ``(values, title, sequential)`` each.

    One figure instead of several keeps a page light: the browser draws one
    chart, not one per matrix.
    """
    count = len(panels)
    gap = 0.06
    width = (1 - gap * (count - 1)) / count
    fig = go.Figure()
    rows = max(np.asarray(v).shape[0] for v, _, _ in panels)
    for i, (values, title, sequential) in enumerate(panels):
        values = np.asarray(values, dtype=np.float64)
        suffix = "" if i == 0 else str(i + 1)
        trace = _matrix_trace(values, sequential=sequential, max_text_side=max_text_side, colorscale=None,
                              zrange=None)
        trace.update(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
        fig.add_trace(trace)
        start = i * (width + gap)
        fig.update_layout({f"xaxis{suffix}": {"domain": [start, start + width], "visible": False,
                                              "range": [-0.5, values.shape[1] - 0.5], "constrain": "domain"},
                           f"yaxis{suffix}": {"visible": False, "autorange": "reversed", "scaleanchor": f"x{suffix}",
                                              "anchor": f"x{suffix}"}})
        fig.add_annotation(text=f"<b>{title}</b>", xref="paper", yref="paper", x=start + width / 2, y=1.0,
                           yanchor="bottom", showarrow=False, font={"size": 14})
    cell = _cell_size(max(rows, max(np.asarray(v).shape[1] for v, _, _ in panels)))[0]
    fig.update_layout(height=36 + cell * rows, margin={"l": 4, "r": 4, "t": 30, "b": 4},
                      plot_bgcolor="rgba(0,0,0,0)")
    return fig


MATRIX_TEXT_SIDE = 9    # HTML matrices write their numbers up to this side; larger ones show colours only


def _cell_colours(values: np.ndarray, sequential: bool) -> list[str]:
    """The colour of every finite entry of ``values`` (flattened), on the scales of :func:`matrix_figure`."""
    finite = values[np.isfinite(values)]
    if not finite.size:
        return []
    name, lo, hi = _colour_range(finite, sequential)
    position = np.clip((finite - lo) / (hi - lo), 0, 1)
    return plotly.colors.sample_colorscale(plotly.colors.get_colorscale(name), position.tolist())


def _compact(value: float) -> str:
    """At most about five characters, for the narrower cells of a 6×6 to 9×9 matrix: ``0.0131``, ``2e-05``."""
    for digits in (3, 2, 1):
        text = f"{value:.{digits}g}"
        if len(text.lstrip("-")) <= 5:
            return text
    return text


def _matrix_table(values: np.ndarray, title: str, sequential: bool, max_text_side: int) -> str:
    values = np.asarray(values, dtype=np.float64)
    rows, cols = values.shape
    side = max(rows, cols)
    written = side <= max_text_side
    cell_rem = (3 if side <= 5 else 2.2) if written else (1.2 if side <= 15 else 0.6)
    font_rem = 0.85 if side <= 5 else 0.65
    colours = iter(_cell_colours(values, sequential))
    body = []
    for r in range(rows):
        cells = []
        for c in range(cols):
            value = values[r, c]
            if not np.isfinite(value):
                cells.append('<td class="nan"></td>')
                continue
            colour = next(colours)
            red, green, blue = plotly.colors.unlabel_rgb(colour)
            ink = "#000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#fff"
            text = "" if not written else format_number(value) if side <= 5 else _compact(value)
            cells.append(f'<td style="background:{colour};color:{ink}" title="row {r}, col {c}: {value:.6g}">'
                         f"{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<figure><figcaption>{html.escape(title)}</figcaption>'
            f'<table style="--cell:{cell_rem}rem;font-size:{font_rem}rem">{"".join(body)}</table></figure>')


MATRIX_CSS = ("<style>.cnn-matrices{display:flex;flex-wrap:wrap;gap:1.2em;align-items:flex-start;margin:0.2em 0 0.6em;"
              "overflow-x:auto}"
              ".cnn-matrices figure{margin:0}.cnn-matrices figcaption{font-weight:600;font-size:0.9rem;"
              "margin-bottom:0.25em}.cnn-matrices table{border-collapse:separate;border-spacing:1px;"
              "margin:0;border:none;font-variant-numeric:tabular-nums}.cnn-matrices td{width:var(--cell);"
              "white-space:nowrap;min-width:var(--cell);height:var(--cell);padding:0;text-align:center;border:none;"
              "line-height:1}.cnn-matrices td.nan{background:#f4f4f4}</style>")


def matrices_html(panels: list[tuple[np.ndarray, str, bool]], *, max_text_side: int = MATRIX_TEXT_SIDE) -> str:
    """Small matrices side by side as HTML tables: ``(values, title, sequential)`` each.

    The same colours and numbers as :func:`matrices_figure` (diverging around
    zero, or a grey ramp for pixel values; NaN cells blank), with each cell's
    exact value as its tooltip. Matrices wider or taller than ``max_text_side``
    show colours only: their numbers would not fit a page column. A table
    costs the browser a fraction of a chart, which matters when a whole class
    reruns the same page.

    Example:
        >>> "<td" in matrices_html([(np.eye(2), "I", False)])
        True
    """
    tables = "".join(_matrix_table(values, title, sequential, max_text_side) for values, title, sequential in panels)
    return f'{MATRIX_CSS}<div class="cnn-matrices">{tables}</div>'


SERIES_COLOURS = ("#6c757d", HIGHLIGHT, "#1f77b4", "#2a9d8f")


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


SPEEDS = {"slow": 1200, "normal": 600, "fast": 200}   # ms per step


def _cell_texts(values: np.ndarray, empty: str = "") -> list[list[str]]:
    return [[empty if np.isnan(v) else format_number(v) for v in row] for row in values]


def _grid_trace(values: np.ndarray, axis: str, *, colorscale, zmin, zmax, text, font: int, **extra) -> dict:
    return {"type": "heatmap", "z": np.where(np.isnan(values), None, values).tolist(), "text": text,
            "texttemplate": "%{text}", "textfont": {"size": font}, "colorscale": colorscale, "zmin": zmin,
            "zmax": zmax, "showscale": False, "xgap": 2, "ygap": 2, "hoverinfo": "skip",
            "xaxis": f"x{axis}", "yaxis": f"y{axis}", **extra}


def sliding_figure(run, labels: dict[str, str], active: int = 0) -> go.Figure:
    """The animated sliding window: input (window highlighted), kernel, output filling in.

    Args:
        run: a ``sliding.Run``.
        labels: display strings: ``input``, ``kernel``, ``output``, ``play``, ``pause``,
            ``slow``, ``fast``, ``step`` (translated by the caller).
        active: the step shown before Play is pressed.

    One frame per step; frames update only the output grid, the window markers,
    two outline shapes and the arithmetic line, so 256 steps stay near 1.5 MB.
    """
    transposed = run.mode == "transposed"
    pooled = run.mode in ("max_pool", "avg_pool")
    source = run.padded
    out_full = run.partial[-1] if transposed else run.output
    rows = max(source.shape[0], out_full.shape[0], run.dilated.shape[0])
    cell = 44 if rows <= 8 else 34 if rows <= 12 else 28
    font = 15 if rows <= 8 else 12 if rows <= 12 else 10
    widths = [source.shape[1], run.dilated.shape[1], out_full.shape[1]]
    gap = 1.5
    total = sum(widths) + 2 * gap
    starts = [0, widths[0] + gap, widths[0] + widths[1] + 2 * gap]
    domains = [[s / total, (s + w) / total] for s, w in zip(starts, widths)]

    finite = source[np.isfinite(source)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    input_text = _cell_texts(source, "−∞" if run.mode == "max_pool" else "")
    kernel_top = float(np.nanmax(np.abs(run.dilated))) or 1.0
    out_values = out_full[np.isfinite(out_full)]
    out_lo, out_hi = (float(out_values.min()), float(out_values.max())) if out_values.size else (0.0, 1.0)
    padding_only = np.where(run.is_padding, 1.0, np.nan)

    data = [
        _grid_trace(source, "", colorscale="Greys", zmin=hi + (hi - lo) * 0.15, zmax=lo - (hi - lo) * 0.6,
                    text=input_text, font=font),
        _grid_trace(padding_only, "", colorscale=[[0, "#cfe3f7"], [1, "#cfe3f7"]], zmin=0, zmax=1,
                    text=[[text if pad else "" for text, pad in zip(texts, pads)]
                          for texts, pads in zip(input_text, run.is_padding)], font=font, opacity=0.85),
        _grid_trace(run.dilated, "2", colorscale=DIVERGING, zmin=-kernel_top, zmax=kernel_top,
                    text=_cell_texts(run.dilated), font=font),
        None,   # the output, per frame
        {"type": "scatter", "mode": "markers", "x": [], "y": [], "xaxis": "x", "yaxis": "y", "hoverinfo": "skip",
         "marker": {"symbol": "square-open", "size": cell - 6, "color": HIGHLIGHT, "line": {"width": 3}},
         "showlegend": False},
        {"type": "scatter", "mode": "markers", "x": [], "y": [], "xaxis": "x3", "yaxis": "y3", "hoverinfo": "skip",
         "marker": {"symbol": "square-open", "size": cell - 6, "color": HIGHLIGHT, "line": {"width": 3}},
         "showlegend": False},
    ]

    touched = np.zeros(out_full.shape, bool)
    stamped = []      # transposed: which output cells some stamp has reached by each step
    for step in run.steps if transposed else []:
        for written in step.writes:
            touched[written] = True
        stamped.append(touched.copy())

    def frame_parts(i: int):
        step = run.steps[i]
        if transposed:
            shown = np.where(stamped[i], run.partial[i], np.nan)
        else:
            shown = np.full(out_full.shape, np.nan)
            for j in range(i + 1):
                shown[run.steps[j].cell] = run.steps[j].value
        output = _grid_trace(shown, "3", colorscale="Greys" if pooled else DIVERGING,
                             zmin=out_lo if pooled else -max(abs(out_lo), abs(out_hi), 1e-9),
                             zmax=out_hi if pooled else max(abs(out_lo), abs(out_hi), 1e-9),
                             text=_cell_texts(shown), font=font)
        if pooled:
            output.update(zmin=out_hi + (out_hi - out_lo) * 0.15, zmax=out_lo - (out_hi - out_lo) * 0.6)
        reads = step.reads if not transposed else [step.cell]
        ys, xs = zip(*reads)
        window = {"x": list(xs), "y": list(ys)}
        writes = {"x": [c for _, c in step.writes], "y": [r for r, _ in step.writes]} if transposed else \
            {"x": [step.cell[1]], "y": [step.cell[0]]}
        shapes = [
            {"type": "rect", "xref": "x", "yref": "y", "x0": min(xs) - 0.5, "x1": max(xs) + 0.5,
             "y0": min(ys) - 0.5, "y1": max(ys) + 0.5, "line": {"color": HIGHLIGHT, "width": 4}},
        ]
        if transposed and any(run.pads):
            top, bottom, left, right = run.pads
            shapes.append({"type": "rect", "xref": "x3", "yref": "y3", "x0": left - 0.5,
                           "x1": out_full.shape[1] - right - 0.5, "y0": top - 0.5,
                           "y1": out_full.shape[0] - bottom - 0.5, "line": {"color": "#2a9d8f", "width": 3,
                                                                          "dash": "dash"}})
        annotation = {"text": f"{labels['step']} {i + 1}/{len(run.steps)}:  {step.text}", "xref": "paper",
                      "yref": "paper", "x": 0, "y": -0.02, "yanchor": "top", "xanchor": "left",
                      "showarrow": False, "font": {"size": _line_font(step.text), "family": "monospace"}}
        return [output, window, writes], shapes, annotation

    titles = [labels["input"], labels["kernel"], labels["output"]]
    axes = {}
    for n, (domain, title, grid) in enumerate(zip(domains, titles, (source, run.dilated, out_full)), start=1):
        suffix = "" if n == 1 else str(n)
        axes[f"xaxis{suffix}"] = {"domain": domain, "visible": False, "range": [-0.5, grid.shape[1] - 0.5],
                                  "constrain": "domain"}
        axes[f"yaxis{suffix}"] = {"domain": [0, 1], "visible": False, "autorange": "reversed",
                                  "scaleanchor": f"x{suffix}", "anchor": f"x{suffix}"}

    frames = []
    for i in range(len(run.steps)):
        (output, window, writes), shapes, annotation = frame_parts(i)
        frames.append({"name": str(i), "traces": [3, 4, 5],
                       "data": [output, {"x": window["x"], "y": window["y"]} if not transposed else window,
                                writes if transposed else {"x": writes["x"], "y": writes["y"]}],
                       "layout": {"shapes": shapes, "annotations": _titles(titles, domains) + [annotation]}})
    (output, window, writes), shapes, annotation = frame_parts(active)
    data[3] = output
    data[4].update(window)
    data[5].update(writes if transposed else writes)

    def play(speed: str) -> dict:
        return {"label": labels[speed], "method": "animate",
                "args": [None, {"frame": {"duration": SPEEDS[speed], "redraw": True}, "fromcurrent": True,
                                "transition": {"duration": 0}, "mode": "immediate"}]}

    layout = {
        **axes,
        "height": 150 + cell * rows, "margin": {"l": 10, "r": 10, "t": 40, "b": 120},
        "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)",
        "shapes": shapes, "annotations": _titles(titles, domains) + [annotation],
        "updatemenus": [{"type": "buttons", "direction": "left", "showactive": False, "x": 0, "y": -0.16,
                         "xanchor": "left", "yanchor": "top", "pad": {"t": 30},
                         "buttons": [play("slow"), play("normal"), play("fast"),
                                     {"label": labels["pause"], "method": "animate",
                                      "args": [[None], {"frame": {"duration": 0, "redraw": False},
                                                        "mode": "immediate", "transition": {"duration": 0}}]}]}],
        "sliders": [{"active": active, "x": 0.32, "len": 0.68, "y": -0.16, "yanchor": "top", "pad": {"t": 30},
                     "currentvalue": {"visible": False},
                     "steps": [{"label": str(i + 1), "method": "animate",
                                "args": [[str(i)], {"frame": {"duration": 0, "redraw": True},
                                                    "mode": "immediate", "transition": {"duration": 0}}]}
                               for i in range(len(run.steps))]}],
    }
    return go.Figure(data=data, layout=layout, frames=frames)


def _line_font(text: str) -> int:
    return 18 if len(text) <= 60 else 15 if len(text) <= 80 else 12


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


def _titles(titles, domains) -> list[dict]:
    return [{"text": f"<b>{t}</b>", "xref": "paper", "yref": "paper", "x": (d[0] + d[1]) / 2, "y": 1.0,
             "yanchor": "bottom", "showarrow": False, "font": {"size": 16}} for t, d in zip(titles, domains)]
