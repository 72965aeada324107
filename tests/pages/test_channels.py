"""Channels through AppTest: the filter bank against nn.Conv2d, counts, typed kernels."""
import re

import numpy as np
import pytest
import torch

from explorer import kernels
from explorer.ui import channels as ui_channels
from tests.helpers import CHANNELS, heatmap, open_link, open_tab, photo_bytes, start, untranslated

TABS = "ch.tabs"


def test_channels_page_defaults_and_counts():
    at = start(CHANNELS)
    assert not at.exception and not at.error
    # the default filter drawn kernel by kernel: R +Sobel x, G −Sobel x, B off
    for channel, weight in enumerate((1, -1, 0)):
        np.testing.assert_array_equal(heatmap(at, f"ch.kfig{channel}"), kernels.SOBEL_X * weight)
    captions = " ".join(c.value for c in at.caption)
    assert "R channel, shape (300, 451)" in captions and "= one feature map (300, 451)" in captions
    at = open_tab(at, TABS, "ch.tab_many")
    assert any("nn.Conv2d gives exactly the step-by-step sums" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Weight tensor (out, in, kh, kw)"] == "(4, 3, 3, 3)"
    assert [m.value for m in at.metric if m.label == "Parameters"][0] == "112"     # 4·27 + 4
    code = next(c.value for c in at.code if "nn.Conv2d(in_channels=3, out_channels=4" in c.value)
    assert "layer.weight.copy_" in code
    at = open_tab(at, TABS, "ch.tab_sharing")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Convolution"] == "27" and metrics["Fully connected"] == "54.9 G"


def test_channels_page_with_an_upload_and_changed_filters():
    at = start(CHANNELS)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(320, 240), "image/jpeg").run()
    at.selectbox(key="ch.k.B@en").set_value("laplacian_4")
    at.slider(key="ch.bias").set_value(0.5).run()
    assert not at.exception and not at.error
    assert "Sum of the three + bias 0.5 = one feature map (240, 320)" in [c.value for c in at.caption]
    at = open_tab(at, TABS, "ch.tab_many")
    at.pills(key="ch.bank").set_value(["blur", "emboss"]).run()
    assert {m.label: m.value for m in at.metric}["Weight tensor (out, in, kh, kw)"] == "(2, 3, 3, 3)"
    assert any("step-by-step sums" in s.value for s in at.success)
    at.pills(key="ch.bank").set_value([]).run()
    assert any("Pick at least one filter" in i.value for i in at.info)
    at = open_tab(at, TABS, "ch.tab_groups")
    at.slider(key="ch.g_out").set_value(32).run()
    params = [m.value for m in at.metric if m.label == "Parameters"]
    assert params[:4] == ["896", "30", "128", "158"]     # 3·32·9+32, 3·9+3, 3·32+32, both
    assert not at.exception


def test_channels_custom_kernel_starts_from_the_preset_it_replaces():
    at = start(CHANNELS)
    at.selectbox(key="ch.k.R@en").set_value("custom").run()
    assert not at.exception and not at.error
    assert len(at.data_editor) == 1
    grid = at.data_editor[0].value
    assert grid.shape == (3, 3) and list(grid.iloc[:, 0]) == ["-1", "-2", "-1"]    # Sobel x at weight 1
    assert "Sum of the three + bias 0 = one feature map (300, 451)" in [c.value for c in at.caption]


def test_a_patch_of_the_photo_is_found_where_it_was_cut():
    at = open_tab(start(CHANNELS), TABS, "ch.tab_sharing")
    message = next(s.value for s in at.success if "largest normalised response" in s.value)
    found = re.search(r"at x=(\d+), y=(\d+): where the patch was cut \(x=(\d+), y=(\d+)\)", message)
    assert found and found.group(1) == found.group(3) and found.group(2) == found.group(4)
    assert "(1.000)" in message


def test_in_presentation_mode_the_step_by_step_figure_comes_first_and_fits():
    """On a projector the introduction is left to the teacher, the kernels fold away under the figure, and the
    pictures are small enough for its three rows to fit 1280×720 (the browser test looks at it)."""
    at = open_link(CHANNELS, {"present": "true"})
    assert not at.exception and not at.error
    settings = at.expander[0]
    assert settings.label == "Kernels, weights and bias"
    assert {s.key for s in settings.selectbox} >= {"ch.k.R@en", "ch.k.G@en", "ch.k.B@en"}
    assert settings.get("plotly_chart") == []                          # the kernels' matrices stay in the figure
    texts = " ".join(m.value for m in at.markdown)
    assert "A colour photo has three channels" not in texts and "Choose the filter's kernel" not in texts
    assert any("Choose the filter's kernel" in c.value for c in at.caption)      # under the figure instead
    normal = start(CHANNELS)
    assert "A colour photo has three channels" in " ".join(m.value for m in normal.markdown)
    assert "Kernels, weights and bias" not in [e.label for e in normal.expander]


def test_pictures_of_the_step_by_step_figure_are_capped_in_height_on_a_projector(monkeypatch):
    monkeypatch.setattr(ui_channels, "presenting", lambda: True)
    for h, w in ((300, 451), (512, 512), (512, 120)):
        width = ui_channels._picture_width(h, w)
        assert abs(width * h / w - ui_channels.PRESENTING_HEIGHT) <= h / w      # the height, to a pixel of width
    monkeypatch.setattr(ui_channels, "presenting", lambda: False)
    assert ui_channels._picture_width(300, 451) == "stretch"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_any_layers_shapes_open_on_the_notes_conv2d_5_10_3(lang):
    at = start(CHANNELS)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    at = open_tab(at, TABS, "ch.tab_many", lang)
    assert not at.exception
    layer = torch.nn.Conv2d(5, 10, 3)
    out = layer(torch.zeros(1, 5, 100, 100))
    code = next(c.value for c in at.code if "nn.Conv2d(5, 10, 3" in c.value)
    assert f"# {tuple(layer.weight.shape)}" in code and f"# {tuple(out.shape)}" in code
    assert any(f"{sum(p.numel() for p in layer.parameters()):,}" in m.value for m in at.markdown)
    at.number_input(key="ch.s_k").set_value(15)
    at.number_input(key="ch.s_h").set_value(10).run()
    assert not at.exception and at.error                                        # a kernel that does not fit: a message
    if lang == "zh":
        assert not untranslated(at)
