"""The fast paths behind ``ops.conv2d``, and the plan of one call that runs the path the dispatcher chose.

Which path a call takes, and why, is :func:`explorer.conv.dispatch.choose`;
what each path costs, measured, is in ``docs/performance.md``. The paths:

- direct: oneDNN's (or cuDNN's) depthwise kernel on a channels-last tensor,
  the zero padding done inside the convolution; its cost grows with the taps.
- separable: a rank-1 kernel (box, Gaussian, Sobel, …) as a column pass and a
  row pass, 2k taps instead of k², for larger kernels.
- fft: a product of spectra, whose cost hardly depends on the kernel's size.
- lanes (:mod:`explorer.conv.lanes`): neighbouring outputs of a row as the
  channels of one convolution, for a grey image (depthwise has nothing to
  vectorise over in one channel) and, where this machine runs it faster, a
  colour image read as rows of W·C values.
- opencv (:mod:`explorer.conv.filter2d`): OpenCV's ``filter2D``, for the
  smallest kernels, where its hand-vectorised loop beats both.
- stencil (:mod:`explorer.conv.compiled`, opt-in): small kernels at stride 1 as
  one loop torch compiles, used where its own trials found it faster.

Padding modes other than zeros never copy the image: the convolution runs with
zero padding (the stencil: inside windows only) and the thin border strips
whose windows reach into the padding are computed from small padded strips
(:mod:`explorer.conv.borders`). Large outputs go to NumPy-owned, recycled memory
(:mod:`explorer.conv.buffers`). A :class:`ConvPlan` is one validated call: it
finds the kernel's rank-1 factors once (one SVD) and builds each depthwise
weight tensor once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from time import perf_counter as _now  # the clock of the compiled loop's trials (a fake one in tests)

import numpy as np
import torch
import torch.nn.functional as F

from explorer.conv import borders, buffers, dispatch
from explorer.conv.compiled import stencil
from explorer.conv.dispatch import Crossovers
from explorer.conv.filter2d import filter2d_correlate
from explorer.conv.lanes import LANE_LAYOUTS, lanes_correlate
from explorer.geometry import Pads, ParamError, output_len, pair, resolve_padding
from explorer.kernels import dilate

CONV_STRATEGIES = ("direct", "separable", "fft", "lanes", "opencv", "stencil")


def crossovers() -> Crossovers:
    """The crossovers in use in this process (:data:`explorer.conv.dispatch.IN_FORCE`)."""
    return dispatch.IN_FORCE.crossovers


def use_crossovers(chosen: Crossovers) -> None:
    """Use ``chosen`` from now on in this process (:mod:`explorer.conv.calibration` sets them)."""
    dispatch.IN_FORCE.crossovers = chosen

Factors = tuple[np.ndarray, np.ndarray]


def separable_factors(kernel: np.ndarray) -> Factors | None:
    """``(column, row)`` with ``kernel == outer(column, row)`` if the kernel has rank 1, else ``None``.

    Example:
        >>> column, row = separable_factors(np.outer([1, 2, 1], [1, 0, -1]))
        >>> np.allclose(np.outer(column, row), np.outer([1, 2, 1], [1, 0, -1]))
        True
    """
    k = np.asarray(kernel, dtype=np.float64)
    if min(k.shape) == 1:
        return None
    u, sv, vt = np.linalg.svd(k)
    if sv[0] == 0 or sv[1] > 1e-6 * sv[0]:
        return None
    scale = np.sqrt(sv[0])
    return (u[:, 0] * scale).astype(np.float32), (vt[0] * scale).astype(np.float32)


def _factors_if_used(kernel: np.ndarray, device: torch.device) -> Factors | None:
    """The kernel's rank-1 factors where the dispatcher's choice depends on them (one SVD), else None."""
    at = dispatch.IN_FORCE.crossovers
    return separable_factors(kernel) if dispatch.needs_rank(kernel.shape, device.type, at) else None


def _chosen(shape: tuple[int, int], factors: Factors | None, device: torch.device, stride: tuple[int, int],
            channels: int, dilation: tuple[int, int] = (1, 1), pixels: int = 0) -> str:
    return dispatch.choose(dispatch.Call(shape, channels, stride, device.type, factors is not None, dilation, pixels),
                           dispatch.IN_FORCE.crossovers).strategy


def strategy_for(kernel: np.ndarray, *, device: torch.device | str = "cpu", stride=1, channels: int = 3,
                 pixels: int = 0) -> str:
    """Which of :data:`CONV_STRATEGIES` ``ops.conv2d`` uses for this kernel on this device and number of
    channels (1: a grey image), for an image of ``pixels`` (H·W) with padding="same": the dispatcher's choice,
    or the compiled loop where it is switched on and was measured faster for this size.

    Example:
        >>> strategy_for(np.ones((9, 9)))
        'separable'
        >>> strategy_for(np.random.default_rng(0).normal(size=(31, 31)))
        'fft'
    """
    kernel, device = np.asarray(kernel), torch.device(device)
    stride = pair(stride, "stride", 1)
    chosen = _chosen(kernel.shape, _factors_if_used(kernel, device), device, stride, channels, pixels=pixels)
    k = _stencil_key(kernel.shape, device, stride, (1, 1), channels, resolve_padding("same", kernel.shape))
    used = k is not None and pixels >= stencil.MIN_PIXELS and stencil.LOOPS.preferred(k, stencil.size_class(pixels))
    return "stencil" if used else chosen


def _stencil_key(shape: tuple[int, int], device: torch.device, stride: tuple[int, int], dilation: tuple[int, int],
                 channels: int, pads: Pads) -> stencil.Key | None:
    """The compiled loop's variant for this call where it applies and this machine's crossovers allow it."""
    at = dispatch.IN_FORCE.for_device(device.type)
    if not (at.compiled and stencil.fits(shape, stride, dilation, device)):
        return None
    return stencil.key(shape, channels, pads)


def next_fast_len(n: int) -> int:
    """The smallest m ≥ n whose prime factors are 2, 3, 5 and 7 (fast FFT sizes).

    Example:
        >>> next_fast_len(1081)
        1120
    """
    m = n
    while True:
        rest = m
        for p in (2, 3, 5, 7):
            while rest % p == 0:
                rest //= p
        if rest == 1:
            return m
        m += 1


def depthwise(kernel: np.ndarray, channels: int, device: torch.device) -> torch.Tensor:
    """``kernel`` as a ``(channels, 1, kh, kw)`` weight: the same kernel for every channel."""
    # a copy: NumPy calls a flipped 1×1 or 1×n view contiguous, and torch rejects its negative strides
    k = torch.from_numpy(np.array(kernel, dtype=np.float32, copy=True)).to(device)
    return k.expand(channels, 1, *k.shape).contiguous()


def fft_correlate(x: torch.Tensor, kernel: np.ndarray, padding: tuple[int, int],
                  stride: tuple[int, int], dilation: tuple[int, int]) -> torch.Tensor:
    """Zero-padded cross-correlation through the FFT: a product of spectra instead of k² taps."""
    dilated = dilate(kernel, dilation, hole=0).astype(np.float32)
    ph, pw = padding
    h, w = x.shape[2] + 2 * ph, x.shape[3] + 2 * pw
    size = (next_fast_len(h), next_fast_len(w))
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


@dataclass
class ConvPlan:
    """One validated conv2d call: everything but the pixels."""
    kernel: np.ndarray
    pads: Pads
    stride: tuple[int, int]
    dilation: tuple[int, int]
    padding_mode: str
    device: torch.device
    strategy: str | None = None       # None: chosen from the kernel, the device and the channels
    channels: int = 3
    factors: Factors | None = None
    lanes_layout: tuple[int, int] | None = None   # None: this machine's (Crossovers.grey_lanes)
    without_compiled: str | None = None   # the path "stencil" takes where the compiled loop cannot run
    variant: stencil.Key | None = None   # the compiled loop's variant that could take over this call
    pixels: int = 0                   # H·W of the image (the dispatcher asks)
    _weights: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        wanted = self.strategy
        if wanted is not None and wanted not in CONV_STRATEGIES:
            raise ParamError("err.strategy", value=repr(wanted), allowed=", ".join(CONV_STRATEGIES))
        if wanted == "separable":
            self.factors = separable_factors(self.kernel)     # the only SVD of this call
            if self.factors is None:
                raise ParamError("err.strategy", value=repr(wanted), allowed=", ".join(CONV_STRATEGIES))
        elif wanted in (None, "stencil"):
            self.factors = _factors_if_used(self.kernel, self.device)
            self.without_compiled = _chosen(self.kernel.shape, self.factors, self.device, self.stride, self.channels,
                                            self.dilation, self.pixels)
            if wanted is None:
                self.strategy = self.without_compiled
                self.variant = _stencil_key(self.kernel.shape, self.device, self.stride, self.dilation,
                                            self.channels, self.pads)
        if self.lanes_layout is None:
            self.lanes_layout = dispatch.IN_FORCE.for_device(self.device.type).grey_lanes
        elif self.lanes_layout not in LANE_LAYOUTS:
            raise ValueError(f"lanes layout {self.lanes_layout!r}: one of {LANE_LAYOUTS}")

    def weight(self, part: str, channels: int, device: torch.device) -> torch.Tensor:
        """The depthwise weight of the ``kernel``, its ``column`` or its ``row`` factor, built once per device."""
        key = (part, channels, str(device))
        if key not in self._weights:
            kernel = {"kernel": lambda: self.kernel, "column": lambda: self.factors[0][:, None],
                      "row": lambda: self.factors[1][None, :]}[part]()
            self._weights[key] = depthwise(kernel, channels, device)
        return self._weights[key]

    def _lanes(self, x: torch.Tensor) -> torch.Tensor:
        """The ``lanes`` strategy: a colour image's rows as one channel of W·C values, the kernel's columns C
        apart (a view, stride 1 across), else plane by plane."""
        block, lanes = self.lanes_layout
        (top, bottom, left, right), channels = self.pads, x.shape[1]
        if channels > 1 and self.stride[1] == 1 and x.is_contiguous(memory_format=torch.channels_last):
            flat = x[0].permute(1, 2, 0).reshape(x.shape[2], -1)             # the (H, W, C) memory, a view
            y = lanes_correlate(flat, self.kernel, (top, bottom, left * channels, right * channels), self.stride,
                                (self.dilation[0], self.dilation[1] * channels), self._weights, lanes, block)
            return y.reshape(y.shape[0], -1, channels).permute(2, 0, 1)[None]      # channels-last
        planes = [lanes_correlate(x[0, c] if x.shape[1] == 1 else x[0, c].contiguous(), self.kernel, self.pads,
                                  self.stride, self.dilation, self._weights, lanes, block) for c in range(x.shape[1])]
        if len(planes) == 1:
            return planes[0][None, None]
        return torch.stack(planes, dim=-1).permute(2, 0, 1)[None]          # channels-last

    def run(self, x: torch.Tensor) -> torch.Tensor:
        """Convolve the ``(1, C, H, W)`` tensor ``x`` as planned."""
        pixels = x.shape[2] * x.shape[3]
        if self.strategy == "stencil":
            y = self._stencil(x)
            return self._other(x) if y is None else y
        if self.variant is None or pixels < stencil.MIN_PIXELS:
            return self._other(x)
        # compiled in the background on first use, then timed against the other path on this thread's own
        # calls, in turns (:func:`explorer.conv.compiled.stencil.LOOPS.turn`), and from then on used where it was faster
        size = stencil.size_class(pixels)
        compiled, timed = stencil.LOOPS.turn(self.variant, size)
        start = _now()
        if compiled:
            y = self._stencil(x)
            if y is None:                                # refused by torch's guards or busy: not a measurement
                return self._other(x)
        else:
            y = self._other(x)
        if timed:
            stencil.LOOPS.record(self.variant, size, compiled, (_now() - start) * 1e3, pixels)
        return y

    def _other(self, x: torch.Tensor) -> torch.Tensor:
        """The planned strategy other than the compiled loop, with the border modes."""
        y = self._zero_padded(x, self.without_compiled if self.strategy == "stencil" else self.strategy)
        if self.padding_mode != "zeros" and any(self.pads):
            self._patch_borders(y, x)
        return y

    def _stencil(self, x: torch.Tensor) -> torch.Tensor | None:
        """The compiled loop for the windows inside the image and :meth:`_patch_borders` for the frame around
        them, into a NumPy buffer; None where the loop cannot run (see :mod:`explorer.conv.compiled.stencil`)."""
        (top, bottom, left, right), (kh, kw) = self.pads, self.kernel.shape
        channels, h, w = x.shape[1:]
        k = stencil.key((kh, kw), channels, self.pads)
        if (not stencil.fits((kh, kw), self.stride, self.dilation, x.device)
                or min(h - kh, w - kw) + 1 < stencil.MIN_INTERIOR or x.requires_grad
                or not x[0].permute(1, 2, 0).is_contiguous() or not stencil.LOOPS.prepare(k)):
            return None
        image = x[0].permute(1, 2, 0).numpy().reshape(h, w * channels)                  # the memory, no copy
        buffer = buffers.empty((h + top + bottom - kh + 1, w + left + right - kw + 1, channels))
        kernel = np.ascontiguousarray(self.kernel, np.float32)
        if not stencil.LOOPS.run(k, image, kernel, buffer.reshape(buffer.shape[0], -1), top, left, channels):
            return None
        y = torch.from_numpy(buffer).permute(2, 0, 1)[None]                          # channels-last
        self._patch_borders(y, x)
        return y

    def _zero_padded(self, x: torch.Tensor, strategy: str) -> torch.Tensor:
        """conv2d with zero padding; asymmetric ('same', even kernel) pads are cropped out."""
        channels = x.shape[1]
        top, bottom, left, right = self.pads
        ph, pw = max(top, bottom), max(left, right)
        (sh, sw), (dh, dw) = self.stride, self.dilation
        if strategy == "lanes":
            return self._lanes(x)                       # its own crop of asymmetric pads
        if strategy == "opencv":
            return filter2d_correlate(x, self.kernel, self.pads, self.stride, self.dilation)   # any pads
        if strategy == "direct":
            y = buffers.conv2d(x, self.weight("kernel", channels, x.device), self.stride, (ph, pw), self.dilation,
                               channels)
        elif strategy == "separable":
            y = buffers.conv2d(x, self.weight("column", channels, x.device), (sh, 1), (ph, 0), (dh, 1), channels)
            y = buffers.conv2d(y, self.weight("row", channels, x.device), (1, sw), (0, pw), (1, dw), channels)
        else:
            y = fft_correlate(x, self.kernel, (ph, pw), self.stride, self.dilation)
        if (top, left) != (ph, pw):
            # 'same' is the only asymmetric padding and it implies stride 1
            out_h = output_len(x.shape[2], self.kernel.shape[0], 1, top + bottom, dh)
            out_w = output_len(x.shape[3], self.kernel.shape[1], 1, left + right, dw)
            y = y[..., ph - top:ph - top + out_h, pw - left:pw - left + out_w]
        return y

    def _patch_borders(self, y: torch.Tensor, x: torch.Tensor) -> None:
        """The outputs whose windows read padding, in this plan's padding mode (:func:`explorer.conv.borders.patch`)."""
        borders.patch(y, x, self.weight("kernel", x.shape[1], x.device), self.kernel.shape, self.pads, self.stride,
                      self.dilation, self.padding_mode)
