"""Hostile uploads (issue 27): every case, through every entry point it names, in a child process capped at
+500 MB of memory and 3 s: it ends with the documented error and a message fit to show, or a correct result.

The tables are in ``tests/hostile/cases.py`` (one line per entry point, one line per case); the bytes are built
in ``craft.py``; ``harness.py`` runs and measures. ``HOSTILE_PATIENCE=30`` lets a slow case run on to show its
real time.
"""
import functools
import sys

import pytest

from tests.hostile import cases, harness

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the caps use /proc and RLIMIT_AS")
RUNS = cases.runs()


@functools.cache
def args_of(name: str) -> tuple:
    built = cases.CASES_BY_NAME[name].build()
    return built if isinstance(built, tuple) else (built,)


@pytest.mark.parametrize("entry, case", RUNS, ids=[f"{entry}:{case.name}" for entry, case in RUNS])
def test_hostile_input_ends_with_a_message_or_a_result_in_time_and_memory(entry, case):
    report = harness.run(entry, case.name, args_of(case.name))
    assert report.verdict is None, f"{entry}:{case.name}: {report.verdict} ({report.summary()})"


def test_every_entry_point_and_case_is_named_once():
    assert {entry for entry, _ in RUNS} == set(cases.ENTRY_POINTS)
    unknown = [c.name for c in cases.CASES if c.entry != "*" and not set(
        [c.entry] if isinstance(c.entry, str) else c.entry) <= set(cases.ENTRY_POINTS)]
    assert not unknown


@pytest.mark.parametrize("probe, kind", [("returns", "result"), ("refuses", "error"), ("wrong_error", "error"),
                                         ("hoards_memory", "memory"), ("sleeps", "timeout"), ("dies", "crash")])
def test_the_harness_tells_each_ending_apart(probe, kind):
    """The harness itself: a probe of each kind is caught (a harness that passes everything proves nothing)."""
    report = harness.run(probe, probe, (b"",), tables="tests.hostile.probes")
    assert report.kind == kind, report
    assert (report.verdict is None) == (probe in ("returns", "refuses")), report
