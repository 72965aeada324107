"""The networks of the course notes as layer stacks, and the numbers each one's note quotes, computed.

Every stack takes the 1×28×28 digits. LeNet-5 was drawn for 32×32 inputs: its
first convolution pads the 28×28 digit by 2 on each side, which is the same
thing. :func:`facts` measures what the notes claim (two 3×3 convolutions against
one 5×5, the 1×1 bottleneck's saving, …) on real ``torch.nn`` modules.
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

import torch
from torch import nn

from explorer import receptive
from explorer.network.layers import CLASSES, INPUT_SHAPE, Inception, count_macs, describe, for_classes

PRESETS: dict[str, list[dict]] = {
    # the notes' small LeNet: 1×28×28 → 4×24×24 → 4×12×12 → 8×8×8 → 8×4×4 → 10
    "lenet_small": [{"type": "conv", "out": 4, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                    {"type": "conv", "out": 8, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                    {"type": "flatten"}, {"type": "linear", "out": 10}],
    # the notes' LeNet: the same features, then a hidden dense layer of n1 units before the 10 outputs
    "lenet_hidden": [{"type": "conv", "out": 4, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                     {"type": "conv", "out": 8, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                     {"type": "flatten"}, {"type": "linear", "out": 32}, {"type": "relu"},
                     {"type": "linear", "out": 10}],
    # LeCun et al. 1998: 6 and 16 maps of 5×5, subsampling by averaging, then 120-84-10 (ReLU for the squashing)
    "lenet5": [{"type": "conv", "out": 6, "k": 5, "pad": 2}, {"type": "relu"}, {"type": "avgpool", "k": 2},
               {"type": "conv", "out": 16, "k": 5}, {"type": "relu"}, {"type": "avgpool", "k": 2},
               {"type": "flatten"}, {"type": "linear", "out": 120}, {"type": "relu"},
               {"type": "linear", "out": 84}, {"type": "relu"}, {"type": "linear", "out": 10}],
    # the notes' simplified MNIST net (PyTorch's example adds Dropout and a 50-unit layer; it now uses 32/64 3×3)
    "lenet_classic": [{"type": "conv", "out": 10, "k": 5}, {"type": "maxpool", "k": 2}, {"type": "relu"},
                      {"type": "conv", "out": 20, "k": 5}, {"type": "maxpool", "k": 2}, {"type": "relu"},
                      {"type": "flatten"}, {"type": "linear", "out": 10}],
    # the notes' SimpleConvNet: Conv 30@5×5 – ReLU – Pool – Affine 100 – ReLU – Affine 10
    "simple_convnet": [{"type": "conv", "out": 30, "k": 5}, {"type": "relu"}, {"type": "maxpool", "k": 2},
                       {"type": "flatten"}, {"type": "linear", "out": 100}, {"type": "relu"},
                       {"type": "linear", "out": 10}],
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
    # AlexNet's ideas at digit size: ReLU, overlapping 3×3 pooling with stride 2, dropout before the dense layers
    "alexnet_ideas": [{"type": "conv", "out": 16, "k": 5, "pad": 2}, {"type": "relu"},
                      {"type": "maxpool", "k": 3, "stride": 2}, {"type": "conv", "out": 32, "k": 3, "pad": 1},
                      {"type": "relu"}, {"type": "maxpool", "k": 3, "stride": 2}, {"type": "flatten"},
                      {"type": "dropout"}, {"type": "linear", "out": 64}, {"type": "relu"}, {"type": "dropout"},
                      {"type": "linear", "out": 10}],
    "batchnorm": [{"type": "conv", "out": 4, "k": 5}, {"type": "batchnorm"}, {"type": "relu"},
                  {"type": "maxpool", "k": 2}, {"type": "conv", "out": 8, "k": 5}, {"type": "batchnorm"},
                  {"type": "relu"}, {"type": "maxpool", "k": 2}, {"type": "flatten"}, {"type": "linear", "out": 10}],
    # the notes' BatchNorm net: Conv 25@3×3 – BN – ReLU – Pool – Conv 50@3×3 – BN – ReLU – Pool – FC 1250→1024→128→10
    "bn_net": [{"type": "conv", "out": 25, "k": 3}, {"type": "batchnorm"}, {"type": "relu"},
               {"type": "maxpool", "k": 2}, {"type": "conv", "out": 50, "k": 3}, {"type": "batchnorm"},
               {"type": "relu"}, {"type": "maxpool", "k": 2}, {"type": "flatten"}, {"type": "linear", "out": 1024},
               {"type": "relu"}, {"type": "linear", "out": 128}, {"type": "relu"}, {"type": "linear", "out": 10}],
}
DEFAULT_PRESET = "lenet_small"
# the presets whose notes quote the digits' sizes (1×28×28, 24×24 maps, 10 classes…) in their words
QUOTES_DIGIT_SIZES = frozenset({"lenet_small", "lenet5", "lenet_classic", "simple_convnet", "alexnet_ideas",
                                "bn_net"})


def _params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def _macs(module: nn.Module, channels: int, side: int) -> int:
    x = torch.zeros(1, channels, side, side)
    with torch.no_grad():
        return count_macs(module, x)


@lru_cache(maxsize=256)
def facts(name: str, input_shape: tuple[int, int, int] = INPUT_SHAPE,
          classes: int = CLASSES) -> MappingProxyType[str, str]:
    """The numbers the preset's note quotes, measured on real modules (formatted with thousands separators), for
    the task's input and classes (the digits' 1×28×28 and 10 unless told); measured once per preset, input and
    number of classes (the Network page quotes them on every run), read-only.

    Example:
        >>> facts("vgg_small")["two_3x3"], facts("vgg_small")["one_5x5"]
        ('1,168', '1,608')
        >>> facts("lenet_small")["params"], facts("lenet_small", (3, 48, 48), 3)["params"]
        ('2,202', '3,059')
    """
    description = describe(for_classes(PRESETS[name], classes), input_shape, classes=classes)
    numbers: dict[str, int] = {"params": description.params, "macs": description.macs}
    if name == "vgg_small":
        c = PRESETS[name][0]["out"]
        numbers |= {"c": c, "two_3x3": _params(nn.Sequential(nn.Conv2d(c, c, 3), nn.Conv2d(c, c, 3))),
                    "one_5x5": _params(nn.Conv2d(c, c, 5)),
                    "rf_two": receptive.receptive_fields([receptive.Layer(3), receptive.Layer(3)])[-1].size,
                    "rf_one": receptive.receptive_fields([receptive.Layer(5)])[-1].size}
    elif name == "inception":
        # the module sits after the first 2×2 pooling: 14×14 for the digits
        cin, quarter, side = PRESETS[name][0]["out"], PRESETS[name][3]["out"] // 4, input_shape[1] // 2
        numbers |= {"cin": cin, "q": quarter, "side": side,
                    "with_1x1": _macs(nn.Sequential(nn.Conv2d(cin, quarter, 1), nn.Conv2d(quarter, quarter, 5,
                                                                                         padding=2)), cin, side),
                    "without_1x1": _macs(nn.Conv2d(cin, quarter, 5, padding=2), cin, side),
                    "notes_params": _params(Inception(cin, 88))}
    return MappingProxyType({key: f"{value:,}" for key, value in numbers.items()})
