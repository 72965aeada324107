"""Server time per page, one student, warm: what opening each page and changing a number on it costs the server.

    python benchmarks/page_times.py [--repeat 5]

Starts the app as the README does (with the agent API on, and ``EXPLORER_RUN_LOG``, where ``Home.py`` writes how
long each script run took), warms every page once, then opens each page ``--repeat`` times (coming from Kernel
Lab, as a student moving between pages does) and changes its first number input as many times (one step up, then
back). Prints the median script time of each: the server's own work, which issue 29's bars are about (150 ms to
open a page, 100 ms for a change, warm, one student); the agent API's own JSON page is built after the script and
is not in it.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app_server import app_server  # noqa: E402  (beside this script)
from class_client import AgentStudent, _nodes  # noqa: E402

from explorer.timing import cpu_model  # noqa: E402

PAGES = ("", "kernel_lab", "sliding_window", "pooling", "transposed_dilated", "channels", "im2col", "network")
SKIP = {"conv.stride"}      # Kernel Lab's first number: at 'same' padding a stride of 2 is refused (a message)


def logged(log: Path) -> list[float]:
    return [float(line) for line in log.read_text().split()]


def first_number(student: AgentStudent) -> tuple[str, float, float] | None:
    """The key, value and step of the first number input on the page that can go one step up."""
    for node in _nodes(student.snapshot.get("tree", {})):
        props = node.get("props") or {}
        if (node.get("type") == "number_input" and node.get("key") and node["key"] not in SKIP
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
    with app_server({"EXPLORER_RUN_LOG": str(log), "STREAMLIT_SERVER_ENABLE_AGENT_API": "true"}) as (url, _):
        student = AgentStudent(url, "one")
        for page in PAGES:                                   # warm: imports, caches, the first figures
            student.open(page)
        for page in PAGES:
            opened, changed, errors, widget = [], [], [], None
            for _ in range(args.repeat):
                student.open("kernel_lab" if page != "kernel_lab" else "pooling")
                before = len(logged(log))
                done = student.open(page)
                opened += logged(log)[before:]
                errors += [done.error] if done.error else []
                widget = widget or first_number(student)
                if widget is None:
                    continue
                key, value, step = widget
                before = len(logged(log))
                done = student.set({key: value + step})
                changed += logged(log)[before:]
                errors += [done.error] if done.error else []
                student.set({key: value})                    # back, so the next open finds the page as it was
            rows.append((page or "home", opened, widget[0] if widget else "–", changed, errors))
        student.close()
    log.unlink()

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1e3:.0f}" if values else "–"

    print(f"one student, warm, medians of {args.repeat}; {cpu_model()}\n")
    print("| page | open: server script ms | change | change: server script ms | errors |")
    print("|---|---|---|---|---|")
    for page, opened, key, changed, errors in rows:
        print(f"| {page} | {ms(opened)} | {key} | {ms(changed)} | {len(errors)}"
              f"{' (' + errors[0][:60] + ')' if errors else ''} |")


if __name__ == "__main__":
    main()
