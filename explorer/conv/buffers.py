"""Large convolution outputs written into NumPy-owned memory.

Every ``F.conv2d`` on the CPU returns a fresh tensor. For a small one glibc
hands back memory it already has; a large one is a new mapping whose pages the
kernel faults in and zeroes on first touch, 4 KB at a time for torch's
allocator but 2 MB at a time for NumPy's, which asks for transparent huge
pages. At 12 MP that fault-in cost more than the convolution itself.

:func:`conv2d` gives oneDNN a NumPy buffer of zeros to add the convolution to,
through the in-place form of the fused operator torch's own compiler uses for
CPU convolutions (``torch.ops.mkldnn._convolution_pointwise_``, "add"): the
same result, bit for bit (x + 0). Below :data:`MIN_BYTES` (where the plain call
is faster) or if the operator is missing or refuses the call, it is plain
``F.conv2d``. :func:`empty` hands out recycled buffers to paths that write every
value (OpenCV's filter2D, the compiled loop), which costs no page faults at all.

The buffer's pages are faulted in by this one thread before oneDNN's threads
write it (:func:`zeros`): on the project VM (a Firecracker guest) two threads
faulting in a fresh mapping at once were many times slower in the first calls
of a process. Setting ``THP_MEM_ALLOC_ENABLE=1`` for torch instead was measured
and rejected: it also maps preview-sized buffers that glibc would have reused.
The measurements behind each sentence: ``docs/performance.md``, "Large outputs".
"""
from __future__ import annotations

import sys
import threading

import numpy as np
import torch
import torch.nn.functional as F

from explorer.geometry import output_len

POOL, POOL_BYTES = 2, 320 << 20   # buffers kept for reuse: two 12 MP RGB results at most
MIN_BYTES = 32 << 20     # from 4 MP RGB (48 MB) this path, below it the plain call (docs/performance.md)
PAGE_FLOATS = 1024       # float32 values in a 4 KB page: one write each faults in every page (huge or not)
_pool: list[np.ndarray] = []
_pool_lock = threading.Lock()
_INTO = getattr(getattr(torch.ops.mkldnn, "_convolution_pointwise_", None), "binary", None)


def zeros(shape: tuple[int, ...]) -> np.ndarray:
    """``np.zeros(shape, float32)`` with every page already faulted in by the calling thread (see above).

    Example:
        >>> zeros((3, 5)).sum()
        np.float32(0.0)
    """
    return _faulted_in(np.zeros(shape, np.float32))


def empty(shape: tuple[int, ...]) -> np.ndarray:
    """A float32 buffer of ``shape`` for a caller that writes every value (OpenCV's filter2D, the compiled loop):
    one this module handed out before and nobody holds any more, else ``np.empty`` with its pages faulted in by
    this thread. A recycled buffer costs no page faults; it still holds the last result until the caller
    overwrites it.

    Example:
        >>> first = empty((3, 5)); address = first.ctypes.data; del first
        >>> empty((3, 5)).ctypes.data == address
        True
    """
    with _pool_lock:
        for i in range(len(_pool)):
            # referenced by the pool and getrefcount's argument only: no array, view or tensor uses it
            if _pool[i].shape == shape and sys.getrefcount(_pool[i]) == 2:
                _pool.append(_pool.pop(i))
                return _pool[-1]
        buffer = _faulted_in(np.empty(shape, np.float32))
        _pool.append(buffer)
        while len(_pool) > POOL or sum(b.nbytes for b in _pool) > POOL_BYTES:
            _pool.pop(0)                                # the oldest: whoever holds it keeps it
        return buffer


def _faulted_in(buffer: np.ndarray) -> np.ndarray:
    buffer.reshape(-1)[::PAGE_FLOATS] = 0.0        # one write per 4 KB page faults in every page
    return buffer


def conv2d(x: torch.Tensor, weight: torch.Tensor, stride: tuple[int, int], padding: tuple[int, int],
           dilation: tuple[int, int], groups: int) -> torch.Tensor:
    """``F.conv2d(x, weight, …)`` with symmetric zero ``padding``; channels-last output when ``x`` is.

    Example:
        >>> x = torch.ones(1, 1, 4, 4)
        >>> conv2d(x, torch.ones(1, 1, 3, 3), (1, 1), (1, 1), (1, 1), 1)[0, 0, 0].tolist()
        [4.0, 6.0, 6.0, 4.0]
    """
    n, _, h, w = x.shape
    out_c, _, kh, kw = weight.shape
    out_h = output_len(h, kh, stride[0], 2 * padding[0], dilation[0])
    out_w = output_len(w, kw, stride[1], 2 * padding[1], dilation[1])
    big = n * out_c * out_h * out_w * 4 >= MIN_BYTES
    if _INTO is not None and big and x.device.type == "cpu" and x.is_contiguous(memory_format=torch.channels_last):
        buffer = zeros((n, out_h, out_w, out_c))
        out = torch.from_numpy(buffer).permute(0, 3, 1, 2)             # channels-last (N, C, H, W), a view
        try:
            _INTO(out, x, weight, None, list(padding), list(stride), list(dilation), groups, "add", None, None, [],
                  None)
            return out
        except RuntimeError:
            pass                                                       # refused: the plain call below
    return F.conv2d(x, weight, stride=stride, padding=padding, dilation=dilation, groups=groups)
