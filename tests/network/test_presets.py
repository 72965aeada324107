"""The notes' architectures: shapes and parameter counts by hand, and the numbers their notes quote."""
import pytest
import torch
from torch import nn

from explorer.network import anatomy, layers, presets


def shapes_and_params(name):
    rows = layers.describe(presets.PRESETS[name]).rows
    return [r.shape for r in rows], [r.params for r in rows]


def test_lenet5_is_6_and_16_maps_then_120_84_10():
    shapes, params = shapes_and_params("lenet5")
    assert shapes == [(6, 28, 28), (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 10, 10), (16, 5, 5), (400,),
                      (120,), (120,), (84,), (84,), (10,)]
    # 6·25 + 6; 16·6·25 + 16; 400·120 + 120; 120·84 + 84; 84·10 + 10
    assert [p for p in params if p] == [156, 2416, 48120, 10164, 850] and sum(params) == 61706


def test_simple_convnet_is_conv_30_then_affine_100():
    shapes, params = shapes_and_params("simple_convnet")
    assert shapes == [(30, 24, 24), (30, 24, 24), (30, 12, 12), (4320,), (100,), (100,), (10,)]
    assert [p for p in params if p] == [30 * 25 + 30, 4320 * 100 + 100, 100 * 10 + 10]


def test_the_batchnorm_net_flattens_1250_values():
    shapes, params = shapes_and_params("bn_net")
    assert shapes[:8] == [(25, 26, 26), (25, 26, 26), (25, 26, 26), (25, 13, 13), (50, 11, 11), (50, 11, 11),
                          (50, 11, 11), (50, 5, 5)]
    assert shapes[8:] == [(1250,), (1024,), (1024,), (128,), (128,), (10,)]
    assert params[1] == 2 * 25 and params[9] == 1250 * 1024 + 1024


def test_alexnet_ideas_overlap_their_pools_and_drop_out_only_while_training():
    shapes, _ = shapes_and_params("alexnet_ideas")
    assert shapes[2] == (16, 13, 13) and shapes[5] == (32, 6, 6)     # 3×3 windows, stride 2: ⌊(28 − 3)/2⌋ + 1
    model = layers.build(presets.PRESETS["alexnet_ideas"])
    dropouts = [m for m in model if isinstance(m, nn.Dropout)]
    assert len(dropouts) == 2 and all(d.p == 0.5 for d in dropouts)
    x = torch.rand(4, 1, 28, 28)
    model.eval()
    assert torch.equal(model(x), model(x))               # no dropout at test time
    model.train()
    assert not torch.equal(model(x), model(x))


def test_the_notes_numbers_are_measured():
    vgg = presets.facts("vgg_small")
    assert vgg["two_3x3"] == f"{2 * (8 * 8 * 9 + 8):,}" and vgg["one_5x5"] == f"{8 * 8 * 25 + 8:,}"
    assert vgg["rf_two"] == vgg["rf_one"] == "5"
    inception = presets.facts("inception")
    area = 14 * 14
    assert inception["without_1x1"] == f"{4 * 8 * 25 * area:,}"
    assert inception["with_1x1"] == f"{4 * 8 * area + 4 * 4 * 25 * area:,}"


@pytest.mark.parametrize("name", list(presets.PRESETS))
def test_every_preset_has_a_note_with_its_numbers(name):
    from explorer import i18n
    for lang in i18n.LANGUAGES:
        for shape, classes in (((1, 28, 28), 10), ((3, 48, 48), 3), ((1, 32, 32), 7)):
            numbers = presets.facts(name, shape, classes)
            text = i18n.t(f"net.preset.{name}.desc", lang, **numbers)
            assert "{" not in text and text.strip()
            stack = layers.for_classes(presets.PRESETS[name], classes)
            assert numbers["params"] == f"{layers.describe(stack, shape, classes=classes).params:,}"


def test_the_inception_notes_bottleneck_is_measured_where_the_module_sits():
    area = 24 * 24                                    # 48×48 pictures, after the first 2×2 pooling
    inception = presets.facts("inception", (3, 48, 48), 3)
    assert inception["side"] == "24" and inception["without_1x1"] == f"{4 * 8 * 25 * area:,}"


def test_the_big_picture_of_the_small_lenet():
    specs = presets.PRESETS["lenet_small"]
    found = anatomy.big_picture(specs, layers.describe(specs))
    assert found.features == (1, 6) and found.classifier == (8, 8)
    assert (found.window, found.inputs, found.conv_params) == (25, 784, 104)
    assert found.dense_params == 784 * 4 * 24 * 24 + 4 * 24 * 24
    assert found.pool_shapes == ((4, 24, 24), (4, 12, 12)) and found.flatten_shape == (8, 4, 4)
    assert found.flatten_size == 128


def test_an_inception_module_of_88_has_the_notes_widths_and_the_note_counts_its_parameters():
    """The notes: 1×1 16; 1×1 16 → 5×5 24; 1×1 16 → 3×3 24 → 3×3 24; pool → 1×1 24, concatenated: 88."""
    import torch
    from torch import nn

    from explorer.network.layers import Inception
    module = Inception(8, 88)
    x = torch.rand(1, 8, 14, 14)
    widths = [module.branch1(x).shape[1], module.branch5(x).shape[1], module.branch3(x).shape[1],
              module.pool(x).shape[1]]
    assert widths == [16, 24, 24, 24] and module(x).shape[1] == 88
    assert [module.branch5[0].out_channels, module.branch3[0].out_channels] == [16, 16]       # the bottlenecks
    notes = [nn.Conv2d(8, 16, 1), nn.Conv2d(8, 16, 1), nn.Conv2d(16, 24, 5), nn.Conv2d(8, 16, 1),
             nn.Conv2d(16, 24, 3), nn.Conv2d(24, 24, 3), nn.Conv2d(8, 24, 1)]
    expected = sum(p.numel() for layer in notes for p in layer.parameters())
    assert presets.facts("inception")["notes_params"] == f"{expected:,}"


def test_the_notes_lenet_has_its_hidden_layer_n1():
    """conv → pool → conv → pool → flatten → n1 (ReLU) → 10, counted as torch counts it."""
    from torch import nn

    from explorer.network import layers
    model = layers.build(presets.PRESETS["lenet_hidden"])
    dense = [m for m in model if isinstance(m, nn.Linear)]
    assert [(d.in_features, d.out_features) for d in dense] == [(128, 32), (32, 10)]
    assert isinstance(list(model)[list(model).index(dense[0]) + 1], nn.ReLU)
    assert presets.facts("lenet_hidden")["params"] == f"{sum(p.numel() for p in model.parameters()):,}"
