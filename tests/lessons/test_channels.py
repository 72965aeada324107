"""explorer.channels: step-by-step sums equal a real nn.Conv2d; counts come from torch."""
import numpy as np
import pytest
import torch

from explorer import ops
from explorer.lessons import channels, snippets


def photo(seed=0, h=30, w=40):
    return np.random.default_rng(seed).random((h, w, 3), dtype=np.float32)


@pytest.mark.parametrize("names", [["edges_x"], ["edges_x", "red_vs_green", "blur"], list(channels.FILTER_BANK)])
def test_step_by_step_sums_equal_nn_conv2d(names):
    image = photo(len(names))
    weights = channels.bank_weights(names)
    bias = np.linspace(-0.5, 0.5, len(names)).astype(np.float32)
    layer = channels.conv_layer(image, weights, bias, device="cpu")
    assert layer.shape == (len(names), 30, 40)
    for f, b, out in zip(weights, bias, layer):
        steps = channels.filter_steps(image, f, b)
        np.testing.assert_allclose(steps.feature, out, atol=1e-5)
        np.testing.assert_allclose(steps.total, np.sum(steps.maps, axis=0), atol=1e-6)
        for c in range(3):
            np.testing.assert_allclose(steps.maps[c], ops.conv2d(image[..., c], f[c], padding=1), atol=1e-6)


def test_the_layer_code_runs_and_builds_the_same_layer():
    weights = channels.bank_weights(["edges_y", "blue_vs_yellow"])
    bias = np.array([0.25, -1.0], np.float32)
    namespace = {}
    exec(snippets.conv_layer(weights, bias), namespace)
    layer = namespace["layer"]
    assert tuple(layer.weight.shape) == (2, 3, 3, 3)
    np.testing.assert_allclose(layer.weight.detach().numpy(), weights, atol=1e-4)   # printed to 4 digits
    np.testing.assert_allclose(layer.bias.detach().numpy(), bias)
    image = photo(5)
    with torch.no_grad():
        out = layer(torch.from_numpy(np.moveaxis(image, 2, 0).copy())[None])[0].numpy()
    np.testing.assert_allclose(out, channels.conv_layer(image, weights, bias, device="cpu"), atol=1e-3)


def test_channel_kernels_and_errors():
    assert channels.channel_kernel("off").sum() == 0
    np.testing.assert_allclose(channels.channel_kernel("box_blur", 3.0).sum(), 3.0, rtol=1e-6)
    assert channels.filter_weights(channels.FILTER_BANK["red_vs_green"])[1, 1, 1] == -1
    with pytest.raises(ops.ParamError, match="allowed: off, identity"):
        channels.channel_kernel("gabor")
    with pytest.raises(ops.ParamError, match="edges_x"):
        channels.bank_weights(["nope"])
    with pytest.raises(ops.ParamError):
        channels.filter_steps(np.zeros((5, 5)), np.zeros((3, 3, 3)))


@pytest.mark.parametrize("c_out, k", [(8, 3), (16, 5), (3, 1)])
def test_grouping_counts_match_torch_and_the_formula(c_out, k):
    options = {g.name: g for g in channels.groupings(3, c_out, k, 20, 30)}
    assert options["standard"].params == 3 * c_out * k * k + c_out
    assert options["depthwise"].params == 3 * k * k + 3 and options["depthwise"].out_channels == 3
    assert options["pointwise"].params == 3 * c_out + c_out
    assert options["separable"].params == options["depthwise"].params + options["pointwise"].params
    assert options["standard"].macs == c_out * 3 * k * k * 600
    assert options["depthwise"].macs == 3 * k * k * 600
    assert options["standard"].weight_shapes == [(c_out, 3, k, k)]
    assert options["depthwise"].weight_shapes == [(3, 1, k, k)]
    x = torch.zeros(1, 3, 20, 30)
    for option in options.values():
        y = x
        for module in option.modules:      # the code shown on the page builds these very layers
            layer = eval(module, {"nn": torch.nn})
            layer.padding = (layer.kernel_size[0] // 2,) * 2
            y = layer(y)
        assert y.shape[1] == option.out_channels and y.shape[2:] == (20, 30)


def test_connection_counts_for_a_real_photo_size():
    counts = channels.connection_counts(300, 451, 3, 3)
    assert counts == {"dense": 300 * 451 * 3 * 300 * 451, "local": 27 * 300 * 451, "shared": 27}


def test_a_patch_of_the_image_finds_itself():
    image = np.random.default_rng(8).random((40, 50)).astype(np.float32)
    image[10:30, 30:] += 2.0          # a bright region the plain response prefers
    found = channels.template_match(image, 5, 7, 9)
    assert found.best == (5, 7) and found.matched[5, 7] == pytest.approx(1.0, abs=1e-4)
    assert found.matched.max() <= 1 + 1e-4 and found.matched.min() >= -1 - 1e-4
    k = image[5:14, 7:16] - image[5:14, 7:16].mean()
    plain = torch.nn.functional.conv2d(torch.from_numpy(image)[None, None], torch.from_numpy(k)[None, None])
    np.testing.assert_allclose(found.response, plain[0, 0].numpy(), atol=1e-3)


@pytest.mark.parametrize("shape, top, left", [((8, 8), 0, 0), ((1, 40), 0, 0), ((30, 40), 25, 0), ((30, 40), 0, -1)])
def test_a_patch_outside_the_image_is_refused_with_a_message(shape, top, left):
    with pytest.raises(ops.ParamError, match="a 9×9 patch") as caught:
        channels.template_match(np.zeros(shape, np.float32), top, left, 9)
    assert caught.value.key == "err.template_fit"
