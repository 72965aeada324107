"""The big picture of a layer stack, in its own numbers: which layers extract features and which classify,
and the three properties that make the feature part cheap (local connectivity, weight sharing, downsampling).
"""
from __future__ import annotations

from dataclasses import dataclass
from math import prod

from explorer.network.layers import INPUT_SHAPE, Description, describe

FEATURE_TYPES = ("conv", "maxpool", "avgpool", "relu", "batchnorm", "dropout", "residual", "inception")


@dataclass(frozen=True)
class Anatomy:
    """What :func:`big_picture` finds; ``None`` where the stack has no such layer."""
    features: tuple[int, int] | None        # first and last row of the convolution/pooling part
    classifier: tuple[int, int] | None      # first and last row after the flatten
    conv_row: int | None                    # the first convolution
    kernel: int | None                      # its kernel side k
    in_channels: int | None                 # the channels C it reads
    window: int | None                      # inputs one of its outputs sees: k·k·C
    outputs: int | None                     # its output values
    inputs: int                             # all input values: C·H·W
    conv_params: int | None                 # its parameters (shared by every position)
    dense_params: int | None                # a dense layer from the input to the same outputs would need
    pool_row: int | None                    # the first pooling
    pool_shapes: tuple[tuple[int, ...], tuple[int, ...]] | None   # its input and output shapes
    flatten_row: int | None
    flatten_shape: tuple[int, ...] | None   # the maps it turns into a list
    flatten_size: int | None
    dense_weights: int | None = None        # the first dense layer after the flatten: its weights
    dense_unpooled: int | None = None       # the same layer's weights were the first pooling left out


def big_picture(specs: list[dict], description: Description,
                input_shape: tuple[int, int, int] = INPUT_SHAPE) -> Anatomy:
    """The anatomy of a stack that :func:`~explorer.network.layers.describe` could measure.

    Example:
        >>> from explorer.network.layers import describe
        >>> stack = [{"type": "conv", "out": 4, "k": 5}, {"type": "maxpool", "k": 2}, {"type": "flatten"},
        ...          {"type": "linear", "out": 10}]
        >>> a = big_picture(stack, describe(stack))
        >>> a.window, a.conv_params, a.dense_params, a.flatten_size
        (25, 104, 1808640, 576)
    """
    rows = description.rows
    shapes = [tuple(input_shape)] + [r.shape for r in rows]     # shapes[i] is the input of row i + 1
    kinds = [spec.get("type") for spec in specs[:len(rows)]]
    flatten = next((i for i, kind in enumerate(kinds) if kind == "flatten"), None)
    feature_rows = [i for i, kind in enumerate(kinds[:flatten]) if kind in FEATURE_TYPES]
    classifier_rows = [i for i, kind in enumerate(kinds) if kind == "linear" and (flatten is None or i > flatten)]
    conv = next((i for i, kind in enumerate(kinds) if kind == "conv"), None)
    pool = next((i for i, kind in enumerate(kinds) if kind in ("maxpool", "avgpool")), None)
    k = channels = window = outputs = conv_params = dense_params = None
    if conv is not None:
        k, channels = int(specs[conv].get("k", 3)), shapes[conv][0]
        window = k * k * channels
        conv_params = rows[conv].params
        outputs = prod(rows[conv].shape)
        dense_params = prod(shapes[conv]) * outputs + outputs
    dense_weights = dense_unpooled = None
    if classifier_rows and pool is not None:
        first = classifier_rows[0]
        dense_weights = prod(shapes[first]) * rows[first].shape[0]
        # the layers before that dense layer, without the pooling (the dense layer itself is not built: without
        # the pooling it can hold millions of weights, allocated and initialised on every page run)
        # (describe reports that such a stack does not end in the classes: every row built is what counts here)
        without = describe((specs[:pool] + specs[pool + 1:])[:first - 1], input_shape)
        if len(without.rows) == first - 1:
            dense_unpooled = prod(without.rows[-1].shape) * rows[first].shape[0]
    return Anatomy(
        features=(feature_rows[0] + 1, feature_rows[-1] + 1) if feature_rows else None,
        classifier=(classifier_rows[0] + 1, classifier_rows[-1] + 1) if classifier_rows else None,
        conv_row=None if conv is None else conv + 1, kernel=k, in_channels=channels, window=window,
        outputs=outputs, inputs=prod(input_shape),
        conv_params=conv_params, dense_params=dense_params,
        pool_row=None if pool is None else pool + 1,
        pool_shapes=None if pool is None else (shapes[pool], rows[pool].shape),
        flatten_row=None if flatten is None else flatten + 1,
        flatten_shape=None if flatten is None else shapes[flatten],
        flatten_size=None if flatten is None else prod(rows[flatten].shape),
        dense_weights=dense_weights, dense_unpooled=dense_unpooled,
    )
