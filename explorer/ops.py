"""The torch backend: convolution, transposed convolution and pooling on images.

Arrays in and out are NumPy float32 in image layout, ``(H, W)`` or ``(H, W, C)``.
Semantics are exactly ``torch.nn.functional``'s: cross-correlation (no kernel
flip), a 2-D kernel applied to every channel on its own (depthwise), torch's
padding modes and output-size formulas. Invalid parameters raise
:class:`ParamError` (a ``ValueError``) whose message says what is wrong and what
is allowed. The geometry lives in :mod:`explorer.geometry`, the device choice in
:mod:`explorer.device`, the fast paths in :mod:`explorer.conv.strategies`; this
module is the public face of all three.
"""
from __future__ import annotations

import warnings
from typing import Sequence

import numpy as np
import torch
import torch.nn.functional as F
from numpy.typing import ArrayLike

from explorer.conv import calibration, strategies
from explorer.conv.strategies import CONV_STRATEGIES, ConvPlan, depthwise, separable_factors
from explorer.conv.views import check_image, to_image, to_nchw
from explorer.device import (
    DEVICE_NAMES,
    DeviceFallbackWarning,
    DeviceImages,
    device_label,
    exact_cuda,
    fallbacks,
    keep_images,
    kept_images,
    pick_device,
    resolve,
    run_with_fallback,
)
from explorer.geometry import (
    PADDING_WORDS,
    Device,
    IntPair,
    Padding,
    ParamError,
    check_window_fits,
    output_size,
    output_size_formula,
    pair,
    resolve_padding,
    transposed_output_formula,
    transposed_output_size,
)
from explorer.kernels import validate_kernel

# Cached images are shared between sessions as read-only arrays (explorer.ui); the tensors made from them
# here are only ever read. Set once at import: warnings.catch_warnings() per call is not thread-safe.
warnings.filterwarnings("ignore", r"\s*The given NumPy array is not writable", UserWarning)

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
POOL_MODES = ("max", "avg")
RESIZE_MODES = ("nearest", "bilinear")


def _check_padding_mode(mode: str, pads: tuple[int, int, int, int], h: int, w: int) -> None:
    if mode not in PADDING_MODES:
        raise ParamError("err.padding_mode", value=repr(mode), allowed=", ".join(PADDING_MODES))
    top, bottom, left, right = pads
    if mode == "reflect" and (max(top, bottom) >= h or max(left, right) >= w):
        raise ParamError("err.reflect_wide", pad=max(pads), h=h, w=w)
    if mode == "circular" and (max(top, bottom) > h or max(left, right) > w):
        raise ParamError("err.circular_wide", pad=max(pads), h=h, w=w)


# ---------------------------------------------------------------- operations

def _plan(shape: tuple[int, ...], kernel: ArrayLike, stride: IntPair, padding: Padding, padding_mode: str,
          dilation: IntPair, device: torch.device, strategy: str | None) -> ConvPlan:
    if strategy is None and device.type == "cpu":
        calibration.ensure()                   # this machine's crossovers: read once per process, never measured
    k = validate_kernel(kernel)
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    pads = resolve_padding(padding, k.shape, stride=(sh, sw), dilation=(dh, dw))
    h, w = shape[:2]
    _check_padding_mode(padding_mode, pads, h, w)
    check_window_fits(h + pads[0] + pads[1], w + pads[2] + pads[3],
                      dh * (k.shape[0] - 1) + 1, dw * (k.shape[1] - 1) + 1)
    return ConvPlan(k, pads, (sh, sw), (dh, dw), padding_mode, device, strategy, shape[2] if len(shape) == 3 else 1,
                    pixels=shape[0] * shape[1])


def choose_strategy(kernel: ArrayLike, *, device: Device = "cpu", stride: IntPair = 1, channels: int = 3,
                    pixels: int = 0) -> str:
    """Which of :data:`CONV_STRATEGIES` :func:`conv2d` uses for this kernel, device and number of channels
    (1: grey) on an image of ``pixels`` (H·W; from 1 MP a small kernel may take the compiled loop), with the
    crossovers measured on this machine (:mod:`explorer.conv.calibration`).

    Example:
        >>> choose_strategy(np.ones((3, 3)), channels=1), choose_strategy(np.ones((3, 3)), pixels=12_000_000)
        ('lanes', 'opencv')
    """
    if torch.device(device).type == "cpu":
        calibration.ensure()
    return strategies.strategy_for(np.asarray(kernel), device=device, stride=stride, channels=channels,
                                   pixels=pixels)


def conv2d(image: ArrayLike, kernel: ArrayLike, *, stride: IntPair = 1, padding: Padding = 0,
           padding_mode: str = "zeros", dilation: IntPair = 1, device: Device = None,
           strategy: str | None = None) -> np.ndarray:
    """Cross-correlate every channel of ``image`` with the same 2-D ``kernel``.

    Args:
        image: ``(H, W)`` or ``(H, W, C)`` float array.
        kernel: ``(kh, kw)`` finite float array.
        stride, dilation: int or ``(h, w)``, at least 1.
        padding: int or ``(ph, pw)`` (≥ 0), ``"same"`` (stride 1 only) or ``"valid"``.
        padding_mode: one of :data:`PADDING_MODES`.
        device: torch device or name; ``None`` means :func:`pick_device`.
        strategy: force one of :data:`CONV_STRATEGIES`; ``None`` means :func:`choose_strategy`.

    Returns:
        ``(H', W')`` or ``(H', W', C)`` float32, with ``H'`` from :func:`output_size`.

    Example:
        >>> float(conv2d(np.ones((4, 4)), np.ones((3, 3)), padding=1)[0, 0])
        4.0
    """
    return apply_kernels(image, [kernel], None, stride=stride, padding=padding, padding_mode=padding_mode,
                         dilation=dilation, device=device, strategy=strategy)


def apply_kernels(image: ArrayLike, kernels: Sequence[ArrayLike], combine: str | None = None, *,
                  stride: IntPair = 1, padding: Padding = 0, padding_mode: str = "zeros", dilation: IntPair = 1,
                  device: Device = None, strategy: str | None = None) -> np.ndarray:
    """Apply one kernel, or combine several: ``"magnitude"`` is √(Σ conv2d(image, kᵢ)²).

    The image goes to the device once and the result comes back once, however
    many kernels are combined.

    Args:
        image: as :func:`conv2d`. kernels: one or more ``(kh, kw)`` kernels of one shape.
        combine: ``None`` (exactly one kernel) or ``"magnitude"``.
        stride, padding, padding_mode, dilation, device, strategy: as :func:`conv2d`.

    Example:
        >>> sobel = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
        >>> apply_kernels(np.eye(5), [sobel, sobel.T], "magnitude").shape
        (3, 3)
    """
    if combine not in (None, "magnitude"):
        raise ParamError("err.combine_mode", value=repr(combine), allowed="None, 'magnitude'")
    if combine is None and len(kernels) != 1:
        raise ParamError("err.combine_count", count=len(kernels))
    arr = check_image(image)
    dev = resolve(device)
    plans = [_plan(arr.shape, k, stride, padding, padding_mode, dilation, dev, strategy) for k in kernels]
    if len({p.kernel.shape for p in plans}) != 1:
        raise ParamError("err.combine_shapes", shapes=", ".join(str(p.kernel.shape) for p in plans))

    def compute(dev: torch.device) -> np.ndarray:
        with torch.inference_mode(), exact_cuda():
            x = to_nchw(arr, dev)
            if combine is None:
                return to_image(plans[0].run(x), arr.ndim)
            total = None
            for plan in plans:
                y = plan.run(x)
                total = y.square() if total is None else total.add_(y.square())
            return to_image(total.sqrt_(), arr.ndim)

    return run_with_fallback(compute, dev)


def conv_transpose2d(image: ArrayLike, kernel: ArrayLike, *, stride: IntPair = 1, padding: IntPair = 0,
                     output_padding: IntPair = 0, dilation: IntPair = 1, device: Device = None) -> np.ndarray:
    """Transposed convolution of every channel with the same 2-D ``kernel``.

    Each input pixel stamps ``value × kernel`` into the output at ``stride``
    spacing and overlaps add up; ``padding`` then crops the border.

    Args:
        image: ``(H, W)`` or ``(H, W, C)`` float array.
        kernel: ``(kh, kw)`` finite float array.
        stride, dilation: int or pair, ≥ 1. padding: int or pair, ≥ 0.
        output_padding: int or pair, smaller than stride or dilation (as torch).

    Returns:
        float32 array with sides from :func:`transposed_output_size`.

    Example:
        >>> conv_transpose2d(np.ones((2, 2)), np.ones((2, 2)), stride=2).shape
        (4, 4)
    """
    arr = check_image(image)
    k = validate_kernel(kernel)
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    ph, pw = pair(padding, "padding", 0)
    oph, opw = pair(output_padding, "output_padding", 0)
    for op, s, d in ((oph, sh, dh), (opw, sw, dw)):
        if op >= s and op >= d:
            raise ParamError("err.output_padding", value=op, stride=s, dilation=d)
    h, w = arr.shape[:2]
    out_h = transposed_output_size(h, k.shape[0], sh, ph, oph, dh)
    out_w = transposed_output_size(w, k.shape[1], sw, pw, opw, dw)
    if out_h < 1 or out_w < 1:
        raise ParamError("err.transposed_empty", h=out_h, w=out_w, padding=max(ph, pw))
    channels = 1 if arr.ndim == 2 else arr.shape[2]

    def compute(dev: torch.device) -> np.ndarray:
        with torch.inference_mode(), exact_cuda():
            y = F.conv_transpose2d(to_nchw(arr, dev), depthwise(k, channels, dev), stride=(sh, sw),
                                   padding=(ph, pw), output_padding=(oph, opw), dilation=(dh, dw),
                                   groups=channels)
            return to_image(y, arr.ndim)

    return run_with_fallback(compute, resolve(device))


def pool2d(image: ArrayLike, mode: str, kernel_size: IntPair, *, stride: IntPair | None = None,
           padding: IntPair = 0, ceil_mode: bool = False, device: Device = None) -> np.ndarray:
    """Max or average pooling of every channel, as ``F.max_pool2d``/``F.avg_pool2d``.

    Args:
        image: ``(H, W)`` or ``(H, W, C)`` float array.
        mode: ``"max"`` or ``"avg"``; average counts padded zeros like torch.
        kernel_size: int or pair, ≥ 1. stride: ``None`` means ``kernel_size``.
        padding: int or pair, at most half the kernel size (as torch).
        ceil_mode: round the output size up instead of down.

    Returns:
        float32 array with sides from :func:`output_size`.

    Example:
        >>> pool2d(np.arange(16.).reshape(4, 4), "max", 2)
        array([[ 5.,  7.],
               [13., 15.]], dtype=float32)
    """
    if mode not in POOL_MODES:
        raise ParamError("err.pool_mode", value=repr(mode), allowed=", ".join(POOL_MODES))
    arr = check_image(image)
    kh, kw = pair(kernel_size, "kernel_size", 1)
    sh, sw = pair(kernel_size if stride is None else stride, "stride", 1)
    ph, pw = pair(padding, "padding", 0)
    if ph > kh // 2 or pw > kw // 2:
        raise ParamError("err.pool_padding", padding=max(ph, pw), kh=kh, kw=kw)
    h, w = arr.shape[:2]
    check_window_fits(h + 2 * ph, w + 2 * pw, kh, kw, "err.pool_too_big")

    def compute(dev: torch.device) -> np.ndarray:
        with torch.inference_mode():
            x = to_nchw(arr, dev)
            args = dict(kernel_size=(kh, kw), stride=(sh, sw), padding=(ph, pw), ceil_mode=bool(ceil_mode))
            y = F.max_pool2d(x, **args) if mode == "max" else F.avg_pool2d(x, **args)
            return to_image(y, arr.ndim)

    return run_with_fallback(compute, resolve(device))


def resize(image: ArrayLike, factor: int, mode: str = "bilinear", *, device: Device = None) -> np.ndarray:
    """Plain enlargement by an integer ``factor``, as ``F.interpolate`` (``align_corners=False``).

    Example:
        >>> resize(np.eye(2), 2, "nearest").tolist()[0]
        [1.0, 1.0, 0.0, 0.0]
    """
    if mode not in RESIZE_MODES:
        raise ParamError("err.resize_mode", value=repr(mode), allowed=", ".join(RESIZE_MODES))
    arr = check_image(image)
    factor = pair(factor, "factor", 1)[0]

    def compute(dev: torch.device) -> np.ndarray:
        with torch.inference_mode():
            x = to_nchw(arr, dev)
            extra = {"align_corners": False} if mode == "bilinear" else {}
            size = (arr.shape[0] * factor, arr.shape[1] * factor)
            return to_image(F.interpolate(x, size=size, mode=mode, **extra), arr.ndim)

    return run_with_fallback(compute, resolve(device))


__all__ = [
    "PADDING_MODES", "PADDING_WORDS", "POOL_MODES", "RESIZE_MODES", "CONV_STRATEGIES", "DEVICE_NAMES", "ParamError",
    "DeviceFallbackWarning", "conv2d", "conv_transpose2d", "pool2d", "resize", "apply_kernels", "choose_strategy",
    "separable_factors", "output_size", "transposed_output_size", "output_size_formula", "transposed_output_formula",
    "resolve_padding", "pick_device", "device_label", "run_with_fallback", "fallbacks", "to_nchw", "to_image",
    "DeviceImages", "keep_images", "kept_images",
]
