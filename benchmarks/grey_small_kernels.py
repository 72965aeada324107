"""Grey images, small kernels: where explorer's time goes, and the one alternative layout still in the running.

For a grey float32 image (2 and 12 MP) and a random k×k kernel, k = 3 and 5, zero 'same' padding:

- explorer: ``ops.conv2d``, the whole call (the lanes);
- its convolution alone: the same oneDNN call writing into a buffer whose pages are already faulted in;
- fault-in: a fresh output buffer's pages faulted in (``buffers.zeros``), which a whole call pays where the
  output is large enough for a NumPy buffer (12 MP; at 2 MP glibc reuses memory and there is no such step);
- residue passes: the row read as 16-value blocks, the channels of a view (no copy), one depthwise kh×1
  pass per kernel column over the view shifted by that column (full vectors, k·k multiply-adds per pixel,
  but k passes over the image), summed by oneDNN's fused add. The border is left wrong (the shifted views
  wrap into the next row at the side columns, and each drops the one row that would start before the image
  or end after it), so this is a lower bound of what the strategy would cost;
- OpenCV's ``filter2D`` and a plain copy of the image (the memory floor).

Every result is checked against OpenCV (the residue passes away from the border) before it is
timed: medians of 9 calls after 2 warm-up calls, 2 threads. Run: ``python benchmarks/grey_small_kernels.py``.
"""
import sys
from pathlib import Path

import cv2
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from explorer import ops  # noqa: E402
from explorer.conv import buffers  # noqa: E402
from explorer.timing import cpu_isa, cpu_model, median_ms  # noqa: E402

BLOCK = 16
SHAPES = {2: (1080, 1920), 12: (3000, 4000)}


def residue_passes(x: torch.Tensor, kernel: np.ndarray) -> torch.Tensor:
    """Σ over kernel columns j of a kh×1 depthwise pass over the view shifted by j − k//2 (see above)."""
    h, w = x.shape
    k = kernel.shape[0]
    flat = x.reshape(-1)
    weights = [torch.from_numpy(np.ascontiguousarray(kernel[:, j])).reshape(1, 1, k, 1).expand(BLOCK, 1, k, 1)
               .contiguous() for j in range(k)]

    def view(tensor: torch.Tensor, rows: int, offset: int) -> torch.Tensor:
        return tensor.as_strided((1, BLOCK, rows, w // BLOCK), (h * w, 1, w, BLOCK), offset)

    out = F.conv2d(view(flat, h, 0), weights[k // 2], padding=(k // 2, 0), groups=BLOCK)
    target = out.permute(0, 2, 3, 1).reshape(-1)
    for j in range(k):
        s = j - k // 2
        if s == 0:
            continue
        # a view may not start before the image or end after it: drop the one row that would
        first, rows = (1, h - 1) if s < 0 else (0, h - 1)
        buffers._INTO(view(target, rows, first * w), view(flat, rows, first * w + s), weights[j], None,
                      [k // 2, 0], [1, 1], [1, 1], BLOCK, "add", None, None, [], None)
    return out


def convolution_alone(x: torch.Tensor, kernel: np.ndarray) -> float:
    """The oneDNN call of explorer's lanes, as ``lanes_correlate`` makes it, into a buffer already faulted in."""
    calls = []
    real = buffers.conv2d
    buffers.conv2d = lambda *args: calls.append(args) or real(*args)
    try:
        ops.conv2d(x.numpy(), kernel, padding="same")
    finally:
        buffers.conv2d = real
    (view, weight, stride, padding, dilation, groups), = calls
    out = real(view, weight, stride, padding, dilation, groups).contiguous(memory_format=torch.channels_last)
    return median_ms(lambda: buffers._INTO(out, view, weight, None, list(padding), list(stride), list(dilation),
                                           groups, "add", None, None, [], None), 9)


def cell(image: np.ndarray, kernel: np.ndarray) -> list[float | None]:
    """The row's times, each result checked against OpenCV first."""
    h, w = image.shape
    x = torch.from_numpy(image)
    p = kernel.shape[0] // 2
    expected = cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_CONSTANT)
    with torch.inference_mode():
        np.testing.assert_allclose(ops.conv2d(image, kernel, padding="same"), expected, atol=1e-4)
        got = residue_passes(x, kernel)[0].permute(1, 2, 0).reshape(h, w).numpy()
        inner = np.s_[p + 1:h - p - 1, p + 1:w - p - 1]
        np.testing.assert_allclose(got[inner], expected[inner], atol=1e-4)
        return [median_ms(lambda: ops.conv2d(image, kernel, padding="same"), 9), convolution_alone(x, kernel),
                median_ms(lambda: buffers.zeros((h, w)), 9) if image.nbytes >= buffers.MIN_BYTES else None,
                median_ms(lambda: residue_passes(x, kernel), 9),
                median_ms(lambda: cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_CONSTANT), 9),
                median_ms(lambda: image.copy(), 9)]


def main() -> None:
    torch.set_num_threads(2)
    cv2.setNumThreads(2)
    rng = np.random.default_rng(0)
    print(f"{cpu_model()} ({cpu_isa()}), torch {torch.__version__}, OpenCV {cv2.__version__}, 2 threads\n")
    print("| image | k | explorer ms | its convolution alone ms | fault-in of the output ms "
          "| residue passes (lower bound) ms | OpenCV ms | copy ms |")
    print("|---|---|---|---|---|---|---|---|")
    for mp, (h, w) in SHAPES.items():
        image = rng.random((h, w), dtype=np.float32)
        for k in (3, 5):
            times = cell(image, rng.normal(size=(k, k)).astype(np.float32))
            cells = " | ".join("—" if t is None else f"{t:.1f}" for t in times)
            print(f"| {mp} MP | {k}×{k} | {cells} |", flush=True)


if __name__ == "__main__":
    main()
