"""A small convolutional network that trains in the app: layers, data, training, weights, and what is inside.

A network is a list of layer specs (plain dicts, so a page can edit them in a
table): ``{"type": "conv", "out": 4, "k": 5}``, ``{"type": "maxpool", "k": 2}``,
``{"type": "linear", "out": 10}``, … :func:`explorer.network.layers.build` turns
it into an ``nn.Sequential``; :func:`explorer.network.layers.describe` runs
that on a dummy input and reports every layer's output shape, parameters,
multiply-adds and receptive field. ``python -m explorer.lenet`` trains the
default network and prints the test accuracy.
"""
from explorer.i18n import LocalizedError

CLASSES = 10


class NetworkError(LocalizedError):
    """A layer stack, a data file or a weights file that cannot be used; the message says which and why."""
