"""Augmentation: random shifts, flips, small rotations and changes of brightness and contrast, per image.

A few dozen photos per class are not many; showing the network a slightly
different version of each one at every step makes it learn the object rather
than the pixels. Deterministic for a given ``torch.Generator``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Augment:
    """What may change: shift (a fraction of the side), horizontal flip, rotation (degrees), light (±)."""
    shift: float = 0.1
    flip: bool = True
    rotate: float = 15.0
    light: float = 0.2

    @property
    def active(self) -> bool:
        return bool(self.shift or self.flip or self.rotate or self.light)

    def __call__(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        """A changed copy of the batch ``x`` ``(N, C, H, W)`` in [0, 1].

        Example:
            >>> x = torch.rand(4, 3, 32, 32)
            >>> a, b = Augment()(x, torch.Generator().manual_seed(1)), Augment()(x, torch.Generator().manual_seed(1))
            >>> a.shape, torch.equal(a, b), torch.equal(a, x)
            (torch.Size([4, 3, 32, 32]), True, False)
        """
        if not self.active or len(x) == 0:
            return x
        n = len(x)

        def uniform(low: float, high: float) -> torch.Tensor:
            return low + (high - low) * torch.rand(n, generator=generator)

        angle = uniform(-self.rotate, self.rotate) * math.pi / 180
        flip = torch.where(torch.rand(n, generator=generator) < 0.5, -1.0, 1.0) if self.flip else torch.ones(n)
        tx, ty = uniform(-2 * self.shift, 2 * self.shift), uniform(-2 * self.shift, 2 * self.shift)
        cos, sin = torch.cos(angle), torch.sin(angle)
        theta = torch.stack([torch.stack([cos * flip, -sin, tx], 1), torch.stack([sin * flip, cos, ty], 1)], 1)
        grid = F.affine_grid(theta.to(x), list(x.shape), align_corners=False)
        moved = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=False)
        brightness = uniform(-self.light, self.light).to(x).reshape(n, 1, 1, 1)
        contrast = uniform(1 - self.light, 1 + self.light).to(x).reshape(n, 1, 1, 1)
        mean = moved.mean(dim=(1, 2, 3), keepdim=True)
        return ((moved - mean) * contrast + mean + brightness).clamp(0, 1)


NONE = Augment(0.0, False, 0.0, 0.0)
