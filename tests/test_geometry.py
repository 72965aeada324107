"""One output-size function and one window-box function, held against torch's real shapes and windows."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import geometry


@pytest.mark.parametrize("n, k, s, p, d", [(5, 3, 1, 0, 1), (7, 3, 2, 1, 1), (9, 2, 3, 1, 2), (4, 5, 1, 2, 1),
                                           (28, 5, 1, 0, 1), (10, 3, 4, 0, 3)])
def test_output_len_is_the_shape_torch_gives(n, k, s, p, d):
    conv = F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, k, k), stride=s, padding=p, dilation=d)
    assert geometry.output_len(n, k, s, 2 * p, d) == geometry.output_size(n, k, s, p, d) == conv.shape[-1]


@pytest.mark.parametrize("n, k, s, p", [(5, 2, 2, 0), (6, 3, 2, 1), (7, 3, 3, 1), (8, 4, 3, 2), (5, 3, 2, 1)])
def test_ceil_mode_is_the_shape_torch_gives(n, k, s, p):
    pooled = F.max_pool2d(torch.zeros(1, 1, n, n), k, s, p, ceil_mode=True)
    assert geometry.output_size(n, k, s, p, ceil_mode=True) == pooled.shape[-1]


def test_a_window_that_does_not_fit_gives_no_output():
    assert geometry.output_len(2, 5) == 0


def test_window_box_reads_what_unfold_reads():
    """Each output's window, as geometry.window_box says, holds the values F.unfold puts in its column."""
    x = torch.arange(1., 1 + 6 * 7).reshape(1, 1, 6, 7)
    stride, pad, k = 2, 1, (3, 2)
    columns = F.unfold(x, k, padding=pad, stride=stride)[0]
    padded = F.pad(x, (pad, pad, pad, pad))[0, 0].numpy()
    out_w = geometry.output_len(7, 2, stride, 2 * pad)
    for index in range(columns.shape[1]):
        oy, ox = divmod(index, out_w)
        top, left, bottom, right = geometry.window_box(oy, ox, k, stride=stride, pads=(pad,) * 4)
        window = padded[top + pad:bottom + pad + 1, left + pad:right + pad + 1]
        np.testing.assert_array_equal(window.ravel(), columns[:, index].numpy())


def test_formulas_say_what_output_len_computes():
    h, w = geometry.formulas((300, 451), (3, 5), (1, 1, 2, 2), 2)
    assert h == "⌊(300 + 2·1 − 3)/2⌋ + 1 = 150" and w.endswith(f"= {geometry.output_len(451, 5, 2, 4)}")
    assert geometry.formulas((10, 10), (3, 3), (1, 2, 1, 2))[0] == "⌊(10 + 1 + 2 − 3)/1⌋ + 1 = 11"


@pytest.mark.parametrize("value, words", [(0, "at least 1"), ((1, 2, 3), "pair"), (True, "pair"), ("2", "pair")])
def test_bad_pairs_say_what_is_allowed(value, words):
    with pytest.raises(geometry.ParamError, match=words):
        geometry.pair(value, "stride", 1)
