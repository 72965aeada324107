"""Server time per page, one student, warm: what opening each page and changing a number on it costs the server.

    python benchmarks/page_times.py [--repeat 5]

Starts the app as the README does (with the agent API on, and ``EXPLORER_RUN_LOG``, where ``Home.py`` writes how
long each script run took), warms every page once, then opens each page ``--repeat`` times (coming from Kernel
Lab, as a student moving between pages does) and changes its first number input (or slider) as many times (one
step up, then back). Prints the median script time of each: the server's own work, which issue 29's bars are
about (150 ms to open a page, 100 ms for a change, warm, one student); the agent API's own JSON page is built
after the script and is not in it. Beside it, the server process's whole CPU time per interaction (Streamlit's
own work and the agent API's page included): what a class asks of the machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app_server import app_server  # noqa: E402  (beside this script)
from class_client import AgentStudent, _nodes  # noqa: E402
from load_test import cpu_seconds  # noqa: E402

from explorer.timing import cpu_model  # noqa: E402

PAGES = ("", "kernel_lab", "sliding_window", "pooling", "transposed_dilated", "channels", "im2col", "network")
SKIP = {"conv.stride"}      # Kernel Lab's first number: at 'same' padding a stride of 2 is refused (a message)


def logged(log: Path) -> list[float]:
    return [float(line) for line in log.read_text().split()]


def first_number(student: AgentStudent) -> tuple[str, float, float] | None:
    """The key, value and step of the first number input on the page that can go one step up (or, on a page
    with none in its open tab, the first slider)."""
    nodes = list(_nodes(student.snapshot.get("tree", {})))
    for kind in ("number_input", "slider"):
        found = _first(nodes, kind)
        if found is not None:
            return found
    return None


def _first(nodes: list[dict], kind: str) -> tuple[str, float, float] | None:
    for node in nodes:
        props = node.get("props") or {}
        if (node.get("type") == kind and node.get("key") and node["key"] not in SKIP
                and not props.get("disabled")):
            value, step = node.get("value"), props.get("step") or 1
            top = props.get("max_value")
            if isinstance(value, (int, float)) and (top is None or value + step <= top):
                return node["key"], value, step
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    rows = []
    with app_server({"EXPLORER_RUN_LOG": str(log), "STREAMLIT_SERVER_ENABLE_AGENT_API": "true"}) as (url, server):
        student = AgentStudent(url, "one")

        def timed(scripts: list, cpu: list, act, argument):
            """``act(argument)``: its runs' script times into ``scripts``, the server process's CPU time into
            ``cpu``."""
            before, started = len(logged(log)), cpu_seconds([server.pid])
            done = act(argument)
            cpu.append(cpu_seconds([server.pid]) - started)
            scripts += logged(log)[before:]
            return done

        for page in PAGES:                                   # warm: imports, caches, the first figures
            student.open(page)
        for page in PAGES:
            opened, changed, errors, widget, cpu = [], [], [], None, ([], [])
            for _ in range(args.repeat):
                student.open("kernel_lab" if page != "kernel_lab" else "pooling")
                done = timed(opened, cpu[0], student.open, page)
                errors += [done.error] if done.error else []
                widget = widget or first_number(student)
                if widget is None:
                    continue
                key, value, step = widget
                done = timed(changed, cpu[1], student.set, {key: value + step})
                errors += [done.error] if done.error else []
                student.set({key: value})                    # back, so the next open finds the page as it was
            rows.append((page or "home", opened, widget[0] if widget else "–", changed, errors, cpu))
        student.close()
    log.unlink()

    def ms(values: list[float], of=statistics.median) -> str:
        return f"{of(values) * 1e3:.0f}" if values else "–"

    print(f"one student, warm, medians of {args.repeat} (the process's CPU: means, in clock ticks of "
          f"{1e3 / os.sysconf('SC_CLK_TCK'):.0f} ms); {cpu_model()}\n")
    print("| page | open: server script ms | open: server process CPU ms | change | change: server script ms | "
          "change: server process CPU ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for page, opened, key, changed, errors, (open_cpu, change_cpu) in rows:
        print(f"| {page} | {ms(opened)} | {ms(open_cpu, statistics.mean)} | {key} | {ms(changed)} | "
              f"{ms(change_cpu, statistics.mean)} | {len(errors)}{' (' + errors[0][:60] + ')' if errors else ''} |")


if __name__ == "__main__":
    main()
