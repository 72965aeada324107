"""Plain-loop versions of the operations in :mod:`explorer.ops`, written to be read.

They are slow on purpose: one output number at a time, exactly as the
textbook formula says. Tests hold them against :mod:`explorer.ops` and
``torch.nn.functional``; the pages use :func:`window_at` to show the
arithmetic behind one output pixel. Only the geometry (parameter pairs and
output sizes, :mod:`explorer.geometry`) is shared with the fast path.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from explorer.geometry import IntPair, Padding, Pads, output_len, pair, resolve_padding, transposed_output_size


def source_index(i: int, n: int, mode: str) -> int | None:
    """Which real row/column a padded position ``i`` (may be < 0 or ≥ n) reads.

    ``None`` means a zero (zero padding). Reflect mirrors without repeating the
    edge, replicate repeats the edge, circular wraps around.
    """
    if 0 <= i < n:
        return i
    if mode == "zeros":
        return None
    if mode == "replicate":
        return min(max(i, 0), n - 1)
    if mode == "circular":
        return i % n
    if mode == "reflect":
        period = 2 * (n - 1)
        i = abs(i) % period if period else 0
        return i if i < n else period - i
    raise ValueError(mode)


def window_at(plane: np.ndarray, oy: int, ox: int, kernel_shape: tuple[int, int], *,
              stride: IntPair = 1, dilation: IntPair = 1, pads: Pads = (0, 0, 0, 0),
              padding_mode: str = "zeros") -> np.ndarray:
    """The input values under the kernel for output position ``(oy, ox)``.

    Kernel row ``i`` sits on padded row ``oy·stride + i·dilation``, which is
    real row ``oy·stride + i·dilation − top`` (or a padding value).

    Args:
        plane: ``(H, W)`` input, unpadded.
        pads: ``(top, bottom, left, right)`` as from ``ops.resolve_padding``.
    """
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    top, _, left, _ = pads
    h, w = plane.shape
    kh, kw = kernel_shape
    window = np.zeros((kh, kw), dtype=np.float64)
    for i in range(kh):
        y = source_index(oy * sh + i * dh - top, h, padding_mode)
        for j in range(kw):
            x = source_index(ox * sw + j * dw - left, w, padding_mode)
            if y is not None and x is not None:
                window[i, j] = plane[y, x]
    return window


def _planes(image: ArrayLike) -> list[np.ndarray]:
    image = np.asarray(image, dtype=np.float64)
    return [image] if image.ndim == 2 else [image[..., c] for c in range(image.shape[2])]


def _stack(planes: list[np.ndarray], ndim: int) -> np.ndarray:
    out = planes[0] if ndim == 2 else np.stack(planes, axis=2)
    return out.astype(np.float32)


def conv2d(image: ArrayLike, kernel: ArrayLike, *, stride: IntPair = 1, padding: Padding = 0,
           padding_mode: str = "zeros", dilation: IntPair = 1) -> np.ndarray:
    """Cross-correlation, one output number at a time (same arguments as ``ops.conv2d``)."""
    kernel = np.asarray(kernel, dtype=np.float64)
    pads = resolve_padding(padding, kernel.shape, stride=stride, dilation=dilation)
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    out_planes = []
    for plane in _planes(image):
        out_h = output_len(plane.shape[0], kernel.shape[0], sh, pads[0] + pads[1], dh)
        out_w = output_len(plane.shape[1], kernel.shape[1], sw, pads[2] + pads[3], dw)
        out = np.zeros((out_h, out_w))
        for oy in range(out_h):
            for ox in range(out_w):
                window = window_at(plane, oy, ox, kernel.shape, stride=(sh, sw), dilation=(dh, dw),
                                   pads=pads, padding_mode=padding_mode)
                total = 0.0
                for i in range(kernel.shape[0]):
                    for j in range(kernel.shape[1]):
                        total += window[i, j] * kernel[i, j]
                out[oy, ox] = total
        out_planes.append(out)
    return _stack(out_planes, np.ndim(image))


def conv_transpose2d(image: ArrayLike, kernel: ArrayLike, *, stride: IntPair = 1, padding: IntPair = 0,
                     output_padding: IntPair = 0, dilation: IntPair = 1) -> np.ndarray:
    """Transposed convolution as a scatter: each input value stamps ``value × kernel``."""
    kernel = np.asarray(kernel, dtype=np.float64)
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    ph, pw = pair(padding, "padding", 0)
    oph, opw = pair(output_padding, "output_padding", 0)
    kh, kw = kernel.shape
    out_planes = []
    for plane in _planes(image):
        h, w = plane.shape
        # every stamp, before the padding crops it: the transposed size with no padding
        full = np.zeros((transposed_output_size(h, kh, sh, 0, oph, dh), transposed_output_size(w, kw, sw, 0, opw, dw)))
        for y in range(h):
            for x in range(w):
                for i in range(kh):
                    for j in range(kw):
                        full[y * sh + i * dh, x * sw + j * dw] += plane[y, x] * kernel[i, j]
        # padding removes that many rows/columns from each side of the full result
        out_planes.append(full[ph:full.shape[0] - ph, pw:full.shape[1] - pw])
    return _stack(out_planes, np.ndim(image))


def pool2d(image: ArrayLike, mode: str, kernel_size: IntPair, *, stride: IntPair | None = None,
           padding: IntPair = 0, ceil_mode: bool = False) -> np.ndarray:
    """Max or average pooling with loops; average divides like torch (padding counted)."""
    kh, kw = pair(kernel_size, "kernel_size", 1)
    sh, sw = pair(kernel_size if stride is None else stride, "stride", 1)
    ph, pw = pair(padding, "padding", 0)
    out_planes = []
    for plane in _planes(image):
        h, w = plane.shape
        out_h = output_len(h, kh, sh, 2 * ph, 1, ceil_mode, ph)
        out_w = output_len(w, kw, sw, 2 * pw, 1, ceil_mode, pw)
        out = np.zeros((out_h, out_w))
        for oy in range(out_h):
            for ox in range(out_w):
                y0, x0 = oy * sh - ph, ox * sw - pw
                y1, x1 = min(y0 + kh, h + ph), min(x0 + kw, w + pw)
                values = [plane[y, x] for y in range(max(y0, 0), min(y1, h))
                          for x in range(max(x0, 0), min(x1, w))]
                if mode == "max":
                    out[oy, ox] = max(values)
                else:
                    # zeros in the padding count towards the divisor; the part of a
                    # ceil-mode window past the padding does not
                    out[oy, ox] = sum(values) / ((y1 - y0) * (x1 - x0))
        out_planes.append(out)
    return _stack(out_planes, np.ndim(image))
