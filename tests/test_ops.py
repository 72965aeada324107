"""explorer.ops against torch.nn.functional and the loop reference."""
import threading
import warnings
from dataclasses import replace

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import kernels, ops, reference
from explorer.conv import buffers, dispatch, lanes, strategies
from tests.helpers import relative_error, torch_conv

RNG = np.random.default_rng(1234)

SEED_INPUT = np.array([[3, 4, 6, 5, 7],
                       [2, 4, 6, 8, 2],
                       [1, 6, 7, 8, 4],
                       [9, 7, 4, 6, 2],
                       [3, 7, 5, 4, 1]], dtype=np.float32)
SEED_KERNEL = np.arange(1, 10, dtype=np.float32).reshape(3, 3)


def random_conv_case(rng):
    kh, kw = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    dilation = (int(rng.integers(1, 3)), int(rng.integers(1, 3)))
    h, w = int(rng.integers(kh * dilation[0] + 2, 14)), int(rng.integers(kw * dilation[1] + 2, 14))
    shape = (h, w) if rng.random() < 0.3 else (h, w, int(rng.integers(1, 4)))
    mode = ops.PADDING_MODES[int(rng.integers(0, 4))]
    if rng.random() < 0.25:
        padding, stride = "same", 1
    else:
        padding = (int(rng.integers(0, min(3, h))), int(rng.integers(0, min(3, w))))
        stride = (int(rng.integers(1, 4)), int(rng.integers(1, 4)))
    return (rng.random(shape).astype(np.float32), rng.normal(size=(kh, kw)).astype(np.float32),
            dict(stride=stride, padding=padding, padding_mode=mode, dilation=dilation))


@pytest.mark.parametrize("case", range(60))
def test_conv2d_matches_torch_and_reference(case):
    image, kernel, args = random_conv_case(np.random.default_rng(case))
    ours = ops.conv2d(image, kernel, **args, device="cpu")
    pads = ops.resolve_padding(args["padding"], kernel.shape, stride=args["stride"], dilation=args["dilation"])
    expected = torch_conv(image, kernel, stride=args["stride"], pads=pads, mode=args["padding_mode"],
                          dilation=args["dilation"])
    assert ours.shape == expected.shape
    assert ours.dtype == np.float32
    np.testing.assert_allclose(ours, expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(reference.conv2d(image, kernel, **args), expected, rtol=1e-4, atol=1e-5)


def test_seed_example_reproduces_torch():
    ours = ops.conv2d(SEED_INPUT, SEED_KERNEL, padding=1)
    expected = F.conv2d(torch.from_numpy(SEED_INPUT)[None, None], torch.from_numpy(SEED_KERNEL)[None, None],
                        padding=1)[0, 0].numpy()
    np.testing.assert_array_equal(ours, expected)
    assert ours[1, 1] == 3 * 1 + 4 * 2 + 6 * 3 + 2 * 4 + 4 * 5 + 6 * 6 + 1 * 7 + 6 * 8 + 7 * 9 == 211
    np.testing.assert_array_equal(reference.conv2d(SEED_INPUT, SEED_KERNEL, padding=1), expected)


def test_same_padding_keeps_size_for_even_kernels_like_torch():
    image = RNG.random((9, 10)).astype(np.float32)
    kernel = RNG.normal(size=(4, 2)).astype(np.float32)
    ours = ops.conv2d(image, kernel, padding="same", dilation=2)
    expected = F.conv2d(torch.from_numpy(image)[None, None], torch.from_numpy(kernel)[None, None],
                        padding="same", dilation=2)[0, 0].numpy()
    assert ours.shape == image.shape
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("case", range(40))
def test_conv_transpose2d_matches_torch_and_reference(case):
    rng = np.random.default_rng(1000 + case)
    kh, kw = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    stride = (int(rng.integers(1, 4)), int(rng.integers(1, 4)))
    dilation = (int(rng.integers(1, 3)), int(rng.integers(1, 3)))
    padding = (int(rng.integers(0, 2)), int(rng.integers(0, 2)))
    output_padding = (int(rng.integers(0, max(stride[0], dilation[0]))),
                      int(rng.integers(0, max(stride[1], dilation[1]))))
    shape = (int(rng.integers(2, 8)), int(rng.integers(2, 8)), int(rng.integers(1, 4)))
    image = rng.random(shape).astype(np.float32)
    kernel = rng.normal(size=(kh, kw)).astype(np.float32)
    args = dict(stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
    ours = ops.conv_transpose2d(image, kernel, **args)
    x = torch.from_numpy(image.transpose(2, 0, 1).copy())[None]
    w = torch.from_numpy(kernel).expand(shape[2], 1, kh, kw)
    expected = F.conv_transpose2d(x, w, groups=shape[2], **args)[0].numpy().transpose(1, 2, 0)
    assert ours.shape == expected.shape
    assert ours.shape[:2] == tuple(ops.transposed_output_size(n, k, s, p, op, d) for n, k, s, p, op, d in zip(
        shape[:2], (kh, kw), stride, padding, output_padding, dilation))
    np.testing.assert_allclose(ours, expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(reference.conv_transpose2d(image, kernel, **args), expected, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("case", range(40))
@pytest.mark.parametrize("mode", ops.POOL_MODES)
def test_pool2d_matches_torch_and_reference(case, mode):
    rng = np.random.default_rng(2000 + case)
    kh, kw = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    stride = None if rng.random() < 0.3 else (int(rng.integers(1, 4)), int(rng.integers(1, 4)))
    padding = (int(rng.integers(0, kh // 2 + 1)), int(rng.integers(0, kw // 2 + 1)))
    ceil_mode = bool(rng.random() < 0.5)
    shape = (int(rng.integers(kh, 12)), int(rng.integers(kw, 12)), 3)
    image = rng.normal(size=shape).astype(np.float32)
    ours = ops.pool2d(image, mode, (kh, kw), stride=stride, padding=padding, ceil_mode=ceil_mode)
    x = torch.from_numpy(image.transpose(2, 0, 1).copy())[None]
    fn = F.max_pool2d if mode == "max" else F.avg_pool2d
    expected = fn(x, (kh, kw), stride=stride or (kh, kw), padding=padding, ceil_mode=ceil_mode)[0]
    expected = expected.numpy().transpose(1, 2, 0)
    s = stride or (kh, kw)
    assert ours.shape[:2] == (ops.output_size(shape[0], kh, s[0], padding[0], ceil_mode=ceil_mode),
                              ops.output_size(shape[1], kw, s[1], padding[1], ceil_mode=ceil_mode))
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-6)
    ref = reference.pool2d(image, mode, (kh, kw), stride=stride, padding=padding, ceil_mode=ceil_mode)
    np.testing.assert_allclose(ref, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("n,k,s,p,d", [(1080, 3, 1, 1, 1), (17, 4, 3, 2, 2), (5, 5, 1, 0, 1), (31, 7, 4, 3, 3)])
def test_output_size_matches_real_shape_and_formula_text(n, k, s, p, d):
    out = F.conv2d(torch.zeros(1, 1, n, 1), torch.zeros(1, 1, k, 1), stride=(s, 1), padding=(p, 0),
                   dilation=(d, 1)).shape[2]
    assert ops.output_size(n, k, s, p, d) == out
    assert ops.output_size_formula(n, k, s, p, p, d).endswith(f"= {out}")


def test_formula_text_substitutes_numbers():
    assert ops.output_size_formula(1080, 3, 1, 1, 1) == "⌊(1080 + 2·1 − 3)/1⌋ + 1 = 1080"
    assert ops.output_size_formula(10, 4, 1, 1, 2) == "⌊(10 + 1 + 2 − 4)/1⌋ + 1 = 10"
    assert ops.output_size_formula(9, 3, 2, 0, 0, 2) == "⌊(9 + 2·0 − 2·(3 − 1) − 1)/2⌋ + 1 = 3"


def test_pool_output_size_ceil_mode_matches_torch():
    for n in range(3, 12):
        for k in (2, 3):
            for s in (2, 3):
                got = F.max_pool2d(torch.zeros(1, 1, n, n), k, s, padding=1, ceil_mode=True).shape[2]
                assert ops.output_size(n, k, s, 1, ceil_mode=True) == got


def test_apply_kernels_magnitude_is_hypot_of_both():
    image = RNG.random((12, 13, 3)).astype(np.float32)
    gx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], np.float32)
    both = ops.apply_kernels(image, [gx, gx.T], "magnitude", padding=1)
    expected = np.hypot(ops.conv2d(image, gx, padding=1), ops.conv2d(image, gx.T, padding=1))
    np.testing.assert_allclose(both, expected, rtol=1e-6)


@pytest.mark.parametrize("call, words", [
    (lambda: ops.conv2d(np.ones((8, 8)), np.ones((3, 3)), padding="same", stride=2), "stride 1"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), padding=4, padding_mode="reflect"), "smaller than"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), padding=5, padding_mode="circular"), "at most"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((7, 7))), "padded image is only 4×4"),
    (lambda: ops.conv2d(np.ones((6, 6)), np.ones((3, 3)), dilation=3), "dilation"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), padding_mode="mirror"), "zeros, reflect"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), stride=0), "stride must be at least 1"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), padding=-1), "padding must be at least 0"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), padding="full"), "'same' or 'valid'"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), stride=1.5), "whole number"),
    (lambda: ops.conv2d(np.ones((4, 4)), [[1, np.nan]]), "NaN"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones(3)), "2-D"),
    (lambda: ops.conv2d(np.ones(4), np.ones((3, 3))), "(H, W)"),
    (lambda: ops.conv_transpose2d(np.ones((4, 4)), np.ones((3, 3)), stride=2, output_padding=2), "smaller than"),
    (lambda: ops.conv_transpose2d(np.ones((1, 1)), np.ones((1, 1)), padding=1), "no output"),
    (lambda: ops.pool2d(np.ones((4, 4)), "median", 2), "max, avg"),
    (lambda: ops.pool2d(np.ones((4, 4)), "max", 2, padding=2), "half"),
    (lambda: ops.pool2d(np.ones((4, 4)), "max", 6), "padded image is only 4×4"),
    (lambda: ops.pick_device("tpu"), "cuda, mps, cpu"),
])
def test_bad_parameters_raise_helpful_value_errors(call, words):
    with pytest.raises(ValueError) as info:
        call()
    assert words in str(info.value)
    assert isinstance(info.value, ops.ParamError) or "kernel" in str(info.value).lower()


def test_errors_read_in_chinese_too():
    with pytest.raises(ops.ParamError) as info:
        ops.conv2d(np.ones((8, 8)), np.ones((3, 3)), padding="same", stride=2)
    assert "步幅" in info.value.text("zh")


def test_pick_device_prefers_available_and_cpu_always_works():
    assert ops.pick_device("cpu").type == "cpu"
    expected = "cuda" if torch.cuda.is_available() else ("mps" if torch.backends.mps.is_available() else "cpu")
    assert ops.pick_device().type == expected


def test_gpu_out_of_memory_falls_back_to_cpu_with_a_warning():
    used = []

    def compute(device):
        used.append(device.type)
        if device.type != "cpu":
            raise torch.OutOfMemoryError("CUDA out of memory")
        return np.zeros(1)

    before = ops.fallbacks()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ops.run_with_fallback(compute, torch.device("mps"))
    assert used == ["mps", "cpu"]
    assert any(issubclass(w.category, ops.DeviceFallbackWarning) for w in caught)
    assert ops.fallbacks() == before + 1          # counted for this thread, as Kernel Lab's cache reads it
    seen_elsewhere = []
    other = threading.Thread(target=lambda: seen_elsewhere.append(ops.fallbacks()))
    other.start(), other.join()
    assert seen_elsewhere == [0]


def test_cpu_out_of_memory_is_not_swallowed():
    def compute(device):
        raise torch.OutOfMemoryError("out of memory")

    with pytest.raises(torch.OutOfMemoryError):
        ops.run_with_fallback(compute, torch.device("cpu"))


def test_window_at_sums_to_the_output_value():
    image = RNG.random((7, 9)).astype(np.float32)
    kernel = RNG.normal(size=(3, 2)).astype(np.float32)
    args = dict(stride=(2, 1), dilation=(1, 2), padding=(2, 1), padding_mode="reflect")
    out = ops.conv2d(image, kernel, **args)
    pads = ops.resolve_padding(args["padding"], kernel.shape, stride=args["stride"], dilation=args["dilation"])
    for oy in range(out.shape[0]):
        for ox in range(out.shape[1]):
            window = reference.window_at(image, oy, ox, kernel.shape, stride=args["stride"],
                                         dilation=args["dilation"], pads=pads, padding_mode="reflect")
            assert np.isclose((window * kernel).sum(), out[oy, ox], rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------- strategies

@pytest.mark.parametrize("strategy", ops.CONV_STRATEGIES)
@pytest.mark.parametrize("case", range(30))
def test_every_strategy_matches_torch(strategy, case):
    rng = np.random.default_rng(3000 + case)
    image, kernel, args = random_conv_case(rng)
    if strategy == "separable":
        kernel = np.outer(rng.normal(size=kernel.shape[0]), rng.normal(size=kernel.shape[1])).astype(np.float32)
        if min(kernel.shape) == 1:
            kernel = np.outer(rng.normal(size=3), rng.normal(size=2)).astype(np.float32)
            image = rng.random((12, 13, 3)).astype(np.float32)
            args["dilation"] = 1
    pads = ops.resolve_padding(args["padding"], kernel.shape, stride=args["stride"], dilation=args["dilation"])
    ours = ops.conv2d(image, kernel, **args, strategy=strategy, device="cpu")
    expected = torch_conv(image, kernel, stride=args["stride"], pads=pads, mode=args["padding_mode"],
                          dilation=args["dilation"])
    assert ours.shape == expected.shape
    assert relative_error(ours, expected) < 1e-4
    np.testing.assert_allclose(ours, expected, rtol=1e-4, atol=1e-4 * np.abs(expected).max())


@pytest.mark.parametrize("k", [13, 15, 17, 19, 21, 31])
@pytest.mark.parametrize("mode", ops.PADDING_MODES)
@pytest.mark.parametrize("channels", [1, 3])
def test_large_kernels_at_the_crossovers_all_strategies_agree(k, mode, channels):
    rng = np.random.default_rng(k)
    image = rng.random((70, 90, channels) if channels > 1 else (70, 90)).astype(np.float32)
    kernel = rng.normal(size=(k, k - 2)).astype(np.float32)
    expected = torch_conv(image, kernel, stride=1, pads=ops.resolve_padding("same", kernel.shape), mode=mode,
                          dilation=1)
    for strategy in ("direct", "fft", "lanes"):
        ours = ops.conv2d(image, kernel, padding="same", padding_mode=mode, strategy=strategy)
        assert relative_error(ours, expected) < 1e-5, strategy
        np.testing.assert_allclose(ours, expected, rtol=1e-4, atol=1e-4 * np.abs(expected).max())


def test_rank_one_presets_are_detected_and_others_are_not():
    from explorer import kernels
    for name in ("box_blur", "gaussian_blur", "sobel_x", "sobel_y", "prewitt_x", "scharr_y"):
        column, row = ops.separable_factors(kernels.get_kernel(name))
        np.testing.assert_allclose(np.outer(column, row), kernels.get_kernel(name), atol=1e-6)
    for name in ("laplacian_4", "laplacian_8", "sharpen", "emboss", "outline", "laplacian_of_gaussian"):
        assert ops.separable_factors(kernels.get_kernel(name)) is None, name


@pytest.mark.parametrize("kernel, device, stride, expected", [
    (np.ones((3, 3)), "cpu", 1, "direct"),                          # rank 1 but too small to gain
    (np.outer([1, 2, 1], [1, 0, -1]), "cpu", 1, "direct"),            # Sobel, 3×3
    (np.ones((5, 5)), "cpu", 1, "direct"),
    (np.ones((7, 7)), "cpu", 1, "separable"),
    (np.outer(np.arange(1, 16), np.ones(15)), "cpu", 1, "separable"),
    (np.random.default_rng(0).normal(size=(7, 7)), "cpu", 1, "direct"),
    (np.random.default_rng(0).normal(size=(13, 13)), "cpu", 1, "direct"),
    (np.random.default_rng(0).normal(size=(15, 15)), "cpu", 1, "fft"),
    (np.random.default_rng(0).normal(size=(31, 31)), "cpu", 1, "fft"),
    (np.random.default_rng(0).normal(size=(31, 31)), "cpu", 4, "direct"),   # 961 taps / 16 outputs
    (np.random.default_rng(0).normal(size=(31, 31)), "cuda", 1, "direct"),  # cuDNN is fast at every size
    (np.ones((31, 31)), "cuda", 1, "separable"),
])
def test_strategy_choice(kernel, device, stride, expected):
    assert ops.choose_strategy(kernel, device=device, stride=stride) == expected


@pytest.mark.parametrize("kernel, device, stride, expected", [
    (np.ones((3, 3)), "cpu", 1, "lanes"),
    (np.ones((15, 15)), "cpu", 1, "lanes"),                        # rank 1, but separable is slow on one channel
    (np.random.default_rng(0).normal(size=(19, 19)), "cpu", 1, "lanes"),
    (np.random.default_rng(0).normal(size=(21, 21)), "cpu", 1, "fft"),
    (np.ones((31, 31)), "cpu", 1, "fft"),
    (np.random.default_rng(0).normal(size=(31, 31)), "cpu", 2, "lanes"),   # 961 taps / 4 outputs
    (np.random.default_rng(0).normal(size=(3, 3)), "cuda", 1, "direct"),
])
def test_strategy_choice_for_a_grey_image(kernel, device, stride, expected):
    assert ops.choose_strategy(kernel, device=device, stride=stride, channels=1) == expected


@pytest.fixture(params=lanes.LANE_LAYOUTS, ids=lambda layout: f"{layout[0]}x{layout[1]}")
def lanes_layout(request, monkeypatch):
    """Every layout of the lanes a machine's calibration can choose, one at a time."""
    monkeypatch.setattr(dispatch.IN_FORCE, "crossovers", replace(dispatch.DEFAULT_CROSSOVERS, grey_lanes=request.param))
    return request.param


@pytest.mark.parametrize("width", [8, 9, 15, 16, 17, 40, 47, 64])
@pytest.mark.parametrize("stride", [1, 2, 3])
def test_lanes_at_every_width_and_stride_against_torch(width, stride, lanes_layout):
    """Block edges: widths that are and are not whole blocks, outputs that end inside a block, in every layout."""
    rng = np.random.default_rng(width * 10 + stride)
    image = rng.random((11, width)).astype(np.float32)
    for kernel, dilation, padding in ((rng.normal(size=(3, 3)), 1, 1), (rng.normal(size=(4, 7)), (1, 2), (2, 5)),
                                      (rng.normal(size=(1, 9)), 1, (0, 4)), (rng.normal(size=(5, 1)), 2, 0)):
        kernel = kernel.astype(np.float32)
        pads = ops.resolve_padding(padding, kernel.shape, stride=stride, dilation=dilation)
        dw = dilation if isinstance(dilation, int) else dilation[1]
        if dw * (kernel.shape[1] - 1) + 1 > width + pads[2] + pads[3]:
            continue                                                     # the window does not fit: no output
        ours = ops.conv2d(image, kernel, stride=stride, padding=padding, dilation=dilation, strategy="lanes")
        expected = torch_conv(image, kernel, stride=stride, pads=pads, mode="zeros", dilation=dilation)
        np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("width", range(1, 10))
def test_lanes_one_block_wide_against_torch(width, lanes_layout):
    """An output at most one block wide takes the NCHW path: torch 2.13's channels-last path gives garbage there
    for kernels of 4 rows and more."""
    rng = np.random.default_rng(width)
    image = rng.random((14, width)).astype(np.float32)
    for kernel_shape, dilation in (((4, 1), 1), ((5, 2), (2, 1)), ((4, 2), 2), ((6, 3), 1)):
        kernel = rng.normal(size=kernel_shape).astype(np.float32)
        pads = ops.resolve_padding("same", kernel.shape, stride=1, dilation=dilation)
        ours = ops.conv2d(image, kernel, padding="same", dilation=dilation, strategy="lanes")
        expected = torch_conv(image, kernel, stride=1, pads=pads, mode="zeros", dilation=dilation)
        np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("channels", [2, 3, 4])
def test_colour_through_the_lanes_against_torch(channels, lanes_layout):
    """A colour image's rows as one channel of W·C values (stride 1 across), or plane by plane (stride 2), in every
    layout and padding mode."""
    rng = np.random.default_rng(channels)
    image = rng.random((13, 24, channels), dtype=np.float32)
    for kernel_shape, stride, dilation, padding in (((3, 3), 1, 1, "same"), ((4, 5), (2, 1), (1, 2), (2, 3)),
                                                    ((2, 6), 1, 1, "same"), ((3, 3), (1, 2), 1, 1)):
        kernel = rng.normal(size=kernel_shape).astype(np.float32)
        pads = ops.resolve_padding(padding, kernel.shape, stride=stride, dilation=dilation)
        for mode in ("zeros", "reflect", "circular"):
            ours = ops.conv2d(image, kernel, stride=stride, padding=padding, dilation=dilation, padding_mode=mode,
                              strategy="lanes")
            expected = torch_conv(image, kernel, stride=stride, pads=pads, mode=mode, dilation=dilation)
            np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5, err_msg=f"{kernel_shape} {mode}")


def test_colour_goes_to_the_lanes_only_with_stride_1_across(monkeypatch):
    monkeypatch.setattr(dispatch.IN_FORCE, "crossovers", replace(dispatch.DEFAULT_CROSSOVERS, colour_lanes=True))
    assert strategies.strategy_for(np.ones((3, 3)) + np.eye(3), stride=(2, 1)) == "lanes"
    assert strategies.strategy_for(np.ones((3, 3)) + np.eye(3), stride=(1, 2)) == "direct"


@pytest.mark.parametrize("width,stride,layout,expected", [
    (64, 1, (4, 16), (4, 16)), (64, 3, (2, 8), (2, 8)), (62, 1, (2, 16), (2, 16)),
    (62, 1, (4, 16), (1, 8)),           # not whole blocks of 4
    (64, 1, (1, 8), (1, 8)),
    (12, 1, (4, 16), (1, 8)),           # one output column: the NCHW path
    (64, 3, (4, 16), (4, 16)),          # 16 lanes × stride 3 = 12 blocks of 4
    (64, 1, (4, 2), (1, 8)),            # 2 lanes would step half a block
])
def test_the_lanes_read_blocks_of_pixels_only_where_a_row_is_whole_blocks(width, stride, layout, expected):
    plane = torch.zeros(5, width)
    out_w = width // stride
    assert lanes.lanes_layout(plane, layout, out_w, stride) == expected
    assert lanes.lanes_layout(torch.zeros(5, width + 4)[:, :width], layout, out_w, stride) == (1, 8)


def test_conv2d_uses_the_chosen_strategy(monkeypatch):
    seen = []
    original = strategies.ConvPlan.run
    monkeypatch.setattr(strategies.ConvPlan, "run", lambda plan, x: seen.append(plan.strategy) or original(plan, x))
    image = np.random.default_rng(1).random((40, 40, 3)).astype(np.float32)
    ops.conv2d(image, np.ones((7, 7)) / 49, padding="same", device="cpu")
    ops.conv2d(image, np.random.default_rng(2).normal(size=(17, 17)), padding="same", device="cpu")
    ops.conv2d(image, np.random.default_rng(2).normal(size=(3, 3)), padding="same", device="cpu")
    ops.conv2d(np.zeros((2000, 2000), np.float32), np.random.default_rng(2).normal(size=(3, 3)), padding="same",
               device="cpu")
    assert seen == ["separable", "fft", "direct", "opencv"]
    assert ops.choose_strategy(np.ones((3, 3)), pixels=4_000_000) == "opencv"


def test_a_plan_finds_the_factors_once_and_builds_each_weight_once(monkeypatch):
    svds, weights = [], []
    svd, depthwise = np.linalg.svd, strategies.depthwise
    monkeypatch.setattr(np.linalg, "svd", lambda *a, **k: svds.append(1) or svd(*a, **k))
    monkeypatch.setattr(strategies, "depthwise", lambda *a: weights.append(a[0].shape) or depthwise(*a))
    image = np.random.default_rng(1).random((30, 30, 3)).astype(np.float32)
    gaussian = kernels.get_kernel("gaussian_blur", size=9, sigma=2.0)
    out = ops.conv2d(image, gaussian, padding=4, padding_mode="reflect", device="cpu")
    assert len(svds) == 1 and sorted(weights) == [(1, 9), (9, 1), (9, 9)]   # the 9×9 one patches the borders
    np.testing.assert_allclose(out, reference.conv2d(image, gaussian, padding=4, padding_mode="reflect"), atol=1e-5)


def test_forcing_an_unusable_strategy_is_an_error():
    with pytest.raises(ops.ParamError, match="rank-1"):
        ops.conv2d(np.ones((9, 9)), np.eye(3), strategy="separable")
    with pytest.raises(ops.ParamError, match="direct, separable, fft"):
        ops.conv2d(np.ones((9, 9)), np.eye(3), strategy="winograd")


def test_conv2d_does_not_copy_the_input_or_the_output(monkeypatch):
    """The input is viewed as channels-last (no copy) and the output comes back as a view of torch's buffer."""
    image = np.random.default_rng(4).random((64, 80, 3)).astype(np.float32)
    seen = {}
    to_nchw, to_image = ops.to_nchw, ops.to_image

    def viewing(arr, device):
        seen["x"] = to_nchw(arr, device)
        return seen["x"]

    def returning(y, ndim):
        seen["y"], seen["out"] = y, to_image(y, ndim)
        return seen["out"]

    monkeypatch.setattr(ops, "to_nchw", viewing)
    monkeypatch.setattr(ops, "to_image", returning)
    out = ops.conv2d(image, np.ones((3, 3), np.float32), padding=1, device="cpu")
    assert seen["x"].data_ptr() == image.ctypes.data
    assert seen["x"].is_contiguous(memory_format=torch.channels_last)
    assert out is seen["out"] and out.ctypes.data == seen["y"].data_ptr()
    np.testing.assert_allclose(out, reference.conv2d(image, np.ones((3, 3)), padding=1), atol=1e-5)


def test_combined_kernels_go_to_the_device_once(monkeypatch):
    uploads, downloads = [], []
    to_nchw, to_image = ops.to_nchw, ops.to_image
    monkeypatch.setattr(ops, "to_nchw", lambda *a: uploads.append(1) or to_nchw(*a))
    monkeypatch.setattr(ops, "to_image", lambda *a: downloads.append(1) or to_image(*a))
    gx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], np.float32)
    ops.apply_kernels(np.random.default_rng(0).random((20, 20, 3)), [gx, gx.T], "magnitude", padding=1)
    assert uploads == [1] and downloads == [1]


def test_combined_kernels_must_share_a_shape():
    with pytest.raises(ops.ParamError, match="one shape"):
        ops.apply_kernels(np.ones((9, 9)), [np.ones((3, 3)), np.ones((5, 5))], "magnitude")


@pytest.mark.parametrize("shape", [(1, 1), (1, 3), (3, 1)])
def test_reversed_views_with_a_length_one_axis_are_accepted(shape):
    # NumPy calls these views contiguous although they carry negative strides, which torch refuses
    kernel = np.arange(1, 1 + np.prod(shape), dtype=np.float32).reshape(shape)
    image = np.arange(30, dtype=np.float32).reshape(5, 6)
    expected = F.conv2d(torch.from_numpy(image[::-1, ::-1].copy())[None, None],
                        torch.from_numpy(kernel[::-1, ::-1].copy())[None, None])[0, 0].numpy()
    np.testing.assert_allclose(ops.conv2d(image[::-1, ::-1], kernel[::-1, ::-1]), expected)
    np.testing.assert_allclose(ops.conv2d(image[::-1, ::-1], kernels.flip(kernel)), expected)
    assert ops.conv2d(np.ones((1, 1))[::-1, ::-1], np.ones((1, 1))[::-1, ::-1]).tolist() == [[1.0]]


@pytest.mark.parametrize("strategy", ["direct", "separable", "lanes"])
@pytest.mark.parametrize("channels", [1, 3])
def test_outputs_written_into_numpy_buffers_equal_torchs(monkeypatch, strategy, channels):
    """Large outputs go into NumPy-owned memory (explorer/buffers.py); forced on for small ones here."""
    monkeypatch.setattr(buffers, "MIN_BYTES", 0)
    rng = np.random.default_rng(channels)
    shape = (23, 37, channels) if channels > 1 else (23, 37)
    image = rng.random(shape).astype(np.float32)
    for k, stride, dilation, mode in ((3, 1, 1, "zeros"), (5, 2, 1, "reflect"), (4, 1, 2, "circular")):
        kernel = np.outer(rng.normal(size=k), rng.normal(size=k)).astype(np.float32)   # rank 1: any strategy
        if strategy == "separable" and (stride, dilation) != (1, 1):
            continue
        padding = k // 2 * dilation
        ours = ops.conv2d(image, kernel, stride=stride, padding=padding, padding_mode=mode, dilation=dilation,
                          strategy=strategy, device="cpu")
        pads = ops.resolve_padding(padding, kernel.shape, stride=stride, dilation=dilation)
        expected = torch_conv(image, kernel, stride=stride, pads=pads, mode=mode, dilation=dilation)
        np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5, err_msg=f"{k} {stride} {mode}")


def test_a_numpy_buffer_is_used_and_a_refusal_falls_back(monkeypatch):
    monkeypatch.setattr(buffers, "MIN_BYTES", 0)
    x = torch.from_numpy(np.random.default_rng(5).random((9, 11, 3), dtype=np.float32)).permute(2, 0, 1)[None]
    weight = torch.ones(3, 1, 3, 3)
    into = buffers.conv2d(x, weight, (1, 1), (1, 1), (1, 1), 3)
    plain = F.conv2d(x, weight, padding=1, groups=3)
    assert into.is_contiguous(memory_format=torch.channels_last) and into.shape == plain.shape
    assert into[0].permute(1, 2, 0).numpy().base is not None                      # a view of the NumPy buffer
    np.testing.assert_allclose(into.numpy(), plain.numpy(), rtol=1e-6)

    made = []
    monkeypatch.setattr(buffers, "zeros", lambda shape: made.append(shape) or np.zeros(shape, np.float32))
    buffers.conv2d(x, weight, (1, 1), (1, 1), (1, 1), 3)
    assert made == [(1, 9, 11, 3)]                  # the buffer's pages faulted in by this thread first

    def refuse(*_args):
        raise RuntimeError("not supported here")
    monkeypatch.setattr(buffers, "_INTO", refuse)
    np.testing.assert_allclose(buffers.conv2d(x, weight, (1, 1), (1, 1), (1, 1), 3).numpy(), plain.numpy())
    monkeypatch.setattr(buffers, "_INTO", None)
    np.testing.assert_allclose(buffers.conv2d(x, weight, (1, 1), (1, 1), (1, 1), 3).numpy(), plain.numpy())


@pytest.mark.parametrize("kernel_shape, padding, stride, dilation", [
    ((3, 3), (4, 5), (1, 1), (1, 1)),        # pads past the kernel's anchor: zero rows and columns added first
    ((1, 1), (2, 0), (2, 3), (1, 1)),
    ((2, 4), "same", 1, 1),                  # even: asymmetric pads
    ((3, 2), (2, 1), (3, 2), (2, 3)),        # dilation as zeros between the taps, stride as every s-th output
])
@pytest.mark.parametrize("mode", ops.PADDING_MODES)
@pytest.mark.parametrize("channels", [1, 3, 4])
def test_opencv_path_takes_any_call_as_torch_does(kernel_shape, padding, stride, dilation, mode, channels):
    rng = np.random.default_rng(sum(kernel_shape) + channels)
    image = rng.random((17, 19, channels) if channels > 1 else (17, 19)).astype(np.float32)
    kernel = rng.normal(size=kernel_shape).astype(np.float32)
    args = dict(stride=stride, padding=padding, padding_mode=mode, dilation=dilation)
    ours = ops.conv2d(image, kernel, **args, strategy="opencv", device="cpu")
    pads = ops.resolve_padding(padding, kernel.shape, stride=stride, dilation=dilation)
    expected = torch_conv(image, kernel, stride=stride, pads=pads, mode=mode, dilation=dilation)
    assert ours.shape == expected.shape
    np.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)


def test_opencv_results_in_recycled_buffers_are_never_overwritten_while_held():
    rng = np.random.default_rng(5)
    image = rng.random((3000, 3000), dtype=np.float32)            # 36 MB: a recycled buffer (buffers.MIN_BYTES)
    first = ops.conv2d(image, np.ones((3, 3)), padding=1)
    kept = first.copy()
    second = ops.conv2d(image, -np.ones((3, 3)), padding=1)
    np.testing.assert_array_equal(first, kept)
    np.testing.assert_allclose(second, -kept)
    del first, second
    again = ops.conv2d(image, np.ones((3, 3)), padding=1)
    np.testing.assert_array_equal(again, kept)
