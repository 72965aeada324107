"""Your own classes: editing and caps, hostile files and ZIPs, the split, augmentation, adapted layers, weights."""
import io

import numpy as np
import pytest
import torch
from PIL import Image

from explorer import i18n
from explorer.network import NetworkError, archive, augment, classes, layers, presets, weights
from tests.helpers import photo_bytes, zip_bytes


def png(colour=(200, 30, 30), size=(50, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


zipped = zip_bytes


def test_classes_are_named_renamed_deleted_and_capped():
    image_set = classes.ImageSet()
    a = image_set.add_class("  猫  ")
    b = image_set.add_class("dog")
    assert image_set.names == ["猫", "dog"]
    with pytest.raises(NetworkError, match="already a class"):
        image_set.add_class("dog")
    with pytest.raises(NetworkError, match="needs a name"):
        image_set.rename(a, "   ")
    image_set.rename(a, "cat")
    for name in ("c", "d", "e", "f"):
        image_set.add_class(name)
    with pytest.raises(NetworkError, match="At most 6 classes"):
        image_set.add_class("g")
    image_set.delete(5)
    assert len(image_set.classes) == 5
    assert image_set.add_images(b, [("red.png", png())] * 3) == []
    image_set.remove(b, [0, 2])
    assert image_set.counts()[b] == 1 and image_set.classes[b].images[0].shape == (64, 64, 3)


def test_the_per_class_and_total_caps_keep_the_rest(monkeypatch):
    monkeypatch.setattr(classes, "MAX_PER_CLASS", 3)
    monkeypatch.setattr(classes, "MAX_TOTAL", 4)
    image_set = classes.ImageSet()
    a, b = image_set.add_class("a"), image_set.add_class("b")
    problems = image_set.add_images(a, [(f"{n}.png", png()) for n in range(5)])
    assert image_set.counts() == [3, 0] and [p.name for p in problems] == ["3.png", "4.png"]
    assert "already has 3 images" in str(problems[0].why)
    problems = image_set.add_images(b, [("x.png", png()), ("y.png", png())])
    assert image_set.counts() == [3, 1] and "4 images" in problems[0].why.text("en")


def test_hostile_files_are_named_and_the_rest_kept():
    image_set = classes.ImageSet()
    index = image_set.add_class("a")
    truncated = png()[:60]
    problems = image_set.add_images(index, [("good.png", png()), ("notes.txt", b"hello"), ("cut.png", truncated),
                                            ("good2.png", png((0, 0, 255)))])
    assert image_set.counts() == [2] and [p.name for p in problems] == ["notes.txt", "cut.png"]
    assert all(p.why.text("zh") for p in problems)


def test_a_zip_with_a_top_folder_junk_non_images_and_an_empty_class():
    data = zipped({"set/cats/1.png": png(), "set/cats/2.jpg": png((10, 200, 10)), "set/dogs/a.png": png(),
                   "set/dogs/.DS_Store": b"junk", "__MACOSX/set/cats/._1.png": b"junk",
                   "set/dogs/readme.txt": b"text", "set/empty/bad.png": b"\x89PNG broken", "set/loose.png": png()})
    image_set, problems = archive.from_zip(data)
    assert image_set.names == ["cats", "dogs", "empty"] and image_set.counts() == [2, 1, 0]
    named = {p.name: p.why.key for p in problems}
    assert named["set/dogs/readme.txt"] == named["set/empty/bad.png"] == "err.image_unknown"
    assert named["set/loose.png"] == "err.zip_outside" and named["empty"] == "err.class_empty"
    assert not any("MACOSX" in name or "DS_Store" in name for name in named)
    assert image_set.usable().key == "err.class_too_small"


def test_zip_bombs_and_junk_archives_are_refused_with_a_message():
    bomb = zipped({"a/big.png": b"\0" * (30 * 2 ** 20), "a/ok.png": photo_bytes(40, 30, "PNG")})   # ~1000:1
    image_set, problems = archive.from_zip(bomb)
    assert image_set.counts() == [1] and [p.name for p in problems] == ["a/big.png"]
    assert "unpacks to more than 25.0 MB" in problems[0].why.text("en") and problems[0].why.text("zh")
    with pytest.raises(NetworkError, match="not a ZIP"):
        archive.from_zip(b"PK\x03\x04 not really")
    many = zipped({f"a/{n}.txt": b"" for n in range(archive.MAX_ZIP_ENTRIES + 1)})
    with pytest.raises(NetworkError, match="at most 2000"):
        archive.from_zip(many)


def test_a_set_round_trips_through_its_zip():
    image_set = archive.example_set()
    again, problems = archive.from_zip(archive.to_zip(image_set))
    assert problems == [] and again.names == image_set.names == ["dots", "rings", "stripes"]
    assert again.counts() == [100, 100, 100]
    np.testing.assert_array_equal(again.classes[1].images[7], image_set.classes[1].images[7])   # PNG: lossless


def test_the_validation_split_keeps_every_class_and_is_fixed():
    y = torch.tensor([0] * 10 + [1] * 2 + [2] * 5)
    train, val = classes.split(y, seed=3)
    assert sorted(torch.bincount(y[val]).tolist()) == [1, 1, 2]
    assert set(train.tolist()) | set(val.tolist()) == set(range(len(y))) and not set(train.tolist()) & set(val.tolist())
    assert torch.equal(classes.split(y, seed=3)[1], val)


@pytest.mark.parametrize("size", classes.SIZES)
@pytest.mark.parametrize("colour", [True, False])
def test_tensors_and_presets_adapt_to_channels_size_and_classes(size, colour):
    image_set = archive.example_set()
    x, y = classes.tensors(image_set, size, colour)
    assert x.shape == (300, 3 if colour else 1, size, size) and 0 <= x.min() and x.max() <= 1
    for name in ("lenet_small", "batchnorm", "vgg_small"):
        specs = layers.for_classes(presets.PRESETS[name], 3)
        description = layers.describe(specs, tuple(x.shape[1:]), classes=3)
        assert description.error is None, (name, size, colour)
        model = layers.build(specs, tuple(x.shape[1:]), classes=3).eval()
        first = next(m for m in model if isinstance(m, torch.nn.Conv2d))
        assert first.in_channels == x.shape[1] and model(x[:2]).shape == (2, 3)


def test_augmentation_keeps_shapes_and_repeats_with_a_seed():
    x = classes.tensors(archive.example_set(), 32, True)[0][:8]
    a = augment.Augment()(x, torch.Generator().manual_seed(5))
    b = augment.Augment()(x, torch.Generator().manual_seed(5))
    c = augment.Augment()(x, torch.Generator().manual_seed(6))
    assert a.shape == x.shape and torch.equal(a, b) and not torch.equal(a, c) and 0 <= a.min() and a.max() <= 1
    assert torch.equal(augment.NONE(x, torch.Generator()), x)
    flipped = augment.Augment(0, True, 0, 0)(x, torch.Generator().manual_seed(0))
    mirrored = [torch.allclose(f, i.flip(-1), atol=1e-5) or torch.allclose(f, i, atol=1e-5)
                for f, i in zip(flipped, x)]
    assert all(mirrored)


def test_weights_carry_the_class_names_and_settings_and_refuse_another_network():
    specs = layers.for_classes(presets.PRESETS["batchnorm"], 3)
    model = layers.build(specs, (3, 48, 48), classes=3)
    meta = classes.metadata(["猫", "dog", "鸟"], 48, True, specs)
    data = weights.save_weights(model, metadata=meta)
    assert classes.settings_of(weights.read_metadata(data)) == (["猫", "dog", "鸟"], 48, True, specs)
    again = layers.build(specs, (3, 48, 48), seed=9, classes=3)
    weights.load_weights(again, data)
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), again.state_dict().values()))
    other = layers.build(layers.for_classes(presets.PRESETS["lenet_small"], 3), (3, 48, 48), classes=3)
    with pytest.raises(NetworkError, match="different network"):
        weights.load_weights(other, data)
    assert classes.settings_of(weights.read_metadata(weights.save_weights(model, "pt"))) is None


def test_the_example_set_and_its_messages_exist_in_both_languages():
    assert archive.example_set().usable() is None
    for key in ("err.class_too_few", "err.zip_bomb", "err.class_full"):
        assert set(i18n.STRINGS[key]) == set(i18n.LANGUAGES)


def test_a_weights_file_must_name_these_classes_and_this_input():
    meta = classes.metadata(["a", "b"], 48, True, [])
    classes.check_fits(meta, ["a", "b"], (3, 48, 48))
    for names, shape in ((["a", "c"], (3, 48, 48)), (["b", "a"], (3, 48, 48)), (["a", "b"], (1, 48, 48)),
                         (["a", "b"], (3, 32, 32))):
        with pytest.raises(NetworkError, match="other classes or input settings"):
            classes.check_fits(meta, names, shape)
    classes.check_fits({}, [str(d) for d in range(10)], (1, 28, 28))       # a digits file on the digits
    with pytest.raises(NetworkError, match=r"\(0, 1, 2, 3, 4, 5, 6, 7, 8, 9 · 1×28×28\)"):
        classes.check_fits({}, ["a", "b"], (3, 48, 48))
    with pytest.raises(NetworkError, match="not a weights file"):
        classes.settings_of({"classes": "[1, 2]"})


def test_a_new_photo_is_prepared_exactly_like_the_training_images():
    rng = np.random.default_rng(4)
    photo = rng.random((90, 150, 3)).astype(np.float32)
    image_set = classes.ImageSet([classes.ImageClass("x", [classes.square(photo)])])
    for size, colour in ((32, False), (48, True), (64, True)):
        expected = classes.tensors(image_set, size, colour)[0][0].numpy()
        assert np.array_equal(classes.as_input(photo, size, colour), expected)


def test_the_fewest_validation_images_of_any_class():
    _, val = classes.split(torch.tensor([0] * 30 + [1] * 6 + [2] * 2))
    y = torch.tensor([0] * 30 + [1] * 6 + [2] * 2)[val]
    assert classes.fewest_validation(y, 3) == 1 and classes.fewest_validation(y, 4) == 0
    assert classes.fewest_validation(classes.dataset(archive.example_set(), 32, True).y_val, 3) == 20


def test_colour_first_filters_are_pictures_of_their_three_channels():
    from explorer.network import inside
    model = layers.build(layers.for_classes(presets.PRESETS["batchnorm"], 3), (3, 32, 32), classes=3)
    filters = inside.first_filters(model)
    assert filters.shape == (4, 5, 5, 3)
    assert np.array_equal(filters[1, 2, 3], model[0].weight[1, :, 2, 3].detach().numpy())
    pictures = inside.filter_pictures(filters)
    assert pictures[0].shape == (5, 5, 3) and 0 <= min(p.min() for p in pictures) <= max(p.max() for p in pictures) <= 1
