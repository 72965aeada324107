"""Draw the app's icon (the browser tab's favicon): a 5×5 grid of grey pixels with a 3×3 window outlined in the
app's highlight orange. Shipped as ``icon.png`` so no page asks a font server for an icon (a school network
without internet showed errors). Regenerate with ``python assets/make_icon.py``."""
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

SIDE, CELLS, GAP = 64, 5, 1
ORANGE = (255, 127, 14)     # palette.HIGHLIGHT


def draw() -> Image.Image:
    icon = Image.new("RGBA", (SIDE, SIDE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(icon)
    cell = SIDE / CELLS
    shades = np.random.default_rng(7).integers(70, 230, (CELLS, CELLS))
    for r in range(CELLS):
        for c in range(CELLS):
            grey = int(shades[r, c])
            pen.rectangle([c * cell + GAP, r * cell + GAP, (c + 1) * cell - GAP, (r + 1) * cell - GAP],
                          fill=(grey, grey, grey, 255))
    pen.rectangle([1 * cell - 1, 1 * cell - 1, 4 * cell + 1, 4 * cell + 1], outline=ORANGE, width=5)
    return icon


if __name__ == "__main__":
    draw().save(Path(__file__).with_name("icon.png"), optimize=True)
