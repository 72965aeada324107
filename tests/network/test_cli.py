"""python -m explorer.lenet: prints the test accuracy; trains on IDX files and on a folder."""

import numpy as np

from explorer.network import __main__ as cli
from tests.helpers import idx_bytes


def test_cli_prints_the_test_accuracy(capsys):
    accuracy = cli.main(["--epochs", "3", "--device", "cpu"])
    out = capsys.readouterr().out
    assert f"test accuracy: {accuracy:.2f}" in out and accuracy > 0.85
    assert out.count("epoch ") == 3


def test_cli_trains_on_idx_files_and_on_a_folder(tmp_path, capsys):
    rng = np.random.default_rng(0)
    labels = np.arange(60) % 10
    images = np.zeros((60, 28, 28), np.uint8)
    for i, label in enumerate(labels):            # each class a bright bar at its own height: easy to learn
        images[i, 2 + label * 2:4 + label * 2, 4:24] = 255
    images = np.clip(images + rng.integers(0, 30, images.shape), 0, 255).astype(np.uint8)
    (tmp_path / "img.gz").write_bytes(idx_bytes(images, compress=True))
    (tmp_path / "lbl").write_bytes(idx_bytes(labels))
    accuracy = cli.main(["--idx", str(tmp_path / "img.gz"), str(tmp_path / "lbl"), "--epochs", "15",
                           "--device", "cpu"])
    assert "test accuracy:" in capsys.readouterr().out and accuracy >= 0.5
    from PIL import Image
    for label in range(10):
        (tmp_path / "digits" / str(label)).mkdir(parents=True)
        Image.fromarray(255 - images[label]).save(tmp_path / "digits" / str(label) / "a.png")
    cli.main(["--folder", str(tmp_path / "digits"), "--epochs", "1", "--device", "cpu"])
    assert "test accuracy:" in capsys.readouterr().out
