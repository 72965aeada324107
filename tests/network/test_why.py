"""Why the network chose: saliency and Grad-CAM against hand-worked gradients and autograd; occlusion."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from explorer.network import layers, presets, why


def tiny(weight_rows: torch.Tensor, channel_weights=(2.0,)) -> nn.Sequential:
    """conv 1×1 (no bias) with the given weights → flatten → linear (no bias) with ``weight_rows``."""
    conv = nn.Conv2d(1, len(channel_weights), 1, bias=False)
    linear = nn.Linear(weight_rows.shape[1], 10, bias=False)
    with torch.no_grad():
        conv.weight.copy_(torch.tensor(channel_weights).reshape(-1, 1, 1, 1))
        linear.weight.copy_(weight_rows)
    return nn.Sequential(conv, nn.Flatten(), linear)


def test_saliency_is_the_hand_worked_gradient():
    rows = torch.randn(10, 784, generator=torch.Generator().manual_seed(0))
    model = tiny(rows)
    x = torch.rand(1, 28, 28)
    heat = why.saliency(model, x, 3)
    # logit₃ = Σₖ W[3, k] · 2 · xₖ, so ∂logit₃/∂xₖ = 2 · W[3, k]
    expected = (2 * rows[3]).abs().reshape(28, 28).double().numpy()
    np.testing.assert_allclose(heat.values * heat.top, expected, rtol=1e-6)
    assert heat.values.max() == pytest.approx(1.0)


def test_saliency_equals_autograd_for_a_real_network():
    model = layers.build(presets.PRESETS["vgg_small"], seed=2).eval()
    x = torch.rand(1, 28, 28)
    given = x[None].clone().requires_grad_(True)
    (gradient,) = torch.autograd.grad(model(given)[0, 7], given)
    heat = why.saliency(model, x, 7)
    np.testing.assert_allclose(heat.values * heat.top, gradient[0, 0].abs().numpy(), rtol=1e-5, atol=1e-8)


def test_grad_cam_is_the_hand_worked_weighted_sum():
    rows = torch.randn(10, 2 * 784, generator=torch.Generator().manual_seed(1))
    model = tiny(rows, (1.5, -0.5))
    x = torch.rand(1, 28, 28)
    heat = why.grad_cam(model, x, 4)
    # A_c = w_c·x; ∂logit₄/∂A_c = W[4, c-th block]; α_c = its mean; cam = ReLU(Σ α_c A_c), already 28×28
    alphas = rows[4].reshape(2, 784).mean(1)
    maps = torch.stack([1.5 * x[0], -0.5 * x[0]])
    expected = F.relu((alphas[:, None, None] * maps).sum(0)).double().numpy()
    assert heat.row == 1
    np.testing.assert_allclose(heat.values * heat.top, expected, rtol=1e-5, atol=1e-9)


def test_grad_cam_looks_at_the_last_convolution():
    assert why.last_conv_row(layers.build(presets.PRESETS["lenet_small"])) == 4
    assert why.last_conv_row(layers.build(presets.PRESETS["residual"])) == 4
    assert why.last_conv_row(layers.build([{"type": "flatten"}, {"type": "linear", "out": 10}])) is None


def test_occlusion_is_one_batched_pass_and_a_full_cover_leaves_nothing_but_grey():
    model = layers.build(presets.PRESETS["lenet_small"], seed=4).eval()
    x = torch.rand(1, 28, 28)
    batch, corners = why.occluded(x, 4)
    assert len(corners) == 25 * 25 and batch.shape == (625, 1, 28, 28)
    assert torch.all(batch[0, 0, :4, :4] == why.GREY) and torch.equal(batch[0, 0, 4:], x[0, 4:])
    calls = []
    model.register_forward_hook(lambda module, inputs, output: calls.append(len(inputs[0])))
    why.occlusion(model, x, 3, patch=4)
    assert calls == [1, 625]                         # the input itself, then every position at once
    covered, _ = why.occluded(x, 28)
    assert covered.shape == (1, 1, 28, 28) and torch.all(covered == why.GREY)
    with torch.no_grad():
        p = F.softmax(model(x[None]), 1)[0, 3]
        grey = F.softmax(model(covered), 1)[0, 3]
    heat = why.occlusion(model, x, 3, patch=28)
    drop = max(float(p - grey), 0.0)
    assert heat.top == pytest.approx(drop, abs=1e-7)
    assert (heat.values == (1.0 if drop > 0 else 0.0)).all()     # the same drop under every pixel
