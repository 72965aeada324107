"""Parts of a page that rerun alone (``shell.panel``), in a real server driven as a browser drives it: a tab's own
widget redraws that tab only; a page whose tabs run only while open draws the open one's widgets alone."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import app_server  # noqa: E402
from class_client import SocketStudent  # noqa: E402

from explorer import i18n  # noqa: E402
from explorer.ui.state import channels, transposed  # noqa: E402


@pytest.fixture(scope="module")
def url():
    with app_server({}) as (address, _):
        yield address


def test_a_tab_s_own_widget_redraws_that_tab_only(url):
    student = SocketStudent(url, "one")
    try:
        assert student.open("channels").error is None and len(student.runs_shown()) == 1
        changed = student.set({channels.BIAS: 0.5})        # the first tab's
        assert changed.error is None and len(student.runs_shown()) == 2        # the tab now, the rest before
        assert student.open("channels").error is None and len(student.runs_shown()) == 1
    finally:
        student.close()


def test_only_the_open_tab_runs(url):
    """Transposed & Dilated runs its open tab only: the first tab's widgets are on the page, the grid tab's not."""
    student = SocketStudent(url, "one")
    try:
        assert student.open("transposed_dilated").error is None
        assert student.key_for(i18n.t("td.up_stride", "en")) == transposed.UP_STRIDE
        assert student.key_for(i18n.t("td.g_side", "en")) is None
    finally:
        student.close()
