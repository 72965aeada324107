"""im2col through AppTest: forward and backward against torch, the cost table."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import im2col
from tests.helpers import IM2COL, heatmap, open_tab, photo_bytes, start, untranslated

TABS = "ic.tabs"


def test_im2col_page_forward_backward_equal_torch():
    at = start(IM2COL)
    assert not at.exception and not at.error
    assert "Equal to torch.nn.functional.conv2d" in " ".join(s.value for s in at.success)
    # the feature maps drawn are torch's for the page's default example (2 channels, 5×5, 2 filters 3×3, seed 7)
    x, weight, bias = (torch.from_numpy(a) for a in im2col.example(2, 5, 2, 3, 7))
    expected = F.conv2d(x, weight, bias)[0].numpy()
    for f in range(2):
        np.testing.assert_allclose(heatmap(at, f"ic.out{f}"), expected[f])
    assert any("im2col(x): shape (N·OH·OW, C·FH·FW) = (9, 18)" in m.value for m in at.markdown)
    at.slider(key="ic.row").set_value(5).run()
    assert any(c.value.startswith("Row 5, filter 1:") for c in at.code)
    at.number_input(key="ic.c").set_value(3)
    at.number_input(key="ic.side").set_value(7)
    at.number_input(key="ic.stride").set_value(2)
    at.number_input(key="ic.pad").set_value(1).run()
    assert not at.exception and not at.error
    assert any("= (16, 27)" in m.value for m in at.markdown)    # ⌊(7 + 2 − 3)/2⌋ + 1 = 4
    at = open_tab(at, TABS, "ic.tab_backward")
    assert "equal torch autograd" in " ".join(s.value for s in at.success)


def test_im2col_page_cost_table_with_an_upload():
    at = start(IM2COL)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(320, 240), "image/jpeg").run()
    at = open_tab(at, TABS, "ic.tab_cost")
    assert at.metric[0].value == "7.91 MB"          # 320·240 rows × 27 columns × 4 bytes = 8,294,400 B
    next(b for b in at.button if "Measure" in b.label).click().run()
    assert not at.exception
    frame = at.dataframe[-1].value
    assert list(frame.iloc[:, 0]) == ["Python loops", "NumPy im2col + matmul", "explorer.ops.conv2d (PyTorch)",
                                      "OpenCV filter2D"]
    assert frame.iloc[3, 2] == "1.0×"
    assert list(frame.iloc[1:, 3]) == ["320×240"] * 3     # the callback measured the uploaded photo, not the sample


def test_im2col_kernel_larger_than_the_input_is_a_message():
    at = start(IM2COL)
    at.number_input(key="ic.side").set_value(3)
    at.number_input(key="ic.k").set_value(4).run()
    assert not at.exception
    assert "padded image is only" in at.error[0].value


def test_the_notes_batch_and_pooling_as_im2col():
    at = start(IM2COL)
    at.number_input(key="ic.n").set_value(10)
    at.number_input(key="ic.c").set_value(3)
    at.number_input(key="ic.side").set_value(7)
    at.number_input(key="ic.k").set_value(5).run()
    assert not at.exception and not at.error
    assert any("= (90, 75)" in m.value for m in at.markdown)
    assert any("(N, C, H, W) = (10, 3, 7, 7)" in m.value for m in at.markdown)
    assert any("(FN, C, FH, FW) = (2, 3, 5, 5)" in m.value for m in at.markdown)
    at = open_tab(at, TABS, "ic.tab_pool")
    x = torch.from_numpy(im2col.example(3, 7, 2, 5, 7, batch=10)[0]).requires_grad_()
    pooled = F.max_pool2d(x, 2, 2)
    pooled.sum().backward()
    np.testing.assert_array_equal(heatmap(at, "ic.pool_out0"), pooled[0, 0].detach().numpy())
    np.testing.assert_array_equal(heatmap(at, "ic.pool_dx0"), x.grad[0, 0].numpy())
    assert any("F.max_pool2d and autograd" in s.value for s in at.success)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_notes_examples_in_one_click_and_what_padding_does_for_the_border(lang):
    at = start(IM2COL)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    at.button(key="ic.example.notes_batch").click().run()
    assert not at.exception and not at.error
    assert at.number_input(key="ic.n").value == 10 and at.number_input(key="ic.k").value == 5
    assert any("(90, 75)" in m.value for m in at.markdown)
    at.button(key="ic.example.cs231n").click().run()
    assert (at.number_input(key="ic.side").value, at.number_input(key="ic.stride").value,
            at.number_input(key="ic.pad").value) == (5, 2, 1)
    assert at.get("plotly_chart") and not at.exception
    x, weight, bias = (torch.from_numpy(a) for a in im2col.example(3, 5, 2, 3, 7))
    expected = F.conv2d(x, weight, bias, stride=2, padding=1)[0].numpy()
    for f in range(2):
        np.testing.assert_allclose(heatmap(at, f"ic.out{f}"), expected[f])      # 3×3×2, torch's
    note = next(m.value for m in at.markdown if "col2im" in m.value)
    assert ("1 with padding 0" in note and "1 with padding 1" in note) if lang == "en" else "填充 0 时 1 次" in note
    assert any("def col2im" in c.value for c in at.code)
    if lang == "zh":
        assert not untranslated(at)


def test_a_single_window_has_no_row_to_choose():
    at = start(IM2COL)
    at.number_input(key="ic.side").set_value(3).run()           # 3×3 input, 3×3 kernel: one window, one row
    assert not at.exception and not at.error
    assert not [s for s in at.slider if s.key == "ic.row"] and any("= (1, 18)" in m.value for m in at.markdown)
