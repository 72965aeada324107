"""Receptive fields of a stack of layers: the formula, and the brute-force truth.

:func:`receptive_fields` walks the stack from the input side: every layer
widens the field by ``(k_eff − 1) · jump`` input pixels, where
``k_eff = d·(k − 1) + 1`` is the dilated kernel's extent and ``jump`` the
product of the strides before it. :func:`backward_recursion` is the same
number from the output side, ``RF(i) = S(i)·(RF(i+1) − 1) + K(i)``.
:func:`influence` finds which input pixels reach one output pixel by
backpropagating a one-hot gradient through the same stack in torch; holes in
it are the "gridding" of stacked dilations.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from explorer.geometry import output_size
from explorer.i18n import LocalizedError
from explorer.numtext import is_blank, whole_number

MAX_LAYERS = 12
COLUMNS = ("kernel", "stride", "dilation", "padding")
LIMITS = {"kernel": (1, 15), "stride": (1, 8), "dilation": (1, 16), "padding": (0, 32)}
# a small VGG-like stack: two 3×3 convolutions, 2×2 pooling, twice, then a dilated 3×3
DEFAULT_STACK = [dict(zip(COLUMNS, row)) for row in ((3, 1, 1, 1), (3, 1, 1, 1), (2, 2, 1, 0), (3, 1, 1, 1),
                                                      (3, 1, 1, 1), (2, 2, 1, 0), (3, 1, 2, 2))]


class LayerError(LocalizedError):
    """An invalid layer stack; the message names the row and the allowed values."""


@dataclass(frozen=True)
class Layer:
    """One convolution or pooling layer, as far as geometry goes."""
    kernel: int
    stride: int = 1
    dilation: int = 1
    padding: int = 0

    @property
    def extent(self) -> int:
        """Input pixels the dilated kernel spans: ``d·(k − 1) + 1``."""
        return self.dilation * (self.kernel - 1) + 1


@dataclass(frozen=True)
class Field:
    """What one layer's output pixel sees of the input."""
    size: int      # receptive field side, in input pixels
    jump: int      # input pixels between neighbouring outputs of this layer
    start: float   # input coordinate of the centre of output pixel 0's field


def receptive_fields(layers: list[Layer]) -> list[Field]:
    """The receptive field after each layer, from the input side.

    Example:
        >>> [f.size for f in receptive_fields([Layer(3), Layer(2, 2), Layer(3, dilation=2)])]
        [3, 4, 12]
    """
    size, jump, start, fields = 1, 1, 0.0, []
    for layer in layers:
        size += (layer.extent - 1) * jump
        start += ((layer.extent - 1) / 2 - layer.padding) * jump
        jump *= layer.stride
        fields.append(Field(size, jump, start))
    return fields


def backward_recursion(layers: list[Layer]) -> list[tuple[int, str]]:
    """``RF(i) = S(i)·(RF(i+1) − 1) + K(i)`` from the last layer down, with the numbers.

    ``K(i)`` is the dilated extent. Returns ``(RF(i), text)`` for i = L … 1;
    the last entry is the receptive field of the whole stack.

    Example:
        >>> backward_recursion([Layer(3), Layer(2, 2)])[-1]
        (4, 'RF(1) = 1·(2 − 1) + 3 = 4')
    """
    rf, lines = 1, []
    for i in range(len(layers), 0, -1):
        layer = layers[i - 1]
        new = layer.stride * (rf - 1) + layer.extent
        lines.append((new, f"RF({i}) = {layer.stride}·({rf} − 1) + {layer.extent} = {new}"))
        rf = new
    return lines


def output_shape(layers: list[Layer], input_shape: tuple[int, int]) -> list[tuple[int, int]]:
    """Each layer's output size; raises LayerError when the image runs out at some layer."""
    shapes, (h, w) = [], input_shape
    for row, layer in enumerate(layers, start=1):
        h, w = (output_size(n, layer.kernel, layer.stride, layer.padding, layer.dilation) for n in (h, w))
        if h < 1 or w < 1:
            raise LayerError("err.stack_empty", row=row)
        shapes.append((h, w))
    return shapes


def centre_output(layers: list[Layer], input_shape: tuple[int, int]) -> tuple[int, int]:
    """The output pixel whose field is centred nearest the middle of the input."""
    field = receptive_fields(layers)[-1]
    out_h, out_w = output_shape(layers, input_shape)[-1]
    return tuple(int(np.clip(round(((n - 1) / 2 - field.start) / field.jump), 0, m - 1))
                 for n, m in zip(input_shape, (out_h, out_w)))


def field_box(layers: list[Layer], position: tuple[int, int]) -> tuple[int, int, int, int]:
    """``(row0, col0, row1, col1)`` (inclusive, may reach outside the image) of one output pixel's field.

    Example:
        >>> field_box([Layer(3), Layer(2, 2)], (1, 0))
        (2, 0, 5, 3)
    """
    field = receptive_fields(layers)[-1]
    half = (field.size - 1) / 2
    centres = [field.start + p * field.jump for p in position]
    return (int(round(centres[0] - half)), int(round(centres[1] - half)),
            int(round(centres[0] + half)), int(round(centres[1] + half)))


def influence(layers: list[Layer], input_shape: tuple[int, int],
              position: tuple[int, int] | None = None) -> np.ndarray:
    """How many paths lead from each input pixel to one output pixel (0: no influence).

    Brute force, independent of the formulas: every layer is a torch
    convolution with an all-ones kernel (zero padding, its stride and
    dilation); a one-hot gradient at ``position`` (default
    :func:`centre_output`) is backpropagated to the input.

    Example:
        >>> influence([Layer(3, dilation=2)], (5, 5))[2].tolist()
        [1.0, 0.0, 1.0, 0.0, 1.0]
    """
    output_shape(layers, input_shape)
    oy, ox = centre_output(layers, input_shape) if position is None else position
    x = torch.zeros((1, 1, *input_shape), dtype=torch.float64, requires_grad=True)
    y = x
    for layer in layers:
        weight = torch.ones((1, 1, layer.kernel, layer.kernel), dtype=torch.float64)
        y = F.conv2d(y, weight, stride=layer.stride, padding=layer.padding, dilation=layer.dilation)
    y[0, 0, oy, ox].backward()
    return x.grad[0, 0].numpy().astype(np.float32)


def parse_layers(rows: list[dict]) -> list[Layer]:
    """Rows of a layer table (``kernel``, ``stride``, ``dilation``, ``padding``) as layers.

    Empty rows are skipped; a missing, fractional or out-of-range cell raises
    LayerError naming its row and column.

    Example:
        >>> parse_layers([{"kernel": 3, "stride": 2, "dilation": 1, "padding": 1}])
        [Layer(kernel=3, stride=2, dilation=1, padding=1)]
    """
    layers = []
    for row, cells in enumerate(rows, start=1):
        if all(is_blank(cells.get(c)) for c in COLUMNS):
            continue
        values = {}
        for column in COLUMNS:
            value, (low, high) = cells.get(column), LIMITS[column]
            number = whole_number(value)
            if number is None or not low <= number <= high:
                raise LayerError("err.layer_cell", row=row, column=column, value="" if is_blank(value) else value,
                                 low=low, high=high)
            values[column] = number
        layers.append(Layer(**values))
    if not 1 <= len(layers) <= MAX_LAYERS:
        raise LayerError("err.layer_count", n=len(layers), high=MAX_LAYERS)
    return layers


def taps(kernel: int, dilation: int) -> list[int]:
    """Offsets of a centred, dilated kernel's taps from its centre (left/top tap first).

    Example:
        >>> taps(3, 4)
        [-4, 0, 4]
    """
    first = -((dilation * (kernel - 1)) // 2)   # as padding="same": the smaller half before
    return [first + i * dilation for i in range(kernel)]


def reach_side(reach: np.ndarray) -> int:
    """The side of the smallest box holding every input pixel that reaches the output (from :func:`influence`).

    Where the formula's field is larger than this, the image's border cut it off.

    Example:
        >>> reach_side(influence([Layer(3), Layer(2, 2)], (8, 8)))
        4
    """
    ys, xs = np.nonzero(reach)
    return int(max(ys.max() - ys.min(), xs.max() - xs.min()) + 1)
