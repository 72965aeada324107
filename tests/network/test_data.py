"""The data loaders: bundled digits, IDX files, folders, photos and drawings."""

import numpy as np
import pytest
import torch

from explorer import network
from explorer.network import data
from tests.helpers import idx_bytes


def test_digits_are_split_reproducibly_and_resized():
    a, b = data.load_digits(0), data.load_digits(0)
    assert torch.equal(a.x_test, b.x_test) and len(a.x_train) + len(a.x_val) + len(a.x_test) == 1797
    assert a.x_train.shape[1:] == (1, 28, 28) and 0 <= a.x_train.min() and a.x_train.max() <= 1
    assert not torch.equal(data.load_digits(1).y_test, a.y_test)


def test_idx_loader_reads_generated_files_and_rejects_bad_ones():
    images = np.random.default_rng(0).integers(0, 256, (12, 28, 28))
    labels = np.arange(12) % 10
    for compress in (False, True):
        x, y = data.load_idx(idx_bytes(images, compress), idx_bytes(labels, compress))
        assert x.shape == (12, 1, 28, 28) and y.tolist() == labels.tolist()
        assert torch.allclose(x[3, 0], torch.from_numpy(images[3] / 255.0).float())
    with pytest.raises(network.NetworkError, match="12 images but 11 labels"):
        data.load_idx(idx_bytes(images), idx_bytes(labels[:11]))
    with pytest.raises(network.NetworkError, match="Not an MNIST IDX file"):
        data.load_idx(b"hello world", idx_bytes(labels))
    with pytest.raises(network.NetworkError, match="truncated"):
        data.load_idx(idx_bytes(images)[:-10], idx_bytes(labels))
    with pytest.raises(network.NetworkError, match="digits 0 to 9"):
        data.load_idx(idx_bytes(images), idx_bytes(labels + 5))


def test_photo_preparation_centres_a_dark_digit_like_the_training_data():
    photo = np.ones((200, 150, 3), np.float32)
    photo[40:160, 60:80] = 0.1                    # a dark "1" on white paper, off-centre
    steps = data.prepare_photo(photo)
    final = steps["final"]
    assert final.shape == (28, 28) and final[4:24, 4:24].max() > 0.8
    assert final[:4].max() == 0 and final[:, :4].max() == 0   # the 4-pixel frame MNIST leaves
    cols = np.nonzero(final.max(axis=0) > 0.5)[0]
    assert abs((cols.min() + cols.max()) / 2 - 13.5) <= 1.5    # centred
    assert steps["inverted"].mean() < 0.5                     # bright digit on dark


def test_lasso_paths_become_strokes_and_pixels():
    selection = {"lasso": [{"x": [4, 14, 24], "y": [4, 14, 24]}, {"x": [50], "y": [3]}]}
    strokes = data.lasso_strokes(selection)
    assert strokes == [[(4.0, 4.0), (14.0, 14.0), (24.0, 24.0)]]
    picture = data.rasterize(strokes)
    assert picture[14, 14] > 0.9 and picture[4, 24] == 0
    assert data.lasso_strokes(None) == [] and data.lasso_strokes({"lasso": []}) == []
