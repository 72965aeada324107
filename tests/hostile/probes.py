"""Entry points that misbehave on purpose, to check the harness catches each way a case can go wrong."""
from __future__ import annotations

import os
import signal
import time

from explorer.network import NetworkError
from tests.hostile.cases import Case, EntryPoint, judge  # noqa: F401 - judge is what the harness calls


def _hoard(_data: bytes) -> None:
    chunks = []
    for _ in range(40):
        chunks.append(bytearray(64 * 2 ** 20))      # 2.5 GB in all: past the cap


def _sleep(_data: bytes) -> None:
    time.sleep(30)


def _refuse(_data: bytes) -> None:
    raise NetworkError("err.zip_unreadable")


def _wrong(_data: bytes) -> None:
    raise KeyError("not the documented error")


def _die(_data: bytes) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


ENTRY_POINTS = {
    "returns": EntryPoint(len, NetworkError, lambda result: None),
    "refuses": EntryPoint(_refuse, NetworkError, lambda result: None),
    "wrong_error": EntryPoint(_wrong, NetworkError, lambda result: None),
    "hoards_memory": EntryPoint(_hoard, NetworkError, lambda result: None),
    "sleeps": EntryPoint(_sleep, NetworkError, lambda result: None),
    "dies": EntryPoint(_die, NetworkError, lambda result: None),
}
CASES_BY_NAME = {name: Case(name, name, lambda: b"") for name in ENTRY_POINTS}
