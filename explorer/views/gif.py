"""The sliding-window run as an animated GIF, drawn with Pillow on the server (no browser needed)."""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from explorer.numtext import format_number

FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
# drawn straight into a fixed palette: no per-frame colour quantisation, and
# consecutive frames differ only where something moved, which GIF stores cheaply
WHITE, INK, GRID, PAD_BLUE, ORANGE = range(5)
GREYS = 16
PALETTE = [255, 255, 255, 30, 30, 30, 190, 190, 190, 207, 227, 247, 255, 127, 14]
PALETTE += [v for g in np.linspace(250, 105, GREYS).astype(int) for v in (g, g, g)]


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.ImageFont:
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _shade(value: float, lo: float, hi: float) -> int:
    t = 0.5 if hi <= lo else (value - lo) / (hi - lo)
    return 5 + int(round(float(np.clip(t, 0, 1)) * (GREYS - 1)))


class _Panel:
    """One grid on the canvas: where it is and how to colour its cells."""

    def __init__(self, values: np.ndarray, origin: tuple[int, int], cell: int, padding=None):
        finite = values[np.isfinite(values)]
        self.lo, self.hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.origin, self.cell, self.padding = origin, cell, padding

    def box(self, r: int, c: int, grow: int = 0) -> tuple[int, int, int, int]:
        x0, y0 = self.origin
        return (x0 + c * self.cell - grow, y0 + r * self.cell - grow,
                x0 + (c + 1) * self.cell - 1 + grow, y0 + (r + 1) * self.cell - 1 + grow)

    def cell_at(self, draw, r: int, c: int, value: float, font) -> None:
        box = self.box(r, c)
        if self.padding is not None and self.padding[r, c]:
            fill = PAD_BLUE
        else:
            fill = WHITE if np.isnan(value) else _shade(value, self.lo, self.hi)
        draw.rectangle(box, fill=fill, outline=GRID)
        if not np.isnan(value):
            draw.text(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), format_number(float(value)), fill=INK,
                      font=font, anchor="mm")

    def grid(self, draw, values: np.ndarray, font) -> None:
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                self.cell_at(draw, r, c, values[r, c], font)


def render_gif(run, labels: dict[str, str], *, cell: int = 34, step_ms: int = 600,
               progress: Callable[[float], None] | None = None) -> bytes:
    """Every step of ``run`` as one GIF frame: input with the window, kernel, output so far, arithmetic.

    Args:
        run: a ``lessons.sliding.Run``. labels: ``input``, ``kernel``, ``output``, ``step`` (translated).
        progress: called with the fraction done, for a progress bar.
    """
    transposed = run.mode == "transposed"
    out_full = run.partial[-1] if transposed else run.output
    values = [run.padded, run.dilated, out_full]
    gap, top, bottom = cell, 36, 56
    width = sum(v.shape[1] for v in values) * cell + 4 * gap
    height = top + max(v.shape[0] for v in values) * cell + bottom
    font, title_font, text_font = _font(max(9, cell // 3)), _font(16), _font(15)
    panels, x = [], gap
    for v, padding in zip(values, (run.is_padding, None, None)):
        panels.append(_Panel(v, (x, top), cell, padding))
        x += v.shape[1] * cell + gap

    running = Image.new("P", (width, height), WHITE)
    running.putpalette(PALETTE)
    draw = ImageDraw.Draw(running)
    for panel, title in zip(panels, (labels["input"], labels["kernel"], labels["output"])):
        draw.text((panel.origin[0], 8), title, fill=INK, font=title_font)
    panels[0].grid(draw, run.padded, font)
    panels[1].grid(draw, run.dilated, font)
    panels[2].grid(draw, np.full(out_full.shape, np.nan), font)

    frames = []
    for i, step in enumerate(run.steps):
        if transposed:
            for r, c in step.writes:
                panels[2].cell_at(draw, r, c, run.partial[i][r, c], font)
        else:
            panels[2].cell_at(draw, *step.cell, step.value, font)
        frame = running.copy()
        marks = ImageDraw.Draw(frame)
        for r, c in ([step.cell] if transposed else step.reads):
            marks.rectangle(panels[0].box(r, c), outline=ORANGE, width=3)
        for r, c in (step.writes if transposed else [step.cell]):
            marks.rectangle(panels[2].box(r, c, grow=1), outline=ORANGE, width=3)
        text = f"{labels['step']} {i + 1}/{len(run.steps)}: {step.text}"
        marks.text((gap, height - bottom + 16), text if len(text) < 160 else text[:157] + "…", fill=INK,
                   font=text_font)
        frames.append(frame)
        if progress:
            progress((i + 1) / len(run.steps))
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=step_ms, loop=0,
                   optimize=False)  # True adds a transparency pass that takes seconds per run
    return buffer.getvalue()
