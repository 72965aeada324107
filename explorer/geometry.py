"""Window geometry shared by every operation: parameter pairs, padding, output sizes and their formula text.

One output-size function (:func:`output_len`) serves convolution, pooling
(ceil mode included), the loop reference, the sliding window and the layer
stacks; one window-box function (:func:`window_box`) tells which input cells
an output cell reads. Invalid parameters raise :class:`ParamError` (a
``ValueError``) whose message says what is wrong and what is allowed.
"""
from __future__ import annotations

from typing import Sequence, Union

import numpy as np
import torch

from explorer.i18n import LocalizedError

PADDING_WORDS = ("same", "valid")

Padding = Union[int, Sequence[int], str]
IntPair = Union[int, Sequence[int]]       # 3, or (3, 5) for (height, width)
Pads = tuple[int, int, int, int]          # (top, bottom, left, right)
Device = Union[torch.device, str, None]   # None: the best available (device.pick_device)


class ParamError(LocalizedError):
    """An invalid operation parameter; the message names the allowed values."""


def pair(value: IntPair, name: str, minimum: int) -> tuple[int, int]:
    """``3`` -> ``(3, 3)``; ``(2, 3)`` stays; anything else raises ParamError.

    Example:
        >>> pair(3, "stride", 1), pair((2, 1), "dilation", 1)
        ((3, 3), (2, 1))
    """
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        both = (int(value), int(value))
    elif (isinstance(value, (tuple, list)) and len(value) == 2
          and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in value)):
        both = (int(value[0]), int(value[1]))
    else:
        raise ParamError("err.param_type", name=name, value=repr(value), minimum=minimum)
    if min(both) < minimum:
        raise ParamError("err.param_min", name=name, value=repr(value), minimum=minimum)
    return both


def resolve_padding(padding: Padding, kernel_shape: tuple[int, int], *,
                    stride: IntPair = 1, dilation: IntPair = 1) -> Pads:
    """Turn a padding argument into explicit ``(top, bottom, left, right)`` amounts.

    ``"same"`` follows torch: the total ``dilation·(k−1)`` is split with the
    smaller half first, so even kernels get one more row/column at the
    bottom/right. It is allowed only with stride 1, as in torch.

    Example:
        >>> resolve_padding("same", (4, 3))
        (1, 2, 1, 1)
    """
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    if isinstance(padding, str):
        if padding not in PADDING_WORDS:
            raise ParamError("err.padding_word", value=repr(padding))
        if padding == "valid":
            return (0, 0, 0, 0)
        if (sh, sw) != (1, 1):
            raise ParamError("err.same_stride", stride=max(sh, sw))
        total_h = dh * (kernel_shape[0] - 1)
        total_w = dw * (kernel_shape[1] - 1)
        return (total_h // 2, total_h - total_h // 2, total_w // 2, total_w - total_w // 2)
    ph, pw = pair(padding, "padding", 0)
    return (ph, ph, pw, pw)


def output_len(n: int, k: int, stride: int = 1, pad_total: int = 0, dilation: int = 1,
               ceil_mode: bool = False, pad_before: int = 0) -> int:
    """Output length along one axis, torch's formula, with the padding of both sides given as a total.

    ``⌊(n + pad_total − d·(k−1) − 1)/s⌋ + 1`` (0 when the window does not fit);
    with ``ceil_mode`` the ceiling, minus one when the last window would start
    inside the right padding only (``pad_before`` is the left padding).

    Example:
        >>> output_len(5, 2, 2, ceil_mode=True), output_len(5, 2, 2)
        (3, 2)
    """
    span = n + pad_total - dilation * (k - 1) - 1
    if span < 0:
        return 0
    if not ceil_mode:
        return span // stride + 1
    out = -(-span // stride) + 1
    if (out - 1) * stride >= n + pad_before:
        out -= 1
    return out


def shrinking(n: int, kernel_size: int, stride: int = 1, dilation: int = 1) -> list[int]:
    """The sizes a side goes through when the same layer, without padding, is applied again and again, until the
    kernel no longer fits (the notes: without padding, repeated convolutions shrink the map towards 1).

    Example:
        >>> shrinking(9, 3), shrinking(28, 5, 2)
        ([9, 7, 5, 3, 1], [28, 12, 4])
    """
    sizes = [n]
    while sizes[-1] >= dilation * (kernel_size - 1) + 1 and len(sizes) < 10_000:
        following = output_size(sizes[-1], kernel_size, stride, 0, dilation)
        if following == sizes[-1]:
            break
        sizes.append(following)
    return sizes


def output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0,
                dilation: int = 1, ceil_mode: bool = False) -> int:
    """Output length along one axis for ``padding`` on each side (conv and pooling).

    Example:
        >>> output_size(1080, 3, padding=1)
        1080
    """
    return output_len(n, kernel_size, stride, 2 * padding, dilation, ceil_mode, padding)


def output_shape(shape: tuple[int, int], kernel_shape: tuple[int, int], pads: Pads, stride: IntPair = 1,
                 dilation: IntPair = 1) -> tuple[int, int]:
    """``(out_h, out_w)`` of a convolution of an ``(h, w)`` input with explicit pads.

    Example:
        >>> output_shape((5, 5), (3, 3), (1, 1, 1, 1))
        (5, 5)
    """
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    return (output_len(shape[0], kernel_shape[0], sh, pads[0] + pads[1], dh),
            output_len(shape[1], kernel_shape[1], sw, pads[2] + pads[3], dw))


def transposed_output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0,
                           output_padding: int = 0, dilation: int = 1) -> int:
    """Output length of a transposed convolution: ``(n−1)·s − 2p + d·(k−1) + op + 1``.

    Example:
        >>> transposed_output_size(4, 3, stride=2, padding=1, output_padding=1)
        8
    """
    return (n - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1


def output_size_formula(n: int, kernel_size: int, stride: int = 1,
                        pad_before: int = 0, pad_after: int = 0, dilation: int = 1, *,
                        ceil_mode: bool = False) -> str:
    """The output-size formula with the numbers substituted, for display.

    With ``ceil_mode`` (pooling) the brackets round up; a window that would
    start in the right padding is dropped, as torch does, and the text says so.

    Example:
        >>> output_size_formula(1080, 3, pad_before=1, pad_after=1)
        '⌊(1080 + 2·1 − 3)/1⌋ + 1 = 1080'
        >>> output_size_formula(5, 2, 2, ceil_mode=True)
        '⌈(5 + 2·0 − 2)/2⌉ + 1 = 3'
    """
    pad = f" + 2·{pad_before}" if pad_before == pad_after else f" + {pad_before} + {pad_after}"
    if dilation == 1:
        span = f"{n}{pad} − {kernel_size}"
    else:
        span = f"{n}{pad} − {dilation}·({kernel_size} − 1) − 1"
    out = output_len(n, kernel_size, stride, pad_before + pad_after, dilation, ceil_mode, pad_before)
    if not ceil_mode:
        return f"⌊({span})/{stride}⌋ + 1 = {out}"
    rounded_up = -(-(n + pad_before + pad_after - dilation * (kernel_size - 1) - 1) // stride) + 1
    dropped = f" − 1 = {out}" if rounded_up != out else ""
    return f"⌈({span})/{stride}⌉ + 1 = {rounded_up}{dropped}"


def formulas(shape: tuple[int, ...], window: tuple[int, int], pads: Pads, stride: IntPair = 1,
             dilation: IntPair = 1, *, ceil_mode: bool = False) -> tuple[str, str]:
    """:func:`output_size_formula` for the height and the width of an ``(h, w, …)`` input.

    Example:
        >>> formulas((5, 7), (3, 3), (0, 0, 0, 0), 2)[1]
        '⌊(7 + 2·0 − 3)/2⌋ + 1 = 3'
    """
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    return (output_size_formula(shape[0], window[0], sh, pads[0], pads[1], dh, ceil_mode=ceil_mode),
            output_size_formula(shape[1], window[1], sw, pads[2], pads[3], dw, ceil_mode=ceil_mode))


def transposed_output_formula(n: int, kernel_size: int, stride: int = 1, padding: int = 0,
                              output_padding: int = 0, dilation: int = 1) -> str:
    """:func:`transposed_output_size` with the numbers substituted, for display.

    Example:
        >>> transposed_output_formula(4, 3, 2, 1, 1)
        '(4 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 8'
    """
    out = transposed_output_size(n, kernel_size, stride, padding, output_padding, dilation)
    return f"({n} − 1)·{stride} − 2·{padding} + {dilation}·({kernel_size} − 1) + {output_padding} + 1 = {out}"


def window_box(oy: int, ox: int, kernel_shape: tuple[int, int], *, stride: IntPair = 1, dilation: IntPair = 1,
               pads: Pads = (0, 0, 0, 0), clip_to: tuple[int, int] | None = None) -> tuple[int, int, int, int]:
    """The input cells ``(row0, col0, row1, col1)`` (inclusive) under the window of output cell ``(oy, ox)``.

    Kernel row ``i`` reads padded row ``oy·stride + i·dilation``, which is real
    row ``oy·stride + i·dilation − top``. Without ``clip_to`` the box may reach
    into the padding (negative or past the edge); with ``clip_to=(h, w)`` it is
    cut to the input.

    Example:
        >>> window_box(0, 1, (3, 3), stride=2, pads=(1, 1, 1, 1))
        (-1, 1, 1, 3)
        >>> window_box(0, 1, (3, 3), stride=2, pads=(1, 1, 1, 1), clip_to=(4, 4))
        (0, 1, 1, 3)
    """
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    top, left = oy * sh - pads[0], ox * sw - pads[2]
    bottom, right = top + dh * (kernel_shape[0] - 1), left + dw * (kernel_shape[1] - 1)
    if clip_to is None:
        return top, left, bottom, right
    return max(top, 0), max(left, 0), min(bottom, clip_to[0] - 1), min(right, clip_to[1] - 1)


def check_window_fits(padded_h: int, padded_w: int, window_h: int, window_w: int,
                      message: str = "err.kernel_too_big") -> None:
    """ParamError when a ``window_h × window_w`` window does not fit the padded input (``message``: a kernel's
    words, or a pooling window's)."""
    if window_h > padded_h or window_w > padded_w:
        raise ParamError(message, kh=window_h, kw=window_w, h=padded_h, w=padded_w)
