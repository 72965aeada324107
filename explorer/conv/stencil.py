"""Small kernels as one compiled loop: the ``stencil`` strategy (see :mod:`explorer.conv.strategies`).

oneDNN's depthwise kernel vectorises over channels (three in a colour image,
one in a grey one) and the lanes that fill its vectors do 6× the
multiply-adds (:mod:`explorer.conv.lanes`). Written as k² shifted multiply-adds of
the image, a k×k correlation is one loop over the output that torch's own
compiler (``torch.compile``, inductor) turns into C++ vectorised along the
row, with every tap read from cache and each output written once: the loop
of a 2 MP grey 3×3 takes 0.5–1.0 ms (OpenCV's whole call 1.6–2.9), a whole
12 MP RGB 3×3 call 16–19 ms against OpenCV's 38–52 (docs/performance.md). Colour
images are the rows of ``W·C`` values, the taps ``C`` apart, so one loop
serves any number of channels.

Compiling takes seconds (3–15 s here, a C++ compiler is needed), so it runs in
a background thread on first use while the other strategies answer; each
compiled variant is checked against ``F.conv2d`` on an image of another size
before it is used. Then it is timed against the path it would replace on the
caller's own calls, in turns (:func:`turn`, :func:`record`): the same image,
the same thread. Timed in the background thread instead (as at first) it was
slowed more than the path it replaced (2 MP grey 3×3: 1.9–2.2 ms against
1.4–1.6 in the calling thread; a second OpenMP team on 2 cores), so it lost
where it is 1.4× faster. It is used, per size class (1–6 MP, from 6 MP), only
where it was faster here. It is off unless ``CNN_EXPLORER_COMPILE=on``; no
compiler or any failure leaves the other paths.

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

_lock = threading.Lock()       # held by every compiled call and by compiling: torch's compile "stance" is global
_compiled = None
_ready: set = set()            # compiled and checked
_faster: dict = {}             # (key, size class) -> whether it beat the path it replaces here (measured once)
_failed: dict = {}             # key -> why it could not be compiled or checked: not used
_missed: dict = {}             # key -> the last call it refused (torch's guards wanted a new compile)
_trials: dict = {}             # (key, size class) -> its _Trial, until it is chosen or refused
_timings: dict = {}            # (key, size class) -> (ms compiled, ms of the other path, for an image of pixels)
_trial_lock = threading.Lock()
_queued: set = set()
_building = threading.Lock()   # one variant compiles at a time
_starting = threading.Lock()   # a job is queued and a worker started, or the worker ends, not both at once
_jobs: queue.Queue = queue.Queue()
_worker: threading.Thread | None = None


@dataclass
class _Trial:
    """The timed calls of one variant and size class (:func:`record`): ms per MP of each path's."""
    compiled: list[float] = field(default_factory=list)
    other: list[float] = field(default_factory=list)
    calls: int = 0                 # calls so far, those left out included: which path the next one takes


def _compiler():
    """``torch.compile`` of :func:`correlate_interior`, configured once for this process."""
    global _compiled
    if _compiled is None:
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
        _compiled = torch.compile(correlate_interior, dynamic=True, fullgraph=True)
    return _compiled


def _sample(k: Key, rows: int, values: int, rng: np.random.Generator):
    """Arguments of :func:`run` for the variant ``k``: an image of ``rows``×``values`` (per channel)."""
    kh, kw, grey, (top, bottom, left, right) = k
    c = 1 if grey else 3
    image = rng.random((rows, values * c), dtype=np.float32)
    kernel = rng.normal(size=(kh, kw)).astype(np.float32)
    out = np.zeros((rows - kh + 1 + top + bottom, (values - kw + 1 + left + right) * c), np.float32)
    return image, kernel, out, top, left, c


def _build(k: Key) -> None:
    """Compile the variant ``k`` and check it on an image of another size, without compiling again."""
    rng = np.random.default_rng(k[0] * 10 + k[1])
    compiled = _compiler()
    with _lock, torch.inference_mode():                    # as run() calls it: torch guards the grad mode
        compiled(*(torch.from_numpy(a) if isinstance(a, np.ndarray) else a for a in _sample(k, 53, 97, rng)))
    image, kernel, out, top, left, c = _sample(k, 38, 61, rng)
    with _lock:
        _call(image, kernel, out, top, left, c)           # not yet in _ready: no other thread uses it unchecked
    x = torch.from_numpy(image).reshape(image.shape[0], -1, c).permute(2, 0, 1)[:, None]
    expected = F.conv2d(x, torch.from_numpy(kernel)[None, None])[:, 0].permute(1, 2, 0).flatten(1).numpy()
    got = out[top:top + expected.shape[0], left * c:left * c + expected.shape[1]]
    if not np.allclose(got, expected, rtol=1e-4, atol=1e-4):
        raise ArithmeticError(f"compiled loop off by {float(np.abs(got - expected).max()):.3g}")


def prepare(k: Key) -> bool:
    """Compile and check the variant ``k`` now (in this thread) unless done; whether it can be used."""
    if k in _ready:
        return True
    if not switched_on():
        return False
    with _building:
        if k in _ready:
            return True
        if k in _failed or len(_ready) + len(_failed) >= MAX_VARIANTS:
            return False
        try:
            _build(k)
        except Exception as err:                      # noqa: BLE001 — no compiler, a refused graph: other paths
            _failed[k] = repr(err)
            return False
        _ready.add(k)
        return True


def size_class(pixels: int) -> int:
    """0 for an image of 1–6 MP, 1 from 6 MP: each is timed on its own (:func:`turn`)."""
    return int(pixels >= LARGE_PIXELS)


def _work() -> None:
    """The background thread: compiles and checks what was asked for, then ends. A thread that stays keeps its
    own team of OpenMP threads, and with one idle beside them the page's own convolutions ran 10–20 % slower
    here (2 MP RGB 3×3: 0.92–1.22× OpenCV against 0.70–0.94 before it and after it ended)."""
    global _worker
    while True:
        try:
            k = _jobs.get(timeout=IDLE_S)
        except queue.Empty:
            with _starting:
                if _jobs.empty():
                    _worker = None
                    return
            continue
        try:
            prepare(k)
        finally:
            _queued.discard(k)
            _jobs.task_done()


def request(k: Key) -> None:
    """Compile and check the variant ``k`` in the background unless that is done or under way."""
    global _worker
    if k in _ready or k in _failed or k in _queued or not switched_on():
        return
    _queued.add(k)
    with _starting:
        _jobs.put(k)
        if _worker is None:
            _worker = threading.Thread(target=_work, name="cnn-explorer-compile", daemon=True)
            _worker.start()


def turn(k: Key, size: int) -> tuple[bool, bool]:
    """For a call of the variant ``k`` in the ``size`` class: whether it takes the compiled loop, and whether
    it is timed (:func:`record`). Until the loop is compiled (asked for here) and while anything compiles, the
    other path, untimed; then each path in turn for :data:`BLOCK` calls, timed, until :func:`decide` has
    enough; from then on what it chose."""
    chosen = _faster.get((k, size))
    if chosen is not None:
        return chosen and k in _ready, False
    if k not in _ready:
        request(k)
        return False, False
    if _worker is not None:              # its OpenMP team slows this thread's calls: time them once it ended
        return False, False
    trial = _trials.get((k, size))
    return (trial.calls if trial else 0) // BLOCK % 2 == 0, True


def record(k: Key, size: int, compiled: bool, ms: float, pixels: int) -> None:
    """One timed call (:func:`turn`): ``ms`` for an image of ``pixels``, through the compiled loop or not. The
    first call of each block is left out: in turns call by call the other path's output buffers and caches
    made both look alike (2 MP grey 3×3 on AVX2: 1.5–1.9 ms against 1.6–2.1, while 20 calls in a row of each
    took 1.2–1.8 against 2.2–2.9). Chooses once both paths have :data:`TRIALS` timed calls."""
    with _trial_lock:
        if (k, size) in _faster:
            return
        trial = _trials.setdefault((k, size), _Trial())
        if trial.calls % BLOCK:
            (trial.compiled if compiled else trial.other).append(ms * 1e6 / pixels)
        trial.calls += 1
        chosen = decide(trial.compiled, trial.other)
        if chosen is not None:
            _faster[(k, size)] = chosen
            _timings[(k, size)] = (min(trial.compiled) * pixels / 1e6, min(trial.other) * pixels / 1e6, pixels)


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


def trying() -> bool:
    """Whether some variant is being timed against the other path and has not been chosen or refused yet."""
    with _trial_lock:
        return any(job not in _faster for job in _trials)


def preferred(k: Key, size: int) -> bool:
    """Whether the variant ``k`` is ready and was measured faster than the path it replaces at ``size``."""
    return _faster.get((k, size), False) and k in _ready


def wait() -> None:
    """Until every requested variant is compiled and checked and the background thread has ended (the
    benchmark waits; pages do not)."""
    _jobs.join()
    worker = _worker
    if worker is not None:
        worker.join()


def run(k: Key, image: np.ndarray, kernel: np.ndarray, out: np.ndarray, top: int, left: int, c: int) -> bool:
    """Write the inside windows of ``image`` (``(H, W·c)``) ⋆ ``kernel`` into ``out`` (``(H', W'·c)``) from
    ``top``, ``left`` if the variant ``k`` is ready and nothing is compiling; False (nothing written) otherwise.
    All three are C-contiguous float32 NumPy arrays, made tensors here the same way every time (torch's guards
    compare how a tensor was made, not only its shape)."""
    if k not in _ready or not _lock.acquire(blocking=False):
        return False
    try:
        _call(image, kernel, out, top, left, c)
        return True
    except RuntimeError as err:           # a call its guards did not expect: the other path, this time
        _missed[k] = repr(err)
        return False
    finally:
        _lock.release()


def _call(image: np.ndarray, kernel: np.ndarray, out: np.ndarray, top: int, left: int, c: int) -> None:
    """The compiled loop on :func:`run`'s arguments, never compiling (RuntimeError instead); ``_lock`` held."""
    with torch.compiler.set_stance("fail_on_recompile"), torch.inference_mode():
        _compiled(torch.from_numpy(image), torch.from_numpy(kernel), torch.from_numpy(out), top, left, c)


def status() -> dict[str, object]:
    """What was compiled, measured or refused in this process (``python -m explorer.bench --calibrate``)."""
    return {"ready": sorted(_ready), "faster": dict(sorted(_faster.items())), "ms": dict(sorted(_timings.items())),
            "failed": dict(_failed), "missed": dict(_missed), "cache": os.environ.get("TORCHINDUCTOR_CACHE_DIR")}
