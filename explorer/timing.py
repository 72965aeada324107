"""Wall time of a call (median, or fastest): what the benchmark, the calibration and the im2col cost table
measure with."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def _call_ms(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls of ``fn()`` in ms, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn()`` in ms over ``repeat`` calls, after one warm-up call.

    Example:
        >>> median_ms(lambda: None, 3) < 5
        True
    """
    return statistics.median(_call_ms(fn, repeat))


def fastest_ms(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` calls after a warm-up, in ms: other work on a shared machine only ever adds
    time, so the minimum is the steadiest estimate of what a call costs (the median moved 2× here).

    Example:
        >>> fastest_ms(lambda: None, 3) <= median_ms(lambda: None, 3) + 5
        True
    """
    return min(_call_ms(fn, repeat))


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


def cpu_isa() -> str:
    """The vector instructions torch uses here ("AVX512", "AVX2", …), and a cap on oneDNN's if one is set:
    processors with one model name come with and without AVX-512, and which is used decides which layouts win.

    Example:
        >>> cpu_isa() != ""
        True
    """
    import os

    import torch
    isa = torch.backends.cpu.get_cpu_capability()
    cap = os.environ.get("ONEDNN_MAX_CPU_ISA") or os.environ.get("DNNL_MAX_CPU_ISA")
    return f"{isa}, oneDNN up to {cap}" if cap else isa
