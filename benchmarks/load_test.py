"""Many students at once: N headless Chromium sessions upload photos and change kernels on Kernel Lab.

    python benchmarks/load_test.py [--sessions 20] [--rounds 5] [--think 10]

Starts ``streamlit run explorer/Home.py`` on a free localhost port and opens N
browser sessions (separate contexts of Debian's Chromium: separate cookies,
separate Streamlit sessions), as a class would: everybody opens Kernel Lab and
uploads a different photo at once (timed from the upload to the first result);
when all have their result, each looks at it for a while (``--think`` seconds
on average, drawn uniformly from half to one and a half times that), picks a
different preset kernel, waits for the updated output (the caption naming the
new kernel, no script running), looks at that, and so on for ``--rounds``
changes. ``--think 0`` changes at once, all students together: a saturation
test. It reports errors
(exceptions on the page, timeouts), the median and 95th percentile of the
change-to-result times, the server's peak memory (VmHWM), the CPU time the
server and the browsers spent per change, and, from a log the app writes when
``EXPLORER_RUN_LOG`` is set, how long each script run took on the server.

Everything runs on this machine: the browsers' own rendering competes with the
server for the same cores (in a classroom it runs on the students' laptops).
Not part of the test suite: it takes minutes and most of the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app_server import app_server  # noqa: E402  (beside this script)

from explorer import i18n  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PRESETS = ["box_blur", "gaussian_blur", "sharpen", "sobel_x", "laplacian_8", "emboss", "outline", "sobel_magnitude"]
BROWSER_PROCESSES = "lib/chromium/chromium"     # /usr/bin/chromium is a wrapper script that starts this
SERVER_PROCESS = "explorer/Home.py"
# the page shows a result: a caption names the kernel (the argument) and no script is running;
# plain DOM queries every 100 ms cost the browsers far less than Playwright's text locators
SHOWS_RESULT = """label => !document.querySelector('[data-testid=stStatusWidget]') &&
    [...document.querySelectorAll('[data-testid=stCaptionContainer]')].some(c => c.textContent.includes(label))"""


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


def cpu_seconds(match: str) -> float:
    """CPU time (user + system) used so far by every process whose command line contains ``match``."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if match in (proc / "cmdline").read_bytes().decode(errors="replace"):
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
        except OSError:      # the process ended meanwhile
            pass
    return total


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


@dataclass
class Classroom:
    sessions: int
    rounds: int
    think: float
    folder: Path
    ready: int = 0
    everybody_ready: asyncio.Event = field(default_factory=asyncio.Event)
    uploads: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def arrived(self) -> None:
        """One more student has a first result (or gave up): the kernel rounds start when all have."""
        self.ready += 1
        if self.ready == self.sessions:
            self.everybody_ready.set()


async def student(room: Classroom, context, url: str, index: int) -> None:
    page = await context.new_page()
    page.set_default_timeout(120_000)
    think = random.Random(index)
    try:
        try:
            await page.goto(f"{url}/kernel_lab")
            await page.get_by_role("heading", name="Kernel Lab", exact=True).wait_for()
            file = room.folder / f"student{index}.jpg"
            file.write_bytes(photo(index))
            start = time.perf_counter()
            await page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(file))
            await page.wait_for_function(SHOWS_RESULT, arg=f"Using {file.name}", polling=100)
            await page.wait_for_function(SHOWS_RESULT, arg="Output of ", polling=100)
            room.uploads.append(time.perf_counter() - start)
            if await page.locator("[data-testid=stException]").count():
                room.errors.append(f"student {index}: exception on the page after the upload")
        finally:
            room.arrived()
        await room.everybody_ready.wait()
        for round_ in range(room.rounds):
            await asyncio.sleep(think.uniform(0.5, 1.5) * room.think)   # looks at the result, then changes it
            preset = PRESETS[(index + round_) % len(PRESETS)]
            if preset == "sobel_magnitude" and round_ == 0:   # the page opens on it: no change
                preset = "sharpen"
            label = i18n.t(f"preset.{preset}", "en")
            await page.locator(".st-key-kernel-preset-en [role=combobox]").click()
            start = time.perf_counter()
            await page.locator("[role=option]").get_by_text(label, exact=True).click()
            await page.wait_for_function(SHOWS_RESULT, arg=f"Output of {label},", polling=100)
            room.changes.append(time.perf_counter() - start)
            if await page.locator("[data-testid=stException]").count():
                room.errors.append(f"student {index}: exception on the page")
    except Exception as err:      # a timeout or a crash is an error of the run, counted and reported
        room.errors.append(f"student {index}: {type(err).__name__}: {str(err).splitlines()[0][:160]}")


async def run(sessions: int, rounds: int, think: float) -> dict:
    from playwright.async_api import async_playwright
    run_log = Path(tempfile.mkstemp(suffix=".log")[1])
    with app_server({"EXPLORER_RUN_LOG": str(run_log)}) as (url, server):
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            room = Classroom(sessions, rounds, think, Path(folder))
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                contexts = [await browser.new_context(viewport={"width": 1280, "height": 900})
                            for _ in range(sessions)]
                cpu_start = cpu_seconds(BROWSER_PROCESSES), cpu_seconds(SERVER_PROCESS)
                everybody = asyncio.gather(*(student(room, context, url, i) for i, context in enumerate(contexts)))
                await room.everybody_ready.wait()
                upload_runs = len(run_log.read_text().split())
                cpu_before = cpu_seconds(BROWSER_PROCESSES), cpu_seconds(SERVER_PROCESS)
                opening_cpu = cpu_before[0] - cpu_start[0], cpu_before[1] - cpu_start[1]
                rounds_started = time.perf_counter()
                await everybody
                rounds_wall = time.perf_counter() - rounds_started
                cpu = cpu_seconds(BROWSER_PROCESSES) - cpu_before[0], cpu_seconds(SERVER_PROCESS) - cpu_before[1]
                for context in contexts:       # closed only now: a closed tab's renderer takes its CPU time along
                    await context.close()
                await browser.close()
        memory = peak_memory_mb(server.pid)
    runs = [float(line) for line in run_log.read_text().split()][upload_runs:]
    run_log.unlink()
    changes = max(len(room.changes), 1)
    return {"sessions": sessions, "rounds": rounds, "think_s": think, "errors": room.errors,
            "uploads": len(room.uploads), "upload_median_s": statistics.median(room.uploads or [float("nan")]),
            "upload_p95_s": percentile(room.uploads, 0.95), "opening_browser_cpu_s": opening_cpu[0],
            "opening_server_cpu_s": opening_cpu[1],
            "changes": len(room.changes), "median_s": statistics.median(room.changes or [float("nan")]),
            "p95_s": percentile(room.changes, 0.95), "max_s": max(room.changes or [float("nan")]),
            "server_peak_mb": memory, "wall_s": time.perf_counter() - started, "rounds_wall_s": rounds_wall,
            "browser_cpu_per_change_s": cpu[0] / changes, "server_cpu_per_change_s": cpu[1] / changes,
            "cpu_busy": (cpu[0] + cpu[1]) / (rounds_wall * os.cpu_count()),
            "server_runs": len(runs), "server_run_median_s": statistics.median(runs or [float("nan")]),
            "server_run_p95_s": percentile(runs, 0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--think", type=float, default=10.0,
                        help="average seconds a student looks at a result before the next change (0: at once)")
    args = parser.parse_args()
    r = asyncio.run(run(args.sessions, args.rounds, args.think))
    print(f"{r['sessions']} sessions, {r['uploads']} uploads, {r['rounds']} kernel changes each "
          f"({r['think_s']:g} s to look at each result on average): {r['changes']} timed, {len(r['errors'])} errors, "
          f"in {r['wall_s']:.0f} s")
    print(f"upload → first result: median {r['upload_median_s']:.2f} s, p95 {r['upload_p95_s']:.2f} s "
          f"(all {r['sessions']} at once; opening and uploading took the browsers {r['opening_browser_cpu_s']:.0f} s "
          f"of CPU, the server {r['opening_server_cpu_s']:.0f} s)")
    print(f"change → updated result: median {r['median_s']:.2f} s, p95 {r['p95_s']:.2f} s, max {r['max_s']:.2f} s")
    print(f"server peak memory: {r['server_peak_mb']:.0f} MB")
    print(f"CPU per change: server {r['server_cpu_per_change_s']:.3f} s, "
          f"browsers {r['browser_cpu_per_change_s']:.3f} s; "
          f"the {os.cpu_count()} cores were {r['cpu_busy']:.0%} busy during the kernel rounds")
    print(f"server script runs in the kernel rounds: {r['server_runs']}, median {r['server_run_median_s']:.2f} s, "
          f"p95 {r['server_run_p95_s']:.2f} s (the page's own work, the rest is waiting for the CPU)")
    for error in r["errors"]:
        print("  error:", error)


if __name__ == "__main__":
    main()
