"""The arithmetic behind one output pixel: its window, the products, their sum, and whether it matches.

Kernel Lab shows this for the pixel a student clicks. Everything is recomputed
here with the loop reference (:func:`explorer.reference.window_at`), not read
back from the fast path, so the agreement it reports is a real check of
:mod:`explorer.ops`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from explorer.geometry import Padding, pair, resolve_padding, window_box
from explorer.numtext import format_number, sum_of_products
from explorer.reference import window_at

FLOAT32_MAX = float(np.finfo(np.float32).max)


@dataclass(frozen=True)
class Inspection:
    """One output pixel explained, kernel by kernel."""
    x: int
    y: int
    box: tuple[int, int, int, int]       # input (row0, col0, row1, col1) under the window; may reach into padding
    windows: list[np.ndarray]            # the input values under each kernel (padding filled in)
    products: list[np.ndarray]           # window × kernel, entry by entry
    sums: list[float]                    # Σ products, one per kernel
    texts: list[str]                     # "a×b + … = s", one per kernel
    combined: float                      # the sum, or √(Σ sums²) for a magnitude
    combined_text: str                   # "√((a)² + (b)²) = v" for a magnitude, else ""
    shown: float                         # what the output image holds at this pixel
    agrees: bool
    overflow: bool = False               # the sum or what float32 holds is beyond float32's range (inf or NaN)


def inspect_pixel(plane: np.ndarray, kernels: Sequence[np.ndarray], combine: str | None, x: int, y: int,
                  shown: float, *, stride=1, padding: Padding = 0, padding_mode: str = "zeros",
                  dilation=1) -> Inspection:
    """Recompute output pixel ``(x, y)`` of ``plane`` ⋆ ``kernels`` by hand and compare with ``shown``.

    Args:
        plane: ``(H, W)`` input (one channel of the image the output was computed from).
        kernels: one kernel, or several combined by ``combine="magnitude"``.
        shown: the output's value at ``(x, y)`` (same channel).
        stride, padding, padding_mode, dilation: as ``ops.conv2d``.

    Example:
        >>> i = inspect_pixel(np.arange(9.).reshape(3, 3), [np.ones((3, 3))], None, 0, 0, 8.0, padding=1)
        >>> i.sums, i.agrees, i.box
        ([8.0], True, (-1, -1, 1, 1))
        >>> inspect_pixel(np.ones((1, 1)), [np.full((1, 1), 1e39)], None, 0, 0, float("inf")).overflow
        True
    """
    shape = np.shape(kernels[0])
    pads = resolve_padding(padding, shape, stride=stride, dilation=dilation)
    windows, products, sums, texts = [], [], [], []
    for kernel in kernels:
        window = window_at(plane, y, x, shape, stride=stride, dilation=dilation, pads=pads,
                           padding_mode=padding_mode)
        product = window * np.asarray(kernel, np.float64)
        windows.append(window)
        products.append(product)
        sums.append(float(product.sum()))
        texts.append(sum_of_products(window, kernel))
    combined_text = ""
    if combine == "magnitude":
        combined = float(np.sqrt(sum(s * s for s in sums)))
        combined_text = f"√({' + '.join(f'({format_number(s)})²' for s in sums)}) = {format_number(combined)}"
    else:
        combined = sums[0]
    box = window_box(y, x, shape, stride=pair(stride, "stride", 1), dilation=dilation, pads=pads)
    agrees = bool(np.isclose(combined, shown, rtol=1e-4, atol=1e-5))
    # float32 holds at most ~3.4e38: past it a sum is inf, or NaN where +inf and -inf meet on the way
    overflow = not agrees and (not np.isfinite(shown) or abs(combined) > FLOAT32_MAX)
    return Inspection(x, y, box, windows, products, sums, texts, combined, combined_text, float(shown), agrees,
                      overflow)


def pixel_at(click_x: float, click_y: float, shown_size: tuple[int, int], out_size: tuple[int, int]) -> tuple[int, int]:
    """The output pixel ``(x, y)`` under a click at ``(click_x, click_y)`` on a picture drawn ``shown_size`` (w, h).

    Example:
        >>> pixel_at(99, 10, (100, 50), (451, 300))
        (446, 60)
    """
    (shown_w, shown_h), (out_w, out_h) = shown_size, out_size
    return (min(out_w - 1, int(click_x * out_w / max(shown_w, 1))),
            min(out_h - 1, int(click_y * out_h / max(shown_h, 1))))
