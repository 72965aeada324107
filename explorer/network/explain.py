"""Any unit of a trained network explained with its trained numbers, and checked against the real activation.

:func:`activations` runs the network once with forward hooks on every
top-level layer and keeps what went in and what came out. :func:`explain`
recomputes one output value of one layer by hand, in NumPy float64, from the
layer's input and its trained parameters: a convolution's windows, kernels,
products and sums plus the bias; a pooling window; BatchNorm with its running
statistics; which tile cell a flatten puts where; a dense unit's largest
contributions; a block's parts. Each kind of unit is its own small dataclass
(:class:`ConvUnit`, :class:`PoolUnit`, …); ``Unit.agrees`` compares the hand
computation with the hooked activation.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from explorer.network.layers import Inception, Residual

TOLERANCE = 1e-5
TOP_TERMS = 8          # a dense unit lists its largest contributions, then the rest as one sum


@dataclass(frozen=True)
class Activation:
    """What one top-level layer received and gave, for one input (no batch axis)."""
    row: int                 # the layer number, from 1
    module: nn.Module
    given: np.ndarray
    output: np.ndarray


def activations(model: nn.Sequential, x: torch.Tensor) -> list[Activation]:
    """Run ``model`` (eval mode) on one input ``(C, H, W)`` and hook every top-level layer's input and output."""
    device = next(model.parameters()).device
    model.eval()
    seen: list[tuple[nn.Module, torch.Tensor, torch.Tensor]] = []
    # layer by layer, as nn.Sequential's forward runs them; not through forward hooks, which every thread running
    # the same model meanwhile calls too (a rerun of the same page while the last one finishes: its gradients'
    # forward passes landed among these layers, and the page stopped on "numpy() on a Tensor that requires grad")
    with torch.no_grad():
        given = x[None].to(device)
        for module in model:
            output = module(given)
            seen.append((module, given, output))
            given = output
    return [Activation(row, module, given[0].double().cpu().numpy(), output[0].double().cpu().numpy())
            for row, (module, given, output) in enumerate(seen, start=1)]


@dataclass(frozen=True)
class ChannelTerm:
    """One input channel's part of a convolution output: its window, the trained kernel, the products."""
    channel: int
    window: np.ndarray
    kernel: np.ndarray
    products: np.ndarray

    @property
    def total(self) -> float:
        return float(self.products.sum())


@dataclass(frozen=True)
class Unit:
    """How one output value of one layer came about: what every kind of unit has."""
    row: int
    position: tuple[int, ...]          # (channel, i, j) in the layer's output, or (unit,) after a flatten
    value: float                       # computed here, by hand
    actual: float                      # the hooked activation

    @property
    def agrees(self) -> bool:
        return bool(abs(self.value - self.actual) <= TOLERANCE * max(1.0, abs(self.actual)))


@dataclass(frozen=True)
class ConvUnit(Unit):
    terms: list[ChannelTerm] = field(default_factory=list)    # one per input channel of its group
    bias: float = 0.0


@dataclass(frozen=True)
class PoolUnit(Unit):
    window: np.ndarray | None = None   # the input window (padding as -inf for max, 0 for average)
    mode: str = "max"                  # max or avg


@dataclass(frozen=True)
class NormUnit(Unit):
    statistics: dict[str, float] = field(default_factory=dict)   # x, mean, var, eps, gamma, beta


@dataclass(frozen=True)
class PassUnit(Unit):
    """A value passed on: through a ReLU (``relu``), unchanged (``identity``: dropout at evaluation), or moved by
    a flatten (``flatten``); ``source`` is where it was in the layer's input."""
    kind: str = "identity"
    source: tuple[int, ...] = ()
    given: float = 0.0


@dataclass(frozen=True)
class LinearUnit(Unit):
    contributions: list[tuple[int, float, float]] = field(default_factory=list)   # (k, w_k, x_k), largest first
    rest: float = 0.0                  # the sum of all the other w_k·x_k
    rest_count: int = 0
    bias: float = 0.0


@dataclass(frozen=True)
class ResidualUnit(Unit):
    residual: float = 0.0              # F(x) at this place
    skip: float = 0.0                  # x′: the input, or its 1×1 projection


@dataclass(frozen=True)
class InceptionUnit(Unit):
    branch: int = 0                    # which of the four branches made this channel


def _pair(value) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else tuple(value)


def _padded(plane: np.ndarray, ph: int, pw: int, fill: float = 0.0) -> np.ndarray:
    return np.pad(plane, ((ph, ph), (pw, pw)), constant_values=fill)


def _conv(act: Activation, channel: int, i: int, j: int) -> ConvUnit:
    conv: nn.Conv2d = act.module
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = (_pair(v) for v in (conv.kernel_size, conv.stride, conv.padding,
                                                                    conv.dilation))
    weight = conv.weight.detach().double().cpu().numpy()
    per_group = conv.in_channels // conv.groups
    first = (channel // (conv.out_channels // conv.groups)) * per_group
    terms = []
    for offset in range(per_group):
        plane = _padded(act.given[first + offset], ph, pw)
        window = plane[i * sh:i * sh + dh * (kh - 1) + 1:dh, j * sw:j * sw + dw * (kw - 1) + 1:dw]
        kernel = weight[channel, offset]
        terms.append(ChannelTerm(first + offset, window, kernel, window * kernel))
    bias = float(conv.bias.detach()[channel]) if conv.bias is not None else 0.0
    value = sum(t.total for t in terms) + bias
    return ConvUnit(act.row, (channel, i, j), value, float(act.output[channel, i, j]), terms, bias)


def _pool(act: Activation, channel: int, i: int, j: int) -> PoolUnit:
    pool = act.module
    (kh, kw), (sh, sw), (ph, pw) = (_pair(v) for v in (pool.kernel_size, pool.stride, pool.padding))
    is_max = isinstance(pool, nn.MaxPool2d)
    plane = _padded(act.given[channel], ph, pw, -np.inf if is_max else 0.0)
    window = plane[i * sh:i * sh + kh, j * sw:j * sw + kw]
    value = float(window.max()) if is_max else float(window.sum() / (kh * kw))   # padded zeros counted, as torch
    return PoolUnit(act.row, (channel, i, j), value, float(act.output[channel, i, j]), window,
                    "max" if is_max else "avg")


def _batchnorm(act: Activation, channel: int, i: int, j: int) -> NormUnit:
    bn: nn.BatchNorm2d = act.module
    stats = {"x": float(act.given[channel, i, j]), "mean": float(bn.running_mean[channel]),
             "var": float(bn.running_var[channel]), "eps": float(bn.eps),
             "gamma": float(bn.weight.detach()[channel]), "beta": float(bn.bias.detach()[channel])}
    value = (stats["x"] - stats["mean"]) / np.sqrt(stats["var"] + stats["eps"]) * stats["gamma"] + stats["beta"]
    return NormUnit(act.row, (channel, i, j), float(value), float(act.output[channel, i, j]), stats)


def _linear(act: Activation, unit: int) -> LinearUnit:
    linear: nn.Linear = act.module
    w = linear.weight.detach().double().cpu().numpy()[unit]
    x = act.given.reshape(-1)
    parts = w * x
    order = np.argsort(-np.abs(parts))
    top = [(int(k), float(w[k]), float(x[k])) for k in order[:TOP_TERMS]]
    rest = float(parts[order[TOP_TERMS:]].sum())
    bias = float(linear.bias.detach()[unit]) if linear.bias is not None else 0.0
    value = float(parts.sum()) + bias
    return LinearUnit(act.row, (unit,), value, float(act.output[unit]), top, rest, max(0, len(x) - TOP_TERMS), bias)


def _flatten(act: Activation, unit: int) -> PassUnit:
    source = tuple(int(v) for v in np.unravel_index(unit, act.given.shape))
    value = float(act.given[source])
    return PassUnit(act.row, (unit,), value, float(act.output[unit]), "flatten", source, value)


def _elementwise(act: Activation, kind: str, position: tuple[int, ...]) -> PassUnit:
    given = float(act.given[position])
    value = max(given, 0.0) if kind == "relu" else given
    return PassUnit(act.row, position, value, float(act.output[position]), kind, position, given)


def _residual(act: Activation, position: tuple[int, ...]) -> ResidualUnit:
    """A residual block: H(x) = ReLU(F(x) + x′), from the block's own two parts."""
    with torch.no_grad():
        residual, skip = (part[0].double().numpy()[position]
                          for part in act.module.parts(torch.from_numpy(act.given)[None].float()))
    return ResidualUnit(act.row, position, max(float(residual) + float(skip), 0.0), float(act.output[position]),
                        float(residual), float(skip))


def _inception(act: Activation, position: tuple[int, ...]) -> InceptionUnit:
    """An Inception module: the value from the branch that made this channel."""
    with torch.no_grad():
        outputs = act.module.branches(torch.from_numpy(act.given)[None].float())
    starts = np.cumsum([0] + [o.shape[1] for o in outputs])        # the branches' widths may differ
    branch = int(np.searchsorted(starts, position[0], side="right")) - 1
    value = float(outputs[branch][0, position[0] - starts[branch], position[1], position[2]])
    return InceptionUnit(act.row, position, value, float(act.output[position]), branch)


# which function explains a unit of which kind of layer (the first whose types match)
EXPLAINERS = (
    ((nn.Conv2d,), lambda act, position: _conv(act, *position)),
    ((nn.MaxPool2d, nn.AvgPool2d), lambda act, position: _pool(act, *position)),
    ((nn.BatchNorm2d,), lambda act, position: _batchnorm(act, *position)),
    ((nn.Linear,), lambda act, position: _linear(act, *position)),
    ((nn.Flatten,), lambda act, position: _flatten(act, *position)),
    ((nn.ReLU,), lambda act, position: _elementwise(act, "relu", position)),
    ((nn.Dropout,), lambda act, position: _elementwise(act, "identity", position)),
    ((Residual,), _residual),
    ((Inception,), _inception),
)


def explain(acts: list[Activation], row: int, position: tuple[int, ...]) -> Unit:
    """How output ``position`` ((channel, i, j), or (unit,) for a vector) of layer ``row`` was computed.

    Blocks (residual, Inception) are explained as a whole: their output value
    and what they received at that place.
    """
    act = acts[row - 1]
    for types, explainer in EXPLAINERS:
        if isinstance(act.module, types):
            return explainer(act, position)
    raise TypeError(f"no explanation for {type(act.module).__name__}")
