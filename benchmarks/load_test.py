"""Many students at once: N headless Chromium sessions upload photos and change kernels on Kernel Lab.

    python benchmarks/load_test.py [--sessions 20] [--rounds 5]

Starts ``streamlit run explorer/Home.py`` on a free localhost port, opens N
browser sessions (separate contexts of Debian's Chromium: separate cookies,
separate Streamlit sessions), has each upload a different photo and then pick
a different preset kernel each round. It times every change from the click to
the updated output (the caption naming the new kernel, no script running),
counts errors (exceptions on the page, timeouts), reads the server's peak
memory (VmHWM) and, from a log the app writes when ``EXPLORER_RUN_LOG`` is set,
how long each script run took on the server. Not part of the test suite: it
takes minutes and most of the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import io
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explorer import i18n  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PRESETS = ["box_blur", "gaussian_blur", "sharpen", "sobel_x", "laplacian_8", "emboss", "outline", "sobel_magnitude"]


def photo(seed: int) -> bytes:
    """A different 'photo' per student: smooth colours, a disc, noise; 0.5 to 2 megapixels."""
    rng = np.random.default_rng(seed)
    w, h = [(800, 600), (1200, 900), (1600, 1200), (1024, 768)][seed % 4]
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x / w, y / h, 0.5 + 0.5 * np.sin(x / (7 + seed))], axis=2)
    rgb[(x - w * rng.random()) ** 2 + (y - h * rng.random()) ** 2 < (h / 5) ** 2] = rng.random(3)
    rgb += rng.normal(0, 0.03, rgb.shape)
    buffer = io.BytesIO()
    Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8)).save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def student(browser, url: str, index: int, rounds: int, folder: Path, timings: list, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(120_000)
    try:
        await page.goto(f"{url}/kernel_lab")
        await page.get_by_role("heading", name="Kernel Lab", exact=True).wait_for()
        file = folder / f"student{index}.jpg"
        file.write_bytes(photo(index))
        await page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(file))
        await page.locator("[data-testid=stSidebar]").get_by_text(f"Using {file.name}").wait_for()
        for round_ in range(rounds):
            preset = PRESETS[(index + round_) % len(PRESETS)]
            if preset == "sobel_magnitude" and round_ == 0:
                preset = "sharpen"
            label = i18n.t(f"preset.{preset}", "en")
            await page.get_by_role("combobox", name="Preset kernel").click()
            start = time.perf_counter()
            await page.get_by_role("option", name=label, exact=True).click()
            await page.get_by_text(f"Output of {label},").wait_for()
            await page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')")
            timings.append(time.perf_counter() - start)
            if await page.locator("[data-testid=stException]").count():
                errors.append(f"student {index}: exception on the page")
    except Exception as err:      # a timeout or a crash is an error of the run, counted and reported
        errors.append(f"student {index}: {type(err).__name__}: {str(err).splitlines()[0][:160]}")
    finally:
        await context.close()


async def run(sessions: int, rounds: int) -> dict:
    from playwright.async_api import async_playwright
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run_log = Path(tempfile.mkstemp(suffix=".log")[1])
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "explorer/Home.py", "--server.headless",
                               "true", "--server.port", str(port), "--server.address", "127.0.0.1"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "EXPLORER_RUN_LOG": str(run_log)})
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        timings, errors = [], []
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                await asyncio.gather(*(student(browser, url, i, rounds, Path(folder), timings, errors)
                                       for i in range(sessions)))
                await browser.close()
        memory = peak_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    timings.sort()
    runs = sorted(float(line) for line in run_log.read_text().split())
    run_log.unlink()
    return {"server_run_median_s": statistics.median(runs) if runs else float("nan"),
            "server_run_p95_s": runs[min(len(runs) - 1, int(0.95 * len(runs)))] if runs else float("nan"),
            "server_runs": len(runs),"sessions": sessions, "rounds": rounds, "changes": len(timings), "errors": errors,
            "median_s": statistics.median(timings) if timings else float("nan"),
            "p95_s": timings[min(len(timings) - 1, int(0.95 * len(timings)))] if timings else float("nan"),
            "max_s": timings[-1] if timings else float("nan"), "server_peak_mb": memory,
            "wall_s": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = asyncio.run(run(args.sessions, args.rounds))
    print(f"{result['sessions']} sessions × {result['rounds']} kernel changes: {result['changes']} timed, "
          f"{len(result['errors'])} errors, in {result['wall_s']:.0f} s")
    print(f"change → updated result: median {result['median_s']:.2f} s, p95 {result['p95_s']:.2f} s, "
          f"max {result['max_s']:.2f} s")
    print(f"server peak memory: {result['server_peak_mb']:.0f} MB")
    print(f"server script runs: {result['server_runs']}, median {result['server_run_median_s']:.2f} s, "
          f"p95 {result['server_run_p95_s']:.2f} s (the page's own work, the rest is waiting for the CPU)")
    for error in result["errors"]:
        print("  error:", error)


if __name__ == "__main__":
    main()
