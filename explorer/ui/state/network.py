"""The Network page's session-state keys (``pages/network.py``, ``explorer/ui/network/``) and their first values.

Everything the page keeps is here: the model and what belongs with it, the images of your own classes, the
widgets of every tab. The preset and the training settings are kept per kind of task (:func:`task_setting`); their
first values are measured per source (``network.training.DEFAULTS``, ``network.classes.DEFAULTS``).
"""
from __future__ import annotations

SOURCE = "net.source"                   # where the images come from: "digits", "idx" or "classes"
SEED = "net.seed"                       # the seed the network is built (and trained) with


def tabs(source: str) -> str:
    """The tabs of the page for ``source`` (a new key per source opens its first tab)."""
    return f"net.tabs.{source}"


def task_setting(name: str, own: bool) -> str:
    """A setting each kind of task keeps for itself (``preset``, ``epochs``, ``lr``, ``batch_size``,
    ``optimizer``): your own classes under ``net.own_<name>``, the digits under ``net.<name>``."""
    return f"net.own_{name}" if own else f"net.{name}"


TASK_SETTINGS = tuple(task_setting(name, own) for name in ("preset", "epochs", "lr", "batch_size", "optimizer")
                      for own in (False, True))     # every one of them, as a link's hide= and lock= may name them


# the session's model (model.py)
MODEL = "net.model"
SIGNATURE = "net.signature"             # what the model was built for (Network.signature)
HISTORY = "net.history"                 # its training epochs (a list of training.Epoch)
INITIAL_FILTERS = "net.initial_filters"  # its first layer's filters before training
INITIAL_STATE = "net.initial_state"     # its weights before training
STOPPED = "net.stopped"                 # whether its training was stopped before the last epoch
MODEL_KEYS = (MODEL, SIGNATURE, HISTORY, INITIAL_FILTERS, INITIAL_STATE, STOPPED)   # kept per source together
MODEL_SOURCE = "net.model_source"       # the source the session's model was trained for
VERSION = "net.version"                 # bumped whenever the model's weights change
UNTRAINED = "net.untrained"             # (what it was built from, the network before training)
EVALUATED = "net.evaluated"             # (model version and data, the test results)
FINGERPRINTS = "net.fingerprints"       # {model: (model version, weights.fingerprint)}, weakly keyed


def models_of(source: str) -> str:
    """The model (its MODEL_KEYS) put aside for ``source`` while another source is shown."""
    return f"net.models.{source}"


# Architecture (arch_tab.py)
LOADED_PRESET = "net.loaded_preset"     # (preset, classes) the layer table was made from
ROWS = "net.rows"                       # the rows the layer table opens with
TABLE = "net.table"                     # the layer table's version: a new one is a fresh editor


def editor(table: int) -> str:
    """The layer table's editor, version ``table``."""
    return f"net.editor.{table}"


# Training (train_tab.py)
IDX_IMAGES = "net.idx_images"           # the two MNIST IDX uploaders
IDX_LABELS = "net.idx_labels"
IDX_FILES = "net.idx_files"             # the pair of files unpacked
IDX_DATA = "net.idx_data"               # their data split, or None
IDX_OUTCOME = "net.idx_outcome"         # how many images they held, or the error
WEIGHTS_FILE = "net.weights_file"       # the weights uploader
WEIGHTS_FAILED = "net.weights_failed"   # ((file, network) refused, why)
LOADED_FILE = "net.loaded_file"         # the weights file loaded
LOADED_MESSAGE = "net.loaded_message"   # its name, for the message


def loss_chart(epochs: int) -> str:
    """The loss curves after ``epochs`` epochs (a new chart per epoch)."""
    return f"net.loss{epochs}"


def accuracy_chart(epochs: int) -> str:
    """The accuracy curves after ``epochs`` epochs."""
    return f"net.acc{epochs}"


# the input looked at (inputs.py)
INPUT = "net.input"                     # for digits: "test", "draw" or "photo"
TEST_INDEX = "net.test_index"           # the test digit shown
STROKES = "net.strokes"                 # the lasso strokes drawn
PHOTO = "net.photo"                     # a photo of a digit
OWN_INPUT = "net.own_input"             # for your classes: "val", "upload" or "camera"
OWN_INDEX = "net.own_index"             # the validation image shown
OWN_PHOTO = "net.own_photo"             # a new photo
OWN_TRY_CAMERA = "net.own_try_camera"   # a camera snapshot


def canvas(strokes: int) -> str:
    """The drawing canvas holding ``strokes`` strokes (a new one after each, so a lasso is read once)."""
    return f"net.canvas{strokes}"


# Overview (overview_tab.py) and Looking inside (inside_tab.py, explain_panel.py)
OV_STATE = "net.ov_state"               # the network shown: "trained", "untrained" or "both"
OVERVIEW = "net-overview"               # the overview's container (also its CSS class) …
OVERVIEW_BEFORE = "net-overview-before"  # … and the untrained network's beside it
CLICKED = "net.clicked"                 # the (layer, index) of the tile last clicked
UNIT_LAYER = "net.unit_layer"           # the unit explained: its layer, map (or unit), row, column
UNIT_CHANNEL = "net.unit_channel"
UNIT_I = "net.unit_i"
UNIT_J = "net.unit_j"
UNIT_SLIDE = "net.unit_slide"           # the unit's sliding timeline (shared.timeline_keys)
WHY_CLASS = "net.why_class"             # the class explained: "predicted" or a class's index
WHY_PATCH = "net.why_patch"             # the occlusion square for inputs up to 32 px …
WHY_PATCH_LARGE = "net.why_patch_large"  # … and for larger ones
LU_LAYER = "net.lu_layer"               # What units look for: the layer (its row), …
LU_UNIT = "net.lu_unit"                 # … the unit (from 1), …
LU_SET = "net.lu_set"                   # … the images ranked ("train" or "val"), how many, …
LU_COUNT = "net.lu_count"
LU_STATE = "net.lu_state"               # … the network ("trained" or "untrained"), …
LU_STEPS = "net.lu_steps"               # … the optimisation's steps and the regularisers' strength, …
LU_STRENGTH = "net.lu_strength"
LU_EVERY = "net.lu_every"               # … every unit of the layer at once, …
LU_MAKE = "net.lu_make"                 # … the button that makes the pictures, …
LU_SCORES = "net.lu_scores"             # ((model version, trained, data, set), {layer: units.Scores}) …
SC_OPEN = "net.sc_open"                 # the sanity check's expander (it runs only while open)
SC_DONE = "net.sc_done"                 # (model version, network, input, class; its sanity.Check list)
LU_MADE = "net.lu_made"                 # … and {settings: (without, with regularisers)} made, a few kept
PROBS = "net.probs"                     # the probabilities' chart
CONFUSION = "net.confusion"             # the confusion matrix's chart


def overview_chart(container: str) -> str:
    """The overview chart in the container ``container`` (its click selection is read from the session)."""
    return f"{container}.chart"


# Your classes (classes_tab.py)
SET = "net.set"                         # the classes.ImageSet
SET_VERSION = "net.set_version"         # bumped on every change: widgets keyed by it start fresh
SET_REPORT = "net.set_report"           # (what the last change did, the files it could not use)
OWN_SHOTS = "net.own_shots"             # snapshots taken: a new camera after each
OWN_CAMERA_ON = "net.own_camera_on"
OWN_CAMERA_CLASS = "net.own_camera_class"   # the class a snapshot goes to
OWN_NEW_NAME = "net.own_new_name"       # the new class's name being typed
OWN_DATA = "net.own_data"               # (version, size, colour; the training and validation data)
OWN_PREVIEW_SEED = "net.own_preview_seed"
OWN_SIZE = "net.own_size"               # the side the images are resized to
OWN_COLOUR = "net.own_colour"
OWN_AUGMENT = "net.own_augment"


def own_zip(version: int) -> str:
    """The widgets of the set's version ``version``: the zip uploader, …"""
    return f"net.own_zip.{version}"


def own_files(version: int, index: int) -> str:
    """… class ``index``'s uploader, …"""
    return f"net.own_files.{version}.{index}"


def own_page(version: int, index: int) -> str:
    """… its page of thumbnails, …"""
    return f"net.own_page.{version}.{index}"


def own_name(version: int, index: int) -> str:
    """… its name box, …"""
    return f"net.own_name.{version}.{index}"


def own_remove(version: int, index: int) -> str:
    """… the images picked for removal, …"""
    return f"net.own_remove.{version}.{index}"


def own_remove_button(version: int, index: int) -> str:
    """… the button removing them, …"""
    return f"net.own_remove_button.{version}.{index}"


def own_delete(version: int, index: int) -> str:
    """… and the button deleting the class."""
    return f"net.own_delete.{version}.{index}"


def cell_open(index: int) -> str:
    """The button that opens test image ``index`` (listed under a confusion-matrix cell) on the Overview."""
    return f"net.cell_open.{index}"


def own_camera(shots: int) -> str:
    """The camera after ``shots`` snapshots."""
    return f"net.own_camera.{shots}"


DEFAULTS: dict[str, object] = {
    SOURCE: "digits", SEED: 0, VERSION: 0, TABLE: 0,
    INPUT: "test", TEST_INDEX: 0, OWN_INPUT: "val", OWN_INDEX: 0,
    OV_STATE: "trained", WHY_CLASS: "predicted",
    SET_VERSION: 0, OWN_SHOTS: 0, OWN_CAMERA_ON: False, OWN_CAMERA_CLASS: 0, OWN_NEW_NAME: "", OWN_PREVIEW_SEED: 0,
    OWN_AUGMENT: True,
}
