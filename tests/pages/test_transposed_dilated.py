"""Transposed & Dilated through AppTest: three readings against torch, uploads, checkerboards, fields."""

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from explorer import display, i18n
from explorer.lessons import sliding, transposed
from tests.helpers import HOME, POOLING, TRANSPOSED, chart, heatmap, open_tab, photo_bytes, start

TABS = "td.tabs"


def test_transposed_page_three_ways_agree_with_torch():
    at = open_tab(start(TRANSPOSED), TABS, "td.tab_grid")
    assert not at.exception and not at.error
    assert any("All three results are the same" in s.value for s in at.success)
    scatter = chart(at, "td.scatter.figure")
    grid = np.array(scatter["data"][0]["z"], dtype=np.float32)
    kernel = np.array(scatter["data"][2]["z"], dtype=np.float32)
    expected = torch.nn.functional.conv_transpose2d(torch.tensor(grid)[None, None], torch.tensor(kernel)[None, None])
    for key in ("td.r1", "td.r2", "td.r3"):
        np.testing.assert_allclose(heatmap(at, key), expected[0, 0].numpy(), atol=1e-5)
    assert heatmap(at, "td.V").shape == (4, 16)        # the textbook case: 2×2 input, 3×3 kernel
    assert any("The convolution matrix V (4×16)" in m.value for m in at.markdown)


@pytest.mark.parametrize("stride, padding, output_padding", [(2, 0, 1), (3, 1, 2), (2, 2, 0)])
def test_transposed_grid_settings_stay_equal_to_torch(stride, padding, output_padding):
    at = open_tab(start(TRANSPOSED), TABS, "td.tab_grid")
    at.number_input(key="td.g_side").set_value(3)
    at.number_input(key="td.g_stride").set_value(stride).run()
    at.number_input(key="td.g_padding").set_value(padding)
    at.number_input(key="td.g_op").set_value(output_padding).run()
    assert not at.exception and not at.error
    scatter = chart(at, "td.scatter.figure")
    grid = np.array(scatter["data"][0]["z"], dtype=np.float32)
    kernel = np.array(scatter["data"][2]["z"], dtype=np.float32)
    expected = torch.nn.functional.conv_transpose2d(torch.tensor(grid)[None, None], torch.tensor(kernel)[None, None],
                                                    stride=stride, padding=padding,
                                                    output_padding=output_padding)[0, 0].numpy()
    for key in ("td.r1", "td.r2", "td.r3"):
        np.testing.assert_allclose(heatmap(at, key), expected, atol=1e-4)
    assert heatmap(at, "td.V").shape == (9, expected.size)


def test_transposed_page_with_an_uploaded_photo():
    at = start(TRANSPOSED)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(320, 240), "image/jpeg").run()
    assert not at.exception and not at.error
    captions = " ".join(c.value for c in at.caption)
    piece = display.crop_fraction(np.zeros((240, 320)), 0.5, 0.4, 6).shape
    assert f"Input part, {piece[1]}×{piece[0]}" in captions
    assert f"Transposed convolution, {piece[1] * 2}×{piece[0] * 2}" in captions
    for stride in (3, 4):
        at.segmented_control(key="td.up_stride").set_value(stride).run()
        assert f"Transposed convolution, {piece[1] * stride}×{piece[0] * stride}" in " ".join(
            c.value for c in at.caption)
    at.selectbox(key="td.up_kernel@en").set_value("random").run()
    at.toggle(key="td.exact").set_value(False).run()
    at.number_input(key="td.up_padding").set_value(0).run()
    assert not at.exception and not at.error
    assert f"Transposed convolution, {(piece[1] - 1) * 4 + 8}×" in " ".join(c.value for c in at.caption)
    at = open_tab(at, TABS, "td.tab_field")                    # the photo's receptive field, on its own tab
    assert any("Backpropagating from one output pixel" in s.value for s in at.success)
    assert at.metric[0].value == "32 × 32"


def test_checkerboard_and_dilation_panels():
    at = open_tab(start(TRANSPOSED), TABS, "td.tab_checkerboard")
    assert any("uneven overlap" in w.value for w in at.warning)
    assert np.ptp(heatmap(at, "td.flat_t")) > 0.1 and np.ptp(heatmap(at, "td.flat_r")) == 0
    at.number_input(key="td.cb_k").set_value(4).run()
    assert any("every output pixel gets the same number" in s.value for s in at.success)
    assert np.ptp(heatmap(at, "td.flat_t")) == 0
    at = open_tab(at, TABS, "td.tab_dilated")
    assert [c.value for c in at.caption if c.value.startswith("Spans")] == [
        f"Spans {e}×{e} pixels with 9 weights; blank cells of the kernel are holes." for e in (3, 5, 9, 17)]
    same = heatmap(at, "td.gridding3 layers, dilation 2 each")
    assert np.isnan(same).mean() == pytest.approx(1 - 49 / 169)
    assert "71 % of it is never seen" in " ".join(c.value for c in at.caption)


def test_receptive_field_stack_from_the_session_and_its_errors():
    at = AppTest.from_file(HOME, default_timeout=60)
    at.session_state["td.rf_saved"] = [{"kernel": 5, "stride": 2, "dilation": 1, "padding": 2},
                                       {"kernel": 3, "stride": 1, "dilation": 4, "padding": 4}]
    at.session_state[TABS] = i18n.t("td.tab_field", "en")
    at.run().switch_page(TRANSPOSED).run()
    assert not at.exception
    assert at.metric[0].value == "21 × 21"      # 5, then (3−1)·4 = 8 more at jump 2
    assert "RF(1) = 2·(9 − 1) + 5 = 21" in " ".join(c.value for c in at.code)
    at = AppTest.from_file(HOME, default_timeout=60)
    at.session_state["td.rf_saved"] = [{"kernel": 15, "stride": 8, "dilation": 1, "padding": 0}] * 3
    at.session_state[TABS] = i18n.t("td.tab_field", "en")
    at.run().switch_page(TRANSPOSED).run()
    assert not at.exception
    assert "Layer 3 has no output" in at.error[0].value


def test_pooling_and_transposed_pages_in_chinese():
    at = start()
    at.segmented_control(key="lang").set_value("zh").run()
    at.switch_page(POOLING).run()
    assert not at.exception and at.title[0].value == "池化"
    at.switch_page(TRANSPOSED).run()
    assert not at.exception and at.title[0].value == "转置卷积与空洞卷积"
    at = open_tab(at, TABS, "td.tab_grid", "zh")
    assert any("三种结果完全相同" in s.value for s in at.success)


def test_transposed_convolution_is_not_an_inverse():
    at = open_tab(start(TRANSPOSED), TABS, "td.tab_inverse")
    grid = sliding.generate_grid("random", 5, 5, 5)
    kernel = transposed.grid_kernel("integers", 3, 1, 6)
    x, k = torch.from_numpy(grid)[None, None], torch.from_numpy(kernel)[None, None]
    back = torch.nn.functional.conv_transpose2d(torch.nn.functional.conv2d(x, k, padding=1), k, padding=1)
    np.testing.assert_allclose(heatmap(at, "td.inv_back"), back[0, 0].numpy(), atol=1e-4)
    difference = heatmap(at, "td.inv_diff")
    assert difference.shape == (5, 5) and np.abs(difference).max() > 1
    assert any("Back to 5×5" in i.value for i in at.info)


def test_unpooling_is_shown_beside_interpolation_and_the_transposed_convolution():
    at = start(TRANSPOSED)
    assert not at.exception
    tables = " ".join(h.proto.body for h in at.get("html"))
    assert "MaxUnpool2d" in tables and "Nearest interpolation" in tables
    assert any("return_indices=True" in m.value for m in at.markdown)
