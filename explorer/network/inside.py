"""Looking inside a trained network: its first filters, every layer's output, the class probabilities."""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def first_filters(model: nn.Module) -> np.ndarray | None:
    """The first convolution's kernels ``(out, kh, kw)`` for a 1-channel input (None without one)."""
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            return module.weight.detach().cpu().numpy()[:, 0].copy()
    return None


def feature_maps(model: nn.Sequential, x: torch.Tensor) -> list[tuple[int, np.ndarray]]:
    """``(layer number, output)`` of every top-level layer for one input ``(1, 28, 28)``, without the batch axis."""
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


def filter_pictures(filters: np.ndarray, count: int = 8) -> list[np.ndarray]:
    """The first ``count`` kernels as grey pictures in [0, 1] on one scale: 0 is mid-grey, light is positive.

    Example:
        >>> [p.tolist() for p in filter_pictures(np.array([[[2.0, -1.0]]]))]
        [[[1.0, 0.25]]]
    """
    shown = np.asarray(filters[:count], dtype=np.float32)
    scale = float(np.abs(shown).max()) or 1.0
    return [0.5 + 0.5 * k / scale for k in shown]
