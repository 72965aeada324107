"""What one unit of a trained network looks for: the images of a set that excite it most, each cropped to where,
and the input optimised to excite it (Olah, Mordvintsev and Schubert, "Feature Visualization", Distill, 2017).

A *unit* is a channel of a convolutional layer's output (its response to an image: the largest value in its map,
and where) or one number of a dense layer's (a class's score, in the last). :func:`scores` runs the set through
the network once per layer and keeps, for every image and channel, that largest value and its place;
:func:`top` ranks them, and gives each example the receptive field of its strongest place
(:mod:`explorer.receptive`), so the crop shows what the unit saw. :func:`visualise` starts from noise and climbs the
unit's mean response by gradient ascent on the input, for many units at once (a batch, one image each); without
regularisers the ascent finds high-frequency patterns no image has, so by default each step sees the image
randomly shifted, scaled and turned a little, and the objective pays for total variation and for pixels far
from grey (the Distill article's "transformation robustness" and penalties); ``strength=0`` turns them all off,
to show why they are there.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from explorer import receptive

BATCH = 512                 # images a forward pass takes at once while scoring a set
STEPS = 256                 # gradient-ascent steps of a feature visualisation
MAX_STEPS = 1024
MAX_UNITS = 64              # images optimised at once (a layer's channels; the most a network here has)
JITTER = 2                  # pixels an image may be shifted by at each step (both ways)
SCALE = 0.05                # …scaled by (±)
ROTATE = 5.0                # …and turned by, in degrees (±)
TV = 0.5                    # weight of the total-variation penalty, times the strength
GREY = 0.5                  # weight of the penalty on pixels far from grey, times the strength


@dataclass(frozen=True)
class Scores:
    """Every image's response to every unit of one layer: ``values`` ``(N, units)``, the largest value of each
    channel's map (a dense layer's number itself), and ``where`` ``(N, units)``, the flat index of that place in the
    map (``-1`` for a dense layer); ``map_shape`` ``(H, W)`` or None."""
    values: torch.Tensor
    where: torch.Tensor
    map_shape: tuple[int, int] | None


@dataclass(frozen=True)
class Example:
    """One image of the set, ranked for a unit: its index, the unit's value on it, the place of that value in the
    map (None for a dense unit) and the receptive field of that place in input pixels ``(row0, col0, row1, col1)``
    (inclusive, cut to the image; None when the unit sees the whole image)."""
    index: int
    value: float
    position: tuple[int, int] | None
    box: tuple[int, int, int, int] | None


@dataclass(frozen=True)
class Visualised:
    """A feature visualisation: ``images`` ``(units, C, H, W)`` in [0, 1]; ``reached``, each unit's response to its
    image as :func:`scores` measures it (the largest value of its map); ``history``, ``(step, images)`` at the
    steps asked for."""
    images: np.ndarray
    reached: np.ndarray
    history: list[tuple[int, np.ndarray]]


def _device(model: nn.Module) -> torch.device:
    return next(model.parameters()).device


def _upto(model: nn.Sequential, row: int) -> nn.Sequential:
    """Layers 1 … ``row`` (numbered as the architecture table numbers them)."""
    if not 1 <= row <= len(model):
        raise ValueError(f"layer {row} is not one of 1 … {len(model)}")
    return model[:row]


def _climbed(model: nn.Sequential, row: int) -> nn.Sequential:
    """What the ascent climbs for layer ``row``: its output, or, for a ReLU, the layer's before it (a unit that is
    zero for the starting noise has no gradient after a ReLU; before it, it has, and raising it raises both)."""
    while row > 1 and isinstance(model[row - 1], nn.ReLU):
        row -= 1
    return _upto(model, row)


def _respond(out: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A layer's output ``(B, C, H, W)`` or ``(B, F)`` → each unit's largest value and its flat place."""
    if out.dim() == 4:
        return out.flatten(2).max(dim=2)
    return out, torch.full(out.shape, -1, dtype=torch.int64, device=out.device)


def scores(model: nn.Sequential, x: torch.Tensor, row: int, batch: int = BATCH) -> Scores:
    """How every image of ``x`` ``(N, C, H, W)`` excites every unit of layer ``row``, in batches, without
    gradients (the model in evaluation mode: dropout off, batch norm's running statistics)."""
    prefix, device = _upto(model, row), _device(model)
    model.eval()
    values, where, shape = [], [], None
    with torch.no_grad():
        for start in range(0, len(x), batch):
            out = prefix(x[start:start + batch].to(device))
            shape = tuple(out.shape[2:]) if out.dim() == 4 else None
            value, place = _respond(out)
            values.append(value.float().cpu())
            where.append(place.cpu())
    return Scores(torch.cat(values), torch.cat(where), shape)


def top(found: Scores, unit: int, count: int = 9, geometry: list[receptive.Layer] | None = None,
        image_shape: tuple[int, int] = (28, 28), lowest: bool = False) -> list[Example]:
    """The ``count`` images that excite ``unit`` most (``lowest``: least), strongest first (ties: the earlier
    image), each with the receptive field of its strongest place when ``geometry`` (the layers up to this one,
    :func:`explorer.network.layers.field_layers`) is given."""
    values = found.values[:, unit]
    order = torch.sort(values, descending=not lowest, stable=True).indices[:count]
    examples = []
    for index in order.tolist():
        position = box = None
        if found.map_shape is not None:
            position = divmod(int(found.where[index, unit]), found.map_shape[1])
            box = field(geometry, position, image_shape)
        examples.append(Example(index, float(values[index]), position, box))
    return examples


def field(geometry: list[receptive.Layer] | None, position: tuple[int, int],
          image_shape: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The input pixels a place of a map sees ``(row0, col0, row1, col1)``, inclusive, cut to the image; None
    without a geometry (a dense unit sees everything)."""
    if not geometry:
        return None
    r0, c0, r1, c1 = receptive.field_box(geometry, position)
    return max(r0, 0), max(c0, 0), min(r1, image_shape[0] - 1), min(c1, image_shape[1] - 1)


def crop(image: torch.Tensor | np.ndarray, box: tuple[int, int, int, int] | None):
    """The part of ``image`` ``(C, H, W)`` inside ``box`` (the whole image for None)."""
    if box is None:
        return image
    r0, c0, r1, c1 = box
    return image[:, r0:r1 + 1, c0:c1 + 1]


def _transformed(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Each image shifted by up to :data:`JITTER` pixels, scaled by up to :data:`SCALE` and turned by up to
    :data:`ROTATE` degrees, at random (the border repeats the edge)."""
    n = len(images)
    draw = torch.rand((n, 4), generator=generator) * 2 - 1
    angle = draw[:, 0] * math.radians(ROTATE)
    scale = 1 + draw[:, 1] * SCALE
    shift = draw[:, 2:] * JITTER * 2 / torch.tensor(images.shape[-1:-3:-1], dtype=torch.float32)
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta.to(images.device), list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, padding_mode="border", align_corners=False)


def _total_variation(images: torch.Tensor) -> torch.Tensor:
    """Mean absolute difference between neighbouring pixels, per image."""
    down = (images[..., 1:, :] - images[..., :-1, :]).abs().flatten(1).mean(1)
    across = (images[..., :, 1:] - images[..., :, :-1]).abs().flatten(1).mean(1)
    return down + across


def centre(shape: tuple[int, int]) -> tuple[int, int]:
    """The middle place of a map ``(H, W)``: where :func:`visualise` looks with ``objective="neuron"``."""
    return shape[0] // 2, shape[1] // 2


def visualise(model: nn.Sequential, row: int, units: list[int], input_shape: tuple[int, int, int],
              steps: int = STEPS, strength: float = 1.0, seed: int = 0, rate: float = 0.05,
              objective: str = "neuron", keep: tuple[int, ...] = (),
              progress: Callable[[int, int], None] | None = None) -> Visualised:
    """Inputs that excite each of ``units`` of layer ``row``: one optimisation for all (a batch of images, image
    ``i`` climbing unit ``units[i]``), ``steps`` Adam steps from seeded noise, pixels kept in [0, 1] by a sigmoid.
    For a channel, ``objective`` ``"neuron"`` climbs its value at the map's :func:`centre` (the picture shows what
    one place looks for, inside its receptive field: small networks read best so), ``"channel"`` its mean over
    the map (a pattern repeated everywhere). ``strength`` scales the regularisers (0: none). ``keep``: the steps
    whose images are returned in ``history``; ``progress(step, steps)`` after each. The same seed gives the same
    images."""
    if not 1 <= len(units) <= MAX_UNITS:
        raise ValueError(f"1 to {MAX_UNITS} units at once, not {len(units)}")
    steps = int(min(max(steps, 1), MAX_STEPS))
    prefix, climbed, device = _upto(model, row), _climbed(model, row), _device(model)
    model.eval()
    generator = torch.Generator().manual_seed(seed)
    logits = (torch.randn((len(units), *input_shape), generator=generator) * 0.5).to(device).requires_grad_()
    optimiser = torch.optim.Adam([logits], lr=rate)
    chosen, rows = torch.tensor(units, device=device), torch.arange(len(units), device=device)
    history = []
    for step in range(1, steps + 1):
        images = torch.sigmoid(logits)
        seen = _transformed(images, generator) if strength > 0 else images
        out = climbed(seen)[rows, chosen]
        if out.dim() > 1 and objective == "neuron":
            out = out[:, centre(tuple(out.shape[1:]))[0], centre(tuple(out.shape[1:]))[1]]
        response = out.flatten(1).mean(1) if out.dim() > 1 else out
        loss = -response.sum()
        if strength > 0:
            loss = loss + strength * (TV * _total_variation(images) + GREY * ((images - 0.5) ** 2).flatten(1).mean(1)
                                      ).sum() * response.detach().abs().clamp(min=1).mean()
        optimiser.zero_grad(set_to_none=True)
        (logits.grad,) = torch.autograd.grad(loss, [logits])    # the input's gradient only: the weights keep theirs
        optimiser.step()
        if step in keep:
            history.append((step, torch.sigmoid(logits).detach().cpu().numpy()))
        if progress is not None:
            progress(step, steps)
    final = torch.sigmoid(logits).detach()
    with torch.no_grad():
        reached = _respond(prefix(final))[0][rows, chosen]
    return Visualised(final.cpu().numpy(), reached.float().cpu().numpy(), history)
