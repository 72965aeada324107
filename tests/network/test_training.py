"""Training and looking inside: a short run beats chance and repeats, Stop, its threads and redraws, the inside
views."""

import threading

import numpy as np
import pytest
import torch

from explorer.network import data, inside, layers, presets, training


def test_a_short_training_run_beats_chance_by_far_and_is_deterministic():
    digits = data.load_digits(0)
    accuracies = []
    for _ in range(2):
        model = layers.build(presets.PRESETS["lenet_small"], seed=0)
        history = training.train(model, digits, epochs=2, seed=0, device="cpu")
        accuracies.append(training.evaluate(model, digits.x_test, digits.y_test)[1])
        assert len(history) == 2 and history[1].train_loss < history[0].train_loss
    assert accuracies[0] > 0.6 and accuracies[0] == accuracies[1]     # chance is 0.1


def test_training_can_be_stopped_from_a_callback():
    digits = data.load_digits(0)
    model = layers.build(presets.PRESETS["lenet_small"])
    history = training.train(model, digits, epochs=5, device="cpu", on_epoch=lambda record: record.epoch < 2)
    assert len(history) == 2
    assert training.train(model, digits, epochs=5, device="cpu", on_step=lambda e, s, n: s < 3) == []


def test_training_with_one_thread_puts_torchs_setting_back():
    digits = data.load_digits(0)
    before, seen = torch.get_num_threads(), set()
    model = layers.build(presets.PRESETS["lenet_small"])
    training.train(model, digits, epochs=1, device="cpu", threads=1,
                   on_step=lambda e, s, n: seen.add(torch.get_num_threads()))
    assert seen == {1} and torch.get_num_threads() == before

    def stop(epoch, step, steps):
        raise RuntimeError("rerun")              # Stop in the page: Streamlit raises out of the next callback
    with pytest.raises(RuntimeError):
        training.train(model, digits, epochs=1, device="cpu", threads=1, on_step=stop)
    assert torch.get_num_threads() == before


def test_overlapping_runs_put_back_what_was_there_before_the_first():
    before = torch.get_num_threads()
    first_in, second_done = threading.Event(), threading.Event()

    def second():
        first_in.wait()
        with training.torch_threads(1):
            pass                                               # ends while the first still runs
        second_done.set()

    worker = threading.Thread(target=second)
    worker.start()
    with training.torch_threads(1):
        first_in.set()
        second_done.wait()
        assert torch.get_num_threads() == 1                    # the second run did not put back 2 under the first
    worker.join()
    assert torch.get_num_threads() == before
    with training.torch_threads(None):
        assert torch.get_num_threads() == before


def test_redraws_are_spaced_in_time():
    ticks = iter([0.0, 0.2, 0.26, 0.3, 0.52, 0.6, 2.0])
    every = training.Every(0.25, clock=lambda: next(ticks))
    assert [every.due() for _ in range(6)] == [False, True, False, True, False, True]


def test_inside_views():
    digits = data.load_digits(0)
    model = layers.build(presets.PRESETS["lenet_small"])
    maps = inside.feature_maps(model, digits.x_test[0])
    assert [m.shape for _, m in maps][:3] == [(4, 24, 24), (4, 24, 24), (4, 12, 12)]
    probs = inside.probabilities(model, digits.x_test[0])
    assert probs.shape == (10,) and probs.sum() == pytest.approx(1, rel=1e-5)
    assert inside.first_filters(model).shape == (4, 5, 5)
    counts = training.confusion(digits.y_test, digits.y_test)
    assert np.trace(counts) == len(digits.y_test)


def test_softmax_written_out_is_torchs():
    z = np.array([2.0, -1.0, 0.5, 7.0, 3.25, 0.0, -4.0, 1.0, 6.5, 2.0])
    steps = inside.softmax_steps(z)
    np.testing.assert_allclose(steps.probabilities, torch.softmax(torch.tensor(z), 0).numpy(), rtol=1e-12)
    assert steps.probabilities.sum() == pytest.approx(1.0)
    assert steps.shifted.max() == 0 and np.argmax(steps.probabilities) == np.argmax(z) == 3
    assert steps.total == pytest.approx(np.exp(z - 7).sum())


def test_the_first_relu_zeroes_exactly_the_negative_values():
    digits = data.load_digits(0)
    model = layers.build(presets.PRESETS["lenet_small"], seed=3)
    effect = inside.relu_effect(model, digits.x_test[0])
    conv = model[0].eval()
    with torch.no_grad():
        before = conv(digits.x_test[0][None])[0].numpy()
    np.testing.assert_allclose(effect.before, before, atol=1e-6)
    np.testing.assert_array_equal(effect.after, np.maximum(before, 0))
    assert effect.layer == 2 and effect.zeroed == int((before < 0).sum()) > 0
    logits = inside.logits(model, digits.x_test[0])
    np.testing.assert_allclose(inside.softmax_steps(logits).probabilities,
                               inside.probabilities(model, digits.x_test[0]), rtol=1e-5)


def test_overfitting_is_named_only_with_evidence():
    from explorer.network.training import Epoch, overfitting

    def run(train_acc, val_loss, train_loss=None):
        n = len(train_acc)
        train_loss = train_loss or [1 / (e + 1) for e in range(n)]
        return [Epoch(e + 1, train_loss[e], train_acc[e], val_loss[e], 0.7, 0.0) for e in range(n)]

    assert overfitting(run([0.9, 0.95], [1.0, 1.2])) is None                    # two epochs: too early
    assert overfitting(run([0.9, 0.95, 0.99], [1.0, 0.9, 0.8])) is None         # validation still improving
    found = overfitting(run([0.9, 0.95, 0.99], [1.0, 0.8, 0.85]))               # apart two epochs, loss up
    assert found is not None and found.best_epoch == 2 and found.train_acc == 0.99
    assert overfitting(run([0.7, 0.72, 0.71], [1.0, 0.8, 0.81])) is None       # close together
    rising = run([0.7, 0.72, 0.75, 0.75], [1.0, 0.5, 0.6, 0.7])                 # loss up 40 % from epoch 2
    assert overfitting(rising).best_epoch == 2
    # the default run: a small validation loss up by a tenth, but 98 % against 96 %: not called overfitting
    close = [Epoch(e + 1, 0.3 / (e + 1), [0.9, 0.95, 0.97, 0.98][e], [0.2, 0.1, 0.12, 0.13][e], 0.96, 0.0)
             for e in range(4)]
    assert overfitting(close) is None
    assert overfitting(close[:3] + [Epoch(4, 0.05, 0.98, 0.13, 0.90, 0.0)]) is not None      # 8 points apart
    assert overfitting(run([0.7, 0.72, 0.75, 0.75], [1.0, 0.5, 0.6, 0.7], [1, 0.5, 0.6, 0.7])) is None
