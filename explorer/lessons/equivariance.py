"""What a shift does to a convolution: the output moves with the input (equivariance), measured.

Pooling (``lessons.pooling.shift_test``) makes a layer partly indifferent to
small shifts; convolution itself does not: shift the input by s pixels and its
output is the old output shifted by s pixels, except near the border, where
the padding makes the two differ.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer import ops
from explorer.geometry import ParamError


@dataclass(frozen=True)
class Equivariance:
    """Convolving a shifted input against shifting the convolved one, for one shift."""
    shift: int
    output: np.ndarray        # conv(x)
    of_shifted: np.ndarray    # conv(x shifted left by s)
    inner_gap: float          # largest |conv(shift x) − shift(conv x)| away from the border: 0
    edge_gap: float           # the same in the border columns the padding reaches
    moved: float              # mean |conv(shift x) − conv(x)| / mean |conv(x)|, %: the output itself did move


def equivariance(plane: np.ndarray, kernel: np.ndarray, shift: int) -> Equivariance:
    """Shift ``plane`` left by ``shift`` pixels and compare its convolution ('same' zeros) with the shifted output.

    Raises ``ParamError`` when the plane is too narrow to keep a column away from the border after the shift.

    Example:
        >>> plane = np.random.default_rng(0).random((12, 16))
        >>> e = equivariance(plane, np.arange(9.).reshape(3, 3), 2)
        >>> e.inner_gap < 1e-5, e.edge_gap > 0.01
        (True, True)
    """
    plane = np.asarray(plane, dtype=np.float32)
    kernel = np.asarray(kernel, dtype=np.float32)
    s = int(shift)
    reach = kernel.shape[1] // 2           # columns whose window reads the padding on the left
    if plane.shape[1] < s + reach + 1:     # no column left away from the border to compare
        raise ParamError("err.shift_too_narrow", s=s, w=plane.shape[1], need=s + reach + 1)
    output = ops.conv2d(plane, kernel, padding="same", device="cpu")
    moved_input = plane[:, s:]
    of_shifted = ops.conv2d(moved_input, kernel, padding="same", device="cpu")
    expected = output[:, s:]
    gap = np.abs(of_shifted.astype(np.float64) - expected)
    scale = float(np.abs(output).mean()) or 1.0
    unmoved = np.abs(of_shifted.astype(np.float64) - output[:, :of_shifted.shape[1]]).mean()
    return Equivariance(s, output, of_shifted, float(gap[:, reach:].max()),
                        float(gap[:, :reach].max()) if reach else 0.0,
                        float(unmoved) / scale * 100)
