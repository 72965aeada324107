"""Small or extreme but valid inputs (issue 27): every page on every image the decoder accepts, down to 1×1.

A lesson that cannot apply to so small a picture says so in a short message in the user's language, and the
page goes on; none shows a traceback. A Kernel Lab kernel typed with huge numbers overflows float32: the outputs
that become inf or NaN are counted and named, never a crash.
"""
import io

import numpy as np
import pytest
from PIL import Image

from explorer import i18n
from explorer.ui.channels import TEMPLATE_SIDE
from explorer.ui.transposed.dilation import DILATIONS
from tests.helpers import CHANNELS, IM2COL, KERNEL_LAB, NETWORK, POOLING, SLIDING, TRANSPOSED, open_tab, start

SIZES = [(1, 1), (2, 2), (3, 3), (5, 4), (8, 8), (16, 16), (1, 32), (32, 1)]    # width × height; aspect ≤ 32
# the tab whose message a page's notes expect, where only the open tab runs: (its tabs' key, its name)
# the tabs that run only while open: each visited in turn (every one must work on a tiny picture)
OPEN = {POOLING: ("pool.tabs", ["pool.tab_side", "pool.tab_rounds", "pool.tab_shift"]),
        TRANSPOSED: ("td.tabs", [f"td.tab_{name}" for name in ("upsample", "grid", "inverse", "checkerboard",
                                                                 "dilated", "field")]),
        CHANNELS: ("ch.tabs", [f"ch.tab_{name}" for name in ("one", "many", "groups", "sharing")]),
        IM2COL: ("ic.tabs", [f"ic.tab_{name}" for name in ("forward", "backward", "pool", "cost")])}
# the expanders that run only while open, opened in turn
EXPANDERS = {KERNEL_LAB: ["kl.pixel_open", "kl.code_open"]}

# Each page, and the messages (i18n key, parameters) it must show on a w × h picture; with the default settings
NOTES = [
    (KERNEL_LAB, lambda w, h: []),
    (SLIDING, lambda w, h: []),
    # a 2×2 window does not fit a side of 1 (the page stops); the shift-by-3 comparison needs 5 columns
    (POOLING, lambda w, h: [("err.pool_too_big", {"kh": 2, "kw": 2, "h": h, "w": w})] if min(w, h) < 2 else
     [("err.shift_too_narrow", {"s": 3, "w": w, "need": 5})] if w < 5 else []),
    # reflect padding of d (the 3×3 kernel dilated by d, 'same') must be narrower than each side
    (TRANSPOSED, lambda w, h: [("td.dil_too_small", {"d": d, "e": 2 * d + 1, "w": w, "h": h})
                               for d in DILATIONS if d >= min(w, h)]),
    (CHANNELS, lambda w, h: [("err.template_fit", {"side": TEMPLATE_SIDE, "h": h, "w": w})]
     if min(w, h) < TEMPLATE_SIDE else []),
    (IM2COL, lambda w, h: []),
    (NETWORK, lambda w, h: []),
]


def png(w: int, h: int) -> bytes:
    pixels = np.random.default_rng(w * 100 + h).integers(0, 256, (h, w, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def messages(at) -> list[str]:
    return [m.value for kind in ("info", "warning", "error") for m in at.get(kind)]


@pytest.mark.parametrize("w, h", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_works_on_a_tiny_image(w, h):
    at = start()
    at.sidebar.file_uploader[0].upload(f"{w}x{h}.png", png(w, h), "image/png").run()
    assert not at.exception and not at.sidebar.error
    for lang in ("en", "zh"):
        at.segmented_control(key="lang").set_value(lang).run()
        for page, notes in NOTES:
            at.switch_page(page).run()
            shown = messages(at)
            key, tabs = OPEN.get(page, (None, []))
            for tab in tabs:
                open_tab(at, key, tab, lang)
                assert not at.exception, (page, tab, lang, at.exception[0].message)
                shown += messages(at)
            for expander in EXPANDERS.get(page, []):
                at.session_state[expander] = True
                at.run()
                assert not at.exception, (page, expander, lang, at.exception[0].message)
                shown += messages(at)
            assert not at.exception, (page, lang, at.exception[0].message)
            assert f"{w}×{h}" in " ".join(c.value for c in at.sidebar.caption), "the upload is in use"
            for key, params in notes(w, h):
                assert i18n.t(key, lang, **params) in shown, (page, lang, key, shown)


@pytest.mark.parametrize("w, h", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_network_reads_a_tiny_digit_photo(w, h):
    """The Network page's own uploader (a photo of a digit) takes the same pictures."""
    at = start(NETWORK)
    at.segmented_control(key="net.input").set_value("photo").run()
    at.main.file_uploader(key="net.photo").upload(f"{w}x{h}.png", png(w, h), "image/png").run()
    assert not at.exception and not at.error


HUGE = {
    "1e38": [["1e38", "0", "0"], ["0", "0", "0"], ["0", "0", "0"]],
    "-1e38": [["0", "0", "0"], ["0", "-1e38", "0"], ["0", "0", "0"]],
    "sum overflows": [["3e38"] * 3] * 3,
    "signs mixed": [["3e38", "-3e38", "3e38"]] * 3,
}


def typed(page: str, grid: list[list[str]]):
    """The page with ``grid`` typed into the custom kernel's editor (AppTest cannot type into a data editor:
    the grid goes where the editor reads it, under a new editor version)."""
    at = start(page)
    at.segmented_control(key="kernel.source").set_value("custom").run()
    at.session_state["kernel.grid"] = grid
    at.session_state["kernel.grid_version"] += 1
    return at.run()


@pytest.mark.parametrize("name", HUGE)
def test_kernel_lab_shows_overflowing_outputs_as_such(name):
    at = typed(KERNEL_LAB, HUGE[name])
    at.session_state["kl.code_open"] = True
    at.run()
    assert not at.exception and not at.error
    snippet = next(c.value for c in at.code if c.value.startswith("import torch"))
    assert "inf" not in snippet                       # the code holds the typed numbers, not float32's overflow
    overflows = name in ("sum overflows", "signs mixed")
    notes = [w.value for w in at.warning if "output values are" in w.value and "float32" in w.value]
    assert len(notes) == overflows
    if overflows:                                     # counted, named, and the inspector says why
        assert " 0 " not in notes[0]                  # only the kinds there are ("0 are not a number" read oddly)
        assert any("Float32 holds at most" in w.value for w in at.warning)
        assert "kl.hist" in " ".join(c.proto.id for c in at.get("plotly_chart"))   # over the finite values
        at.segmented_control(key="lang").set_value("zh").run()
        assert not at.exception and any("个输出值" in w.value and "float32" in w.value for w in at.warning)


@pytest.mark.parametrize("name", HUGE)
def test_sliding_window_takes_the_same_kernel(name):
    """Its grid holds 0…255: every one of these kernels may overflow there, which is said, not "please report"."""
    at = typed(SLIDING, HUGE[name])
    assert not at.exception and not at.error
    assert [i18n.t("sw.overflow")] == [w.value for w in at.warning] or i18n.t("sw.matches") in [
        s.value for s in at.success]


def test_a_cell_beyond_float32_is_named_and_the_last_kernel_stays():
    at = typed(KERNEL_LAB, [["1e39", "0", "0"], ["0", "0", "0"], ["0", "0", "0"]])
    assert not at.exception
    assert any("Row 1, column 1: “1e39” is beyond float32's range" in e.value for e in at.error)
    assert at.get("plotly_chart")                     # the page still draws, with the last valid kernel
