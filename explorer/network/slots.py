"""Turns at training: at most as many trainings at once as the server has cores, the others wait in order.

One process serves a whole class, and a training keeps a core busy for seconds
to minutes. Without a limit ten students pressing Train together share two
cores, and every page of every student slows down with them. A :class:`Slots`
lets ``capacity`` trainings run and queues the rest first come, first served;
while a training waits, the caller is told its place, and a training that
stops waiting (Stop, the student leaving) leaves the queue. No Streamlit here:
the page keeps one object per process (``explorer.ui.caches``).
"""
from __future__ import annotations

import itertools
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

SWITCH = "CNN_EXPLORER_TRAININGS"     # how many trainings may run at once in this process; default: its cores


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                       # not on Linux
        return os.cpu_count() or 1


def capacity_from_environment() -> int:
    """``CNN_EXPLORER_TRAININGS`` if it is a whole number ≥ 1, else :func:`cores` (several replicas on one
    machine set it so that together they use no more trainings than cores)."""
    value = os.environ.get(SWITCH, "")
    return int(value) if value.isdigit() and int(value) >= 1 else cores()


@dataclass(frozen=True)
class Waiting:
    """What a waiting training is told: its place in the queue (1: next to start) and how many run."""
    place: int
    running: int


class Slots:
    """``capacity`` trainings at once; the others wait first come, first served.

    Example:
        >>> slots = Slots(1)
        >>> with slots.turn():
        ...     slots.running
        1
        >>> slots.running
        0
    """

    def __init__(self, capacity: int | None = None):
        self.capacity = capacity if capacity is not None else capacity_from_environment()
        if self.capacity < 1:
            raise ValueError(f"capacity {self.capacity}: at least 1")
        self._changed = threading.Condition()
        self._running: set[int] = set()
        self._queue: list[int] = []                 # waiting tickets, in arrival order
        self._tickets = itertools.count()

    @property
    def running(self) -> int:
        with self._changed:
            return len(self._running)

    @property
    def waiting(self) -> int:
        with self._changed:
            return len(self._queue)

    @contextmanager
    def turn(self, on_wait: Callable[[Waiting], None] | None = None, every: float = 0.5) -> Iterator[None]:
        """Inside the block the caller holds one of the slots. Until one is free, ``on_wait`` is called every
        ``every`` seconds (and whenever the place changes) with the caller's :class:`Waiting`, outside any lock;
        an exception from it (Streamlit stopping the run) leaves the queue and propagates."""
        with self._changed:
            ticket = next(self._tickets)
            self._queue.append(ticket)
        try:
            while True:
                with self._changed:
                    if self._queue[0] == ticket and len(self._running) < self.capacity:
                        self._queue.pop(0)
                        self._running.add(ticket)
                        self._changed.notify_all()           # the next in line may start too
                        break
                    told = Waiting(self._queue.index(ticket) + 1, len(self._running))
                if on_wait is not None:
                    on_wait(told)
                with self._changed:
                    if told == Waiting(self._queue.index(ticket) + 1, len(self._running)):
                        self._changed.wait(every)
            yield
        finally:
            with self._changed:
                if ticket in self._queue:
                    self._queue.remove(ticket)
                self._running.discard(ticket)
                self._changed.notify_all()
