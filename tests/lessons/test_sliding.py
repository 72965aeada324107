"""The sliding-window steps against explorer.ops, and the code box that reproduces them."""
import re

import numpy as np
import pytest

from explorer import imaging, ops
from explorer.lessons import sliding, snippets


def last_number(text: str) -> float:
    return float(re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text.split("=")[-1])[0])


def random_settings(rng, mode):
    kernel = rng.integers(-3, 4, (int(rng.integers(1, 4)), int(rng.integers(1, 4)))).astype(np.float32)
    # at least as large as a dilated kernel (5), so every drawn setting is valid
    rows, cols = int(rng.integers(5, 17)), int(rng.integers(5, 17))
    grid = rng.integers(0, 10, (rows, cols)).astype(np.float32)
    if mode in ("max_pool", "avg_pool"):
        pool = int(rng.integers(1, 4))
        return grid, kernel, dict(stride=int(rng.integers(1, 4)), padding=int(rng.integers(0, pool // 2 + 1)),
                                  pool_size=pool)
    args = dict(stride=int(rng.integers(1, 3)), dilation=int(rng.integers(1, 3)), padding=int(rng.integers(0, 3)))
    if mode == "transposed":
        args["padding"] = min(args["padding"], (kernel.shape[0] - 1) * args["dilation"] // 2)
        args["padding"] = min(args["padding"], (kernel.shape[1] - 1) * args["dilation"] // 2)
    else:
        args["padding_mode"] = ops.PADDING_MODES[int(rng.integers(0, 4))]
        args["padding"] = min(args["padding"], rows - 1, cols - 1)
    return grid, kernel, args


@pytest.mark.parametrize("mode", sliding.MODES)
@pytest.mark.parametrize("case", range(12))
def test_frames_match_positions_and_every_printed_sum_matches_ops(mode, case):
    rng = np.random.default_rng(100 * case + sliding.MODES.index(mode))
    grid, kernel, args = random_settings(rng, mode)
    run = sliding.build_run(grid, kernel, mode, **args)
    if mode == "transposed":
        assert len(run.steps) == grid.size                       # one frame per input cell
        expected = ops.conv_transpose2d(grid, kernel, stride=args["stride"], padding=args["padding"],
                                        dilation=args["dilation"])
        p = args["padding"]
        final = run.partial[-1][p:run.partial[-1].shape[0] - p, p:run.partial[-1].shape[1] - p]
        np.testing.assert_allclose(final, expected, rtol=1e-5, atol=1e-4)
        assert run.agrees_with_output()
        for step in run.steps:
            stamped = [float(v) for v in step.text.split("= [")[1].rstrip("]").split(", ")]
            np.testing.assert_allclose(stamped, grid[step.cell] * kernel.ravel(), rtol=1e-4, atol=1e-4)
        return
    assert len(run.steps) == run.output.size                     # one frame per output cell
    if mode in ("correlation", "convolution"):
        applied = kernel[::-1, ::-1] if mode == "convolution" else kernel
        expected = ops.conv2d(grid, applied, stride=args["stride"], padding=args["padding"],
                              padding_mode=args["padding_mode"], dilation=args["dilation"])
    else:
        expected = ops.pool2d(grid, "max" if mode == "max_pool" else "avg", args["pool_size"],
                              stride=args["stride"], padding=args["padding"])
    np.testing.assert_array_equal(run.output, expected)
    seen = set()
    for step in run.steps:
        seen.add(step.cell)
        assert step.value == pytest.approx(float(expected[step.cell]), rel=1e-5, abs=1e-4)
        assert last_number(step.text) == pytest.approx(float(expected[step.cell]), rel=1e-3, abs=1e-3)
    assert len(seen) == expected.size
    assert run.agrees_with_output()
    run.output = run.output + 1          # a wrong output must be noticed
    assert not run.agrees_with_output()


def test_seed_example_third_step_shows_the_whole_sum():
    grid = np.array([[3, 4, 6, 5, 7], [2, 4, 6, 8, 2], [1, 6, 7, 8, 4], [9, 7, 4, 6, 2], [3, 7, 5, 4, 1]],
                    np.float32)
    run = sliding.build_run(grid, np.arange(1, 10).reshape(3, 3), "correlation", padding=1)
    assert run.steps[6].text == "3×1 + 4×2 + 6×3 + 2×4 + 4×5 + 6×6 + 1×7 + 6×8 + 7×9 = 211"
    assert run.formulas[0] == "⌊(5 + 2·1 − 3)/1⌋ + 1 = 5"


def test_padding_cells_hold_what_each_mode_puts_there():
    grid = np.arange(9, dtype=np.float32).reshape(3, 3)
    k = np.ones((3, 3))
    assert sliding.build_run(grid, k, "correlation", padding=1, padding_mode="zeros").padded[0, 0] == 0
    assert sliding.build_run(grid, k, "correlation", padding=1, padding_mode="replicate").padded[0, 0] == 0
    assert sliding.build_run(grid, k, "correlation", padding=1, padding_mode="reflect").padded[0, 0] == 4
    assert sliding.build_run(grid, k, "correlation", padding=1, padding_mode="circular").padded[0, 0] == 8
    run = sliding.build_run(grid, k, "max_pool", padding=1, pool_size=3, stride=1)
    assert np.isnan(run.padded[0, 0]) and run.is_padding[0, 0] and not run.is_padding[1, 1]


def test_convolution_mode_flips_and_dilation_leaves_holes():
    k = np.arange(1, 5, dtype=np.float32).reshape(2, 2)
    run = sliding.build_run(np.ones((5, 5)), k, "convolution", dilation=2)
    np.testing.assert_array_equal(run.kernel, [[4, 3], [2, 1]])
    assert run.dilated.shape == (3, 3) and np.isnan(run.dilated[1, 1]) and run.dilated[2, 2] == 1


@pytest.mark.parametrize("kind", sliding.GENERATORS)
def test_generators_and_their_limits(kind):
    grid = sliding.generate_grid(kind, 5, 7, seed=3)
    assert grid.shape == (5, 7) and grid.dtype == np.float32 and grid.max() > 0
    with pytest.raises(sliding.GridError, match="2 to 16"):
        sliding.generate_grid(kind, 1, 7)
    with pytest.raises(sliding.GridError, match="2 to 16"):
        sliding.generate_grid(kind, 5, 17)


def test_crop_grid_averages_a_region_of_the_image():
    image = np.zeros((100, 200, 3), np.float32)
    image[:, 100:] = 1.0
    grid = sliding.crop_grid(image, (0.5, 0.5, 1.0), 4, 4, scale=255)
    assert grid.shape == (4, 4)
    assert grid[:, 0].max() == 0 and grid[:, -1].min() == 255
    assert sliding.crop_grid(image, (1.0, 0, 0.5), 3, 3, scale=1).max() == 1.0


@pytest.mark.parametrize("box", [(0.5, 0.4, 0.25), (0.0, 1.0, 0.02), (1.0, 0.0, 1.0)])
def test_crop_grid_of_eight_bit_pixels_equals_the_grid_of_their_floats(box):
    """The current image keeps an 8-bit photo's bytes; only the region is made floats."""
    pixels = np.random.default_rng(1).integers(0, 256, (300, 451, 3), dtype=np.uint8)
    for scale in (255, 1):
        expected = sliding.crop_grid(imaging.to_float(pixels), box, 7, 5, scale)
        np.testing.assert_array_equal(sliding.crop_grid(pixels, box, 7, 5, scale), expected)


def test_typed_grids_are_parsed_with_cell_messages():
    np.testing.assert_array_equal(sliding.parse_grid([["1", "2", "3"]] * 3), [[1, 2, 3]] * 3)
    with pytest.raises(ValueError, match="Row 2, column 1"):
        sliding.parse_grid([["1", "2", "3"], ["x", "2", "3"], ["1", "2", "3"]])
    with pytest.raises(sliding.GridError, match="2 to 16"):
        sliding.parse_grid([["1", "2"]])


def test_kernel_too_big_for_the_grid_is_a_clear_error():
    with pytest.raises(ops.ParamError, match="padded image is only"):
        sliding.build_run(np.ones((3, 3)), np.ones((7, 7)), "correlation")


@pytest.mark.parametrize("mode", sliding.MODES)
def test_torch_code_reproduces_the_run(mode):
    import torch
    grid = sliding.generate_grid("random", 6, 7, seed=2)
    kernel = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], np.float32)
    padding = 1
    padding_mode = "reflect" if mode in ("correlation", "convolution") else "zeros"
    run = sliding.build_run(grid, kernel, mode, padding=padding, padding_mode=padding_mode, stride=1,
                            pool_size=3)
    scope = {}
    exec(snippets.sliding_window(run, padding, padding_mode).replace("print(y[0, 0])", ""), scope)
    np.testing.assert_allclose(scope["y"][0, 0].numpy(), run.output, rtol=1e-5, atol=1e-5)
    del torch


def test_an_output_beyond_float32_is_an_overflow_not_a_mismatch():
    run = sliding.build_run(np.full((3, 3), 9, np.float32), np.full((3, 3), 1e38, np.float32), "correlation")
    assert np.isinf(run.output).all() and run.overflows()
    assert not run.agrees_with_output()                  # 8.1e39 by hand: float32 cannot hold it
    assert not sliding.build_run(np.ones((3, 3), np.float32), np.ones((3, 3)), "correlation").overflows()
