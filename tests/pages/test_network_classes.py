"""Your own classes on the Network page through AppTest: the example set, editing, uploads, ZIPs, training,
trying it, weights files with class names, and the page in Chinese."""
import numpy as np
import pytest

from explorer import i18n
from explorer.network import classes, layers, presets, weights
from tests.helpers import NETWORK, photo_bytes, start, untranslated, zip_bytes


def own(lang: str = "en"):
    at = start(NETWORK)
    if lang != "en":
        at.segmented_control(key="lang").set_value(lang).run()
    at.segmented_control(key="net.source").set_value("classes").run()
    assert not at.exception and not at.error
    return at


def texts(at, kind: str) -> str:
    return "\n".join(e.value for e in at.get(kind))


def card_titles(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**") and " (at most " in m.value]


def click(at, label: str, key: str | None = None):
    button = at.button(key=key) if key else next(b for b in at.button if b.label == label)
    return button.click().run()


def test_the_example_set_on_first_open_trains_and_is_tried():
    at = own()
    assert [t.label for t in at.tabs][0] == "Your classes"
    assert card_titles(at) == ["**dots** · 100 images (at most 200)", "**rings** · 100 images (at most 200)",
                               "**stripes** · 100 images (at most 200)"]
    assert "**240** images for training, **60** kept apart for validation" in texts(at, "markdown")
    assert "dots 20, rings 20, stripes 20" in texts(at, "markdown")
    # your own classes start from the defaults measured for them (README), kept apart from the digits' settings
    assert at.selectbox(key="net.own_preset@en").value == classes.DEFAULTS["preset"]
    assert at.number_input(key="net.own_epochs").value == classes.DEFAULTS["epochs"]
    assert at.select_slider(key="net.own_lr").value == classes.DEFAULTS["lr"]
    assert next(m.value for m in at.metric if m.label == "Input") == "3 × 48 × 48"
    shapes = list(next(d.value for d in at.dataframe if "Output shape" in d.value.columns)["Output shape"])
    assert shapes[-1] == "3"                                     # one number per class
    at.number_input(key="net.own_epochs").set_value(1)
    click(at, "Train")
    assert not at.exception and not at.error
    assert next(m for m in at.metric if m.label == "Validation accuracy").value.endswith(" %")
    predicted = [c.value for c in at.caption if c.value.startswith("Predicted: ")]
    assert predicted and any(name in predicted[0] for name in ("dots", "rings", "stripes"))
    table = next(d.value for d in at.dataframe if "Probability" in d.value.columns)
    assert list(table["Class"]) == ["dots", "rings", "stripes"]
    assert abs(table["Probability"].astype(float).sum() - 1) < 1e-3
    assert ("validation images are misclassified" in texts(at, "markdown")
            or "validation images are classified correctly" in texts(at, "markdown"))
    assert any(s.value == "On all the validation images" for s in at.subheader)
    # a new photo and a camera snapshot are classified too, prepared like the training images
    at.segmented_control(key="net.own_input").set_value("upload").run()
    at.file_uploader(key="net.own_photo").upload("mine.jpg", photo_bytes(200, 120), "image/jpeg").run()
    assert not at.exception and not at.error
    assert any(c.value.startswith("Predicted: ") for c in at.caption)
    at.segmented_control(key="net.own_input").set_value("camera").run()
    at.camera_input(key="net.own_try_camera").upload("shot.jpg", photo_bytes(160, 120), "image/jpeg").run()
    assert not at.exception and any(c.value.startswith("Predicted: ") for c in at.caption)
    at.segmented_control(key="net.own_input").set_value("upload").run()
    at.file_uploader(key="net.own_photo").upload("bad.jpg", b"not an image", "image/jpeg").run()
    assert not at.exception and at.error


def test_classes_are_made_renamed_filled_emptied_and_deleted(monkeypatch):
    at = own()
    click(at, "Start empty")
    assert card_titles(at) == ["**Class 1** · 0 images (at most 200)", "**Class 2** · 0 images (at most 200)"]
    assert "needs at least 2 images" in texts(at, "warning")
    version = at.session_state["net.set_version"]
    at.text_input(key=f"net.own_name.{version}.0").input("猫 **cats** <b>").run()
    assert card_titles(at)[0] == r"**猫 \*\*cats\*\* \<b\>** · 0 images (at most 200)"     # escaped, not bold
    version = at.session_state["net.set_version"]
    files = [("a.jpg", photo_bytes(90, 60), "image/jpeg"), ("b.png", photo_bytes(64, 64, "PNG"), "image/png"),
             ("notes.jpg", b"these are not pixels", "image/jpeg")]
    at.file_uploader(key=f"net.own_files.{version}.0").set_value(files).run()
    assert not at.exception
    assert "Added 2 images to" in texts(at, "success")
    assert "**notes.jpg**" in texts(at, "warning")              # named, with why; the others kept
    assert card_titles(at)[0].endswith("2 images (at most 200)")
    # the uploader starts empty again (a new widget), so nothing is added twice on the next run
    version = at.session_state["net.set_version"]
    assert not at.file_uploader(key=f"net.own_files.{version}.0").value
    at.text_input(key="net.own_new_name").input("dogs")
    click(at, "Add class")
    assert [t.split(" · ")[0] for t in card_titles(at)][-1] == "**dogs**"
    at.text_input(key="net.own_new_name").input("dogs")
    click(at, "Add class")
    assert "There is already a class called “dogs”" in texts(at, "warning")
    # camera snapshots one after another into the chosen class; the camera starts fresh after each
    at.toggle(key="net.own_camera_on").set_value(True).run()
    at.selectbox(key="net.own_camera_class").set_value(1).run()
    for shot in range(2):
        at.camera_input(key=f"net.own_camera.{shot}").upload("snap.jpg", photo_bytes(80, 80), "image/jpeg").run()
        assert not at.exception
    assert card_titles(at)[1] == "**Class 2** · 2 images (at most 200)"
    assert "“Class 2” needs" not in texts(at, "warning") and "“dogs” needs at least 2 images" in texts(at, "warning")
    version = at.session_state["net.set_version"]
    at.multiselect(key=f"net.own_remove.{version}.0").set_value([1]).run()
    click(at, "", key=f"net.own_remove_button.{version}.0")
    assert card_titles(at)[0].endswith("· 1 image (at most 200)")
    version = at.session_state["net.set_version"]
    click(at, "", key=f"net.own_delete.{version}.2")
    assert len(card_titles(at)) == 2 and "The class dogs was deleted." in texts(at, "success")
    # the caps: a full class refuses more, saying so
    monkeypatch.setattr(classes, "MAX_PER_CLASS", 2)
    version = at.session_state["net.set_version"]
    at.file_uploader(key=f"net.own_files.{version}.0").set_value(files[:2]).run()
    assert "already has 2 images, the most it can hold" in texts(at, "warning")


def test_a_zip_with_junk_replaces_the_set_and_a_zip_bomb_changes_nothing():
    at = own()
    photo = photo_bytes(100, 80)
    archive = zip_bytes({"set/cups/1.jpg": photo, "set/cups/2.jpg": photo, "set/plants/1.jpg": photo,
                      "set/plants/2.jpg": photo, "set/plants/readme.txt": b"hello", "__MACOSX/set/cups/._1.jpg": b"x",
                      "set/.DS_Store": b"junk", "set/empty/.keep": b""})
    at.file_uploader(key=f"net.own_zip.{at.session_state['net.set_version']}").upload(
        "classroom.zip", archive, "application/zip").run()
    assert not at.exception
    assert "Loaded 4 images in 2 classes from classroom.zip." in texts(at, "success")
    assert "readme.txt" in texts(at, "warning")
    assert [t.split(" · ")[0] for t in card_titles(at)] == ["**cups**", "**plants**"]
    bomb = zip_bytes({"a/big.png": b"\0" * (30 * 2 ** 20)})
    at.file_uploader(key=f"net.own_zip.{at.session_state['net.set_version']}").upload(
        "bomb.zip", bomb, "application/zip").run()
    assert not at.exception and "a/big.png**: It unpacks to more than 25.0 MB" in texts(at, "warning")
    assert [t.split(" · ")[0] for t in card_titles(at)] == ["**cups**", "**plants**"]       # nothing lost
    at.file_uploader(key=f"net.own_zip.{at.session_state['net.set_version']}").upload(
        "not.zip", b"PK but not", "application/zip").run()
    assert "not a ZIP file the app can read" in texts(at, "warning")
    assert "Few validation images" in texts(at, "caption") or "Only 1 validation images" in texts(at, "warning")


def own_weights(names: list[str], size: int, colour: bool, seed: int = 3) -> bytes:
    specs = layers.for_classes(presets.PRESETS[classes.DEFAULTS["preset"]], len(names))
    model = layers.build(specs, (3 if colour else 1, size, size), seed=seed, classes=len(names))
    return weights.save_weights(model, "safetensors", classes.metadata(names, size, colour, specs))


@pytest.mark.parametrize("size,colour", [(32, False), (64, True)])
def test_weights_with_class_names_load_only_where_they_fit(size, colour):
    at = own()
    at.segmented_control(key="net.own_size").set_value(size)
    at.toggle(key="net.own_colour").set_value(colour).run()
    assert next(m.value for m in at.metric if m.label == "Input") == f"{3 if colour else 1} × {size} × {size}"
    good = own_weights(["dots", "rings", "stripes"], size, colour)
    at.file_uploader(key="net.weights_file").upload("mine.safetensors", good, "application/octet-stream").run()
    assert not at.exception and not at.error
    assert "Weights loaded from mine.safetensors" in texts(at, "success")
    assert any(m.label == "Validation accuracy" for m in at.metric)
    other = own_weights(["cats", "dogs", "birds"], size, colour)
    at.file_uploader(key="net.weights_file").upload("other.safetensors", other, "application/octet-stream").run()
    assert "trained on other classes or input settings (cats, dogs, birds" in at.error[0].value
    digits = weights.save_weights(layers.build(presets.PRESETS["batchnorm"]))
    at.file_uploader(key="net.weights_file").upload("digits.safetensors", digits, "application/octet-stream").run()
    assert "(0, 1, 2, 3, 4, 5, 6, 7, 8, 9 · 1×28×28)" in at.error[0].value
    assert [d.proto.label for d in at.get("download_button") if "safetensors" in d.proto.label or "pt" in
            d.proto.label.split()] == ["Download (safetensors)"]        # only safetensors carries the names


def test_digit_pages_refuse_own_class_weights():
    at = start(NETWORK)
    file = own_weights(["a", "b"], 32, True)
    at.file_uploader(key="net.weights_file").upload("own.safetensors", file, "application/octet-stream").run()
    assert "trained on other classes or input settings (a, b · 3×32×32)" in at.error[0].value


def test_your_classes_in_chinese_have_no_english_left():
    at = own("zh")
    assert [t.label for t in at.tabs][0] == i18n.t("net.tab_classes", "zh")
    at.number_input(key="net.own_epochs").set_value(1)
    click(at, i18n.t("net.train", "zh"))
    assert not at.exception and not at.error
    assert any(m.label == "验证准确率" for m in at.metric)
    assert not untranslated(at), untranslated(at)[:3]


def test_switching_between_digits_and_your_classes_keeps_each_ones_settings():
    at = start(NETWORK)
    at.selectbox(key="net.preset@en").set_value("vgg_small").run()
    at.segmented_control(key="net.source").set_value("classes").run()
    at.selectbox(key="net.own_preset@en").set_value("lenet_classic")
    at.number_input(key="net.own_epochs").set_value(1)
    click(at, "Train")
    at.segmented_control(key="net.source").set_value("digits").run()
    assert not at.exception and not at.error
    assert [t.label for t in at.tabs][0] == "Overview"
    assert at.selectbox(key="net.preset@en").value == "vgg_small"
    assert next(m.value for m in at.metric if m.label == "Input") == "1 × 28 × 28"
    assert any("Train the network (or load weights)" in i.value for i in at.info)     # the own model is not used
    assert np.isclose(at.select_slider(key="net.lr").value, 0.01)
    at.segmented_control(key="net.source").set_value("classes").run()
    assert at.selectbox(key="net.own_preset@en").value == "lenet_classic"
    assert at.number_input(key="net.own_epochs").value == 1
    assert any(m.label == "Validation accuracy" for m in at.metric)                   # its trained model is back


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_first_layer_of_a_colour_network_names_its_input_channels_r_g_b(lang):
    """Where the first convolution reads a colour picture its input channels are R, G and B; a deeper layer and
    a grey digit's one channel keep their numbers."""
    def channel_sums(names):
        heads = [i18n.t("net.unit_channel_sum", lang, c=name, total="") for name in names]
        return [c.value for c in at.caption if any(c.value.startswith(head) for head in heads)]

    at = own(lang)
    at.selectbox(key="net.unit_layer").set_value(1).run()                   # 1. conv 5×5, 4 on 3 × 48 × 48
    assert not at.exception and not at.error
    assert len(channel_sums("RGB")) == 3 and channel_sums("123") == []
    at.selectbox(key="net.unit_layer").set_value(5).run()                   # 5. conv 5×5, 8 on 4 maps
    assert len(channel_sums("1234")) == 4 and channel_sums("RGB") == []
    at.segmented_control(key="net.source").set_value("digits").run()
    at.selectbox(key="net.unit_layer").set_value(1).run()                   # one grey channel
    assert len(channel_sums("1")) == 1 and channel_sums("RGB") == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_presets_note_counts_the_parameters_of_the_network_for_your_pictures(lang):
    """The note quotes the parameter count of the stack as built for 3×48×48 pictures and your classes (the
    total under the table), and says that the sizes in its words are the digits' where it quotes them."""
    remark = i18n.t("net.preset_digit_sizes", lang, shape="3 × 48 × 48")
    at = own(lang)
    for preset in ("lenet_small", "batchnorm", "bn_net"):
        at.selectbox(key=f"net.own_preset@{lang}").set_value(preset).run()
        assert not at.exception and not at.error
        total = next(m.value for m in at.metric if m.label == i18n.t("net.total_params", lang))
        note = next(c.value for c in at.caption if i18n.t(f"net.preset.{preset}.desc", lang, params=total) in c.value)
        assert (remark in note) == (preset in presets.QUOTES_DIGIT_SIZES), preset
    at.segmented_control(key="net.source").set_value("digits").run()
    total = next(m.value for m in at.metric if m.label == i18n.t("net.total_params", lang))
    assert all(remark not in c.value for c in at.caption)
    assert any(i18n.t(f"net.preset.{presets.DEFAULT_PRESET}.desc", lang, params=total) in c.value for c in at.caption)


def test_each_source_keeps_the_model_trained_on_it():
    """Train your classes, then the digits: going back to your classes finds their model, and the digits' too."""
    at = own()
    at.number_input(key="net.own_epochs").set_value(1)
    click(at, "Train")
    own_accuracy = next(m.value for m in at.metric if m.label == "Validation accuracy")
    at.segmented_control(key="net.source").set_value("digits").run()
    at.number_input(key="net.epochs").set_value(1)
    click(at, "Train")
    digits_accuracy = next(m.value for m in at.metric if m.label == "Test accuracy")
    at.segmented_control(key="net.source").set_value("classes").run()
    assert not at.exception and not at.error
    assert next(m.value for m in at.metric if m.label == "Validation accuracy") == own_accuracy
    assert not any("Train the network (or load weights)" in i.value for i in at.info)
    at.segmented_control(key="net.source").set_value("digits").run()
    assert next(m.value for m in at.metric if m.label == "Test accuracy") == digits_accuracy


def test_the_big_picture_counts_the_inputs_of_your_pictures_not_a_digits():
    """The Architecture tab's "local connectivity" line for 3×48×48 pictures: the first convolution's window
    spans the three colour channels, out of 6,912 input values (it quoted a digit's 1 channel and 784)."""
    at = own()
    conv = next(spec for spec in presets.PRESETS[classes.DEFAULTS["preset"]] if spec["type"] == "conv")
    k = conv["k"]
    expected = i18n.t("net.big_local", "en", row=1, k=k, c=3, window=f"{k * k * 3:,}", inputs=f"{3 * 48 * 48:,}")
    assert any(expected in m.value for m in at.markdown), [m.value for m in at.markdown if "window" in m.value]
