"""Network tab "Your classes": make 2–6 named classes of images, see what the network will see, get the task.

The set lives in this session only (``st.session_state``), stored at 64 px a
side; nothing is written to disk. Every change goes through a callback that
edits the set and bumps its version, so the page drawn next already shows it
and widgets keyed by the version start fresh (an emptied uploader, the new
names in the name boxes).
"""
from __future__ import annotations

import streamlit as st
import torch

from explorer import display, imaging
from explorer.i18n import LocalizedError
from explorer.network import NetworkError, archive, classes
from explorer.network.augment import NONE, Augment
from explorer.ui import caches, widgets
from explorer.ui.network.model import Task
from explorer.ui.shell import lang, markdown_text, tr
from explorer.ui.state import network as state

PER_PAGE = 24          # thumbnails shown per class at a time
PER_ROW = 3            # class cards side by side
PREVIEW = 12           # pictures in the augmentation preview (one row)


# ---------------------------------------------------------------- the set and its version

def _example() -> classes.ImageSet:
    """The bundled example set, its classes named in the user's language."""
    example = caches.example_set()
    for index, name in enumerate(example.names):
        example.rename(index, tr(f"net.own_example.{name}"))
    return example


def image_set() -> classes.ImageSet:
    """The session's set: the bundled example on first use."""
    if state.SET not in st.session_state:
        st.session_state[state.SET] = _example()
        st.session_state[state.SET_VERSION] = state.DEFAULTS[state.SET_VERSION]
    return st.session_state[state.SET]


def _version() -> int:
    return st.session_state.get(state.SET_VERSION, state.DEFAULTS[state.SET_VERSION])


def _shots() -> int:
    """Snapshots taken so far: the camera is keyed by it, so it starts fresh after each one."""
    return st.session_state.get(state.OWN_SHOTS, state.DEFAULTS[state.OWN_SHOTS])


def _changed(report: list[tuple[str, LocalizedError]] | None = None, done: str | None = None) -> None:
    """The set changed: a new version, and what to tell the user about it (files not used, what was done)."""
    st.session_state[state.SET_VERSION] = _version() + 1
    st.session_state[state.SET_REPORT] = (done, report or [])


def _problems(found: list[classes.Problem]) -> list[tuple[str, LocalizedError]]:
    return [(p.name, p.why) for p in found]


def _replace(new: classes.ImageSet, report: list[tuple[str, LocalizedError]], done: str) -> None:
    st.session_state[state.SET] = new
    _changed(report, done)


# ---------------------------------------------------------------- callbacks (run before the page is drawn)

def _load_example() -> None:
    _replace(_example(), [], tr("net.own_example_loaded"))


def _start_empty() -> None:
    empty = classes.ImageSet()
    for n in (1, 2):
        empty.add_class(tr("net.own_default_name", n=n))
    _replace(empty, [], tr("net.own_emptied"))


def _load_zip() -> None:
    upload = st.session_state.get(state.own_zip(_version()))
    if upload is None:
        return
    try:
        found, problems = archive.from_zip(upload.getvalue())
    except NetworkError as err:
        _changed([(upload.name, err)])
        return
    if not found.classes:
        _changed(_problems(problems) + [(upload.name, NetworkError("err.zip_no_classes"))])
        return
    _replace(found, _problems(problems), tr("net.own_zip_loaded", name=markdown_text(upload.name), n=found.total,
                                            k=len(found.classes)))


def _add_files(index: int) -> None:
    files = st.session_state.get(state.own_files(_version(), index)) or []
    target = image_set()
    before = len(target.classes[index].images)
    problems = target.add_images(index, [(f.name, f.getvalue()) for f in files])
    _changed(_problems(problems), tr("net.own_added", n=len(target.classes[index].images) - before,
                                     name=markdown_text(target.names[index])))


def _add_snapshot() -> None:
    photo = st.session_state.get(state.own_camera(_shots()))
    target = image_set()
    index = st.session_state.get(state.OWN_CAMERA_CLASS, state.DEFAULTS[state.OWN_CAMERA_CLASS])
    if photo is None or not 0 <= index < len(target.classes):
        return
    problems = target.add_images(index, [(tr("net.own_snapshot"), photo.getvalue())])
    st.session_state[state.OWN_SHOTS] = _shots() + 1   # a fresh camera
    _changed(_problems(problems), None if problems else tr("net.own_added", n=1,
                                                           name=markdown_text(target.names[index])))


def _rename(index: int) -> None:
    try:
        image_set().rename(index, st.session_state.get(state.own_name(_version(), index), ""))
    except NetworkError as err:
        _changed([(image_set().names[index], err)])
    else:
        _changed()


def _delete(index: int) -> None:
    name = image_set().names[index]
    image_set().delete(index)
    _changed([], tr("net.own_deleted", name=markdown_text(name)))


def _remove(index: int) -> None:
    chosen = st.session_state.get(state.own_remove(_version(), index)) or []
    image_set().remove(index, [n - 1 for n in chosen])
    _changed([], tr("net.own_removed", n=len(chosen), name=markdown_text(image_set().names[index])))


def _add_class() -> None:
    try:
        image_set().add_class(st.session_state.get(state.OWN_NEW_NAME, state.DEFAULTS[state.OWN_NEW_NAME]))
    except NetworkError as err:
        _changed([(st.session_state.get(state.OWN_NEW_NAME, state.DEFAULTS[state.OWN_NEW_NAME]), err)])
    else:
        st.session_state[state.OWN_NEW_NAME] = state.DEFAULTS[state.OWN_NEW_NAME]
        _changed()


# ---------------------------------------------------------------- drawing

def _report() -> None:
    """What the last change did, and every file it could not use, named (escaped) with the reason."""
    done, problems = st.session_state.get(state.SET_REPORT, (None, []))
    if done:
        st.success(done, icon=":material/check_circle:")
    if problems:
        lines = "\n".join(f"- **{markdown_text(name)}**: {err.text(lang())}" for name, err in problems)
        st.warning(tr("net.own_problems", n=len(problems)) + "\n" + lines, icon=":material/warning:")


def _toolbar(current: classes.ImageSet) -> None:
    b1, b2, b3, b4 = st.columns([1, 1, 1.1, 1.8], vertical_alignment="bottom")
    b1.button(tr("net.own_example"), icon=":material/category:", on_click=_load_example, width="stretch")
    b2.button(tr("net.own_empty"), icon=":material/add_box:", on_click=_start_empty, width="stretch")
    b3.download_button(tr("net.own_download"), lambda: archive.to_zip(current), file_name="classes.zip",
                       mime="application/zip", icon=":material/download:", on_click="ignore", width="stretch",
                       disabled=not current.total, help=tr("net.own_download_help"))
    b4.file_uploader(tr("net.own_zip"), type=["zip"], key=state.own_zip(_version()), on_change=_load_zip,
                     help=tr("net.own_zip_help", per_class=classes.MAX_PER_CLASS, total=classes.MAX_TOTAL))


def _card(current: classes.ImageSet, index: int) -> None:
    """One class: its name and count, an uploader, its thumbnails (a page at a time), rename, remove, delete."""
    version, item = _version(), current.classes[index]
    count = len(item.images)
    with st.container(border=True):
        counted = tr("net.own_count_one" if count == 1 else "net.own_count", n=count, limit=classes.MAX_PER_CLASS)
        st.markdown(f"**{markdown_text(item.name)}** · {counted}")
        st.file_uploader(tr("net.own_files", name=item.name), type=list(imaging.UPLOAD_TYPES),
                         accept_multiple_files=True, key=state.own_files(version, index), on_change=_add_files,
                         args=(index,), label_visibility="collapsed", disabled=count >= classes.MAX_PER_CLASS)
        if count:
            page = 0
            if count > PER_PAGE:
                pages = -(-count // PER_PAGE)
                page = st.number_input(tr("net.own_page", pages=pages), 1, pages, 1,
                                       key=state.own_page(version, index), persist_state="session") - 1
            shown = range(page * PER_PAGE, min(count, (page + 1) * PER_PAGE))
            st.image([item.images[n] for n in shown], caption=[str(n + 1) for n in shown], width=44,
                     alt=[tr("net.own_alt", name=item.name, n=n + 1) for n in shown])
        else:
            st.caption(tr("net.own_no_images"))
        with st.expander(tr("net.own_edit")):
            st.text_input(tr("net.own_name"), item.name, key=state.own_name(version, index), persist_state="session",
                          max_chars=classes.MAX_NAME, on_change=_rename, args=(index,))
            if count:
                st.multiselect(tr("net.own_remove"), list(range(1, count + 1)), key=state.own_remove(version, index),
                               persist_state="session",
                               placeholder=tr("net.own_remove_placeholder"))
                st.button(tr("net.own_remove_button"), key=state.own_remove_button(version, index),
                          on_click=_remove, args=(index,), icon=":material/delete_sweep:")
            st.button(tr("net.own_delete"), key=state.own_delete(version, index), on_click=_delete, args=(index,),
                      icon=":material/delete:", type="tertiary")


def _cards(current: classes.ImageSet) -> None:
    for start in range(0, len(current.classes), PER_ROW):
        for col, index in zip(st.columns(PER_ROW), range(start, min(start + PER_ROW, len(current.classes)))):
            with col:
                _card(current, index)
    if len(current.classes) < classes.MAX_CLASSES:
        n1, n2, _ = st.columns([1.4, 0.8, 1.8], vertical_alignment="bottom")
        n1.text_input(tr("net.own_new"), key=state.OWN_NEW_NAME, persist_state="session", max_chars=classes.MAX_NAME,
                      placeholder=tr("net.own_new_placeholder"))
        n2.button(tr("net.own_add"), icon=":material/add:", on_click=_add_class)
    else:
        st.caption(tr("net.own_full", limit=classes.MAX_CLASSES))


def _camera(current: classes.ImageSet) -> None:
    """Snapshots one after another into the chosen class (the camera starts fresh after each one)."""
    if not widgets.toggle(tr("net.own_camera"), state.OWN_CAMERA_ON, state.DEFAULTS[state.OWN_CAMERA_ON],
                          help=tr("net.own_camera_help")):
        return
    if not current.classes:
        return
    left, right = st.columns([1, 2])
    st.session_state[state.OWN_CAMERA_CLASS] = min(
        st.session_state.get(state.OWN_CAMERA_CLASS, state.DEFAULTS[state.OWN_CAMERA_CLASS]), len(current.classes) - 1)
    left.selectbox(tr("net.own_camera_class"), list(range(len(current.classes))), key=state.OWN_CAMERA_CLASS,
                   persist_state="session", format_func=lambda i, names=current.names: names[i])
    right.camera_input(tr("net.own_camera_take"), key=state.own_camera(_shots()), on_change=_add_snapshot)


def _dataset(current: classes.ImageSet, size: int, colour: bool):
    """The training and validation images at this size, made once per version of the set."""
    key = (_version(), id(current), size, colour)
    kept = st.session_state.get(state.OWN_DATA)
    if kept is None or kept[0] != key:
        kept = (key, classes.dataset(current, size, colour))
        st.session_state[state.OWN_DATA] = kept
    return kept[1]


def _preview(data, names: list[str], augment: Augment, colour: bool) -> None:
    """A grid of training images as the network will see them in one step (new ones on request)."""
    st.markdown(f"**{tr('net.own_preview')}**")
    seed = st.session_state.get(state.OWN_PREVIEW_SEED, state.DEFAULTS[state.OWN_PREVIEW_SEED])
    generator = torch.Generator().manual_seed(seed)
    picked = torch.randperm(len(data.x_train), generator=generator)[:PREVIEW]
    seen = augment(data.x_train[picked], generator)
    pictures = [display.to_uint8(display.from_chw(x.numpy())) for x in seen]
    st.image(pictures, width=56, caption=[names[int(i)] for i in data.y_train[picked]],
             alt=[names[int(i)] for i in data.y_train[picked]])
    if st.button(tr("net.own_preview_again"), icon=":material/shuffle:"):
        st.session_state[state.OWN_PREVIEW_SEED] = seed + 1
        st.rerun()
    st.caption(tr("net.own_preview_note" if augment.active else "net.own_preview_plain", grey="" if colour
                  else tr("net.own_grey_note")))


def _split_report(current: classes.ImageSet, data) -> None:
    per_class = torch.bincount(data.y_val, minlength=len(current.classes)).tolist()
    st.markdown(tr("net.own_split", train=len(data.x_train), val=len(data.x_val),
                   each=", ".join(f"{markdown_text(n)} {c}" for n, c in zip(current.names, per_class))))
    fewest = classes.fewest_validation(data.y_val, len(current.classes))
    if fewest < classes.FEW_VALIDATION:
        st.warning(tr("net.own_few", fewest=fewest, step=f"{100 / max(len(data.x_val), 1):.0f}",
                      want=classes.FEW_VALIDATION, images=classes.FEW_VALIDATION * 5), icon=":material/info:")


def render() -> Task:
    """The whole tab; returns the task the other tabs work on (no images yet: ``data`` is ``None``)."""
    st.markdown(tr("net.own_intro"))
    current = image_set()
    _toolbar(current)
    _report()
    _cards(current)
    _camera(current)
    st.subheader(tr("net.own_seen_title"))
    s1, s2, s3 = st.columns([1.2, 1, 1], vertical_alignment="bottom")
    size = widgets.choice(tr("net.own_size"), list(classes.SIZES), state.OWN_SIZE, classes.DEFAULTS["size"],
                          kind="segmented", format_func=lambda s: f"{s}×{s}", where=s1)
    colour = widgets.toggle(tr("net.own_colour"), state.OWN_COLOUR, classes.DEFAULTS["colour"], where=s2)
    augment = Augment() if widgets.toggle(tr("net.own_augment"), state.OWN_AUGMENT, state.DEFAULTS[state.OWN_AUGMENT],
                                          where=s3, help=tr("net.own_augment_help")) else NONE
    shape = (3 if colour else 1, int(size), int(size))
    problem = current.usable()
    names = tuple(current.names) or (tr("net.own_default_name", n=1), tr("net.own_default_name", n=2))
    if problem is not None:
        st.warning(problem.text(lang()), icon=":material/info:")
        return Task("classes", names, shape, None, problem, augment)
    data = _dataset(current, int(size), colour)
    _split_report(current, data)
    _preview(data, current.names, augment, colour)
    return Task("classes", names, shape, data, None, augment)
