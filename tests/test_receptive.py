"""explorer.receptive: the formula against brute-force backpropagation."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import ops, receptive
from explorer.receptive import Layer


def brute_force_support(layers, shape, position):
    """Independent of explorer.receptive.influence: random positive weights, autograd.grad, nonzero set."""
    x = torch.zeros((1, 1, *shape), dtype=torch.float64, requires_grad=True)
    y, gen = x, torch.Generator().manual_seed(0)
    for layer in layers:
        w = torch.rand((1, 1, layer.kernel, layer.kernel), generator=gen, dtype=torch.float64) + 0.5
        y = F.conv2d(y, w, stride=layer.stride, padding=layer.padding, dilation=layer.dilation)
    (grad,) = torch.autograd.grad(y[0, 0][position], x)
    return grad[0, 0].numpy() != 0


def random_stack(rng):
    return [Layer(int(rng.integers(1, 6)), int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(0, 3)))
            for _ in range(int(rng.integers(1, 6)))]


@pytest.mark.parametrize("seed", range(40))
def test_receptive_field_size_and_position_match_backpropagation(seed):
    layers = random_stack(np.random.default_rng(seed))
    field = receptive.receptive_fields(layers)[-1]
    shape = (field.size * 2 + 40, field.size * 2 + 41)
    position = receptive.centre_output(layers, shape)
    support = brute_force_support(layers, shape, position)
    ys, xs = np.nonzero(support)
    assert ys.max() - ys.min() + 1 == field.size and xs.max() - xs.min() + 1 == field.size
    assert (ys.max() + ys.min()) / 2 == pytest.approx(field.start + position[0] * field.jump)
    assert (xs.max() + xs.min()) / 2 == pytest.approx(field.start + position[1] * field.jump)
    np.testing.assert_array_equal(receptive.influence(layers, shape) > 0, support)
    assert receptive.field_box(layers, position) == (ys.min(), xs.min(), ys.max(), xs.max())
    assert receptive.backward_recursion(layers)[-1][0] == field.size


def test_jump_is_the_product_of_earlier_strides_and_output_shapes_follow_torch():
    layers = [Layer(3, 1, 1, 1), Layer(2, 2), Layer(3, 1, 2, 2), Layer(2, 2), Layer(3, 2, 1, 1)]
    assert [f.jump for f in receptive.receptive_fields(layers)] == [1, 2, 2, 4, 8]
    assert [f.size for f in receptive.receptive_fields(layers)] == [3, 4, 12, 14, 22]
    x = torch.zeros(1, 1, 64, 50)
    for layer, shape in zip(layers, receptive.output_shape(layers, (64, 50))):
        x = F.conv2d(x, torch.ones(1, 1, layer.kernel, layer.kernel), stride=layer.stride, padding=layer.padding,
                     dilation=layer.dilation)
        assert tuple(x.shape[-2:]) == shape


def test_stacking_the_same_dilation_leaves_holes_and_growing_dilations_do_not():
    same = receptive.influence([Layer(3, dilation=2)] * 3, (31, 31))
    growing = receptive.influence([Layer(3, dilation=d) for d in (1, 2, 4)], (31, 31))
    ys, xs = np.nonzero(same)
    box = same[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    assert box.shape == (13, 13) and (box == 0).mean() == pytest.approx(1 - 49 / 169)
    ys, xs = np.nonzero(growing)
    assert growing[ys.min():ys.max() + 1, xs.min():xs.max() + 1].min() > 0 and np.ptp(ys) + 1 == 15


def test_backward_recursion_shows_its_numbers():
    lines = receptive.backward_recursion([Layer(3), Layer(2, 2), Layer(3, dilation=2)])
    assert [text for _, text in lines] == ["RF(3) = 1·(1 − 1) + 5 = 5", "RF(2) = 2·(5 − 1) + 2 = 10",
                                           "RF(1) = 1·(10 − 1) + 3 = 12"]


def test_layer_table_rows_are_checked_with_row_and_column_named():
    rows = [{"kernel": 3, "stride": 1, "dilation": 1, "padding": 1}, {"kernel": None, "stride": None,
                                                                         "dilation": None, "padding": None},
            {"kernel": 2.0, "stride": 2, "dilation": 1, "padding": 0}]
    assert receptive.parse_layers(rows) == [Layer(3, 1, 1, 1), Layer(2, 2, 1, 0)]
    for bad, column in (({"kernel": 0}, "kernel"), ({"stride": 1.5}, "stride"), ({"dilation": None}, "dilation"),
                        ({"padding": "x"}, "padding"), ({"kernel": 99}, "kernel")):
        row = {"kernel": 3, "stride": 1, "dilation": 1, "padding": 0, **bad}
        with pytest.raises(receptive.LayerError, match=f"Row 2, column “{column}”"):
            receptive.parse_layers([rows[0], row])
    with pytest.raises(receptive.LayerError, match="0 layers"):
        receptive.parse_layers([])
    with pytest.raises(receptive.LayerError, match="13 layers"):
        receptive.parse_layers([rows[0]] * 13)


def test_a_stack_that_shrinks_the_image_to_nothing_says_which_layer():
    with pytest.raises(receptive.LayerError, match="Layer 3 has no output"):
        receptive.output_shape([Layer(3), Layer(3), Layer(9)], (12, 12))


@pytest.mark.parametrize("kernel, dilation", [(3, 1), (3, 4), (2, 1), (4, 3)])
def test_taps_sit_where_same_padding_puts_them(kernel, dilation):
    image = np.zeros((41, 41), np.float32)
    image[20, 20] = 1
    out = ops.conv2d(image, np.ones((kernel, kernel)), padding="same", dilation=dilation)
    # output pixel (20 − dy, 20 − dx) reads input (20, 20) for every tap offset (dy, dx)
    offsets = receptive.taps(kernel, dilation)
    reached = {(int(y), int(x)) for y, x in zip(*np.nonzero(out))}
    assert reached == {(20 - dy, 20 - dx) for dy in offsets for dx in offsets}
