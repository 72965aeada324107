"""Colours: the scales every picture and matrix shares, the highlight, and the luma weights.

The stops are ColorBrewer's, as Plotly names them (``RdBu_r``, ``Greys_r``), so a
NumPy picture, an HTML table and a Plotly heatmap of the same values show the
same colours; the views' tests hold :func:`sample` against Plotly's own.
"""
from __future__ import annotations

import numpy as np

DIVERGING = "RdBu_r"      # negative blue, zero near-white, positive red
GREYS = "Greys_r"         # black to white
HIGHLIGHT = "#ff7f0e"     # the window and the output cell it writes share this colour
SERIES_COLOURS = ("#6c757d", HIGHLIGHT, "#1f77b4", "#2a9d8f")
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)   # ITU-R BT.601, what OpenCV and Pillow use

STOPS: dict[str, tuple[tuple[int, int, int], ...]] = {
    DIVERGING: ((5, 48, 97), (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
                (253, 219, 199), (244, 165, 130), (214, 96, 77), (178, 24, 43), (103, 0, 31)),
    GREYS: ((0, 0, 0), (37, 37, 37), (82, 82, 82), (115, 115, 115), (150, 150, 150), (189, 189, 189),
            (217, 217, 217), (240, 240, 240), (255, 255, 255)),
}


def sample(name: str, positions) -> np.ndarray:
    """The colours of scale ``name`` at ``positions`` in [0, 1], as an ``(n, 3)`` array of 0–255 integers.

    Example:
        >>> sample(DIVERGING, [0.0, 0.5, 1.0]).tolist()
        [[5, 48, 97], [247, 247, 247], [103, 0, 31]]
    """
    stops = np.asarray(STOPS[name], dtype=np.float64)
    where = np.clip(np.asarray(positions, dtype=np.float64), 0, 1) * (len(stops) - 1)
    low = np.minimum(where.astype(int), len(stops) - 2)
    part = (where - low)[:, None]
    return np.round(stops[low] * (1 - part) + stops[low + 1] * part).astype(int)


def css(rgb) -> str:
    """``(5, 48, 97)`` -> ``'rgb(5, 48, 97)'``."""
    return f"rgb({int(rgb[0])}, {int(rgb[1])}, {int(rgb[2])})"


def inks(colours) -> list[str]:
    """The text colour for each of ``(n, 3)`` 0–255 backgrounds at once: black on light, white on dark.

    Example:
        >>> inks([(5, 48, 97), (247, 247, 247)])
        ['#fff', '#000']
    """
    luma = np.asarray(colours, dtype=np.float32).reshape(-1, 3) @ LUMA
    return np.where(luma > 140, "#000", "#fff").tolist()


def value_range(finite: np.ndarray, sequential: bool, scale: str | None = None,
                fixed: tuple[float, float] | None = None) -> tuple[str, float, float]:
    """Colour scale and value range of a matrix: a grey ramp over its values, or a diverging scale centred on 0.

    ``finite`` holds the matrix's finite entries. A matrix of one grey level is
    shown against 0…1, so a window of white pixels looks white.

    Example:
        >>> value_range(np.array([-1.0, 3.0]), False), value_range(np.array([0.5, 0.5]), True)
        (('RdBu_r', -3.0, 3.0), ('Greys_r', 0.0, 1.0))
    """
    if sequential:
        lo, hi = fixed or ((float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0))
        if hi <= lo:
            lo, hi = min(lo, 0.0), max(hi, 1.0)
        return scale or GREYS, lo, hi
    top = (float(np.abs(finite).max()) if finite.size else 1.0) or 1.0
    return DIVERGING, -top, top
