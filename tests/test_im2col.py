"""explorer.im2col against F.unfold / F.fold and torch autograd."""
import cv2
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import geometry, im2col, ops, reference


def random_case(seed):
    rng = np.random.default_rng(seed)
    n, c = int(rng.integers(1, 3)), int(rng.integers(1, 4))
    h, w = (int(v) for v in rng.integers(3, 10, 2))
    fh, fw = (int(v) for v in rng.integers(1, 4, 2))
    stride, pad = int(rng.integers(1, 3)), int(rng.integers(0, 2))
    return rng.standard_normal((n, c, h, w)), fh, fw, stride, pad


@pytest.mark.parametrize("seed", range(40))
def test_im2col_is_unfold_transposed_and_col2im_is_fold(seed):
    x, fh, fw, stride, pad = random_case(seed)
    n, c = x.shape[:2]
    col = im2col.im2col(x, fh, fw, stride, pad)
    unfold = F.unfold(torch.from_numpy(x), (fh, fw), stride=stride, padding=pad)   # (N, C·fh·fw, L)
    np.testing.assert_allclose(col, unfold.transpose(1, 2).reshape(-1, c * fh * fw).numpy(), atol=1e-12)
    rows = np.random.default_rng(seed).standard_normal(col.shape)
    folded = F.fold(torch.from_numpy(rows).reshape(n, -1, c * fh * fw).transpose(1, 2), x.shape[2:], (fh, fw),
                    stride=stride, padding=pad)
    np.testing.assert_allclose(im2col.col2im(rows, x.shape, fh, fw, stride, pad), folded.numpy(), atol=1e-12)
    # adjoint: <im2col(x), r> == <x, col2im(r)>
    assert np.vdot(col, rows) == pytest.approx(np.vdot(x, im2col.col2im(rows, x.shape, fh, fw, stride, pad)))


@pytest.mark.parametrize("seed", range(25))
def test_forward_and_backward_equal_torch_autograd(seed):
    x, fh, _, stride, pad = random_case(100 + seed)
    rng = np.random.default_rng(seed)
    fn = int(rng.integers(1, 4))
    weight = rng.standard_normal((fn, x.shape[1], fh, fh))
    bias = rng.standard_normal(fn)
    try:
        forward = im2col.conv_forward(x, weight, bias, stride, pad)
    except ops.ParamError:
        pytest.skip("window larger than the padded input")
    dout = rng.standard_normal(forward.out.shape)
    gaps = im2col.torch_gaps(x, weight, bias, dout, stride, pad)
    assert max(gaps.values()) < 1e-10
    tx = torch.from_numpy(x).requires_grad_()
    expected = F.conv2d(tx, torch.from_numpy(weight), torch.from_numpy(bias), stride=stride, padding=pad)
    np.testing.assert_allclose(forward.out, expected.detach().numpy(), atol=1e-10)
    dx, dw, db = im2col.conv_backward(dout, x.shape, weight, forward, stride, pad)
    assert dx.shape == x.shape and dw.shape == weight.shape and db.shape == bias.shape


def test_a_wrong_gradient_is_caught(monkeypatch):
    x, weight, bias = im2col.example(2, 5, 2, 3)
    dout = im2col.upstream_gradient((1, 2, 3, 3))
    assert max(im2col.torch_gaps(x, weight, bias, dout).values()) == 0
    monkeypatch.setattr(im2col, "col2im", lambda col, shape, *args: np.zeros(shape))
    gaps = im2col.torch_gaps(x, weight, bias, dout)
    assert gaps["dx"] > 1 and gaps["dw"] == 0 and gaps["out"] == 0


def test_rows_windows_and_labels_line_up():
    x, weight, bias = im2col.example(2, 5, 1, 3, seed=3)
    forward = im2col.conv_forward(x, weight, bias)
    for row in range(9):
        r0, c0, r1, c1 = geometry.window_box(*divmod(row, 3), (3, 3), clip_to=(5, 5))
        np.testing.assert_array_equal(forward.col[row], x[0, :, r0:r1 + 1, c0:c1 + 1].ravel())
        text = im2col.row_sum_text(forward, bias, row)
        assert text.endswith(f"= {forward.product[row, 0]:g}")
    assert geometry.window_box(0, 0, (3, 3), stride=2, pads=(1,) * 4, clip_to=(5, 5)) == (0, 0, 1, 1)   # clipped
    assert im2col.column_labels(3, 2, 2, "RGB")[:5] == ["R·0,0", "R·0,1", "R·1,0", "R·1,1", "G·0,0"]
    assert im2col.column_labels(2, 1, 1) == ["1·0,0", "2·0,0"]


def test_matrix_bytes_matches_the_matrix_it_describes():
    x = np.zeros((1, 3, 20, 30), np.float32)
    assert im2col.matrix_bytes(1, 3, 20, 30, 5, 5, stride=2, pad=2) == im2col.im2col(x, 5, 5, 2, 2).nbytes


def test_measured_methods_compute_the_same_convolution():
    image = np.random.default_rng(0).random((40, 50), dtype=np.float32)
    kernel = np.random.default_rng(1).standard_normal((3, 3)).astype(np.float32)
    gemm = (im2col.im2col(image[None, None], 3, 3, 1, 1) @ kernel.reshape(-1)).reshape(40, 50)
    np.testing.assert_allclose(gemm, ops.conv2d(image, kernel, padding=1), atol=1e-5)
    np.testing.assert_allclose(cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_CONSTANT), gemm, atol=1e-5)
    np.testing.assert_allclose(reference.conv2d(image, kernel, padding=1), gemm, atol=1e-5)
    costs = im2col.measure_costs(image, kernel, crop=16, repeat=1)
    assert [c.method for c in costs] == list(im2col.COST_METHODS)
    assert all(c.seconds > 0 for c in costs) and costs[0].measured_on == (16, 16)


def test_bad_sizes_are_clear_errors():
    with pytest.raises(ops.ParamError, match="padded image is only"):
        im2col.im2col(np.zeros((1, 1, 2, 2)), 3, 3)


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("seed, size, stride", [(0, 2, 2), (1, 3, 1), (2, 2, 1), (3, 3, 2)])
def test_pooling_as_im2col_and_its_backward_equal_torch_autograd(mode, seed, size, stride):
    """Integer inputs have ties in their windows: the gradient still goes where torch sends it."""
    x = im2col.example(3, 7, 1, 3, seed=seed, batch=4)[0]
    forward = im2col.pool_forward(x, size, size, stride, mode)
    dout = im2col.upstream_gradient(forward.out.shape, seed)
    tx = torch.from_numpy(x).requires_grad_()
    out = (F.max_pool2d if mode == "max" else F.avg_pool2d)(tx, size, stride)
    out.backward(torch.from_numpy(dout))
    np.testing.assert_array_equal(forward.out, out.detach().numpy())
    np.testing.assert_allclose(im2col.pool_backward(dout, x.shape, forward, size, size, stride, mode),
                               tx.grad.numpy(), atol=1e-12)
    assert forward.col.shape == (4 * out.shape[2] * out.shape[3] * 3, size * size)


def test_the_notes_batch_shapes():
    assert im2col.im2col(im2col.example(3, 7, 1, 5)[0], 5, 5).shape == (9, 75)
    assert im2col.im2col(im2col.example(3, 7, 1, 5, batch=10)[0], 5, 5).shape == (90, 75)
    x, weight, bias = im2col.example(3, 7, 2, 5, batch=10)
    out = im2col.conv_forward(x, weight, bias).out
    np.testing.assert_allclose(out, F.conv2d(torch.from_numpy(x), torch.from_numpy(weight),
                                             torch.from_numpy(bias)).numpy())


def test_the_cost_table_times_every_way_on_one_thread_and_gives_the_threads_back(monkeypatch):
    """Like with like: on a shared server a two-thread call waited for a busy core (12–16 ms against 0.2)."""
    import cv2
    import torch

    from explorer import im2col as module
    seen = []
    real = module.ops.conv2d

    def recording(*args, **kwargs):
        seen.append((torch.get_num_threads(), cv2.getNumThreads()))
        return real(*args, **kwargs)

    monkeypatch.setattr(module.ops, "conv2d", recording)
    before = (torch.get_num_threads(), cv2.getNumThreads())
    costs = module.measure_costs(np.random.default_rng(0).random((40, 50), np.float32), np.ones((3, 3), np.float32),
                                 crop=8, repeat=2)
    assert [c.method for c in costs] == ["loops", "im2col", "ops", "opencv"]
    assert seen and set(seen) == {(1, 1)}
    assert (torch.get_num_threads(), cv2.getNumThreads()) == before


@pytest.mark.parametrize("side, k, stride, pad", [(5, 3, 1, 0), (5, 3, 1, 1), (7, 5, 2, 2), (6, 2, 2, 0)])
def test_window_counts_are_torchs_fold_of_ones(side, k, stride, pad):
    """How many windows read each pixel: col2im of ones equals torch's fold of ones (its adjoint of unfold)."""
    import torch
    import torch.nn.functional as F
    positions = ((side + 2 * pad - k) // stride + 1) ** 2
    expected = F.fold(torch.ones(1, k * k, positions, dtype=torch.float64), (side, side), k, padding=pad,
                      stride=stride)[0, 0].numpy()
    np.testing.assert_array_equal(im2col.window_counts(side, k, stride, pad), expected)


@pytest.mark.parametrize("name, col_shape, out_shape", [
    ("notes_one", (9, 75), (1, 1, 3, 3)), ("notes_batch", (90, 75), (10, 1, 3, 3)),
    ("cs231n", (9, 27), (1, 2, 3, 3))])
def test_the_one_click_examples_give_the_notes_shapes_and_torchs_output(name, col_shape, out_shape):
    import torch
    import torch.nn.functional as F
    n, c, side, k, fn, stride, pad = im2col.EXAMPLES[name]
    x, weight, bias = im2col.example(c, side, fn, k, seed=0, batch=n)
    forward = im2col.conv_forward(x, weight, bias, stride, pad)
    assert forward.col.shape == col_shape and forward.out.shape == out_shape
    expected = F.conv2d(torch.from_numpy(x), torch.from_numpy(weight), torch.from_numpy(bias), stride, pad)
    np.testing.assert_allclose(forward.out, expected.numpy())
