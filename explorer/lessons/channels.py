"""Inside one ``nn.Conv2d`` layer: per-channel kernels summed into feature maps, groups, parameter counts.

A filter of a layer with ``C`` input channels is ``C`` kernels, one per
channel; its feature map is the sum of the channel-wise correlations plus a
bias. ``n`` filters make the weight tensor ``(n, C, kh, kw)`` and ``n``
feature maps. :func:`filter_steps` does it step by step with
:func:`explorer.ops.conv2d`; :func:`conv_layer` runs a real ``nn.Conv2d``; the
tests and the page hold the two against each other.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from explorer import kernels, ops
from explorer.device import exact_cuda, pick_device
from explorer.geometry import ParamError

CHANNELS = "RGB"
# kernels a filter can use on one channel; "off" is all zeros
CHANNEL_KERNELS = ("off", "identity", "sobel_x", "sobel_y", "box_blur", "sharpen", "laplacian_4", "outline", "emboss")
# ready-made filters for a 3-channel input: a 3×3 kernel name and a weight per channel
FILTER_BANK = {
    "edges_x": (("sobel_x", 1 / 3), ("sobel_x", 1 / 3), ("sobel_x", 1 / 3)),
    "edges_y": (("sobel_y", 1 / 3), ("sobel_y", 1 / 3), ("sobel_y", 1 / 3)),
    "red_vs_green": (("identity", 1.0), ("identity", -1.0), ("off", 0.0)),
    "blue_vs_yellow": (("identity", -0.5), ("identity", -0.5), ("identity", 1.0)),
    "blur": (("box_blur", 1 / 3), ("box_blur", 1 / 3), ("box_blur", 1 / 3)),
    "outline": (("outline", 1 / 3), ("outline", 1 / 3), ("outline", 1 / 3)),
    "red_edges": (("laplacian_4", 1.0), ("off", 0.0), ("off", 0.0)),
    "emboss": (("emboss", 1 / 3), ("emboss", 1 / 3), ("emboss", 1 / 3)),
}
GROUPINGS = ("standard", "depthwise", "pointwise", "separable")
MAX_FILTERS = 8


def channel_kernel(name: str, weight: float = 1.0) -> np.ndarray:
    """``weight ×`` a 3×3 preset (``off``: zeros), as one input channel's kernel.

    Example:
        >>> channel_kernel("identity", 2.0)[1].tolist()
        [0.0, 2.0, 0.0]
    """
    if name not in CHANNEL_KERNELS:
        raise ParamError("err.channel_kernel", value=repr(name), allowed=", ".join(CHANNEL_KERNELS))
    if name == "off":
        return np.zeros((3, 3), np.float32)
    params = {"size": 3} if name == "box_blur" else {}
    return (kernels.get_kernel(name, **params) * weight).astype(np.float32)


def filter_weights(choice) -> np.ndarray:
    """One filter ``(C, 3, 3)`` from ``((kernel name, weight), …)`` per channel."""
    return np.stack([channel_kernel(name, weight) for name, weight in choice])


def bank_weights(names) -> np.ndarray:
    """The weight tensor ``(n, 3, 3, 3)`` of the named :data:`FILTER_BANK` filters."""
    unknown = [n for n in names if n not in FILTER_BANK]
    if unknown:
        raise ParamError("err.channel_kernel", value=repr(unknown[0]), allowed=", ".join(FILTER_BANK))
    return np.stack([filter_weights(FILTER_BANK[n]) for n in names])


@dataclass(frozen=True)
class FilterSteps:
    """One filter applied step by step."""
    maps: list[np.ndarray]   # each channel ⋆ its kernel, (H', W')
    total: np.ndarray        # their sum
    feature: np.ndarray      # total + bias: the feature map


def filter_steps(image: np.ndarray, weights: np.ndarray, bias: float = 0.0, padding: int = 1) -> FilterSteps:
    """Correlate each channel of ``image`` ``(H, W, C)`` with its kernel from ``weights`` ``(C, kh, kw)``.

    Example:
        >>> steps = filter_steps(np.ones((4, 4, 3)), np.ones((3, 3, 3)), bias=1.0)
        >>> float(steps.feature[1, 1])
        28.0
    """
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 3 or image.shape[2] != len(weights):
        raise ParamError("err.image_shape", shape=str(image.shape))
    maps = [ops.conv2d(image[..., c], weights[c], padding=padding) for c in range(image.shape[2])]
    total = np.sum(maps, axis=0, dtype=np.float32)
    return FilterSteps(maps, total, total + np.float32(bias))


def conv_layer(image: np.ndarray, weights: np.ndarray, bias: np.ndarray, padding: int = 1,
               device=None) -> np.ndarray:
    """The same layer as a real ``nn.Conv2d(C, n, k, padding=padding)``; returns ``(n, H', W')``.

    Example:
        >>> conv_layer(np.ones((4, 4, 3)), np.ones((2, 3, 3, 3)), np.zeros(2)).shape
        (2, 4, 4)
    """
    weights = torch.from_numpy(np.array(weights, dtype=np.float32))
    dev = pick_device() if device is None else torch.device(device)
    n, c, kh, kw = weights.shape
    layer = torch.nn.Conv2d(c, n, (kh, kw), padding=padding).to(dev)
    x = torch.from_numpy(np.ascontiguousarray(np.moveaxis(np.asarray(image, np.float32), 2, 0)))[None].to(dev)
    with torch.no_grad(), exact_cuda():
        layer.weight.copy_(weights)
        layer.bias.copy_(torch.from_numpy(np.array(bias, dtype=np.float32)))
        return layer(x)[0].cpu().numpy()


@dataclass(frozen=True)
class Grouping:
    """One way to build a layer from ``c_in`` to ``c_out`` channels, and what it costs."""
    name: str
    modules: list[str]             # the nn.Conv2d calls
    weight_shapes: list[tuple]     # as torch reports them
    params: int                    # counted from the torch modules, biases included
    macs: int                      # multiply-adds for one image
    out_channels: int


@dataclass(frozen=True)
class LayerShapes:
    """What ``nn.Conv2d(c_in, c_out, k, stride, padding)`` makes of an ``(N, c_in, H, W)`` batch, as torch says."""
    weight: tuple[int, ...]
    output: tuple[int, ...]
    params: int


def layer_shapes(n: int, c_in: int, h: int, w: int, c_out: int, k: int, stride: int = 1,
                 padding: int = 0) -> LayerShapes:
    """A real ``nn.Conv2d`` on torch's meta device: shapes without computing (any number of channels: the notes'
    ``Conv2d(5, 10, 3)`` on ``(1, 5, 100, 100)``). Raises ``ParamError`` when the kernel does not fit.

    Example:
        >>> layer_shapes(1, 5, 100, 100, 10, 3)
        LayerShapes(weight=(10, 5, 3, 3), output=(1, 10, 98, 98), params=460)
    """
    if k > h + 2 * padding or k > w + 2 * padding:
        raise ParamError("err.kernel_too_big", kh=k, kw=k, h=h + 2 * padding, w=w + 2 * padding)
    layer = nn.Conv2d(c_in, c_out, k, stride, padding, device="meta")
    out = layer(torch.empty(n, c_in, h, w, device="meta"))
    return LayerShapes(tuple(layer.weight.shape), tuple(out.shape), sum(p.numel() for p in layer.parameters()))


def groupings(c_in: int, c_out: int, k: int, out_h: int, out_w: int) -> list[Grouping]:
    """Standard, depthwise (groups = c_in), 1×1, and depthwise + 1×1 (separable) layers.

    Parameter counts come from real ``nn.Conv2d`` modules; multiply-adds are
    ``out_channels · (in_channels / groups) · kh · kw · out_h · out_w``.

    Example:
        >>> [g.params for g in groupings(3, 8, 3, 10, 10)]
        [224, 30, 32, 62]
    """
    specs = {
        "standard": [(c_in, c_out, k, 1)],
        "depthwise": [(c_in, c_in, k, c_in)],
        "pointwise": [(c_in, c_out, 1, 1)],
        "separable": [(c_in, c_in, k, c_in), (c_in, c_out, 1, 1)],
    }
    result = []
    for name in GROUPINGS:
        modules, shapes, params, macs = [], [], 0, 0
        for cin, cout, size, groups in specs[name]:
            layer = torch.nn.Conv2d(cin, cout, size, groups=groups, padding=size // 2)
            params += sum(p.numel() for p in layer.parameters())
            macs += cout * (cin // groups) * size * size * out_h * out_w
            shapes.append(tuple(layer.weight.shape))
            extra = f", groups={groups}" if groups > 1 else ""
            modules.append(f"nn.Conv2d({cin}, {cout}, kernel_size={size}{extra})")
        result.append(Grouping(name, modules, shapes, params, macs, specs[name][-1][1]))
    return result


def connection_counts(h: int, w: int, c: int, k: int) -> dict[str, int]:
    """Weights needed to map an ``h×w×c`` image to one ``h×w`` feature map (Goodfellow et al., ch. 9).

    ``dense``: every output connected to every input (m·n); ``local``: each
    output sees only a k×k×c window, own weights (k·k·c·n); ``shared``: the
    same window weights everywhere, a convolution (k·k·c).

    Example:
        >>> connection_counts(10, 10, 3, 3)
        {'dense': 30000, 'local': 2700, 'shared': 27}
    """
    m, n, taps = h * w * c, h * w, k * k * c
    return {"dense": m * n, "local": taps * n, "shared": taps}


def largest_gap_to_steps(image: np.ndarray, weights: np.ndarray, biases: np.ndarray, layer: np.ndarray) -> float:
    """The largest difference between a layer's ``(n, H', W')`` output and :func:`filter_steps` filter by filter.

    Example:
        >>> w, b = np.ones((2, 3, 3, 3)), np.zeros(2)
        >>> largest_gap_to_steps(np.ones((4, 4, 3)), w, b, conv_layer(np.ones((4, 4, 3)), w, b)) < 1e-5
        True
    """
    by_steps = np.stack([filter_steps(image, f, float(b)).feature for f, b in zip(weights, biases)])
    return float(np.abs(np.asarray(layer) - by_steps).max())


@dataclass(frozen=True)
class TemplateMatch:
    """A kernel cut from the image itself, slid over the image: where does it respond most?"""
    box: tuple[int, int, int, int]     # (row0, col0, row1, col1) of the patch, inclusive
    response: np.ndarray               # correlation with the zero-mean patch ('valid'): each window's top-left
    matched: np.ndarray                # the same divided by each window's contrast and the patch's: −1 … 1
    best: tuple[int, int]              # (row, col) of the largest ``matched``: the patch's own place
    brightest: tuple[int, int]         # (row, col) of the largest plain ``response``


def template_match(grey: np.ndarray, top: int, left: int, side: int) -> TemplateMatch:
    """Correlate ``grey`` with its own ``side × side`` patch at (top, left), minus the patch's mean.

    The plain response also grows with the contrast of the window it lands
    on; divided by the window's own contrast (normalised cross-correlation,
    all computed with ``ops.conv2d``) it is 1 exactly where the pattern is.
    Raises ``ParamError`` when the patch does not lie inside the image.

    Example:
        >>> image = np.random.default_rng(2).random((30, 40)).astype(np.float32)
        >>> template_match(image, 12, 20, 7).best
        (12, 20)
    """
    grey = np.asarray(grey, dtype=np.float32)
    h, w = grey.shape
    if not (0 <= top <= h - side and 0 <= left <= w - side):
        raise ParamError("err.template_fit", side=side, h=h, w=w)
    patch = grey[top:top + side, left:left + side].astype(np.float64)
    kernel = (patch - patch.mean()).astype(np.float32)
    response = ops.conv2d(grey, kernel, device="cpu").astype(np.float64)
    ones = np.ones((side, side), np.float32)
    sums = ops.conv2d(grey, ones, device="cpu").astype(np.float64)
    squares = ops.conv2d(grey * grey, ones, device="cpu").astype(np.float64)
    contrast = np.sqrt(np.maximum(squares - sums * sums / ones.size, 0)) * float(np.sqrt((kernel ** 2).sum()))
    matched = np.where(contrast > 1e-6, response / np.maximum(contrast, 1e-12), 0.0)
    best = tuple(int(v) for v in np.unravel_index(np.argmax(matched), matched.shape))
    brightest = tuple(int(v) for v in np.unravel_index(np.argmax(response), response.shape))
    return TemplateMatch((top, left, top + side - 1, left + side - 1), response, matched, best, brightest)
