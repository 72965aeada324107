"""Convolution is equivariant: shifting the input shifts the output by the same, except where padding reaches."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer.lessons import equivariance


@pytest.mark.parametrize("shift", [1, 2, 5])
@pytest.mark.parametrize("k", [3, 5])
def test_the_output_moves_with_the_input(shift, k):
    plane = np.random.default_rng(k).random((20, 30)).astype(np.float32)
    kernel = np.random.default_rng(shift).normal(size=(k, k)).astype(np.float32)
    found = equivariance.equivariance(plane, kernel, shift)
    assert found.inner_gap == pytest.approx(0, abs=1e-5)     # exact up to float32 rounding away from the border
    assert found.edge_gap > 1e-3 and found.moved > 1          # the border differs; the output itself did move
    expected = F.conv2d(torch.from_numpy(plane[:, shift:])[None, None], torch.from_numpy(kernel)[None, None],
                        padding=k // 2)[0, 0].numpy()
    np.testing.assert_allclose(found.of_shifted, expected, atol=1e-5)


@pytest.mark.parametrize("width", [1, 2, 4])
def test_a_plane_too_narrow_for_the_shift_is_refused_with_a_message(width):
    from explorer.geometry import ParamError
    with pytest.raises(ParamError, match=f"{width} pixels wide") as caught:
        equivariance.equivariance(np.ones((3, width), np.float32), np.ones((3, 3), np.float32), 3)
    assert caught.value.key == "err.shift_too_narrow" and caught.value.text("zh")
    found = equivariance.equivariance(np.ones((1, 5), np.float32), np.ones((3, 3), np.float32), 3)
    assert found.of_shifted.shape == (1, 2)               # the narrowest that works: one column past the reach
