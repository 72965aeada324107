"""Regenerate the example classes for the Network page: `python assets/make_example_classes.py`.

Three classes of 64×64 textures, 100 images each: stripes, dots and rings, each
drawn in a random dark colour on a random light one, with a random orientation,
scale, position and noise, so a network has to learn the pattern, not a colour. Written to
`example_classes.zip` (a folder per class, JPEG files), the format the app's
"Your own classes" upload accepts. Drawn here, so no third-party rights.
"""
import io
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
SIDE, COUNT, SEED = 64, 100, 2026


def _colours(rng) -> tuple[np.ndarray, np.ndarray]:
    """A dark pattern colour on a light ground, of random hues: the pattern, not the colour, tells the class."""
    return rng.uniform(0.0, 0.45, 3), rng.uniform(0.55, 1.0, 3)


def _grid(rng) -> tuple[np.ndarray, np.ndarray]:
    y, x = (np.mgrid[0:SIDE, 0:SIDE] - SIDE / 2).astype(np.float64)
    angle = rng.uniform(0, np.pi)
    return x * np.cos(angle) + y * np.sin(angle), -x * np.sin(angle) + y * np.cos(angle)


def stripes(rng) -> np.ndarray:
    u, _ = _grid(rng)
    return (np.sin(2 * np.pi * u / rng.uniform(7, 14) + rng.uniform(0, 6.3)) > 0).astype(np.float64)


def dots(rng) -> np.ndarray:
    u, v = _grid(rng)
    period = rng.uniform(9, 15)
    cu, cv = (u / period + rng.random()) % 1 - 0.5, (v / period + rng.random()) % 1 - 0.5
    return (np.hypot(cu, cv) < rng.uniform(0.18, 0.3)).astype(np.float64)


def rings(rng) -> np.ndarray:
    y, x = (np.mgrid[0:SIDE, 0:SIDE]).astype(np.float64)
    cy, cx = rng.uniform(16, 48, 2)
    radius = np.hypot(y - cy, x - cx)
    return (np.sin(2 * np.pi * radius / rng.uniform(7, 13)) > 0).astype(np.float64)


def picture(pattern, rng) -> Image.Image:
    mask = pattern(rng)
    a, b = _colours(rng)
    rgb = mask[..., None] * a + (1 - mask[..., None]) * b
    rgb += rng.normal(0, 0.06, rgb.shape)
    return Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8))


def main() -> None:
    rng = np.random.default_rng(SEED)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, pattern in (("stripes", stripes), ("dots", dots), ("rings", rings)):
            for n in range(1, COUNT + 1):
                jpeg = io.BytesIO()
                picture(pattern, rng).save(jpeg, format="JPEG", quality=90)
                archive.writestr(f"{name}/{n:03d}.jpg", jpeg.getvalue())
    (HERE / "example_classes.zip").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    main()
