"""Run one case in a child process with a memory cap and a time limit, and say how it ended.

The child is forked from a forkserver that has already imported torch, Pillow and the entry points' modules
(forking the pytest process itself can deadlock once OpenMP ran there; spawning re-imports torch, ~2 s a case).
In the child: the address space is capped at its starting size + :data:`MEMORY_LIMIT`, the entry point runs on
the case's bytes (built and cached in the parent), and the outcome comes back: the result's or the exception's
verdict, wall and CPU time, peak memory growth. The parent kills a child that runs past :data:`TIME_LIMIT`.
"""
from __future__ import annotations

import importlib
import multiprocessing
import os
import resource
import time
from dataclasses import dataclass
from multiprocessing import forkserver

TIME_LIMIT = 3.0                    # seconds of wall time for the entry point itself
MEMORY_LIMIT = 500 * 2 ** 20        # bytes of address space over the child's starting size
START_LIMIT = 60.0                  # the forkserver's first start imports torch
# HOSTILE_PATIENCE=30 lets a slow case run on to show how long it really takes (it still fails)
PATIENCE = float(os.environ.get("HOSTILE_PATIENCE", TIME_LIMIT + 0.5))
TABLES = "tests.hostile.cases"
PRELOAD = ["torch", "PIL.Image", "explorer.imaging", "explorer.network.classes", "explorer.network.data",
           "explorer.network.weights", TABLES]


@dataclass
class Report:
    """How a case ended. ``verdict`` is None when it ended as it must."""
    kind: str                        # "result", "error", "memory", "crash", "timeout"
    verdict: str | None
    error: str = ""                  # the exception's class name
    message: str = ""                # its English message (shortened)
    wall: float = 0.0
    cpu: float = 0.0
    grown_mb: float = 0.0            # peak resident memory over the starting size

    def summary(self) -> str:
        what = f"{self.kind}" + (f" {self.error}: {self.message[:160]!r}" if self.error else "")
        return f"{what}; {self.wall:.2f} s wall, {self.cpu:.2f} s CPU, +{self.grown_mb:.0f} MB"


def _status(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _caused_by_memory(err: BaseException | None) -> bool:
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        text = str(err)
        if isinstance(err, MemoryError) or "allocate memory" in text or "bad_alloc" in text \
                or "Cannot allocate" in text or "out of memory" in text.lower():
            return True
        err = err.__cause__ or err.__context__
    return False


def _child(tables: str, entry_name: str, case_name: str, args: tuple, pipe) -> None:
    import torch
    torch.set_num_threads(min(2, os.cpu_count() or 1))   # thread stacks and arenas would eat the cap on big machines
    # start torch's worker threads before the cap is measured: their stacks and malloc arenas reserve ~200 MB of
    # address space at the first parallel operation (a server has them already), which is not the case's cost
    torch.ones(2 ** 20).mul_(2).sum()
    module = importlib.import_module(tables)
    entry = module.ENTRY_POINTS[entry_name]
    case = module.CASES_BY_NAME[case_name]
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")                                  # peak RSS counts from here
    except OSError:
        pass
    start_rss = _status("VmRSS")
    cap = _status("VmSize") + MEMORY_LIMIT
    resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))
    pipe.send("ready")
    wall, cpu = time.perf_counter(), time.process_time()
    result = error = None
    try:
        result = entry.call(*args)
    except BaseException as err:                             # noqa: BLE001 - every ending is reported
        error = err
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    grown = (_status("VmHWM") - start_rss) / 2 ** 20
    if error is not None and _caused_by_memory(error):
        kind, verdict = "memory", f"ran out of the +{MEMORY_LIMIT // 2 ** 20} MB allowed"
    else:
        kind = "result" if error is None else "error"
        try:
            verdict = module.judge(entry, case, result, error)
        except Exception as err:                             # noqa: BLE001 - a check that fails is a verdict
            verdict = f"the check itself failed: {type(err).__name__}: {err}"[:400]
            if _caused_by_memory(err):
                kind = "memory"
        if verdict is None and wall > TIME_LIMIT:
            verdict = f"took {wall:.2f} s, more than {TIME_LIMIT:.0f} s"
    name, message = ("", "") if error is None else (type(error).__name__, str(error)[:300])
    del error, result
    pipe.send(Report(kind, verdict, name, message, wall, cpu, grown))


_context = None


def _forkserver():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
        # a glibc malloc arena per thread reserves 64 MB of address space: keep the cap for the data
        before = os.environ.get("MALLOC_ARENA_MAX")
        os.environ["MALLOC_ARENA_MAX"] = "2"
        try:
            forkserver.ensure_running()
        finally:
            if before is None:
                del os.environ["MALLOC_ARENA_MAX"]
            else:
                os.environ["MALLOC_ARENA_MAX"] = before
    return _context


def run(entry_name: str, case_name: str, args: tuple, tables: str = TABLES) -> Report:
    """Run ``tables.ENTRY_POINTS[entry_name]`` on ``args`` in a capped child; judged by ``tables.judge``."""
    context = _forkserver()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(tables, entry_name, case_name, args, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(START_LIMIT):
            return Report("crash", f"the child did not start (exit code {child.exitcode})")
        receive.recv()
        started = time.perf_counter()
        if receive.poll(PATIENCE):
            try:
                return receive.recv()
            except EOFError:                                 # it died: let it be reaped
                child.join(5)
        elapsed = time.perf_counter() - started
        if child.is_alive():
            return Report("timeout", f"killed after {elapsed:.1f} s (limit {TIME_LIMIT:.0f} s)", wall=elapsed)
        child.join(1)
        return Report("crash", f"the child died (exit code {child.exitcode}) after {elapsed:.1f} s", wall=elapsed)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
