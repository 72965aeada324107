"""Network through AppTest: architecture table, training, weights files, MNIST files, photos."""
import io
import json

import numpy as np
import pytest
import torch

from explorer import i18n
from explorer.network import layers, presets, weights
from tests.helpers import (
    KERNEL_LAB,
    NETWORK,
    Exploit,
    idx_bytes,
    photo_bytes,
    start,
    untranslated,
)


def layer_table(at):
    return next(d.value for d in at.dataframe if "Output shape" in d.value.columns)


def test_network_page_architecture_train_and_inside():
    at = start(NETWORK)
    assert not at.exception and not at.error
    shapes = list(layer_table(at)["Output shape"])
    assert shapes[:6] == ["4 × 24 × 24", "4 × 24 × 24", "4 × 12 × 12", "8 × 8 × 8", "8 × 8 × 8", "8 × 4 × 4"]
    assert any("Train the network (or load weights)" in i.value for i in at.info)
    picture = " ".join(m.value for m in at.markdown)
    assert "(layers 1–6) extracts features" in picture and "(layer 8) classifies" in picture
    assert f"{784 * 2304 + 2304:,}" in picture and "104 parameters" in picture       # sharing: conv1 vs dense
    assert "4×24×24 into 4×12×12, 25 %" in picture and "8×4×4 maps into a list of 128" in picture
    at.number_input(key="net.epochs").set_value(2)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and not at.error
    accuracy = float(next(m.value for m in at.metric if m.label == "Test accuracy").rstrip(" %"))
    assert accuracy > 60          # two epochs, chance is 10 %
    assert any("Predicted:" in c.value for c in at.caption)
    assert any("1. conv 5×5, 4" in m.value for m in at.markdown)
    assert any("test digits are misread" in m.value for m in at.markdown)
    assert any("Before training** · 4 filters" in m.value for m in at.markdown)
    relu = next(m.value for m in at.markdown if m.value.startswith("Layer 2 (ReLU)"))
    assert "values (" in relu and " of 2,304 values" in relu
    table = next(d.value for d in at.dataframe if "Probability" in d.value.columns)
    probabilities = table["Probability"].astype(float)
    assert abs(probabilities.sum() - 1) < 1e-3 and len(table) == 10
    best = int(table["Digit"][probabilities.idxmax()])
    assert any(c.value.startswith(f"Predicted: {best} ") for c in at.caption)
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
    for preset in ("lenet5", "simple_convnet", "vgg_small", "residual", "inception", "alexnet_ideas", "batchnorm",
                   "bn_net", "lenet_classic"):
        at.selectbox(key="net.preset@en").set_value(preset).run()
        assert not at.exception and not at.error
    assert list(layer_table(at).iloc[-1, 1:4]) == ["linear 10", "10", "3,210"]
    good = weights.save_weights(layers.build(presets.PRESETS["lenet_classic"], seed=5))
    at.file_uploader(key="net.weights_file").upload("mine.safetensors", good, "application/octet-stream").run()
    assert not at.exception
    assert any("Weights loaded from mine.safetensors" in s.value for s in at.success)
    assert any(m.label == "Test accuracy" for m in at.metric)
    hostile = io.BytesIO()
    torch.save({"x": Exploit()}, hostile)
    at.file_uploader(key="net.weights_file").upload("evil.pt", hostile.getvalue(), "application/octet-stream").run()
    assert not at.exception
    assert "not a weights file this app can read safely" in at.error[0].value
    wrong = weights.save_weights(layers.build(presets.PRESETS["lenet_small"]))
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


def test_the_trained_network_pages_in_chinese_have_no_english_left():
    at = start(NETWORK)
    at.segmented_control(key="lang").set_value("zh").run()
    at.number_input(key="net.epochs").set_value(1)
    next(b for b in at.button if b.label == i18n.t("net.train", "zh")).click().run()
    assert not at.exception and not at.error
    assert any(s.value == i18n.t("net.softmax_title", "zh") for s in at.subheader)
    assert any(s.value == i18n.t("net.relu_title", "zh") for s in at.subheader)
    assert any(m.value.startswith("- ① 卷积和池化部分（第 1–6 层）") for m in at.markdown)
    assert not untranslated(at)


def overview_ok(at) -> bool:
    agree = [s.value for s in at.success if "forward hook" in s.value or "前向钩子" in s.value]
    charts = [c for c in at.get("plotly_chart") if c.proto.id.endswith("net-overview.chart")]
    return bool(agree) and len(charts) == 1


@pytest.mark.parametrize("preset", list(presets.PRESETS))
def test_the_overview_before_and_after_a_short_training(preset):
    at = start(NETWORK)
    at.selectbox(key="net.preset@en").set_value(preset).run()
    assert not at.exception and not at.error and overview_ok(at)
    assert any("Untrained: random weights" in w.value for w in at.warning)
    at.number_input(key="net.epochs").set_value(1)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and not at.error and overview_ok(at)
    assert not any("Untrained" in w.value for w in at.warning)
    at.selectbox(key="net.ov_state@en").set_value("both").run()
    assert not at.exception and len([c for c in at.get("plotly_chart") if "net-overview" in c.proto.id]) == 2


def test_every_kind_of_unit_is_explained_and_agrees():
    at = start(NETWORK)
    at.selectbox(key="net.preset@en").set_value("bn_net").run()
    for row in range(1, 15):
        at.selectbox(key="net.unit_layer").set_value(row).run()
        assert not at.exception and not at.error, row
        message = next(s.value for s in at.success if "forward hook" in s.value)
        assert message.endswith("The same."), row
    at.selectbox(key="net.unit_layer").set_value(15).run()          # the probabilities: softmax written out
    assert any("Probability" in d.value.columns for d in at.dataframe)


def test_why_maps_for_a_chosen_class_and_patch_in_chinese():
    at = start(NETWORK)
    at.segmented_control(key="lang").set_value("zh").run()
    at.selectbox(key="net.why_class@zh").set_value(3)
    at.segmented_control(key="net.why_patch").set_value(8).run()
    assert not at.exception and not at.error
    captions = " ".join(c.value for c in at.caption)
    assert "3 的分数" in captions and "8×8 的灰色遮挡块" in captions and "441 个位置" in captions
    assert not untranslated(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_sidebar_says_the_network_page_does_not_use_its_image_and_keeps_an_upload(lang):
    """The sidebar's image source is still drawn on the Network page (Streamlit would drop an upload whose
    widget a run leaves out), with a note that this page has inputs of its own."""
    note = i18n.t("src.not_here", lang)
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("mine.jpg", photo_bytes(64, 48), "image/jpeg").run()
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    assert note not in [c.value for c in at.sidebar.caption]
    at.switch_page(NETWORK).run()
    assert not at.exception and note in [c.value for c in at.sidebar.caption]
    at.switch_page(KERNEL_LAB).run()
    assert note not in [c.value for c in at.sidebar.caption]
    assert any("mine.jpg" in c.value and "64×48" in c.value for c in at.sidebar.caption)   # the upload is kept


def unit_tables(at) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def test_before_training_nothing_says_trained_and_the_unit_opens_where_the_first_map_is_strongest():
    at = start(NETWORK)
    assert not at.exception and not at.error
    tables = unit_tables(at)
    assert "Trained kernel" not in tables and "Kernel (random, not trained yet)" in tables
    i, j = at.number_input(key="net.unit_i").value, at.number_input(key="net.unit_j").value
    model = at.session_state["net.untrained"][1]
    from explorer.network.data import load_digits
    with torch.no_grad():
        first = model[0](load_digits().x_test[0][None])[0, 0].numpy()     # layer 1, map 1, for test digit 0
    assert first[i, j] == first.max() > 0 and (i, j) != (0, 0)
    message = next(s.value for s in at.success if "forward hook" in s.value)
    assert f"{first.max():.6g}" in message


def test_after_training_the_explained_class_is_this_runs_prediction():
    at = start(NETWORK)
    at.number_input(key="net.epochs").set_value(2)
    next(b for b in at.button if b.label == "Train").click().run()
    assert not at.exception and not at.error
    table = next(d.value for d in at.dataframe if "Probability" in d.value.columns)
    best = table["Digit"][table["Probability"].astype(float).idxmax()]
    explaining = next(m.value for m in at.markdown if m.value.startswith("Explaining"))
    assert explaining.startswith(f"Explaining **{best}**") and "the network's prediction" in explaining
    assert "Trained kernel" in unit_tables(at)
    option = at.selectbox(key="net.why_class@en")
    assert option.format_func("predicted") == "The prediction"       # no class number to go stale in the browser


def test_the_units_sliding_window_opens_on_the_chosen_position():
    at = start(NETWORK)
    at.number_input(key="net.unit_i").set_value(10)
    at.number_input(key="net.unit_j").set_value(13).run()
    assert not at.exception
    step = at.session_state["net.unit_slide.at"]
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("net.unit_slide.figure"))
    spec = json.loads(chart.proto.spec)
    marker = spec["data"][6]
    cell = (marker["y"][0], marker["x"][0])
    assert step > 0 and cell != (0, 0)
    # the step it opens on multiplies the window the explanation above it multiplies: the same sum
    channel_sum = next(c.value for c in at.caption if c.value.startswith("Input channel 1: Σ products = "))
    slide_sum = next(c.value for c in at.code if "×" in c.value).rsplit("= ", 1)[1]
    assert abs(float(slide_sum) - float(channel_sum.rsplit("= ", 1)[1])) < 0.02
    outline = spec["layout"]["shapes"][0]
    assert (outline["x1"] - outline["x0"], outline["y1"] - outline["y0"]) == (5, 5)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_flatten_says_what_view_minus_one_works_out(lang):
    at = start(NETWORK)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    at.selectbox(key="net.unit_layer").set_value(7).run()          # the small LeNet's flatten
    assert not at.exception and not at.error
    model = at.session_state["net.untrained"][1]
    from explorer.network.data import load_digits
    with torch.no_grad():
        flat = model[:7](load_digits().x_test[:2])
    assert flat.shape == (2, 128)                                   # what x.view(batch, -1) gives torch
    note = next(m.value for m in at.markdown if "x.view(batch, -1)" in m.value)
    assert "8×4×4 = 128" in note
    if lang == "zh":
        assert not untranslated(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_network_as_pytorch_code_and_how_its_weights_start(lang):
    at = start(NETWORK)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    at.selectbox(key=f"net.preset@{lang}").set_value("residual").run()
    assert not at.exception and not at.error
    model = layers.build(presets.PRESETS["residual"], seed=0)
    code = next(c.value for c in at.code if "class Net(nn.Module)" in c.value)
    assert "class Residual(nn.Module)" in code and "self.residual1 = Residual(8, 16)" in code
    assert "x = x.view(x.size(0), -1)" in code
    fan_in = model[0].weight[0].numel()                                     # 1 channel × 3 × 3
    note = next(m.value for m in at.markdown if "weight_init_std=0.01" in m.value)
    assert f"{1 / fan_in ** 0.5:.3f}" in note and f"{float(model[0].weight.std()):.3f}" in note
    if lang == "zh":
        assert not untranslated(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_looking_inside_writes_out_the_backward_pass(lang):
    at = start(NETWORK)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    at.number_input(key="net.epochs").set_value(1)
    next(b for b in at.button if b.label == i18n.t("net.train", lang)).click().run()
    assert not at.exception and not at.error
    header = i18n.t("net.backward_shape", lang)
    table = next(d.value for d in at.dataframe if header in d.value.columns)
    assert len(table) == 9 and table[header].iloc[0] == "10" and table[header].iloc[-1] == "1 × 28 × 28"
    assert float(table[i18n.t("net.backward_max", lang)].iloc[0]) == 1.0               # dout = 1
    assert any("dout = 1" in m.value for m in at.markdown)
    if lang == "zh":
        assert not untranslated(at)


def test_a_training_waits_for_a_free_core_told_its_place_then_runs(monkeypatch):
    """With every slot taken (another student's training), Train waits in the queue, saying where it stands,
    and trains as soon as the slot is free; the slot is given back after."""
    import threading
    import time

    from explorer.network.slots import Slots
    from explorer.ui import caches

    pool, told = Slots(1), []
    monkeypatch.setattr(caches, "training_slots", lambda: pool)
    real_turn = pool.turn
    monkeypatch.setattr(pool, "turn", lambda on_wait, every=0.5: real_turn(
        lambda waiting: told.append(waiting) or on_wait(waiting), every=0.05))
    at = start(NETWORK)
    at.number_input(key="net.epochs").set_value(1)
    held, release = threading.Event(), threading.Event()

    def other_student():
        with pool.turn(lambda waiting: None):
            held.set()
            release.wait(10)

    threading.Thread(target=other_student).start()
    held.wait(5)
    threading.Timer(1.0, release.set).start()
    started = time.perf_counter()
    next(b for b in at.button if b.label == "Train").click().run(timeout=120)
    assert time.perf_counter() - started >= 1.0
    assert not at.exception and not at.error
    assert told and told[0].place == 1 and told[0].running == 1
    assert any(m.label == "Test accuracy" for m in at.metric)
    assert pool.running == 0 and pool.waiting == 0


def test_a_session_sees_what_was_computed_for_its_own_network_and_no_other():
    """The overview and the why maps are shared between sessions under the network's fingerprint (its layers and
    every weight): a student who trained sees their network's, the others the untrained one's, the same for
    each of them as for a session opened afresh."""
    def overview(at) -> str:
        return next(c.proto.spec for c in at.get("plotly_chart") if "net-overview" in c.proto.id)

    def why(at) -> list[str]:
        return [image.url for element in at.get("image") for image in element.proto.imgs]

    mine, yours = start(NETWORK), start(NETWORK)
    mine.number_input(key="net.epochs").set_value(1)
    next(b for b in mine.button if b.label == "Train").click().run()
    yours.run()
    assert not mine.exception and not yours.exception
    assert overview(mine) != overview(yours) and why(mine) != why(yours)
    fresh = start(NETWORK)
    assert overview(fresh) == overview(yours) and why(fresh) == why(yours)
    # and another digit is another input: its own overview and maps (the figure's key once named the chart, not
    # the digit, and the first digit's overview stayed on screen)
    before = overview(yours), why(yours)
    yours.slider(key="net.test_index").set_value(5).run()
    assert not yours.exception and overview(yours) != before[0] and why(yours) != before[1]
