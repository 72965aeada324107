"""A server nobody uses lets go of what it cached for the class, and sessions whose students have gone end:
memory returns after a class.

The shared caches (``caches.py``) keep each student's preview and filtered results for an hour, and Python keeps
the memory of a session that ended in cycles its collector only visits while objects are being made: after a
class of 100 the server stayed at 1.8 GB, three times a warm empty one, until the next class. A janitor thread per
process watches for runs; after ``idle_s`` with none it clears the caches it was given, collects the cycles and
hands the free heap back to the system (glibc's ``malloc_trim``), and again every ``idle_s`` while nobody comes:
sessions end after their students (Streamlit keeps a closed browser's session 2 minutes for a reconnection).

Streamlit's own store of those sessions only drops one whose time is up when the next is stored, and never shuts it
down: its state (the photo) and its uploaded files stayed, 840 MB after a class of 100 with 34 uploads, and the
files for good. The janitor ends such sessions as Streamlit would have (:func:`end_expired_sessions`), at every
look, busy or not, and lets go of files whose session has gone.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading
import time
from collections.abc import Callable, Sequence


def trim_heap() -> bool:
    """Give the free memory at the top and inside glibc's heaps back to the system; False where there is no glibc."""
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return False
    return True


def end_expired_sessions() -> int:
    """Shut down the sessions kept for a reconnection whose time is up, and drop uploaded files of sessions that
    no longer exist; returns how many sessions ended. Reaches into Streamlit's session manager (1.67): where that
    has changed, it does nothing."""
    from streamlit import runtime
    try:
        server = runtime.get_instance()
        manager, files = server._session_mgr, server.uploaded_file_mgr
        kept, lock = manager._session_storage._cache, manager._storage_lock
        with lock:
            ended = [info.session for _, info in kept.expire()]
        for session in ended:
            session.shutdown()
        alive = {info.session.id for info in manager.list_sessions()}
        for session_id in set(getattr(files, "file_storage", {})) - alive:
            files.remove_session_files(session_id)
    except (RuntimeError, AttributeError, TypeError):       # no runtime (a test), or another Streamlit
        return 0
    return len(ended)


class Janitor:
    """Clears ``caches`` (callables) once no run has been seen for ``idle_s`` seconds, then collects and trims;
    again every ``idle_s`` until the next run. ``sweeps`` run at every look (every ``every_s``)."""

    def __init__(self, caches: Sequence[Callable[[], None]], idle_s: float, every_s: float | None = None,
                 sweeps: Sequence[Callable[[], object]] = ()) -> None:
        self.caches, self.idle_s, self.sweeps = tuple(caches), idle_s, tuple(sweeps)     # sweeps: at every look
        self.last_run = self._last_tidy = time.monotonic()
        self.tidied = 0                          # how many times it has let go (for tests and the measurements)
        self._lock = threading.Lock()
        self._seen = False                       # a run since the process started
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, args=(every_s or max(idle_s / 4, 0.05),),
                                        name="janitor", daemon=True)
        self._thread.start()

    def saw_a_run(self) -> None:
        with self._lock:
            self.last_run, self._seen = time.monotonic(), True

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self, every_s: float) -> None:
        while not self._stop.wait(every_s):
            try:
                for sweep in self.sweeps:
                    sweep()
                with self._lock:
                    now = time.monotonic()
                    due = self._seen and now - max(self.last_run, self._last_tidy) >= self.idle_s
                if due:
                    self.tidy()
            except Exception:  # noqa: BLE001  (one failed look must not end the janitor for the process's life)
                logging.getLogger(__name__).exception("the janitor's look failed")

    def tidy(self) -> None:
        for clear in self.caches:
            clear()
        gc.collect()
        trim_heap()
        self.tidied += 1
        self._last_tidy = time.monotonic()
