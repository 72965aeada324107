"""Pooling compared: max vs average, repeated rounds, and what a small shift changes.

Everything here calls :func:`explorer.ops.pool2d`, so the numbers are torch's.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer import ops
from explorer.geometry import ParamError, formulas, window_box

SHIFT_KINDS = ("none", "max", "avg")   # "none": the input itself, no pooling
MAX_ROUNDS = 4


def global_average(image: np.ndarray) -> np.ndarray:
    """Global average pooling: one number per channel, as ``F.adaptive_avg_pool2d(x, 1)``.

    Args:
        image: ``(H, W)`` or ``(H, W, C)``.

    Returns:
        ``(C,)`` float32 (``(1,)`` for a 2-D image).

    Example:
        >>> global_average(np.arange(4.).reshape(2, 2)).tolist()
        [1.5]
    """
    arr = np.asarray(image, dtype=np.float32)
    pooled = ops.pool2d(arr, "avg", arr.shape[:2], device="cpu")
    return pooled.reshape(-1)


def repeated(image: np.ndarray, mode: str, rounds: int, kernel_size: int, *, stride: int | None = None,
             padding: int = 0, ceil_mode: bool = False, device=None) -> list[np.ndarray]:
    """The image after 1, 2, … ``rounds`` rounds of the same pooling.

    Stops early (shorter list) once the next round's window no longer fits.

    Example:
        >>> [r.shape for r in repeated(np.zeros((8, 8)), "max", 4, 2)]
        [(4, 4), (2, 2), (1, 1)]
    """
    results, current = [], np.asarray(image, dtype=np.float32)
    for _ in range(rounds):
        h, w = current.shape[:2]
        if kernel_size > min(h, w) + 2 * padding:
            break
        current = ops.pool2d(current, mode, kernel_size, stride=stride, padding=padding, ceil_mode=ceil_mode,
                             device=device)
        results.append(current)
    return results


@dataclass(frozen=True)
class ShiftTest:
    """How much pooled outputs change when the input moves by 0 … k−1 pixels to the left."""
    shifts: list[int]
    change: dict[str, list[float]]      # kind -> mean |Δ| / mean |unshifted|, in percent, per shift
    unchanged: dict[str, list[float]]   # kind -> percent of outputs that did not change at all


def shift_test(plane: np.ndarray, kernel_size: int, device=None) -> ShiftTest:
    """Shift a 2-D ``plane`` by 0 … ``kernel_size``−1 pixels and compare pooled outputs.

    Both the unshifted and the shifted crop have the same size (a multiple of
    the window), pooled with window = stride = ``kernel_size``. ``none``
    compares the crops themselves: what a layer without pooling would see.

    Example:
        >>> plane = np.zeros((4, 9)); plane[:, 4] = 1
        >>> shift_test(plane, 2).unchanged["max"]
        [100.0, 50.0]
    """
    plane = np.asarray(plane, dtype=np.float32)
    if plane.ndim != 2:
        raise ParamError("err.image_shape", shape=str(plane.shape))
    k = int(kernel_size)
    h, w = plane.shape
    height, width = (h // k) * k, ((w - (k - 1)) // k) * k
    if k < 1 or height < k or width < k:
        raise ParamError("err.shift_too_small", k=k, h=h, w=w, need_h=k, need_w=2 * k - 1)
    base = plane[:height, :width]
    change = {kind: [] for kind in SHIFT_KINDS}
    unchanged = {kind: [] for kind in SHIFT_KINDS}
    for s in range(k):
        moved = plane[:height, s:s + width]
        for kind in SHIFT_KINDS:
            a, b = (base, moved) if kind == "none" else (
                ops.pool2d(base, kind, k, device=device), ops.pool2d(moved, kind, k, device=device))
            diff = np.abs(a.astype(np.float64) - b)
            scale = float(np.abs(a).mean()) or 1.0
            change[kind].append(float(diff.mean()) / scale * 100)
            unchanged[kind].append(float((diff <= 1e-6).mean()) * 100)
    return ShiftTest(list(range(k)), change, unchanged)


def pool_formulas(shape: tuple[int, int], kernel_size: int, stride: int, padding: int,
                  ceil_mode: bool) -> tuple[str, str]:
    """The output-size formula with numbers for the height and the width."""
    return formulas(shape, (kernel_size, kernel_size), (padding,) * 4, stride, ceil_mode=ceil_mode)


def window_boxes(shape: tuple[int, int], kernel_size: int, stride: int, padding: int,
                 out_shape: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Each pooling window as ``(row0, col0, row1, col1)`` in input cells, clipped to the input.

    Example:
        >>> window_boxes((4, 4), 2, 2, 0, (2, 2))[:2]
        [(0, 0, 1, 1), (0, 2, 1, 3)]
    """
    return [window_box(oy, ox, (kernel_size, kernel_size), stride=stride, pads=(padding,) * 4, clip_to=shape[:2])
            for oy in range(out_shape[0]) for ox in range(out_shape[1])]
