"""RGB small kernels: today's direct path against the two layouts issue 18 proposed, k = 3…11, 2 and 12 MP.

- "flat dilation 3": the (H, W·3) rows as one channel, the kernel's columns 3 apart (explorer's lanes);
- "16 strips": the image cut into 16 vertical strips with a halo of k − 1 columns, stacked as 48 channels
  for oneDNN's depthwise kernel, and put back.

Each result is checked against OpenCV before it is timed (medians of 5, 2 threads). Run:
``python benchmarks/rgb_layouts.py``.
"""
import sys
from pathlib import Path

import cv2
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from explorer import ops  # noqa: E402
from explorer.conv.lanes import lanes_correlate  # noqa: E402
from explorer.timing import cpu_model, median_ms  # noqa: E402

STRIPS = 16


def layouts(image: np.ndarray, kernel: np.ndarray) -> dict:
    h, w, _ = image.shape
    p = kernel.shape[0] // 2
    flat = torch.from_numpy(image.reshape(h, w * 3))
    width = -(-w // STRIPS)
    weight = torch.from_numpy(kernel).expand(3 * STRIPS, 1, *kernel.shape).contiguous(
        memory_format=torch.channels_last)

    def flat_lanes():
        with torch.inference_mode():
            return np.ascontiguousarray(lanes_correlate(flat, kernel, (p, p, 3 * p, 3 * p), (1, 1), (1, 3), {})
                                        .numpy()).reshape(h, w, 3)

    def strips():
        with torch.inference_mode():
            padded = torch.zeros(h + 2 * p, width * STRIPS + 2 * p, 3)
            padded[p:p + h, p:p + w] = torch.from_numpy(image)
            hp, wp = padded.shape[:2]
            stacked = padded.as_strided((hp, width + 2 * p, STRIPS, 3), (wp * 3, 3, width * 3, 1)).contiguous()
            y = F.conv2d(stacked.view(1, hp, width + 2 * p, STRIPS * 3).permute(0, 3, 1, 2), weight,
                         groups=3 * STRIPS)
            out = y[0].permute(1, 2, 0).reshape(h, width, STRIPS, 3).permute(0, 2, 1, 3).reshape(h, -1, 3)[:, :w]
            return np.ascontiguousarray(out.numpy())

    return {"direct": lambda: ops.conv2d(image, kernel, padding=p, strategy="direct", device="cpu"),
            "flat dilation 3": flat_lanes, "16 strips": strips,
            "OpenCV": lambda: cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_CONSTANT)}


def main() -> None:
    torch.set_num_threads(2)
    cv2.setNumThreads(2)
    print(f"RGB layouts · torch {torch.__version__} · 2 threads · {cpu_model()} (ms)")
    print("| image | k | direct | flat dilation 3 | 16 strips | OpenCV |\n|---|---|---|---|---|---|")
    for mp, shape in ((2, (1080, 1920)), (12, (3000, 4000))):
        image = np.random.default_rng(0).random((*shape, 3), dtype=np.float32)
        for k in (3, 5, 7, 9, 11):
            kernel = np.random.default_rng(k).normal(size=(k, k)).astype(np.float32)
            runs = layouts(image, kernel)
            expected = runs["OpenCV"]()
            for name, fn in runs.items():
                assert np.abs(fn() - expected).max() < 1e-3, name
            print(f"| {mp} MP | {k} | " + " | ".join(f"{median_ms(fn, 5):.1f}" for fn in runs.values()) + " |",
                  flush=True)


if __name__ == "__main__":
    main()
