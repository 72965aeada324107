"""The pages through Streamlit's AppTest: they render, react to widgets and show real results."""
import io
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from streamlit.testing.v1 import AppTest

from explorer import imaging, kernels, lenet, ops
from tests.test_lenet import Exploit, idx_bytes

ROOT = Path(__file__).resolve().parents[1]
HOME = str(ROOT / "explorer" / "Home.py")
KERNEL_LAB = "../pages/kernel_lab.py"


def photo_bytes(w=320, h=240, fmt="JPEG") -> bytes:
    """A synthetic 'photo': smooth colour gradients and a bright disc with a hard edge."""
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x / w, y / h, 0.5 + 0.5 * np.sin(x / 17.0)], axis=2)
    rgb[(x - w / 2) ** 2 + (y - h / 2) ** 2 < (h / 4) ** 2] = 1.0
    buffer = io.BytesIO()
    Image.fromarray((rgb * 255).astype(np.uint8)).save(buffer, format=fmt)
    return buffer.getvalue()


def start(page=None) -> AppTest:
    at = AppTest.from_file(HOME, default_timeout=60)
    at.run()
    assert not at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception
    return at


def formula_lines(at) -> str:
    return next(c.value for c in at.code if c.value.startswith("H: "))


def test_home_explains_and_shows_the_device():
    at = start()
    assert at.title[0].value == "CNN Explorer"
    assert "convolution" in at.markdown[0].value
    device = ops.device_label(ops.pick_device())
    assert any(device in i.value for i in at.info)
    assert any("Kernel Lab" in c.value or "preset kernels" in c.value for c in at.caption)


def test_language_switch_changes_the_strings_on_every_page():
    at = start()
    at.segmented_control(key="lang").set_value("zh").run()
    assert at.title[0].value == "CNN 探索器"
    at.switch_page(KERNEL_LAB).run()
    assert not at.exception
    assert at.title[0].value == "卷积核实验室"
    assert at.selectbox(key="kernel.preset@zh").value == "sobel_magnitude"
    assert "Sobel 梯度幅值" in at.selectbox(key="kernel.preset@zh").options
    assert any("输出图像在" in s.value for s in at.success)


def test_kernel_lab_default_output_agrees_with_the_inspector():
    at = start(KERNEL_LAB)
    assert not at.error
    assert formula_lines(at) == "H: ⌊(300 + 2·1 − 3)/1⌋ + 1 = 300\nW: ⌊(451 + 2·1 − 3)/1⌋ + 1 = 451"
    assert at.success and "the same number" in at.success[0].value
    assert len(at.get("download_button")) == 2


def test_upload_takes_precedence_and_switching_presets_recomputes():
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(), "image/jpeg").run()
    assert not at.exception
    assert "photo.jpg" in " ".join(c.value for c in at.sidebar.caption)
    assert formula_lines(at).startswith("H: ⌊(240 + 2·1 − 3)/1⌋ + 1 = 240")
    at.selectbox(key="kernel.preset@en").set_value("gaussian_blur").run()
    at.slider(key="kernel.gaussian_blur.size").set_value(7).run()
    assert not at.exception
    assert formula_lines(at).startswith("H: ⌊(240 + 2·3 − 7)/1⌋ + 1 = 240")
    assert at.success, [e.value for e in at.error]
    at.segmented_control(key="conv.padding_kind").set_value("valid").run()
    at.number_input(key="conv.stride").set_value(2)
    at.run()
    assert "H: ⌊(240 + 2·0 − 7)/2⌋ + 1 = 117" in formula_lines(at)
    assert at.success


def test_inspector_follows_the_typed_position_and_matches_ops():
    at = start(KERNEL_LAB)
    at.selectbox(key="kernel.preset@en").set_value("laplacian_4").run()
    at.number_input(key="kl.x").set_value(10)
    at.number_input(key="kl.y").set_value(20)
    at.segmented_control(key="kl.channel").set_value(1)
    at.run()
    image = np.asarray(Image.open(ROOT / "assets" / "cat.png").convert("RGB"), np.float32) / 255
    expected = ops.conv2d(image, kernels.get_kernel("laplacian_4"), padding="same", padding_mode="reflect")
    message = at.success[0].value
    assert "x=10, y=20" in message
    assert f"{expected[20, 10, 1]:.6g}" in message
    # the window, kernel and products tables hold the green channel's 3×3 window around (10, 20)
    tables = next(h.proto.body for h in at.get("html") if "Products" in h.proto.body)
    window = image[19:22, 9:12, 1]
    for value in (*window.ravel(), *(window * kernels.get_kernel("laplacian_4")).ravel()):
        assert f": {float(value):.6g}\">" in tables, value


def test_invalid_settings_show_a_message_not_a_traceback():
    at = start(KERNEL_LAB)
    at.number_input(key="conv.stride").set_value(2).run()
    assert not at.exception
    assert "'same' padding keeps the size only with stride 1" in at.error[0].value
    at.sidebar.file_uploader[0].upload("icon.png", photo_bytes(30, 20, "PNG"), "image/png")
    at.segmented_control(key="conv.padding_kind").set_value("number").run()
    at.number_input(key="conv.padding").set_value(40).run()
    assert "Reflect padding of 40 is too wide for a 30×20 image" in at.error[0].value
    at.selectbox(key="conv.padding_mode@en").set_value("zeros")
    at.number_input(key="conv.padding").set_value(0)
    at.number_input(key="conv.dilation").set_value(16)
    at.selectbox(key="kernel.preset@en").set_value("laplacian_of_gaussian")
    at.run()
    assert "padded image is only" in at.error[0].value


def test_custom_kernel_bad_cells_keep_the_last_valid_kernel():
    at = start(KERNEL_LAB)
    at.segmented_control(key="kernel.source").set_value("custom").run()
    assert not at.exception
    editor = at.data_editor[0].value
    assert editor.shape == (3, 3) and editor.iloc[1, 0] == "-2"   # starts from the Sobel preset
    at.session_state["kernel.grid"] = [["0", "0", "0"], ["0", "2", "0"], ["0", "0", "0"]]
    at.session_state["kernel.grid_version"] += 1
    at.run()
    assert at.success and not at.error
    good = at.session_state["kernel.valid"]
    np.testing.assert_array_equal(good, [[0, 0, 0], [0, 2, 0], [0, 0, 0]])
    at.session_state["kernel.grid"] = [["0", "0", "0"], ["0", "two", "0"], ["0", "0", ""]]
    at.session_state["kernel.grid_version"] += 1
    at.run()
    assert not at.exception
    assert "Row 2, column 2: “two” is not a number" in at.error[0].value
    assert "The last valid kernel stays in use" in at.error[0].value
    np.testing.assert_array_equal(at.session_state["kernel.valid"], good)
    assert at.success   # the page still shows the result of the last valid kernel


def test_custom_kernel_size_and_normalize():
    at = start(KERNEL_LAB)
    at.segmented_control(key="kernel.source").set_value("custom").run()
    at.number_input(key="kernel.rows").set_value(1)
    at.number_input(key="kernel.cols").set_value(5)
    at.run()
    assert at.data_editor[0].value.shape == (1, 5)
    at.session_state["kernel.grid"] = [["1", "1", "1", "1", "1"]]
    at.session_state["kernel.grid_version"] += 1
    at.toggle(key="kernel.normalize").set_value(True)
    at.run()
    assert not at.exception and not at.error
    assert "W: ⌊(451 + 2·2 − 5)/1⌋ + 1 = 451" in formula_lines(at)
    assert any("×0.2 + " in c.value for c in at.code)   # 1/5 after normalizing


def test_bad_upload_shows_an_error_and_the_app_keeps_working():
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("notes.png", b"this is not a picture", "image/png").run()
    assert not at.exception
    assert any("That file was not used" in e.value for e in at.sidebar.error)
    assert at.success   # still working, on the sample
    assert "Chelsea" in " ".join(c.value for c in at.sidebar.caption)


def test_grayscale_switch_and_display_modes():
    at = start(KERNEL_LAB)
    at.toggle(key="kl.gray").set_value(True).run()
    assert not at.exception and at.success
    assert not [b for b in at.button_group if b.key == "kl.channel"]   # one channel: nothing to pick
    for mode in ("diverging", "absolute", "clip", "stretch"):
        at.selectbox(key="kl.display@en").set_value(mode).run()
        assert not at.exception


def test_choices_persist_across_pages():
    at = start(KERNEL_LAB)
    at.selectbox(key="kernel.preset@en").set_value("emboss").run()
    at.switch_page("../pages/home.py").run()
    at.switch_page(KERNEL_LAB).run()
    assert at.selectbox(key="kernel.preset@en").value == "emboss"


def test_large_photo_gets_a_preview_and_finishes():
    big = photo_bytes(4000, 3000)
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("big.jpg", big, "image/jpeg").run()
    assert not at.exception
    at.selectbox(key="kernel.preset@en").set_value("gaussian_blur").run()
    at.slider(key="kernel.gaussian_blur.size").set_value(15).run()
    assert not at.exception
    assert formula_lines(at).startswith("H: ⌊(720 + 2·7 − 15)/1⌋ + 1 = 720")     # the 960-px preview
    assert any("preview of the 4000×3000 original" in c.value for c in at.caption)
    assert any(c.value.startswith("H: ⌊(3000 + 2·7 − 15)/1⌋ + 1 = 3000") for c in at.code)
    full = [b for b in at.button if "full 4000×3000" in b.label]
    assert full
    full[0].click().run()
    assert not at.exception
    assert len(at.get("download_button")) == 2


def test_camera_is_offered_behind_a_toggle():
    at = start()
    assert not at.camera_input
    at.toggle(key="camera_on").set_value(True).run()
    assert not at.exception
    assert len(at.camera_input) == 1


@pytest.mark.parametrize("preset, mode, padding", [("sobel_magnitude", "reflect", "same"),
                                                    ("gaussian_blur", "zeros", "number"),
                                                    ("emboss", "circular", "valid")])
def test_the_pytorch_snippet_runs_and_matches_the_page(preset, mode, padding):
    import torch
    at = start(KERNEL_LAB)
    at.selectbox(key="kernel.preset@en").set_value(preset)
    at.selectbox(key="conv.padding_mode@en").set_value(mode)
    at.segmented_control(key="conv.padding_kind").set_value(padding)
    at.run()
    snippet = next(c.value for c in at.code if c.value.startswith("import torch"))
    scope = {}
    exec(snippet, scope)   # the snippet is generated by the app itself, with a random image
    image = scope["image"][0].permute(1, 2, 0).numpy()
    choice_kernels = [np.array(k, np.float32) for k in scope["kernels"]]
    args = {"padding": 1 if padding == "number" else padding, "padding_mode": mode}
    expected = ops.apply_kernels(image, choice_kernels, "magnitude" if len(choice_kernels) > 1 else None, **args)
    np.testing.assert_allclose(scope["result"][0].permute(1, 2, 0).numpy(), expected, rtol=1e-4, atol=1e-5)


def test_reruns_neither_decode_again_nor_recompute(monkeypatch):
    from explorer import imaging
    decodes, convs = [], []
    decode, apply = imaging.decode_image, ops.apply_kernels
    monkeypatch.setattr(imaging, "decode_image", lambda *a, **k: decodes.append(1) or decode(*a, **k))
    monkeypatch.setattr(ops, "apply_kernels", lambda *a, **k: convs.append(1) or apply(*a, **k))
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("rerun.png", photo_bytes(97, 61, "PNG"), "image/png").run()
    at.selectbox(key="kernel.preset@en").set_value("outline").run()
    decoded, computed = len(decodes), len(convs)
    assert decoded >= 1 and computed >= 1
    at.number_input(key="kl.x").set_value(3).run()      # only the inspected pixel changes
    at.run()
    at.switch_page("../pages/home.py").run()
    at.switch_page(KERNEL_LAB).run()
    assert len(decodes) == decoded
    assert len(convs) == computed
    at.selectbox(key="kernel.preset@en").set_value("emboss").run()   # a new setting computes once
    assert len(convs) == computed + 1 and len(decodes) == decoded


SLIDING = "../pages/sliding_window.py"


@pytest.mark.parametrize("mode", ["correlation", "convolution", "transposed", "max_pool", "avg_pool"])
def test_sliding_window_every_mode_renders_and_agrees(mode):
    at = start(SLIDING)
    at.selectbox(key="sw.mode@en").set_value(mode).run()
    assert not at.exception and not at.error
    assert any("equals the output of explorer.ops" in s.value for s in at.success)
    assert len(at.get("plotly_chart")) == 1
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    steps = at.code[0].value
    assert "=" in steps
    assert len(spec["frames"]) >= 9
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(), "image/jpeg").run()
    at.segmented_control(key="sw.source").set_value("image").run()
    assert not at.exception and not at.error
    assert any("equals the output of explorer.ops" in s.value for s in at.success)


def test_sliding_window_steps_and_image_input():
    at = start(SLIDING)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(), "image/jpeg").run()
    at.segmented_control(key="sw.source").set_value("image").run()
    assert not at.exception and not at.error
    first = at.code[0].value
    forward = next(b for b in at.button if "Step forward" in b.label)
    forward.click().run()
    assert at.code[0].value != first
    assert "Step 2 of" in " ".join(m.value for m in at.markdown)
    at.segmented_control(key="sw.scale").set_value(1).run()
    assert not at.exception


def test_sliding_window_gif_and_bad_settings():
    at = start(SLIDING)
    at.number_input(key="sw.dilation").set_value(3)
    at.slider(key="sw.rows").set_value(3)
    at.number_input(key="sw.padding").set_value(0)
    at.run()
    assert "padded image is only" in at.error[0].value
    at.number_input(key="sw.dilation").set_value(1).run()
    gif = next(b for b in at.button if "GIF" in b.label)
    gif.click().run()
    assert not at.exception
    assert any(d.proto.label == "Download the GIF" for d in at.get("download_button"))


POOLING = "../pages/pooling.py"
TRANSPOSED = "../pages/transposed_dilated.py"


def chart(at, key: str) -> dict:
    """The Plotly spec of the chart with this widget key."""
    return json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")).proto.spec)


def heatmap(at, key: str, trace: int = 0) -> np.ndarray:
    z = chart(at, key)["data"][trace]["z"]
    return np.array([[np.nan if v is None else v for v in row] for row in z], dtype=np.float64)


def torch_pool(grid, mode, k, stride, padding=0, ceil_mode=False):
    fn = torch.nn.functional.max_pool2d if mode == "max" else torch.nn.functional.avg_pool2d
    return fn(torch.tensor(grid, dtype=torch.float32)[None, None], k, stride, padding, ceil_mode=ceil_mode)[0, 0].numpy()


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
    assert [m.label for m in at.metric] == ["No pooling", "Max pooling", "Average pooling"]
    none, max_change, avg_change = (float(m.value.rstrip(" %")) for m in at.metric)
    assert max_change < none and avg_change < none
    assert sum("After round" in c.value for c in at.caption) == 8


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
    at.segmented_control(key="pool.shift_input").set_value("photo").run()
    assert not at.exception and len(at.metric) == 3


def test_pooling_padding_above_half_the_window_is_a_clear_message():
    at = start(POOLING)
    at.number_input(key="pool.padding").set_value(2).run()
    assert not at.exception
    assert "at most half" in at.error[0].value


def test_transposed_page_three_ways_agree_with_torch():
    at = start(TRANSPOSED)
    assert not at.exception and not at.error
    assert any("All three results are the same" in s.value for s in at.success)
    scatter = chart(at, "td.scatter")
    grid = np.array(scatter["data"][0]["z"], dtype=np.float32)
    kernel = np.array(scatter["data"][2]["z"], dtype=np.float32)
    expected = torch.nn.functional.conv_transpose2d(torch.tensor(grid)[None, None], torch.tensor(kernel)[None, None])
    for key in ("td.r1", "td.r2", "td.r3"):
        np.testing.assert_allclose(heatmap(at, key), expected[0, 0].numpy(), atol=1e-5)
    assert heatmap(at, "td.V").shape == (4, 16)        # the textbook case: 2×2 input, 3×3 kernel
    assert any("The convolution matrix V (4×16)" in m.value for m in at.markdown)


@pytest.mark.parametrize("stride, padding, output_padding", [(2, 0, 1), (3, 1, 2), (2, 2, 0)])
def test_transposed_grid_settings_stay_equal_to_torch(stride, padding, output_padding):
    at = start(TRANSPOSED)
    at.number_input(key="td.g_side").set_value(3)
    at.number_input(key="td.g_stride").set_value(stride).run()
    at.number_input(key="td.g_padding").set_value(padding)
    at.number_input(key="td.g_op").set_value(output_padding).run()
    assert not at.exception and not at.error
    scatter = chart(at, "td.scatter")
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
    piece = imaging.crop_fraction(np.zeros((240, 320)), 0.5, 0.4, 6).shape
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
    assert any("Backpropagating from one output pixel" in s.value for s in at.success)
    assert at.metric[0].value == "32 × 32"


def test_checkerboard_and_dilation_panels():
    at = start(TRANSPOSED)
    assert any("uneven overlap" in w.value for w in at.warning)
    assert np.ptp(heatmap(at, "td.flat_t")) > 0.1 and np.ptp(heatmap(at, "td.flat_r")) == 0
    at.number_input(key="td.cb_k").set_value(4).run()
    assert any("every output pixel gets the same number" in s.value for s in at.success)
    assert np.ptp(heatmap(at, "td.flat_t")) == 0
    assert [c.value for c in at.caption if c.value.startswith("Spans")] == [
        f"Spans {e}×{e} pixels with 9 weights; blank cells of the kernel are holes." for e in (3, 5, 9, 17)]
    same = heatmap(at, "td.gridding3 layers, dilation 2 each")
    assert np.isnan(same).mean() == pytest.approx(1 - 49 / 169)
    assert "71 % of it is never seen" in " ".join(c.value for c in at.caption)


def test_receptive_field_stack_from_the_session_and_its_errors():
    at = AppTest.from_file(HOME, default_timeout=60)
    at.session_state["td.rf_saved"] = [{"kernel": 5, "stride": 2, "dilation": 1, "padding": 2},
                                       {"kernel": 3, "stride": 1, "dilation": 4, "padding": 4}]
    at.run().switch_page(TRANSPOSED).run()
    assert not at.exception
    assert at.metric[0].value == "21 × 21"      # 5, then (3−1)·4 = 8 more at jump 2
    assert "RF(1) = 2·(9 − 1) + 5 = 21" in " ".join(c.value for c in at.code)
    at = AppTest.from_file(HOME, default_timeout=60)
    at.session_state["td.rf_saved"] = [{"kernel": 15, "stride": 8, "dilation": 1, "padding": 0}] * 3
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
    assert any("三种结果完全相同" in s.value for s in at.success)


def test_pooling_grid_opens_the_sliding_window_with_the_same_settings():
    at = start(POOLING)
    at.slider(key="pool.k").set_value(3).run()
    next(b for b in at.button if "Watch max pooling slide" in b.label).click().run()
    assert not at.exception
    assert at.title[0].value == "Sliding Window"
    assert at.selectbox(key="sw.mode@en").value == "max_pool"
    assert at.slider(key="sw.pool").value == 3 and at.number_input(key="sw.stride").value == 3
    assert any("equals the output of explorer.ops" in s.value for s in at.success)


CHANNELS = "../pages/channels.py"
IM2COL = "../pages/im2col.py"


def test_channels_page_defaults_and_counts():
    at = start(CHANNELS)
    assert not at.exception and not at.error
    assert any("nn.Conv2d gives exactly the step-by-step sums" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Weight tensor (out, in, kh, kw)"] == "(4, 3, 3, 3)"
    assert [m.value for m in at.metric if m.label == "Parameters"][0] == "112"     # 4·27 + 4
    code = next(c.value for c in at.code if "nn.Conv2d(in_channels=3, out_channels=4" in c.value)
    assert "layer.weight.copy_" in code
    captions = " ".join(c.value for c in at.caption)
    assert "R channel, shape (300, 451)" in captions and "= one feature map (300, 451)" in captions
    assert metrics["Convolution"] == "27" and metrics["Fully connected"] == "54.9 G"


def test_channels_page_with_an_upload_and_changed_filters():
    at = start(CHANNELS)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(320, 240), "image/jpeg").run()
    at.selectbox(key="ch.k.B@en").set_value("laplacian_4")
    at.slider(key="ch.bias").set_value(0.5).run()
    assert not at.exception and not at.error
    assert "Sum of the three + bias 0.5 = one feature map (240, 320)" in [c.value for c in at.caption]
    at.pills(key="ch.bank").set_value(["blur", "emboss"]).run()
    assert {m.label: m.value for m in at.metric}["Weight tensor (out, in, kh, kw)"] == "(2, 3, 3, 3)"
    assert any("step-by-step sums" in s.value for s in at.success)
    at.pills(key="ch.bank").set_value([]).run()
    assert any("Pick at least one filter" in i.value for i in at.info)
    at.slider(key="ch.g_out").set_value(32).run()
    params = [m.value for m in at.metric if m.label == "Parameters"]
    assert params[:4] == ["896", "30", "128", "158"]     # 3·32·9+32, 3·9+3, 3·32+32, both
    assert not at.exception


def test_im2col_page_forward_backward_equal_torch():
    at = start(IM2COL)
    assert not at.exception and not at.error
    success = " ".join(s.value for s in at.success)
    assert "Equal to torch.nn.functional.conv2d" in success and "equal torch autograd" in success
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


def test_channels_custom_kernel_starts_from_the_preset_it_replaces():
    at = start(CHANNELS)
    at.selectbox(key="ch.k.R@en").set_value("custom").run()
    assert not at.exception and not at.error
    assert len(at.data_editor) == 1
    grid = at.data_editor[0].value
    assert grid.shape == (3, 3) and list(grid.iloc[:, 0]) == ["-1", "-2", "-1"]    # Sobel x at weight 1
    assert "Sum of the three + bias 0 = one feature map (300, 451)" in [c.value for c in at.caption]


NETWORK = "../pages/network.py"


def layer_table(at):
    return next(d.value for d in at.dataframe if "Output shape" in d.value.columns)


def test_network_page_architecture_train_and_inside():
    at = start(NETWORK)
    assert not at.exception and not at.error
    shapes = list(layer_table(at)["Output shape"])
    assert shapes[:6] == ["4 × 24 × 24", "4 × 24 × 24", "4 × 12 × 12", "8 × 8 × 8", "8 × 8 × 8", "8 × 4 × 4"]
    assert any("Train the network (or load weights)" in i.value for i in at.info)
    at.number_input(key="net.epochs").set_value(2)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and not at.error
    accuracy = float(next(m.value for m in at.metric if m.label == "Test accuracy").rstrip(" %"))
    assert accuracy > 60          # two epochs, chance is 10 %
    assert any("Predicted:" in c.value for c in at.caption)
    assert any("1. conv 5×5, 4" in m.value for m in at.markdown)
    assert any("test digits are misread" in m.value for m in at.markdown)
    assert any(d.proto.label == "Download (safetensors)" for d in at.get("download_button"))
    at.segmented_control(key="net.input").set_value("draw").run()
    assert not at.exception
    assert any("Draw or upload a digit" in i.value for i in at.info)


def test_network_layer_types_in_chinese():
    at = start(NETWORK)
    at.segmented_control(key="lang").set_value("zh").run()
    assert not at.exception
    names = list(next(d.value for d in at.dataframe if "输出形状" in d.value.columns)["层"])
    assert names[:4] == ["卷积 5×5, 4", "ReLU", "最大池化 2×2", "卷积 5×5, 8"]
    assert not any(word in " ".join(names) for word in ("conv", "maxpool", "linear", "flatten"))


def test_network_page_other_presets_and_weights_files():
    at = start(NETWORK)
    for preset in ("vgg_small", "residual", "inception", "batchnorm", "lenet_classic"):
        at.selectbox(key="net.preset@en").set_value(preset).run()
        assert not at.exception and not at.error
    assert list(layer_table(at).iloc[-1, 1:4]) == ["linear 10", "10", "3,210"]
    good = lenet.save_weights(lenet.build(lenet.PRESETS["lenet_classic"], seed=5))
    at.file_uploader(key="net.weights_file").upload("mine.safetensors", good, "application/octet-stream").run()
    assert not at.exception
    assert any("Weights loaded from mine.safetensors" in s.value for s in at.success)
    assert any(m.label == "Test accuracy" for m in at.metric)
    hostile = io.BytesIO()
    torch.save({"x": Exploit()}, hostile)
    at.file_uploader(key="net.weights_file").upload("evil.pt", hostile.getvalue(), "application/octet-stream").run()
    assert not at.exception
    assert "not a weights file this app can read safely" in at.error[0].value
    wrong = lenet.save_weights(lenet.build(lenet.PRESETS["lenet_small"]))
    at.file_uploader(key="net.weights_file").upload("small.pt", wrong, "application/octet-stream").run()
    assert "belong to a different network" in at.error[0].value


def test_network_page_mnist_files_and_photo_input():
    at = start(NETWORK)
    at.segmented_control(key="net.source").set_value("idx").run()
    images = np.random.default_rng(0).integers(0, 256, (50, 28, 28))
    at.file_uploader(key="net.idx_images").upload("imgs.idx3-ubyte", idx_bytes(images), "application/octet-stream")
    at.file_uploader(key="net.idx_labels").upload("lbls.idx1-ubyte", idx_bytes(np.arange(50) % 10),
                                                  "application/octet-stream").run()
    assert not at.exception and any("50 images loaded" in s.value for s in at.success)
    assert "30 training, 10 validation and 10 test images" in " ".join(c.value for c in at.caption)
    at.file_uploader(key="net.idx_labels").upload("bad", b"nonsense", "application/octet-stream").run()
    assert "Not an MNIST IDX file" in at.error[0].value
    at.segmented_control(key="net.source").set_value("digits").run()
    at.number_input(key="net.epochs").set_value(1)
    next(b for b in at.button if b.label == "Train").click().run()
    at.segmented_control(key="net.input").set_value("photo").run()
    at.file_uploader(key="net.photo").upload("seven.jpg", photo_bytes(120, 160), "image/jpeg").run()
    assert not at.exception and not at.error
    assert "4. 20×20 centred in 28×28" in [c.value for c in at.caption]
    assert any("Predicted:" in c.value for c in at.caption)


def open_link(page: str, params: dict) -> AppTest:
    """The app as a shared link opens it: the page with its settings in the URL."""
    at = AppTest.from_file(HOME, default_timeout=60)
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("page, good, check", [
    (KERNEL_LAB, {"kernel.preset@en": "Gaussian blur", "conv.padding_kind": "Pixels", "conv.stride": "2",
                  "kl.gray": "true"},
     lambda at: at.selectbox(key="kernel.preset@en").value == "gaussian_blur" and at.toggle(key="kl.gray").value
     and at.number_input(key="conv.stride").value == 2),
    (SLIDING, {"sw.mode@en": "Max pooling", "sw.rows": "5"},
     lambda at: at.selectbox(key="sw.mode@en").value == "max_pool" and at.slider(key="sw.rows").value == 5),
    (POOLING, {"pool.k": "3", "pool.ceil": "true"},
     lambda at: at.slider(key="pool.k").value == 3 and at.toggle(key="pool.ceil").value),
    (TRANSPOSED, {"td.g_stride": "2", "td.cb_k": "4"},
     lambda at: at.number_input(key="td.g_stride").value == 2 and at.number_input(key="td.cb_k").value == 4),
    (CHANNELS, {"ch.bias": "0.5", "ch.g_out": "32"},
     lambda at: at.slider(key="ch.bias").value == 0.5 and at.slider(key="ch.g_out").value == 32),
    (IM2COL, {"ic.c": "3", "ic.k": "2"},
     lambda at: at.number_input(key="ic.c").value == 3 and at.number_input(key="ic.k").value == 2),
    (NETWORK, {"net.preset@en": "Small VGG (3×3 convs)", "net.epochs": "3"},
     lambda at: at.selectbox(key="net.preset@en").value == "vgg_small" and at.number_input(key="net.epochs").value == 3),
])
def test_a_shared_link_opens_the_same_view_and_bad_values_fall_back(page, good, check):
    at = open_link(page, good)
    assert not at.exception and check(at)
    assert not at.toast
    bad = {key: "999" for key in good}
    at = open_link(page, bad)
    assert not at.exception
    assert "reset to their defaults" in at.toast[0].value
    assert not check(at)


def test_a_link_can_carry_the_language():
    at = open_link(POOLING, {"lang": "简体中文", "pool.k": "3"})    # bound widgets keep their labels in the URL
    assert at.title[0].value == "池化" and at.slider(key="pool.k").value == 3
