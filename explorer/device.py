"""Where tensors are computed: the device choice, its name for people, and the CPU fallback.

A CUDA out-of-memory error never crashes a page: :func:`run_with_fallback`
redoes the work on the CPU, warns, and counts it for the calling thread (a
server runs each session in its own thread). :class:`DeviceImages` keeps one
session's current image on the GPU between reruns, so a rerun pays only for
the convolution and the copy of its result back.
"""
from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from contextlib import AbstractContextManager, contextmanager
from typing import Callable, Iterator

import numpy as np
import torch

from explorer.geometry import ParamError
from explorer.i18n import t

DEVICE_NAMES = ("cuda", "mps", "cpu")


class DeviceFallbackWarning(RuntimeWarning):
    """The GPU ran out of memory and the computation was redone on the CPU."""


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


def resolve(device: torch.device | str | None) -> torch.device:
    """``None`` -> :func:`pick_device`; a name or device -> that device."""
    return pick_device() if device is None else torch.device(device)


def device_label(device: torch.device, lang: str = "en") -> str:
    """A short description in ``lang``: the GPU's name, Apple MPS, or the CPU with its thread count.

    Example:
        >>> device_label(torch.device("cpu"), "zh").startswith("CPU · ")
        True
    """
    if device.type == "cuda":
        return t("device.cuda", lang, name=torch.cuda.get_device_name(device))
    if device.type == "mps":
        return t("device.mps", lang)
    return t("device.cpu", lang, threads=torch.get_num_threads())


_THREADS_LOCK = threading.Lock()
_THREADS_HELD = {"runs": 0, "before": 0}


@contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Torch's intra-op threads set to ``n`` for the ``with`` block (``None``: left as they are).

    ``torch.set_num_threads`` sets the process's count, which every thread starting its first computation
    meanwhile takes up too (a Streamlit run of another session): blocks that overlap (a training, im2col's cost
    table) share one count, and the last one to end puts back what was there before the first began.
    """
    if n is None:
        yield
        return
    with _THREADS_LOCK:
        if _THREADS_HELD["runs"] == 0:
            _THREADS_HELD["before"] = torch.get_num_threads()
        _THREADS_HELD["runs"] += 1
        torch.set_num_threads(n)
    try:
        yield
    finally:
        with _THREADS_LOCK:
            _THREADS_HELD["runs"] -= 1
            if _THREADS_HELD["runs"] == 0:
                torch.set_num_threads(_THREADS_HELD["before"])


_this_thread = threading.local()


def fallbacks() -> int:
    """How many computations of the calling thread have fallen back from a GPU to the CPU so far.

    Comparing the count before and after a call tells a session whether its
    call fell back, without ``warnings.catch_warnings`` (which is not thread-safe).
    """
    return getattr(_this_thread, "fallbacks", 0)


def run_with_fallback(compute: Callable[[torch.device], np.ndarray], device: torch.device) -> np.ndarray:
    """Run ``compute(device)``; if a GPU runs out of memory, warn, count it and redo it on the CPU."""
    try:
        return compute(device)
    except torch.OutOfMemoryError:
        if device.type == "cpu":
            raise
        if device.type == "cuda":
            torch.cuda.empty_cache()
        store = kept_images()
        if store is not None:
            store.clear()                      # this session's kept images give their memory back first
        _this_thread.fallbacks = fallbacks() + 1
        warnings.warn(t("warn.gpu_oom", "en"), DeviceFallbackWarning, stacklevel=2)
        return compute(torch.device("cpu"))


def exact_cuda() -> AbstractContextManager:
    """cuDNN may use TF32 (10-bit mantissa) for float32 convolutions; the app shows exact numbers."""
    return torch.backends.cudnn.flags(enabled=True, benchmark=False, deterministic=False, allow_tf32=False)


# ---------------------------------------------------------------- images kept on the device per session

def _free_cuda_bytes(device: torch.device) -> int:
    """Memory a new tensor could take: free on the card plus what torch holds but does not use."""
    free, _ = torch.cuda.mem_get_info(device)
    return free + torch.cuda.memory_reserved(device) - torch.cuda.memory_allocated(device)


class DeviceImages:
    """One session's images kept on a GPU between reruns: uploaded once, reused while the page shows the same
    image, dropped when newer ones replace them, when the GPU runs short (:func:`run_with_fallback`) and with
    the session (it lives in the session's state).

    Only read-only arrays are kept (the app's cached images are; a writable one could change under its copy),
    recognised as the same object, and only while one takes at most ``share`` of the free device memory (the
    convolution needs room too); anything else is uploaded for the call as before.

    Example:
        >>> store = DeviceImages(kinds=("cpu",), free_bytes=lambda device: 10 ** 9)
        >>> image = np.zeros((4, 4), np.float32)
        >>> image.flags.writeable = False
        >>> first = store.get(image, torch.device("cpu"), lambda: torch.from_numpy(image.copy()))
        >>> store.get(image, torch.device("cpu"), lambda: None) is first, store.nbytes
        (True, 64)
    """

    def __init__(self, keep: int = 2, share: float = 0.25, kinds: tuple[str, ...] = ("cuda",),
                 free_bytes: Callable[[torch.device], int] | None = None):
        self.keep, self.share, self.kinds = keep, share, kinds
        self.free_bytes = free_bytes or _free_cuda_bytes
        self._kept: OrderedDict[tuple, tuple[np.ndarray, torch.Tensor]] = OrderedDict()
        self._lock = threading.Lock()
        self.uploads = 0

    def get(self, arr: np.ndarray, device: torch.device, upload: Callable[[], torch.Tensor]) -> torch.Tensor:
        """``arr`` on ``device``: the kept tensor if this very array was uploaded before, else ``upload()``."""
        if device.type not in self.kinds:
            return upload()
        key = (id(arr), arr.shape, arr.dtype.str, str(device))
        with self._lock:
            hit = self._kept.get(key)
            if hit is not None and hit[0] is arr:
                self._kept.move_to_end(key)
                return hit[1]
        tensor = upload()
        self.uploads += 1
        if not arr.flags.writeable and arr.nbytes <= self.share * self.free_bytes(device):
            with self._lock:
                self._kept[key] = (arr, tensor)           # the array itself is held: its id stays its own
                while len(self._kept) > self.keep:
                    self._kept.popitem(last=False)
        return tensor

    @property
    def nbytes(self) -> int:
        """Device memory the kept images take."""
        return sum(arr.nbytes for arr, _ in self._kept.values())

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


_session = threading.local()


@contextmanager
def keep_images(store: DeviceImages | None) -> Iterator[None]:
    """Within this block (one script run of one session), images go to the device through ``store``."""
    before = getattr(_session, "store", None)
    _session.store = store
    try:
        yield
    finally:
        _session.store = before


def kept_images() -> DeviceImages | None:
    """The store of the script run on this thread, if any."""
    return getattr(_session, "store", None)
