"""Preset kernels, the hand-typed kernel parser, normalize and flip."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import kernels, ops


def test_at_least_fifteen_presets_each_valid():
    assert len(kernels.PRESETS) >= 15
    for name, preset in kernels.PRESETS.items():
        built = preset.kernels()
        assert built, name
        for k in built:
            assert k.dtype == np.float32 and k.ndim == 2 and np.isfinite(k).all(), name


@pytest.mark.parametrize("name", ["box_blur", "gaussian_blur", "motion_blur", "sharpen", "unsharp_mask",
                                  "identity", "emboss"])
def test_smoothing_and_sharpening_keep_brightness(name):
    assert kernels.get_kernel(name).sum() == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("name", ["sobel_x", "sobel_y", "scharr_x", "scharr_y", "prewitt_x", "prewitt_y",
                                  "laplacian_4", "laplacian_8", "laplacian_of_gaussian", "outline"])
def test_edge_detectors_ignore_flat_areas(name):
    k = kernels.get_kernel(name)
    assert k.sum() == pytest.approx(0.0, abs=1e-5)
    flat = np.full((20, 20), 0.7, np.float32)
    assert np.abs(ops.conv2d(flat, k)).max() < 1e-5


def test_sobel_x_is_positive_where_it_gets_brighter_to_the_right():
    step = np.zeros((7, 8), np.float32)
    step[:, 4:] = 1
    out = ops.conv2d(step, kernels.get_kernel("sobel_x"))
    assert out.max() == 4 and out.min() == 0


def test_gaussian_matches_its_definition():
    k = kernels.get_kernel("gaussian_blur", size=5, sigma=1.0)
    x = np.arange(5) - 2
    g = np.exp(-x ** 2 / 2)
    np.testing.assert_allclose(k, np.outer(g, g) / np.outer(g, g).sum(), rtol=1e-6)
    assert k.shape == (5, 5) and np.allclose(k, k.T)


def test_motion_blur_follows_the_angle():
    horizontal = kernels.get_kernel("motion_blur", length=7, angle=0)
    assert np.count_nonzero(horizontal) == 7 and np.count_nonzero(horizontal[3]) == 7
    diagonal = kernels.get_kernel("motion_blur", length=7, angle=45)
    # a 7-pixel stroke at 45° up-right covers 7/√2 ≈ 5 cells of the anti-diagonal and nothing else
    anti = np.diag(diagonal[::-1])
    assert np.count_nonzero(anti) == 5 == np.count_nonzero(diagonal)
    assert diagonal.sum() == pytest.approx(1.0)


def test_magnitude_preset_has_two_kernels_and_get_kernel_says_so():
    preset = kernels.PRESETS["sobel_magnitude"]
    gx, gy = preset.kernels()
    np.testing.assert_array_equal(gx.T, gy)
    assert preset.combine == "magnitude"
    with pytest.raises(ValueError, match="combines two kernels"):
        kernels.get_kernel("sobel_magnitude")


@pytest.mark.parametrize("name, params, words", [
    ("blurry", {}, "Unknown preset"),
    ("gaussian_blur", {"size": 4}, "odd"),
    ("gaussian_blur", {"size": 99}, "between"),
    ("gaussian_blur", {"sigma": float("nan")}, "between"),
    ("box_blur", {"size": 2.5}, "whole number"),
    ("sharpen", {"size": 3}, "no parameter size"),
])
def test_bad_preset_requests_explain_themselves(name, params, words):
    with pytest.raises(ValueError, match=words):
        kernels.get_kernel(name, **params)


def test_parse_kernel_accepts_numbers_fractions_and_unicode_minus():
    k = kernels.parse_kernel([["1/9", " −2 ", "3"], [0.5, 1, "1e-2"]])
    np.testing.assert_allclose(k, [[1 / 9, -2, 3], [0.5, 1, 0.01]], rtol=1e-6)


@pytest.mark.parametrize("cell, words", [
    ("abc", "“abc” is not a number"),
    ("", "empty"),
    (None, "empty"),
    (float("nan"), "empty"),
    ("nan", "not a finite number"),
    ("inf", "not a finite number"),
    ("1/0", "not a number"),
    ("1e39", "beyond float32's range"),        # float32 would hold it as inf (issue 27)
    ("-4e38", "beyond float32's range"),
])
def test_parse_kernel_names_the_bad_cell(cell, words):
    with pytest.raises(kernels.KernelError) as info:
        kernels.parse_kernel([["1", "2"], ["3", cell]])
    assert str(info.value).startswith("Row 2, column 2:")
    assert words in str(info.value)
    assert "第 2 行第 2 列" in info.value.text("zh")


def test_parse_kernel_size_limits():
    assert kernels.parse_kernel([["5"]]).shape == (1, 1)
    assert kernels.parse_kernel([["1"] * 15] * 15).shape == (15, 15)
    assert kernels.parse_kernel([["1"] * 2] * 7).shape == (7, 2)
    with pytest.raises(kernels.KernelError, match="at most 15×15"):
        kernels.parse_kernel([["1"] * 16] * 3)


def test_normalize_and_its_refusal():
    np.testing.assert_allclose(kernels.normalize(np.ones((3, 3))), np.full((3, 3), 1 / 9), rtol=1e-6)
    with pytest.raises(kernels.KernelError, match="sums to 0"):
        kernels.normalize(kernels.get_kernel("sobel_x"))


def test_flip_turns_cross_correlation_into_convolution():
    rng = np.random.default_rng(5)
    image = rng.random((9, 9)).astype(np.float32)
    k = rng.normal(size=(3, 3)).astype(np.float32)
    ours = ops.conv2d(image, kernels.flip(k), padding=1)
    # true convolution = scipy-style flip; torch's conv_transpose with stride 1 convolves
    expected = F.conv_transpose2d(torch.from_numpy(image)[None, None], torch.from_numpy(k)[None, None],
                                  padding=1)[0, 0].numpy()
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-6)
