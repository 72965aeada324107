"""The torch backend: convolution, transposed convolution and pooling on images.

Arrays in and out are NumPy float32 in image layout, ``(H, W)`` or ``(H, W, C)``.
Semantics are exactly ``torch.nn.functional``'s: cross-correlation (no kernel
flip), a 2-D kernel applied to every channel on its own (depthwise), torch's
padding modes and output-size formulas. Invalid parameters raise
:class:`ParamError` (a ``ValueError``) whose message says what is wrong and what
is allowed.
"""
from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass
from typing import Callable, Sequence, Union

import numpy as np
import torch
import torch.nn.functional as F

from explorer.i18n import LocalizedError, t
from explorer.kernels import validate_kernel

# Cached images are shared between sessions as read-only arrays (explorer.ui); the tensors made from them
# here are only ever read. Set once at import: warnings.catch_warnings() per call is not thread-safe.
warnings.filterwarnings("ignore", r"\s*The given NumPy array is not writable", UserWarning)

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
PADDING_WORDS = ("same", "valid")
POOL_MODES = ("max", "avg")
RESIZE_MODES = ("nearest", "bilinear")
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
        if padding not in PADDING_WORDS:
            raise ParamError("err.padding_word", value=repr(padding))
        if padding == "valid":
            return (0, 0, 0, 0)
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
    if pad_before == pad_after:
        pad = f" + 2·{pad_before}"
    else:
        pad = f" + {pad_before} + {pad_after}"
    if dilation == 1:
        span = f"{n}{pad} − {kernel_size}"
    else:
        span = f"{n}{pad} − {dilation}·({kernel_size} − 1) − 1"
    out = _output_len(n, kernel_size, stride, pad_before + pad_after, dilation, ceil_mode, pad_before)
    if not ceil_mode:
        return f"⌊({span})/{stride}⌋ + 1 = {out}"
    rounded_up = -(-(n + pad_before + pad_after - dilation * (kernel_size - 1) - 1) // stride) + 1
    dropped = f" − 1 = {out}" if rounded_up != out else ""
    return f"⌈({span})/{stride}⌉ + 1 = {rounded_up}{dropped}"


def transposed_output_formula(n: int, kernel_size: int, stride: int = 1, padding: int = 0,
                              output_padding: int = 0, dilation: int = 1) -> str:
    """:func:`transposed_output_size` with the numbers substituted, for display.

    Example:
        >>> transposed_output_formula(4, 3, 2, 1, 1)
        '(4 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 8'
    """
    out = transposed_output_size(n, kernel_size, stride, padding, output_padding, dilation)
    return f"({n} − 1)·{stride} − 2·{padding} + {dilation}·({kernel_size} − 1) + {output_padding} + 1 = {out}"


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


_this_thread = threading.local()


def fallbacks() -> int:
    """How many computations of the calling thread have fallen back from a GPU to the CPU so far.

    A server runs each session in its own thread: comparing the count before
    and after a call tells that session whether its call fell back, without
    ``warnings.catch_warnings`` (which is not thread-safe).
    """
    return getattr(_this_thread, "fallbacks", 0)


def run_with_fallback(compute: Callable[[torch.device], np.ndarray],
                      device: torch.device) -> np.ndarray:
    """Run ``compute(device)``; if a GPU runs out of memory, warn, count it and redo it on the CPU."""
    try:
        return compute(device)
    except torch.OutOfMemoryError:
        if device.type == "cpu":
            raise
        if device.type == "cuda":
            torch.cuda.empty_cache()
        _this_thread.fallbacks = fallbacks() + 1
        warnings.warn(t("warn.gpu_oom", "en"), DeviceFallbackWarning, stacklevel=2)
        return compute(torch.device("cpu"))


# ---------------------------------------------------------------- tensors

def _check_image(image) -> np.ndarray:
    arr = np.asarray(image, dtype=np.float32)
    if arr.ndim not in (2, 3) or arr.shape[0] < 1 or arr.shape[1] < 1 or (arr.ndim == 3 and arr.shape[2] < 1):
        raise ParamError("err.image_shape", shape=str(tuple(arr.shape)))
    arr = np.ascontiguousarray(arr)
    # NumPy calls a reversed view contiguous when its reversed axes have length 1; torch refuses negative strides
    return arr.copy() if min(arr.strides, default=0) < 0 else arr


def _to_nchw(arr: np.ndarray, device: torch.device) -> torch.Tensor:
    """``(H, W, C)`` memory seen as a channels-last ``(1, C, H, W)`` tensor, without a copy on the CPU.

    The batch stride must be the full image size: with the stride NumPy's view
    would give a size-1 batch, torch no longer recognises the tensor as
    channels-last and falls back to a convolution about 9× slower.
    """
    t = torch.from_numpy(arr)
    if arr.ndim == 2:
        x = t.view(1, 1, *arr.shape)
    else:
        h, w, c = arr.shape
        x = t.as_strided((1, c, h, w), (h * w * c, 1, w * c, c))
    if device.type != "cuda":
        return x.to(device)
    # a copy from pageable memory crawls (2.4 GB/s measured on an H100 host); staging
    # through page-locked memory lets the DMA engine run at full speed
    staged = torch.empty_like(x, pin_memory=True).copy_(x)
    return staged.to(device, non_blocking=True)


def _to_image(y: torch.Tensor, ndim: int) -> np.ndarray:
    """``(1, C, H, W)`` -> ``(H, W)`` or ``(H, W, C)``: one copy back from a GPU, none from a channels-last CPU tensor."""
    out = y[0, 0] if ndim == 2 else y[0].permute(1, 2, 0)
    if out.device.type == "cuda":
        host = torch.empty(out.shape, dtype=torch.float32, pin_memory=True)
        host.copy_(out)
        return host.numpy()
    return np.ascontiguousarray(out.detach().numpy())


def _check_padding_mode(mode: str, pads: tuple[int, int, int, int], h: int, w: int) -> None:
    if mode not in PADDING_MODES:
        raise ParamError("err.padding_mode", value=repr(mode), allowed=", ".join(PADDING_MODES))
    top, bottom, left, right = pads
    if mode == "reflect" and (max(top, bottom) >= h or max(left, right) >= w):
        raise ParamError("err.reflect_wide", pad=max(pads), h=h, w=w)
    if mode == "circular" and (max(top, bottom) > h or max(left, right) > w):
        raise ParamError("err.circular_wide", pad=max(pads), h=h, w=w)


# ---------------------------------------------------------------- conv2d strategies
#
# Measured on the 2-core project machine (`python -m explorer.bench --calibrate`,
# torch 2.13 CPU, RGB float32, 2 and 12 MP), see README:
# - direct: oneDNN's depthwise kernel on a channels-last tensor with the zero
#   padding done inside the convolution is at or below OpenCV's filter2D up to
#   17×17; its cost grows with the number of taps.
# - separable: a rank-1 kernel (box, Gaussian, Sobel, …) as a column pass and a
#   row pass, 2k taps instead of k²; it wins from 5×5 at 2 MP and from 9×9 at
#   12 MP (memory traffic of the extra pass), so from 7×7 (49 taps).
# - fft: cost hardly depends on the kernel size; it overtakes direct at about
#   15×15 (2 MP: 169 taps; 12 MP: 225 taps), so from 200 taps per output pixel.
# Padding modes other than zeros never copy the image: the convolution runs with
# zero padding and the thin border strips whose windows reach into the padding
# are recomputed from small padded strips.
# On CUDA cuDNN's direct kernel stays fast for every size measured (up to 31×31),
# so only the separable path is used there besides direct.

CONV_STRATEGIES = ("direct", "separable", "fft")
SEPARABLE_MIN_TAPS = 49
FFT_MIN_TAPS = 200


def separable_factors(kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """``(column, row)`` with ``kernel == outer(column, row)`` if the kernel has rank 1, else ``None``."""
    k = np.asarray(kernel, dtype=np.float64)
    if min(k.shape) == 1:
        return None
    u, sv, vt = np.linalg.svd(k)
    if sv[0] == 0 or sv[1] > 1e-6 * sv[0]:
        return None
    scale = np.sqrt(sv[0])
    return (u[:, 0] * scale).astype(np.float32), (vt[0] * scale).astype(np.float32)


def choose_strategy(kernel: np.ndarray, *, device: torch.device | str = "cpu", stride=1) -> str:
    """Which of :data:`CONV_STRATEGIES` :func:`conv2d` uses for this kernel on this device.

    Example:
        >>> choose_strategy(np.ones((9, 9)))
        'separable'
        >>> choose_strategy(np.random.default_rng(0).normal(size=(31, 31)))
        'fft'
    """
    kh, kw = np.shape(kernel)
    sh, sw = _pair(stride, "stride", 1)
    taps = kh * kw
    if taps >= SEPARABLE_MIN_TAPS and separable_factors(kernel) is not None:
        return "separable"
    if torch.device(device).type == "cpu" and taps / (sh * sw) >= FFT_MIN_TAPS:
        return "fft"
    return "direct"


def _next_fast_len(n: int) -> int:
    """The smallest m ≥ n whose prime factors are 2, 3, 5 and 7 (fast FFT sizes)."""
    m = n
    while True:
        rest = m
        for p in (2, 3, 5, 7):
            while rest % p == 0:
                rest //= p
        if rest == 1:
            return m
        m += 1


def _depthwise(kernel: np.ndarray, channels: int, device: torch.device) -> torch.Tensor:
    # a copy: NumPy calls a flipped 1×1 or 1×n view contiguous, and torch rejects its negative strides
    k = torch.from_numpy(np.array(kernel, dtype=np.float32, copy=True)).to(device)
    return k.expand(channels, 1, *k.shape).contiguous()


def _fft_correlate(x: torch.Tensor, kernel: np.ndarray, padding: tuple[int, int],
                   stride: tuple[int, int], dilation: tuple[int, int]) -> torch.Tensor:
    """Zero-padded cross-correlation through the FFT: a product of spectra instead of k² taps."""
    dh, dw = dilation
    kh, kw = kernel.shape
    dilated = np.zeros((dh * (kh - 1) + 1, dw * (kw - 1) + 1), dtype=np.float32)
    dilated[::dh, ::dw] = kernel
    ph, pw = padding
    h, w = x.shape[2] + 2 * ph, x.shape[3] + 2 * pw
    size = (_next_fast_len(h), _next_fast_len(w))
    flipped = torch.from_numpy(dilated[::-1, ::-1].copy()).to(x.device)
    kernel_spectrum = torch.fft.rfft2(flipped, s=size)
    out_h = (h - dilated.shape[0]) // stride[0] + 1
    out_w = (w - dilated.shape[1]) // stride[1] + 1
    out = torch.empty((1, x.shape[1], out_h, out_w), dtype=x.dtype, device=x.device,
                      memory_format=torch.channels_last)
    # one channel at a time: a third of the spectra in memory (12 MP, 31×31: 2.3 GB -> under 1 GB)
    for c in range(x.shape[1]):
        plane = F.pad(x[:, c:c + 1], (pw, pw, ph, ph))
        spectrum = torch.fft.rfft2(plane, s=size)
        spectrum.mul_(kernel_spectrum)
        full = torch.fft.irfft2(spectrum, s=size)
        del spectrum
        # correlation = convolution with the flipped kernel, read where no circular wrap reached
        valid = full[..., dilated.shape[0] - 1:h, dilated.shape[1] - 1:w]
        out[:, c:c + 1] = valid[..., ::stride[0], ::stride[1]]
    return out


def _zero_padded_conv(x: torch.Tensor, kernel: np.ndarray, strategy: str, pads: tuple[int, int, int, int],
                      stride: tuple[int, int], dilation: tuple[int, int]) -> torch.Tensor:
    """conv2d with zero padding by ``strategy``; asymmetric ('same', even kernel) pads are cropped out."""
    channels = x.shape[1]
    top, bottom, left, right = pads
    ph, pw = max(top, bottom), max(left, right)
    if strategy == "direct":
        y = F.conv2d(x, _depthwise(kernel, channels, x.device), stride=stride, padding=(ph, pw),
                     dilation=dilation, groups=channels)
    elif strategy == "separable":
        column, row = separable_factors(kernel)
        y = F.conv2d(x, _depthwise(column[:, None], channels, x.device), stride=(stride[0], 1),
                     padding=(ph, 0), dilation=(dilation[0], 1), groups=channels)
        y = F.conv2d(y, _depthwise(row[None, :], channels, x.device), stride=(1, stride[1]),
                     padding=(0, pw), dilation=(1, dilation[1]), groups=channels)
    elif strategy == "fft":
        y = _fft_correlate(x, kernel, (ph, pw), stride, dilation)
    else:
        raise ParamError("err.strategy", value=repr(strategy), allowed=", ".join(CONV_STRATEGIES))
    if (top, left) != (ph, pw):
        # 'same' is the only asymmetric padding and it implies stride 1
        out_h = _output_len(x.shape[2], kernel.shape[0], 1, top + bottom, dilation[0])
        out_w = _output_len(x.shape[3], kernel.shape[1], 1, left + right, dilation[1])
        y = y[..., ph - top:ph - top + out_h, pw - left:pw - left + out_w]
    return y


def _source_indices(n: int, before: int, after: int, mode: str) -> np.ndarray:
    """For each padded position, the real row/column it copies (vectorised ``reference.source_index``)."""
    i = np.arange(-before, n + after)
    if mode == "replicate":
        return np.clip(i, 0, n - 1)
    if mode == "circular":
        return i % n
    period = 2 * (n - 1)   # reflect
    i = np.abs(i) % period if period else np.zeros_like(i)
    return np.where(i < n, i, period - i)


def _patch_borders(y: torch.Tensor, x: torch.Tensor, kernel: np.ndarray, pads: tuple[int, int, int, int],
                   mode: str, stride: tuple[int, int], dilation: tuple[int, int]) -> None:
    """Recompute, in place, the output rows and columns whose windows read padding.

    ``y`` was computed with zero padding; only windows overlapping the border
    differ under reflect, replicate or circular padding, and those form four
    thin strips.
    """
    top, bottom, left, right = pads
    (sh, sw), (dh, dw) = stride, dilation
    h, w = x.shape[2:]
    out_h, out_w = y.shape[2:]
    span_h, span_w = dh * (kernel.shape[0] - 1), dw * (kernel.shape[1] - 1)
    rows_src = torch.from_numpy(_source_indices(h, top, bottom, mode)).to(x.device)
    cols_src = torch.from_numpy(_source_indices(w, left, right, mode)).to(x.device)
    # output rows [r0, r1) read only real rows; likewise columns [c0, c1)
    r0 = min(out_h, -(-top // sh))
    r1 = max(r0, min(out_h, (top + h - 1 - span_h) // sh + 1))
    c0 = min(out_w, -(-left // sw))
    c1 = max(c0, min(out_w, (left + w - 1 - span_w) // sw + 1))
    weight = _depthwise(kernel, x.shape[1], x.device)
    for (ra, rb), (ca, cb) in (((0, r0), (0, out_w)), ((r1, out_h), (0, out_w)),
                               ((r0, r1), (0, c0)), ((r0, r1), (c1, out_w))):
        if ra >= rb or ca >= cb:
            continue
        rows = rows_src[ra * sh:(rb - 1) * sh + span_h + 1]
        cols = cols_src[ca * sw:(cb - 1) * sw + span_w + 1]
        strip = x.index_select(2, rows).index_select(3, cols)
        y[:, :, ra:rb, ca:cb] = F.conv2d(strip, weight, stride=stride, dilation=dilation, groups=x.shape[1])


# ---------------------------------------------------------------- operations

@dataclass(frozen=True)
class _ConvPlan:
    """One validated conv2d call: everything but the pixels."""
    kernel: np.ndarray
    strategy: str
    pads: tuple[int, int, int, int]
    stride: tuple[int, int]
    dilation: tuple[int, int]
    padding_mode: str

    def run(self, x: torch.Tensor) -> torch.Tensor:
        y = _zero_padded_conv(x, self.kernel, self.strategy, self.pads, self.stride, self.dilation)
        if self.padding_mode != "zeros" and any(self.pads):
            _patch_borders(y, x, self.kernel, self.pads, self.padding_mode, self.stride, self.dilation)
        return y


def _plan(shape: tuple[int, ...], kernel, stride, padding, padding_mode, dilation,
          device: torch.device, strategy: str | None) -> _ConvPlan:
    k = validate_kernel(kernel)
    sh, sw = _pair(stride, "stride", 1)
    dh, dw = _pair(dilation, "dilation", 1)
    pads = resolve_padding(padding, k.shape, stride=(sh, sw), dilation=(dh, dw))
    h, w = shape[:2]
    _check_padding_mode(padding_mode, pads, h, w)
    _check_window_fits(h + pads[0] + pads[1], w + pads[2] + pads[3],
                       dh * (k.shape[0] - 1) + 1, dw * (k.shape[1] - 1) + 1)
    if strategy is None:
        strategy = choose_strategy(k, device=device, stride=(sh, sw))
    elif strategy not in CONV_STRATEGIES or (strategy == "separable" and separable_factors(k) is None):
        raise ParamError("err.strategy", value=repr(strategy), allowed=", ".join(CONV_STRATEGIES))
    return _ConvPlan(k, strategy, pads, (sh, sw), (dh, dw), padding_mode)


def conv2d(image, kernel, *, stride=1, padding: Padding = 0, padding_mode: str = "zeros",
           dilation=1, device: torch.device | str | None = None, strategy: str | None = None) -> np.ndarray:
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


def apply_kernels(image, kernels: Sequence[np.ndarray], combine: str | None = None, *, stride=1,
                  padding: Padding = 0, padding_mode: str = "zeros", dilation=1,
                  device: torch.device | str | None = None, strategy: str | None = None) -> np.ndarray:
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
    arr = _check_image(image)
    dev = _device(device)
    plans = [_plan(arr.shape, k, stride, padding, padding_mode, dilation, dev, strategy) for k in kernels]
    if len({p.kernel.shape for p in plans}) != 1:
        raise ParamError("err.combine_shapes", shapes=", ".join(str(p.kernel.shape) for p in plans))

    def compute(dev: torch.device) -> np.ndarray:
        with torch.inference_mode(), _exact_cuda():
            x = _to_nchw(arr, dev)
            if combine is None:
                return _to_image(plans[0].run(x), arr.ndim)
            total = None
            for plan in plans:
                y = plan.run(x)
                total = y.square() if total is None else total.add_(y.square())
            return _to_image(total.sqrt_(), arr.ndim)

    return run_with_fallback(compute, dev)


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
        with torch.inference_mode(), _exact_cuda():
            y = F.conv_transpose2d(_to_nchw(arr, dev), _depthwise(k, channels, dev), stride=(sh, sw),
                                   padding=(ph, pw), output_padding=(oph, opw), dilation=(dh, dw),
                                   groups=channels)
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
        with torch.inference_mode():
            x = _to_nchw(arr, dev)
            args = dict(kernel_size=(kh, kw), stride=(sh, sw), padding=(ph, pw), ceil_mode=bool(ceil_mode))
            y = F.max_pool2d(x, **args) if mode == "max" else F.avg_pool2d(x, **args)
            return _to_image(y, arr.ndim)

    return run_with_fallback(compute, _device(device))


def resize(image, factor: int, mode: str = "bilinear", *, device: torch.device | str | None = None) -> np.ndarray:
    """Plain enlargement by an integer ``factor``, as ``F.interpolate`` (``align_corners=False``).

    Example:
        >>> resize(np.eye(2), 2, "nearest").tolist()[0]
        [1.0, 1.0, 0.0, 0.0]
    """
    if mode not in RESIZE_MODES:
        raise ParamError("err.resize_mode", value=repr(mode), allowed=", ".join(RESIZE_MODES))
    arr = _check_image(image)
    factor = _pair(factor, "factor", 1)[0]

    def compute(dev: torch.device) -> np.ndarray:
        with torch.inference_mode():
            x = _to_nchw(arr, dev)
            extra = {"align_corners": False} if mode == "bilinear" else {}
            size = (arr.shape[0] * factor, arr.shape[1] * factor)
            return _to_image(F.interpolate(x, size=size, mode=mode, **extra), arr.ndim)

    return run_with_fallback(compute, _device(device))


def _check_window_fits(padded_h: int, padded_w: int, window_h: int, window_w: int) -> None:
    if window_h > padded_h or window_w > padded_w:
        raise ParamError("err.kernel_too_big", kh=window_h, kw=window_w, h=padded_h, w=padded_w)


def _exact_cuda():
    """cuDNN may use TF32 (10-bit mantissa) for float32 convolutions; the app shows exact numbers."""
    return torch.backends.cudnn.flags(enabled=True, benchmark=False, deterministic=False, allow_tf32=False)


def _device(device: torch.device | str | None) -> torch.device:
    if device is None:
        return pick_device()
    return torch.device(device)


__all__ = [
    "PADDING_MODES", "PADDING_WORDS", "POOL_MODES", "CONV_STRATEGIES", "ParamError", "DeviceFallbackWarning",
    "RESIZE_MODES", "conv2d", "conv_transpose2d", "pool2d", "resize", "apply_kernels", "choose_strategy", "separable_factors",
    "output_size", "transposed_output_size", "output_size_formula", "transposed_output_formula", "resolve_padding",
    "pick_device", "device_label", "run_with_fallback", "fallbacks",
]
