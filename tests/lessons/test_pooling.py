"""explorer.pooling against torch.nn.functional."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import ops
from explorer.lessons import pooling


def nchw(image):
    return torch.from_numpy(np.ascontiguousarray(np.moveaxis(np.atleast_3d(image), 2, 0)))[None]


def test_global_average_is_adaptive_average_pooling():
    image = np.random.default_rng(0).random((37, 53, 3), dtype=np.float32)
    expected = F.adaptive_avg_pool2d(nchw(image), 1).reshape(-1).numpy()
    np.testing.assert_allclose(pooling.global_average(image), expected, rtol=1e-5)
    assert pooling.global_average(image[..., 0]).shape == (1,)


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("k, stride, padding, ceil_mode", [(2, None, 0, False), (3, 2, 1, True), (3, None, 1, False)])
def test_repeated_pooling_equals_torch_applied_again_and_again(mode, k, stride, padding, ceil_mode):
    image = np.random.default_rng(1).random((90, 70, 3), dtype=np.float32)
    rounds = pooling.repeated(image, mode, 4, k, stride=stride, padding=padding, ceil_mode=ceil_mode)
    x = nchw(image)
    fn = F.max_pool2d if mode == "max" else F.avg_pool2d
    assert len(rounds) == 4
    for result in rounds:
        x = fn(x, k, stride=stride or k, padding=padding, ceil_mode=ceil_mode)
        np.testing.assert_allclose(result, x[0].permute(1, 2, 0).numpy(), rtol=1e-6)


def test_repeated_pooling_stops_when_the_window_no_longer_fits():
    assert [r.shape for r in pooling.repeated(np.ones((10, 10)), "avg", 4, 3)] == [(3, 3), (1, 1)]


def test_max_pooling_keeps_a_thin_bright_line_that_average_pooling_dims():
    image = np.zeros((64, 64), np.float32)
    image[:, 21] = 1.0
    max_rounds = pooling.repeated(image, "max", 4, 2)
    avg_rounds = pooling.repeated(image, "avg", 4, 2)
    assert [float(r.max()) for r in max_rounds] == [1.0] * 4
    assert [float(r.max()) for r in avg_rounds] == [0.5, 0.25, 0.125, 0.0625]


def brute_force_shift(plane, k, kind, s):
    h, w = plane.shape
    height, width = (h // k) * k, ((w - k + 1) // k) * k
    a, b = torch.from_numpy(plane[:height, :width].copy()), torch.from_numpy(plane[:height, s:s + width].copy())
    if kind != "none":
        fn = F.max_pool2d if kind == "max" else F.avg_pool2d
        a, b = fn(a[None, None], k)[0, 0], fn(b[None, None], k)[0, 0]
    diff = (a.double() - b.double()).abs()
    return float(diff.mean() / a.abs().mean() * 100), float((diff <= 1e-6).double().mean() * 100)


@pytest.mark.parametrize("k", [2, 3, 4])
def test_shift_test_matches_a_brute_force_comparison(k):
    plane = np.random.default_rng(k).random((41, 57), dtype=np.float32) ** 4
    test = pooling.shift_test(plane, k)
    assert test.shifts == list(range(k))
    for kind in pooling.SHIFT_KINDS:
        assert test.change[kind][0] == 0 and test.unchanged[kind][0] == 100
        for s in range(k):
            change, unchanged = brute_force_shift(plane, k, kind, s)
            assert test.change[kind][s] == pytest.approx(change, rel=1e-6)
            assert test.unchanged[kind][s] == pytest.approx(unchanged)


def test_pooling_is_more_robust_to_shifts_than_no_pooling_on_a_feature_map():
    from explorer import imaging, kernels
    photo = imaging.to_grey(imaging.load_image(open("assets/cat.png", "rb").read()))
    edges = ops.apply_kernels(photo, kernels.get_preset("sobel_magnitude").kernels(), "magnitude", padding="same")
    test = pooling.shift_test(edges, 4)
    for s in (1, 2, 3):
        assert test.change["max"][s] < test.change["none"][s] and test.change["avg"][s] < test.change["none"][s]
    assert test.unchanged["max"][1] > 30 > test.unchanged["avg"][1]


def test_shift_test_rejects_bad_input():
    with pytest.raises(ops.ParamError):
        pooling.shift_test(np.ones((4, 4, 3)), 2)
    with pytest.raises(ops.ParamError, match="needs at least 4×7"):
        pooling.shift_test(np.ones((3, 3)), 4)


@pytest.mark.parametrize("n, k, s, p, ceil_mode", [(7, 2, 2, 0, True), (7, 3, 2, 1, True), (6, 3, 2, 1, False),
                                                    (5, 2, 2, 1, True), (224, 3, 2, 1, True)])
def test_pool_formulas_end_with_the_size_torch_gives(n, k, s, p, ceil_mode):
    out = F.max_pool2d(torch.zeros(1, 1, n, n + 1), k, s, p, ceil_mode=ceil_mode).shape[-2:]
    h_text, w_text = pooling.pool_formulas((n, n + 1), k, s, p, ceil_mode)
    assert h_text.endswith(f"= {out[0]}") and w_text.endswith(f"= {out[1]}")
    assert ("⌈" in h_text) == ceil_mode


def test_ceil_mode_formula_says_when_torch_drops_the_last_window():
    assert ops.output_size_formula(5, 2, 2, 1, 1, ceil_mode=True) == "⌈(5 + 2·1 − 2)/2⌉ + 1 = 4 − 1 = 3"
