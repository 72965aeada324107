"""The sanity check of the explanations (Adebayo et al. 2018): the cascade re-draws the right layers and leaves the
trained model alone; saliency, Grad-CAM and the optimised picture change when the weights go, the control (the
picture's edges) does not."""
import numpy as np
import pytest
import torch

from explorer.network import sanity


def test_the_cascade_redraws_from_the_top_and_leaves_the_trained_model_alone(trained):
    model, _ = trained
    before = {k: v.clone() for k, v in model.state_dict().items()}
    rows = sanity.weighted_rows(model)
    assert rows == [1, 4, 8]                                  # conv, conv, linear
    copies = sanity.cascade(model)
    assert [row for row, _ in copies] == [8, 4, 1]
    for count, (_, randomised) in enumerate(copies, start=1):
        for row in rows:
            same = all(torch.equal(a, b) for a, b in zip(model[row - 1].parameters(), randomised[row - 1].parameters()))
            assert same == (row not in rows[-count:])         # re-drawn exactly the top `count` layers
    assert all(torch.equal(v, model.state_dict()[k]) for k, v in before.items())


def test_the_explanations_change_with_the_weights_and_the_control_does_not(trained):
    model, data = trained
    x = data.x_val[0]
    target = int(model(x[None]).argmax())
    found = {c.method: c for c in sanity.check(model, x, target)}
    for method in ("saliency", "grad_cam", "picture"):
        assert found[method].changes, (method, [s for _, _, s in found[method].steps])
    control = found["edges"]
    assert not control.changes and all(s == pytest.approx(1.0) for _, _, s in control.steps)
    assert found["saliency"].trained.shape == x.shape[1:]


def test_similarity_is_the_rank_correlation():
    a = np.arange(16.0).reshape(4, 4)
    assert sanity.similarity(a, a * 3 + 1) == pytest.approx(1.0)
    assert sanity.similarity(a, -a) == pytest.approx(-1.0)
    assert sanity.similarity(np.zeros(4), np.zeros(4)) == 1.0 and sanity.similarity(np.zeros(4), a[0]) == 0.0
