"""The torch backend: convolution, transposed convolution and pooling on images.

Arrays in and out are NumPy float32 in image layout, ``(H, W)`` or ``(H, W, C)``.
Semantics are exactly ``torch.nn.functional``'s: cross-correlation (no kernel
flip), a 2-D kernel applied to every channel on its own (depthwise), torch's
padding modes and output-size formulas. Invalid parameters raise
:class:`ParamError` (a ``ValueError``) whose message says what is wrong and what
is allowed.
"""
from __future__ import annotations

import warnings
from typing import Callable, Sequence, Union

import numpy as np
import torch
import torch.nn.functional as F

from explorer.i18n import LocalizedError, t
from explorer.kernels import validate_kernel

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
PADDING_WORDS = ("same", "valid")
POOL_MODES = ("max", "avg")
DEVICE_NAMES = ("cuda", "mps", "cpu")

Padding = Union[int, Sequence[int], str]


class ParamError(LocalizedError):
    """An invalid operation parameter; the message names the allowed values."""


class DeviceFallbackWarning(RuntimeWarning):
    """The GPU ran out of memory and the computation was redone on the CPU."""


# ---------------------------------------------------------------- parameters

def _pair(value, name: str, minimum: int) -> tuple[int, int]:
    """``3`` -> ``(3, 3)``; ``(2, 3)`` stays; anything else raises ParamError."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        pair = (int(value), int(value))
    elif (isinstance(value, (tuple, list)) and len(value) == 2
          and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in value)):
        pair = (int(value[0]), int(value[1]))
    else:
        raise ParamError("err.param_type", name=name, value=repr(value), minimum=minimum)
    if min(pair) < minimum:
        raise ParamError("err.param_min", name=name, value=repr(value), minimum=minimum)
    return pair


def resolve_padding(padding: Padding, kernel_shape: tuple[int, int], *,
                    stride=1, dilation=1) -> tuple[int, int, int, int]:
    """Turn a padding argument into explicit ``(top, bottom, left, right)`` amounts.

    ``"same"`` follows torch: the total ``dilation·(k−1)`` is split with the
    smaller half first, so even kernels get one more row/column at the
    bottom/right. It is allowed only with stride 1, as in torch.

    Example:
        >>> resolve_padding("same", (4, 3))
        (1, 2, 1, 1)
    """
    sh, sw = _pair(stride, "stride", 1)
    dh, dw = _pair(dilation, "dilation", 1)
    if isinstance(padding, str):
        if padding == "valid":
            return (0, 0, 0, 0)
        if padding != "same":
            raise ParamError("err.padding_word", value=repr(padding))
        if (sh, sw) != (1, 1):
            raise ParamError("err.same_stride", stride=max(sh, sw))
        total_h = dh * (kernel_shape[0] - 1)
        total_w = dw * (kernel_shape[1] - 1)
        return (total_h // 2, total_h - total_h // 2, total_w // 2, total_w - total_w // 2)
    ph, pw = _pair(padding, "padding", 0)
    return (ph, ph, pw, pw)


def output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0,
                dilation: int = 1, ceil_mode: bool = False) -> int:
    """Output length along one axis, torch's formula (conv and pooling).

    ``⌊(n + 2p − d·(k−1) − 1)/s⌋ + 1``; with ``ceil_mode`` the ceiling, minus
    one when the last window would start inside the right padding only.

    Example:
        >>> output_size(1080, 3, padding=1)
        1080
    """
    return _output_len(n, kernel_size, stride, 2 * padding, dilation, ceil_mode, padding)


def _output_len(n: int, k: int, s: int, pad_total: int, d: int = 1,
                ceil_mode: bool = False, pad_before: int = 0) -> int:
    span = n + pad_total - d * (k - 1) - 1
    if span < 0:
        return 0
    if not ceil_mode:
        return span // s + 1
    out = -(-span // s) + 1
    if (out - 1) * s >= n + pad_before:
        out -= 1
    return out


def transposed_output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0,
                           output_padding: int = 0, dilation: int = 1) -> int:
    """Output length of a transposed convolution: ``(n−1)·s − 2p + d·(k−1) + op + 1``.

    Example:
        >>> transposed_output_size(4, 3, stride=2, padding=1, output_padding=1)
        8
    """
    return (n - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1


def output_size_formula(n: int, kernel_size: int, stride: int = 1,
                        pad_before: int = 0, pad_after: int = 0, dilation: int = 1) -> str:
    """The output-size formula with the numbers substituted, for display.

    Example:
        >>> output_size_formula(1080, 3, pad_before=1, pad_after=1)
        '⌊(1080 + 2·1 − 3)/1⌋ + 1 = 1080'
    """
    if pad_before == pad_after:
        pad = f" + 2·{pad_before}"
    else:
        pad = f" + {pad_before} + {pad_after}"
    if dilation == 1:
        span = f"{n}{pad} − {kernel_size}"
    else:
        span = f"{n}{pad} − {dilation}·({kernel_size} − 1) − 1"
    out = _output_len(n, kernel_size, stride, pad_before + pad_after, dilation)
    return f"⌊({span})/{stride}⌋ + 1 = {out}"


# ---------------------------------------------------------------- devices

def pick_device(prefer: str | None = None) -> torch.device:
    """The device computations run on: ``prefer`` if available, else CUDA, MPS, CPU.

    Example:
        >>> pick_device("cpu")
        device(type='cpu')
    """
    if prefer is not None and prefer not in DEVICE_NAMES:
        raise ParamError("err.device", value=repr(prefer), allowed=", ".join(DEVICE_NAMES))
    available = {
        "cuda": torch.cuda.is_available(),
        "mps": getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available(),
        "cpu": True,
    }
    order = ([prefer] if prefer else []) + list(DEVICE_NAMES)
    return torch.device(next(name for name in order if available[name]))


def device_label(device: torch.device) -> str:
    """A short human description: the GPU's name, ``Apple MPS`` or ``CPU (n threads)``."""
    if device.type == "cuda":
        return f"CUDA · {torch.cuda.get_device_name(device)}"
    if device.type == "mps":
        return "Apple MPS"
    return f"CPU · {torch.get_num_threads()} threads"


def run_with_fallback(compute: Callable[[torch.device], np.ndarray],
                      device: torch.device) -> np.ndarray:
    """Run ``compute(device)``; if a GPU runs out of memory, warn and redo it on the CPU."""
    try:
        return compute(device)
    except torch.OutOfMemoryError:
        if device.type == "cpu":
            raise
        if device.type == "cuda":
            torch.cuda.empty_cache()
        warnings.warn(t("warn.gpu_oom", "en"), DeviceFallbackWarning, stacklevel=2)
        return compute(torch.device("cpu"))


# ---------------------------------------------------------------- tensors

def _check_image(image) -> np.ndarray:
    arr = np.asarray(image, dtype=np.float32)
    if arr.ndim not in (2, 3) or arr.shape[0] < 1 or arr.shape[1] < 1 or (arr.ndim == 3 and arr.shape[2] < 1):
        raise ParamError("err.image_shape", shape=str(tuple(arr.shape)))
    return arr


def _to_nchw(arr: np.ndarray, device: torch.device) -> torch.Tensor:
    planes = arr[None, None] if arr.ndim == 2 else np.moveaxis(arr, 2, 0)[None]
    x = torch.from_numpy(np.ascontiguousarray(planes)).to(device)
    # channels-last lets the depthwise kernels walk memory in order (see DESIGN.md)
    return x.contiguous(memory_format=torch.channels_last) if x.shape[1] > 1 else x


def _to_image(y: torch.Tensor, ndim: int) -> np.ndarray:
    out = y[0].detach().to("cpu", torch.float32).numpy()
    return np.ascontiguousarray(out[0] if ndim == 2 else np.moveaxis(out, 0, 2))


def _check_padding_mode(mode: str, pads: tuple[int, int, int, int], h: int, w: int) -> None:
    if mode not in PADDING_MODES:
        raise ParamError("err.padding_mode", value=repr(mode), allowed=", ".join(PADDING_MODES))
    top, bottom, left, right = pads
    if mode == "reflect" and (max(top, bottom) >= h or max(left, right) >= w):
        raise ParamError("err.reflect_wide", pad=max(pads), h=h, w=w)
    if mode == "circular" and (max(top, bottom) > h or max(left, right) > w):
        raise ParamError("err.circular_wide", pad=max(pads), h=h, w=w)


def _pad(x: torch.Tensor, pads: tuple[int, int, int, int], mode: str) -> torch.Tensor:
    top, bottom, left, right = pads
    if not any(pads):
        return x
    torch_mode = "constant" if mode == "zeros" else mode
    return F.pad(x, (left, right, top, bottom), mode=torch_mode)


# ---------------------------------------------------------------- operations

def conv2d(image, kernel, *, stride=1, padding: Padding = 0, padding_mode: str = "zeros",
           dilation=1, device: torch.device | str | None = None) -> np.ndarray:
    """Cross-correlate every channel of ``image`` with the same 2-D ``kernel``.

    Args:
        image: ``(H, W)`` or ``(H, W, C)`` float array.
        kernel: ``(kh, kw)`` finite float array.
        stride, dilation: int or ``(h, w)``, at least 1.
        padding: int or ``(ph, pw)`` (≥ 0), ``"same"`` (stride 1 only) or ``"valid"``.
        padding_mode: one of :data:`PADDING_MODES`.
        device: torch device or name; ``None`` means :func:`pick_device`.

    Returns:
        ``(H', W')`` or ``(H', W', C)`` float32, with ``H'`` from :func:`output_size`.

    Example:
        >>> conv2d(np.ones((4, 4)), np.ones((3, 3)), padding=1)[0, 0]
        4.0
    """
    arr = _check_image(image)
    k = validate_kernel(kernel)
    sh, sw = _pair(stride, "stride", 1)
    dh, dw = _pair(dilation, "dilation", 1)
    pads = resolve_padding(padding, k.shape, stride=(sh, sw), dilation=(dh, dw))
    h, w = arr.shape[:2]
    _check_padding_mode(padding_mode, pads, h, w)
    _check_window_fits(h + pads[0] + pads[1], w + pads[2] + pads[3],
                       dh * (k.shape[0] - 1) + 1, dw * (k.shape[1] - 1) + 1)
    channels = 1 if arr.ndim == 2 else arr.shape[2]

    def compute(dev: torch.device) -> np.ndarray:
        x = _pad(_to_nchw(arr, dev), pads, padding_mode)
        weight = torch.from_numpy(k).to(dev).expand(channels, 1, *k.shape).contiguous()
        y = F.conv2d(x, weight, stride=(sh, sw), dilation=(dh, dw), groups=channels)
        return _to_image(y, arr.ndim)

    return run_with_fallback(compute, _device(device))


def conv_transpose2d(image, kernel, *, stride=1, padding=0, output_padding=0, dilation=1,
                     device: torch.device | str | None = None) -> np.ndarray:
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
    arr = _check_image(image)
    k = validate_kernel(kernel)
    sh, sw = _pair(stride, "stride", 1)
    dh, dw = _pair(dilation, "dilation", 1)
    ph, pw = _pair(padding, "padding", 0)
    oph, opw = _pair(output_padding, "output_padding", 0)
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
        x = _to_nchw(arr, dev)
        weight = torch.from_numpy(k).to(dev).expand(channels, 1, *k.shape).contiguous()
        y = F.conv_transpose2d(x, weight, stride=(sh, sw), padding=(ph, pw),
                               output_padding=(oph, opw), dilation=(dh, dw), groups=channels)
        return _to_image(y, arr.ndim)

    return run_with_fallback(compute, _device(device))


def pool2d(image, mode: str, kernel_size, *, stride=None, padding=0, ceil_mode: bool = False,
           device: torch.device | str | None = None) -> np.ndarray:
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
    arr = _check_image(image)
    kh, kw = _pair(kernel_size, "kernel_size", 1)
    sh, sw = _pair(kernel_size if stride is None else stride, "stride", 1)
    ph, pw = _pair(padding, "padding", 0)
    if ph > kh // 2 or pw > kw // 2:
        raise ParamError("err.pool_padding", padding=max(ph, pw), kh=kh, kw=kw)
    h, w = arr.shape[:2]
    _check_window_fits(h + 2 * ph, w + 2 * pw, kh, kw)

    def compute(dev: torch.device) -> np.ndarray:
        x = _to_nchw(arr, dev)
        args = dict(kernel_size=(kh, kw), stride=(sh, sw), padding=(ph, pw), ceil_mode=bool(ceil_mode))
        y = F.max_pool2d(x, **args) if mode == "max" else F.avg_pool2d(x, **args)
        return _to_image(y, arr.ndim)

    return run_with_fallback(compute, _device(device))


def apply_kernels(image, kernels: Sequence[np.ndarray], combine: str | None = None, **conv_args) -> np.ndarray:
    """Apply one kernel, or combine several: ``"magnitude"`` is √(Σ conv2d(image, kᵢ)²).

    Args:
        image: as :func:`conv2d`. kernels: one or more ``(kh, kw)`` kernels of one shape.
        combine: ``None`` (exactly one kernel) or ``"magnitude"``.
        **conv_args: passed to :func:`conv2d` (stride, padding, padding_mode, dilation, device).

    Example:
        >>> sobel = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
        >>> apply_kernels(np.eye(5), [sobel, sobel.T], "magnitude").shape
        (3, 3)
    """
    if combine is None:
        if len(kernels) != 1:
            raise ParamError("err.combine_count", count=len(kernels))
        return conv2d(image, kernels[0], **conv_args)
    if combine != "magnitude":
        raise ParamError("err.combine_mode", value=repr(combine), allowed="None, 'magnitude'")
    total = None
    for k in kernels:
        part = conv2d(image, k, **conv_args)
        total = part * part if total is None else total + part * part
    return np.sqrt(total)


def _check_window_fits(padded_h: int, padded_w: int, window_h: int, window_w: int) -> None:
    if window_h > padded_h or window_w > padded_w:
        raise ParamError("err.kernel_too_big", kh=window_h, kw=window_w, h=padded_h, w=padded_w)


def _device(device: torch.device | str | None) -> torch.device:
    if device is None:
        return pick_device()
    return torch.device(device)


def conv_output_shape(shape: tuple[int, ...], kernel_shape: tuple[int, int], *, stride=1,
                      padding: Padding = 0, dilation=1) -> tuple[int, int]:
    """``(H', W')`` that :func:`conv2d` returns for an image of ``shape``, without computing it."""
    sh, sw = _pair(stride, "stride", 1)
    dh, dw = _pair(dilation, "dilation", 1)
    top, bottom, left, right = resolve_padding(padding, kernel_shape, stride=(sh, sw), dilation=(dh, dw))
    return (_output_len(shape[0], kernel_shape[0], sh, top + bottom, dh),
            _output_len(shape[1], kernel_shape[1], sw, left + right, dw))


__all__ = [
    "PADDING_MODES", "PADDING_WORDS", "POOL_MODES", "ParamError", "DeviceFallbackWarning",
    "conv2d", "conv_transpose2d", "apply_kernels", "pool2d", "output_size", "transposed_output_size",
    "output_size_formula", "resolve_padding", "pick_device", "device_label", "run_with_fallback",
    "conv_output_shape",
]
