"""A live class's store (no Streamlit): classes with a code and a teacher key, students who join with the code,
and their answers, counted for the teacher's board.

    >>> store = open_store("sqlite://")                 # in memory; None: the embedded file; or postgresql://…
    >>> code, key = store.create_class({"kinds": ["conv_value"], "count": 3})
    >>> student = store.join(code, "Ada")
    >>> store.record(code, student, "q1", "12", True, None), store.record(code, student, "q1", "13", False, None)
    (True, False)
    >>> store.board(code, key)["questions"]["q1"]["right"]
    1
"""
from __future__ import annotations

import os

from explorer.classroom.store import ClassError, Store, default_url, normalise_code

__all__ = ["ClassError", "Store", "normalise_code", "open_store"]


def open_store(url: str | None = None) -> Store:
    """The store at ``url``: ``sqlite:///path``, ``postgresql://user@host/db``; ``None``: ``CNN_EXPLORER_DB_URL``
    when set (every replica of a deployment points at one PostgreSQL), else the embedded SQLite file."""
    return Store(url or os.environ.get("CNN_EXPLORER_DB_URL") or default_url())
