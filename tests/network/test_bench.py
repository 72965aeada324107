"""The own-classes benchmark: its photo set is what the issue describes, and one seed learns both sets."""
import numpy as np

from explorer.network import bench, classes


def test_photo_crops_are_three_classes_of_fifteen_distinct_crops():
    image_set = bench.photo_crops()
    assert image_set.names == ["cat", "coffee", "astronaut"] and image_set.counts() == [15, 15, 15]
    first = image_set.classes[0].images
    assert all(i.shape == (classes.STORED, classes.STORED, 3) and i.dtype == np.uint8 for i in first)
    assert len({i.tobytes() for i in first}) == 15
    assert np.array_equal(bench.photo_crops().classes[2].images[4], image_set.classes[2].images[4])   # seeded


def test_one_seed_learns_the_example_and_the_photo_crops(capsys):
    results = bench.main(["--seeds", "1"])
    out = capsys.readouterr().out
    assert "| example (dots, rings, stripes) | 300 |" in out and "preset batchnorm, size 48" in out
    assert [r["images"] for r in results] == [300, 45]
    assert all(r["min_acc"] >= 0.9 for r in results), results      # the bar, on seed 0
