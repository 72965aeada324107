"""What a unit looks for: the top examples against a brute-force loop, their crops against backpropagation, and
feature visualisation (it climbs far above the set's best, is reproducible, and its regularisers make it smooth)."""
import numpy as np
import pytest
import torch

from explorer import receptive
from explorer.network import layers, presets, units

INPUT = (1, 28, 28)


def test_scores_are_each_images_largest_value_and_its_place_as_a_loop_finds_them(trained):
    model, data = trained
    x = data.x_val[:40]
    for row in (1, 3, 5, 8):
        found = units.scores(model, x, row, batch=7)             # batches that do not divide the set
        with torch.no_grad():
            for i in range(len(x)):
                out = model[:row](x[i:i + 1])[0]
                for c in range(out.shape[0]):
                    plane = out[c].flatten()
                    assert found.values[i, c] == pytest.approx(float(plane.max()), rel=1e-5, abs=1e-6)
                    if out.dim() == 3:                   # (a batch of one may round the last bit otherwise)
                        assert float(plane[found.where[i, c]]) == pytest.approx(float(plane.max()), rel=1e-5)
                    else:
                        assert found.where[i, c] == -1 and found.map_shape is None


def test_the_top_examples_are_the_sets_true_ranking(trained):
    model, data = trained
    found = units.scores(model, data.x_train, 5)
    for unit in range(found.values.shape[1]):
        values = found.values[:, unit].tolist()
        brute = sorted(range(len(values)), key=lambda i: (-values[i], i))      # strongest first, ties by index
        assert [e.index for e in units.top(found, unit, 16)] == brute[:16]
        assert [e.index for e in units.top(found, unit, 9, lowest=True)] == sorted(
            range(len(values)), key=lambda i: (values[i], i))[:9]
        assert [e.value for e in units.top(found, unit, 3)] == pytest.approx([values[i] for i in brute[:3]])


def test_each_crop_is_the_receptive_field_of_the_strongest_place_confirmed_by_backpropagation(trained):
    model, data = trained
    for row in (2, 3, 4, 6):
        geometry = layers.field_layers(model, row)
        found = units.scores(model, data.x_train, row)
        for unit in (0, found.values.shape[1] - 1):
            for example in units.top(found, unit, 3, geometry):
                x = data.x_train[example.index][None].clone().requires_grad_(True)
                out = model[:row](x)
                assert float(out[0, unit].max().detach()) == pytest.approx(example.value, abs=1e-5)
                (grad,) = torch.autograd.grad(out[0, unit][example.position], x)
                reach = receptive.influence(geometry, INPUT[1:], example.position) > 0     # every path, all ones
                rows, cols = np.nonzero(reach)
                assert example.box == (rows.min(), cols.min(), rows.max(), cols.max())
                assert not grad[0, 0].numpy()[~reach].any()            # the unit's value depends on nothing else
                assert units.crop(data.x_train[example.index], example.box).shape[1:] == (
                    example.box[2] - example.box[0] + 1, example.box[3] - example.box[1] + 1)


def test_a_dense_unit_sees_the_whole_image(trained):
    model, data = trained
    found = units.scores(model, data.x_val, 8)
    best = units.top(found, 3, 4, layers.field_layers(model, 8))
    assert layers.field_layers(model, 8) is None and all(e.box is None and e.position is None for e in best)
    assert torch.equal(units.crop(data.x_val[0], None), data.x_val[0])


def test_the_optimised_inputs_excite_each_class_far_above_the_sets_best_and_come_again_with_the_seed(trained):
    model, data = trained
    best = units.scores(model, data.x_train, 8).values.max(0).values
    seen = []
    made = units.visualise(model, 8, list(range(10)), INPUT, steps=256, seed=3, keep=(1, 64),
                           progress=lambda step, steps: seen.append((step, steps)))
    assert made.images.shape == (10, *INPUT) and made.images.min() >= 0 and made.images.max() <= 1
    ratio = made.reached / best.numpy()
    assert (ratio > 1.5).all(), ratio                 # measured 1.7–2.8 with the regularisers on
    assert np.array_equal(made.history[0][1], units.visualise(model, 8, list(range(10)), INPUT, steps=1,
                                                              seed=3).images)            # the same path again
    assert np.array_equal(made.images, units.visualise(model, 8, list(range(10)), INPUT, seed=3).images)
    assert not np.array_equal(made.history[0][1], units.visualise(model, 8, list(range(10)), INPUT, steps=1,
                                                                  seed=4).images)
    assert [step for step, _ in made.history] == [1, 64] and seen[-1] == (256, 256) and len(seen) == 256


def test_a_channels_picture_is_what_its_centre_sees_and_the_regularisers_smooth_it(trained):
    model, data = trained
    row = 5                                          # the second convolution's ReLU: it climbs the convolution
    found = units.scores(model, data.x_train, row)
    alive = [u for u in range(found.values.shape[1]) if found.values[:, u].max() > 0]
    plain = units.visualise(model, row, alive, INPUT, strength=0, seed=1)
    smooth = units.visualise(model, row, alive, INPUT, strength=1, seed=1)
    assert (smooth.reached / found.values[:, alive].max(0).values.numpy() > 1.2).all()
    box = receptive.field_box(layers.field_layers(model, row), units.centre(found.map_shape))
    outside = np.ones(INPUT[1:], bool)
    outside[max(box[0], 0):box[2] + 1, max(box[1], 0):box[3] + 1] = False
    # without regularisers no gradient reaches a pixel outside the centre's field: it keeps its starting noise
    early = units.visualise(model, row, alive, INPUT, strength=0, seed=1, steps=8)
    assert np.array_equal(plain.images[:, 0][:, outside], early.images[:, 0][:, outside])
    assert not np.array_equal(plain.images[:, 0][:, ~outside], early.images[:, 0][:, ~outside])
    # with them the outside fades to grey, and the picture is the smoother one
    away = np.abs(smooth.images[:, 0] - 0.5)
    assert away[:, outside].mean() < 0.5 * away[:, ~outside].mean()
    variation = [float(units._total_variation(torch.from_numpy(m.images)).mean()) for m in (plain, smooth)]
    assert variation[1] < 0.5 * variation[0]


def test_a_colour_network_and_the_limits():
    model = layers.build(presets.PRESETS["vgg_small"], (3, 28, 28), seed=0).eval()
    made = units.visualise(model, 2, [0, 5], (3, 28, 28), steps=8)
    assert made.images.shape == (2, 3, 28, 28)
    with pytest.raises(ValueError):
        units.visualise(model, 2, [], (3, 28, 28))
    with pytest.raises(ValueError):
        units.scores(model, torch.zeros(2, 3, 28, 28), len(model) + 1)


@pytest.mark.parametrize("name", sorted(presets.PRESETS))
def test_every_preset_every_layer_scores_ranks_crops_and_climbs(name):
    model = layers.build(presets.PRESETS[name], seed=0).eval()
    x = torch.rand(12, *INPUT, generator=torch.Generator().manual_seed(1))
    for row in range(1, len(model) + 1):
        found = units.scores(model, x, row)
        geometry = layers.field_layers(model, row)
        best = units.top(found, found.values.shape[1] - 1, 3, geometry)
        assert [e.value for e in best] == sorted((e.value for e in best), reverse=True)
        for example in best:
            if example.box is not None:                     # inside the picture, and all the unit depends on
                r0, c0, r1, c1 = example.box
                assert 0 <= r0 <= r1 < 28 and 0 <= c0 <= c1 < 28
                given = x[example.index][None].clone().requires_grad_(True)
                (grad,) = torch.autograd.grad(model[:row](given)[0, found.values.shape[1] - 1][example.position],
                                              given)
                outside = grad[0, 0].abs().clone()
                outside[r0:r1 + 1, c0:c1 + 1] = 0
                assert not outside.any(), (name, row)      # blocks (residual, Inception) included
    made = units.visualise(model, len(model), [0, 1], INPUT, steps=4)
    assert made.images.shape == (2, *INPUT) and np.isfinite(made.reached).all()
