"""The image every page works on: an upload, a camera snapshot or a bundled sample; and the region grids are cut from.

Per-user data (the decoded image) lives in ``st.session_state``, never in a
process-wide cache, so one student's photo never reaches another.
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

from explorer import i18n, imaging, limits
from explorer.ui import caches, widgets
from explorer.ui.shell import lang, markdown_text, tr
from explorer.ui.state import shared

ROOT = Path(__file__).resolve().parents[2]
POLITE_NICE = 10            # an upload's decoding gives way to the other students' runs (os.setpriority)
KEEP_UNUSED_UPLOADS = 8     # files no uploader holds now: uploaders on other pages (image, camera, MNIST, weights …)
UPLOAD_MB_PER_S = limits.from_environment("CNN_EXPLORER_UPLOAD_MB_PER_S", 5.0)  # a session's new photos, at most
#                                           this many MB a second on average (0: no limit); a re-uploader waits
ASSETS = ROOT / "assets"
SAMPLES = {
    "cat": "cat.png",
    "coffee": "coffee.png",
    "astronaut": "astronaut.png",
    "camera": "camera.png",
    "shapes": "shapes.png",
    "checkerboard": "checkerboard.png",
}


@dataclass(frozen=True)
class CurrentImage:
    """The image every page works on."""
    pixels: np.ndarray          # (H, W, 3): uint8 from 8-bit files (a quarter of float32's memory), float32 in
    #                             [0, 1] from 16-bit and float ones; imaging.to_float gives floats (read-only)
    digest: str                 # identifies the pixels in cache keys
    name: str
    original_size: tuple[int, int]
    frames: int


def _read_sample(name: str) -> bytes:
    return (ASSETS / SAMPLES[name]).read_bytes()


def _decoded(source_id: str, read) -> CurrentImage | i18n.LocalizedError:
    """Decode once per source: reruns and page switches reuse the session's copy."""
    cached = st.session_state.get(shared.DECODED)
    if cached is not None and cached[0] == source_id:
        return cached[1]
    data = read()
    if not source_id.startswith("sample:"):
        _take_turn(len(data))
    try:
        decoded = _politely(partial(imaging.decode_image, compact=True), data)
        decoded.pixels.flags.writeable = False
        result = CurrentImage(decoded.pixels, hashlib.sha1(data).hexdigest(), source_id.split(":", 1)[1],
                              decoded.original_size, decoded.frames)
    except imaging.ImageError as err:
        result = err
    st.session_state[shared.DECODED] = (source_id, result)
    return result


def _take_turn(size: int) -> None:
    """Decode ``size`` bytes of a new photo once this session's earlier ones are paid for at
    :data:`UPLOAD_MB_PER_S`: a student sending 25 MB files one after another as fast as a script can (a third of a
    second of the server's CPU each) waits 5 s for their own page each time, and everybody else's stays as fast;
    a student trying a 3 MB phone photo, then another, waits 0.6 s at most."""
    wait = st.session_state.get(shared.NEXT_PHOTO, 0.0) - time.monotonic()
    if wait > 0:
        with st.spinner(tr("src.pacing", rate=f"{UPLOAD_MB_PER_S:g}")):
            time.sleep(wait)
    if UPLOAD_MB_PER_S > 0:
        st.session_state[shared.NEXT_PHOTO] = time.monotonic() + size / (UPLOAD_MB_PER_S * limits.MB)


def _politely(work, *args):
    """``work(*args)`` in a thread of its own at a lower CPU priority: a 25 MB photo takes a core for a quarter of a
    second, and one student uploading one after another must not slow every other student's page (Linux lets a
    thread lower its own priority; elsewhere it runs as it is)."""
    outcome: dict = {}

    def run() -> None:
        with suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), POLITE_NICE)
        try:
            outcome["value"] = work(*args)
        except BaseException as err:  # noqa: BLE001  (raised again in the caller's thread)
            outcome["error"] = err

    thread = threading.Thread(target=run, name="decode")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def image_source(used_here: bool = True) -> CurrentImage:
    """Sidebar: upload (takes precedence), camera snapshot, or a bundled sample. On a page that does not use the
    image (``used_here`` false) it is still drawn, or Streamlit would drop an upload, with a note saying so."""
    sidebar = st.sidebar
    sidebar.subheader(tr("src.title"))
    if not used_here:
        sidebar.caption(tr("src.not_here"))
    upload = sidebar.file_uploader(tr("src.upload"), type=list(imaging.UPLOAD_TYPES), key=shared.UPLOAD,
                                   help=tr("src.upload_help", limit=imaging.MAX_UPLOAD_MB))
    sample = widgets.choice(tr("src.sample"), SAMPLES, shared.SAMPLE, shared.DEFAULTS[shared.SAMPLE], prefix="sample",
                            where=sidebar)
    snapshot = None
    if sidebar.toggle(tr("src.camera"), key=shared.CAMERA_ON, persist_state="session"):
        snapshot = sidebar.camera_input(tr("src.camera_take"), key=shared.CAMERA)

    sources = []
    if upload is not None:
        sources.append((f"upload:{upload.name}#{upload.file_id}", upload.getvalue))
    if snapshot is not None:
        sources.append((f"camera:{tr('src.camera_name')}#{snapshot.file_id}", snapshot.getvalue))
    sources.append((f"sample:{sample}", lambda: _read_sample(sample)))

    for source_id, read in sources:
        result = _decoded(source_id, read)
        if isinstance(result, i18n.LocalizedError):
            sidebar.error(tr("src.rejected", why=result.text(lang())), icon=":material/error:")
            continue
        _describe(result, source_id.startswith("sample:"))
        st.session_state[shared.CURRENT] = result
        return result
    raise RuntimeError("the bundled samples must always decode")


def let_go_of_old_uploads(keep: int = KEEP_UNUSED_UPLOADS) -> None:
    """Keep at most ``keep`` of this session's uploaded files that no uploader holds now, the newest.

    Streamlit keeps every file a session uploads until the browser asks it to delete one. A browser does when a
    file is replaced; a script need not, and at 25 MB a file one student re-uploading fills the server's memory
    (a re-uploading client took it to 8.4 GB in two minutes). Files an uploader holds stay, and so do a few more:
    an uploader on a page not shown now, and a file sent but not yet in a run.
    """
    stored, remove = stored_files()
    if not stored:
        return
    held = held_files()
    seen = [f for f in st.session_state.get(shared.UPLOADS_SEEN, []) if f in stored]        # oldest first
    seen += [f for f in stored if f not in seen]
    unused = [f for f in seen if f not in held]
    gone = set(unused[:-keep] if keep else unused)
    for file_id in gone:
        remove(file_id)
    st.session_state[shared.UPLOADS_SEEN] = [f for f in seen if f not in gone]


def stored_files() -> tuple[dict, Callable[[str], None]]:
    """The files Streamlit stores for this session (``{file id: its record}``, a copy: uploads in flight add to
    Streamlit's dict meanwhile) and how to let one go."""
    context = get_script_run_ctx()
    manager = getattr(context, "uploaded_file_mgr", None)
    stored = dict(getattr(manager, "file_storage", {}).get(context.session_id, {})) if context else {}
    return stored, lambda file_id: manager.remove_file(context.session_id, file_id)


def held_files(state: Mapping | None = None) -> set[str]:
    """The ids of the files this session's uploaders hold now (their values in the session's ``state``, read
    here unless given)."""
    return {f.file_id for value in (st.session_state.to_dict() if state is None else state).values()
            for f in (value if isinstance(value, list) else [value]) if isinstance(f, UploadedFile)}


def _describe(image: CurrentImage, is_sample: bool) -> None:
    h, w = image.pixels.shape[:2]
    name = tr(f"sample.{image.name}") if is_sample else markdown_text(image.name.split("#")[0])
    st.sidebar.caption(tr("src.using", name=name, w=w, h=h))
    if max(image.original_size) > max(w, h):
        st.sidebar.info(tr("src.scaled", w0=image.original_size[0], h0=image.original_size[1], w=w, h=h),
                        icon=":material/photo_size_select_large:")
    if image.frames > 1:
        st.sidebar.caption(tr("src.first_frame", n=image.frames))


def current_image() -> CurrentImage:
    """The image chosen in the sidebar (``Home.py`` sets it before each page runs)."""
    return st.session_state[shared.CURRENT]


def working_copy(image: CurrentImage) -> np.ndarray:
    """The picture the page's panels compute on (at most ``caches.COMPARE_SIDE`` on its longer side), named once,
    in the sidebar under the picture's own size, with the reason: the pages had said "Input, 512×342" and
    "(342, 512)" while the sidebar said 640×427."""
    work = caches.compare_image(image.digest, image.pixels)
    if work.shape[:2] != image.pixels.shape[:2]:
        st.sidebar.caption(tr("src.working_copy", w=work.shape[1], h=work.shape[0]))
    return work


# ---------------------------------------------------------------- the region small grids are cut from
#
# Sliding Window, Pooling, Transposed & Dilated and Channels use the same part of the photo (shared.REGION).


def region() -> tuple[float, float, float]:
    """``(x, y, size)`` of the region, as fractions (see ``lessons.sliding.crop_grid``), set or not yet set."""
    return tuple(st.session_state.get(key, shared.DEFAULTS[key]) for key in shared.REGION)


def region_sliders(size_help: str | None = None, where=st) -> tuple[float, float, float]:
    """The three region sliders: where across, where down, how big."""
    defaults = shared.DEFAULTS
    x = widgets.slider(tr("sw.x"), 0.0, 1.0, shared.REGION_X, defaults[shared.REGION_X], step=0.01, where=where)
    y = widgets.slider(tr("sw.y"), 0.0, 1.0, shared.REGION_Y, defaults[shared.REGION_Y], step=0.01, where=where)
    size = widgets.slider(tr("sw.size"), 0.02, 1.0, shared.REGION_SIZE, defaults[shared.REGION_SIZE], step=0.01,
                          help=size_help, where=where)
    return x, y, size
