"""The data a network trains on: the bundled digits, MNIST IDX files, folders of images, photos and drawings.

The data that ship with the app are scikit-learn's 1,797 handwritten digits
(8×8, resized to 28×28); nothing is downloaded.
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from explorer import imaging, limits
from explorer.network import CLASSES, NetworkError


@dataclass
class Data:
    """Images ``(N, 1, 28, 28)`` float32 in [0, 1] and labels ``(N,)`` int64, split three ways."""
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_val: torch.Tensor
    y_val: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor


def to_28(images: np.ndarray) -> torch.Tensor:
    """``(N, h, w)`` images in [0, 1] to ``(N, 1, 28, 28)`` by bilinear resizing (antialiased when shrinking)."""
    x = torch.from_numpy(np.asarray(images, dtype=np.float32))[:, None]
    if x.shape[-2:] == (28, 28):
        return x.contiguous()
    return F.interpolate(x, size=(28, 28), mode="bilinear", align_corners=False, antialias=True).clamp_(0, 1)


def split(x: torch.Tensor, y: torch.Tensor, seed: int = 0, fractions=(0.6, 0.2)) -> Data:
    """Shuffle with ``seed`` and cut into train / validation / test (the rest)."""
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    x, y = x[order], y[order]
    a = int(len(x) * fractions[0])
    b = a + int(len(x) * fractions[1])
    return Data(x[:a], y[:a], x[a:b], y[a:b], x[b:], y[b:])


def load_digits(seed: int = 0) -> Data:
    """scikit-learn's 1,797 handwritten digits (UCI, 8×8, values 0–16) resized to 28×28, split 60/20/20.

    Example:
        >>> data = load_digits()
        >>> tuple(data.x_train.shape), len(data.x_test)
        ((1078, 1, 28, 28), 360)
    """
    from sklearn.datasets import load_digits as sklearn_digits
    digits = sklearn_digits()
    return split(to_28(digits.images / 16.0), torch.from_numpy(digits.target.astype(np.int64)), seed)


MAX_IDX_BYTES = 64 * 2 ** 20   # MNIST's 60,000 training images take 47 MB unpacked
MAX_IDX_SIDE = 256            # an image side: every image is resized to 28×28
MIN_IDX_IMAGES = 10           # the fewest that split into training, validation and test images, none empty
MAX_IDX_IMAGES = 70_000       # all of MNIST: each image becomes 28×28 float32 (3 KB), 210 MB in all


def _idx(data: bytes, expected_dims: int) -> np.ndarray:
    if data[:2] == b"\x1f\x8b":
        try:
            data = limits.gunzip(data, MAX_IDX_BYTES)
        except limits.LimitError as err:
            raise NetworkError("err.idx_unpack", why=err) from None
    start = 4 + 4 * expected_dims
    if len(data) < start or data[:2] != b"\x00\x00" or data[2] != 0x08 or data[3] != expected_dims:
        raise NetworkError("err.idx_format", dims=expected_dims)
    dims = struct.unpack(f">{expected_dims}I", data[4:start])
    if any(side == 0 or side > MAX_IDX_SIDE for side in dims[1:]):
        raise NetworkError("err.idx_side", side="×".join(map(str, dims[1:])), limit=MAX_IDX_SIDE)
    expected = math.prod(dims)           # Python integers: a header's product cannot overflow
    if len(data) - start != expected:
        raise NetworkError("err.idx_size", expected=expected, found=len(data) - start)
    return np.frombuffer(data, dtype=np.uint8, offset=start).reshape(dims)


def load_idx(images: bytes, labels: bytes) -> tuple[torch.Tensor, torch.Tensor]:
    """MNIST-style IDX files (``…-images-idx3-ubyte`` and ``…-labels-idx1-ubyte``, gzipped or not).

    Returns ``(x, y)``: ``(N, 1, 28, 28)`` in [0, 1] and ``(N,)`` labels. Unpacked within
    :data:`MAX_IDX_BYTES` whatever the header claims; at least :data:`MIN_IDX_IMAGES` images.
    """
    x = _idx(images, 3)
    y = _idx(labels, 1)
    if len(x) != len(y):
        raise NetworkError("err.idx_count", images=len(x), labels=len(y))
    if not MIN_IDX_IMAGES <= len(x) <= MAX_IDX_IMAGES:
        raise NetworkError("err.idx_few" if len(x) < MIN_IDX_IMAGES else "err.idx_many", n=len(x),
                           least=MIN_IDX_IMAGES, most=MAX_IDX_IMAGES)
    if y.max(initial=0) >= CLASSES:
        raise NetworkError("err.idx_labels", high=CLASSES - 1)
    pixels = x.astype(np.float32)           # float32 at once: x / 255.0 made a float64 copy twice the size
    pixels *= 1 / 255
    return to_28(pixels), torch.from_numpy(y.astype(np.int64))


def prepare_photo(image: np.ndarray) -> dict[str, np.ndarray]:
    """A photo of one handwritten digit made to look like the training data, step by step.

    Steps (each kept for display): ``grey``; ``inverted`` (when the paper is
    lighter than the ink, so the digit is bright on dark, like the data);
    ``cropped`` to the digit's bounding box with a margin, squared; ``final``
    resized to 20×20 and centred in 28×28, as MNIST does.
    """
    grey = imaging.to_grey(np.asarray(image, dtype=np.float32))
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    inverted = 1 - grey if np.median(border) > 0.5 else grey.copy()
    lo, hi = np.percentile(inverted, 5), inverted.max()
    stretched = np.clip((inverted - lo) / (hi - lo), 0, 1) if hi > lo else np.zeros_like(inverted)
    ys, xs = np.nonzero(stretched > 0.3)
    if len(ys) == 0:
        cropped = stretched
    else:
        top, bottom, left, right = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        side = max(bottom - top, right - left)
        cy, cx = (top + bottom) // 2, (left + right) // 2
        square = np.zeros((side, side), np.float32)
        y0, x0 = cy - side // 2, cx - side // 2
        sy = slice(max(y0, 0), min(y0 + side, stretched.shape[0]))
        sx = slice(max(x0, 0), min(x0 + side, stretched.shape[1]))
        square[sy.start - y0:sy.stop - y0, sx.start - x0:sx.stop - x0] = stretched[sy, sx]
        cropped = square
    small = F.interpolate(torch.from_numpy(cropped)[None, None], size=(20, 20), mode="bilinear",
                          align_corners=False, antialias=True)[0, 0].clamp(0, 1).numpy()
    final = np.zeros((28, 28), np.float32)
    final[4:24, 4:24] = small
    return {"grey": grey, "inverted": inverted, "cropped": cropped, "final": final}


def rasterize(strokes: list[list[tuple[float, float]]], size: int = 28, width: float = 2.2) -> np.ndarray:
    """Strokes drawn on a ``size × size`` canvas (points in pixel units, y down) as a [0, 1] image.

    Example:
        >>> bool(rasterize([[(4, 14), (24, 14)]])[14, 4:25].min() > 0.9)
        True
    """
    scale = 8
    canvas = np.zeros((size * scale, size * scale), np.uint8)
    for stroke in strokes:
        points = np.round(np.asarray(stroke, np.float64) * scale).astype(np.int32)
        if len(points) == 1:
            cv2.circle(canvas, tuple(points[0]), int(width * scale / 2), 255, -1, cv2.LINE_AA)
        else:
            cv2.polylines(canvas, [points], False, 255, int(width * scale), cv2.LINE_AA)
    return cv2.resize(canvas, (size, size), interpolation=cv2.INTER_AREA).astype(np.float32) / 255


def lasso_strokes(selection: dict, size: int = 28) -> list[list[tuple[float, float]]]:
    """The paths of a Plotly lasso selection (``{"lasso": [{"x": […], "y": […]}, …]}``) as open strokes."""
    strokes = []
    for path in (selection or {}).get("lasso", []) or []:
        points = [(float(x), float(y)) for x, y in zip(path.get("x", []), path.get("y", []))
                  if 0 <= float(x) <= size and 0 <= float(y) <= size]
        if points:
            strokes.append(points)
    return strokes
