"""Which path a convolution takes, and why: one pure function of the call's facts and the crossovers in force.

:func:`choose` answers for every call of ``ops.conv2d`` that does not force a strategy (and for
:func:`explorer.ops.choose_strategy`); the plan (:class:`explorer.conv.strategies.ConvPlan`) only executes it.
The opt-in compiled loop may take over a call it chose, by its own trials (:mod:`explorer.conv.compiled.stencil`).
The crossovers are the constants below until this machine's are measured (:mod:`explorer.conv.calibration`);
the measurements behind them: ``docs/performance.md``.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from explorer.conv.lanes import GREY_LANES

SEPARABLE_MIN_TAPS = 49   # two 1-D passes beat one 2-D pass from 7×7 (2 MP: 5×5, 12 MP: 9×9)
FFT_MIN_TAPS = 200        # the FFT beats the direct kernel from about 15×15
GREY_FFT_MIN_TAPS = 400   # one channel: the lanes up to about 19×19
OPENCV_MAX_TAPS = 9       # OpenCV's filter2D up to 3×3 (at 5×5 the lanes win from 2 MP) ...
OPENCV_MIN_PIXELS = 4_000_000   # ... from 4 MP (below it oneDNN and the lanes are as fast or faster)


@dataclass(frozen=True)
class Crossovers:
    """Where one path gives way to another on the CPU: the constants above, or this machine's (calibration)."""
    separable_min_taps: int = SEPARABLE_MIN_TAPS
    fft_min_taps: int = FFT_MIN_TAPS
    grey_fft_min_taps: int = GREY_FFT_MIN_TAPS
    colour_lanes: bool = False       # colour images through the lanes (rows as W·C values), not oneDNN's depthwise
    grey_lanes: tuple[int, int] = GREY_LANES   # the lanes' layout: one of lanes.LANE_LAYOUTS
    compiled: bool = False           # small kernels through the compiled loop where it is measured faster
    opencv_max_taps: int = OPENCV_MAX_TAPS   # OpenCV's filter2D up to this many taps, at stride and dilation 1,
    opencv_min_pixels: int = OPENCV_MIN_PIXELS   # from this many pixels


DEFAULT_CROSSOVERS = Crossovers()


def for_device(at: Crossovers, device: str) -> Crossovers:
    """``at`` on the CPU (this machine's); the constants on a GPU (cuDNN's direct kernel is fast at every size)."""
    return at if device == "cpu" else DEFAULT_CROSSOVERS


class InForce:
    """The crossovers this process uses and where they came from (``calibration.ensure`` fills ``source``)."""

    def __init__(self, crossovers: Crossovers = DEFAULT_CROSSOVERS):
        self.crossovers = crossovers
        self.source = None            # the calibration.Calibration read for this process; None until asked
        self.lock = threading.Lock()

    def for_device(self, device: str) -> Crossovers:
        return for_device(self.crossovers, device)


IN_FORCE = InForce()


@dataclass(frozen=True)
class Call:
    """What the choice depends on: the kernel's shape and rank, channels, stride, dilation, pixels, device type."""
    kernel: tuple[int, int]
    channels: int = 3
    stride: tuple[int, int] = (1, 1)
    device: str = "cpu"
    rank1: bool = False              # the kernel is an outer product (asked only where it matters: needs_rank)
    dilation: tuple[int, int] = (1, 1)
    pixels: int = 0                  # H·W of the image


@dataclass(frozen=True)
class Choice:
    strategy: str
    reason: str


def needs_rank(kernel: tuple[int, int], device: str, at: Crossovers) -> bool:
    """Whether the kernel's rank can change the choice (the caller then pays for one SVD): from the separable
    crossover, or the FFT's where that comes first (rank 1 beats the FFT there).

    Example:
        >>> needs_rank((3, 3), "cpu", DEFAULT_CROSSOVERS), needs_rank((9, 9), "cpu", DEFAULT_CROSSOVERS)
        (False, True)
    """
    at = for_device(at, device)
    return kernel[0] * kernel[1] >= min(at.separable_min_taps, at.fft_min_taps)


def choose(call: Call, at: Crossovers) -> Choice:
    """The path for ``call`` under the crossovers ``at`` (the CPU's; a GPU uses the constants), with its reason.

    Example:
        >>> choose(Call((3, 3), channels=1), DEFAULT_CROSSOVERS).strategy
        'lanes'
        >>> choose(Call((31, 31)), DEFAULT_CROSSOVERS)
        Choice(strategy='fft', reason='961 taps per output ≥ 200: the FFT costs the same at any size')
    """
    cpu = call.device == "cpu"
    at = for_device(at, call.device)
    taps = call.kernel[0] * call.kernel[1]
    per_output = taps / (call.stride[0] * call.stride[1])
    if cpu and taps <= at.opencv_max_taps and call.pixels >= at.opencv_min_pixels and call.stride == call.dilation \
            == (1, 1):
        return Choice("opencv", f"{taps} taps ≤ {at.opencv_max_taps} at stride 1 from {at.opencv_min_pixels:,} "
                                "pixels: OpenCV's filter2D into a recycled buffer")
    if cpu and call.channels == 1:
        if per_output >= at.grey_fft_min_taps:
            return Choice("fft", f"one channel, {per_output:g} taps per output ≥ {at.grey_fft_min_taps}")
        return Choice("lanes", "one channel: the depthwise kernel would have nothing to vectorise over; neighbouring "
                               "outputs of a row become the channels")
    if cpu and per_output >= at.fft_min_taps:
        if call.rank1:
            return Choice("separable", f"{per_output:g} taps per output ≥ {at.fft_min_taps}, but rank 1: two 1-D "
                                       "passes beat the FFT")
        return Choice("fft", f"{per_output:g} taps per output ≥ {at.fft_min_taps}: the FFT costs the same at any size")
    if taps >= at.separable_min_taps and call.rank1:
        return Choice("separable", f"rank 1 and {taps} taps ≥ {at.separable_min_taps}: two 1-D passes")
    if cpu and at.colour_lanes and call.stride[1] == 1:
        return Choice("lanes", "colour through the lanes (rows as W·C values): measured faster on this machine")
    return Choice("direct", "oneDNN's (or cuDNN's) depthwise kernel on a channels-last view")
