"""Channels' session-state keys (``pages/channels.py``, ``explorer/ui/channels.py``) and their first values.

Each input channel (``R``, ``G``, ``B``) keeps its own kernel, weight and typed grid.
"""
from __future__ import annotations

TABS = "ch.tabs"                    # the page's tabs (only the open one runs)


def kernel(channel: str) -> str:
    """The kernel chosen for ``channel``: a code of lessons.channels.CHANNEL_KERNELS, or "custom"."""
    return f"ch.k.{channel}"


def weight(channel: str) -> str:
    """The chosen kernel's weight."""
    return f"ch.w.{channel}"


def last(channel: str) -> str:
    """The last preset chosen for ``channel``: a typed grid starts from it."""
    return f"ch.last.{channel}"


def grid(channel: str) -> str:
    """The prefix of ``channel``'s typed grid (shared.grid_keys)."""
    return f"ch.grid.{channel}"


def kernel_figure(channel: int) -> str:
    """The chart of the kernel of channel number ``channel`` (0–2)."""
    return f"ch.kfig{channel}"


BIAS = "ch.bias"                    # the one filter's bias
BANK = "ch.bank"                    # the filters of the bank chosen (a list of lessons.channels.FILTER_BANK codes)
# any layer's shapes: N, C_in, H, W, C_out, k, stride, padding
S_N = "ch.s_n"
S_C = "ch.s_c"
S_H = "ch.s_h"
S_W = "ch.s_w"
S_OUT = "ch.s_out"
S_K = "ch.s_k"
S_STRIDE = "ch.s_stride"
S_PAD = "ch.s_pad"
G_OUT = "ch.g_out"                  # groups and 1×1: the output channels
G_K = "ch.g_k"                      # and the kernel's side
GROUPS_CHART = "ch.groups_chart"
SHARING_CHART = "ch.sharing_chart"

DEFAULTS: dict[str, object] = {
    kernel("R"): "sobel_x", weight("R"): 1.0, kernel("G"): "sobel_x", weight("G"): -1.0,
    kernel("B"): "off", weight("B"): 0.0, BIAS: 0.0,
    BANK: ["edges_x", "edges_y", "red_vs_green", "blue_vs_yellow"],
    S_N: 1, S_C: 5, S_H: 100, S_W: 100, S_OUT: 10, S_K: 3, S_STRIDE: 1, S_PAD: 0,     # the notes' Conv2d(5, 10, 3)
    G_OUT: 16, G_K: 3,
}
