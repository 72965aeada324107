"""Regenerate the synthetic sample images: `python assets/make_synthetic.py`.

They are drawn here rather than downloaded, so they carry no licence terms.
"""
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent


def checkerboard(size: int = 480, square: int = 40) -> Image.Image:
    """Black and white squares, with a soft grey ramp on the right to show blurring."""
    y, x = np.mgrid[0:size, 0:size]
    board = ((x // square + y // square) % 2).astype(np.float32)
    ramp = np.clip((x - size * 0.75) / (size * 0.25), 0, 1)
    board = np.where(x >= size * 0.75, ramp, board)
    return Image.fromarray((board * 255).astype(np.uint8)).convert("RGB")


def shapes(width: int = 560, height: int = 400) -> Image.Image:
    """Flat coloured shapes and large text: hard edges in every direction."""
    img = Image.new("RGB", (width, height), (245, 245, 240))
    draw = ImageDraw.Draw(img)
    draw.rectangle((30, 30, 200, 170), fill=(220, 60, 50))
    draw.ellipse((240, 30, 400, 190), fill=(40, 110, 200))
    draw.polygon([(450, 190), (530, 30), (530, 190)], fill=(250, 190, 30))
    draw.line((30, 215, 530, 215), fill=(30, 30, 30), width=3)
    draw.line((330, 340, 530, 385), fill=(30, 30, 30), width=2)
    font = ImageFont.load_default(size=110)
    draw.text((60, 240), "CNN", font=font, fill=(20, 20, 20))
    draw.text((330, 250), "3x3", font=ImageFont.load_default(size=60), fill=(40, 140, 80))
    return img


if __name__ == "__main__":
    checkerboard().save(HERE / "checkerboard.png", optimize=True)
    shapes().save(HERE / "shapes.png", optimize=True)
