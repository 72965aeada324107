"""Kernel Lab's session-state keys (``pages/kernel_lab.py``, ``explorer/ui/kernel_lab.py``) and their first values.

The kernel and the convolution parameters are in ``shared``: Sliding Window picks the same kernel.
"""
from __future__ import annotations

GREY = "kl.grey"                    # work on the grey image instead of RGB (old links say kl.gray: shared.RENAMED)
DISPLAY = "kl.display"              # how the output is drawn: a code of display.DISPLAY_MODES
X = "kl.x"                          # the inspected output pixel's column (typed, or clicked on the output)
Y = "kl.y"                          # and its row
POSITION_FOR = "kl.position_for"    # the result X and Y belong to: a new image starts at its centre
CLICK = "kl.click"                  # the clickable output picture (streamlit_image_coordinates)
LAST_CLICK = "kl.last_click"        # the time of the last click taken (a click is read once)
CHANNEL = "kl.channel"              # the inspected colour channel, 0–2
HISTOGRAM = "kl.hist"               # the histogram chart of the outputs
FULL_READY = "kl.full_ready"        # the settings whose full-resolution PNG is made (its download button stays)
PIXEL_OPEN = "kl.pixel_open"        # whether "What is a pixel?" is open (its pictures are made only then)
CODE_OPEN = "kl.code_open"          # whether the code expander is open

DEFAULTS: dict[str, object] = {GREY: False, DISPLAY: "auto", CHANNEL: 0}
