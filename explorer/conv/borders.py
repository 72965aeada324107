"""Exact border modes without padding the image (see :mod:`explorer.conv.strategies`).

The fast paths convolve with zero padding done inside the convolution, or (the
compiled loop of :mod:`explorer.conv.compiled.stencil`) only the windows that lie inside the
image. The outputs whose windows reach into the padding form a thin frame of
four strips; :func:`patch` computes each from a small padded copy of the image
strip it reads, in any of the padding modes.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from explorer.geometry import Pads


def source_indices(n: int, before: int, after: int, mode: str) -> np.ndarray:
    """For each padded position, the real row/column it copies (vectorised ``reference.source_index``).

    Example:
        >>> source_indices(3, 2, 2, "reflect").tolist()
        [2, 1, 0, 1, 2, 1, 0]
    """
    i = np.arange(-before, n + after)
    if mode == "replicate":
        return np.clip(i, 0, n - 1)
    if mode == "circular":
        return i % n
    period = 2 * (n - 1)   # reflect
    i = np.abs(i) % period if period else np.zeros_like(i)
    return np.where(i < n, i, period - i)


def patch(y: torch.Tensor, x: torch.Tensor, weight: torch.Tensor, kernel_shape: tuple[int, int], pads: Pads,
          stride: tuple[int, int], dilation: tuple[int, int], mode: str) -> None:
    """Compute, in place, the outputs of ``y`` whose windows read padding (``weight``: the depthwise kernel).

    Under zero padding ``y`` holds them already, except after the compiled
    loop (inside windows only); under reflect, replicate or circular padding
    only windows overlapping the border differ from zero padding.

    Example:
        >>> x = torch.arange(9.0).reshape(1, 1, 3, 3)
        >>> y = torch.zeros(1, 1, 3, 3)
        >>> patch(y, x, torch.ones(1, 1, 1, 3), (1, 3), (0, 0, 1, 1), (1, 1), (1, 1), "replicate")
        >>> y[0, 0, 0].tolist()           # 0+0+1, 0+1+2, 1+2+2; the middle windows lie inside: left as they were
        [1.0, 0.0, 5.0]
    """
    top, bottom, left, right = pads
    (sh, sw), (dh, dw) = stride, dilation
    h, w = x.shape[2:]
    out_h, out_w = y.shape[2:]
    span_h, span_w = dh * (kernel_shape[0] - 1), dw * (kernel_shape[1] - 1)
    # output rows [r0, r1) read only real rows; likewise columns [c0, c1)
    r0 = min(out_h, -(-top // sh))
    r1 = max(r0, min(out_h, (top + h - 1 - span_h) // sh + 1))
    c0 = min(out_w, -(-left // sw))
    c1 = max(c0, min(out_w, (left + w - 1 - span_w) // sw + 1))
    for (ra, rb), (ca, cb) in (((0, r0), (0, out_w)), ((r1, out_h), (0, out_w)),
                               ((r0, r1), (0, c0)), ((r0, r1), (c1, out_w))):
        if ra >= rb or ca >= cb:
            continue
        strip = padded_strip(x, (ra * sh, (rb - 1) * sh + span_h + 1), (ca * sw, (cb - 1) * sw + span_w + 1),
                             pads, mode)
        y[:, :, ra:rb, ca:cb] = F.conv2d(strip, weight, stride=stride, dilation=dilation, groups=x.shape[1])


def padded_strip(x: torch.Tensor, rows: tuple[int, int], cols: tuple[int, int], pads: Pads,
                 mode: str) -> torch.Tensor:
    """Rows ``[rows[0], rows[1])`` and columns ``cols`` of the image padded by ``pads`` in ``mode`` (padded
    coordinates), a copy.

    Example:
        >>> x = torch.arange(1.0, 4.0).reshape(1, 1, 1, 3)
        >>> padded_strip(x, (0, 1), (0, 3), (0, 0, 2, 0), "zeros")[0, 0, 0].tolist()
        [0.0, 0.0, 1.0]
    """
    top, bottom, left, right = pads
    h, w = x.shape[2:]
    if mode != "zeros":
        rows_src = source_indices(h, top, bottom, mode)[rows[0]:rows[1]]
        cols_src = source_indices(w, left, right, mode)[cols[0]:cols[1]]
        return (x.index_select(2, torch.from_numpy(rows_src).to(x.device))
                .index_select(3, torch.from_numpy(cols_src).to(x.device)))
    ya, yb = min(max(rows[0] - top, 0), h), max(min(rows[1] - top, h), 0)      # the real rows and columns
    xa, xb = min(max(cols[0] - left, 0), w), max(min(cols[1] - left, w), 0)
    if ya >= yb or xa >= xb:                                                  # padding only
        return x.new_zeros((1, x.shape[1], rows[1] - rows[0], cols[1] - cols[0]))
    return F.pad(x[:, :, ya:yb, xa:xb], (xa + left - cols[0], cols[1] - left - xb, ya + top - rows[0],
                                         rows[1] - top - yb))               # one copy, channels-last as x is
