"""Shared by the network tests: the notes' small LeNet trained three epochs on the bundled digits (deterministic
on the CPU, trained once for the session), with its data."""
import pytest

from explorer.network import layers, presets, training
from explorer.network.data import load_digits


@pytest.fixture(scope="session")
def trained():
    data = load_digits()
    model = layers.build(presets.PRESETS["lenet_small"], seed=0)
    training.train(model, data, epochs=3, seed=0)
    return model.eval(), data
