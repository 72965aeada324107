"""Small kernels as one compiled loop: the ``stencil`` strategy (see :mod:`explorer.conv.strategies`).

oneDNN's depthwise kernel vectorises over channels (three in a colour image,
one in a grey one) and the lanes that fill its vectors do more multiply-adds
(:mod:`explorer.conv.lanes`). Written as k² shifted multiply-adds of the image,
a k×k correlation is one loop over the output that torch's own compiler
(``torch.compile``, inductor) turns into C++ vectorised along the row, with
every tap read from cache and each output written once. Colour images are the
rows of ``W·C`` values, the taps ``C`` apart, so one loop serves any number of
channels. What it gains, measured, is in ``docs/performance.md``.

Compiling takes seconds (a C++ compiler is needed), so it runs in a
background thread on first use while the other strategies answer; each
compiled variant is checked against ``F.conv2d`` on an image of another size
before it is used. Then it is timed against the path it would replace on the
caller's own calls, in turns (:meth:`Loops.turn`, :meth:`Loops.record`): the
same image, the same thread (timed in the background thread, a second OpenMP
team on 2 cores slowed it more than the path it replaced). It is used, per
size class (1–6 MP, from 6 MP), only where it was faster here. It is off
unless ``CNN_EXPLORER_COMPILE=on``; no compiler or any failure leaves the
other paths.

The loop covers the windows inside the image (stride 1, no dilation, up to
7×7); the border frame and the padding modes are done by the caller. Each
variant is one compiled graph: the kernel's shape, one channel or several,
and whether the padding on each side is 0, 1 or more (the guards torch
adds differ); its inputs are whole NumPy arrays made tensors the same way on
every call, so torch's guards see the same layout each time, and a call they
would compile again for takes the other path instead. Compiled code lives in a
cache directory per instruction set: inductor's own cache does not tell apart
an AVX-512 build from an AVX2 one (read back under ``ATEN_CPU_CAPABILITY=avx2``
it returned wrong sums here).
"""
from __future__ import annotations

import os
import queue
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

SWITCH = "CNN_EXPLORER_COMPILE"    # "on": compile (opt-in); otherwise no thread, no compiler looked for
MAX_SIDE = 7                       # up to 7×7: larger kernels compile for long and the separable/FFT paths win
MIN_INTERIOR = 2                   # rows and columns of windows inside the image; torch specialises sizes 0 and 1
MIN_PIXELS = 1_000_000             # chosen (not asked for) from 1 MP: below, its fixed cost (the border frame,
                                   # torch's guards) eats the gain (3×3 breaks even at 0.5–0.8 MP here)
LARGE_PIXELS = 6_000_000           # from here a second measurement: recycled outputs gain more than at 2 MP
BLOCK, TRIALS = 2, 3               # calls of one path in a row, the first left out; timed calls of each path
MAX_VARIANTS = 24                  # compiled graphs per process (seconds of compiling each)
IDLE_S = 0.5                       # the background thread ends after this long without work
FASTER = 0.9                       # used where it takes under 90 % of the other path's time (noise margin)

Key = tuple[int, int, bool, tuple[int, ...]]   # kernel rows, columns, grey, padding on each side (0, 1 or 2: more)


def correlate_interior(x: torch.Tensor, w: torch.Tensor, out: torch.Tensor, top: int, left: int, c: int) -> None:
    """``out[top:, left·c:]`` ← the valid cross-correlation of ``x`` (``(H, W·c)``, ``c`` channels interleaved)
    with ``w`` (``(kh, kw)``): the loop torch compiles; eager it gives the same numbers, slowly.

    Example:
        >>> out = torch.zeros(3, 4)
        >>> correlate_interior(torch.ones(3, 4), torch.ones(2, 2), out, 1, 1, 1)
        >>> out[1].tolist()
        [0.0, 4.0, 4.0, 4.0]
    """
    kh, kw = w.shape
    rows, values = x.shape[0] - kh + 1, x.shape[1] - (kw - 1) * c
    acc = x[:rows, :values] * w[0, 0]
    for i in range(kh):
        for j in range(kw):
            if i or j:
                acc = acc + x[i:i + rows, j * c:j * c + values] * w[i, j]
    out[top:top + rows, left * c:left * c + values] = acc


def key(kernel_shape: tuple[int, int], channels: int, pads: tuple[int, int, int, int]) -> Key:
    """The compiled variant a call needs (see the module's docstring).

    Example:
        >>> key((3, 3), 3, (1, 1, 4, 4))
        (3, 3, False, (1, 1, 2, 2))
    """
    return kernel_shape[0], kernel_shape[1], channels == 1, tuple(min(p, 2) for p in pads)


def fits(kernel_shape: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int],
         device: torch.device) -> bool:
    """Whether the compiled loop can compute this kind of call (the image's size is checked when it runs)."""
    return (device.type == "cpu" and stride == (1, 1) and dilation == (1, 1) and max(kernel_shape) <= MAX_SIDE
            and switched_on())


def switched_on() -> bool:
    """Whether the compiled loop may be used: only when asked for (``CNN_EXPLORER_COMPILE=on``). The pages compute
    on previews under 1 MP, where it is never chosen, while compiling costs every server process seconds of a core
    and ~170 MB; it serves people who process many large photos (docs/performance.md)."""
    return os.environ.get(SWITCH, "").lower() in ("on", "1", "yes", "true")


# ---------------------------------------------------------------- the compiled variants of this process

@dataclass
class _Trial:
    """The timed calls of one variant and size class (:meth:`Loops.record`): ms per MP of each path's."""
    compiled: list[float] = field(default_factory=list)
    other: list[float] = field(default_factory=list)
    calls: int = 0                 # calls so far, those left out included: which path the next one takes


def _compiler():
    """``torch.compile`` of :func:`correlate_interior`, with this process's inductor settings and cache."""
    from torch._inductor.runtime.cache_dir_utils import default_cache_dir

    from explorer.timing import cpu_isa
    chosen = os.environ.get("TORCHINDUCTOR_CACHE_DIR")
    # ours unless the user chose one: torch writes its default there on first use, before or after us
    if chosen is None or os.path.abspath(chosen) == os.path.abspath(default_cache_dir()):
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        # letters, digits, dots and dashes only: inductor hands the path to g++ unquoted
        isa = "-".join(re.findall(r"[A-Za-z0-9]+", cpu_isa()))
        os.environ["TORCHINDUCTOR_CACHE_DIR"] = str(
            base / "cnn-explorer" / f"inductor-{isa}-{torch.get_num_threads()}t-torch{torch.__version__}")
    import torch._dynamo.config as dynamo_config
    import torch._inductor.config as inductor_config
    import torch.fx.experimental._config as fx_config

    inductor_config.compile_threads = 1       # no pool of compiler processes forked from a Streamlit server
    fx_config.use_duck_shape = False           # a square image must not make equal sizes a guard
    dynamo_config.recompile_limit = MAX_VARIANTS + 8
    return torch.compile(correlate_interior, dynamic=True, fullgraph=True)


def _sample(k: Key, rows: int, values: int, rng: np.random.Generator):
    """Arguments of :meth:`Loops.run` for the variant ``k``: an image of ``rows``×``values`` (per channel)."""
    kh, kw, grey, (top, bottom, left, right) = k
    c = 1 if grey else 3
    image = rng.random((rows, values * c), dtype=np.float32)
    kernel = rng.normal(size=(kh, kw)).astype(np.float32)
    out = np.zeros((rows - kh + 1 + top + bottom, (values - kw + 1 + left + right) * c), np.float32)
    return image, kernel, out, top, left, c


def size_class(pixels: int) -> int:
    """0 for an image of 1–6 MP, 1 from 6 MP: each is timed on its own (:meth:`Loops.turn`)."""
    return int(pixels >= LARGE_PIXELS)


def decide(compiled: list[float], other: list[float]) -> bool | None:
    """Whether the compiled loop is used, from the times of its timed calls and of the other path's (any unit,
    the fastest of each compared, with a 10 % margin for noise); None: not :data:`TRIALS` of each yet.

    Example:
        >>> decide([1.0, 1.1, 1.2], [2.0, 2.1, 1.9])
        True
        >>> decide([1.0, 1.1], [2.0, 2.1]) is None
        True
    """
    if min(len(compiled), len(other)) < TRIALS:
        return None
    return min(compiled) < FASTER * min(other)


class Loops:
    """The compiled variants of a process, their trials against the other path and the background worker: all the
    compiled loop's state, in one object (:data:`LOOPS` is the process's; a test builds a fresh one)."""

    def __init__(self):
        self.lock = threading.Lock()   # held by every compiled call and by compiling: torch's compile stance is global
        self.compiled = None           # the torch.compile'd loop, made on the first build
        self.ready: set = set()        # compiled and checked
        self.faster: dict = {}         # (key, size class) -> whether it beat the path it replaces here (measured once)
        self.failed: dict = {}         # key -> why it could not be compiled or checked: not used
        self.missed: dict = {}         # key -> the last call it refused (torch's guards wanted a new compile)
        self.trials: dict = {}         # (key, size class) -> its _Trial, until it is chosen or refused
        self.timings: dict = {}        # (key, size class) -> (ms compiled, ms of the other path, for pixels)
        self.trial_lock = threading.Lock()
        self.queued: set = set()
        self.building = threading.Lock()   # one variant compiles at a time
        self.starting = threading.Lock()   # a job is queued and a worker started, or the worker ends, not both
        self.jobs: queue.Queue = queue.Queue()
        self.worker: threading.Thread | None = None

    def build(self, k: Key) -> None:
        """Compile the variant ``k`` and check it on an image of another size, without compiling again."""
        rng = np.random.default_rng(k[0] * 10 + k[1])
        if self.compiled is None:
            self.compiled = _compiler()
        with self.lock, torch.inference_mode():                # as run() calls it: torch guards the grad mode
            self.compiled(*(torch.from_numpy(a) if isinstance(a, np.ndarray) else a for a in _sample(k, 53, 97, rng)))
        image, kernel, out, top, left, c = _sample(k, 38, 61, rng)
        with self.lock:
            self._call(image, kernel, out, top, left, c)       # not yet ready: no other thread uses it unchecked
        x = torch.from_numpy(image).reshape(image.shape[0], -1, c).permute(2, 0, 1)[:, None]
        expected = F.conv2d(x, torch.from_numpy(kernel)[None, None])[:, 0].permute(1, 2, 0).flatten(1).numpy()
        got = out[top:top + expected.shape[0], left * c:left * c + expected.shape[1]]
        if not np.allclose(got, expected, rtol=1e-4, atol=1e-4):
            raise ArithmeticError(f"compiled loop off by {float(np.abs(got - expected).max()):.3g}")

    def prepare(self, k: Key) -> bool:
        """Compile and check the variant ``k`` now (in this thread) unless done; whether it can be used."""
        if k in self.ready:
            return True
        if not switched_on():
            return False
        with self.building:
            if k in self.ready:
                return True
            if k in self.failed or len(self.ready) + len(self.failed) >= MAX_VARIANTS:
                return False
            try:
                self.build(k)
            except Exception as err:                  # noqa: BLE001 — no compiler, a refused graph: other paths
                self.failed[k] = repr(err)
                return False
            self.ready.add(k)
            return True

    def _work(self) -> None:
        """The background thread: compiles and checks what was asked for, then ends. A thread that stays keeps
        its own team of OpenMP threads, and with one idle beside them the page's own convolutions ran 10–20 %
        slower here (docs/performance.md)."""
        while True:
            try:
                k = self.jobs.get(timeout=IDLE_S)
            except queue.Empty:
                with self.starting:
                    if self.jobs.empty():
                        self.worker = None
                        return
                continue
            try:
                self.prepare(k)
            finally:
                self.queued.discard(k)
                self.jobs.task_done()

    def request(self, k: Key) -> None:
        """Compile and check the variant ``k`` in the background unless that is done or under way."""
        if k in self.ready or k in self.failed or k in self.queued or not switched_on():
            return
        self.queued.add(k)
        with self.starting:
            self.jobs.put(k)
            if self.worker is None:
                self.worker = threading.Thread(target=self._work, name="cnn-explorer-compile", daemon=True)
                self.worker.start()

    def turn(self, k: Key, size: int) -> tuple[bool, bool]:
        """For a call of the variant ``k`` in the ``size`` class: whether it takes the compiled loop, and
        whether it is timed (:meth:`record`). Until the loop is compiled (asked for here) and while anything
        compiles, the other path, untimed; then each path in turn for :data:`BLOCK` calls, timed, until
        :func:`decide` has enough; from then on what it chose."""
        chosen = self.faster.get((k, size))
        if chosen is not None:
            return chosen and k in self.ready, False
        if k not in self.ready:
            self.request(k)
            return False, False
        if self.worker is not None:      # its OpenMP team slows this thread's calls: time them once it ended
            return False, False
        trial = self.trials.get((k, size))
        return (trial.calls if trial else 0) // BLOCK % 2 == 0, True

    def record(self, k: Key, size: int, compiled: bool, ms: float, pixels: int) -> None:
        """One timed call (:meth:`turn`): ``ms`` for an image of ``pixels``, through the compiled loop or not.
        The first call of each block is left out (the other path's buffers and caches made both look alike when
        they alternated call by call). Chooses once both paths have :data:`TRIALS` timed calls."""
        with self.trial_lock:
            if (k, size) in self.faster:
                return
            trial = self.trials.setdefault((k, size), _Trial())
            if trial.calls % BLOCK:
                (trial.compiled if compiled else trial.other).append(ms * 1e6 / pixels)
            trial.calls += 1
            chosen = decide(trial.compiled, trial.other)
            if chosen is not None:
                self.faster[(k, size)] = chosen
                self.timings[(k, size)] = (min(trial.compiled) * pixels / 1e6, min(trial.other) * pixels / 1e6,
                                           pixels)

    def trying(self) -> bool:
        """Whether some variant is being timed against the other path and has not been chosen or refused yet."""
        with self.trial_lock:
            return any(job not in self.faster for job in self.trials)

    def preferred(self, k: Key, size: int) -> bool:
        """Whether the variant ``k`` is ready and was measured faster than the path it replaces at ``size``."""
        return self.faster.get((k, size), False) and k in self.ready

    def wait(self) -> None:
        """Until every requested variant is compiled and checked and the background thread has ended (the
        benchmark waits; pages do not)."""
        self.jobs.join()
        worker = self.worker
        if worker is not None:
            worker.join()

    def run(self, k: Key, image: np.ndarray, kernel: np.ndarray, out: np.ndarray, top: int, left: int,
            c: int) -> bool:
        """Write the inside windows of ``image`` (``(H, W·c)``) ⋆ ``kernel`` into ``out`` (``(H', W'·c)``) from
        ``top``, ``left`` if the variant ``k`` is ready and nothing is compiling; False (nothing written)
        otherwise. All three are C-contiguous float32 NumPy arrays, made tensors here the same way every time
        (torch's guards compare how a tensor was made, not only its shape)."""
        if k not in self.ready or not self.lock.acquire(blocking=False):
            return False
        try:
            self._call(image, kernel, out, top, left, c)
            return True
        except RuntimeError as err:       # a call its guards did not expect: the other path, this time
            self.missed[k] = repr(err)
            return False
        finally:
            self.lock.release()

    def _call(self, image: np.ndarray, kernel: np.ndarray, out: np.ndarray, top: int, left: int, c: int) -> None:
        """The compiled loop on :meth:`run`'s arguments, never compiling (RuntimeError instead); the lock held."""
        with torch.compiler.set_stance("fail_on_recompile"), torch.inference_mode():
            self.compiled(torch.from_numpy(image), torch.from_numpy(kernel), torch.from_numpy(out), top, left, c)

    def status(self) -> dict[str, object]:
        """What was compiled, measured or refused in this process (``python -m explorer.bench --compiled``)."""
        return {"ready": sorted(self.ready), "faster": dict(sorted(self.faster.items())),
                "ms": dict(sorted(self.timings.items())), "failed": dict(self.failed), "missed": dict(self.missed),
                "cache": os.environ.get("TORCHINDUCTOR_CACHE_DIR")}


LOOPS = Loops()
