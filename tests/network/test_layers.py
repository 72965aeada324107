"""Layer specs -> torch modules: shapes and counts by hand and against torch, receptive fields, bad stacks."""

import numpy as np
import pytest
import torch
from torch import nn

from explorer import network, receptive
from explorer.network import layers, presets


def test_the_seed_lenet_shapes_and_counts_by_hand():
    rows = layers.describe(presets.PRESETS["lenet_small"]).rows
    assert [r.shape for r in rows] == [(4, 24, 24), (4, 24, 24), (4, 12, 12), (8, 8, 8), (8, 8, 8), (8, 4, 4),
                                       (128,), (10,)]
    # conv1: 4·(1·5·5) + 4 = 104; conv2: 8·(4·5·5) + 8 = 808; linear: 128·10 + 10 = 1290
    assert [r.params for r in rows] == [104, 0, 0, 808, 0, 0, 0, 1290]
    # conv1: 4·24·24 outputs × 25; conv2: 8·8·8 outputs × 100; linear 128·10
    assert [r.macs for r in rows] == [57600, 0, 0, 51200, 0, 0, 0, 1280]
    assert [r.receptive_field for r in rows] == [5, 5, 6, 14, 14, 16, None, None]


def test_the_classic_net_is_conv_10_conv_20_linear_320():
    model = layers.build(presets.PRESETS["lenet_classic"])
    convs = [m for m in model if isinstance(m, nn.Conv2d)]
    linear = [m for m in model if isinstance(m, nn.Linear)][0]
    assert [(c.in_channels, c.out_channels, c.kernel_size) for c in convs] == [(1, 10, (5, 5)), (10, 20, (5, 5))]
    assert (linear.in_features, linear.out_features) == (320, 10)


@pytest.mark.parametrize("name", list(presets.PRESETS))
def test_every_preset_agrees_with_torch(name):
    specs = presets.PRESETS[name]
    description = layers.describe(specs)
    assert description.error is None
    model = layers.build(specs).eval()
    x = torch.zeros(1, 1, 28, 28)
    for info, module in zip(description.rows, model):
        x = module(x)
        assert tuple(x.shape[1:]) == info.shape
        assert sum(p.numel() for p in module.parameters()) == info.params
    assert description.params == sum(p.numel() for p in model.parameters())
    assert x.shape == (1, 10)


def test_multiply_adds_of_blocks_count_every_inner_convolution():
    block = layers.describe([{"type": "residual", "out": 8}, {"type": "flatten"}, {"type": "linear", "out": 10}])
    # 3×3 conv 1→8 and 8→8 on 28×28, plus the 1×1 projection 1→8
    assert block.rows[0].macs == 28 * 28 * 8 * (9 + 72 + 1)
    inception = layers.describe([{"type": "inception", "out": 8}, {"type": "flatten"}, {"type": "linear", "out": 10}])
    q = 2   # 8 channels = 4 branches × 2
    per_pixel = q * 1 + (q * 1 + q * q * 25) + (q * 1 + q * q * 9 * 2) + q * 1
    assert inception.rows[0].macs == 28 * 28 * per_pixel
    assert inception.rows[0].shape == (8, 28, 28)


def test_receptive_fields_match_backpropagation_for_the_convolutional_part():
    specs = presets.PRESETS["vgg_small"][:10]
    rows = layers.describe(specs + [{"type": "flatten"}, {"type": "linear", "out": 10}]).rows
    stack = [receptive.Layer(s["k"], s.get("stride", s["k"] if "pool" in s["type"] else 1), 1, s.get("pad", 0))
             for s in specs if s["type"] in ("conv", "maxpool")]
    shape = (64, 64)
    reach = receptive.influence(stack, shape)
    ys, _ = np.nonzero(reach)
    assert rows[9].receptive_field == ys.max() - ys.min() + 1 == 16


@pytest.mark.parametrize("specs, message", [
    ([{"type": "conv", "out": 4, "k": 5}, {"type": "maxpool", "k": 8}, {"type": "conv", "out": 4, "k": 5}],
     "Layer 3 (conv 5×5, 4) cannot take an input of shape 4 × 3 × 3"),
    ([{"type": "conv", "out": 4, "k": 5}, {"type": "linear", "out": 10}], "Layer 2 (linear) needs a flat input"),
    ([{"type": "flatten"}, {"type": "conv", "out": 4, "k": 3}], "Layer 2 (conv 3×3, 4) needs feature maps"),
    ([{"type": "conv", "out": 0, "k": 3}], "Layer 1 (conv): out = “0” is not allowed"),
    ([{"type": "softmax"}], "Layer 1: unknown layer type 'softmax'"),
    ([{"type": "conv", "out": 4, "k": 3}], "must end with 10 numbers"),
    ([], "The network has 0 layers"),
])
def test_invalid_stacks_name_the_layer_and_keep_the_rows_before_it(specs, message):
    description = layers.describe(specs)
    assert message in str(description.error)
    if "Layer 3" in message:
        assert [r.shape for r in description.rows] == [(4, 24, 24), (4, 3, 3)]
    with pytest.raises(network.NetworkError):
        layers.build(specs)


def test_table_rows_round_trip_and_reorder():
    specs = presets.PRESETS["residual"]
    assert layers.rows_to_specs(layers.specs_to_rows(specs)) == specs
    rows = layers.specs_to_rows(presets.PRESETS["lenet_small"])
    rows[1]["#"] = 3.5          # move the ReLU after the pooling
    rows.append({"#": None, "type": None})
    reordered = layers.rows_to_specs(rows)
    assert [s["type"] for s in reordered[:3]] == ["conv", "maxpool", "relu"] and len(reordered) == 8


def test_a_residual_block_with_f_zero_passes_its_input_on():
    """The notes: H(x) = F(x) + x, so with F = 0 the block is the identity (on the non-negative x a ReLU leaves;
    with the projection shortcut it is ReLU(P·x))."""
    import torch
    from torch import nn

    from explorer.network.layers import Residual
    block = Residual(4, 4).eval()
    nn.init.zeros_(block.bn2.weight)                    # the last BatchNorm's γ = 0 and β = 0: F(x) = 0
    x = torch.relu(torch.randn(2, 4, 6, 6))
    with torch.no_grad():
        assert torch.equal(block(x), x)
    projected = Residual(4, 8).eval()
    nn.init.zeros_(projected.bn2.weight)
    with torch.no_grad():
        assert torch.allclose(projected(x), torch.relu(projected.project(x)))


def test_pooling_cuts_the_classifiers_weights_as_the_big_picture_says():
    """The first dense layer's weights with the first pooling and without it, against the torch modules."""
    from torch import nn

    from explorer.network import anatomy, layers, presets
    specs = presets.PRESETS["lenet_small"]
    found = anatomy.big_picture(specs, layers.describe(specs))
    pool = found.pool_row - 1

    def first_dense(stack):
        return next(m for m in layers.build(stack) if isinstance(m, nn.Linear)).weight.numel()
    assert found.dense_weights == first_dense(specs) == 1280
    assert found.dense_unpooled == first_dense(specs[:pool] + specs[pool + 1:]) == 8000


def test_a_build_draws_its_seed_s_weights_however_many_sessions_build_at_once():
    """The weights are PyTorch's own initialisation for the seed (the numbers that seeding torch and making the
    modules gives), drawn from the build's own generator: threads building at once (two students opening the
    Network page) took each other's draws from torch's global generator, 39 times in 40 for bn_net."""
    import threading

    from explorer.network import weights
    stack = [{"type": "conv", "out": 4, "k": 5}, {"type": "relu"}, {"type": "flatten"}, {"type": "linear", "out": 10}]
    built = layers.build(stack, seed=3)
    torch.manual_seed(3)
    conv, dense = nn.Conv2d(1, 4, 5), nn.Linear(4 * 24 * 24, 10)
    for mine, torch_own in ((built[0], conv), (built[3], dense)):
        assert torch.equal(mine.weight, torch_own.weight) and torch.equal(mine.bias, torch_own.bias)
    specs = layers.for_classes(presets.PRESETS["bn_net"], 10)
    expected = {seed: weights.fingerprint(layers.build(specs, seed=seed)) for seed in (0, 1)}
    def build(seed: int, found: dict) -> None:
        found[seed] = weights.fingerprint(layers.build(specs, seed=seed))

    for _ in range(10):
        found = {}
        threads = [threading.Thread(target=build, args=(seed, found)) for seed in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert found == expected
