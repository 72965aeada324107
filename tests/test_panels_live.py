"""Parts of a page that rerun alone (``shell.panel``), in a real server driven as a browser drives it: a tab's own
widget redraws that tab only; a widget another tab also reads redraws the whole page, so nothing shown is stale."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import app_server  # noqa: E402
from class_client import SocketStudent  # noqa: E402

from explorer.ui.state import channels, transposed  # noqa: E402


@pytest.fixture(scope="module")
def url():
    with app_server({}) as (address, _):
        yield address


@pytest.mark.parametrize("page, key, value", [("transposed_dilated", transposed.G_SIDE, 3),
                                              ("channels", channels.S_N, 2)])
def test_a_tab_s_own_widget_redraws_that_tab_only(url, page, key, value):
    student = SocketStudent(url, "one")
    try:
        assert student.open(page).error is None and len(student.runs_shown()) == 1
        changed = student.set({key: value})
        assert changed.error is None and len(student.runs_shown()) == 2        # the tab now, the rest before
        assert student.open(page).error is None and len(student.runs_shown()) == 1
    finally:
        student.close()


def test_a_widget_another_tab_reads_redraws_the_whole_page(url):
    """The grid tab's seed is the unpooling grid's seed too (first tab): that grid must not stay as it was."""
    student = SocketStudent(url, "one")
    try:
        before = student.open("transposed_dilated").fingerprint
        changed = student.set({transposed.G_SEED: 5})
        assert changed.error is None and len(student.runs_shown()) == 1 and changed.fingerprint != before
    finally:
        student.close()
