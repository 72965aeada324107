"""Preset kernels (smoothing, sharpening, edge detection) and kernel validation.

Kernels are ``(kh, kw)`` float32 arrays applied by cross-correlation, as
``torch.nn.functional.conv2d`` does. A preset is built by name with its
parameters; a few presets (gradient magnitude) combine two kernels.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike

from explorer.i18n import LocalizedError
from explorer.numtext import CellError, parse_number

MAX_EDITOR_SIDE = 15
FLOAT32_MAX = float(np.finfo(np.float32).max)   # a typed cell beyond it would become inf
COMBINE_MODES = (None, "magnitude")


class KernelError(LocalizedError):
    """An invalid kernel, kernel cell or preset parameter."""


@dataclass(frozen=True)
class Param:
    """One numeric parameter of a preset, with the range the UI offers."""
    name: str
    default: float
    minimum: float
    maximum: float
    step: float
    integer: bool = False
    odd: bool = False


@dataclass(frozen=True)
class Preset:
    """A named kernel builder; ``combine="magnitude"`` means √(Σ outputᵢ²) over ``kernels``."""
    name: str
    group: str
    build: Callable[..., tuple[np.ndarray, ...]]
    params: tuple[Param, ...] = ()
    combine: str | None = None

    def kernels(self, **params: float) -> tuple[np.ndarray, ...]:
        """The preset's kernel(s) for ``params`` (missing ones take their default)."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(params) - set(known))
        if unknown:
            raise KernelError("err.preset_param", preset=self.name, name=unknown[0],
                              allowed=", ".join(known) or "—")
        values = {}
        for p in self.params:
            value = params.get(p.name, p.default)
            if not np.isfinite(value) or not p.minimum <= value <= p.maximum:
                raise KernelError("err.preset_range", name=p.name, value=value,
                                  minimum=p.minimum, maximum=p.maximum)
            if p.integer:
                if value != int(value):
                    raise KernelError("err.preset_integer", name=p.name, value=value)
                value = int(value)
                if p.odd and value % 2 == 0:
                    raise KernelError("err.preset_odd", name=p.name, value=value)
            values[p.name] = value
        return tuple(np.asarray(k, dtype=np.float32) for k in self.build(**values))


def _one(k) -> tuple[np.ndarray]:
    return (np.asarray(k, dtype=np.float32),)


def _gaussian_1d(size: int, sigma: float) -> np.ndarray:
    x = np.arange(size, dtype=np.float64) - (size - 1) / 2
    g = np.exp(-x ** 2 / (2 * sigma ** 2))
    return g / g.sum()


def _gaussian(size: int, sigma: float) -> np.ndarray:
    g = _gaussian_1d(size, sigma)
    return np.outer(g, g)


def _laplacian_of_gaussian(size: int, sigma: float) -> np.ndarray:
    x = np.arange(size, dtype=np.float64) - (size - 1) / 2
    r2 = x[:, None] ** 2 + x[None, :] ** 2
    log = -(1 - r2 / (2 * sigma ** 2)) * np.exp(-r2 / (2 * sigma ** 2)) / (np.pi * sigma ** 4)
    # a sampled LoG does not sum to zero; without this, flat regions would not map to 0
    return log - log.mean()


def _motion_blur(length: int, angle: float) -> np.ndarray:
    k = np.zeros((length, length))
    c = (length - 1) / 2
    theta = np.deg2rad(angle)
    for step in np.linspace(-c, c, 4 * length):
        k[int(round(c - step * np.sin(theta))), int(round(c + step * np.cos(theta)))] = 1
    return k / k.sum()


def _unsharp(size: int, sigma: float, amount: float) -> np.ndarray:
    identity = np.zeros((size, size))
    identity[size // 2, size // 2] = 1
    return identity + amount * (identity - _gaussian(size, sigma))


SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
SCHARR_X = np.array([[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]])
PREWITT_X = np.array([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])

_SIZE = Param("size", 5, 1, MAX_EDITOR_SIDE, 2, integer=True, odd=True)
_SIGMA = Param("sigma", 1.0, 0.1, 10.0, 0.1)

PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("identity", "basic", lambda: _one([[0, 0, 0], [0, 1, 0], [0, 0, 0]])),
    Preset("box_blur", "smooth", lambda size: _one(np.full((size, size), 1.0 / size ** 2)),
           (Param("size", 3, 1, MAX_EDITOR_SIDE, 1, integer=True),)),
    Preset("gaussian_blur", "smooth", lambda size, sigma: _one(_gaussian(size, sigma)), (_SIZE, _SIGMA)),
    Preset("motion_blur", "smooth", lambda length, angle: _one(_motion_blur(length, angle)),
           (Param("length", 9, 3, MAX_EDITOR_SIDE, 2, integer=True, odd=True),
            Param("angle", 0.0, 0.0, 180.0, 15.0))),
    Preset("sharpen", "sharpen", lambda: _one([[0, -1, 0], [-1, 5, -1], [0, -1, 0]])),
    Preset("unsharp_mask", "sharpen", lambda size, sigma, amount: _one(_unsharp(size, sigma, amount)),
           (_SIZE, _SIGMA, Param("amount", 1.0, 0.1, 5.0, 0.1))),
    Preset("sobel_x", "edge", lambda: _one(SOBEL_X)),
    Preset("sobel_y", "edge", lambda: _one(SOBEL_X.T)),
    Preset("sobel_magnitude", "edge", lambda: _one(SOBEL_X) + _one(SOBEL_X.T), combine="magnitude"),
    Preset("scharr_x", "edge", lambda: _one(SCHARR_X)),
    Preset("scharr_y", "edge", lambda: _one(SCHARR_X.T)),
    Preset("prewitt_x", "edge", lambda: _one(PREWITT_X)),
    Preset("prewitt_y", "edge", lambda: _one(PREWITT_X.T)),
    Preset("laplacian_4", "edge", lambda: _one([[0, 1, 0], [1, -4, 1], [0, 1, 0]])),
    Preset("laplacian_8", "edge", lambda: _one([[1, 1, 1], [1, -8, 1], [1, 1, 1]])),
    Preset("laplacian_of_gaussian", "edge",
           lambda size, sigma: _one(_laplacian_of_gaussian(size, sigma)),
           (Param("size", 9, 3, MAX_EDITOR_SIDE, 2, integer=True, odd=True),
            Param("sigma", 1.4, 0.5, 5.0, 0.1))),
    Preset("outline", "edge", lambda: _one([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]])),
    Preset("emboss", "other", lambda: _one([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]])),
)}


def get_kernel(name: str, **params: float) -> np.ndarray:
    """The ``(kh, kw)`` float32 kernel of preset ``name``.

    Args:
        name: a key of :data:`PRESETS` whose preset is a single kernel.
        **params: the preset's parameters (see ``PRESETS[name].params``).

    Returns:
        ``(kh, kw)`` float32 array.

    Example:
        >>> float(get_kernel("box_blur", size=3).sum())
        1.0
    """
    preset = get_preset(name)
    if preset.combine is not None:
        raise KernelError("err.preset_combined", preset=name)
    return preset.kernels(**params)[0]


def get_preset(name: str) -> Preset:
    """``PRESETS[name]`` with an error that lists the valid names."""
    if name not in PRESETS:
        raise KernelError("err.preset_name", value=repr(name), allowed=", ".join(PRESETS))
    return PRESETS[name]


def validate_kernel(kernel: ArrayLike) -> np.ndarray:
    """Check a kernel and return it as a C-contiguous ``(kh, kw)`` float32 array.

    Raises:
        KernelError: not 2-D, empty, or holding NaN or infinite values.
    """
    try:
        k = np.asarray(kernel, dtype=np.float32)
    except (TypeError, ValueError):
        raise KernelError("err.kernel_numbers") from None
    if k.ndim != 2 or 0 in k.shape:
        raise KernelError("err.kernel_shape", shape=str(tuple(k.shape)))
    if not np.isfinite(k).all():
        raise KernelError("err.kernel_finite")
    return np.ascontiguousarray(k)


def parse_kernel(rows: Sequence[Sequence], max_side: int = MAX_EDITOR_SIDE) -> np.ndarray:
    """A grid of editor cells (rows of strings or numbers) as a validated kernel, at most ``max_side`` a side.

    Raises:
        KernelError: naming the first bad cell by row and column (from 1).
    """
    grid = [list(r) for r in rows]
    if not grid or not grid[0] or any(len(r) != len(grid[0]) for r in grid):
        raise KernelError("err.kernel_shape", shape=str((len(grid), len(grid[0]) if grid else 0)))
    if len(grid) > max_side or len(grid[0]) > max_side:
        raise KernelError("err.kernel_side", side=max_side)
    values = np.empty((len(grid), len(grid[0])), dtype=np.float32)
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            try:
                number = parse_number(cell)
            except CellError as err:
                raise KernelError("err.cell_at", row=i + 1, col=j + 1, why=err) from None
            if abs(number) > FLOAT32_MAX:       # float32 would hold it as inf
                raise KernelError("err.cell_at", row=i + 1, col=j + 1,
                                  why=CellError("err.cell_float32", value=str(cell)))
            values[i, j] = number
    return validate_kernel(values)


def normalize(kernel: ArrayLike) -> np.ndarray:
    """Scale ``kernel`` so its entries sum to 1 (a kernel summing to 0 cannot be)."""
    k = validate_kernel(kernel)
    total = float(k.astype(np.float64).sum())
    if abs(total) < 1e-8:
        raise KernelError("err.normalize_zero")
    return (k / total).astype(np.float32)


def dilate(kernel: ArrayLike, dilation: int | tuple[int, int], hole: float = np.nan) -> np.ndarray:
    """The kernel as a dilated convolution applies it: ``d − 1`` holes between taps.

    ``dilation`` is an int or ``(dh, dw)``. Holes are NaN by default (drawn blank).

    Example:
        >>> dilate(np.ones((2, 2)), 2, hole=0).tolist()
        [[1.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0]]
    """
    dh, dw = (dilation, dilation) if np.isscalar(dilation) else dilation
    kernel = np.asarray(kernel, dtype=np.float64)
    out = np.full((dh * (kernel.shape[0] - 1) + 1, dw * (kernel.shape[1] - 1) + 1), hole, dtype=np.float64)
    out[::dh, ::dw] = kernel
    return out


def zero_border_effect(kernels: Sequence[ArrayLike]) -> str:
    """What zero padding does to the border of these kernels' output, for a note beside it.

    ``"none"``: only the centre tap is non-zero, so no tap ever weighs a padded zero; ``"darker"``: every tap
    is ≥ 0 (a blur), the part of the window beyond the edge adds nothing; ``"edge"``: every kernel sums to 0 (an
    edge detector), the step from the picture to the zeros beyond it shows as a false edge along the border;
    ``"other"``: mixed signs and a non-zero sum (sharpen, emboss), the border comes out brighter or darker.

    Example:
        >>> [zero_border_effect([k]) for k in (np.ones((3, 3)), SOBEL_X, get_kernel("sharpen"), np.eye(3)[1:2])]
        ['darker', 'edge', 'other', 'none']
    """
    ks = [np.asarray(k, dtype=np.float64) for k in kernels]
    if all(k.shape[0] % 2 and k.shape[1] % 2 and not np.delete(k.ravel(), k.size // 2).any() for k in ks):
        return "none"                                        # odd sides: the flat middle is the centre tap
    if all((k >= 0).all() for k in ks):
        return "darker"
    if all(abs(k.sum()) <= 1e-6 * max(1.0, np.abs(k).sum()) for k in ks):
        return "edge"
    return "other"


def flip(kernel: ArrayLike) -> np.ndarray:
    """Rotate by 180°: cross-correlating with the flipped kernel is true convolution."""
    return validate_kernel(kernel)[::-1, ::-1].copy()   # ascontiguousarray keeps a 1×n view's negative strides
