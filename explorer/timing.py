"""Median wall time of a call: what the benchmark and the im2col cost table measure with."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn()`` in ms over ``repeat`` calls, after one warm-up call.

    Example:
        >>> median_ms(lambda: None, 3) < 5
        True
    """
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cuda_median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Like :func:`median_ms`, synchronising the GPU after each call (its result is copied back anyway)."""
    import torch

    def synced():
        fn()
        torch.cuda.synchronize()
    return median_ms(synced, repeat)


def cpu_model() -> str:
    """The processor's model name (``/proc/cpuinfo`` on Linux), for benchmark headers: same-kind machines differ."""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform
    return platform.processor() or platform.machine()
