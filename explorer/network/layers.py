"""Layer specs -> real ``torch.nn`` modules, measured: output shapes, parameters, multiply-adds, receptive fields.

The presets are the networks of the course: the notes' small LeNet, PyTorch's
MNIST example net, a small VGG, a residual block, an Inception module and
BatchNorm. Every number :func:`describe` reports comes from running the real
modules on a dummy input.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import torch
import torch.nn.functional as F
from torch import nn

from explorer import receptive
from explorer.network import CLASSES, NetworkError
from explorer.numtext import is_blank, whole_number

LAYER_TYPES = ("conv", "maxpool", "avgpool", "relu", "batchnorm", "dropout", "flatten", "linear", "residual",
               "inception")
DROPOUT = 0.5     # AlexNet's: half the units are zeroed at each training step
INPUT_SHAPE = (1, 28, 28)
MAX_LAYERS = 24



class Residual(nn.Module):
    """conv3×3 → BN → ReLU → conv3×3 → BN, plus the input (a 1×1 projection when the shape changes), → ReLU."""

    def __init__(self, cin: int, cout: int, stride: int = 1):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.project = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
                        if cin != cout or stride != 1 else nn.Identity())

    def parts(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(F(x), x′)``: the residual path and the skip (the input, or its 1×1 projection); H(x) = ReLU(F + x′)."""
        return self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))), self.project(x)

    def forward(self, x):
        residual, skip = self.parts(x)
        return F.relu(residual + skip)


class Inception(nn.Module):
    """Four branches concatenated: 1×1; 1×1 → 5×5; 1×1 → 3×3 → 3×3; 3×3 average pool → 1×1.

    ``cout`` is shared in the notes' proportions: the three wide branches ``w = round(cout · 24/88)`` each, the
    1×1 branch and the 1×1 bottlenecks the rest (``cout − 3w``): 88 gives the notes' module (16; 16→24;
    16→24→24; pool→24), 16 four equal branches of 4.
    """

    def __init__(self, cin: int, cout: int):
        super().__init__()
        wide = min(round(cout * 24 / 88), (cout - 1) // 3)      # the 1×1 branch keeps at least one map
        narrow = cout - 3 * wide
        self.branch1 = nn.Conv2d(cin, narrow, 1)
        self.branch5 = nn.Sequential(nn.Conv2d(cin, narrow, 1), nn.ReLU(), nn.Conv2d(narrow, wide, 5, padding=2))
        self.branch3 = nn.Sequential(nn.Conv2d(cin, narrow, 1), nn.ReLU(), nn.Conv2d(narrow, wide, 3, padding=1),
                                     nn.ReLU(), nn.Conv2d(wide, wide, 3, padding=1))
        self.pool = nn.Sequential(nn.AvgPool2d(3, 1, 1), nn.Conv2d(cin, wide, 1))

    def branches(self, x: torch.Tensor) -> list[torch.Tensor]:
        """The four branches' outputs, in the order they are concatenated."""
        return [self.branch1(x), self.branch5(x), self.branch3(x), self.pool(x)]

    def forward(self, x):
        return torch.cat(self.branches(x), dim=1)


def _number(spec: dict, key: str, default, low: int, high: int, row: int) -> int:
    value = spec.get(key, default)
    number = whole_number(value)
    if number is None or not low <= number <= high:
        raise NetworkError("err.net_param", row=row, type=spec.get("type"), name=key, value=value, low=low, high=high)
    return number


def _module(spec: dict, channels: int, row: int) -> nn.Module:
    kind = spec.get("type")
    if kind not in LAYER_TYPES:
        raise NetworkError("err.net_type", row=row, value=repr(kind), allowed=", ".join(LAYER_TYPES))
    if kind == "conv":
        k = _number(spec, "k", 3, 1, 11, row)
        return nn.Conv2d(channels, _number(spec, "out", 8, 1, 256, row), k, _number(spec, "stride", 1, 1, 4, row),
                         _number(spec, "pad", 0, 0, 5, row))
    if kind in ("maxpool", "avgpool"):
        k = _number(spec, "k", 2, 1, 8, row)
        stride, pad = _number(spec, "stride", k, 1, 8, row), _number(spec, "pad", 0, 0, k // 2, row)
        return nn.MaxPool2d(k, stride, pad) if kind == "maxpool" else nn.AvgPool2d(k, stride, pad)
    if kind == "relu":
        return nn.ReLU()
    if kind == "batchnorm":
        return nn.BatchNorm2d(channels)
    if kind == "dropout":
        return nn.Dropout(DROPOUT)
    if kind == "flatten":
        return nn.Flatten()
    if kind == "linear":
        return nn.LazyLinear(_number(spec, "out", CLASSES, 1, 4096, row))
    if kind == "residual":
        return Residual(channels, _number(spec, "out", 16, 1, 256, row), _number(spec, "stride", 1, 1, 2, row))
    return Inception(channels, _number(spec, "out", 16, 4, 256, row))


def _receptive_layers(module: nn.Module) -> list[receptive.Layer] | None:
    """The geometry of one layer as far as the receptive field goes; None once the map is flattened."""
    if isinstance(module, nn.Conv2d):
        return [receptive.Layer(module.kernel_size[0], module.stride[0], module.dilation[0], module.padding[0])]
    if isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)):
        k, s, p = (v if isinstance(v, int) else v[0] for v in (module.kernel_size, module.stride, module.padding))
        return [receptive.Layer(k, s, 1, p)]
    if isinstance(module, Residual):
        return [receptive.Layer(3, module.conv1.stride[0], 1, 1), receptive.Layer(3, 1, 1, 1)]
    if isinstance(module, Inception):
        return [receptive.Layer(5, 1, 1, 2)]     # its deepest branches (5×5, or 3×3 then 3×3) see 5×5
    if isinstance(module, (nn.Flatten, nn.Linear, nn.LazyLinear)):
        return None
    return []


def field_layers(model: nn.Sequential, row: int) -> list[receptive.Layer] | None:
    """The geometry of layers 1 … ``row`` of a built network, for :mod:`explorer.receptive` (where a unit of
    that layer looks in the input); None once the map is flattened."""
    geometry: list[receptive.Layer] = []
    for module in list(model)[:row]:
        extra = _receptive_layers(module)
        if extra is None:
            return None
        geometry += extra
    return geometry


@dataclass
class LayerInfo:
    """One row of the architecture table."""
    row: int
    name: str
    shape: tuple[int, ...]
    params: int
    macs: int
    receptive_field: int | None      # None: every input pixel (after flatten)


@dataclass
class Description:
    """What :func:`describe` found: the rows it could compute and, if the stack breaks, why."""
    rows: list[LayerInfo] = field(default_factory=list)
    error: NetworkError | None = None

    @property
    def params(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def macs(self) -> int:
        return sum(r.macs for r in self.rows)


def layer_name(spec: dict, label: Callable[[str], str] = str) -> str:
    """A short label such as ``conv 5×5, 4`` or ``maxpool 2×2``; ``label`` names the layer type (a translation)."""
    kind = spec.get("type")
    word = label(kind) if kind in LAYER_TYPES else str(kind)
    if kind == "conv":
        return f"{word} {spec.get('k', 3)}×{spec.get('k', 3)}, {spec.get('out', 8)}"
    if kind in ("maxpool", "avgpool"):
        return f"{word} {spec.get('k', 2)}×{spec.get('k', 2)}"
    if kind in ("linear", "residual", "inception"):
        return f"{word} {spec.get('out', '')}".strip()
    if kind == "dropout":
        return f"{word} {DROPOUT:.0%}"
    return word


def count_macs(module: nn.Module, x: torch.Tensor) -> int:
    """Multiply-adds of the convolutions and linear maps inside ``module`` for the input ``x`` (one image).

    Example:
        >>> count_macs(nn.Conv2d(2, 3, 5), torch.zeros(1, 2, 8, 8))     # 3·4·4 outputs × 2·5·5
        2400
    """
    total = 0

    def hook(layer, inputs, output):
        nonlocal total
        if isinstance(layer, nn.Conv2d):
            total += output.numel() * (layer.in_channels // layer.groups) * layer.kernel_size[0] * layer.kernel_size[1]
        elif isinstance(layer, nn.Linear):
            total += layer.in_features * layer.out_features

    handles = [m.register_forward_hook(hook) for m in module.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    try:
        module(x)
    finally:
        for handle in handles:
            handle.remove()
    return total


def describe(specs: list[dict], input_shape: tuple[int, int, int] = INPUT_SHAPE,
             label: Callable[[str], str] = str, classes: int = CLASSES) -> Description:
    """Build the stack layer by layer on a dummy input; stop at the first layer that cannot work.

    ``label`` names layer types in row names and messages (see :func:`layer_name`).

    Example:
        >>> stack = [{"type": "conv", "out": 4, "k": 5}, {"type": "maxpool", "k": 2}, {"type": "flatten"},
        ...          {"type": "linear", "out": 10}]
        >>> [r.shape for r in describe(stack).rows]
        [(4, 24, 24), (4, 12, 12), (576,), (10,)]
    """
    result = Description()
    if not 1 <= len(specs) <= MAX_LAYERS:
        result.error = NetworkError("err.net_count", n=len(specs), high=MAX_LAYERS)
        return result
    x = torch.zeros((1, *input_shape))
    geometry: list[receptive.Layer] | None = []
    with torch.no_grad():
        for row, spec in enumerate(specs, start=1):
            try:
                if spec.get("type") == "linear" and x.dim() != 2:
                    raise NetworkError("err.net_flatten", row=row)
                if x.dim() != 4 and spec.get("type") not in ("linear", "relu", "dropout", "flatten"):
                    raise NetworkError("err.net_after_flatten", row=row, name=layer_name(spec, label))
                module = _module(spec, x.shape[1] if x.dim() == 4 else 0, row).eval()
                y = module(x)
                macs = count_macs(module, x)
            except NetworkError as err:
                result.error = err
                return result
            except RuntimeError as err:
                result.error = NetworkError("err.net_layer", row=row, name=layer_name(spec, label),
                                            shape=" × ".join(str(v) for v in x.shape[1:]), why=str(err).split("\n")[0])
                return result
            params = sum(p.numel() for p in module.parameters())
            extra = _receptive_layers(module)
            geometry = None if geometry is None or extra is None else geometry + extra
            field_size = receptive.receptive_fields(geometry)[-1].size if geometry else (1 if geometry == [] else None)
            result.rows.append(LayerInfo(row, layer_name(spec, label), tuple(y.shape[1:]), params, macs, field_size))
            x = y
    if x.dim() != 2 or x.shape[1] != classes:
        result.error = NetworkError("err.net_output", shape=" × ".join(str(v) for v in x.shape[1:]), n=classes)
    return result


def build(specs: list[dict], input_shape: tuple[int, int, int] = INPUT_SHAPE, seed: int = 0,
          classes: int = CLASSES) -> nn.Sequential:
    """The network as ``nn.Sequential`` with initialised weights (seeded), or NetworkError.

    Example:
        >>> sum(p.numel() for p in build([{"type": "flatten"}, {"type": "linear", "out": 10}]).parameters())
        7850
    """
    description = describe(specs, input_shape, classes=classes)
    if description.error is not None:
        raise description.error
    channels, modules = input_shape[0], []
    x = torch.zeros((1, *input_shape))
    for row, spec in enumerate(specs, start=1):
        module = _module(spec, channels, row)
        modules.append(module)
        x = module.eval()(x) if not isinstance(module, nn.LazyLinear) else module(x)
        channels = x.shape[1] if x.dim() == 4 else 0
    return draw_weights(nn.Sequential(*modules), torch.Generator().manual_seed(seed)).train()


def draw_weights(model: nn.Module, generator: torch.Generator) -> nn.Module:
    """``model`` with its weights drawn as PyTorch's own initialisation draws them (Kaiming-uniform weights,
    biases uniform in ±1/√fan-in), layer after layer, from ``generator`` instead of torch's global generator: the
    same numbers as ``torch.manual_seed(seed)`` then building gives, but not shared with other threads (two
    sessions building at once took each other's draws: 39 of 40 concurrent builds got weights their seed does not
    give)."""
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_uniform_(module.weight, a=math.sqrt(5), generator=generator)
                if module.bias is not None:
                    fan_in = math.prod(module.weight.shape[1:])
                    bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
                    nn.init.uniform_(module.bias, -bound, bound, generator=generator)
    return model


TABLE_COLUMNS = ("#", "type", "out", "k", "stride", "pad")


def specs_to_rows(specs: list[dict]) -> list[dict]:
    """Layer specs as rows of an editable table (``#`` gives the order; empty cells mean the default)."""
    return [{"#": i, "type": spec["type"], **{c: spec.get(c) for c in TABLE_COLUMNS[2:]}}
            for i, spec in enumerate(specs, start=1)]


def rows_to_specs(rows: list[dict]) -> list[dict]:
    """Rows of the table back to specs, ordered by ``#`` (ties keep their order); rows without a type are dropped.

    Example:
        >>> rows_to_specs([{"#": 2, "type": "relu"}, {"#": 1, "type": "conv", "out": 4.0, "k": 5, "pad": None}])
        [{'type': 'conv', 'out': 4, 'k': 5}, {'type': 'relu'}]
    """
    kept = [(row.get("#"), i, row) for i, row in enumerate(rows) if not is_blank(row.get("type"))]
    kept.sort(key=lambda item: (float("inf") if is_blank(item[0]) else float(item[0]), item[1]))
    specs = []
    for _, _, row in kept:
        spec = {"type": row["type"]}
        for column in TABLE_COLUMNS[2:]:
            value = row.get(column)
            if not is_blank(value):
                spec[column] = int(value) if isinstance(value, (int, float)) and float(value).is_integer() else value
        specs.append(spec)
    return specs


def for_classes(specs: list[dict], classes: int) -> list[dict]:
    """The stack with its last dense layer giving ``classes`` numbers (the presets end with 10, for digits).

    The first layer needs no change: it is built for the input's channels (1 grey, 3 colour), and the dense
    layer after the flatten takes whatever size the real modules give (``nn.LazyLinear``).

    Example:
        >>> for_classes([{"type": "flatten"}, {"type": "linear", "out": 10}], 3)[-1]
        {'type': 'linear', 'out': 3}
    """
    adapted = [dict(spec) for spec in specs]
    if adapted and adapted[-1].get("type") == "linear":
        adapted[-1]["out"] = classes
    return adapted
