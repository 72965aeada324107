"""Benchmark: ``python -m explorer.bench`` prints medians and ratios against OpenCV.

Every number comes from this process, measured back to back: the explorer
backend (`explorer.ops.conv2d`), OpenCV's ``filter2D``, ``scipy.ndimage.correlate``
and the plain ``torch.nn.functional.conv2d`` call on an NCHW tensor, for an RGB
float32 image, a full-rank random kernel and zero "same" padding (OpenCV's
BORDER_CONSTANT). Slow baselines are skipped where their expected time passes a
budget. On CUDA the GPU times are added and checked equal to the CPU result.

Options: ``--sizes 0.25,2,12`` (megapixels), ``--kernels 3,7,15,31``,
``--channels 3,1`` (an RGB and a grey table), ``--repeat 5``, ``--threads 2``,
``--calibrate`` (measure this machine's strategy crossovers afresh, say why, and time
every strategy on whole images; without a cache the bench measures them anyway),
``--compiled`` (the opt-in compiled loop, ``CNN_EXPLORER_COMPILE=on``, beside the other paths),
``--no-app`` (skip the Kernel Lab rerun, which needs streamlit).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from explorer import ops
from explorer.conv import calibration
from explorer.conv.compiled import stencil
from explorer.timing import cpu_isa, cpu_model, cuda_median_ms, median_ms

ROOT = Path(__file__).resolve().parents[1]
SLOW_BUDGET_S = 20.0          # skip a baseline expected to take longer than this per run
SHAPES = {0.25: (432, 576), 2: (1080, 1920), 12: (3000, 4000)}


def shape_for(megapixels: float) -> tuple[int, int]:
    if megapixels in SHAPES:
        return SHAPES[megapixels]
    h = int(round((megapixels * 1e6 * 3 / 4) ** 0.5))
    return h, int(round(h * 4 / 3))


def warm_up(cuda: bool) -> None:
    """First calls pay for thread pools, oneDNN's JIT and cuFFT/cuDNN plans: keep that out of the table."""
    image = np.random.default_rng(9).random((256, 256, 3), dtype=np.float32)
    for device in ("cpu", "cuda") if cuda else ("cpu",):
        for kernel in (np.eye(3), np.ones((9, 9)), np.eye(17)):
            for _ in range(3):
                ops.conv2d(image, kernel, padding="same", device=device)


def conv_table(sizes, kernel_sizes, repeat: int, baselines: bool = True, channels: int = 3) -> list[dict]:
    """One row per image size and kernel size, for an RGB (``channels=3``) or a grey (1) image."""
    rng = np.random.default_rng(0)
    rows = []
    cuda = torch.cuda.is_available()
    warm_up(cuda)
    for mp in sizes:
        h, w = shape_for(mp)
        image = rng.random((h, w, channels) if channels > 1 else (h, w), dtype=np.float32)
        for k in kernel_sizes:
            row = {"mp": mp, "shape": f"{w}×{h}", "k": k,
                   **measure_cell(image, rng.normal(size=(k, k)).astype(np.float32), repeat, baselines, cuda)}
            rows.append(row)
            print(format_row(row, cuda), flush=True)
    return rows


def measure_cell(image: np.ndarray, kernel: np.ndarray, repeat: int, baselines: bool, cuda: bool) -> dict:
    """One row of the table: explorer, OpenCV and the baselines on the same image and kernel."""
    import cv2
    import scipy.ndimage as ndi

    h, w = image.shape[:2]
    c = image.shape[2] if image.ndim == 3 else 1
    k = kernel.shape[0]
    ops.conv2d(image, kernel, padding="same", device="cpu")
    stencil.LOOPS.wait()                     # a small kernel's compiled loop: compiled and checked first,
    if k <= stencil.MAX_SIDE:          # then timed on these calls, in turns (larger kernels never take it)
        for _ in range(4 * stencil.BLOCK * stencil.TRIALS):
            ops.conv2d(image, kernel, padding="same", device="cpu")
            if not stencil.LOOPS.trying():
                break
    row = {"strategy": ops.choose_strategy(kernel, device="cpu", channels=c, pixels=h * w)}
    slow = 1 if k >= 15 or h * w >= 12e6 else repeat
    row["explorer"] = median_ms(lambda: ops.conv2d(image, kernel, padding="same", device="cpu"), repeat)
    row["opencv"] = median_ms(lambda: cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_CONSTANT), repeat)
    row["copy"] = median_ms(lambda: image.copy(), repeat)         # the memory floor: the same bytes, copied
    macs = h * w * c * k * k
    # scipy ≈ 1.5 GMAC/s here, the NCHW torch call ≈ 1.2 (k ≤ 7) to 0.15 GMAC/s (k ≥ 15)
    if baselines and macs / 1.0e9 < SLOW_BUDGET_S:
        window = kernel[:, :, None] if c > 1 else kernel
        row["scipy"] = median_ms(lambda: ndi.correlate(image, window, mode="constant"), slow)
    nchw_rate = 1.0e9 if k <= 7 else 0.12e9
    if baselines and macs / nchw_rate < SLOW_BUDGET_S:
        x = torch.from_numpy(image.reshape(h, w, c)).permute(2, 0, 1)[None].contiguous()
        weight = torch.from_numpy(kernel).expand(c, 1, k, k).contiguous()
        row["torch_nchw"] = median_ms(lambda: F.conv2d(x, weight, padding=k // 2, groups=c), slow)
    if cuda:
        row["cuda"] = cuda_median_ms(lambda: ops.conv2d(image, kernel, padding="same", device="cuda"), repeat)
        # a page's rerun: the session's (read-only) image is already on the device, only the result comes back
        shown = image.view()
        shown.flags.writeable = False
        with ops.keep_images(ops.DeviceImages()):
            row["cuda_kept"] = cuda_median_ms(lambda: ops.conv2d(shown, kernel, padding="same", device="cuda"),
                                              repeat)
        cpu_out = ops.conv2d(image, kernel, padding="same", device="cpu")
        gpu_out = ops.conv2d(image, kernel, padding="same", device="cuda")
        row["cuda_rel_err"] = float(np.linalg.norm(gpu_out - cpu_out) / np.linalg.norm(cpu_out))
    row["ratio"] = row["explorer"] / row["opencv"]
    return row


def format_row(row: dict, cuda: bool) -> str:
    def cell(key):
        return f"{row[key]:>9.1f}" if key in row else f"{'—':>9}"
    text = (f"| {row['mp']:>5} MP {row['shape']:>10} | {row['k']:>2} | {row['strategy']:>9} |"
            f"{cell('explorer')} |{cell('opencv')} | {row['ratio']:>5.2f} |{cell('copy')} |{cell('scipy')} |"
            f"{cell('torch_nchw')} |")
    if cuda:
        text += (f"{cell('cuda')} | {row['opencv'] / row['cuda']:>7.1f} |{cell('cuda_kept')} | "
                 f"{row['opencv'] / row['cuda_kept']:>7.1f} | {row['cuda_rel_err']:.1e} |")
    return text


def table_header(cuda: bool) -> str:
    head = ("| image | k | strategy | explorer ms | OpenCV ms | explorer/OpenCV | copy ms | scipy ms "
            "| plain F.conv2d ms |")
    rule = "|---|---|---|---|---|---|---|---|---|"
    if cuda:
        head += (" explorer CUDA ms | OpenCV/CUDA | CUDA rerun, image kept ms | OpenCV/rerun "
                 "| CUDA vs CPU rel. error |")
        rule += "---|---|---|---|---|"
    return head + "\n" + rule


def strategy_table(sizes, repeat: int, device: str = "cpu") -> None:
    """Time each strategy against the kernel size on whole images: what the calibration's choices lead to."""
    rng = np.random.default_rng(1)
    timer = cuda_median_ms if device == "cuda" else median_ms
    print(f"\nstrategies on {device}, whole images (ms; separable on a rank-1 kernel, the others on a full-rank one)")
    print("| image | k | direct | separable | fft | lanes | grey lanes | grey fft |\n|---|---|---|---|---|---|---|---|")
    for mp in sizes:
        h, w = shape_for(mp)
        image = rng.random((h, w, 3), dtype=np.float32)
        grey = np.ascontiguousarray(image[..., 0])
        for k in (3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 25, 31):
            full = rng.normal(size=(k, k)).astype(np.float32)
            rank1 = np.outer(rng.normal(size=k), rng.normal(size=k)).astype(np.float32)
            runs = (("direct", image, full), ("separable", image, rank1), ("fft", image, full),
                    ("lanes", image, full), ("lanes", grey, full), ("fft", grey, full))
            times = [timer(partial(ops.conv2d, im, kern, padding="same", strategy=s, device=device), repeat)
                     for s, im, kern in runs]
            print(f"| {mp} MP | {k} | " + " | ".join(f"{t:.1f}" for t in times) + " |", flush=True)


def crossovers_in_use(fresh: bool) -> None:
    """What the CPU strategy choice rests on in this run: measured now (``--calibrate``), cached or defaults."""
    # the cache, or measured now: the bench chooses this moment
    result = calibration.calibrate(calibration.clock(ops.conv2d, ops.to_nchw), fresh=fresh)
    print(f"CPU crossovers ({result.source}): {result.crossovers}")
    for line in result.reasons:
        print(f"  - {line}")
    print()


def compiled_loops() -> None:
    """The small kernels' compiled loops of this run: timed against the path each would replace, or why not."""
    status = stencil.LOOPS.status()
    print(f"compiled loops (explorer.conv.compiled.stencil; cache {status['cache']}):")
    for ((kh, kw, grey, pads), size), (ms, other, pixels) in status["ms"].items():
        used = "used" if status["faster"][((kh, kw, grey, pads), size)] else "not used"
        print(f"  - {kh}×{kw} {'grey' if grey else 'colour'}, padding {pads}, timed on calls of "
              f"{pixels / 1e6:.1f} MP: {ms:.2f} ms against {other:.2f} ms: {used}")
    for k, why in (*status["failed"].items(), *status["missed"].items()):
        print(f"  - {k}: {why[:160]}")
    print()


def other_ops(repeat: int) -> None:
    """pool2d and conv_transpose2d at 12 MP: explorer against the obvious NCHW implementation of the same API."""
    rng = np.random.default_rng(2)
    h, w = SHAPES[12]
    image = rng.random((h, w, 3), dtype=np.float32)
    small = image[::4, ::4].copy()
    kernel = rng.normal(size=(3, 3)).astype(np.float32)
    weight = torch.from_numpy(kernel).expand(3, 1, 3, 3).contiguous()

    def naive(op, img):
        """HWC array -> contiguous NCHW tensor -> op -> HWC array, as a first implementation would."""
        x = torch.from_numpy(img).permute(2, 0, 1)[None].contiguous()
        return np.ascontiguousarray(op(x)[0].permute(1, 2, 0).numpy())

    print("\n12 MP (the transposed convolution: its every fourth pixel), other operations "
          "(ms; the plain column converts HWC to NCHW and back, as the API must)")
    print("| operation | explorer | plain torch NCHW |\n|---|---|---|")
    cases = [
        ("max pool 2×2", lambda: ops.pool2d(image, "max", 2, device="cpu"),
         lambda: naive(lambda x: F.max_pool2d(x, 2), image)),
        ("avg pool 3×3, stride 2, padding 1", lambda: ops.pool2d(image, "avg", 3, stride=2, padding=1, device="cpu"),
         lambda: naive(lambda x: F.avg_pool2d(x, 3, 2, 1), image)),
        ("transposed 3×3, stride 2 (0.75 MP in, 3 MP out)",
         lambda: ops.conv_transpose2d(small, kernel, stride=2, device="cpu"),
         lambda: naive(lambda x: F.conv_transpose2d(x, weight, stride=2, groups=3), small)),
    ]
    for name, ours, plain in cases:
        print(f"| {name} | {median_ms(ours, repeat):.1f} | {median_ms(plain, repeat):.1f} |", flush=True)


def peak_memory_mb(k: int = 31) -> float:
    """Peak resident memory of a fresh process doing one 12 MP conv2d with a k×k kernel."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent, which here
    # has just held several 12 MP images
    code = (
        "import numpy as np, torch; from explorer import ops; torch.set_num_threads(2);"
        "img = np.random.default_rng(0).random((3000, 4000, 3), dtype=np.float32);"
        f"ops.conv2d(img, np.random.default_rng(1).normal(size=({k}, {k})), padding='same', device='cpu');"
        "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def kernel_lab_rerun_ms() -> dict:
    """One Kernel Lab rerun after a parameter change with a 12 MP upload (benchmarks/kernel_lab_rerun.py)."""
    script = ROOT / "benchmarks" / "kernel_lab_rerun.py"
    out = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def sliding_figure_cost(repeat: int) -> tuple[float, float]:
    """Time to build one step of the Sliding Window figure (16×16, 3×3, padding 1, 256 steps) and write its
    JSON, as each step of the page's timeline does (median ms), and the JSON's size (MB)."""
    from explorer.lessons import sliding
    from explorer.views.sliding import LABELS, sliding_figure

    grid = sliding.generate_grid("random", 16, 16)
    kernel = np.arange(1, 10, dtype=np.float32).reshape(3, 3)
    labels = {k: k for k in LABELS}

    def build():
        return sliding_figure(sliding.build_run(grid, kernel, "correlation", padding=1), labels, step=128)

    return median_ms(lambda: build().to_json(), repeat), len(build().to_json()) / 1e6


def network_views_cost(repeat: int) -> list[str]:
    """The Network page's overview (data and figure, as JSON) and its three "why" maps, for one digit."""
    from explorer.network import overview, presets, why
    from explorer.network.data import load_digits
    from explorer.network.layers import build
    from explorer.views.overview import overview_figure

    x = load_digits().x_test[0]
    lines = []
    for name in ("lenet_small", "vgg_small"):
        model = build(presets.PRESETS[name], seed=0).eval()

        def draw(model=model):
            found = overview.overview(model, x, str, "input", "p")
            return overview_figure(found, {"range": "±{scale}"}).to_json()

        lines.append(f"Network overview, {name}, one digit (data + figure as JSON): {median_ms(draw, repeat):.0f} ms")
    model = build(presets.PRESETS["lenet_small"], seed=0).eval()
    maps = median_ms(lambda: (why.saliency(model, x, 3), why.grad_cam(model, x, 3), why.occlusion(model, x, 3, 4)),
                     repeat)
    occlusion = median_ms(lambda: why.occlusion(model, x, 3, 4), repeat)
    lines.append(f"Why maps, lenet_small: saliency + Grad-CAM + occlusion {maps:.0f} ms together; "
                 f"occlusion 4×4 (625 positions, one batched pass) {occlusion:.0f} ms")
    return lines


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.25,2,12")
    parser.add_argument("--kernels", default="3,7,15,31")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--compiled", action="store_true", help=f"allow the compiled loop ({stencil.SWITCH}=on)")
    parser.add_argument("--no-app", action="store_true")
    parser.add_argument("--no-extras", action="store_true", help="only the convolution table")
    parser.add_argument("--no-baselines", action="store_true", help="skip scipy and the plain NCHW call")
    parser.add_argument("--channels", default="3,1", help="3: an RGB image, 1: a grey one (a table each)")
    args = parser.parse_args(argv)
    import cv2

    if args.compiled:
        os.environ[stencil.SWITCH] = "on"

    torch.set_num_threads(args.threads)
    cv2.setNumThreads(args.threads)
    sizes = [float(s) if "." in s else int(s) for s in args.sizes.split(",")]
    kernel_sizes = [int(k) for k in args.kernels.split(",")]
    cuda = torch.cuda.is_available()
    device = f"{cpu_model()} ({cpu_isa()})" + (f" + {torch.cuda.get_device_name()}" if cuda else "")
    print(f"explorer.bench · {time.strftime('%Y-%m-%d')} · torch {torch.__version__} · OpenCV {cv2.__version__}"
          f" · {args.threads} threads · {device}\n")
    crossovers_in_use(fresh=args.calibrate)
    for channels in (int(c) for c in args.channels.split(",")):
        print(f"{'RGB' if channels == 3 else 'grey' if channels == 1 else f'{channels} channels'} image "
              f"(copy: the same bytes copied once, the memory floor)")
        print(table_header(cuda))
        conv_table(sizes, kernel_sizes, args.repeat, baselines=not args.no_baselines, channels=channels)
        print()
    if stencil.switched_on():
        compiled_loops()
    if args.calibrate:
        for device in ("cpu", "cuda") if cuda else ("cpu",):
            strategy_table([s for s in sizes if s >= 2] or sizes, max(1, args.repeat // 2), device)
    if args.no_extras:
        return
    other_ops(args.repeat)
    print(f"\npeak memory, 12 MP with a 31×31 kernel, whole process: {peak_memory_mb():.0f} MB")
    build_ms, size_mb = sliding_figure_cost(args.repeat)
    print(f"Sliding Window figure, one step of 256 (16×16 input, 3×3 kernel, padding 1): "
          f"built and written as JSON in {build_ms:.0f} ms, {size_mb:.2f} MB")
    for line in network_views_cost(args.repeat):
        print(line, flush=True)
    if not args.no_app:
        rerun = kernel_lab_rerun_ms()
        print(f"Kernel Lab rerun after a parameter change, 12 MP upload (AppTest): "
              f"median {rerun['median_ms']:.0f} ms over {rerun['runs']} changes")


if __name__ == "__main__":
    main()
