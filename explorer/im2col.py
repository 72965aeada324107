"""im2col: a convolution as one matrix product, forward and backward, in NumPy.

The layout follows the seed notes (and ``F.unfold``): the input is
``(N, C, H, W)``; :func:`im2col` returns ``(N·out_h·out_w, C·filter_h·filter_w)``,
one row per output position in output order, columns ordered
``(C, filter_h, filter_w)``. :func:`col2im` is its adjoint: entries that
overlapping windows share are added up, as ``F.fold`` does.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import cv2
import numpy as np

from explorer import ops, reference
from explorer.device import torch_threads
from explorer.geometry import ParamError, output_size
from explorer.numtext import format_number, product_terms
from explorer.timing import median_ms


def _out_size(n: int, k: int, stride: int, pad: int) -> int:
    out = output_size(n, k, stride, pad)
    if out < 1:
        raise ParamError("err.kernel_too_big", kh=k, kw=k, h=n + 2 * pad, w=n + 2 * pad)
    return out


def im2col(input_data: np.ndarray, filter_h: int, filter_w: int, stride: int = 1, pad: int = 0) -> np.ndarray:
    """Every window of a zero-padded batch as one row.

    Args:
        input_data: ``(N, C, H, W)``.
        filter_h, filter_w: window size. stride, pad: as ``F.conv2d`` (zero padding).

    Returns:
        ``(N·out_h·out_w, C·filter_h·filter_w)``; ``im2col(x, …)`` equals
        ``F.unfold(x, …).transpose(1, 2).reshape(-1, C·filter_h·filter_w)``.

    Example:
        >>> im2col(np.arange(16.).reshape(1, 1, 4, 4), 3, 3).shape
        (4, 9)
    """
    x = np.asarray(input_data)
    n, c, h, w = x.shape
    out_h, out_w = _out_size(h, filter_h, stride, pad), _out_size(w, filter_w, stride, pad)
    padded = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    col = np.zeros((n, c, filter_h, filter_w, out_h, out_w), dtype=x.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for xx in range(filter_w):
            x_max = xx + stride * out_w
            col[:, :, y, xx, :, :] = padded[:, :, y:y_max:stride, xx:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(n * out_h * out_w, -1)


def col2im(col: np.ndarray, input_shape: tuple[int, int, int, int], filter_h: int, filter_w: int,
           stride: int = 1, pad: int = 0) -> np.ndarray:
    """The adjoint of :func:`im2col`: rows back into an ``input_shape`` batch, overlaps added.

    Example:
        >>> col2im(np.ones((4, 9)), (1, 1, 4, 4), 3, 3)[0, 0, 1].tolist()
        [2.0, 4.0, 4.0, 2.0]
    """
    n, c, h, w = input_shape
    out_h, out_w = _out_size(h, filter_h, stride, pad), _out_size(w, filter_w, stride, pad)
    col = np.asarray(col).reshape(n, out_h, out_w, c, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for xx in range(filter_w):
            x_max = xx + stride * out_w
            img[:, :, y:y_max:stride, xx:x_max:stride] += col[:, :, y, xx, :, :]
    return img[:, :, pad:h + pad, pad:w + pad]


def window_counts(side: int, k: int, stride: int = 1, pad: int = 0) -> np.ndarray:
    """How many windows read each pixel of a ``side × side`` input: :func:`col2im` of a matrix of ones. Without
    padding a corner is read once and the centre k·k times; padding gives the border more windows.

    Example:
        >>> window_counts(4, 3)[0].tolist(), window_counts(4, 3, pad=1)[0].tolist()
        ([1.0, 2.0, 2.0, 1.0], [4.0, 6.0, 6.0, 4.0])
    """
    rows = _out_size(side, k, stride, pad) ** 2
    return col2im(np.ones((rows, k * k)), (1, 1, side, side), k, k, stride, pad)[0, 0]


EXAMPLES = {   # the notes' batches and CS231n's demo, one click each: (N, C, side, k, FN, stride, pad)
    "notes_one": (1, 3, 7, 5, 1, 1, 0),         # (1, 3, 7, 7) with 5×5 → col (9, 75)
    "notes_batch": (10, 3, 7, 5, 1, 1, 0),      # (10, 3, 7, 7) with 5×5 → col (90, 75)
    "cs231n": (1, 3, 5, 3, 2, 2, 1),           # 5×5×3, two 3×3 filters, stride 2, padding 1 → 3×3×2
}


@dataclass
class Forward:
    """What the forward pass keeps for the backward pass (the seed's Convolution layer)."""
    out: np.ndarray      # (N, FN, out_h, out_w)
    col: np.ndarray      # im2col of the input
    col_w: np.ndarray    # the weights as a (C·fh·fw, FN) matrix
    product: np.ndarray  # col · col_w + b, (N·out_h·out_w, FN), before the reshape


def conv_forward(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, stride: int = 1, pad: int = 0) -> Forward:
    """``F.conv2d`` as im2col, one matrix product and a reshape.

    Args:
        x: ``(N, C, H, W)``. weight: ``(FN, C, fh, fw)``. bias: ``(FN,)``.

    Example:
        >>> conv_forward(np.ones((1, 2, 4, 4)), np.ones((3, 2, 3, 3)), np.zeros(3)).out.shape
        (1, 3, 2, 2)
    """
    fn, _, fh, fw = weight.shape
    n, _, h, w = x.shape
    out_h, out_w = _out_size(h, fh, stride, pad), _out_size(w, fw, stride, pad)
    col = im2col(x, fh, fw, stride, pad)
    col_w = weight.reshape(fn, -1).T
    product = col @ col_w + bias
    return Forward(product.reshape(n, out_h, out_w, -1).transpose(0, 3, 1, 2), col, col_w, product)


def conv_backward(dout: np.ndarray, x_shape: tuple[int, int, int, int], weight: np.ndarray, forward: Forward,
                  stride: int = 1, pad: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients ``(dx, dW, db)`` from ``dout`` ``(N, FN, out_h, out_w)``.

    ``dW = colᵀ · dout`` and ``dx = col2im(dout · Wᵀ)``, as the seed's Convolution.backward.
    """
    fn, c, fh, fw = weight.shape
    flat = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
    db = flat.sum(axis=0)
    dw = (forward.col.T @ flat).T.reshape(fn, c, fh, fw)
    dx = col2im(flat @ forward.col_w.T, x_shape, fh, fw, stride, pad)
    return dx, dw, db


def column_labels(channels: int, filter_h: int, filter_w: int, names: str = "") -> list[str]:
    """Column names in im2col order, e.g. ``R·0,1`` (channel, row, column of the window)."""
    return [f"{names[ch] if ch < len(names) else ch + 1}·{i},{j}"
            for ch in range(channels) for i in range(filter_h) for j in range(filter_w)]


def matrix_bytes(n: int, c: int, h: int, w: int, filter_h: int, filter_w: int, stride: int = 1,
                 pad: int = 0, itemsize: int = 4) -> int:
    """Memory an im2col matrix of that input would take, without building it.

    Example:
        >>> matrix_bytes(1, 3, 1080, 1920, 3, 3, pad=1)
        223948800
    """
    rows = n * output_size(h, filter_h, stride, pad) * output_size(w, filter_w, stride, pad)
    return rows * c * filter_h * filter_w * itemsize


COST_METHODS = ("loops", "im2col", "ops", "opencv")


@dataclass(frozen=True)
class Cost:
    """One way to compute the same convolution, timed."""
    method: str
    seconds: float       # for the whole image (loops: scaled up from the crop)
    measured_on: tuple[int, int]   # (h, w) actually computed


@contextmanager
def one_thread() -> Iterator[None]:
    """PyTorch, OpenCV and NumPy's BLAS on one thread each inside the block, as they were before it after."""
    from threadpoolctl import threadpool_limits
    cv_threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        with torch_threads(1), threadpool_limits(1):
            yield
    finally:
        cv2.setNumThreads(cv_threads)


def measure_costs(image: np.ndarray, kernel: np.ndarray, crop: int = 32, repeat: int = 5) -> list[Cost]:
    """Time one 2-D convolution of a grey ``image`` four ways (medians of ``repeat`` runs after a warm-up), each
    on one thread.

    ``loops`` runs :func:`explorer.reference.conv2d` on a ``crop × crop``
    corner and scales by the pixel count; the others run on the whole image.
    The four results agree (the tests check it); only the time differs.

    One thread each, so the table compares ways of computing, not thread pools: NumPy's matrix product ran
    on one thread at this size while PyTorch split the convolution over two, and on a server whose other core
    was busy (the browser drawing, another student) PyTorch's second thread waited for it, 12–16 ms against
    0.2 ms idle, and the table said the library was 20× slower than NumPy's im2col.
    """
    image = np.ascontiguousarray(image, dtype=np.float32)
    kernel = np.asarray(kernel, dtype=np.float32)
    kh, kw = kernel.shape
    pad = kh // 2
    h, w = image.shape
    corner = image[:crop, :crop]

    def median(fn) -> float:
        return median_ms(fn, repeat) / 1000

    loops = median(lambda: reference.conv2d(corner, kernel, padding=pad)) * (h * w) / corner.size
    # torch's thread count is the process's: held at one only for these few milliseconds
    with one_thread():
        x = image[None, None]
        gemm = median(lambda: im2col(x, kh, kw, 1, pad) @ kernel.reshape(-1))
        torch_time = median(lambda: ops.conv2d(image, kernel, padding=pad))
        opencv = median(lambda: cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_CONSTANT))
    return [Cost("loops", loops, corner.shape), Cost("im2col", gemm, (h, w)), Cost("ops", torch_time, (h, w)),
            Cost("opencv", opencv, (h, w))]


def example(channels: int, side: int, filters: int, kernel: int, seed: int = 0,
            batch: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A small integer example: input ``(N, C, side, side)`` 0…9, weights ``(FN, C, k, k)`` −1…1, biases 0…1.

    Example:
        >>> [a.shape for a in example(2, 5, 2, 3)]
        [(1, 2, 5, 5), (2, 2, 3, 3), (2,)]
        >>> im2col(example(3, 7, 1, 5, batch=10)[0], 5, 5).shape    # the notes' (10, 3, 7, 7) batch
        (90, 75)
    """
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 10, (batch, channels, side, side)).astype(np.float64)
    weight = rng.integers(-1, 2, (filters, channels, kernel, kernel)).astype(np.float64)
    bias = rng.integers(0, 2, filters).astype(np.float64)
    return x, weight, bias


def upstream_gradient(shape: tuple[int, ...], seed: int = 0) -> np.ndarray:
    """A small integer ``dout`` (−2…2) standing in for the gradient from the layers above."""
    return np.random.default_rng(seed + 1000).integers(-2, 3, shape).astype(np.float64)


def row_sum_text(forward: Forward, bias: np.ndarray, row: int, filter_index: int = 0) -> str:
    """``a×b + … + bias = value`` for one entry of the product (zero terms left out).

    Example:
        >>> f = conv_forward(np.ones((1, 1, 3, 3)), np.full((1, 1, 3, 3), 2.0), np.array([1.0]))
        >>> row_sum_text(f, np.array([1.0]), 0)
        '1×2 + 1×2 + 1×2 + 1×2 + 1×2 + 1×2 + 1×2 + 1×2 + 1×2 + 1 = 19'
    """
    terms = product_terms(forward.col[row], forward.col_w[:, filter_index], skip_zeros=True)
    return " + ".join(terms + [format_number(bias[filter_index])]) + \
        f" = {format_number(forward.product[row, filter_index])}"


def torch_gaps(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dout: np.ndarray, stride: int = 1,
               pad: int = 0) -> dict[str, float]:
    """Largest differences between this module and torch: forward output and autograd's dx, dW, db.

    Example:
        >>> x, w, b = example(2, 5, 2, 3)
        >>> max(torch_gaps(x, w, b, upstream_gradient((1, 2, 3, 3))).values())
        0.0
    """
    import torch
    forward = conv_forward(x, weight, bias, stride, pad)
    dx, dw, db = conv_backward(dout, x.shape, weight, forward, stride, pad)
    tx, tw, tb = (torch.from_numpy(np.array(a, dtype=np.float64)).requires_grad_() for a in (x, weight, bias))
    out = torch.nn.functional.conv2d(tx, tw, tb, stride=stride, padding=pad)
    out.backward(torch.from_numpy(np.array(dout, dtype=np.float64)))
    return {"out": float(np.abs(out.detach().numpy() - forward.out).max()),
            "dx": float(np.abs(tx.grad.numpy() - dx).max()), "dw": float(np.abs(tw.grad.numpy() - dw).max()),
            "db": float(np.abs(tb.grad.numpy() - db).max())}


POOL_MODES = ("max", "avg")


@dataclass
class PoolForward:
    """What the pooling forward pass keeps for the backward pass (the notes' Pooling layer)."""
    out: np.ndarray       # (N, C, out_h, out_w)
    col: np.ndarray       # one row per window and channel: (N·out_h·out_w·C, pool_h·pool_w)
    arg_max: np.ndarray   # the position of each row's maximum


def pool_forward(x: np.ndarray, pool_h: int, pool_w: int, stride: int = 1, mode: str = "max") -> PoolForward:
    """Pooling as im2col: each window of each channel is a row; the max (or the mean) along the row.

    Example:
        >>> pool_forward(np.arange(16.).reshape(1, 1, 4, 4), 2, 2, 2).out[0, 0].tolist()
        [[5.0, 7.0], [13.0, 15.0]]
    """
    if mode not in POOL_MODES:
        raise ParamError("err.pool_mode", value=repr(mode), allowed=", ".join(POOL_MODES))
    n, c, h, w = x.shape
    out_h, out_w = _out_size(h, pool_h, stride, 0), _out_size(w, pool_w, stride, 0)
    col = im2col(x, pool_h, pool_w, stride).reshape(-1, pool_h * pool_w)
    arg_max = np.argmax(col, axis=1)
    pooled = col.max(axis=1) if mode == "max" else col.mean(axis=1)
    return PoolForward(pooled.reshape(n, out_h, out_w, c).transpose(0, 3, 1, 2), col, arg_max)


def pool_backward(dout: np.ndarray, x_shape: tuple[int, int, int, int], forward: PoolForward, pool_h: int,
                  pool_w: int, stride: int = 1, mode: str = "max") -> np.ndarray:
    """The input's gradient: each window's gradient goes to its maximum only (max) or is split evenly (avg).

    Example:
        >>> x = np.arange(16.).reshape(1, 1, 4, 4)
        >>> pool_backward(np.ones((1, 1, 2, 2)), x.shape, pool_forward(x, 2, 2, 2), 2, 2, 2)[0, 0].tolist()[1]
        [0.0, 1.0, 0.0, 1.0]
    """
    size = pool_h * pool_w
    flat = dout.transpose(0, 2, 3, 1).reshape(-1)
    if mode == "max":
        routed = np.zeros((flat.size, size))
        routed[np.arange(flat.size), forward.arg_max] = flat
    else:
        routed = np.repeat(flat[:, None] / size, size, axis=1)
    n, c = x_shape[:2]
    return col2im(routed.reshape(-1, c * size), x_shape, pool_h, pool_w, stride)


def pool_torch_gaps(x: np.ndarray, pool: int, stride: int, mode: str, dout: np.ndarray) -> dict[str, float]:
    """Largest differences to ``F.max_pool2d``/``F.avg_pool2d``: the output and autograd's input gradient.

    Example:
        >>> x = example(2, 6, 1, 3, seed=4)[0]
        >>> max(pool_torch_gaps(x, 2, 2, "max", np.ones((1, 2, 3, 3))).values())
        0.0
    """
    import torch
    forward = pool_forward(x, pool, pool, stride, mode)
    dx = pool_backward(dout, x.shape, forward, pool, pool, stride, mode)
    tx = torch.from_numpy(np.array(x, dtype=np.float64)).requires_grad_()
    fn = torch.nn.functional.max_pool2d if mode == "max" else torch.nn.functional.avg_pool2d
    out = fn(tx, pool, stride)
    out.backward(torch.from_numpy(np.array(dout, dtype=np.float64)))
    return {"out": float(np.abs(out.detach().numpy() - forward.out).max()),
            "dx": float(np.abs(tx.grad.numpy() - dx).max())}
