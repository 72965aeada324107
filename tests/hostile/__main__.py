"""``python -m tests.hostile [substring…]``: every run (or those whose ``entry:case`` holds a substring) as a table
of how it ended, time and memory. ``HOSTILE_PATIENCE=30`` lets slow cases run on to show their real time."""
import sys
import time

from tests.hostile import cases, harness


def main(filters: list[str]) -> int:
    failed = 0
    for entry, case in cases.runs():
        run_id = f"{entry}:{case.name}"
        if filters and not any(f in run_id for f in filters):
            continue
        built = time.perf_counter()
        args = case.build()
        built = time.perf_counter() - built
        report = harness.run(entry, case.name, args if isinstance(args, tuple) else (args,))
        failed += report.verdict is not None
        size = sum(len(a) for a in (args if isinstance(args, tuple) else (args,)))
        print(f"{'pass' if report.verdict is None else 'FAIL'}\t{run_id}\t{size / 1024:.0f} KB (built {built:.1f} s)"
              f"\t{report.summary()}\t{report.verdict or ''}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
