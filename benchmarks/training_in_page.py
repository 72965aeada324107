"""Training in the Network page against the command line (issue 26): the page's default run (the small LeNet,
12 epochs, Adam 0.01, batch 32, seed 0, the bundled digits), from the Train click until the page shows the test
accuracy, against the training time ``python -m explorer.lenet`` prints for the same run.

    python benchmarks/training_in_page.py [--rounds 3] [--clicks 3] [--apptest]

Each round runs the command line once (a fresh process; it prints "trained in X s", to 0.1 s), then starts a
fresh ``streamlit run explorer/Home.py`` on a free localhost port, opens /network in Debian's Chromium
(Playwright), goes to the Training tab and clicks Train ``--clicks`` times, each timed from the click until this
run's "Test accuracy" is on the page (the issue's measure) and until the run has ended (the Overview and Inside
tabs redrawn for the trained network, after the metric). A fresh server's first click pays what the command line pays
too (the first optimiser makes torch import its compiler stack, ~0.8 s); later clicks do not, so the two are
reported apart. ``train()`` alone, warm, in this process (with torch's 2 threads and with the page's 1) is
printed for reference.

The browser renders on the server's cores, as on the machine where the issue was measured. ``--apptest``
drives the page without a browser (streamlit.testing's AppTest, a fresh process per round).
Not part of the test suite: it takes about a minute per round.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app_server import app_server  # noqa: E402  (beside this script)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
# Streamlit shows its "running" widget ~0.5 s into a run and marks the last run's elements stale meanwhile:
# the result is shown when a Test accuracy metric of this run is there, the page is finished when nothing runs
RUNNING = "() => !!document.querySelector('[data-testid=stStatusWidget]')"
STARTED = "() => !!document.querySelector('[data-testid=stStatusWidget], [data-testid=stProgress]')"
SHOWN = """() => [...document.querySelectorAll('[data-testid=stMetricLabel]')].some(m =>
    m.textContent.includes('Test accuracy') && m.closest('[data-stale]')?.getAttribute('data-stale') === 'false')"""


def command_line() -> float:
    """Seconds of training that ``python -m explorer.lenet`` reports (a fresh process, the defaults)."""
    out = subprocess.run([sys.executable, "-m", "explorer.lenet"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return float(re.search(r"trained in ([\d.]+) s", out).group(1))


def warm_train() -> dict[int, float]:
    """Median seconds of ``train()`` with the defaults in this process, after a warm-up run, with torch's 2
    threads and with the page's 1 (in turns, three runs each)."""
    from explorer.network import data, layers, presets, training

    digits = data.load_digits(0)

    def once(threads: int) -> float:
        model = layers.build(presets.PRESETS[presets.DEFAULT_PRESET], seed=0)
        started = time.perf_counter()
        training.train(model, digits, seed=0, device="cpu", threads=threads, **training.DEFAULTS)
        return time.perf_counter() - started
    once(2)
    times: dict[int, list[float]] = {2: [], 1: []}
    for _ in range(3):
        for threads in times:
            times[threads].append(once(threads))
    return {threads: statistics.median(runs) for threads, runs in times.items()}


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass                       # a process that ended meanwhile
    return total / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """This process's children, theirs, and so on (the browser's processes)."""
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            children.setdefault(int(proc.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1]), []).append(
                int(proc.name))
        except (OSError, IndexError):
            pass
    found, todo = [], list(children.get(pid, []))
    while todo:
        found.append(todo.pop())
        todo += children.get(found[-1], [])
    return found


def browser_round(clicks: int) -> list[dict]:
    """A fresh server and browser; ``clicks`` timed trainings: seconds to the result and to the run's end, browser
    and server CPU seconds."""
    from playwright.sync_api import sync_playwright
    results = []
    with app_server() as (url, server):
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/network")
            tab = page.get_by_role("tab", name="Training")
            tab.wait_for(timeout=120_000)
            page.wait_for_function(f"() => !({RUNNING})()", timeout=120_000)
            tab.click()
            for _ in range(clicks):
                button = page.get_by_role("button", name="Train", exact=True)
                button.wait_for()
                time.sleep(1)                    # the page settled: nothing left to draw from before
                browser_pids = descendants(os.getpid())
                cpu = cpu_seconds(browser_pids), cpu_seconds([server.pid])
                started = time.perf_counter()
                button.click()
                page.wait_for_function(STARTED, timeout=10_000, polling=20)
                page.wait_for_function(SHOWN, timeout=300_000, polling=20)
                shown = time.perf_counter() - started
                page.wait_for_function(f"() => !({RUNNING})()", timeout=300_000, polling=20)
                ended = time.perf_counter() - started
                if page.query_selector("[data-testid=stException]"):
                    raise RuntimeError("the page shows an exception")
                results.append({"s": shown, "end_s": ended, "browser_cpu": cpu_seconds(browser_pids) - cpu[0],
                                "server_cpu": cpu_seconds([server.pid]) - cpu[1]})
            browser.close()
    return results


def apptest_clicks(clicks: int) -> list[dict]:
    """In this process: AppTest opens the page and clicks Train ``clicks`` times (seconds of each run)."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "explorer" / "Home.py"), default_timeout=300)
    at.run()
    at.switch_page("../pages/network.py").run()
    results = []
    for _ in range(clicks):
        next(b for b in at.button if b.label == "Train").click()
        started = time.perf_counter()
        at.run()
        seconds = time.perf_counter() - started
        assert not at.exception and any(m.label == "Test accuracy" for m in at.metric), at.exception
        results.append({"s": seconds})
    return results


def apptest_round(clicks: int) -> list[dict]:
    out = subprocess.run([sys.executable, __file__, "--apptest-child", str(clicks)], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=3, help="Train clicks per fresh server (the first is cold)")
    parser.add_argument("--apptest", action="store_true", help="AppTest instead of a browser and a server")
    parser.add_argument("--apptest-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.apptest_child:
        print(json.dumps(apptest_clicks(args.apptest_child)))
        return {}
    import torch

    from explorer.timing import cpu_model
    how = "AppTest" if args.apptest else "Chromium + streamlit run, on the same cores"
    print(f"training_in_page · {time.strftime('%Y-%m-%d')} · {cpu_model()} · {os.cpu_count()} cores · torch "
          f"{torch.__version__} · page: {how}", flush=True)
    cli, first, later = [], [], []
    for index in range(args.rounds):
        cli.append(command_line())
        clicks = apptest_round(args.clicks) if args.apptest else browser_round(args.clicks)
        first.append(clicks[0])
        later += clicks[1:]
        print(f"round {index + 1}: command line {cli[-1]:.1f} s; page clicks " + ", ".join(
            f"{c['s']:.2f} s" + (f" (run ended {c['end_s']:.2f} s; browser CPU {c['browser_cpu']:.1f} s, server "
                                 f"CPU {c['server_cpu']:.1f} s)" if "end_s" in c else "") for c in clicks), flush=True)
    result = {"command_line_s": median(cli), "warm_train_s": warm_train()}
    for name, runs in (("first", first), ("later", later)):
        result[f"page_{name}_s"] = median([c["s"] for c in runs])
        result[f"ratio_{name}"] = result[f"page_{name}_s"] / result["command_line_s"]
        result[f"page_{name}_end_s"] = median([c["end_s"] for c in runs if "end_s" in c])
    warm = result["warm_train_s"]
    print(f"medians: command line {result['command_line_s']:.2f} s (train() alone, warm, in one process: "
          f"{warm[2]:.2f} s with 2 threads, {warm[1]:.2f} s with 1)")
    for name, label in (("first", "first click of a fresh server"), ("later", "later clicks")):
        ended = "" if args.apptest else f"; run ended {result[f'page_{name}_end_s']:.2f} s"
        print(f"page, {label}: {'the run' if args.apptest else 'result shown'} {result[f'page_{name}_s']:.2f} s = "
              f"{result[f'ratio_{name}']:.2f}× the command line{ended}")
    return result


if __name__ == "__main__":
    main()
