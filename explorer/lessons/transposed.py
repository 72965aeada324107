"""Transposed convolution three ways, upsampling kernels, and checkerboard artifacts.

A transposed convolution can be read as (1) every input cell stamping
``value × kernel`` into the output, overlaps adding up (what
``F.conv_transpose2d`` computes); (2) inserting ``stride − 1`` zeros between
the inputs, padding, and convolving with the kernel flipped 180°; (3)
multiplying by the transpose of the matrix ``V`` of the ordinary convolution
that goes the other way. The functions here compute (2) and (3) on their own,
so the page and the tests can hold them against (1).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from explorer import ops
from explorer.geometry import ParamError, output_size, pair, transposed_output_size
from explorer.kernels import flip

UPSAMPLE_KERNELS = ("bilinear", "box", "random")
GRID_KERNELS = ("integers", "ones", "bilinear")


def upsample_kernel(kind: str, stride: int, seed: int = 0) -> np.ndarray:
    """A kernel that enlarges an image ``stride`` times by transposed convolution.

    ``bilinear``: the tent of side ``2s − s mod 2`` (the classic FCN initialisation);
    ``box``: ``s×s`` ones (nearest neighbour); ``random``: the tent with
    multiplicative noise, rescaled to the same sum, like a kernel after some training.

    Example:
        >>> upsample_kernel("bilinear", 2)[0].tolist()
        [0.0625, 0.1875, 0.1875, 0.0625]
    """
    s = pair(stride, "stride", 1)[0]
    if kind not in UPSAMPLE_KERNELS:
        raise ParamError("err.upsample_kernel", value=repr(kind), allowed=", ".join(UPSAMPLE_KERNELS))
    if kind == "box":
        return np.ones((s, s), np.float32)
    size = 2 * s - s % 2
    factor = (size + 1) // 2
    centre = factor - 1 if size % 2 == 1 else factor - 0.5
    tent = 1 - np.abs(np.arange(size) - centre) / factor
    kernel = np.outer(tent, tent)
    if kind == "random":
        noisy = kernel * (1 + 0.6 * np.random.default_rng(seed).standard_normal(kernel.shape))
        kernel = noisy * kernel.sum() / noisy.sum()
    return kernel.astype(np.float32)


def upsample_padding(kernel_size: int, stride: int, n: int) -> tuple[int, int]:
    """``(padding, output_padding)`` that make a side of ``n`` exactly ``stride·n`` long, when possible.

    Example:
        >>> upsample_padding(4, 2, 10)
        (1, 0)
    """
    padding = max(0, (kernel_size - stride + 1) // 2)
    extra = stride * n - transposed_output_size(n, kernel_size, stride, padding)
    return padding, extra if 0 <= extra < stride else 0


def zero_inserted(grid: np.ndarray, kernel_shape: tuple[int, int], *, stride=1, padding=0, output_padding=0,
                  dilation=1) -> np.ndarray:
    """The input with ``stride − 1`` zeros between cells and ``d·(k−1) − p`` zeros around it.

    ``output_padding`` adds that many more rows/columns at the bottom/right. A
    padding above ``d·(k−1)`` crops instead. Convolving the result with the
    flipped kernel (dilation ``d``, stride 1, no padding) is the transposed convolution.

    Example:
        >>> zero_inserted(np.ones((2, 2)), (1, 1), stride=2).tolist()
        [[1.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0]]
    """
    grid = np.asarray(grid, dtype=np.float32)
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    (ph, pw), (oph, opw) = pair(padding, "padding", 0), pair(output_padding, "output_padding", 0)
    h, w = grid.shape
    stuffed = np.zeros(((h - 1) * sh + 1, (w - 1) * sw + 1), np.float32)
    stuffed[::sh, ::sw] = grid
    border_h, border_w = dh * (kernel_shape[0] - 1) - ph, dw * (kernel_shape[1] - 1) - pw
    sides = ((border_h, border_h + oph), (border_w, border_w + opw))
    stuffed = np.pad(stuffed, [(max(0, a), max(0, b)) for a, b in sides])
    crop = [(max(0, -a), max(0, -b)) for a, b in sides]
    return stuffed[crop[0][0]:stuffed.shape[0] - crop[0][1], crop[1][0]:stuffed.shape[1] - crop[1][1]]


def via_zero_insertion(grid: np.ndarray, kernel: np.ndarray, *, stride=1, padding=0, output_padding=0,
                       dilation=1) -> np.ndarray:
    """Transposed convolution as zero insertion + ordinary convolution with the flipped kernel."""
    kernel = np.asarray(kernel, dtype=np.float32)
    stuffed = zero_inserted(grid, kernel.shape, stride=stride, padding=padding, output_padding=output_padding,
                            dilation=dilation)
    return ops.conv2d(stuffed, flip(kernel), dilation=dilation, device="cpu")


def conv_matrix(input_shape: tuple[int, int], kernel: np.ndarray, *, stride=1, padding=0, dilation=1,
                output_shape: tuple[int, int] | None = None) -> np.ndarray:
    """The matrix ``V`` of an ordinary (zero-padded) convolution on ``input_shape``.

    Row ``r`` holds the weights output cell ``r`` (row-major) gives each input
    cell, so ``V @ x.ravel()`` is ``conv2d(x).ravel()``. ``output_shape``
    keeps only that top-left part of the output (the default is all of it).

    Example:
        >>> conv_matrix((4, 4), np.ones((3, 3))).shape
        (4, 16)
    """
    kernel = np.asarray(kernel, dtype=np.float64)
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    ph, pw = pair(padding, "padding", 0)
    h, w = input_shape
    kh, kw = kernel.shape
    if output_shape is None:
        output_shape = (output_size(h, kh, sh, ph, dh), output_size(w, kw, sw, pw, dw))
    matrix = np.zeros((output_shape[0] * output_shape[1], h * w))
    for oy in range(output_shape[0]):
        for ox in range(output_shape[1]):
            for i in range(kh):
                for j in range(kw):
                    y, x = oy * sh - ph + i * dh, ox * sw - pw + j * dw
                    if 0 <= y < h and 0 <= x < w:
                        matrix[oy * output_shape[1] + ox, y * w + x] += kernel[i, j]
    return matrix


def via_matrix(grid: np.ndarray, kernel: np.ndarray, *, stride=1, padding=0, output_padding=0,
               dilation=1) -> tuple[np.ndarray, np.ndarray]:
    """Transposed convolution as ``Vᵀ @ x``; returns ``(V, result)``.

    ``V`` is the convolution from the transposed output's shape back to the
    grid's shape with the same kernel, stride, padding and dilation.

    Example:
        >>> V, y = via_matrix(np.ones((2, 2)), np.ones((3, 3)))
        >>> V.shape, y.shape
        ((4, 16), (4, 4))
    """
    grid = np.asarray(grid, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    (ph, pw), (oph, opw) = pair(padding, "padding", 0), pair(output_padding, "output_padding", 0)
    out_shape = (transposed_output_size(grid.shape[0], kernel.shape[0], sh, ph, oph, dh),
                 transposed_output_size(grid.shape[1], kernel.shape[1], sw, pw, opw, dw))
    if min(out_shape) < 1:
        raise ParamError("err.transposed_empty", h=out_shape[0], w=out_shape[1], padding=max(ph, pw))
    matrix = conv_matrix(out_shape, kernel, stride=(sh, sw), padding=(ph, pw), dilation=(dh, dw),
                         output_shape=grid.shape)
    return matrix, (matrix.T @ grid.ravel()).reshape(out_shape)


def overlap_counts(input_shape: tuple[int, int], kernel_shape: tuple[int, int], stride: int) -> np.ndarray:
    """How many input stamps land on each output cell (``conv_transpose2d`` of ones by ones).

    Uneven counts are the checkerboard: they appear when the kernel size is
    not a multiple of the stride.

    Example:
        >>> overlap_counts((3, 3), (3, 3), 2)[2].tolist()
        [2.0, 2.0, 4.0, 2.0, 4.0, 2.0, 2.0]
    """
    return ops.conv_transpose2d(np.ones(input_shape, np.float32), np.ones(kernel_shape, np.float32),
                                stride=stride, device="cpu")


def checkerboard_pair(image: np.ndarray, kernel_size: int, stride: int, device=None) -> tuple[np.ndarray, np.ndarray]:
    """The same ``kernel_size`` box filter used two ways to enlarge ``image`` ``stride`` times.

    Returns ``(transposed, resized)``: a transposed convolution whose box
    kernel is scaled so an even overlap keeps the brightness, and nearest-
    neighbour resizing followed by the box average (``same`` padding,
    replicated border), which has no uneven overlap.
    """
    k, s = int(kernel_size), int(stride)
    box = np.full((k, k), 1.0 / (k * k), np.float32)
    padding = max(0, (k - s) // 2)
    transposed = ops.conv_transpose2d(image, box * s * s, stride=s, padding=padding, device=device)
    resized = ops.conv2d(ops.resize(image, s, "nearest", device=device), box, padding="same",
                         padding_mode="replicate", device=device)
    return transposed, resized


def grid_kernel(kind: str, size: int, stride: int, seed: int = 0) -> np.ndarray:
    """A small kernel for the grid demonstration: random integers −1…2, ones, or the bilinear tent
    for ``stride`` (its size then follows the stride; scaled to sum to 1).

    Example:
        >>> grid_kernel("ones", 2, 1).tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """
    if kind not in GRID_KERNELS:
        raise ParamError("err.upsample_kernel", value=repr(kind), allowed=", ".join(GRID_KERNELS))
    if kind == "bilinear":
        return upsample_kernel("bilinear", stride) / stride ** 2
    if kind == "ones":
        return np.ones((size, size), np.float32)
    return np.random.default_rng(seed).integers(-1, 3, (size, size)).astype(np.float32)


@dataclass(frozen=True)
class ThreeWays:
    """One transposed convolution computed three ways."""
    stamps: np.ndarray        # F.conv_transpose2d (explorer.ops)
    stuffed: np.ndarray       # the zero-inserted, padded input
    input_cells: list[tuple[int, int]]   # where the original inputs sit in ``stuffed``
    via_zeros: np.ndarray     # conv2d(stuffed, flipped kernel)
    matrix: np.ndarray        # V
    via_matrix: np.ndarray    # Vᵀ · x

    @property
    def largest_difference(self) -> float:
        """The largest gap between the stamps and either other way (0 when all agree)."""
        return max(float(np.abs(self.via_zeros - self.stamps).max()),
                   float(np.abs(self.via_matrix - self.stamps).max()))


def three_ways(grid: np.ndarray, kernel: np.ndarray, *, stride=1, padding=0, output_padding=0,
               dilation=1) -> ThreeWays:
    """The stamps (torch), zero insertion + flipped kernel, and ``Vᵀ · x`` for one setting.

    Example:
        >>> three_ways(np.ones((2, 2)), np.ones((3, 3))).largest_difference
        0.0
    """
    settings = dict(stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
    kernel = np.asarray(kernel, dtype=np.float32)
    stamps = ops.conv_transpose2d(grid, kernel, **settings, device="cpu")
    stuffed = zero_inserted(grid, kernel.shape, **settings)
    (sh, sw), (dh, dw) = pair(stride, "stride", 1), pair(dilation, "dilation", 1)
    ph, pw = pair(padding, "padding", 0)
    top, left = dh * (kernel.shape[0] - 1) - ph, dw * (kernel.shape[1] - 1) - pw
    cells = [(top + i * sh, left + j * sw) for i in range(grid.shape[0]) for j in range(grid.shape[1])
             if 0 <= top + i * sh < stuffed.shape[0] and 0 <= left + j * sw < stuffed.shape[1]]
    matrix, by_matrix = via_matrix(grid, kernel, **settings)
    return ThreeWays(stamps, stuffed, cells, via_zero_insertion(grid, kernel, **settings), matrix, by_matrix)


def border_difference_free(a: np.ndarray, b: np.ndarray, border: int) -> float | None:
    """The largest ``|a − b|`` more than ``border`` pixels from the edge (None if the shapes differ
    or nothing is left).

    Example:
        >>> border_difference_free(np.zeros((6, 6)), np.ones((6, 6)), 2)
        1.0
    """
    if a.shape != b.shape or min(a.shape[:2]) <= 2 * border:
        return None
    inner = (slice(border, a.shape[0] - border), slice(border, a.shape[1] - border))
    return float(np.abs(np.asarray(a, np.float64)[inner] - b[inner]).max())


@dataclass(frozen=True)
class RoundTrip:
    """A convolution, then the transposed convolution with the same kernel: the size comes back, the values not."""
    grid: np.ndarray
    down: np.ndarray              # conv2d(grid)
    back: np.ndarray              # conv_transpose2d(down), as large as grid
    output_padding: int           # what restores the size

    @property
    def difference(self) -> np.ndarray:
        return self.back - self.grid


def round_trip(grid: np.ndarray, kernel: np.ndarray, *, stride: int = 1, padding: int = 0) -> RoundTrip:
    """``conv_transpose2d(conv2d(grid))`` with the same kernel, stride and padding (square grids).

    Example:
        >>> trip = round_trip(np.arange(16.).reshape(4, 4), np.ones((3, 3)), stride=1, padding=1)
        >>> trip.back.shape == trip.grid.shape, float(np.abs(trip.difference).max()) > 0
        (True, True)
    """
    grid = np.asarray(grid, dtype=np.float32)
    kernel = np.asarray(kernel, dtype=np.float32)
    down = ops.conv2d(grid, kernel, stride=stride, padding=padding, device="cpu")
    extra = grid.shape[0] - transposed_output_size(down.shape[0], kernel.shape[0], stride, padding)
    output_padding = extra if 0 <= extra < max(stride, 1) else 0
    back = ops.conv_transpose2d(down, kernel, stride=stride, padding=padding, output_padding=output_padding,
                                device="cpu")
    return RoundTrip(grid, down, back, output_padding)


@dataclass(frozen=True)
class Unpooling:
    """Three ways back to a grid's size after 2×2 max pooling: where the maxima were, copies, stamps."""
    pooled: np.ndarray          # max pooling of the grid
    unpooled: np.ndarray        # MaxUnpool2d: each maximum back where it came from, zeros elsewhere
    nearest: np.ndarray         # interpolation: each value copied into its 2×2 block
    stamped: np.ndarray         # transposed convolution, stride 2, a 2×2 kernel of ones (the same as nearest here)


def unpooling(grid: np.ndarray, size: int = 2) -> Unpooling:
    """Max-pool ``grid`` by ``size`` and go back three ways (torch's ``MaxUnpool2d`` with the pooling's indices,
    nearest interpolation, and a transposed convolution); only unpooling puts values where they were.

    Example:
        >>> found = unpooling(np.arange(16, dtype=np.float32).reshape(4, 4))
        >>> found.pooled.tolist(), found.unpooled[1].tolist()
        ([[5.0, 7.0], [13.0, 15.0]], [0.0, 5.0, 0.0, 7.0])
    """
    x = torch.from_numpy(np.ascontiguousarray(grid, np.float32))[None, None]
    pooled, indices = F.max_pool2d(x, size, return_indices=True)
    unpooled = torch.nn.MaxUnpool2d(size)(pooled, indices, output_size=x.shape[-2:])
    nearest = F.interpolate(pooled, scale_factor=size, mode="nearest")
    stamped = F.conv_transpose2d(pooled, torch.ones(1, 1, size, size), stride=size)
    return Unpooling(*(t[0, 0].numpy() for t in (pooled, unpooled, nearest, stamped)))
