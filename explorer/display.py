"""Float results -> pictures a person can read: colour mappings, outlines, zooms, crops.

Everything returns uint8 ``(H, W)`` or ``(H, W, 3)`` pictures ready for
``st.image``; nothing here decodes files (:mod:`explorer.imaging`) or draws
charts (the views).
"""
from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

from explorer.i18n import LocalizedError

# ---------------------------------------------------------------- colours (the scales every picture shares)
#
# The stops are ColorBrewer's, as Plotly names them (``RdBu_r``, ``Greys_r``), so a NumPy picture, an HTML table
# and a Plotly heatmap of the same values show the same colours; the views' tests hold :func:`sample` against
# Plotly's own.

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


DISPLAY_MODES = ("auto", "diverging", "absolute", "clip", "stretch")


class DisplayError(LocalizedError):
    """An unknown way to show values."""


@lru_cache(maxsize=1)
def _diverging_lut() -> np.ndarray:
    return sample(DIVERGING, np.arange(256) / 255).astype(np.uint8)


def resolve_display_mode(mode: str, values: np.ndarray, kernel_sum: float) -> str:
    """``auto`` -> ``clip`` for outputs in [0, 1], ``absolute`` for zero-sum (edge) kernels."""
    if mode not in DISPLAY_MODES:
        raise DisplayError("err.display_mode", value=repr(mode), allowed=", ".join(DISPLAY_MODES))
    if mode != "auto":
        return mode
    if values.size and values.min() >= -1e-6 and values.max() <= 1 + 1e-6:
        return "clip"
    return "absolute" if abs(kernel_sum) < 1e-6 else "clip"


def to_display(values: np.ndarray, mode: str, scale: float | None = None) -> np.ndarray:
    """Map real-valued output to a uint8 picture (``(H, W)`` or ``(H, W, 3)``).

    ``diverging``: zero is white (grey for colour), negatives blue, positives red,
    scaled by ``scale`` (default: :func:`robust_scale`, so a few extreme pixels
    do not wash the rest out; pass one scale to compare several pictures);
    ``absolute``: ``|v|`` clipped to 1;
    ``clip``: ``v`` clipped to [0, 1]; ``stretch``: min–max to [0, 1].
    """
    v = np.asarray(values, dtype=np.float32)
    if mode == "diverging":
        scale = scale or robust_scale(v)
        centred = 0.5 + 0.5 * v / scale
        if v.ndim == 2:
            return _diverging_lut()[np.clip(centred * 255 + 0.5, 0, 255).astype(np.uint8)]
        shown = centred
    elif mode == "absolute":
        shown = np.abs(v)
    elif mode == "clip":
        shown = v
    elif mode == "stretch":
        lo, hi = float(v.min()), float(v.max())
        shown = (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)
    else:
        raise DisplayError("err.display_mode", value=repr(mode), allowed=", ".join(DISPLAY_MODES))
    return (np.clip(shown, 0, 1) * 255 + 0.5).astype(np.uint8)


ROBUST_PERCENTILE = 99      # signed maps are coloured up to this percentile of |value|; beyond it, full colour


def robust_scale(values: np.ndarray, percentile: float = ROBUST_PERCENTILE) -> float:
    """A display scale that ignores the few most extreme values, so typical ones are not washed out.

    Example:
        >>> robust_scale(np.r_[np.ones(999), 100.0])
        1.0
    """
    magnitude = np.abs(np.asarray(values, dtype=np.float32))
    return float(np.percentile(magnitude, percentile)) or float(magnitude.max()) or 1.0


def to_uint8(image: np.ndarray) -> np.ndarray:
    """A float image in [0, 1] as uint8 for display."""
    return (np.clip(image, 0, 1) * 255 + 0.5).astype(np.uint8)


def mark(picture: np.ndarray, x0: int, y0: int, x1: int, y1: int,
         colour: tuple[int, int, int] = (255, 196, 0)) -> np.ndarray:
    """A copy of a uint8 picture with a rectangle drawn around pixels x0..x1, y0..y1 (inclusive).

    The outline sits just outside the pixels and is at least a few display
    pixels thick, so a 1×1 target is still visible on a large image.
    """
    rgb = np.repeat(picture[..., None], 3, axis=2) if picture.ndim == 2 else picture.copy()
    thick = max(1, max(rgb.shape[:2]) // 250)
    grow = thick + max(0, 3 * thick - (x1 - x0)) // 2
    cv2.rectangle(rgb, (x0 - grow, y0 - grow), (x1 + grow, y1 + grow), colour, thick)
    return rgb


def zoom(picture: np.ndarray, factor: int) -> np.ndarray:
    """Every pixel as a ``factor × factor`` block, so single pixels stay visible on a projector."""
    return np.repeat(np.repeat(picture, factor, axis=0), factor, axis=1)


def crop_square(picture: np.ndarray, centre: tuple[int, int], side: int) -> np.ndarray:
    """A ``side × side`` RGB uint8 crop centred on ``(row, col)``; parts outside the picture are mid-grey.

    Example:
        >>> crop_square(np.zeros((4, 4), np.uint8), (0, 0), 3)[0, 0].tolist()
        [128, 128, 128]
    """
    if picture.ndim == 2:
        picture = np.repeat(picture[..., None], 3, axis=2)
    crop = np.full((side, side, 3), 128, np.uint8)
    y0, x0 = centre[0] - side // 2, centre[1] - side // 2
    ys = slice(max(0, y0), min(picture.shape[0], y0 + side))
    xs = slice(max(0, x0), min(picture.shape[1], x0 + side))
    if ys.stop > ys.start and xs.stop > xs.start:
        crop[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0] = picture[ys, xs]
    return crop


def zoom_box(picture: np.ndarray, centre: tuple[int, int], side: int, box: tuple[int, int, int, int], factor: int,
             colour: tuple[int, int, int] = (255, 196, 0)) -> np.ndarray:
    """A ``side × side`` crop of a uint8 picture around ``centre``, enlarged ``factor`` times, with ``box``
    (``top, left, bottom, right``, inclusive, in the picture's pixels) outlined after enlarging: outlined at the
    picture's size and then enlarged, the frame covered what it framed.

    Example:
        >>> zoom_box(np.zeros((9, 9), np.uint8), (4, 4), 5, (4, 4, 4, 4), 8).shape
        (40, 40, 3)
    """
    top, left, bottom, right = box
    oy, ox = centre[0] - side // 2, centre[1] - side // 2
    return mark(zoom(crop_square(picture, centre, side), factor), (left - ox) * factor, (top - oy) * factor,
                (right - ox + 1) * factor - 1, (bottom - oy + 1) * factor - 1, colour)


def zoom_cells(image: np.ndarray, centre: tuple[int, int], side: int, cells: list[tuple[int, int]], factor: int,
               colour: tuple[int, int, int] = (255, 140, 0)) -> np.ndarray:
    """A ``side × side`` crop of a float image around ``centre``, enlarged, with ``cells`` outlined.

    ``cells`` are ``(dy, dx)`` offsets from the centre. Parts of the crop
    outside the image are drawn mid-grey.

    Example:
        >>> zoom_cells(np.zeros((9, 9)), (4, 4), 5, [(0, 0)], 4).shape
        (20, 20, 3)
    """
    half = side // 2
    big = np.ascontiguousarray(zoom(crop_square(to_uint8(image), centre, side), factor))
    thick = max(2, factor // 6)
    for dy, dx in cells:
        top, left = (half + dy) * factor, (half + dx) * factor
        cv2.rectangle(big, (left, top), (left + factor - 1, top + factor - 1), colour, thick)
    return big


def tint(picture: np.ndarray, weights: np.ndarray, colour: tuple[int, int, int] = (255, 140, 0),
         strength: float = 0.9) -> np.ndarray:
    """Blend ``colour`` over a uint8 picture where ``weights > 0``, stronger where they are larger (at most
    ``strength``: a close-up needs the pixels under the tint to stay visible)."""
    rgb = np.repeat(picture[..., None], 3, axis=2) if picture.ndim == 2 else picture
    top = float(weights.max()) or 1.0
    alpha = np.where(weights > 0, strength * (0.22 + 0.78 * weights / top), 0.0)[..., None]
    return (rgb * (1 - alpha) + np.array(colour) * alpha + 0.5).astype(np.uint8)


def crop_fraction(picture: np.ndarray, x: float, y: float, zoom: float) -> np.ndarray:
    """The ``1/zoom`` part of a picture whose position runs from the left/top (0) to the right/bottom (1).

    Example:
        >>> crop_fraction(np.zeros((100, 60)), 1.0, 0.0, 4).shape
        (25, 15)
    """
    h, w = picture.shape[:2]
    side_h, side_w = max(1, -(-h // int(zoom))), max(1, -(-w // int(zoom)))
    y0, x0 = int(round(y * (h - side_h))), int(round(x * (w - side_w)))
    return picture[y0:y0 + side_h, x0:x0 + side_w]


def blocky(values: np.ndarray, target: int = 512, display: str = "clip") -> np.ndarray:
    """A small result enlarged by whole pixels towards ``target``, so each pixel shows as a block.

    Float values are mapped with ``display``; a uint8 picture is taken as it is.

    Example:
        >>> blocky(np.eye(2), 8).shape
        (8, 8)
    """
    picture = values if values.dtype == np.uint8 else to_display(values, display)
    return zoom(picture, max(1, target // max(picture.shape[:2])))


def from_chw(values: np.ndarray) -> np.ndarray:
    """A network input ``(C, H, W)`` as a picture: ``(H, W)`` for one channel, ``(H, W, 3)`` for colour.

    Example:
        >>> from_chw(np.zeros((1, 4, 5))).shape, from_chw(np.zeros((3, 4, 5))).shape
        ((4, 5), (4, 5, 3))
    """
    values = np.asarray(values)
    return values[0] if values.shape[0] == 1 else np.moveaxis(values, 0, -1)
