"""Many students at once, as a class: browserless by default, or N headless Chromiums with ``--browsers``.

    python benchmarks/load_test.py [--students 20] [--interactions 5] [--think 10] [--trainers 2] [--seed 0]
    python benchmarks/load_test.py --url http://host:8080 [--server-pids 4242,4243] ...
    python benchmarks/load_test.py --browsers [--students 20] [--interactions 5] [--think 10]

Browserless (the default): each student is a client of benchmarks/class_client.py, a thread here, so the CPU
goes to the server and not to rendering. Without ``--url`` it starts ``streamlit run explorer/Home.py`` on a free
loopback port with the agent API on, and visits each page of the lesson once before the class (a server that has
been running has its imports and caches warm); with ``--url`` it drives a running server or a proxy in front of
several (deploy/), which must have the agent API on (``STREAMLIT_SERVER_ENABLE_AGENT_API=true``).

All students open Kernel Lab at once. About a third (students 0, 3, 6, …) upload a photo of their own (a generated
JPEG of 0.5 to 12 megapixels) and do everything over their websocket session, where the photo lives; the others use
the agent API. Then each does ``--interactions`` things, looking at each result first for ``--think`` seconds on
average (drawn uniformly from half to one and a half times that; 0: at once): a lesson in a loop, changing the preset
kernel, then padding and stride, the sample picture (agent students: an uploaded photo would be replaced), opening
the Sliding Window and moving its step, opening Pooling, opening the Network page, where ``--trainers`` of the agent
students press Train (3 epochs), and back to Kernel Lab. Uploaders start at Kernel Lab, trainers at the Network
page, the others at Kernel Lab, the Sliding Window or Pooling in turn, so that a short run visits every page.

It reports errors (an exception or error message on the page, an HTTP or protocol error, a timeout; an upload whose
photo's size the page does not show), the time from each interaction to its finished run (median, 95th percentile,
maximum, overall and per kind), the server's CPU time per interaction and its memory (VmHWM and RSS, summed over
the server's processes and their children: the one started, or ``--server-pids``), and a Markdown table row.

``--browsers``: the older test. N sessions of Debian's Chromium (separate contexts: separate cookies, separate
Streamlit sessions) open Kernel Lab and upload a different photo (0.5 to 2 MP) at the same moment (timed from the
upload to the first result); when all have their result, each looks at it for a while, picks a different preset
kernel, waits for the updated output (the caption naming the new kernel, no script running), and so on for
``--interactions`` changes. It reports errors, the change-to-result times, the server's peak memory, the CPU time
the server and the browsers spent per change, and, from a log the app writes when ``EXPLORER_RUN_LOG`` is set, how
long each script run took on the server. The browsers' own rendering competes with the server for the same cores
(in a classroom it runs on the students' laptops): that is why the browserless mode is the default.

Not part of the test suite (tests/test_load_client.py runs a small class): it takes minutes and most of the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import io
import math
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app_server import app_server  # noqa: E402  (beside this script)
from class_client import AgentStudent, Interaction, SocketStudent  # noqa: E402

from explorer import i18n  # noqa: E402
from explorer.timing import cpu_model  # noqa: E402

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

# Kernel Lab opens on the first of each; a change always picks another, so that every change gives a new result
PADDINGS = (("same", 1), ("valid", 2), ("number", 3))       # (conv.padding_kind.<code>, stride)
SAMPLES = ("cat", "coffee", "astronaut", "camera", "shapes", "checkerboard")
OPENING_PRESET = "sobel_magnitude"
TRAIN_EPOCHS = 3
UPLOAD_EVERY = 3        # students 0, 3, 6, … upload a photo
ABUSE_MB = 24.5         # --abuser's file: just under the app's upload limit (25 MB)
PHOTO_MEGAPIXELS = (0.5, 2, 5, 12, 1, 3, 8)     # their photos, in turn
LESSON_PAGES = ("kernel_lab", "sliding_window", "pooling", "network")
KINDS = {"arrive": "arrive (first open)", "open": "open page", "change": "change", "upload": "upload",
         "press": "train (press Train)"}


def photo(seed: int, size: tuple[int, int] | None = None) -> bytes:
    """A different 'photo' per student: smooth colours, a disc, noise; ``size`` (width, height), by default one of
    0.5 to 2 megapixels chosen by the seed."""
    rng = np.random.default_rng(seed)
    w, h = size or [(800, 600), (1200, 900), (1600, 1200), (1024, 768)][seed % 4]
    y, x = np.ogrid[0:h, 0:w]
    rgb = np.empty((h, w, 3), np.float32)
    rgb[..., 0], rgb[..., 1], rgb[..., 2] = x / w, y / h, 0.5 + 0.5 * np.sin(x / (7 + seed))
    rgb[(x - w * rng.random()) ** 2 + (y - h * rng.random()) ** 2 < (h / 5) ** 2] = rng.random(3)
    rgb += 0.03 * rng.standard_normal(rgb.shape, dtype=np.float32)
    buffer = io.BytesIO()
    Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8)).save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def photo_size(megapixels: float) -> tuple[int, int]:
    """(width, height) at 4:3."""
    w = round(math.sqrt(megapixels * 1e6 * 4 / 3))
    return w, round(w * 3 / 4)


def stat_fields(pid: int) -> list[str]:
    """``/proc/<pid>/stat`` from its third field on (after the command's name, which may hold spaces)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) used so far by these processes."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = stat_fields(pid)
        except OSError:      # the process ended meanwhile
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def memory_mb(pids: list[int], field_name: str) -> float:
    """A memory line of ``/proc/<pid>/status`` summed over the processes, in MB: ``VmHWM`` (the peak resident size;
    ``ru_maxrss`` would survive exec) or ``VmRSS`` (now)."""
    total = 0.0
    for pid in pids:
        try:
            lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            continue
        total += sum(int(line.split()[1]) / 1024 for line in lines if line.startswith(f"{field_name}:"))
    return total


def matching(match: str) -> list[int]:
    """Every process whose command line contains ``match``."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if match in (proc / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(proc.name))
        except OSError:
            pass
    return found


def family(pids: list[int]) -> list[int]:
    """``pids`` and every process below them, as they are now."""
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            children.setdefault(int(stat_fields(int(proc.name))[1]), []).append(int(proc.name))
        except OSError:
            pass
    found, todo = [], list(pids)
    while todo:
        found.append(todo.pop())
        todo += children.get(found[-1], [])
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


# ------------------------------------------------------------------------------------------------ browserless
@dataclass
class Pupil:
    """A student in the class and what it chose last: each change picks something else, so it has a new result."""
    student: AgentStudent | SocketStudent
    rng: random.Random
    preset: str = OPENING_PRESET
    padding: int = 0
    sample: int = 0
    step: int = 1


def change_preset(p: Pupil) -> Interaction:
    p.preset = p.rng.choice([code for code in PRESETS if code != p.preset])
    return p.student.set({"kernel.preset@en": i18n.t(f"preset.{p.preset}", "en")})


def change_padding(p: Pupil) -> Interaction:
    p.padding = (p.padding + 1) % len(PADDINGS)
    kind, stride = PADDINGS[p.padding]     # in one request: 'Same size' allows stride 1 only
    return p.student.set({"conv.padding_kind": i18n.t(f"conv.padding_kind.{kind}", "en"), "conv.stride": stride})


def change_sample(p: Pupil) -> Interaction:
    p.sample = p.rng.choice([i for i in range(len(SAMPLES)) if i != p.sample])
    return p.student.set({"sample@en": i18n.t(f"sample.{SAMPLES[p.sample]}", "en")})


def step_window(p: Pupil) -> Interaction:
    """Move the Sliding Window's step slider, found by its label (its key is the page's business)."""
    label = i18n.t("sw.step_slider", "en")
    key = p.student.key_for(label)
    if key is None:
        return Interaction(p.student.name, "change", label, 0.0, f"no {label!r} slider on the page", "")
    p.step = p.rng.choice([step for step in range(2, 10) if step != p.step])
    return p.student.set({key: p.step})


def train(p: Pupil) -> Interaction:
    return p.student.press(i18n.t("net.train", "en"), {"net.epochs": TRAIN_EPOCHS})


def visit(page: str):
    def open_page(p: Pupil) -> Interaction:
        return p.student.open(page)
    return open_page


def lesson(agent: bool, trainer: bool) -> tuple[list, dict[str, int]]:
    """The steps of the lesson, which a student repeats, and where each page's part begins."""
    steps = [change_preset, change_padding] + ([change_sample] if agent else [])
    starts = {"kernel_lab": 0, "sliding_window": len(steps)}
    steps += [visit("sliding_window"), step_window]
    starts["pooling"] = len(steps)
    steps.append(visit("pooling"))
    starts["network"] = len(steps)
    steps += [visit("network")] + ([train] if trainer else []) + [visit("kernel_lab")]
    return steps, starts


def upload_checked(student: SocketStudent, name: str, data: bytes, size: tuple[int, int]) -> Interaction:
    """Upload, and count it an error when the finished page does not show the photo's size (Kernel Lab's captions)."""
    done = student.upload(name, data)
    shown = f"{size[0]}×{size[1]}"
    if done.ok and not any(shown in caption for caption in student.captions()):
        done = replace(done, error=f"the page does not show the uploaded {shown} photo")
    return done


class Seat(NamedTuple):
    """A student of the class: its client and choices, what it will do, its photo ((name, JPEG, size) or None)."""
    pupil: Pupil
    plan: list
    upload: tuple | None


def enrol(url: str, students: int, interactions: int, trainers: int = 2, seed: int = 0) -> list[Seat]:
    """The class (see the module's docstring) for the server at ``url``, photos made before anyone is timed."""
    seats, agents = [], 0
    for i in range(students):
        rng = random.Random(seed * 100_003 + i)
        if i % UPLOAD_EVERY == 0:
            size = photo_size(PHOTO_MEGAPIXELS[i // UPLOAD_EVERY % len(PHOTO_MEGAPIXELS)])
            upload = (f"student{i}.jpg", photo(seed * 1009 + i, size), size)
            steps, starts = lesson(agent=False, trainer=False)
            start = starts["kernel_lab"]
            pupil = Pupil(SocketStudent(url, f"student {i} (socket)"), rng)
        else:
            trainer = agents < trainers
            steps, starts = lesson(agent=True, trainer=trainer)
            start = starts["network" if trainer else LESSON_PAGES[(agents - trainers) % 3]]
            agents += 1
            upload = None
            pupil = Pupil(AgentStudent(url, f"student {i} (agent{', trains' if trainer else ''})"), rng)
        seats.append(Seat(pupil, [steps[(start + k) % len(steps)] for k in range(interactions)], upload))
    return seats


def attend(seat: Seat, think: float, arrived: threading.Barrier, arrival: float = 0.0) -> list[Interaction]:
    """One student's part: come in within ``arrival`` seconds and open Kernel Lab (and upload), wait for the class,
    then the plan with a look at each. The first open is recorded as ``arrive``."""
    pupil, done = seat.pupil, []
    try:
        time.sleep(pupil.rng.uniform(0, arrival))
        done.append(replace(pupil.student.open("kernel_lab"), kind="arrive"))
        if seat.upload is not None:
            done.append(upload_checked(pupil.student, *seat.upload))
    finally:
        arrived.wait()      # the lesson starts when everybody has a first result (or gave up)
    for step in seat.plan:
        time.sleep(pupil.rng.uniform(0.5, 1.5) * think)
        done.append(step(pupil))
    pupil.student.close()
    return done


def run_lesson(seats: list[Seat], think: float, abuser: str | None = None,
               arrival: float = 0.0) -> tuple[list[Interaction], list]:
    """Every student at once, each in a thread of its own; their interactions, one student after the other. With
    ``abuser`` (a server's URL) one more student re-uploads a large file as fast as it can until the class ends;
    its uploads are returned apart."""
    arrived, over, abused = threading.Barrier(len(seats)), threading.Event(), []
    with ThreadPoolExecutor(len(seats) + 1) as pool:
        if abuser:
            pool.submit(abuse, abuser, over, abused)
        futures = [pool.submit(attend, seat, think, arrived, arrival) for seat in seats]
        done = [done for future in futures for done in future.result()]
        over.set()
    return done, abused


def big_file(megabytes: float = ABUSE_MB) -> bytes:
    """A PNG of noise just under ``megabytes`` (noise does not compress): the largest upload the app takes."""
    side = int(math.sqrt(megabytes * 1e6 / 3)) - 8
    noise = np.random.default_rng(1).integers(0, 256, (side, side, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noise).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def abuse(url: str, over: threading.Event, abused: list) -> None:
    """One student uploading a different 25 MB file again and again, no pause, until ``over``."""
    data, student, n = big_file(), SocketStudent(url, "re-uploader"), 0
    student.open("kernel_lab")
    while not over.is_set():
        abused.append(student.upload(f"big{n}.png", data))
        n += 1
    student.close()


def warm_up(url: str) -> None:
    """One visit to each page of the lesson: a server that has been running has its imports and caches warm."""
    student = AgentStudent(url, "warm-up")
    for page in LESSON_PAGES:
        done = student.open(page)
        if not done.ok:
            sys.exit(f"the server at {url} does not serve {page} through the agent API: {done.error}")
    student.close()


def run_class(args: argparse.Namespace) -> dict:
    """Start the server (or take ``--url``), run the class, measure the server."""
    if args.url:
        pids = [int(pid) for pid in args.server_pids.split(",")] if args.server_pids else []
        return {**measure(args.url, pids, args), "url": args.url}
    run_log = Path(tempfile.mkstemp(suffix=".log")[1])
    env = {"STREAMLIT_SERVER_ENABLE_AGENT_API": "true", "EXPLORER_RUN_LOG": str(run_log),
           "STREAMLIT_SERVER_AGENT_MAX_SESSIONS": str(max(100, 2 * args.students))}
    with app_server(env) as (url, server):
        warm_up(url)
        before = len(run_log.read_text().split())
        result = measure(url, [server.pid], args)
    runs = [float(line) for line in run_log.read_text().split()][before:]
    run_log.unlink()
    return {**result, "url": f"{url} (started here)", "server_runs": runs}


def measure(url: str, pids: list[int], args: argparse.Namespace) -> dict:
    """The class, with the CPU time the server's processes and their children spent meanwhile (and this one, the
    students'), and their memory."""
    seats = enrol(url, args.students, args.interactions, args.trainers, args.seed)
    cpu, client_cpu, started = cpu_seconds(family(pids)), time.process_time(), time.perf_counter()
    done, abused = run_lesson(seats, args.think, url if args.abuser else None, args.arrival)
    wall, client_cpu = time.perf_counter() - started, time.process_time() - client_cpu
    server = family(pids)
    return {"interactions": done, "abused": abused, "wall_s": wall, "pids": pids, "client_cpu_s": client_cpu,
            "server_cpu_s": cpu_seconds(server) - cpu if pids else None,
            "peak_mb": memory_mb(server, "VmHWM") if pids else None,
            "rss_mb": memory_mb(server, "VmRSS") if pids else None}


def spread(done: list[Interaction], with_max: bool = True) -> str:
    """Median / 95th percentile (/ maximum) of the successful interactions' times."""
    seconds = [d.seconds for d in done if d.ok]
    if not seconds:
        return "–"
    values = [statistics.median(seconds), percentile(seconds, 0.95)] + ([max(seconds)] if with_max else [])
    return " / ".join(f"{value:.2f}" for value in values) + " s"


def print_class(r: dict, args: argparse.Namespace) -> None:
    done: list[Interaction] = r["interactions"]
    by_kind = {kind: [d for d in done if d.kind == kind] for kind in KINDS}
    errors = [d for d in done if not d.ok]
    uploaders = len(range(0, args.students, UPLOAD_EVERY))
    agents = args.students - uploaders
    trainers = min(args.trainers, agents)
    machine = f"{cpu_model()}, {os.cpu_count()} cores"
    print(f"Browserless class on {r['url']}; this machine: {machine}")
    print(f"{args.students} students ({uploaders} upload a photo and use the websocket, {agents} the agent API, "
          f"{trainers} of them train), {args.interactions} interactions each after opening Kernel Lab, "
          f"{args.think:g} s to look at each result on average, all in within {args.arrival:g} s: {len(done)} "
          f"interactions in {r['wall_s']:.0f} s, "
          f"{len(errors)} errors")
    print("interaction → finished run, median / p95 / max:")
    for label, some in [("all", done)] + [(KINDS[kind], some) for kind, some in by_kind.items() if some]:
        print(f"  {label:20} {spread(some)}  ({len(some)})")
    arrived = max((d.began + d.seconds for d in by_kind["arrive"] + by_kind["upload"]), default=0.0)
    settled = [d for d in done if d.began >= arrived]
    print(f"  {'once all are in':20} {spread(settled)}  ({len(settled)}: sent after the last first open and upload "
          f"had its page)")
    cpu = memory = "–"
    if r["server_cpu_s"] is None:
        print("server CPU and memory: not measured (--server-pids names the server's processes)")
    else:
        cpu, memory = f"{r['server_cpu_s'] / len(done):.3f} s", f"{r['peak_mb']:.0f} MB"
        print(f"server (pids {','.join(map(str, r['pids']))} and their children): CPU {cpu} per interaction "
              f"({r['server_cpu_s']:.1f} s in all), peak memory (VmHWM) {memory}, now (RSS) {r['rss_mb']:.0f} MB")
    print(f"the students (this process, {args.students} threads): CPU {r['client_cpu_s'] / len(done):.3f} s per "
          f"interaction")
    runs = r.get("server_runs")
    if runs:
        print(f"the server's own script runs in the class (whole pages, and the parts that rerun alone): "
              f"{len(runs)}, median {statistics.median(runs):.2f} s, p95 {percentile(runs, 0.95):.2f} s (the rest of "
              f"an interaction's time is waiting for the CPU and sending the page)")
    if args.abuser:
        abused = r["abused"]
        print(f"and one student re-uploading a {ABUSE_MB:g} MB file without a pause: {len(abused)} uploads, "
              f"{sum(not d.ok for d in abused)} refused or failed, each {spread(abused)}")
    for error in errors[:5]:
        print(f"  error: {error.student}, {error.kind} {error.what}: {error.error}")
    if len(errors) > 5:
        print(f"  … and {len(errors) - 5} more")
    print("\nREADME row (browserless):")
    print("| students (upload / agent / train) | looking at each result | interactions | errors | arrive, "
          "median / p95 | open page, median / p95 | change, median / p95 | upload, median / p95 | train, median / p95 "
          "| all, median / p95 / max | server CPU per interaction | server peak memory | CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {args.students} ({uploaders} / {agents} / {trainers}) | {args.think:g} s | {len(done)} | {len(errors)} | "
          + " | ".join(spread(by_kind[kind], with_max=False) for kind in KINDS)
          + f" | {spread(done)} | {cpu} | {memory} | {machine} |")


# --------------------------------------------------------------------------------------- the browser mode
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


def browsers_and_server_cpu() -> tuple[float, float]:
    return cpu_seconds(matching(BROWSER_PROCESSES)), cpu_seconds(matching(SERVER_PROCESS))


async def browser_student(room: Classroom, context, url: str, index: int) -> None:
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


async def run_browsers(sessions: int, rounds: int, think: float) -> dict:
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
                cpu_start = browsers_and_server_cpu()
                everybody = asyncio.gather(*(browser_student(room, context, url, i)
                                             for i, context in enumerate(contexts)))
                await room.everybody_ready.wait()
                upload_runs = len(run_log.read_text().split())
                cpu_before = browsers_and_server_cpu()
                opening_cpu = cpu_before[0] - cpu_start[0], cpu_before[1] - cpu_start[1]
                rounds_started = time.perf_counter()
                await everybody
                rounds_wall = time.perf_counter() - rounds_started
                cpu_now = browsers_and_server_cpu()
                cpu = cpu_now[0] - cpu_before[0], cpu_now[1] - cpu_before[1]
                for context in contexts:       # closed only now: a closed tab's renderer takes its CPU time along
                    await context.close()
                await browser.close()
        memory = memory_mb([server.pid], "VmHWM")
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


def print_browsers(r: dict) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", "--sessions", type=int, default=20)
    parser.add_argument("--interactions", "--rounds", type=int, default=5,
                        help="per student, after opening Kernel Lab (and uploading); --browsers: kernel changes")
    parser.add_argument("--think", type=float, default=10.0,
                        help="average seconds a student looks at a result before the next interaction (0: at once)")
    parser.add_argument("--trainers", type=int, default=2, help="agent students who train a network")
    parser.add_argument("--url", help="a running server or proxy (with the agent API on) instead of starting one")
    parser.add_argument("--server-pids", help="with --url: the server processes to measure, comma-separated")
    parser.add_argument("--arrival", type=float, default=15.0,
                        help="seconds over which the students come in and open Kernel Lab (0: all at once)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--abuser", action="store_true",
                        help="one more student re-uploads a 25 MB file without a pause (its uploads reported apart)")
    parser.add_argument("--browsers", action="store_true", help="drive headless Chromiums instead (starts its server)")
    args = parser.parse_args()
    if args.browsers:
        if args.url or args.server_pids:
            parser.error("--browsers starts its own server: no --url, --server-pids")
        print_browsers(asyncio.run(run_browsers(args.students, args.interactions, args.think)))
    else:
        print_class(run_class(args), args)


if __name__ == "__main__":
    main()
