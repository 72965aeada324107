"""A small convolutional network for handwritten digits: build it, measure it, train it, look inside.

A network is a list of layer specs (plain dicts, so a page can edit them in a
table): ``{"type": "conv", "out": 4, "k": 5}``, ``{"type": "maxpool", "k": 2}``,
``{"type": "linear", "out": 10}``, … :func:`build` turns it into an
``nn.Sequential``; :func:`describe` runs that on a dummy input and reports
every layer's output shape, parameters, multiply-adds and receptive field.
The data that ship with the app are scikit-learn's 1,797 handwritten digits
(8×8, resized to 28×28); MNIST IDX files and folders of images load too.

``python -m explorer.lenet`` trains the default network and prints the test accuracy.
"""
from __future__ import annotations

import gzip
import io
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from explorer import ops, receptive
from explorer.i18n import LocalizedError

LAYER_TYPES = ("conv", "maxpool", "avgpool", "relu", "batchnorm", "flatten", "linear", "residual", "inception")
INPUT_SHAPE = (1, 28, 28)
CLASSES = 10
OPTIMIZERS = ("adam", "sgd")
MAX_LAYERS = 24

PRESETS: dict[str, list[dict]] = {
    # the seed notes' LeNet: 1×28×28 → 4×24×24 → 4×12×12 → 8×8×8 → 8×4×4 → 10
    "lenet_small": [{"type": "conv", "out": 4, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                    {"type": "conv", "out": 8, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                    {"type": "flatten"}, {"type": "linear", "out": 10}],
    # the classic Conv2d(1, 10, 5) / Conv2d(10, 20, 5) / Linear(320, 10)
    "lenet_classic": [{"type": "conv", "out": 10, "k": 5}, {"type": "maxpool", "k": 2}, {"type": "relu"},
                      {"type": "conv", "out": 20, "k": 5}, {"type": "maxpool", "k": 2}, {"type": "relu"},
                      {"type": "flatten"}, {"type": "linear", "out": 10}],
    "vgg_small": [{"type": "conv", "out": 8, "k": 3, "pad": 1}, {"type": "relu"},
                  {"type": "conv", "out": 8, "k": 3, "pad": 1}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                  {"type": "conv", "out": 16, "k": 3, "pad": 1}, {"type": "relu"},
                  {"type": "conv", "out": 16, "k": 3, "pad": 1}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                  {"type": "flatten"}, {"type": "linear", "out": 10}],
    "residual": [{"type": "conv", "out": 8, "k": 3, "pad": 1}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                 {"type": "residual", "out": 16}, {"type": "maxpool", "k": 2}, {"type": "flatten"},
                 {"type": "linear", "out": 10}],
    "inception": [{"type": "conv", "out": 8, "k": 3, "pad": 1}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                  {"type": "inception", "out": 16}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                  {"type": "flatten"}, {"type": "linear", "out": 10}],
    "batchnorm": [{"type": "conv", "out": 4, "k": 5}, {"type": "batchnorm"}, {"type": "relu"},
                  {"type": "maxpool", "k": 2}, {"type": "conv", "out": 8, "k": 5}, {"type": "batchnorm"},
                  {"type": "relu"}, {"type": "maxpool", "k": 2}, {"type": "flatten"}, {"type": "linear", "out": 10}],
}
DEFAULT_PRESET = "lenet_small"


class NetworkError(LocalizedError):
    """A layer stack, a data file or a weights file that cannot be used; the message says which and why."""


# ---------------------------------------------------------------- building blocks

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

    def forward(self, x):
        y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(y + self.project(x))


class Inception(nn.Module):
    """Four branches concatenated: 1×1; 1×1 → 5×5; 1×1 → 3×3 → 3×3; 3×3 average pool → 1×1."""

    def __init__(self, cin: int, cout: int):
        super().__init__()
        q = cout // 4
        self.branch1 = nn.Conv2d(cin, q, 1)
        self.branch5 = nn.Sequential(nn.Conv2d(cin, q, 1), nn.ReLU(), nn.Conv2d(q, q, 5, padding=2))
        self.branch3 = nn.Sequential(nn.Conv2d(cin, q, 1), nn.ReLU(), nn.Conv2d(q, q, 3, padding=1), nn.ReLU(),
                                     nn.Conv2d(q, q, 3, padding=1))
        self.pool = nn.Sequential(nn.AvgPool2d(3, 1, 1), nn.Conv2d(cin, q, 1))

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch5(x), self.branch3(x), self.pool(x)], dim=1)


def _number(spec: dict, key: str, default, low: int, high: int, row: int) -> int:
    value = spec.get(key, default)
    try:
        number = int(value)
        ok = float(value) == number and low <= number <= high
    except (TypeError, ValueError):
        ok = False
    if not ok:
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
    if kind == "flatten":
        return nn.Flatten()
    if kind == "linear":
        return nn.LazyLinear(_number(spec, "out", CLASSES, 1, 4096, row))
    if kind == "residual":
        return Residual(channels, _number(spec, "out", 16, 1, 256, row), _number(spec, "stride", 1, 1, 2, row))
    return Inception(channels, _number(spec, "out", 16, 4, 256, row))


def _receptive_layers(spec: dict, module: nn.Module) -> list[receptive.Layer] | None:
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
    return word


def _macs(module: nn.Module, x: torch.Tensor, y: torch.Tensor) -> int:
    """Multiply-adds of the convolutions and linear maps inside ``module`` for one input."""
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
             label: Callable[[str], str] = str) -> Description:
    """Build the stack layer by layer on a dummy input; stop at the first layer that cannot work.

    ``label`` names layer types in row names and messages (see :func:`layer_name`).

    Example:
        >>> [r.shape for r in describe(PRESETS["lenet_small"]).rows][:4]
        [(4, 24, 24), (4, 24, 24), (4, 12, 12), (8, 8, 8)]
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
                if x.dim() != 4 and spec.get("type") not in ("linear", "relu", "flatten"):
                    raise NetworkError("err.net_after_flatten", row=row, name=layer_name(spec, label))
                module = _module(spec, x.shape[1] if x.dim() == 4 else 0, row).eval()
                y = module(x)
                macs = _macs(module, x, y)
            except NetworkError as err:
                result.error = err
                return result
            except RuntimeError as err:
                result.error = NetworkError("err.net_layer", row=row, name=layer_name(spec, label),
                                            shape=" × ".join(str(v) for v in x.shape[1:]), why=str(err).split("\n")[0])
                return result
            params = sum(p.numel() for p in module.parameters())
            extra = _receptive_layers(spec, module)
            geometry = None if geometry is None or extra is None else geometry + extra
            field_size = receptive.receptive_fields(geometry)[-1].size if geometry else (1 if geometry == [] else None)
            result.rows.append(LayerInfo(row, layer_name(spec, label), tuple(y.shape[1:]), params, macs, field_size))
            x = y
    if x.dim() != 2 or x.shape[1] != CLASSES:
        result.error = NetworkError("err.net_output", shape=" × ".join(str(v) for v in x.shape[1:]), n=CLASSES)
    return result


def build(specs: list[dict], input_shape: tuple[int, int, int] = INPUT_SHAPE, seed: int = 0) -> nn.Sequential:
    """The network as ``nn.Sequential`` with initialised weights (seeded), or NetworkError.

    Example:
        >>> sum(p.numel() for p in build(PRESETS["lenet_classic"]).parameters())
        8490
    """
    description = describe(specs, input_shape)
    if description.error is not None:
        raise description.error
    torch.manual_seed(seed)
    channels, modules = input_shape[0], []
    x = torch.zeros((1, *input_shape))
    for row, spec in enumerate(specs, start=1):
        module = _module(spec, channels, row)
        modules.append(module)
        x = module.eval()(x) if not isinstance(module, nn.LazyLinear) else module(x)
        channels = x.shape[1] if x.dim() == 4 else 0
    return nn.Sequential(*modules).train()


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
    def blank(value) -> bool:
        return value is None or (isinstance(value, float) and np.isnan(value)) or value == ""

    kept = [(row.get("#"), i, row) for i, row in enumerate(rows) if not blank(row.get("type"))]
    kept.sort(key=lambda item: (float("inf") if blank(item[0]) else float(item[0]), item[1]))
    specs = []
    for _, _, row in kept:
        spec = {"type": row["type"]}
        for column in TABLE_COLUMNS[2:]:
            value = row.get(column)
            if not blank(value):
                spec[column] = int(value) if isinstance(value, (int, float)) and float(value).is_integer() else value
        specs.append(spec)
    return specs


# ---------------------------------------------------------------- data

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


def _idx(data: bytes, expected_dims: int) -> np.ndarray:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if len(data) < 4 or data[:2] != b"\x00\x00" or data[2] != 0x08 or data[3] != expected_dims:
        raise NetworkError("err.idx_format", dims=expected_dims)
    dims = struct.unpack(f">{expected_dims}I", data[4:4 + 4 * expected_dims])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * expected_dims)
    if body.size != int(np.prod(dims)):
        raise NetworkError("err.idx_size", expected=int(np.prod(dims)), found=body.size)
    return body.reshape(dims)


def load_idx(images: bytes, labels: bytes) -> tuple[torch.Tensor, torch.Tensor]:
    """MNIST-style IDX files (``…-images-idx3-ubyte`` and ``…-labels-idx1-ubyte``, gzipped or not).

    Returns ``(x, y)``: ``(N, 1, 28, 28)`` in [0, 1] and ``(N,)`` labels.
    """
    x = _idx(images, 3)
    y = _idx(labels, 1)
    if len(x) != len(y):
        raise NetworkError("err.idx_count", images=len(x), labels=len(y))
    if y.max(initial=0) >= CLASSES:
        raise NetworkError("err.idx_labels", high=CLASSES - 1)
    return to_28(x / 255.0), torch.from_numpy(y.astype(np.int64))


def load_folder(path: str | Path) -> tuple[torch.Tensor, torch.Tensor]:
    """A folder with one sub-folder per class (``0`` … ``9``) of images; dark digits on light paper are inverted."""
    from explorer import imaging
    images, labels = [], []
    for label in range(CLASSES):
        for file in sorted((Path(path) / str(label)).glob("*")):
            if file.suffix.lower().lstrip(".") in imaging.UPLOAD_TYPES:
                images.append(prepare_photo(imaging.load_image(file.read_bytes()))["final"])
                labels.append(label)
    if not images:
        raise NetworkError("err.folder_empty", path=str(path))
    return torch.from_numpy(np.stack(images))[:, None], torch.tensor(labels)


# ---------------------------------------------------------------- training

@dataclass
class Epoch:
    """Loss and accuracy after one epoch."""
    epoch: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    seconds: float


def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor, batch: int = 512) -> tuple[float, float, torch.Tensor]:
    """``(loss, accuracy, predictions)`` in eval mode."""
    device = next(model.parameters()).device
    model.eval()
    losses, predictions = [], []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            logits = model(x[i:i + batch].to(device))
            losses.append(F.cross_entropy(logits, y[i:i + batch].to(device), reduction="sum").item())
            predictions.append(logits.argmax(1).cpu())
    predicted = torch.cat(predictions) if predictions else torch.zeros(0, dtype=torch.long)
    return sum(losses) / max(len(x), 1), float((predicted == y).float().mean()) if len(y) else 0.0, predicted


def train(model: nn.Module, data: Data, *, epochs: int = 8, lr: float = 0.01, batch_size: int = 32,
          optimizer: str = "adam", seed: int = 0, device=None, on_epoch=None, on_step=None) -> list[Epoch]:
    """Train ``model`` on ``data`` and validate after every epoch.

    ``on_step(epoch, step, steps)`` and ``on_epoch(Epoch)`` are called as it
    goes; either may return ``False`` to stop early (the Stop button).
    Deterministic for a given ``seed`` on the CPU.
    """
    if optimizer not in OPTIMIZERS:
        raise NetworkError("err.optimizer", value=repr(optimizer), allowed=", ".join(OPTIMIZERS))
    device = torch.device(device) if device is not None else ops.pick_device()
    torch.manual_seed(seed)
    model.to(device)
    opt = (torch.optim.Adam(model.parameters(), lr=lr) if optimizer == "adam"
           else torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9))
    generator = torch.Generator().manual_seed(seed)
    x, y = data.x_train, data.y_train
    steps = (len(x) + batch_size - 1) // batch_size
    history = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x), generator=generator)
        total, correct, seen = 0.0, 0, 0
        for step in range(steps):
            index = order[step * batch_size:(step + 1) * batch_size]
            xb, yb = x[index].to(device), y[index].to(device)
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(index)
            correct += int((logits.argmax(1) == yb).sum())
            seen += len(index)
            if on_step is not None and on_step(epoch, step + 1, steps) is False:
                return history
        val_loss, val_acc, _ = evaluate(model, data.x_val, data.y_val)
        record = Epoch(epoch, total / seen, correct / seen, val_loss, val_acc, time.perf_counter() - start)
        history.append(record)
        if on_epoch is not None and on_epoch(record) is False:
            break
    return history


def confusion(y_true: torch.Tensor, y_pred: torch.Tensor, classes: int = CLASSES) -> np.ndarray:
    """``counts[true, predicted]``.

    Example:
        >>> confusion(torch.tensor([0, 1, 1]), torch.tensor([0, 1, 0]), 2).tolist()
        [[1, 0], [1, 1]]
    """
    counts = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return counts


# ---------------------------------------------------------------- weights files

WEIGHT_FORMATS = ("safetensors", "pt")


def save_weights(model: nn.Module, fmt: str = "safetensors") -> bytes:
    """The state dict as safetensors bytes, or as ``torch.save`` bytes (``pt``)."""
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    if fmt == "safetensors":
        from safetensors.torch import save
        return save(state)
    if fmt != "pt":
        raise NetworkError("err.weights_format", value=repr(fmt), allowed=", ".join(WEIGHT_FORMATS))
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getvalue()


def read_weights(data: bytes) -> dict[str, torch.Tensor]:
    """A weights file's tensors, without ever unpickling: safetensors, or ``torch.load(weights_only=True)``."""
    if len(data) > 8:
        header = struct.unpack("<Q", data[:8])[0]
        if 0 < header < len(data) and data[8:9] == b"{":
            from safetensors.torch import load
            try:
                return load(data)
            except Exception as err:          # a damaged safetensors header
                raise NetworkError("err.weights_unreadable", why=str(err)[:200]) from err
    try:
        state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as err:                  # pickle refused (weights_only), not a zip, truncated…
        raise NetworkError("err.weights_unreadable", why=str(err).split("\n")[0][:200]) from err
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise NetworkError("err.weights_not_state_dict")
    return state


def load_weights(model: nn.Module, data: bytes) -> None:
    """Load a weights file into ``model`` after checking every name and shape fits."""
    state = read_weights(data)
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    wrong = [k for k in expected if k in state and tuple(state[k].shape) != tuple(expected[k].shape)]
    if missing or unexpected or wrong:
        detail = missing[:2] or unexpected[:2] or [f"{k}: {tuple(state[k].shape)} ≠ {tuple(expected[k].shape)}"
                                                    for k in wrong[:2]]
        raise NetworkError("err.weights_mismatch", detail=", ".join(detail))
    model.load_state_dict({k: v.to(expected[k].dtype) for k, v in state.items()})


# ---------------------------------------------------------------- looking inside

def first_filters(model: nn.Module) -> np.ndarray | None:
    """The first convolution's kernels ``(out, kh, kw)`` for a 1-channel input (None without one)."""
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            return module.weight.detach().cpu().numpy()[:, 0].copy()
    return None


def feature_maps(model: nn.Sequential, x: torch.Tensor) -> list[tuple[int, np.ndarray]]:
    """``(layer number, output)`` of every top-level layer for one input ``(1, 28, 28)``; outputs without the batch axis."""
    device = next(model.parameters()).device
    model.eval()
    outputs, current = [], x[None].to(device)
    with torch.no_grad():
        for number, module in enumerate(model, start=1):
            current = module(current)
            outputs.append((number, current[0].cpu().numpy()))
    return outputs


def probabilities(model: nn.Module, x: torch.Tensor) -> np.ndarray:
    """Softmax over the ten classes for one input ``(1, 28, 28)``."""
    device = next(model.parameters()).device
    model.eval()
    with torch.no_grad():
        return F.softmax(model(x[None].to(device)), dim=1)[0].cpu().numpy()


def prepare_photo(image: np.ndarray) -> dict[str, np.ndarray]:
    """A photo of one handwritten digit made to look like the training data, step by step.

    Steps (each kept for display): ``gray``; ``inverted`` (when the paper is
    lighter than the ink, so the digit is bright on dark, like the data);
    ``cropped`` to the digit's bounding box with a margin, squared; ``final``
    resized to 20×20 and centred in 28×28, as MNIST does.
    """
    from explorer import imaging
    gray = imaging.to_gray(np.asarray(image, dtype=np.float32)) if np.ndim(image) == 3 else np.asarray(image, np.float32)
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    inverted = 1 - gray if np.median(border) > 0.5 else gray.copy()
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
        sy, sx = slice(max(y0, 0), min(y0 + side, stretched.shape[0])), slice(max(x0, 0), min(x0 + side, stretched.shape[1]))
        square[sy.start - y0:sy.stop - y0, sx.start - x0:sx.stop - x0] = stretched[sy, sx]
        cropped = square
    small = F.interpolate(torch.from_numpy(cropped)[None, None], size=(20, 20), mode="bilinear",
                          align_corners=False, antialias=True)[0, 0].clamp(0, 1).numpy()
    final = np.zeros((28, 28), np.float32)
    final[4:24, 4:24] = small
    return {"gray": gray, "inverted": inverted, "cropped": cropped, "final": final}


def rasterize(strokes: list[list[tuple[float, float]]], size: int = 28, width: float = 2.2) -> np.ndarray:
    """Strokes drawn on a ``size × size`` canvas (points in pixel units, y down) as a [0, 1] image.

    Example:
        >>> bool(rasterize([[(4, 14), (24, 14)]])[14, 4:25].min() > 0.9)
        True
    """
    import cv2
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


def main(argv: list[str] | None = None) -> float:
    """Train the default network on the bundled digits and print the test accuracy."""
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", default=DEFAULT_PRESET, choices=list(PRESETS))
    parser.add_argument("--epochs", type=int, default=DEFAULTS["epochs"])
    parser.add_argument("--lr", type=float, default=DEFAULTS["lr"])
    parser.add_argument("--batch-size", type=int, default=DEFAULTS["batch_size"])
    parser.add_argument("--optimizer", default=DEFAULTS["optimizer"], choices=OPTIMIZERS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", default=None, choices=[None, *ops.DEVICE_NAMES])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--idx", nargs=2, metavar=("IMAGES", "LABELS"), help="MNIST IDX files (may be .gz)")
    source.add_argument("--folder", help="a folder with sub-folders 0 … 9 of digit images")
    args = parser.parse_args(argv)
    if args.idx:
        data = split(*load_idx(Path(args.idx[0]).read_bytes(), Path(args.idx[1]).read_bytes()), seed=args.seed)
    elif args.folder:
        data = split(*load_folder(args.folder), seed=args.seed)
    else:
        data = load_digits(args.seed)
    model = build(PRESETS[args.preset], seed=args.seed)
    device = ops.pick_device() if args.device is None else torch.device(args.device)
    print(f"{args.preset}: {sum(p.numel() for p in model.parameters()):,} parameters, {len(data.x_train)} training "
          f"images, on {ops.device_label(device)}")
    started = time.perf_counter()

    def report(epoch: Epoch) -> None:
        print(f"epoch {epoch.epoch:2d}  train loss {epoch.train_loss:.4f} acc {epoch.train_acc:.3f}  "
              f"val loss {epoch.val_loss:.4f} acc {epoch.val_acc:.3f}  ({epoch.seconds:.1f} s)", flush=True)

    train(model, data, epochs=args.epochs, lr=args.lr, batch_size=args.batch_size, optimizer=args.optimizer,
          seed=args.seed, device=device, on_epoch=report)
    _, accuracy, _ = evaluate(model, data.x_test, data.y_test)
    print(f"trained in {time.perf_counter() - started:.1f} s")
    print(f"test accuracy: {accuracy:.2f}")
    return accuracy


DEFAULTS = {"epochs": 12, "lr": 0.01, "batch_size": 32, "optimizer": "adam"}

if __name__ == "__main__":
    main()
