"""Where tensors are computed: the device choice, its name for people, and the CPU fallback.

A CUDA out-of-memory error never crashes a page: :func:`run_with_fallback`
redoes the work on the CPU, warns, and counts it for the calling thread (a
server runs each session in its own thread).
"""
from __future__ import annotations

import threading
import warnings
from contextlib import AbstractContextManager
from typing import Callable

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
        _this_thread.fallbacks = fallbacks() + 1
        warnings.warn(t("warn.gpu_oom", "en"), DeviceFallbackWarning, stacklevel=2)
        return compute(torch.device("cpu"))


def exact_cuda() -> AbstractContextManager:
    """cuDNN may use TF32 (10-bit mantissa) for float32 convolutions; the app shows exact numbers."""
    return torch.backends.cudnn.flags(enabled=True, benchmark=False, deterministic=False, allow_tf32=False)
