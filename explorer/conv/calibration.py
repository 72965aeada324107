"""The strategy crossovers measured on the machine the app runs on, once, on small tiles.

Machines of the same kind differ by 2× and more (issue 18), so where the FFT
overtakes the direct convolution, where two 1-D passes beat one 2-D pass, which
layout of the lanes suits a grey image, where it should leave them for the FFT
and whether a colour image goes faster through the lanes (its rows as one
channel) are timed here (on 384×384 tiles, the layouts on 768×768, and the FFT
on one 2 MP plane, as its cost per pixel grows with the image) and handed to
:mod:`explorer.conv.strategies`; the compiled loop of :mod:`explorer.conv.compiled.stencil` is
timed kernel by kernel on the calls that follow its compiling. It takes about a second and runs only when asked
(:data:`MEASURE`, or the bench without a cache); the result is kept in the user's cache
directory under the CPU model, its vector instructions, the thread count and
the torch version, and read back by the app (the first CPU convolution of a
process reads the file, never measures) only if it is whole and fits this
machine (a damaged or foreign file is ignored). Until then, without a usable
cache (or with ``CNN_EXPLORER_CALIBRATION=off``, as the tests run) the
constants measured on the project machine stay in use.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

from explorer.conv import dispatch, strategies
from explorer.conv.compiled import stencil
from explorer.conv.dispatch import DEFAULT_CROSSOVERS, Crossovers
from explorer.conv.lanes import LANE_LAYOUTS
from explorer.conv.strategies import ConvPlan
from explorer.timing import cpu_isa, cpu_model, fastest_ms

VERSION = 6          # 3: the lanes as shifted kernels; 4: their layout; 5: compiled; 6: OpenCV's filter2D
TILE = (384, 384)                            # direct, lanes and separable: time grows with the pixels
REFERENCE = (1080, 1920)                     # the FFT's time per pixel grows with the image: timed at 2 MP
COLOUR_SMALL = (3, 7)                        # lanes vs direct on a colour image
LAYOUT_SIZES = (3, 7)                        # the lanes' layouts against each other, grey
LAYOUT_TILE = (768, 768)                     # ... on a larger tile: on 384×384 the fixed cost of a call blurs them
FFT_SIZES = (9, 11, 13, 15, 17, 19, 21)      # direct vs FFT, full-rank kernel, colour
SEPARABLE_SIZES = (5, 7, 9, 11)              # direct vs separable, rank-1 kernel, colour
GREY_FFT_SIZES = (13, 15, 17, 19, 21, 25, 29)  # lanes vs FFT, grey
LIMITS = {"separable_min_taps": (9, 961), "fft_min_taps": (25, 961), "grey_fft_min_taps": (25, 961)}
SWITCH = "CNN_EXPLORER_CALIBRATION"
MEASURE = "python -m explorer.bench --calibrate"     # the one moment the crossovers are measured
NO_TIMER = "no timer: whoever measures hands in clock(ops.conv2d, ops.to_nchw)"   # a programming error, English

# timer(strategy, channels, k, kind) -> ms; kind "full" or "rank1" on a TILE, "reference" (the FFT of one
# grey REFERENCE plane; k is ignored), or layout_kind(layout): "full" through the lanes in that layout (the
# real clock times those on a LAYOUT_TILE and gives the time per TILE)
Timer = Callable[[str, int, int, str], float]


def layout_kind(layout: tuple[int, int]) -> str:
    """The timer's kind for a full-rank kernel through the lanes in ``layout`` (pixels per channel, lanes).

    Example:
        >>> layout_kind((2, 16))
        'lanes 2x16'
    """
    return f"lanes {layout[0]}x{layout[1]}"


@dataclass(frozen=True)
class Calibration:
    """What was chosen, from where (``measured``, ``cache`` or ``defaults``) and why, in lines."""
    crossovers: Crossovers
    source: str
    reasons: tuple[str, ...] = ()


class _Costs:
    """Predicted milliseconds at the :data:`REFERENCE` size, each timing taken once and only when asked for.

    The direct, lanes and separable paths take time in proportion to the pixels, so a tile is timed and scaled
    up; the FFT's time per pixel grows with the image (a 384×384 tile would make it look 1.5× cheaper than it
    is at 2 MP), so it is timed on one grey plane of the reference size, once, and counted per channel.
    """

    def __init__(self, timer: Timer):
        self.timer = timer
        self.taken: dict[tuple[str, int, int, str], float] = {}
        self.scale = REFERENCE[0] * REFERENCE[1] / (TILE[0] * TILE[1])

    def _time(self, *key) -> float:
        if key not in self.taken:
            self.taken[key] = float(self.timer(*key))
        return self.taken[key]

    def __call__(self, strategy: str, channels: int, k: int, kind: str = "full") -> float:
        if strategy == "fft":
            return channels * self._time("fft", 1, 0, "reference")
        return self._time(strategy, channels, k, kind) * self.scale


def _first_win(cost: _Costs, sizes, fast: str, slow: str, channels: int, kind: str, default: int) -> tuple[int, str]:
    """The taps of the first size where ``fast`` takes no longer than ``slow``; ``default`` if it never does."""
    for k in sizes:
        a, b = cost(fast, channels, k, kind), cost(slow, channels, k, kind)
        if a <= b:
            return k * k, f"{k}×{k}: {fast} {a:.1f} ms ≤ {slow} {b:.1f} ms"
    last = sizes[-1]
    return default, f"{fast} never beat {slow} up to {last}×{last}: the default, {default} taps"


def decide(timer: Timer) -> tuple[Crossovers, tuple[str, ...]]:
    """The crossovers the timings of ``timer`` call for, and why (times predicted for a 2 MP image).

    Example (a machine where the FFT of a 2 MP plane takes 20 ms, and a tile 0.015 ms per tap and channel):
        >>> fake = lambda strategy, channels, k, kind: 20.0 if kind == "reference" else 0.015 * k * k * channels
        >>> decide(fake)[0]
        Crossovers(separable_min_taps=25, fft_min_taps=121, grey_fft_min_taps=169, colour_lanes=False, \
grey_lanes=(2, 16), compiled=True, opencv_max_taps=9, opencv_min_pixels=4000000)
    """
    cost = _Costs(timer)
    reasons = []
    fft, why = _first_win(cost, FFT_SIZES, "fft", "direct", 3, "full", DEFAULT_CROSSOVERS.fft_min_taps)
    reasons.append(f"colour: the FFT from {fft} taps ({why})")
    separable, why = _first_win(cost, SEPARABLE_SIZES, "separable", "direct", 3, "rank1",
                                DEFAULT_CROSSOVERS.separable_min_taps)
    reasons.append(f"colour, rank-1 kernels: two 1-D passes from {separable} taps ({why})")
    layout_ms = {layout: sum(cost("lanes", 1, k, layout_kind(layout)) for k in LAYOUT_SIZES)
                 for layout in LANE_LAYOUTS}
    # the fastest; the default where it ties (a fake timer, or a machine where layouts do not matter)
    layout = min(LANE_LAYOUTS, key=lambda lay: (layout_ms[lay], lay != DEFAULT_CROSSOVERS.grey_lanes))
    reasons.append(f"grey: the lanes as {layout[1]} outputs from blocks of {layout[0]} pixels (" +
                   ", ".join(f"{b}x{n}: {ms:.1f} ms" for (b, n), ms in layout_ms.items()) +
                   f", the sum at {' and '.join(f'{k}×{k}' for k in LAYOUT_SIZES)})")
    grey, why = _first_win(cost, GREY_FFT_SIZES, "fft", "lanes", 1, layout_kind(layout),
                           DEFAULT_CROSSOVERS.grey_fft_min_taps)
    reasons.append(f"grey: the FFT from {grey} taps ({why})")
    pairs = [(cost("lanes", 3, k, layout_kind(layout)), cost("direct", 3, k)) for k in COLOUR_SMALL]
    colour_lanes = all(lanes < 0.9 * direct for lanes, direct in pairs)
    reasons.append("colour, small kernels: " + ("the lanes, rows as one channel" if colour_lanes else "direct") +
                   " (" +
                   ", ".join(f"{k}×{k}: lanes {a:.1f} ms, direct {b:.1f} ms" for k, (a, b) in zip(COLOUR_SMALL, pairs))
                   + "; the lanes must be 10 % faster)")
    reasons.append("small kernels (up to 7×7, stride 1, from 1 MP): the compiled loop where it is faster: "
                   "compiled in the background on first use, then timed against the other path on the calls that "
                   "follow, kernel by kernel" +
                   ("" if stencil.switched_on() else f" (but {stencil.SWITCH} is not on: never compiled)"))
    reasons.append(f"up to {DEFAULT_CROSSOVERS.opencv_max_taps} taps at stride 1 from "
                   f"{DEFAULT_CROSSOVERS.opencv_min_pixels:,} pixels: OpenCV's filter2D (constants: "
                   "docs/performance.md)")
    return Crossovers(separable, fft, grey, colour_lanes, layout, compiled=True), tuple(reasons)


def clock(convolve: Callable, to_tensor: Callable) -> Timer:
    """The real timer: ``convolve(image, kernel, padding=, strategy=, device=)`` is ``ops.conv2d`` and
    ``to_tensor(image, device)`` ``ops.to_nchw``, handed in by whoever measures (the bench), so the engine does not
    import the public API built on it."""
    rng = np.random.default_rng(7)
    checked: set = set()          # (layout, image shape, kernel shape) whose lanes result was checked once
    images = {3: rng.random((*TILE, 3), dtype=np.float32), 1: rng.random(TILE, dtype=np.float32),
              "layout": rng.random(LAYOUT_TILE, dtype=np.float32),
              "colour layout": rng.random((*LAYOUT_TILE, 3), dtype=np.float32)}

    def timer(strategy: str, channels: int, k: int, kind: str) -> float:
        if kind == "reference":
            image, kernel = rng.random(REFERENCE, dtype=np.float32), np.ones((15, 15), np.float32)
        else:
            image = images[channels]
            kernel = (rng.normal(size=(k, k)) if kind == "full" else
                      np.outer(rng.normal(size=k), rng.normal(size=k))).astype(np.float32)
        if kind.startswith("lanes "):
            layout = tuple(int(n) for n in kind.split()[1].split("x"))
            per_tile = TILE[0] * TILE[1] / (LAYOUT_TILE[0] * LAYOUT_TILE[1])     # timed larger, given per TILE
            image = images["layout" if channels == 1 else "colour layout"]
            return fastest_ms(lambda: _lanes_in(layout, image, kernel, to_tensor, checked), 3) * per_tile
        return fastest_ms(lambda: convolve(image, kernel, padding="same", strategy=strategy, device="cpu"), 3)
    return timer


def _lanes_in(layout: tuple[int, int], image: np.ndarray, kernel: np.ndarray, to_tensor: Callable,
              checked: set) -> torch.Tensor:
    """``image`` through the lanes in ``layout``, zero 'same' padding (odd kernel), checked once per layout
    and size against ``F.conv2d``: a layout is only ever chosen for a result it got right."""
    p, channels = kernel.shape[0] // 2, 1 if image.ndim == 2 else image.shape[2]
    cpu = torch.device("cpu")
    plan = ConvPlan(kernel, (p, p, p, p), (1, 1), (1, 1), "zeros", cpu, "lanes", channels, lanes_layout=layout)
    with torch.inference_mode():
        x = to_tensor(image, cpu)
        y = plan.run(x)
        if (layout, image.shape, kernel.shape) not in checked:
            weight = torch.from_numpy(kernel).expand(channels, 1, *kernel.shape)
            expected = F.conv2d(x, weight, padding=p, groups=channels)
            if not torch.allclose(y, expected, rtol=1e-4, atol=1e-4):
                raise ArithmeticError(f"the lanes in layout {layout} disagree with F.conv2d")
            checked.add((layout, image.shape, kernel.shape))
    return y




# ---------------------------------------------------------------- the cache file

def machine_key() -> dict[str, object]:
    """What a measurement belongs to: a file measured elsewhere is not used here."""
    return {"cpu": cpu_model(), "isa": cpu_isa(), "threads": torch.get_num_threads(), "torch": torch.__version__,
            "version": VERSION}


def cache_path() -> Path | None:
    """``$XDG_CACHE_HOME/cnn-explorer/calibration.json``, else under ``~/.cache``; None without a home directory."""
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (RuntimeError, KeyError):              # no HOME and no password entry (some containers)
        return None
    return Path(base) / "cnn-explorer" / "calibration.json"


def read_cache(path: Path, key: dict) -> Crossovers | None:
    """The crossovers in ``path`` if the file is whole, was measured for ``key`` and every value is sane."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        values = stored["crossovers"]
        if stored.get("key") != key or set(values) != {f.name for f in fields(Crossovers)}:
            return None
        if not isinstance(values["colour_lanes"], bool) or not isinstance(values["compiled"], bool):
            return None
        layout = values["grey_lanes"]
        if not isinstance(layout, list) or any(type(n) is not int for n in layout) or tuple(layout) not in LANE_LAYOUTS:
            return None
        values["grey_lanes"] = tuple(layout)
        for name, (low, high) in LIMITS.items():
            if type(values[name]) is not int or not low <= values[name] <= high:
                return None
        return Crossovers(**values)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write_cache(path: Path, key: dict, chosen: Crossovers, reasons: tuple[str, ...]) -> None:
    """Keep the measurement for next time (a read-only home directory only means measuring again)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({"key": key, "crossovers": asdict(chosen), "reasons": list(reasons),
                                       "measured": time.strftime("%Y-%m-%d %H:%M:%S")}, indent=1), encoding="utf-8")
        partial.replace(path)                      # whole or not at all, even with several processes
    except OSError:
        pass


# ---------------------------------------------------------------- once per process

def calibrate(timer: Timer | None = None, path: Path | None = None, fresh: bool = False,
              measure: bool = True) -> Calibration:
    """Read the cache (unless ``fresh``) or, when ``measure``, measure (about a second) and keep the result; put
    the crossovers in use. The defaults if there is nothing to read and no measuring, or if anything fails."""
    path = path or cache_path()
    key = machine_key()
    cached = None if fresh or path is None else read_cache(path, key)
    if cached is not None:
        result = Calibration(cached, "cache", (f"read from {path}",))
    elif not measure:
        result = Calibration(DEFAULT_CROSSOVERS, "defaults", (f"not measured on this machine yet: {MEASURE}",))
    else:
        try:
            if timer is None:
                raise ValueError(NO_TIMER)
            chosen, reasons = decide(timer)
        except Exception as err:                    # noqa: BLE001 — a failed measurement must not stop a page
            result = Calibration(DEFAULT_CROSSOVERS, "defaults", (f"measurement failed: {err!r}",))
        else:
            if path is not None:
                write_cache(path, key, chosen, reasons)
            result = Calibration(chosen, "measured", reasons)
    strategies.use_crossovers(result.crossovers)
    return result


def ensure() -> Calibration:
    """The crossovers of this process, read once from this machine's cache (thread-safe), then kept in
    :data:`explorer.conv.dispatch.IN_FORCE`; never measured here: a convolution must not wait a second for it (a 5×5
    lesson grid did, and wrote to the user's cache directory). Until :data:`MEASURE` has run on this machine the
    defaults are in use."""
    in_force = dispatch.IN_FORCE
    if in_force.source is None:
        with in_force.lock:
            if in_force.source is None:
                if os.environ.get(SWITCH, "").lower() in ("off", "0", "no"):
                    strategies.use_crossovers(DEFAULT_CROSSOVERS)
                    in_force.source = Calibration(DEFAULT_CROSSOVERS, "defaults", (f"{SWITCH}=off",))
                else:
                    in_force.source = calibrate(measure=False)
    return in_force.source
