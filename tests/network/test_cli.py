"""python -m explorer.lenet: digits end with the test accuracy, your own classes with the validation accuracy."""

import numpy as np

from explorer.network import __main__ as cli
from explorer.network import archive
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


def test_cli_trains_on_your_own_classes_from_a_folder_a_zip_or_the_example(tmp_path, capsys):
    from PIL import Image
    rng = np.random.default_rng(1)
    for name, bright in (("rouge", 0), ("日本", 1)):          # any class names
        (tmp_path / "set" / name).mkdir(parents=True)
        for n in range(6):
            picture = rng.integers(0, 60, (40, 40, 3)).astype(np.uint8)
            picture[:, :, bright] += 180
            Image.fromarray(picture).save(tmp_path / "set" / name / f"{n}.png")
    accuracy = cli.main(["--folder", str(tmp_path / "set"), "--epochs", "3", "--size", "32", "--device", "cpu"])
    out = capsys.readouterr().out
    assert "classes: rouge (6), 日本 (6)" in out and f"validation accuracy: {accuracy:.2f}" in out
    assert "test accuracy" not in out
    image_set, _ = archive.from_folder(tmp_path / "set")
    (tmp_path / "set.zip").write_bytes(archive.to_zip(image_set))
    cli.main(["--zip", str(tmp_path / "set.zip"), "--epochs", "1", "--size", "48", "--no-colour", "--device", "cpu"])
    assert "validation accuracy:" in capsys.readouterr().out
    accuracy = cli.main(["--example-classes", "--epochs", "2", "--size", "32", "--device", "cpu"])
    out = capsys.readouterr().out
    assert "classes: dots (100), rings (100), stripes (100); 60 kept for validation" in out
    assert f"validation accuracy: {accuracy:.2f}" in out
