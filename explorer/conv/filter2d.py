"""OpenCV's ``filter2D`` as one of the engine's paths: small kernels at stride 1 on the CPU.

For a 3×3 kernel OpenCV's hand-vectorised 2-D filter reads each pixel once and
writes each output once, where oneDNN's depthwise kernel and the lanes do more
work per output (``docs/performance.md``, "after OpenCV's filter2D took 3×3"). The
dispatcher sends it kernels of at most ``Crossovers.opencv_max_taps`` taps at
stride 1 and dilation 1 on the CPU, from ``Crossovers.opencv_min_pixels``. Forced, it takes any call: the dilation as
zeros between the taps, the stride as every s-th output, pads beyond what the
kernel's anchor covers as zero rows and columns added first; on a GPU its input
makes a round trip to the CPU. Large outputs go to a recycled buffer
(:func:`explorer.conv.buffers.empty`), which saves the page faults of a fresh one.
"""
from __future__ import annotations

import cv2
import numpy as np
import torch

from explorer.conv import buffers
from explorer.geometry import Pads
from explorer.kernels import dilate


def filter2d_correlate(x: torch.Tensor, kernel: np.ndarray, pads: Pads, stride: tuple[int, int],
                       dilation: tuple[int, int]) -> torch.Tensor:
    """Zero-padded cross-correlation of every channel of the ``(1, C, H, W)`` tensor ``x`` with ``kernel`` by
    ``cv2.filter2D``; a channels-last ``(1, C, H', W')`` tensor on ``x``'s device.

    Example:
        >>> y = filter2d_correlate(torch.ones(1, 1, 4, 4), np.ones((3, 3)), (1, 1, 1, 1), (1, 1), (1, 1))
        >>> y[0, 0, 0].tolist()
        [4.0, 6.0, 6.0, 4.0]
    """
    spread = dilate(kernel, dilation, hole=0).astype(np.float32)
    kh, kw = spread.shape
    top, bottom, left, right = pads
    image = x[0].detach().cpu().permute(1, 2, 0).numpy()          # the (H, W, C) memory: a view if channels-last
    image = np.ascontiguousarray(image[..., 0] if image.shape[2] == 1 else image)
    # filter2D anchors the kernel at (left, top), which must lie inside it, and keeps the input's size: pads
    # beyond that are zero rows and columns added to the input first
    more_top, more_left = max(top - (kh - 1), 0), max(left - (kw - 1), 0)
    top, left = top - more_top, left - more_left
    more_bottom, more_right = max(top + bottom - (kh - 1), 0), max(left + right - (kw - 1), 0)
    bottom, right = bottom - more_bottom, right - more_right
    if more_top or more_bottom or more_left or more_right:
        image = cv2.copyMakeBorder(image, more_top, more_bottom, more_left, more_right, cv2.BORDER_CONSTANT,
                                   value=0)
    dst = buffers.empty(image.shape) if image.nbytes >= buffers.MIN_BYTES else None
    dst = cv2.filter2D(image, -1, spread, dst=dst, anchor=(left, top), borderType=cv2.BORDER_CONSTANT)
    out_h, out_w = image.shape[0] + top + bottom - kh + 1, image.shape[1] + left + right - kw + 1
    out = dst[:out_h:stride[0], :out_w:stride[1]]
    y = torch.from_numpy(out[..., None] if out.ndim == 2 else out).permute(2, 0, 1)[None]
    return y.to(x.device)
