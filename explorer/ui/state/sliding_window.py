"""Sliding Window's session-state keys (``pages/sliding_window.py``, ``explorer/ui/sliding_window.py``) and their
first values.

Other pages open the Sliding Window with their own settings by writing these keys
(``explorer.ui.sliding_window.open_with``); the region of the photo and the kernel are in ``shared``.
"""
from __future__ import annotations

# the typed grid's editor (shared.grid_keys: sw.grid, sw.rows…) and the animation's timeline (shared.timeline_keys)
PREFIX = "sw"
SOURCE = "sw.source"        # where the grid comes from: "generate", "type" or "image"
ROWS = "sw.rows"            # the grid's rows (the typed grid's too)
COLS = "sw.cols"            # and its columns
KIND = "sw.kind"            # the generator: a code of lessons.sliding.GENERATORS
SEED = "sw.seed"            # the random grid's seed
SCALE = "sw.scale"          # a photo crop's scale: 255 or 1
MODE = "sw.mode"            # a code of lessons.sliding.MODES
POOL = "sw.pool"            # the pooling window's side
PADDING = "sw.padding"
STRIDE = "sw.stride"
DILATION = "sw.dilation"
GIF = "sw.gif"              # (the run's settings, the GIF made for them)

DEFAULTS: dict[str, object] = {SOURCE: "generate", ROWS: 7, COLS: 7, KIND: "random", SEED: 1, SCALE: 255,
                               MODE: "correlation", POOL: 2, PADDING: 1, STRIDE: 1, DILATION: 1}
