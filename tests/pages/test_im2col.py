"""im2col through AppTest: forward and backward against torch, the cost table."""
import numpy as np
import torch
import torch.nn.functional as F

from explorer import im2col
from tests.helpers import IM2COL, heatmap, photo_bytes, start


def test_im2col_page_forward_backward_equal_torch():
    at = start(IM2COL)
    assert not at.exception and not at.error
    success = " ".join(s.value for s in at.success)
    assert "Equal to torch.nn.functional.conv2d" in success and "equal torch autograd" in success
    # the feature maps drawn are torch's for the page's default example (2 channels, 5×5, 2 filters 3×3, seed 7)
    x, weight, bias = (torch.from_numpy(a) for a in im2col.example(2, 5, 2, 3, 7))
    expected = F.conv2d(x, weight, bias)[0].numpy()
    for f in range(2):
        np.testing.assert_allclose(heatmap(at, f"ic.out{f}"), expected[f])
    assert any("im2col(x): shape (9, 18)" in m.value for m in at.markdown)
    at.slider(key="ic.row").set_value(5).run()
    assert any(c.value.startswith("Row 5, filter 1:") for c in at.code)
    at.number_input(key="ic.c").set_value(3)
    at.number_input(key="ic.side").set_value(7)
    at.number_input(key="ic.stride").set_value(2)
    at.number_input(key="ic.pad").set_value(1).run()
    assert not at.exception and not at.error
    assert any("im2col(x): shape (16, 27)" in m.value for m in at.markdown)    # ⌊(7 + 2 − 3)/2⌋ + 1 = 4
    assert "equal torch autograd" in " ".join(s.value for s in at.success)


def test_im2col_page_cost_table_with_an_upload():
    at = start(IM2COL)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(320, 240), "image/jpeg").run()
    assert at.metric[0].value == "7.91 MB"          # 320·240 rows × 27 columns × 4 bytes = 8,294,400 B
    next(b for b in at.button if "Measure" in b.label).click().run()
    assert not at.exception
    frame = at.dataframe[-1].value
    assert list(frame.iloc[:, 0]) == ["Python loops", "NumPy im2col + matmul", "explorer.ops.conv2d (PyTorch)",
                                      "OpenCV filter2D"]
    assert frame.iloc[3, 2] == "1.0×"


def test_im2col_kernel_larger_than_the_input_is_a_message():
    at = start(IM2COL)
    at.number_input(key="ic.side").set_value(3)
    at.number_input(key="ic.k").set_value(4).run()
    assert not at.exception
    assert "padded image is only" in at.error[0].value
