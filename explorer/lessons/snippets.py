"""Runnable PyTorch code for what a page shows, with the page's own numbers.

Every snippet is plain ``torch`` (no explorer import), so a student can paste it
into a notebook; the tests run each one and compare with the page.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from explorer.numtext import literal


def kernel_lab(kernels: Sequence[np.ndarray], combine: str | None, conv_args: dict,
               image_shape: tuple[int, ...]) -> str:
    """Runnable PyTorch code doing what Kernel Lab does: ``kernels`` (combined by ``combine``) with ``conv_args``."""
    padding, mode = conv_args["padding"], conv_args["padding_mode"]
    channels = 1 if len(image_shape) == 2 else image_shape[2]
    # in float64: round(6) multiplies by 1e6, which made a typed 1e38 inf in float32
    kernels_text = ",\n    ".join(repr(k.astype(np.float64).round(6).tolist()) for k in kernels)
    lines = [
        "import torch",
        "import torch.nn.functional as F",
        "",
        f"image = torch.rand(1, {channels}, {image_shape[0]}, {image_shape[1]})  # (N, C, H, W): your image here",
        f"kernels = [\n    {kernels_text},\n]",
        "outputs = []",
        "for k in kernels:",
        f"    weight = torch.tensor(k).expand({channels}, 1, {kernels[0].shape[0]}, "
        f"{kernels[0].shape[1]})  # one copy per channel",
    ]
    if mode != "zeros" and padding != "valid":
        lines += [
            f"    conv = torch.nn.Conv2d({channels}, {channels}, weight.shape[2:], stride={conv_args['stride']}, "
            f"padding={padding!r}, dilation={conv_args['dilation']}, groups={channels}, bias=False, "
            f"padding_mode={mode!r})",
            "    conv.weight = torch.nn.Parameter(weight.contiguous(), requires_grad=False)",
            "    outputs.append(conv(image))",
        ]
    else:
        lines.append(f"    outputs.append(F.conv2d(image, weight, stride={conv_args['stride']}, padding={padding!r}, "
                     f"dilation={conv_args['dilation']}, groups={channels}))")
    lines.append("result = outputs[0]" if combine is None else
                 "result = torch.sqrt(sum(o ** 2 for o in outputs))  # gradient magnitude")
    return "\n".join(lines)


def sliding_window(run, padding, padding_mode: str) -> str:
    """Runnable PyTorch code reproducing a ``sliding.Run`` with its numbers."""
    grid = repr(run.grid.tolist())
    lines = ["import torch", "import torch.nn.functional as F", "",
             f"x = torch.tensor({grid})[None, None]  # (N, C, H, W)"]
    s, d = run.stride, run.dilation
    if run.mode in ("correlation", "convolution"):
        lines.append(f"k = torch.tensor({run.kernel.tolist()!r})[None, None]"
                     + ("  # already flipped 180°: true convolution" if run.mode == "convolution" else ""))
        if padding_mode != "zeros" and any(run.pads):
            top, bottom, left, right = run.pads
            lines.append(f"x = F.pad(x, ({left}, {right}, {top}, {bottom}), mode={padding_mode!r})")
            lines.append(f"y = F.conv2d(x, k, stride={s}, dilation={d})")
        else:
            lines.append(f"y = F.conv2d(x, k, stride={s}, padding={padding!r}, dilation={d})")
    elif run.mode == "transposed":
        lines.append(f"k = torch.tensor({run.kernel.tolist()!r})[None, None]")
        extra = f", output_padding={run.output_padding}" if any(run.output_padding) else ""
        lines.append(f"y = F.conv_transpose2d(x, k, stride={s}, padding={run.pads[0], run.pads[2]}{extra}, "
                     f"dilation={d})")
    else:
        fn = "max_pool2d" if run.mode == "max_pool" else "avg_pool2d"
        lines.append(f"y = F.{fn}(x, kernel_size={tuple(run.kernel.shape)}, stride={s}, "
                     f"padding={run.pads[0], run.pads[2]})")
    lines.append("print(y[0, 0])")
    return "\n".join(lines)


def conv_layer(weights: np.ndarray, bias: np.ndarray, padding: int = 1, names: list[str] | None = None,
               channels: str = "RGB") -> str:
    """Runnable PyTorch code for the layer with these weights (``image``: ``(1, C, H, W)``): one filter per block
    with its name, one input channel's kernel per line (a single line of tensor literals was a wall to read)."""
    n, c, kh, kw = weights.shape
    names = names or [f"filter {i + 1}" for i in range(n)]
    rows = []
    for name, kernels in zip(names, weights):
        rows.append(f"        [  # {name}")
        rows += [f"            {literal(k)},  # {channels[i] if len(channels) == c else i + 1}"
                 for i, k in enumerate(kernels)]
        rows.append("        ],")
    return "\n".join([
        "import torch",
        "",
        f"layer = torch.nn.Conv2d(in_channels={c}, out_channels={n}, kernel_size={kh}, padding={padding})",
        f"print(layer.weight.shape)  # torch.Size([{n}, {c}, {kh}, {kw}]): (out, in, kh, kw)",
        "with torch.no_grad():",
        "    layer.weight.copy_(torch.tensor([",
        *rows,
        "    ]))",
        f"    layer.bias.copy_(torch.tensor({literal(bias)}))",
        f"image = torch.rand(1, {c}, 64, 64)  # (N, C, H, W): your image here",
        f"feature_maps = layer(image)  # (1, {n}, 64, 64)",
    ])


_NAMES = {"Conv2d": "conv", "MaxPool2d": "pool", "AvgPool2d": "pool", "Linear": "fc", "BatchNorm2d": "bn",
          "BatchNorm1d": "bn", "Dropout": "drop"}


def module_class(model, name: str = "Net") -> str:
    """The layers of an ``nn.Sequential`` written as an ``nn.Module`` class, as the notes write networks: modules
    with weights in ``__init__``, the flow in ``forward`` (ReLU as ``F.relu``, the flatten as
    ``x.view(x.size(0), -1)``). A block of the app's own (the residual block, the Inception module) is built from
    its class, whose source comes first. Plain torch: it runs in a notebook.
    """
    import copy
    import inspect

    import torch
    from torch import nn
    defined, init, forward, counts = [], [], [], {}
    for module in model:
        kind = type(module).__name__
        if isinstance(module, nn.ReLU):
            forward.append("x = F.relu(x)")
            continue
        if isinstance(module, nn.Flatten):
            forward.append("x = x.view(x.size(0), -1)  # flatten: -1 is worked out by torch")
            continue
        counts[kind] = counts.get(kind, 0) + 1
        attribute = f"{_NAMES.get(kind, kind.lower())}{counts[kind]}"
        if kind in _NAMES or isinstance(module, nn.Identity):
            init.append(f"self.{attribute} = nn.{module!r}")
        else:                                   # a block of the app's own: its class, then how it is built
            if kind not in {type(m).__name__ for m in defined}:
                defined.append(module)
            first = next(m for m in module.modules() if isinstance(m, nn.Conv2d))
            with torch.no_grad():                 # its output channels, as the block itself makes them
                out = copy.deepcopy(module).eval()(torch.zeros(1, first.in_channels, 8, 8)).shape[1]
            stride = "" if first.stride[0] == 1 else f", stride={first.stride[0]}"
            init.append(f"self.{attribute} = {kind}({first.in_channels}, {out}{stride})")
        forward.append(f"x = self.{attribute}(x)")
    sources = [inspect.getsource(type(m)) for m in defined]
    lines = ["import torch", "import torch.nn.functional as F", "from torch import nn", "", "", *sources,
             *([""] if sources else []), f"class {name}(nn.Module):", "    def __init__(self):",
             "        super().__init__()", *(f"        {line}" for line in init), "",
             "    def forward(self, x):", *(f"        {line}" for line in forward), "        return x"]
    return "\n".join(lines)
