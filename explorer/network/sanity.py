"""A sanity check of the explanations (Adebayo, Gilmer, Muelly, Goodfellow, Hardt and Kim, "Sanity Checks for
Saliency Maps", NeurIPS 2018): re-draw the trained weights at random, layer by layer from the top (the "cascading
randomisation"), and see whether an explanation changes. A map that stays the same while the network it is said
to explain is destroyed shows the picture, not the model.

:func:`cascade` makes the randomised copies; :func:`check` computes one explanation for the trained network and
for each copy and how alike they are (Spearman's rank correlation of the maps, ``scipy.stats.spearmanr``: 1 the
same order of pixels, about 0 unrelated). :data:`METHODS` are the page's explanations for one input and class,
and a control that reads only the picture (its edges), which therefore never changes.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from scipy.stats import spearmanr
from torch import nn

from explorer.network import layers, units, why

SOBEL = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
CHANGED = 0.5           # below this rank correlation with the trained network's map, the map has changed


def weighted_rows(model: nn.Sequential) -> list[int]:
    """The layers (numbered from 1) that hold weights."""
    return [row for row, module in enumerate(model, start=1) if any(True for _ in module.parameters())]


def _redraw(module: nn.Module, generator: torch.Generator) -> None:
    """``module``'s weights drawn afresh from ``generator`` (``layers.draw_weights``; torch's global generator is
    shared with every other session's work), its normalisations reset."""
    for part in module.modules():
        if hasattr(part, "reset_parameters") and not isinstance(part, (nn.Conv2d, nn.Linear)):
            part.reset_parameters()
    layers.draw_weights(module, generator)


def cascade(model: nn.Sequential, seed: int = 0) -> list[tuple[int, nn.Sequential]]:
    """Copies of ``model`` with its weighted layers re-drawn at random from the top down: the first copy has only
    the last one re-drawn, the last copy all of them; ``(the lowest layer re-drawn, copy)`` each. ``model`` is
    not changed."""
    rows, copies, generator = weighted_rows(model), [], torch.Generator().manual_seed(seed)
    for count in range(1, len(rows) + 1):
        randomised = copy.deepcopy(model).eval()
        for row in rows[-count:]:
            _redraw(randomised[row - 1], generator)
        copies.append((rows[-count], randomised))
    return copies


def edges(x: torch.Tensor) -> np.ndarray:
    """The control: the strength of the picture's edges (Sobel), with no network at all."""
    grey = x.mean(0, keepdim=True)[None].float()
    gx = F.conv2d(grey, SOBEL[None, None], padding=1)
    gy = F.conv2d(grey, SOBEL.T.contiguous()[None, None], padding=1)
    return torch.sqrt(gx ** 2 + gy ** 2)[0, 0].numpy()


def _saliency(model: nn.Sequential, x: torch.Tensor, target: int) -> np.ndarray:
    return why.saliency(model, x, target).values


def _grad_cam(model: nn.Sequential, x: torch.Tensor, target: int) -> np.ndarray:
    return why.grad_cam(model, x, target).values


def _picture(model: nn.Sequential, x: torch.Tensor, target: int) -> np.ndarray:
    """The class's optimised picture (64 steps: enough to see whether it depends on the weights)."""
    return units.visualise(model, len(model), [target], tuple(x.shape), steps=64, seed=0).images[0].mean(0)


def _control(model: nn.Sequential, x: torch.Tensor, target: int) -> np.ndarray:
    return edges(x)


# the page's explanations of one input and class, and the control (its i18n name, the function)
METHODS: dict[str, Callable[[nn.Sequential, torch.Tensor, int], np.ndarray]] = {
    "saliency": _saliency, "grad_cam": _grad_cam, "picture": _picture, "edges": _control}


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation of two maps' pixels (1.0 for two constant maps that are equal, 0.0 when one
    of two different maps is constant: no order to compare)."""
    a, b = np.asarray(a, np.float64).ravel(), np.asarray(b, np.float64).ravel()
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return 1.0 if np.array_equal(a, b) else 0.0
    return float(spearmanr(a, b).statistic)


@dataclass(frozen=True)
class Check:
    """One method under the cascade: its map for the trained network, then ``(lowest layer re-drawn, map,
    similarity to the first)`` for each copy; whether it changed by the end."""
    method: str
    trained: np.ndarray
    steps: list[tuple[int, np.ndarray, float]]

    @property
    def changes(self) -> bool:
        return self.steps[-1][2] < CHANGED


def check(model: nn.Sequential, x: torch.Tensor, target: int, methods: tuple[str, ...] = tuple(METHODS),
          seed: int = 0) -> list[Check]:
    """Each of ``methods`` for the trained ``model`` and for every copy of :func:`cascade`, on one input
    ``(C, H, W)`` and class ``target``."""
    copies = cascade(model, seed)
    found = []
    for method in methods:
        explain = METHODS[method]
        trained = explain(model, x, target)
        steps = [(row, (shown := explain(randomised, x, target)), similarity(trained, shown))
                 for row, randomised in copies]
        found.append(Check(method, trained, steps))
    return found
