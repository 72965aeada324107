"""im2col's session-state keys (``pages/im2col.py``, ``explorer/ui/im2col.py``) and their first values."""
from __future__ import annotations

TABS = "ic.tabs"                    # the page's tabs (only the open one runs)

# the small example: N, C, side, k, FN, stride, padding, seed
N = "ic.n"
C = "ic.c"
SIDE = "ic.side"
K = "ic.k"
FN = "ic.fn"
STRIDE = "ic.stride"
PAD = "ic.pad"
SEED = "ic.seed"
SETTINGS = (N, C, SIDE, K, FN, STRIDE, PAD)     # in the order of im2col.EXAMPLES' values
ROW = "ic.row"                      # the im2col row shown (1-based)
COSTS = "ic.costs"                  # ((image digest, k), the timings measured)
COST_K = "ic.cost_k"                # the timed kernel's side
COST_CHART = "ic.cost_chart"
POOL_SIZE = "ic.pool_size"
POOL_STRIDE = "ic.pool_stride"
POOL_MODE = "ic.pool_mode"          # a code of im2col.POOL_MODES
POOL_PICK = "ic.pool_pick"          # the pooling row shown (1-based)


def example_button(name: str) -> str:
    """The button that loads the example ``name`` of im2col.EXAMPLES."""
    return f"ic.example.{name}"


def input_figure(channel: int) -> str:
    """The charts of the forward pass: the input's channel, …"""
    return f"ic.x{channel}"


def output_figure(index: int) -> str:
    """… and filter ``index``'s feature map."""
    return f"ic.out{index}"


def dout_figure(index: int) -> str:
    """The charts of the backward pass: dout of filter ``index``, …"""
    return f"ic.dout{index}"


def dw_figure(index: int, channel: int) -> str:
    """… dW of one filter and channel, …"""
    return f"ic.dw{index}{channel}"


def dx_figure(channel: int) -> str:
    """… and dx of one channel."""
    return f"ic.dx{channel}"


def pool_out_figure(channel: int) -> str:
    """The charts of pooling: one channel's output, …"""
    return f"ic.pool_out{channel}"


def pool_dx_figure(channel: int) -> str:
    """… and its dx."""
    return f"ic.pool_dx{channel}"


DEFAULTS: dict[str, object] = {N: 1, C: 2, SIDE: 5, K: 3, FN: 2, STRIDE: 1, PAD: 0, SEED: 7, ROW: 1, COST_K: 3,
                               POOL_SIZE: 2, POOL_STRIDE: 2, POOL_MODE: "max", POOL_PICK: 1}
