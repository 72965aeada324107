"""The lanes: a row's neighbouring outputs as the channels of one convolution (see :mod:`explorer.conv.strategies`).

Depthwise convolution vectorises over channels, and one channel gives it
nothing to vectorise; here ``lanes`` neighbouring outputs of a row are the
output channels of one convolution whose kernel is moved 0…lanes−1 columns,
written channels-last as the row itself, with no copy in or out. The input row
can be read as blocks of 2 or 4 neighbouring pixels, the channels of a narrower
image (a view): which of :data:`LANE_LAYOUTS` is fastest differs by machine
(:mod:`explorer.conv.calibration` measures it).
"""
from __future__ import annotations

import numpy as np
import torch

from explorer.conv import buffers
from explorer.geometry import Pads, output_len

LANES = 8                 # output pixels of a row computed side by side as the channels of one convolution
# (pixels per input channel, lanes): which is fastest differs by machine (docs/performance.md); measured per
# machine by explorer.conv.calibration
LANE_LAYOUTS = ((1, 8), (2, 8), (4, 8), (2, 16), (4, 16))
GREY_LANES = (2, 16)      # the project machine's (AVX-512)


def lanes_weight(kernel: np.ndarray, offset: int, stride: int, dilation: int, lanes: int = LANES,
                 block: int = 1) -> torch.Tensor:
    """The weight that computes ``lanes`` neighbouring outputs of a row at once: output channel ``r`` is the
    kernel moved ``r·stride`` columns right (its columns ``dilation`` apart, after ``offset`` zero columns), so one
    convolution with ``lanes`` output channels and a horizontal stride of ``lanes·stride`` writes outputs
    ``lanes·q + r`` as the channels of output column ``q``: the row itself, in a channels-last output. With
    ``block`` > 1 the input row is read as blocks of ``block`` pixels, the channels of one input column: tap
    ``t`` of the moved kernel is channel ``t mod block`` of column ``t // block``.

    Example:
        >>> lanes_weight(np.array([[1.0, 2.0, 3.0]]), offset=0, stride=1, dilation=1, lanes=2)[:, 0, 0].tolist()
        [[1.0, 2.0, 3.0, 0.0], [0.0, 1.0, 2.0, 3.0]]
        >>> lanes_weight(np.array([[1.0, 2.0, 3.0]]), 0, stride=1, dilation=1, lanes=2, block=2)[1, :, 0].tolist()
        [[0.0, 2.0], [1.0, 3.0]]
    """
    kh, kw = kernel.shape
    width = offset + (lanes - 1) * stride + (kw - 1) * dilation + 1
    weight = np.zeros((lanes, block, -(-width // block), kh), np.float32)       # (…, column, row) while filled
    r = np.arange(lanes)[:, None]
    column, channel = np.divmod(offset + r * stride + np.arange(kw)[None, :] * dilation, block)
    weight[np.broadcast_to(r, column.shape), channel, column] = np.asarray(kernel, np.float32).T[None]
    # from C order, as torch reads the strides of a one-channel weight: (kh·w, kh·w, w, 1) keeps the NCHW path of
    # a one-column output (lanes_correlate) NCHW; (kh·w, 1, w, 1) would make it channels-last and hit torch's bug
    weight = np.ascontiguousarray(weight.transpose(0, 1, 3, 2))
    return torch.from_numpy(weight).contiguous(memory_format=torch.channels_last)


def lanes_layout(plane: torch.Tensor, wanted: tuple[int, int], out_w: int, stride: int) -> tuple[int, int]:
    """``wanted`` (pixels per input channel, lanes) where the row can be read that way as a view, else ``(1, 8)``:
    whole blocks, rows one after the other, a block stride of whole blocks, more than one output column of
    ``out_w`` outputs."""
    (block, lanes), w = wanted, plane.shape[1]
    if block == 1 or (w % block == 0 and plane.stride() == (w, 1) and lanes * stride % block == 0 and out_w > lanes):
        return wanted
    return 1, LANES


def lanes_correlate(plane: torch.Tensor, kernel: np.ndarray, pads: Pads, stride: tuple[int, int],
                    dilation: tuple[int, int], weights: dict, lanes: int = LANES, block: int = 1) -> torch.Tensor:
    """Zero-padded cross-correlation of one ``(H, W)`` channel, ``lanes`` outputs of a row as the channels of one
    convolution (see :func:`lanes_weight`): the vector unit works on a row's neighbours, not on one channel, with
    no copy in or out. The row is read as blocks of ``block`` pixels where it can be (:func:`lanes_layout`).
    ``weights`` caches the weight per layout, offset and device. Returns ``(H', W')`` (a view of the
    convolution's output)."""
    top, bottom, left, right = pads
    (sh, sw), (dh, dw) = stride, dilation
    h, w = plane.shape
    out_h = output_len(h, kernel.shape[0], sh, top + bottom, dh)
    out_w = output_len(w, kernel.shape[1], sw, left + right, dw)
    block, lanes = lanes_layout(plane, (block, lanes), out_w, sw)
    blocks = -(-out_w // lanes)
    step = lanes * sw // block                  # the convolution's stride, in blocks
    span = (lanes - 1) * sw + (kernel.shape[1] - 1) * dw + 1
    # the convolution pads both sides by pad blocks: column q reads pixels (q·step − pad)·block + t,
    # t < pad·block − left + span, and the last column must end within w + pad·block
    pad = max(-(-left // block), (blocks - 1) * step - (-(span - left) // block) - w // block, 0)
    offset = pad * block - left
    key = ("lanes", block, lanes, offset, str(plane.device))
    if key not in weights:
        weights[key] = lanes_weight(kernel, offset, sw, dw, lanes, block).to(plane.device)
    ph = max(top, bottom)
    if blocks > 1:
        # channels-last, a view: block·q + c is channel c of column q
        x = plane.as_strided((1, block, h, w // block), (h * w, 1, plane.stride(0), block))
    else:
        # torch 2.13's channels-last path returns garbage for an output one column wide when kh ≥ 4
        # (found by tests/test_ops.py); at most 8 output columns, so the NCHW path costs nothing
        x = plane.contiguous()[None, None]
    y = buffers.conv2d(x, weights[key], (sh, step), (ph, pad), (dh, 1), 1)
    rows = y[0, :, ph - top:ph - top + out_h, :blocks]                       # 'same': top ≤ ph
    return rows.permute(1, 2, 0).reshape(out_h, blocks * lanes)[:, :out_w]
