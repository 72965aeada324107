"""The whole network at a glance, as data: one column per layer for one input, from the pixels to the classes.

Each column holds what its layer gave (read with the same hooks as the unit
explanations), the colour scale its tiles share and its shape; the last
column is the softmax of the last layer. ``views.overview`` draws it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
from torch import nn

from explorer.display import robust_scale
from explorer.network.explain import Activation, activations
from explorer.network.inside import softmax_steps


@dataclass(frozen=True)
class Column:
    """One layer's output for one input."""
    row: int                 # 0: the input; len(model) + 1: the probabilities
    name: str
    values: np.ndarray       # (C, H, W) maps or (N,) vector
    scale: float             # the colour scale its tiles share: ±scale (maps, vectors), 1 (probabilities, input)

    @property
    def kind(self) -> str:
        return "maps" if self.values.ndim == 3 else "vector"

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.values.shape)


@dataclass(frozen=True)
class Overview:
    """Every column, and the activations they came from (for explaining a unit)."""
    columns: list[Column]
    acts: list[Activation]
    probabilities: np.ndarray

    @property
    def predicted(self) -> int:
        return int(np.argmax(self.probabilities))


def overview(model: nn.Sequential, x: torch.Tensor, names: Callable[[int], str],
             input_name: str, output_name: str) -> Overview:
    """The columns of ``model`` for one input ``(C, H, W)``; ``names(row)`` labels layer ``row``.

    Example:
        >>> from explorer.network.layers import build
        >>> net = build([{"type": "conv", "out": 2, "k": 3}, {"type": "flatten"}, {"type": "linear", "out": 10}])
        >>> [c.shape for c in overview(net, torch.zeros(1, 28, 28), str, "in", "p").columns]
        [(1, 28, 28), (2, 26, 26), (1352,), (10,), (10,)]
    """
    acts = activations(model, x)
    probabilities = softmax_steps(acts[-1].output).probabilities
    columns = [Column(0, input_name, x.double().cpu().numpy(), 1.0)]
    columns += [Column(act.row, names(act.row), act.output, robust_scale(act.output)) for act in acts]
    columns.append(Column(len(acts) + 1, output_name, probabilities, 1.0))
    return Overview(columns, acts, probabilities)
