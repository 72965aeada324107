"""Transposed & Dilated's session-state keys (``pages/transposed_dilated.py``, ``explorer/ui/transposed/``) and
their first values, tab by tab. The region of the photo is in ``shared``.
"""
from __future__ import annotations

TABS = "td.tabs"                    # the page's tabs (only the open one runs)

# Upsampling (upsampling.py)
UP_STRIDE = "td.up_stride"          # the enlargement: 2, 3 or 4
UP_KERNEL = "td.up_kernel"          # a code of lessons.transposed.UPSAMPLE_KERNELS
RESIZE = "td.resize"                # the plain resize compared with: a code of ops.RESIZE_MODES
UP_ZOOM = "td.up_zoom"              # the part of the photo enlarged
EXACT = "td.exact"                  # padding and output padding chosen for an exact enlargement
UP_SEED = "td.up_seed"              # the random kernel's seed
UP_PADDING = "td.up_padding"
UP_OP = "td.up_op"                  # output padding
UP_KERNEL_FIG = "td.up_kernel_fig"  # the kernel's chart

# One grid, three ways (three_ways.py); G_SEED is also the unpooling grid's seed (upsampling.py)
G_SIDE = "td.g_side"
G_SEED = "td.g_seed"
G_KERNEL = "td.g_kernel"            # a code of lessons.transposed.GRID_KERNELS
G_K = "td.g_k"
G_STRIDE = "td.g_stride"
G_PADDING = "td.g_padding"
G_OP = "td.g_op"                    # output padding
SCATTER = "td.scatter"              # the stamps' timeline (shared.timeline_keys)
RESULT_SCATTER = "td.r1"            # the three results' charts
RESULT_ZEROS = "td.r2"
RESULT_MATRIX = "td.r3"
STUFFED = "td.stuffed"              # the input with zeros inserted
FLIPPED = "td.flipped"              # the flipped kernel
MATRIX = "td.V"                     # the convolution as a matrix V
MATRIX_T = "td.VT"                  # Vᵀ·x

# Checkerboard (checkerboard.py)
CB_K = "td.cb_k"
CB_S = "td.cb_s"
COUNTS = "td.counts"                # the overlap counts' chart
FLAT_T = "td.flat_t"                # a flat input, transposed / resized then convolved
FLAT_R = "td.flat_r"

# Dilation (dilation.py)
DIL_KERNEL = "td.dil_kernel"        # a preset name of dilation.KERNELS
GRID_LAYERS = "td.grid_layers"      # the gridding stack's layers
GRID_D = "td.grid_d"                # and their dilation

# Not an inverse (inverse.py)
INV_STRIDE = "td.inv_stride"
INV_PADDING = "td.inv_padding"
INV_SEED = "td.inv_seed"
INV_X = "td.inv_x"                  # the charts: the input, the kernel, down, back, their difference
INV_K = "td.inv_k"
INV_DOWN = "td.inv_down"
INV_BACK = "td.inv_back"
INV_DIFF = "td.inv_diff"

# Receptive field (receptive_field.py)
RF_EDITOR = "td.rf_editor"          # the layer table's editor
RF_SAVED = "td.rf_saved"            # the stack of the last visit (the editor's own state is gone after a page switch)
RF_ROWS = "td.rf_rows"              # the rows the editor opens with


def dilated_kernel(d: int) -> str:
    """The chart of the kernel at dilation ``d``."""
    return f"td.dil_k{d}"


def gridding(title: str) -> str:
    """The chart of one gridding stack, by its (shown) title."""
    return f"td.gridding{title}"


DEFAULTS: dict[str, object] = {
    UP_STRIDE: 2, UP_KERNEL: "bilinear", RESIZE: "bilinear", UP_ZOOM: 6, EXACT: True, UP_SEED: 3, UP_PADDING: 1,
    UP_OP: 0,
    G_SIDE: 2, G_SEED: 4, G_KERNEL: "integers", G_K: 3, G_STRIDE: 1, G_PADDING: 0, G_OP: 0,
    CB_K: 3, CB_S: 2,
    DIL_KERNEL: "laplacian_8", GRID_LAYERS: 3, GRID_D: 2,
    INV_STRIDE: 1, INV_PADDING: 1, INV_SEED: 5,
}
