"""Looking inside a trained network: its first filters, every layer's output, ReLU and softmax with numbers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def first_filters(model: nn.Module) -> np.ndarray | None:
    """The first convolution's kernels: ``(out, kh, kw)`` for a grey input, ``(out, kh, kw, 3)`` for colour (its
    three channels as R, G, B), else the first channel's (None without a convolution)."""
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            weight = module.weight.detach().cpu().numpy()
            return np.moveaxis(weight, 1, -1).copy() if weight.shape[1] == 3 else weight[:, 0].copy()
    return None


def feature_maps(model: nn.Sequential, x: torch.Tensor) -> list[tuple[int, np.ndarray]]:
    """``(layer number, output)`` of every top-level layer for one input ``(C, H, W)``, without the batch axis."""
    device = next(model.parameters()).device
    model.eval()
    outputs, current = [], x[None].to(device)
    with torch.no_grad():
        for number, module in enumerate(model, start=1):
            current = module(current)
            outputs.append((number, current[0].cpu().numpy()))
    return outputs


def probabilities(model: nn.Module, x: torch.Tensor) -> np.ndarray:
    """Softmax over the classes for one input ``(C, H, W)``."""
    device = next(model.parameters()).device
    model.eval()
    with torch.no_grad():
        return F.softmax(model(x[None].to(device)), dim=1)[0].cpu().numpy()


def logits(model: nn.Module, x: torch.Tensor) -> np.ndarray:
    """The numbers the last layer gives (one per class) for one input ``(C, H, W)``, before softmax."""
    device = next(model.parameters()).device
    model.eval()
    with torch.no_grad():
        return model(x[None].to(device))[0].cpu().numpy().astype(np.float64)


@dataclass(frozen=True)
class Softmax:
    """Softmax written out: ``p = exp(z − max z) / Σ exp(z − max z)`` (subtracting the largest changes nothing)."""
    logits: np.ndarray
    shifted: np.ndarray       # z − max z
    exps: np.ndarray          # exp of that
    total: float              # their sum
    probabilities: np.ndarray


def softmax_steps(values: np.ndarray) -> Softmax:
    """Every step of softmax on ``values`` (float64).

    Example:
        >>> steps = softmax_steps(np.array([1.0, 2.0, 3.0]))
        >>> round(steps.total, 4), steps.probabilities.round(3).tolist()
        (1.5032, [0.09, 0.245, 0.665])
    """
    z = np.asarray(values, dtype=np.float64)
    shifted = z - z.max()
    exps = np.exp(shifted)
    total = float(exps.sum())
    return Softmax(z, shifted, exps, total, exps / total)


@dataclass(frozen=True)
class ReluEffect:
    """The first ReLU of a network on one input: its feature maps before and after."""
    layer: int                # the ReLU's layer number
    before: np.ndarray        # (C, H, W) or (N,): the previous layer's output
    after: np.ndarray

    @property
    def zeroed(self) -> int:
        """How many values were negative and became 0."""
        return int((self.before < 0).sum())


def relu_effect(model: nn.Sequential, x: torch.Tensor) -> ReluEffect | None:
    """What the first top-level ReLU does to one input (``None`` without a ReLU)."""
    outputs = feature_maps(model, x)
    previous = x.numpy()
    for (number, output), module in zip(outputs, model):
        if isinstance(module, nn.ReLU):
            return ReluEffect(number, previous, output)
        previous = output
    return None


def filter_pictures(filters: np.ndarray, count: int | None = None) -> list[np.ndarray]:
    """The kernels (the first ``count``, or all) as pictures in [0, 1] on one scale (grey, or colour for
    ``(…, 3)`` kernels): 0 is mid-grey.

    Example:
        >>> [p.tolist() for p in filter_pictures(np.array([[[2.0, -1.0]]]))]
        [[[1.0, 0.25]]]
    """
    shown = np.asarray(filters[:count], dtype=np.float32)
    scale = float(np.abs(shown).max()) or 1.0
    return [0.5 + 0.5 * k / scale for k in shown]


@dataclass(frozen=True)
class GradStep:
    """One layer of the backward pass: the gradient of the chosen score with respect to its output."""
    row: int                    # the layer's row (1-based), or 0 for the input
    shape: tuple[int, ...]
    mean_abs: float
    max_abs: float


def backward_chain(model: nn.Sequential, x: torch.Tensor, target: int) -> list[GradStep]:
    """The backward pass written out: ``dout = 1`` at score ``target``, then each layer's gradient in reverse,
    down to the input's (what autograd hands from layer to layer; each layer multiplies by its local derivative).

    Example:
        >>> net = nn.Sequential(nn.Flatten(), nn.Linear(4, 2, bias=False))
        >>> _ = nn.init.ones_(net[1].weight)
        >>> [(s.row, s.shape, s.max_abs) for s in backward_chain(net, torch.zeros(1, 2, 2), 0)]
        [(2, (2,), 1.0), (1, (4,), 1.0), (0, (1, 2, 2), 1.0)]
    """
    given = x[None].clone().requires_grad_(True)
    outputs, current = [], given
    with torch.enable_grad():
        for module in model:
            current = module(current)
            current.retain_grad()
            outputs.append(current)
        dout = torch.zeros_like(current)
        dout[0, target] = 1.0
        current.backward(dout)

    def step(row: int, grad: torch.Tensor) -> GradStep:
        g = grad[0].detach().abs()
        return GradStep(row, tuple(g.shape), float(g.mean()), float(g.max()))
    return [step(row, out.grad) for row, out in reversed(list(enumerate(outputs, start=1)))] + [step(0, given.grad)]
