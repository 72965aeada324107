"""Training and looking inside: a short run beats chance and repeats, Stop, the inside views."""

import numpy as np
import pytest

from explorer.network import data, inside, layers, training


def test_a_short_training_run_beats_chance_by_far_and_is_deterministic():
    digits = data.load_digits(0)
    accuracies = []
    for _ in range(2):
        model = layers.build(layers.PRESETS["lenet_small"], seed=0)
        history = training.train(model, digits, epochs=2, seed=0, device="cpu")
        accuracies.append(training.evaluate(model, digits.x_test, digits.y_test)[1])
        assert len(history) == 2 and history[1].train_loss < history[0].train_loss
    assert accuracies[0] > 0.6 and accuracies[0] == accuracies[1]     # chance is 0.1


def test_training_can_be_stopped_from_a_callback():
    digits = data.load_digits(0)
    model = layers.build(layers.PRESETS["lenet_small"])
    history = training.train(model, digits, epochs=5, device="cpu", on_epoch=lambda record: record.epoch < 2)
    assert len(history) == 2
    assert training.train(model, digits, epochs=5, device="cpu", on_step=lambda e, s, n: s < 3) == []


def test_inside_views():
    digits = data.load_digits(0)
    model = layers.build(layers.PRESETS["lenet_small"])
    maps = inside.feature_maps(model, digits.x_test[0])
    assert [m.shape for _, m in maps][:3] == [(4, 24, 24), (4, 24, 24), (4, 12, 12)]
    probs = inside.probabilities(model, digits.x_test[0])
    assert probs.shape == (10,) and probs.sum() == pytest.approx(1, rel=1e-5)
    assert inside.first_filters(model).shape == (4, 5, 5)
    counts = training.confusion(digits.y_test, digits.y_test)
    assert np.trace(counts) == len(digits.y_test)
