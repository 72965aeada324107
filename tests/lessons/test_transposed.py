"""explorer.transposed: the three readings of a transposed convolution agree with torch."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import ops
from explorer.lessons import sliding, transposed


def torch_transposed(grid, kernel, **kw):
    return F.conv_transpose2d(torch.tensor(grid)[None, None], torch.tensor(kernel)[None, None], **kw)[0, 0].numpy()


def random_settings(seed):
    rng = np.random.default_rng(seed)
    while True:
        s = tuple(int(v) for v in rng.integers(1, 4, 2))
        d = tuple(int(v) for v in rng.integers(1, 3, 2))
        kernel = rng.standard_normal(tuple(rng.integers(1, 5, 2))).astype(np.float32)
        settings = dict(stride=s, dilation=d, padding=tuple(int(v) for v in rng.integers(0, 3, 2)),
                        output_padding=tuple(int(rng.integers(0, max(a, b))) for a, b in zip(s, d)))
        grid = rng.standard_normal(tuple(rng.integers(1, 6, 2))).astype(np.float32)
        sizes = [ops.transposed_output_size(grid.shape[i], kernel.shape[i], s[i], settings["padding"][i],
                                            settings["output_padding"][i], d[i]) for i in range(2)]
        if min(sizes) >= 1:
            return grid, kernel, settings


@pytest.mark.parametrize("seed", range(60))
def test_zero_insertion_and_the_transposed_matrix_equal_torch_on_random_sizes(seed):
    grid, kernel, settings = random_settings(seed)
    expected = torch_transposed(grid, kernel, **settings)
    np.testing.assert_allclose(ops.conv_transpose2d(grid, kernel, **settings, device="cpu"), expected, atol=1e-5)
    np.testing.assert_allclose(transposed.via_zero_insertion(grid, kernel, **settings), expected, atol=1e-5)
    matrix, result = transposed.via_matrix(grid, kernel, **settings)
    np.testing.assert_allclose(result, expected, atol=1e-5)
    assert matrix.shape == (grid.size, expected.size)


@pytest.mark.parametrize("seed", range(20))
def test_conv_matrix_times_an_image_is_conv2d(seed):
    rng = np.random.default_rng(100 + seed)
    image = rng.standard_normal(tuple(rng.integers(4, 9, 2))).astype(np.float32)
    kernel = rng.standard_normal(tuple(rng.integers(1, 4, 2))).astype(np.float32)
    kw = dict(stride=int(rng.integers(1, 3)), padding=int(rng.integers(0, 2)), dilation=int(rng.integers(1, 3)))
    expected = F.conv2d(torch.tensor(image)[None, None], torch.tensor(kernel)[None, None], **kw)[0, 0].numpy()
    matrix = transposed.conv_matrix(image.shape, kernel, **kw)
    np.testing.assert_allclose((matrix @ image.ravel()).reshape(expected.shape), expected, atol=1e-5)


def test_the_textbook_example_4x4_input_3x3_kernel_gives_a_4x16_matrix():
    kernel = np.arange(1, 10, dtype=np.float32).reshape(3, 3)
    matrix = transposed.conv_matrix((4, 4), kernel)
    assert matrix.shape == (4, 16)
    np.testing.assert_array_equal(matrix[0], [1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(matrix[3], [0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9])
    same, result = transposed.via_matrix(np.ones((2, 2), np.float32), kernel)
    np.testing.assert_array_equal(same, matrix)
    assert result.shape == (4, 4)


def test_zero_insertion_puts_stride_minus_one_zeros_between_cells_and_pads_around():
    stuffed = transposed.zero_inserted(np.array([[1, 2], [3, 4]], np.float32), (3, 3), stride=2, padding=1)
    # (2−1)·2+1 = 3 cells, plus d·(k−1)−p = 1 zero each side
    np.testing.assert_array_equal(stuffed, [[0, 0, 0, 0, 0], [0, 1, 0, 2, 0], [0, 0, 0, 0, 0],
                                            [0, 3, 0, 4, 0], [0, 0, 0, 0, 0]])
    cropped = transposed.zero_inserted(np.ones((4, 4), np.float32), (2, 2), stride=1, padding=2)
    assert cropped.shape == (2, 2)    # padding beyond d·(k−1) crops


@pytest.mark.parametrize("stride", [2, 3, 4])
@pytest.mark.parametrize("kind", transposed.UPSAMPLE_KERNELS)
def test_upsampling_kernels_enlarge_exactly_stride_times(kind, stride):
    kernel = transposed.upsample_kernel(kind, stride, seed=5)
    image = np.random.default_rng(0).random((13, 17, 3), dtype=np.float32)
    padding, output_padding = transposed.upsample_padding(kernel.shape[0], stride, 13)
    out = ops.conv_transpose2d(image, kernel, stride=stride, padding=padding, output_padding=output_padding)
    assert out.shape[:2] == (13 * stride, transposed_side(17, kernel.shape[0], stride, padding))
    assert kernel.sum() == pytest.approx(stride * stride, rel=1e-5)   # a flat image keeps its brightness


def transposed_side(n, k, s, p):
    _, op = transposed.upsample_padding(k, s, n)
    return ops.transposed_output_size(n, k, s, p, op)


def test_bilinear_kernel_matches_bilinear_resizing_away_from_the_border():
    image = np.random.default_rng(2).random((20, 24), dtype=np.float32)
    kernel = transposed.upsample_kernel("bilinear", 2)
    up = ops.conv_transpose2d(image, kernel, stride=2, padding=1)
    resized = ops.resize(image, 2, "bilinear")
    np.testing.assert_allclose(up[1:-1, 1:-1], resized[1:-1, 1:-1], atol=1e-6)
    box = ops.conv_transpose2d(image, transposed.upsample_kernel("box", 3), stride=3)
    np.testing.assert_array_equal(box, ops.resize(image, 3, "nearest"))


def test_resize_equals_torch_interpolate():
    image = np.random.default_rng(3).random((9, 11, 3), dtype=np.float32)
    x = torch.from_numpy(image).permute(2, 0, 1)[None]
    for mode in ops.RESIZE_MODES:
        extra = {"align_corners": False} if mode == "bilinear" else {}
        expected = F.interpolate(x, scale_factor=3, mode=mode, **extra)[0].permute(1, 2, 0).numpy()
        np.testing.assert_allclose(ops.resize(image, 3, mode), expected, atol=1e-6)
    with pytest.raises(ops.ParamError, match="nearest, bilinear"):
        ops.resize(image, 2, "cubic")


def test_unknown_upsampling_kernel_is_a_clear_error():
    with pytest.raises(ops.ParamError, match="bilinear, box, random"):
        transposed.upsample_kernel("lanczos", 2)


@pytest.mark.parametrize("k, s, even", [(3, 2, False), (4, 2, True), (5, 3, False), (6, 3, True), (2, 2, True)])
def test_overlap_is_even_exactly_when_the_kernel_size_is_a_multiple_of_the_stride(k, s, even):
    counts = transposed.overlap_counts((8, 8), (k, k), s)
    interior = counts[k:-k, k:-k]
    assert (interior.min() == interior.max()) == even
    transposed_out, resized = transposed.checkerboard_pair(np.full((12, 12), 0.5, np.float32), k, s)
    core = transposed_out[k:-k, k:-k]
    assert (np.ptp(core) < 1e-6) == even
    np.testing.assert_allclose(resized, 0.5, atol=1e-6)    # resize-then-convolve: no artifact anywhere


@pytest.mark.parametrize("seed", range(15))
def test_three_ways_agree_and_mark_where_the_inputs_sit(seed):
    grid, kernel, settings = random_settings(200 + seed)
    ways = transposed.three_ways(grid, kernel, **settings)
    assert ways.largest_difference < 1e-4
    np.testing.assert_allclose(ways.stamps, torch_transposed(grid, kernel, **settings), atol=1e-5)
    values = sorted(float(ways.stuffed[r, c]) for r, c in ways.input_cells)
    if len(ways.input_cells) == grid.size:     # nothing cropped away by a large padding
        assert values == sorted(grid.ravel().tolist())
        assert np.count_nonzero(ways.stuffed) == np.count_nonzero(grid)


def test_a_wrong_third_way_would_be_noticed():
    ways = transposed.three_ways(np.ones((2, 2), np.float32), np.arange(9, dtype=np.float32).reshape(3, 3))
    broken = transposed.ThreeWays(ways.stamps, ways.stuffed, ways.input_cells, ways.via_zeros, ways.matrix,
                                  ways.via_matrix + np.eye(4))
    assert broken.largest_difference == 1.0


def test_grid_kernels():
    assert transposed.grid_kernel("integers", 3, 1, seed=2).shape == (3, 3)
    assert set(np.unique(transposed.grid_kernel("integers", 4, 1, seed=2))) <= {-1, 0, 1, 2}
    assert transposed.grid_kernel("bilinear", 9, 2).sum() == pytest.approx(1.0)
    with pytest.raises(ops.ParamError, match="integers, ones, bilinear"):
        transposed.grid_kernel("gauss", 3, 1)


def test_border_difference_ignores_the_border_and_mismatched_shapes():
    a, b = np.zeros((8, 8)), np.zeros((8, 8))
    b[0, 0], b[4, 4] = 5, 0.25
    assert transposed.border_difference_free(a, b, 2) == 0.25
    assert transposed.border_difference_free(a, np.zeros((8, 9)), 2) is None
    assert transposed.border_difference_free(a, b, 4) is None


@pytest.mark.parametrize("n, k, s, p, op, d", [(4, 3, 2, 1, 1, 1), (5, 2, 3, 0, 2, 1), (3, 3, 1, 2, 0, 2)])
def test_transposed_formula_ends_with_the_size_torch_gives(n, k, s, p, op, d):
    out = F.conv_transpose2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, k, k), stride=s, padding=p,
                             output_padding=op, dilation=d).shape[-1]
    assert ops.transposed_output_formula(n, k, s, p, op, d).endswith(f"= {out}")


@pytest.mark.parametrize("stride, padding", [(1, 0), (1, 1), (2, 1), (2, 0)])
def test_transposed_after_conv_restores_the_shape_not_the_values(stride, padding):
    grid = np.random.default_rng(stride + padding).integers(0, 10, (5, 5)).astype(np.float32)
    kernel = np.array([[1, 0, -1], [2, 1, 0], [0, 1, 1]], np.float32)
    trip = transposed.round_trip(grid, kernel, stride=stride, padding=padding)
    assert trip.back.shape == grid.shape
    assert np.abs(trip.difference).max() > 1
    x = torch.from_numpy(grid)[None, None]
    k = torch.from_numpy(kernel)[None, None]
    down = F.conv2d(x, k, stride=stride, padding=padding)
    back = F.conv_transpose2d(down, k, stride=stride, padding=padding, output_padding=trip.output_padding)
    np.testing.assert_allclose(trip.back, back[0, 0].numpy(), atol=1e-4)


def test_unpooling_puts_maxima_back_and_interpolation_copies_them():
    grid = sliding.generate_grid("random", 4, 4, 3)
    found = transposed.unpooling(grid)
    x = torch.from_numpy(grid)[None, None]
    pooled = F.max_pool2d(x, 2)[0, 0].numpy()
    np.testing.assert_array_equal(found.pooled, pooled)
    kept = found.unpooled != 0
    np.testing.assert_array_equal(found.unpooled[kept], grid[kept])          # each maximum in its own place
    assert np.count_nonzero(kept) <= 4 and sorted(found.unpooled[kept]) == sorted(pooled[pooled != 0].ravel())
    np.testing.assert_array_equal(found.nearest, np.kron(pooled, np.ones((2, 2))))
    np.testing.assert_array_equal(found.stamped, found.nearest)
