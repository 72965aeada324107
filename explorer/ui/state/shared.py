"""Session-state keys that several pages read or write, or that the shell keeps (``Home.py``, the sidebar, the
image source, the kernel picker, the widget helpers), and their first values.
"""
from __future__ import annotations

from typing import NamedTuple

from explorer import kernels
from explorer.ui.state import kernel_lab

# the shell
LANG = "lang"                       # the interface language: a code of i18n.LANGUAGES
PRESENT = "present"                 # presentation mode; its first value is the link's (shell.presenting)
IGNORED = "_ignored_links"          # "key=value" settings of a link that could not be used, told once per run
DEVICE_IMAGES = "device_images"     # this session's images kept on the GPU between runs (caches.device_images)
HIDE = "hide"                       # a link's settings students do not see (?hide=conv.stride,conv.dilation)
LOCK = "lock"                       # and those they see but cannot change (?lock=conv.padding)
LINK_RULES = "_link_rules"          # {HIDE: names, LOCK: names}: the session's first link's, read once (links.rules)
OFFERED = "_offered"                # {setting: its label} drawn by this run's page, for "Share this view"
SHARE_OPEN = "share.open"           # the "Share this view" panel, open or closed (its work runs only when open)
SHARE_HIDE = "share.hide"           # the settings the teacher hides in the link being made
SHARE_LOCK = "share.lock"           # and those locked

# the image every page works on (source.py)
UPLOAD = "upload"                   # the sidebar's uploader
SAMPLE = "sample"                   # the bundled sample: a key of source.SAMPLES
CAMERA_ON = "camera_on"             # whether the camera is shown
CAMERA = "camera"                   # its snapshot
DECODED = "_image"                  # (source id, the decoded image or why it was refused): decoded once per source
NEXT_PHOTO = "_next_photo"          # when this session's next new photo may be decoded (time.monotonic; source.py)
CURRENT = "_current"                # the image the page works on (set before each page runs)
UPLOADS_SEEN = "_uploads_seen"      # file ids in the order this session first had them (source.let_go_of_old_uploads)
KEPT = "_kept"                      # {thing kept: (its identity, when first kept)}: the ages budget.py lets go by

# the region of the photo small grids are cut from: Sliding Window, Pooling, Transposed & Dilated, Channels
REGION_X = "sw.x"                   # where across, as a fraction
REGION_Y = "sw.y"                   # where down
REGION_SIZE = "sw.size"             # how big
REGION = (REGION_X, REGION_Y, REGION_SIZE)

# the kernel picker (picker.py): Kernel Lab and Sliding Window show the same kernel
KERNEL_SOURCE = "kernel.source"     # "preset" or "custom" (typed)
KERNEL_PRESET = "kernel.preset"     # a name of kernels.PRESETS
KERNEL_EDITOR = "kernel"            # the typed kernel's grid (grid_keys)
KERNEL_FLIP = "kernel.flip"
KERNEL_NORMALIZE = "kernel.normalize"
# the convolution parameters (picker.py): Kernel Lab; the padding mode on Sliding Window too
PADDING_KIND = "conv.padding_kind"  # "number", "same" or "valid"
PADDING = "conv.padding"            # the amount, when PADDING_KIND is "number"
PADDING_MODE = "conv.padding_mode"  # a code of ops.PADDING_MODES
STRIDE = "conv.stride"
DILATION = "conv.dilation"

DEFAULT_SPEED = "normal"            # every timeline's speed on first use (a key of timeline.SPEEDS)

DEFAULTS: dict[str, object] = {
    LANG: "en", SAMPLE: "cat", REGION_X: 0.5, REGION_Y: 0.4, REGION_SIZE: 0.25,
    KERNEL_SOURCE: "preset", KERNEL_PRESET: "sobel_magnitude", KERNEL_FLIP: False, KERNEL_NORMALIZE: False,
    PADDING_KIND: "same", PADDING: 1, PADDING_MODE: "zeros", STRIDE: 1, DILATION: 1,
}

# keys links were made with before a rename: they still open (links.read)
RENAMED: dict[str, tuple[str, ...]] = {kernel_lab.GREY: ("kl.gray",)}


def kernel_param(preset: str, param: str) -> str:
    """The value of the preset's parameter (``kernel.gaussian_blur.sigma``)."""
    return f"kernel.{preset}.{param}"


KERNEL_PARAMS = tuple(kernel_param(name, param.name) for name, preset in kernels.PRESETS.items()
                      for param in preset.params)       # every preset's, as a link's hide= and lock= may name them


def per_language(key: str, language: str) -> str:
    """A select box's widget for one language (``kernel.preset@zh``): its choice is kept under ``key``
    (widgets.choice); links made when keys carried the language use these names too."""
    return f"{key}@{language}"


class GridKeys(NamedTuple):
    """The state of an editable grid of numbers (widgets.grid_editor) under one prefix."""
    prefix: str
    grid: str           # the cells' texts
    rows: str           # its size (number inputs)
    cols: str
    version: str        # bumped to give the browser a new editor holding new cells
    reset: str          # the button loading the start values
    valid: str          # the last grid that parsed

    def editor(self, version: int) -> str:
        """The editor widget of one version."""
        return f"{self.prefix}.editor.{version}"


def grid_keys(prefix: str) -> GridKeys:
    """The keys of the grid editor ``prefix`` (``kernel`` → ``kernel.grid``, ``kernel.rows``…)."""
    return GridKeys(prefix, *(f"{prefix}.{name}" for name in ("grid", "rows", "cols", "grid_version", "reset",
                                                               "valid")))


class TimelineKeys(NamedTuple):
    """The state of a sliding-window timeline (timeline.timeline) under one prefix."""
    at: str             # the step shown, 0-based: the truth (a widget's own key is dropped when it is not drawn)
    slider: str         # the step slider, set from ``at`` before each draw
    play: str           # the speed while playing
    settings: str       # the run shown: another run starts again
    last: str           # when the last step was taken while playing
    speed: str          # the speed chosen
    figure: str         # the figure
    back: str           # the buttons
    play_button: str
    forward: str
    guess: str          # "predict, then reveal": the box for the next step's value (one per step: ``guess.<n>``)
    guess_form: str
    told: str           # (the step predicted, right or not, what was typed)


def open_tab(tabs: str) -> str:
    """The code of the tab last open in the tabs keyed ``tabs`` (their own value is the translated label)."""
    return f"{tabs}.open"


def timeline_guess(prefix: str, step: int) -> str:
    """The box where the next value of timeline ``prefix`` is predicted before ``step`` (0-based) is shown."""
    return f"{timeline_keys(prefix).guess}.{step}"


def timeline_keys(prefix: str) -> TimelineKeys:
    """The keys of the timeline ``prefix`` (``sw`` → ``sw.at``, ``sw.play``…)."""
    return TimelineKeys(*(f"{prefix}.{name}" for name in TimelineKeys._fields))
