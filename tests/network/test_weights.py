"""Weights files: both formats round trip; hostile or unfitting files are refused, never unpickled."""
import io
import pickle

import pytest
import torch

from explorer import network
from explorer.network import layers, presets, weights
from tests.helpers import Exploit


@pytest.mark.parametrize("fmt", weights.WEIGHT_FORMATS)
def test_weights_round_trip(fmt):
    model = layers.build(presets.PRESETS["batchnorm"], seed=1)
    with torch.no_grad():
        model[1].running_mean += 0.5
    data = weights.save_weights(model, fmt)
    other = layers.build(presets.PRESETS["batchnorm"], seed=2)
    weights.load_weights(other, data)
    for (k, v), (k2, v2) in zip(model.state_dict().items(), other.state_dict().items()):
        assert k == k2 and torch.equal(v, v2)


def test_hostile_or_unfitting_weights_are_refused_with_a_message(capsys):
    model = layers.build(presets.PRESETS["lenet_small"])
    hostile = io.BytesIO()
    torch.save({"conv": Exploit()}, hostile)
    with pytest.raises(network.NetworkError, match="not a weights file this app can read safely"):
        weights.load_weights(model, hostile.getvalue())
    with pytest.raises(network.NetworkError, match="not a weights file"):
        weights.load_weights(model, pickle.dumps({"a": 1}))
    assert "this must never run" not in capsys.readouterr().out
    with pytest.raises(network.NetworkError, match="not a weights file"):
        weights.load_weights(model, b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    other = weights.save_weights(layers.build(presets.PRESETS["lenet_classic"]))
    with pytest.raises(network.NetworkError, match="belong to a different network"):
        weights.load_weights(model, other)
