"""Your own classes as files: a ZIP with one folder per class (read and written) or a folder on disk.

A ZIP is read without extracting anything to disk: every entry is inflated by
:func:`explorer.limits.zip_entry` (never past its declared size, its share of
:data:`ZIP_INFLATED`), and the entries share one budget of CPU time
(:data:`explorer.network.classes.READ_SECONDS`); what is not used is reported by
name, the rest kept.
"""
from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path, PurePosixPath

from explorer import imaging, limits
from explorer.network import NetworkError
from explorer.network.classes import READ_SECONDS, ImageSet, Problem

MAX_ZIP_ENTRIES = 2000
ZIP_INFLATED = 4 * imaging.MAX_UPLOAD_MB * 2 ** 20     # what all entries of one ZIP may inflate to, together
JUNK = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")


def _entry_path(name: str) -> PurePosixPath | None:
    """An archive member's path with ``/`` separators (Windows' Compress-Archive writes ``\\``), no leading
    slash or drive; ``None`` for a path that climbs out of the archive (``..``)."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":          # C:
        parts = parts[1:]
    if not parts or ".." in parts:
        return None
    return PurePosixPath(*parts)


def _class_of(path: PurePosixPath, root_depth: int) -> str | None:
    parts = path.parts[root_depth:]
    return parts[0] if len(parts) >= 2 else None


def from_zip(data: bytes) -> tuple[ImageSet, list[Problem]]:
    """A set from a ZIP with one folder per class (a common top folder is allowed; ``__MACOSX`` and hidden
    files are skipped). Files outside any class folder, not images, or over the budget are reported; the rest kept.
    Entries are inflated by :func:`explorer.limits.zip_entry` and share one :class:`~explorer.limits.Budget`.

    Example:
        >>> from explorer.network.classes import ImageClass
        >>> import numpy as np
        >>> set_, problems = from_zip(to_zip(ImageSet([ImageClass("a", [np.zeros((64, 64, 3), np.uint8)] * 2),
        ...                                             ImageClass("b", [np.ones((64, 64, 3), np.uint8)] * 3)])))
        >>> set_.names, set_.counts(), problems
        (['a', 'b'], [2, 3], [])
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [e for e in archive.infolist() if not e.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error, NotImplementedError):
        raise NetworkError("err.zip_unreadable") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise NetworkError("err.zip_entries", n=len(entries), limit=MAX_ZIP_ENTRIES)
    problems, kept = [], []
    for entry in entries:
        path = _entry_path(entry.filename)
        if path is None:
            problems.append(Problem(entry.filename, NetworkError("err.zip_path")))
        elif not any(part in JUNK or part.startswith(".") for part in path.parts):
            kept.append((entry, path))
    tops = {p.parts[0] for _, p in kept if len(p.parts) > 1}
    # one common top folder holding the class folders (set/cats/a.jpg): look one level deeper
    top_only = len(tops) == 1 and all(len(p.parts) > 1 for _, p in kept)
    root_depth = 1 if top_only and any(len(p.parts) > 2 for _, p in kept) else 0
    budget = limits.Budget(READ_SECONDS, ZIP_INFLATED)
    found: dict[str, list[tuple[str, bytes]]] = {}
    for entry, path in kept:
        name = _class_of(path, root_depth)
        if name is None:
            problems.append(Problem(entry.filename, NetworkError("err.zip_outside")))
            continue
        try:
            budget.check()
            content = limits.zip_entry(data, entry, min(imaging.MAX_UPLOAD_MB * 2 ** 20, budget.left_bytes))
            budget.take(len(content))
        except limits.LimitError as err:
            problems.append(Problem(entry.filename, err))
            continue
        found.setdefault(name, []).append((entry.filename, content))
    result = ImageSet()
    for name in sorted(found):
        try:
            index = result.add_class(name)
        except NetworkError as err:
            problems.append(Problem(name, err))
            continue
        problems += result.add_images(index, found[name], budget)
    for c in result.classes:
        if not c.images:
            problems.append(Problem(c.name, NetworkError("err.class_empty", name=c.name)))
    return result, problems


def from_folder(path: str | Path) -> tuple[ImageSet, list[Problem]]:
    """A set from a folder with one sub-folder per class (any names)."""
    root = Path(path)
    result, problems = ImageSet(), []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        index = result.add_class(folder.name)
        files = [(f.name, f.read_bytes()) for f in sorted(folder.iterdir()) if f.is_file()
                 and not f.name.startswith(".")]
        problems += result.add_images(index, files)
    if not result.classes:
        raise NetworkError("err.folder_empty", path=str(path))
    return result, problems


def to_zip(image_set: ImageSet) -> bytes:
    """The set as a ZIP with a folder per class of PNG files: the format :func:`from_zip` reads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for c in image_set.classes:
            for n, image in enumerate(c.images, start=1):
                archive.writestr(f"{c.name}/{n:03d}.png", imaging.to_png(image))
    return buffer.getvalue()


EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "example_classes.zip"


def example_set() -> ImageSet:
    """The bundled example classes (stripes, dots, rings; ``assets/make_example_classes.py`` draws them)."""
    return from_zip(EXAMPLE.read_bytes())[0]
