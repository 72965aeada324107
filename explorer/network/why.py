"""Why the network chose: three maps over the input for one class.

- saliency: ``|∂ logit / ∂ input|``, how much each pixel nudges the class's score;
- Grad-CAM (Selvaraju et al. 2017) on the last convolutional layer: its maps
  weighted by the mean gradient of the class's score over each map, summed,
  negative parts dropped, scaled up to the input;
- occlusion (Zeiler & Fergus 2014): a grey patch slid over the input, every
  position in one batched forward pass; each pixel gets the mean drop in the
  class's probability over the patches that covered it.

All three are returned in [0, 1] (divided by their largest value) with that
value, so a page can overlay them and say what full colour means.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from explorer.network.layers import Inception, Residual

GREY = 0.5            # the occluding patch
MAX_BATCH = 1024


@dataclass(frozen=True)
class Heat:
    """A map over the input, scaled to [0, 1]; ``top`` is what 1 stands for."""
    values: np.ndarray
    top: float
    row: int | None = None       # Grad-CAM: the layer it looked at

    @classmethod
    def of(cls, raw: np.ndarray, row: int | None = None) -> "Heat":
        top = float(np.max(raw)) if raw.size else 0.0
        return cls(raw / top if top > 0 else np.zeros_like(raw), top, row)


def _device(model: nn.Module) -> torch.device:
    return next(model.parameters()).device


def saliency(model: nn.Module, x: torch.Tensor, target: int) -> Heat:
    """``|∂ logit_target / ∂ x|`` for one input ``(C, H, W)`` (the largest over channels)."""
    model.eval()
    given = x[None].to(_device(model)).clone().requires_grad_(True)
    logit = model(given)[0, target]
    (gradient,) = torch.autograd.grad(logit, given)
    return Heat.of(gradient[0].abs().amax(0).double().cpu().numpy())


def last_conv_row(model: nn.Sequential) -> int | None:
    """The layer number of the last top-level convolution (or residual/Inception block); None without one."""
    rows = [row for row, module in enumerate(model, start=1) if isinstance(module, (nn.Conv2d, Residual, Inception))]
    return rows[-1] if rows else None


def grad_cam(model: nn.Sequential, x: torch.Tensor, target: int) -> Heat:
    """Grad-CAM of class ``target`` on :func:`last_conv_row`, bilinearly enlarged to the input's size."""
    row = last_conv_row(model)
    if row is None:
        return Heat(np.zeros(x.shape[1:]), 0.0, None)
    model.eval()
    # layer by layer as nn.Sequential runs them, keeping that layer's maps (a forward hook would also catch
    # another thread's pass through the same model)
    given = x[None].to(_device(model))
    for number, module in enumerate(model, start=1):
        given = module(given)
        if number == row:
            maps = given
    (gradient,) = torch.autograd.grad(given[0, target], maps)
    weights = gradient[0].mean(dim=(1, 2))                       # α_c: the mean gradient over each map
    cam = F.relu((weights[:, None, None] * maps[0]).sum(0))
    cam = F.interpolate(cam[None, None], size=tuple(x.shape[1:]), mode="bilinear", align_corners=False)[0, 0]
    return Heat.of(cam.detach().double().cpu().numpy(), row)


def occluded(x: torch.Tensor, patch: int, stride: int = 1) -> tuple[torch.Tensor, list[tuple[int, int]]]:
    """Every copy of ``x`` with a grey ``patch × patch`` square at one position, and those top-left corners."""
    _, h, w = x.shape
    corners = [(i, j) for i in range(0, h - patch + 1, stride) for j in range(0, w - patch + 1, stride)]
    batch = x[None].repeat(len(corners), 1, 1, 1)
    for n, (i, j) in enumerate(corners):
        batch[n, :, i:i + patch, j:j + patch] = GREY
    return batch, corners


def occlusion(model: nn.Module, x: torch.Tensor, target: int, patch: int = 4, stride: int = 1) -> Heat:
    """The mean drop of ``p(target)`` over the grey patches covering each pixel (negative drops count as 0)."""
    model.eval()
    batch, corners = occluded(x, patch, stride)
    with torch.no_grad():
        base = F.softmax(model(x[None].to(_device(model))), 1)[0, target]
        probabilities = torch.cat([F.softmax(model(part.to(_device(model))), 1)[:, target]
                                   for part in batch.split(MAX_BATCH)])
    drops = (base - probabilities).double().cpu().numpy()
    total, count = np.zeros(x.shape[1:]), np.zeros(x.shape[1:])
    for drop, (i, j) in zip(drops, corners):
        total[i:i + patch, j:j + patch] += drop
        count[i:i + patch, j:j + patch] += 1
    mean = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
    return Heat.of(np.maximum(mean, 0.0))
