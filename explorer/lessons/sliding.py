"""The sliding window, step by step: what each output cell reads, multiplies and adds.

:func:`build_run` returns plain data (no plotting): the padded input as the
padding mode fills it, the kernel as applied, one :class:`Step` per output
position (per input position for transposed convolution) with its arithmetic,
and the final output computed by :mod:`explorer.ops`. ``figures.sliding_figure``
draws it; the tests hold every step's sum against the output.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from explorer import ops
from explorer.geometry import formulas, pair, resolve_padding, transposed_output_formula, transposed_output_size
from explorer.i18n import LocalizedError
from explorer.imaging import to_float, to_grey
from explorer.kernels import dilate, parse_kernel
from explorer.numtext import format_number, sum_of_products
from explorer.reference import source_index

MODES = ("correlation", "convolution", "transposed", "max_pool", "avg_pool")
GENERATORS = ("random", "step", "diagonal", "dot")
MIN_SIDE, MAX_SIDE = 2, 16
# the course notes' worked example: this input, kernel 1…9, padding 1 with zeros, no bias
EXAMPLE_GRID = np.array([[3, 4, 6, 5, 7], [2, 4, 6, 8, 2], [1, 6, 7, 8, 4], [9, 7, 4, 6, 2], [3, 7, 5, 4, 1]],
                        dtype=np.float32)
EXAMPLE_KERNEL = np.arange(1, 10, dtype=np.float32).reshape(3, 3)
EXAMPLE_PADDING = 1


class GridError(LocalizedError):
    """An invalid input grid or sliding-window setting."""


@dataclass(frozen=True)
class Step:
    """One frame: ``cell`` is written from ``reads`` (or, transposed, ``cell`` stamps into ``writes``)."""
    cell: tuple[int, int]                 # output cell (conv, pool) or input cell (transposed)
    reads: list[tuple[int, int]]          # padded-input cells under the window (conv, pool)
    writes: list[tuple[int, int]]         # output cells stamped (transposed)
    value: float                          # the output value (conv, pool) or the input value (transposed)
    text: str                             # the arithmetic, e.g. "3×1 + 4×2 + … = 211"


@dataclass
class Run:
    """A whole sliding-window run, ready to draw."""
    mode: str
    grid: np.ndarray                      # the input as given
    padded: np.ndarray                    # what the window walks over (padding filled in); NaN = excluded
    is_padding: np.ndarray                # bool mask of padded cells
    kernel: np.ndarray                    # the kernel as applied (flipped for true convolution), 2-D
    dilated: np.ndarray                   # the kernel with its holes (NaN) for drawing
    output: np.ndarray                    # the final result, from explorer.ops
    steps: list[Step] = field(default_factory=list)
    pads: tuple[int, int, int, int] = (0, 0, 0, 0)
    stride: tuple[int, int] = (1, 1)
    dilation: tuple[int, int] = (1, 1)
    formulas: tuple[str, str] = ("", "")
    partial: list[np.ndarray] = field(default_factory=list)   # transposed: the full output after each step
    output_padding: tuple[int, int] = (0, 0)                   # transposed only

    def agrees_with_output(self) -> bool:
        """Every step's result equals ``output`` (transposed: the last partial sum, cropped by the padding)."""
        if self.mode != "transposed":
            return all(np.isclose(s.value, float(self.output[s.cell]), rtol=1e-5, atol=1e-5) for s in self.steps)
        top, bottom, left, right = self.pads
        full = self.partial[-1]
        cropped = full[top:full.shape[0] - bottom, left:full.shape[1] - right]
        return cropped.shape == self.output.shape and bool(np.allclose(cropped, self.output, atol=1e-4))

    def overflows(self) -> bool:
        """Whether float32 ran out of range (an output is inf, or NaN where +inf and −inf met): the steps' float64
        sums cannot match it then, and that is float32's limit, not an error."""
        return not bool(np.isfinite(self.output).all())


def generate_grid(kind: str, rows: int, cols: int, seed: int = 0) -> np.ndarray:
    """A small teaching input: random integers 0–9, a step edge, a diagonal line or a single dot.

    Example:
        >>> generate_grid("step", 3, 4)[0].tolist()
        [0.0, 0.0, 9.0, 9.0]
    """
    _check_side(rows, cols)
    if kind == "random":
        return np.random.default_rng(seed).integers(0, 10, (rows, cols)).astype(np.float32)
    grid = np.zeros((rows, cols), dtype=np.float32)
    if kind == "step":
        grid[:, cols // 2:] = 9
    elif kind == "diagonal":
        for i in range(min(rows, cols)):
            grid[i, i] = 9
    elif kind == "dot":
        grid[rows // 2, cols // 2] = 9
    else:
        raise GridError("err.grid_kind", value=repr(kind), allowed=", ".join(GENERATORS))
    return grid


def crop_grid(image: np.ndarray, box: tuple[float, float, float], rows: int, cols: int,
              scale: int = 255) -> np.ndarray:
    """A square region of an image as a small greyscale grid (area-averaged), values 0–``scale``.

    Args:
        image: ``(H, W, 3)`` or ``(H, W)`` in [0, 1], or uint8 0–255 (only the region is converted).
        box: ``(x, y, size)`` as fractions of the width, height and the shorter side.
        scale: 255 for 0–255 integers, 1 for 0–1 values (rounded to 2 decimals).
    """
    _check_side(rows, cols)
    h, w = image.shape[:2]
    side = max(1, int(round(box[2] * min(h, w))))
    x0 = int(round(box[0] * (w - side)))
    y0 = int(round(box[1] * (h - side)))
    region = to_grey(to_float(image[y0:y0 + side, x0:x0 + side]))
    small = cv2.resize(region.astype(np.float32), (cols, rows), interpolation=cv2.INTER_AREA)
    return (np.round(small * 255) if scale == 255 else np.round(small, 2)).astype(np.float32)


def parse_grid(cells) -> np.ndarray:
    """Typed grid cells as numbers (same rules as a kernel cell: ``2``, ``-0.5``, ``1/9``)."""
    grid = parse_kernel(cells, max_side=MAX_SIDE)
    _check_side(*grid.shape)
    return grid


def _check_side(rows: int, cols: int) -> None:
    if not (MIN_SIDE <= rows <= MAX_SIDE and MIN_SIDE <= cols <= MAX_SIDE):
        raise GridError("err.grid_side", rows=rows, cols=cols, low=MIN_SIDE, high=MAX_SIDE)


def _padded_view(grid: np.ndarray, pads: tuple[int, int, int, int], fill) -> tuple[np.ndarray, np.ndarray]:
    """The grid with padding cells filled by ``fill(y, x)`` (None = excluded), and the padding mask."""
    top, bottom, left, right = pads
    h, w = grid.shape
    padded = np.full((h + top + bottom, w + left + right), np.nan, dtype=np.float64)
    mask = np.ones_like(padded, dtype=bool)
    mask[top:top + h, left:left + w] = False
    for y in range(padded.shape[0]):
        for x in range(padded.shape[1]):
            value = fill(y - top, x - left)
            padded[y, x] = np.nan if value is None else value
    return padded, mask


def build_run(grid, kernel, mode: str, *, stride=1, padding=0, padding_mode: str = "zeros",
              dilation=1, pool_size=2, output_padding=0) -> Run:
    """Every step of one sliding-window run.

    Args:
        grid: ``(H, W)`` input, 2–16 per side.
        kernel: ``(kh, kw)``; ignored by the pooling modes, which use ``pool_size``.
        mode: one of :data:`MODES`.
        stride, padding, dilation: as :mod:`explorer.ops` (padding an int or pair here).
        padding_mode: for correlation and convolution; pooling pads as torch does
            (−∞ for max, zeros counted for average), transposed crops.
        output_padding: transposed only: extra rows/columns at the bottom/right.

    Returns:
        A :class:`Run` whose ``output`` is what ``explorer.ops`` computes.
    """
    if mode not in MODES:
        raise GridError("err.sliding_mode", value=repr(mode), allowed=", ".join(MODES))
    grid = np.asarray(grid, dtype=np.float32)
    _check_side(*grid.shape)
    if mode in ("correlation", "convolution"):
        return _conv_run(grid, kernel, mode, stride, padding, padding_mode, dilation)
    if mode == "transposed":
        return _transposed_run(grid, kernel, stride, padding, dilation, output_padding)
    return _pool_run(grid, mode, pool_size, stride, padding)


def _conv_run(grid, kernel, mode, stride, padding, padding_mode, dilation) -> Run:
    k = np.asarray(kernel, dtype=np.float32)
    applied = np.ascontiguousarray(k[::-1, ::-1]) if mode == "convolution" else k
    output = ops.conv2d(grid, applied, stride=stride, padding=padding, padding_mode=padding_mode,
                        dilation=dilation, device="cpu")
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    pads = resolve_padding(padding, applied.shape, stride=(sh, sw), dilation=(dh, dw))
    h, w = grid.shape

    def fill(y, x):
        sy, sx = source_index(y, h, padding_mode), source_index(x, w, padding_mode)
        return 0.0 if sy is None or sx is None else float(grid[sy, sx])

    padded, mask = _padded_view(grid, pads, fill)
    steps = []
    for oy in range(output.shape[0]):
        for ox in range(output.shape[1]):
            reads = [(oy * sh + i * dh, ox * sw + j * dw) for i in range(applied.shape[0])
                     for j in range(applied.shape[1])]
            values = [padded[r, c] for r, c in reads]
            window = np.asarray(values, np.float64).reshape(applied.shape)
            total = float((window * applied.astype(np.float64)).sum())
            steps.append(Step((oy, ox), reads, [], total, sum_of_products(window, applied, max_terms=16)))
    return Run(mode, grid, padded, mask, applied, dilate(applied, (dh, dw)), output, steps, pads,
               (sh, sw), (dh, dw), formulas(grid.shape, applied.shape, pads, (sh, sw), (dh, dw)))


def _pool_run(grid, mode, pool_size, stride, padding) -> Run:
    kind = "max" if mode == "max_pool" else "avg"
    kh, kw = pair(pool_size, "pool_size", 1)
    sh, sw = pair((kh, kw) if stride is None else stride, "stride", 1)
    output = ops.pool2d(grid, kind, (kh, kw), stride=(sh, sw), padding=padding, device="cpu")
    ph, pw = pair(padding, "padding", 0)
    pads = (ph, ph, pw, pw)
    h, w = grid.shape

    def fill(y, x):
        inside = 0 <= y < h and 0 <= x < w
        return float(grid[y, x]) if inside else (None if kind == "max" else 0.0)

    padded, mask = _padded_view(grid, pads, fill)
    steps = []
    for oy in range(output.shape[0]):
        for ox in range(output.shape[1]):
            reads = [(oy * sh + i, ox * sw + j) for i in range(kh) for j in range(kw)
                     if oy * sh + i < padded.shape[0] and ox * sw + j < padded.shape[1]]
            values = [padded[r, c] for r, c in reads]
            if kind == "max":
                total = float(np.nanmax(values))
                text = f"max({', '.join(format_number(v) for v in values if not np.isnan(v))}) = {format_number(total)}"
            else:
                total = float(np.sum(values)) / len(values)
                text = (f"({' + '.join(format_number(v) for v in values)}) / {len(values)} = "
                        f"{format_number(total)}")
            steps.append(Step((oy, ox), reads, [], total, text))
    window = np.ones((kh, kw), np.float32)
    return Run(mode, grid, padded, mask, window, window.astype(np.float64), output, steps, pads, (sh, sw),
               (1, 1), formulas(grid.shape, (kh, kw), pads, (sh, sw)))


def _transposed_run(grid, kernel, stride, padding, dilation, output_padding) -> Run:
    k = np.asarray(kernel, dtype=np.float32)
    output = ops.conv_transpose2d(grid, k, stride=stride, padding=padding, output_padding=output_padding,
                                  dilation=dilation, device="cpu")
    sh, sw = pair(stride, "stride", 1)
    dh, dw = pair(dilation, "dilation", 1)
    ph, pw = pair(padding, "padding", 0)
    oph, opw = pair(output_padding, "output_padding", 0)
    h, w = grid.shape
    # every stamp, uncropped; output_padding may reach past the last stamp, where nothing lands
    full = np.zeros((max(transposed_output_size(h, k.shape[0], sh, 0, 0, dh), ph + output.shape[0]),
                     max(transposed_output_size(w, k.shape[1], sw, 0, 0, dw), pw + output.shape[1])))
    steps, partial = [], []
    for y in range(h):
        for x in range(w):
            writes = [(y * sh + i * dh, x * sw + j * dw) for i in range(k.shape[0]) for j in range(k.shape[1])]
            for (r, c), weight in zip(writes, k.ravel()):
                full[r, c] += float(grid[y, x]) * float(weight)
            partial.append(full.copy())
            stamp = ", ".join(format_number(float(grid[y, x]) * float(v)) for v in k.ravel())
            weights = ", ".join(format_number(v) for v in k.ravel())
            text = f"{format_number(float(grid[y, x]))} × [{weights}] = [{stamp}]"
            steps.append(Step((y, x), [], writes, float(grid[y, x]), text))
    # the output is the window of the full result starting at (padding, padding)
    pads = (ph, full.shape[0] - ph - output.shape[0], pw, full.shape[1] - pw - output.shape[1])
    formulas = (transposed_output_formula(h, k.shape[0], sh, ph, oph, dh),
                transposed_output_formula(w, k.shape[1], sw, pw, opw, dw))
    return Run("transposed", grid, grid.astype(np.float64), np.zeros(grid.shape, bool), k, dilate(k, (dh, dw)),
               output, steps, pads, (sh, sw), (dh, dw), formulas, partial, (oph, opw))
