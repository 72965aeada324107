"""Pooling through AppTest: every panel against torch, uploads, bad windows."""

import json

import numpy as np

from explorer import ops
from tests.helpers import (
    POOLING,
    formula_lines,
    heatmap,
    open_tab,
    photo_bytes,
    start,
    torch_pool,
)

TABS = "pool.tabs"          # only the open tab runs: a test opens the one it reads


def check_pooling_page(at, size, k=2, stride=2, padding=0, ceil_mode=False):
    assert not at.exception and not at.error
    w, h = size
    out_h = ops.output_size(h, k, stride, padding, ceil_mode=ceil_mode)
    out_w = ops.output_size(w, k, stride, padding, ceil_mode=ceil_mode)
    captions = [c.value for c in at.caption]
    assert f"Input, {w}×{h}" in captions
    assert f"Max pooling, {out_w}×{out_h}" in captions and f"Average pooling, {out_w}×{out_h}" in captions
    assert formula_lines(at).split("\n")[0].endswith(f"= {out_h}")
    assert formula_lines(at).split("\n")[1].endswith(f"= {out_w}")
    grid = heatmap(at, "pool.grid_in")
    for mode in ("max", "avg"):
        np.testing.assert_allclose(heatmap(at, f"pool.grid_{mode}"),
                                   np.round(torch_pool(grid, mode, k, stride, padding, ceil_mode), 2), atol=1e-6)


def test_pooling_page_defaults_match_torch():
    at = start(POOLING)
    check_pooling_page(at, (451, 300))
    assert not at.metric and not any("After round" in c.value for c in at.caption)     # the other tabs did not run
    open_tab(at, TABS, "pool.tab_shift")
    assert [m.label for m in at.metric] == ["No pooling", "Max pooling", "Average pooling"]
    none, max_change, avg_change = (float(m.value.rstrip(" %")) for m in at.metric)
    assert max_change < none and avg_change < none
    open_tab(at, TABS, "pool.tab_rounds")
    assert sum("After round" in c.value for c in at.caption) == 8 and not at.metric


def test_pooling_page_with_an_uploaded_photo_and_other_settings():
    at = start(POOLING)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(320, 240), "image/jpeg").run()
    check_pooling_page(at, (320, 240))
    at.slider(key="pool.k").set_value(3).run()
    at.toggle(key="pool.same_stride").set_value(False).run()
    at.number_input(key="pool.stride").set_value(2)
    at.number_input(key="pool.padding").set_value(1)
    at.toggle(key="pool.ceil").set_value(True).run()
    check_pooling_page(at, (320, 240), k=3, stride=2, padding=1, ceil_mode=True)
    assert "⌈" in formula_lines(at)
    at.segmented_control(key="pool.grid_source").set_value("random").run()
    check_pooling_page(at, (320, 240), k=3, stride=2, padding=1, ceil_mode=True)
    open_tab(at, TABS, "pool.tab_shift")
    at.segmented_control(key="pool.shift_input").set_value("photo").run()
    assert not at.exception and len(at.metric) == 3


def test_pooling_padding_above_half_the_window_is_a_clear_message():
    at = start(POOLING)
    at.number_input(key="pool.padding").set_value(2).run()
    assert not at.exception
    assert "at most half" in at.error[0].value


def test_convolution_follows_the_shift_on_the_photo():
    at = open_tab(start(POOLING), TABS, "pool.tab_shift")
    at.slider(key="pool.eq_shift").set_value(4).run()
    message = next(s.value for s in at.success if "shifted by 4" in s.value)
    assert "largest difference 0 away from the border" in message


def test_the_grids_share_one_grey_scale_and_the_shift_test_uses_the_pages_window():
    at = start(POOLING)
    at.slider(key="pool.k").set_value(3).run()
    assert not at.exception and not at.error
    specs = {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    grids = [next(v for k, v in specs.items() if k.endswith(name)) for name in ("grid_in", "grid_max", "grid_avg")]
    ranges = {(g["data"][0]["zmin"], g["data"][0]["zmax"]) for g in grids}
    assert len(ranges) == 1                                   # the input's scale for the pooled grids too
    open_tab(at, TABS, "pool.tab_shift")
    shift = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("pool.shift_plot"))
    assert json.loads(shift.proto.spec)["data"][0]["x"] == [0, 1, 2]          # shifts 0 … k−1 with k = 3
    assert any("(k = 3)" in m.value for m in at.markdown)


def test_the_open_tab_stays_open_when_the_language_changes():
    at = open_tab(start(POOLING), TABS, "pool.tab_shift")
    at.segmented_control(key="lang").set_value("zh").run()
    assert not at.exception and len(at.metric) == 3 and at.session_state[TABS] == "平移测试"
