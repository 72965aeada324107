"""explorer.lenet: shapes and counts against torch.nn, data loaders, weights files, a short training run."""
import gzip
import io
import pickle
import struct

import numpy as np
import pytest
import torch
from torch import nn

from explorer import lenet, receptive


def test_the_seed_lenet_shapes_and_counts_by_hand():
    rows = lenet.describe(lenet.PRESETS["lenet_small"]).rows
    assert [r.shape for r in rows] == [(4, 24, 24), (4, 24, 24), (4, 12, 12), (8, 8, 8), (8, 8, 8), (8, 4, 4),
                                       (128,), (10,)]
    # conv1: 4·(1·5·5) + 4 = 104; conv2: 8·(4·5·5) + 8 = 808; linear: 128·10 + 10 = 1290
    assert [r.params for r in rows] == [104, 0, 0, 808, 0, 0, 0, 1290]
    # conv1: 4·24·24 outputs × 25; conv2: 8·8·8 outputs × 100; linear 128·10
    assert [r.macs for r in rows] == [57600, 0, 0, 51200, 0, 0, 0, 1280]
    assert [r.receptive_field for r in rows] == [5, 5, 6, 14, 14, 16, None, None]


def test_the_classic_net_is_conv_10_conv_20_linear_320():
    model = lenet.build(lenet.PRESETS["lenet_classic"])
    convs = [m for m in model if isinstance(m, nn.Conv2d)]
    linear = [m for m in model if isinstance(m, nn.Linear)][0]
    assert [(c.in_channels, c.out_channels, c.kernel_size) for c in convs] == [(1, 10, (5, 5)), (10, 20, (5, 5))]
    assert (linear.in_features, linear.out_features) == (320, 10)


@pytest.mark.parametrize("name", list(lenet.PRESETS))
def test_every_preset_agrees_with_torch(name):
    specs = lenet.PRESETS[name]
    description = lenet.describe(specs)
    assert description.error is None
    model = lenet.build(specs).eval()
    x = torch.zeros(1, 1, 28, 28)
    for info, module in zip(description.rows, model):
        x = module(x)
        assert tuple(x.shape[1:]) == info.shape
        assert sum(p.numel() for p in module.parameters()) == info.params
    assert description.params == sum(p.numel() for p in model.parameters())
    assert x.shape == (1, 10)


def test_multiply_adds_of_blocks_count_every_inner_convolution():
    block = lenet.describe([{"type": "residual", "out": 8}, {"type": "flatten"}, {"type": "linear", "out": 10}])
    # 3×3 conv 1→8 and 8→8 on 28×28, plus the 1×1 projection 1→8
    assert block.rows[0].macs == 28 * 28 * 8 * (9 + 72 + 1)
    inception = lenet.describe([{"type": "inception", "out": 8}, {"type": "flatten"}, {"type": "linear", "out": 10}])
    q = 2   # 8 channels = 4 branches × 2
    per_pixel = q * 1 + (q * 1 + q * q * 25) + (q * 1 + q * q * 9 * 2) + q * 1
    assert inception.rows[0].macs == 28 * 28 * per_pixel
    assert inception.rows[0].shape == (8, 28, 28)


def test_receptive_fields_match_backpropagation_for_the_convolutional_part():
    specs = lenet.PRESETS["vgg_small"][:10]
    rows = lenet.describe(specs + [{"type": "flatten"}, {"type": "linear", "out": 10}]).rows
    layers = [receptive.Layer(s["k"], s.get("stride", s["k"] if "pool" in s["type"] else 1), 1, s.get("pad", 0))
              for s in specs if s["type"] in ("conv", "maxpool")]
    shape = (64, 64)
    reach = receptive.influence(layers, shape)
    ys, _ = np.nonzero(reach)
    assert rows[9].receptive_field == ys.max() - ys.min() + 1 == 16


@pytest.mark.parametrize("specs, message", [
    ([{"type": "conv", "out": 4, "k": 5}, {"type": "maxpool", "k": 8}, {"type": "conv", "out": 4, "k": 5}],
     "Layer 3 (conv 5×5, 4) cannot take an input of shape 4 × 3 × 3"),
    ([{"type": "conv", "out": 4, "k": 5}, {"type": "linear", "out": 10}], "Layer 2 (linear) needs a flat input"),
    ([{"type": "flatten"}, {"type": "conv", "out": 4, "k": 3}], "Layer 2 (conv 3×3, 4) needs feature maps"),
    ([{"type": "conv", "out": 0, "k": 3}], "Layer 1 (conv): out = “0” is not allowed"),
    ([{"type": "dropout"}], "Layer 1: unknown layer type 'dropout'"),
    ([{"type": "conv", "out": 4, "k": 3}], "must end with 10 numbers"),
    ([], "The network has 0 layers"),
])
def test_invalid_stacks_name_the_layer_and_keep_the_rows_before_it(specs, message):
    description = lenet.describe(specs)
    assert message in str(description.error)
    if "Layer 3" in message:
        assert [r.shape for r in description.rows] == [(4, 24, 24), (4, 3, 3)]
    with pytest.raises(lenet.NetworkError):
        lenet.build(specs)


def test_table_rows_round_trip_and_reorder():
    specs = lenet.PRESETS["residual"]
    assert lenet.rows_to_specs(lenet.specs_to_rows(specs)) == specs
    rows = lenet.specs_to_rows(lenet.PRESETS["lenet_small"])
    rows[1]["#"] = 3.5          # move the ReLU after the pooling
    rows.append({"#": None, "type": None})
    reordered = lenet.rows_to_specs(rows)
    assert [s["type"] for s in reordered[:3]] == ["conv", "maxpool", "relu"] and len(reordered) == 8


def test_digits_are_split_reproducibly_and_resized():
    a, b = lenet.load_digits(0), lenet.load_digits(0)
    assert torch.equal(a.x_test, b.x_test) and len(a.x_train) + len(a.x_val) + len(a.x_test) == 1797
    assert a.x_train.shape[1:] == (1, 28, 28) and 0 <= a.x_train.min() and a.x_train.max() <= 1
    assert not torch.equal(lenet.load_digits(1).y_test, a.y_test)


def idx_bytes(array: np.ndarray, compress=False) -> bytes:
    data = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    data += array.astype(np.uint8).tobytes()
    return gzip.compress(data) if compress else data


def test_idx_loader_reads_generated_files_and_rejects_bad_ones():
    images = np.random.default_rng(0).integers(0, 256, (12, 28, 28))
    labels = np.arange(12) % 10
    for compress in (False, True):
        x, y = lenet.load_idx(idx_bytes(images, compress), idx_bytes(labels, compress))
        assert x.shape == (12, 1, 28, 28) and y.tolist() == labels.tolist()
        assert torch.allclose(x[3, 0], torch.from_numpy(images[3] / 255.0).float())
    with pytest.raises(lenet.NetworkError, match="12 images but 11 labels"):
        lenet.load_idx(idx_bytes(images), idx_bytes(labels[:11]))
    with pytest.raises(lenet.NetworkError, match="Not an MNIST IDX file"):
        lenet.load_idx(b"hello world", idx_bytes(labels))
    with pytest.raises(lenet.NetworkError, match="truncated"):
        lenet.load_idx(idx_bytes(images)[:-10], idx_bytes(labels))
    with pytest.raises(lenet.NetworkError, match="digits 0 to 9"):
        lenet.load_idx(idx_bytes(images), idx_bytes(labels + 5))


def test_folder_loader_reads_one_folder_per_class(tmp_path):
    from PIL import Image
    for label in (3, 7):
        (tmp_path / str(label)).mkdir()
        picture = np.full((40, 30), 255, np.uint8)
        picture[10:30, 12:16] = 0                 # a dark stroke on white paper
        Image.fromarray(picture).save(tmp_path / str(label) / "a.png")
    x, y = lenet.load_folder(tmp_path)
    assert x.shape == (2, 1, 28, 28) and y.tolist() == [3, 7]
    assert x[0, 0, 14, 14] > 0.8 and x[0, 0, 1, 1] == 0      # inverted: bright digit on black
    with pytest.raises(lenet.NetworkError, match="No images"):
        lenet.load_folder(tmp_path / "nothing")


@pytest.mark.parametrize("fmt", lenet.WEIGHT_FORMATS)
def test_weights_round_trip(fmt):
    model = lenet.build(lenet.PRESETS["batchnorm"], seed=1)
    with torch.no_grad():
        model[1].running_mean += 0.5
    data = lenet.save_weights(model, fmt)
    other = lenet.build(lenet.PRESETS["batchnorm"], seed=2)
    lenet.load_weights(other, data)
    for (k, v), (k2, v2) in zip(model.state_dict().items(), other.state_dict().items()):
        assert k == k2 and torch.equal(v, v2)


class Exploit:
    def __reduce__(self):
        return (print, ("this must never run",))


def test_hostile_or_unfitting_weights_are_refused_with_a_message(capsys):
    model = lenet.build(lenet.PRESETS["lenet_small"])
    hostile = io.BytesIO()
    torch.save({"conv": Exploit()}, hostile)
    with pytest.raises(lenet.NetworkError, match="not a weights file this app can read safely"):
        lenet.load_weights(model, hostile.getvalue())
    with pytest.raises(lenet.NetworkError, match="not a weights file"):
        lenet.load_weights(model, pickle.dumps({"a": 1}))
    assert "this must never run" not in capsys.readouterr().out
    with pytest.raises(lenet.NetworkError, match="not a weights file"):
        lenet.load_weights(model, b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    other = lenet.save_weights(lenet.build(lenet.PRESETS["lenet_classic"]))
    with pytest.raises(lenet.NetworkError, match="belong to a different network"):
        lenet.load_weights(model, other)


def test_a_short_training_run_beats_chance_by_far_and_is_deterministic():
    data = lenet.load_digits(0)
    accuracies = []
    for _ in range(2):
        model = lenet.build(lenet.PRESETS["lenet_small"], seed=0)
        history = lenet.train(model, data, epochs=2, seed=0, device="cpu")
        accuracies.append(lenet.evaluate(model, data.x_test, data.y_test)[1])
        assert len(history) == 2 and history[1].train_loss < history[0].train_loss
    assert accuracies[0] > 0.6 and accuracies[0] == accuracies[1]     # chance is 0.1


def test_training_can_be_stopped_from_a_callback():
    data = lenet.load_digits(0)
    model = lenet.build(lenet.PRESETS["lenet_small"])
    history = lenet.train(model, data, epochs=5, device="cpu", on_epoch=lambda record: record.epoch < 2)
    assert len(history) == 2
    assert lenet.train(model, data, epochs=5, device="cpu", on_step=lambda e, s, n: s < 3) == []


def test_cli_prints_the_test_accuracy(capsys):
    accuracy = lenet.main(["--epochs", "3", "--device", "cpu"])
    out = capsys.readouterr().out
    assert f"test accuracy: {accuracy:.2f}" in out and accuracy > 0.85
    assert out.count("epoch ") == 3


def test_inside_views():
    data = lenet.load_digits(0)
    model = lenet.build(lenet.PRESETS["lenet_small"])
    maps = lenet.feature_maps(model, data.x_test[0])
    assert [m.shape for _, m in maps][:3] == [(4, 24, 24), (4, 24, 24), (4, 12, 12)]
    probs = lenet.probabilities(model, data.x_test[0])
    assert probs.shape == (10,) and probs.sum() == pytest.approx(1, rel=1e-5)
    assert lenet.first_filters(model).shape == (4, 5, 5)
    counts = lenet.confusion(data.y_test, data.y_test)
    assert np.trace(counts) == len(data.y_test)


def test_photo_preparation_centres_a_dark_digit_like_the_training_data():
    photo = np.ones((200, 150, 3), np.float32)
    photo[40:160, 60:80] = 0.1                    # a dark "1" on white paper, off-centre
    steps = lenet.prepare_photo(photo)
    final = steps["final"]
    assert final.shape == (28, 28) and final[4:24, 4:24].max() > 0.8
    assert final[:4].max() == 0 and final[:, :4].max() == 0   # the 4-pixel frame MNIST leaves
    cols = np.nonzero(final.max(axis=0) > 0.5)[0]
    assert abs((cols.min() + cols.max()) / 2 - 13.5) <= 1.5    # centred
    assert steps["inverted"].mean() < 0.5                     # bright digit on dark


def test_lasso_paths_become_strokes_and_pixels():
    selection = {"lasso": [{"x": [4, 14, 24], "y": [4, 14, 24]}, {"x": [50], "y": [3]}]}
    strokes = lenet.lasso_strokes(selection)
    assert strokes == [[(4.0, 4.0), (14.0, 14.0), (24.0, 24.0)]]
    picture = lenet.rasterize(strokes)
    assert picture[14, 14] > 0.9 and picture[4, 24] == 0
    assert lenet.lasso_strokes(None) == [] and lenet.lasso_strokes({"lasso": []}) == []


def test_cli_trains_on_idx_files_and_on_a_folder(tmp_path, capsys):
    rng = np.random.default_rng(0)
    labels = np.arange(60) % 10
    images = np.zeros((60, 28, 28), np.uint8)
    for i, label in enumerate(labels):            # each class a bright bar at its own height: easy to learn
        images[i, 2 + label * 2:4 + label * 2, 4:24] = 255
    images = np.clip(images + rng.integers(0, 30, images.shape), 0, 255).astype(np.uint8)
    (tmp_path / "img.gz").write_bytes(idx_bytes(images, compress=True))
    (tmp_path / "lbl").write_bytes(idx_bytes(labels))
    accuracy = lenet.main(["--idx", str(tmp_path / "img.gz"), str(tmp_path / "lbl"), "--epochs", "15",
                           "--device", "cpu"])
    assert "test accuracy:" in capsys.readouterr().out and accuracy >= 0.5
    from PIL import Image
    for label in range(10):
        (tmp_path / "digits" / str(label)).mkdir(parents=True)
        Image.fromarray(255 - images[label]).save(tmp_path / "digits" / str(label) / "a.png")
    lenet.main(["--folder", str(tmp_path / "digits"), "--epochs", "1", "--device", "cpu"])
    assert "test accuracy:" in capsys.readouterr().out
