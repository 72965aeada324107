"""Each session's share of the server's memory: what a student keeps between runs is weighed after every run, and
past the share the oldest of what can be let go is, with a message.

A class shares one process. A student who uploads an MNIST file, a set of their own classes, a 12 MP photo and
trains on all three sources keeps several hundred megabytes between runs; forty such students would fill the
server. What a page needs now (the photo, the files an uploader holds, the model being worked on) is weighed
but never let go; what waits for a return (a file no uploader holds, the unpacked MNIST images, your classes'
images, a model put aside for another source) is let go oldest first until the session is within its share.
Shared caches (previews, filtered images) are bounded for the whole process in ``caches``, not here.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import streamlit as st
import torch
from streamlit.runtime.uploaded_file_manager import UploadedFile

from explorer import limits
from explorer.ui import source
from explorer.ui.network.source import SOURCES
from explorer.ui.shell import markdown_text, tr
from explorer.ui.state import network as net
from explorer.ui.state import shared

SHARE_MB = limits.from_environment("CNN_EXPLORER_SESSION_MB", 512)   # the most a session keeps between runs
_UPLOAD = "upload:"                                         # an uploaded file's name among the kept things


@dataclass(frozen=True)
class Kept:
    """One thing a session keeps between runs."""
    name: str                                   # its session-state key, or ``upload:<file id>``
    size: int                                   # bytes of memory it holds
    label: str | None = None                    # what the student is told when it is let go; None: needed now
    let_go: Callable[[], None] | None = None


def weigh(value: object, seen: set[int] | None = None, depth: int = 0) -> int:
    """The bytes of array, tensor and byte data ``value`` holds, inside containers and objects (each counted once,
    by identity; GPU tensors and plain numbers are not host memory worth counting)."""
    seen = set() if seen is None else seen
    if id(value) in seen or depth > 12 or isinstance(value, (str, int, float, bool, type(None), UploadedFile)):
        return 0                                # an uploader's file is weighed from the server's storage
    seen.add(id(value))
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, torch.Tensor):
        return value.nelement() * value.element_size() if value.device.type == "cpu" else 0
    if isinstance(value, (bytes, bytearray, memoryview)):
        return len(value)
    if isinstance(value, torch.nn.Module):            # its tensors as they are (state_dict() copies each one)
        value = [*value.parameters(), *value.buffers()]
    if isinstance(value, Mapping):
        value = list(value.values())
    elif hasattr(value, "__dict__"):
        value = list(vars(value).values())
    elif hasattr(value, "_asdict"):
        value = list(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return sum(weigh(item, seen, depth + 1) for item in value)
    return 0


def to_let_go(kept: list[Kept], ages: Mapping[str, float], share: int) -> list[Kept]:
    """The things to let go, oldest first, until the total is within ``share`` bytes (or nothing more can go)."""
    total = sum(k.size for k in kept)
    going = []
    for item in sorted((k for k in kept if k.label is not None), key=lambda k: ages.get(k.name, 0.0)):
        if total <= share:
            break
        going.append(item)
        total -= item.size
    return going


def _drop(*keys: str) -> Callable[[], None]:
    return lambda: [st.session_state.pop(key, None) for key in keys]


def _drop_set() -> None:
    st.session_state.pop(net.SET, None)         # your classes start again from the example, drawn afresh
    st.session_state[net.SET_VERSION] = st.session_state.get(net.SET_VERSION, net.DEFAULTS[net.SET_VERSION]) + 1


def _session_things(ss: Mapping) -> list[Kept]:
    """Everything this session keeps (``ss``: its state, read once), weighed; what a return can do without comes
    with a label and a way to go."""
    files, remove = source.stored_files()
    held = source.held_files(ss)
    seen: set[int] = set()
    kept = []
    for file_id, rec in files.items():
        waits = file_id not in held                  # no uploader holds it now
        kept.append(Kept(_UPLOAD + file_id, len(rec.data),
                         tr("budget.upload", name=markdown_text(rec.name)) if waits else None,
                         (lambda f=file_id: remove(f)) if waits else None))
    lettable = {}                               # the network's source shown keeps its data
    if ss.get(net.SOURCE) != "idx":
        lettable[net.IDX_DATA] = (tr("budget.idx"), _drop(net.IDX_DATA, net.IDX_FILES, net.IDX_OUTCOME))
    if ss.get(net.SOURCE) != "classes":
        lettable[net.SET] = (tr("budget.set"), _drop_set)
    lettable.update({net.models_of(source): (tr("budget.model", source=tr(f"net.data.{source}")),
                                             _drop(net.models_of(source))) for source in SOURCES})
    for key in sorted(ss.keys(), key=lambda k: k in lettable):   # what is needed now is weighed first
        label, let_go = lettable.get(key, (None, None))
        kept.append(Kept(key, weigh(ss[key], seen), label, let_go))
    return kept


def keep_within_share(share_mb: float = SHARE_MB) -> None:
    """Let go of the oldest of what this session keeps past its share, and say what went (at the end of a run)."""
    state = st.session_state.to_dict()      # one read of the whole state (each lookup through the proxy is slow)
    kept = _session_things(state)
    # a thing's age: when this session first kept it (a new object under the same key is a new thing)
    now, known = time.monotonic(), state.get(shared.KEPT, {})
    identities = {k.name: id(state[k.name]) if k.name in state else k.name for k in kept}
    ages = {name: known[name][1] if known.get(name, (None,))[0] == identity else now
            for name, identity in identities.items()}
    going = to_let_go(kept, ages, int(share_mb * 2 ** 20))
    for item in going:
        item.let_go()
    st.session_state[shared.KEPT] = {name: (identities[name], ages[name]) for name in identities
                                     if name not in {item.name for item in going}}
    if going:
        what = tr("budget.separator").join(dict.fromkeys(item.label for item in going))
        st.toast(tr("budget.let_go", mb=f"{share_mb:g}", what=what), icon=":material/memory:", duration="long")
