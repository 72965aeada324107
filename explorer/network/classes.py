"""Your own classes: a set of named classes of images (from uploads, snapshots, or :mod:`explorer.network.archive`).

Images are kept only at :data:`STORED` pixels a side (square, uint8 RGB):
the largest training size, so memory stays bounded and originals are dropped.
Every image goes through :func:`explorer.imaging.decode_image`, the same
checks as the sidebar upload; a file that fails is reported by name and the
rest are kept.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import cv2
import numpy as np
import torch

from explorer import imaging, limits
from explorer.display import LUMA
from explorer.i18n import LocalizedError
from explorer.network import NetworkError
from explorer.network.data import Data

STORED = 64
SIZES = (32, 48, 64)
MIN_CLASSES, MAX_CLASSES = 2, 6
MAX_PER_CLASS, MAX_TOTAL = 200, 1000
MAX_NAME = 40
MAX_SPECS = 64               # layers a weights file's metadata may describe
READ_SECONDS = 10.0          # CPU time one upload (a ZIP, several files) may take to decode: the rest is reported


@dataclass
class ImageClass:
    """One class: its name and its images, ``(STORED, STORED, 3)`` uint8 each."""
    name: str
    images: list[np.ndarray] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    """A file that was not used, and why (a translatable message)."""
    name: str
    why: LocalizedError


def square(image: np.ndarray, side: int = STORED) -> np.ndarray:
    """The centre square of a float RGB image, area-resized to ``side`` pixels, as uint8.

    Example:
        >>> square(np.ones((30, 60, 3), np.float32)).shape
        (64, 64, 3)
    """
    h, w = image.shape[:2]
    edge = min(h, w)
    top, left = (h - edge) // 2, (w - edge) // 2
    crop = np.ascontiguousarray(image[top:top + edge, left:left + edge])
    interpolation = cv2.INTER_AREA if edge > side else cv2.INTER_LINEAR
    resized = cv2.resize(crop, (side, side), interpolation=interpolation)
    return (np.clip(resized, 0, 1) * 255 + 0.5).astype(np.uint8)


def clean_name(name: str) -> str:
    """A class name as typed (any language), trimmed; empty or too long is an error.

    Example:
        >>> clean_name("  猫 cats ")
        '猫 cats'
    """
    text = " ".join(str(name).split())
    if not text:
        raise NetworkError("err.class_name_empty")
    if len(text) > MAX_NAME:
        raise NetworkError("err.class_name_long", limit=MAX_NAME)
    return text


class ImageSet:
    """2–6 named classes of images, with the caps enforced on every change."""

    def __init__(self, classes: list[ImageClass] | None = None):
        self.classes: list[ImageClass] = classes or []

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.classes]

    @property
    def total(self) -> int:
        return sum(len(c.images) for c in self.classes)

    def add_class(self, name: str) -> int:
        """A new empty class; returns its index."""
        name = clean_name(name)
        if len(self.classes) >= MAX_CLASSES:
            raise NetworkError("err.class_count", limit=MAX_CLASSES)
        if name in self.names:
            raise NetworkError("err.class_twice", name=name)
        self.classes.append(ImageClass(name))
        return len(self.classes) - 1

    def rename(self, index: int, name: str) -> None:
        name = clean_name(name)
        if name in self.names and self.names.index(name) != index:
            raise NetworkError("err.class_twice", name=name)
        self.classes[index].name = name

    def delete(self, index: int) -> None:
        del self.classes[index]

    def remove(self, index: int, positions: list[int]) -> None:
        """Drop images ``positions`` of class ``index``."""
        keep = set(range(len(self.classes[index].images))) - set(positions)
        self.classes[index].images = [img for n, img in enumerate(self.classes[index].images) if n in keep]

    def add_images(self, index: int, files: list[tuple[str, bytes]],
                   budget: limits.Budget | None = None) -> list[Problem]:
        """Decode and add ``(file name, bytes)`` to class ``index``; returns the files that were not used.
        With a ``budget`` (one upload's), the files left once its time is spent are reported, not decoded."""
        problems = []
        target = self.classes[index]
        budget = budget or limits.Budget(READ_SECONDS, 0)
        for name, data in files:
            try:
                budget.check()
            except limits.LimitError as err:
                problems.append(Problem(name, err))
                continue
            if len(target.images) >= MAX_PER_CLASS:
                problems.append(Problem(name, NetworkError("err.class_full", name=target.name,
                                                           limit=MAX_PER_CLASS)))
                continue
            if self.total >= MAX_TOTAL:
                problems.append(Problem(name, NetworkError("err.set_full", limit=MAX_TOTAL)))
                continue
            try:
                target.images.append(square(imaging.decode_image(data, max_side=1024).pixels))
            except imaging.ImageError as err:
                problems.append(Problem(name, err))
        return problems

    def counts(self) -> list[int]:
        return [len(c.images) for c in self.classes]

    def usable(self) -> LocalizedError | None:
        """Why this set cannot be trained on yet (``None`` when it can): too few classes, an empty class."""
        if len(self.classes) < MIN_CLASSES:
            return NetworkError("err.class_too_few", n=MIN_CLASSES)
        empty = [c.name for c in self.classes if len(c.images) < 2]
        if empty:
            return NetworkError("err.class_too_small", name=empty[0])
        return None


def tensors(image_set: ImageSet, size: int, colour: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """``(x, y)``: ``(N, C, size, size)`` float in [0, 1] (C = 3, or 1 for grey) and the class indices."""
    pictures, labels = [], []
    for label, c in enumerate(image_set.classes):
        for image in c.images:
            pictures.append(_at_size(image, size))
            labels.append(label)
    x = torch.from_numpy(np.stack(pictures)) if pictures else torch.zeros((0, size, size, 3))
    return _channels(x, colour), torch.tensor(labels, dtype=torch.long)


def _at_size(image: np.ndarray, size: int) -> np.ndarray:
    small = cv2.resize(image, (size, size), interpolation=cv2.INTER_AREA) if size != image.shape[0] else image
    return small.astype(np.float32) / 255


def _channels(x: torch.Tensor, colour: bool) -> torch.Tensor:
    """``(N, H, W, 3)`` -> ``(N, 3, H, W)``, or ``(N, 1, H, W)`` grey (the luma weights)."""
    x = x.permute(0, 3, 1, 2).contiguous()
    return x if colour else (x * torch.from_numpy(LUMA).reshape(1, 3, 1, 1)).sum(1, keepdim=True)


def as_input(image: np.ndarray, size: int, colour: bool) -> np.ndarray:
    """A new photo (float RGB) prepared exactly like the training images: ``(C, size, size)`` floats.

    Example:
        >>> as_input(np.ones((90, 120, 3), np.float32), 32, False).shape
        (1, 32, 32)
    """
    picture = _at_size(square(image), size)
    return _channels(torch.from_numpy(picture)[None], colour)[0].numpy()


def split(y: torch.Tensor, seed: int = 0, fraction: float = 0.2) -> tuple[torch.Tensor, torch.Tensor]:
    """Indices of the training and the validation images: the same fraction of every class, at least one.

    Example:
        >>> train, val = split(torch.tensor([0] * 10 + [1] * 3))
        >>> len(val), sorted(torch.bincount(torch.tensor([0] * 10 + [1] * 3)[val]).tolist())
        (3, [1, 2])
    """
    generator = torch.Generator().manual_seed(seed)
    train, val = [], []
    for label in torch.unique(y):
        members = torch.nonzero(y == label)[:, 0]
        members = members[torch.randperm(len(members), generator=generator)]
        count = max(1, int(round(len(members) * fraction))) if len(members) > 1 else 0
        val.append(members[:count])
        train.append(members[count:])
    return torch.cat(train), torch.cat(val)


def dataset(image_set: ImageSet, size: int, colour: bool, seed: int = 0) -> Data:
    """Training and validation images of the set (the validation images serve as the test set too)."""
    x, y = tensors(image_set, size, colour)
    train, val = split(y, seed)
    return Data(x[train], y[train], x[val], y[val], x[val], y[val])


# what training on your own classes starts from: measured on the example set (README), every seed ≥ 0.95
DEFAULTS = {"preset": "batchnorm", "size": 48, "colour": True, "epochs": 20, "lr": 0.003, "batch_size": 16,
            "optimizer": "adam"}


def metadata(names: list[str], size: int, colour: bool, specs: list[dict]) -> dict[str, str]:
    """What a weights file must carry to be used again: the class names, the input settings, the layers."""
    return {"classes": json.dumps(names, ensure_ascii=False), "size": str(size), "colour": str(bool(colour)).lower(),
            "specs": json.dumps(specs)}


def settings_of(meta: dict[str, str]) -> tuple[list[str], int, bool, list[dict]] | None:
    """``(class names, size, colour, specs)`` from a weights file's metadata; ``None`` if it has none (digits).

    Example:
        >>> settings_of(metadata(["猫", "dog"], 48, True, [{"type": "flatten"}]))
        (['猫', 'dog'], 48, True, [{'type': 'flatten'}])
    """
    if "classes" not in meta:
        return None
    try:
        names, specs = json.loads(meta["classes"]), json.loads(meta.get("specs", "[]"))
        size, colour = int(meta.get("size", "48")), meta.get("colour", "true") == "true"
    except (ValueError, TypeError, RecursionError):     # deeply nested JSON raised RecursionError
        raise NetworkError("err.weights_unreadable", why="metadata") from None
    # the names are shown on the page: the same rules as names typed in the app (2–6, at most 40 characters, apart)
    if not (isinstance(names, list) and MIN_CLASSES <= len(names) <= MAX_CLASSES
            and all(isinstance(n, str) and n == " ".join(n.split()) and 0 < len(n) <= MAX_NAME for n in names)
            and len(set(names)) == len(names) and size in SIZES
            and isinstance(specs, list) and len(specs) <= MAX_SPECS and all(isinstance(s, dict) for s in specs)):
        raise NetworkError("err.weights_unreadable", why="metadata")
    return names, size, colour, specs


def _settings_text(names: list[str], shape: tuple[int, int, int]) -> str:
    return f"{', '.join(names)} · {'×'.join(str(v) for v in shape)}"


def check_fits(meta: dict[str, str], names: list[str], input_shape: tuple[int, int, int]) -> None:
    """Refuse a weights file's metadata unless it names these classes and this input (digits: no class
    metadata at all); the layers themselves are checked when the tensors are loaded.

    Example:
        >>> try:
        ...     check_fits(metadata(["a", "b"], 32, False, []), ["a", "b"], (3, 32, 32))
        ... except NetworkError as err:
        ...     print(err.params)
        {'found': 'a, b · 1×32×32', 'expected': 'a, b · 3×32×32'}
    """
    found = settings_of(meta)
    shape = None if found is None else (3 if found[2] else 1, found[1], found[1])
    if found is None and list(names) == [str(d) for d in range(10)] and input_shape == (1, 28, 28):
        return
    if found is not None and (found[0], shape) == (list(names), tuple(input_shape)):
        return
    raise NetworkError("err.weights_classes",
                       found=_settings_text([str(d) for d in range(10)], (1, 28, 28)) if found is None
                       else _settings_text(found[0], shape), expected=_settings_text(list(names), input_shape))


FEW_VALIDATION = 5     # fewer validation images per class than this: the validation accuracy is a coarse number


def fewest_validation(y_val: torch.Tensor, count: int) -> int:
    """The fewest validation images any of ``count`` classes has.

    Example:
        >>> fewest_validation(torch.tensor([0, 0, 1, 2, 2]), 3)
        1
    """
    return int(torch.bincount(y_val, minlength=count)[:count].min()) if count else 0
