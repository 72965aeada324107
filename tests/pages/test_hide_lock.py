"""Links that hide or lock settings (``?hide=conv.stride&lock=conv.dilation``) on every page, the hidden value still
counting, an unknown name told, and the "Share this view" panel that makes such a link with its QR code."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from explorer import i18n
from explorer.ui.state import shared
from tests.helpers import open_tab

HOME = str(Path(__file__).resolve().parents[2] / "explorer" / "Home.py")
KINDS = ("number_input", "slider", "toggle", "segmented_control", "selectbox", "select_slider")
# per page: a setting the link hides and one it locks (both drawn there when no link says otherwise)
RULES = {"kernel_lab": ("conv.stride", "conv.dilation"), "sliding_window": ("sw.stride", "sw.dilation"),
         "pooling": ("pool.padding", "pool.k"), "transposed_dilated": ("td.resize", "td.up_stride"),
         "channels": ("ch.s_k", "ch.s_stride"), "im2col": ("ic.k", "ic.stride"),
         "network": ("net.epochs", "net.seed"), "check_yourself": ("ex.seed", "ex.level")}
OPEN = {"channels": ("ch.tabs", "ch.tab_many")}     # where those settings are, on a page that runs its open tab only


def widgets(at: AppTest) -> dict:
    """Every value widget of the page by its setting (a select box's key carries the language: ``key@en``)."""
    return {w.key.split("@")[0]: w for kind in KINDS for w in getattr(at.main, kind) if w.key}


def opened(page: str, **link) -> AppTest:
    at = AppTest.from_file(HOME, default_timeout=90)
    for key, value in link.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(f"../pages/{page}.py").run()


@pytest.mark.parametrize("page", RULES)
def test_a_link_hides_one_setting_and_locks_another_on_every_page(page):
    hidden, locked = RULES[page]
    at = opened(page, hide=hidden, lock=locked)
    if page in OPEN:
        at = open_tab(at, *OPEN[page])
    shown = widgets(at)
    assert not at.exception and hidden not in shown and shown[locked].disabled
    assert hidden in at.session_state[shared.OFFERED]          # the page reached it: its helper ran, drew nothing
    assert at.query_params["hide"] == hidden and at.query_params["lock"] == locked   # a copied link keeps them


def test_a_hidden_setting_keeps_the_links_value_in_the_computation_on_every_page_it_reaches():
    at = opened("kernel_lab", **{"hide": "conv.stride", "conv.stride": "2", "conv.padding_kind": "number"})
    assert "conv.stride" not in widgets(at)
    assert "/2⌋" in at.code[0].value                     # the output size's formula divides by the stride 2
    at.switch_page("../pages/pooling.py").run()
    assert at.query_params["hide"] == "conv.stride" and not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unknown_name_is_told_and_the_known_ones_still_work(lang):
    at = AppTest.from_file(HOME, default_timeout=60)
    at.query_params.update({"lang": lang, "hide": "conv.strde,conv.dilation", "lock": "<b>x</b>"})
    at.run()
    toast = " ".join(t.value for t in at.toast)
    assert "hide=conv.strde" in toast and "lock=" in toast and "<b>" not in toast
    at.switch_page("../pages/kernel_lab.py").run()
    assert "conv.dilation" not in widgets(at) and "conv.stride" in widgets(at)


def test_share_this_view_makes_the_link_with_hidden_and_locked_settings_and_its_qr_code():
    at = opened("kernel_lab", **{"conv.stride": "3", "conv.padding_kind": "number"})
    assert not at.sidebar.multiselect                      # closed: nothing of it runs
    at.session_state["share.open"] = True
    at.run()
    hide, lock = at.sidebar.multiselect
    assert hide.label == i18n.t("share.hide", "en") and {"Stride", "Greyscale"} <= set(hide.options)   # labels
    hide.set_value(["conv.stride"]).run()
    at.sidebar.multiselect[1].set_value(["conv.dilation"]).run()
    link = at.sidebar.code[-1].value
    assert "conv.stride=3" in link and "hide=conv.stride" in link and "lock=conv.dilation" in link
    assert "Stride" not in at.sidebar.multiselect[1].options      # hidden or locked, not both
    qr = next(node for node in at.sidebar if getattr(node, "type", "") == "image")
    assert qr is not None and not at.exception
    from explorer.ui.share import qr_png
    picture = Image.open(io.BytesIO(qr_png(link)))
    assert picture.size[0] == picture.size[1] >= 150           # a square code, large enough for a projector
