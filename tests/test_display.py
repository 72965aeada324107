"""Float results -> pictures: the display modes, outlines, zooms and crops."""
import numpy as np
import pytest

from explorer import display


def test_display_modes():
    values = np.array([[-2.0, -0.5, 0.0, 0.5, 2.0]], np.float32)
    assert display.to_display(values, "clip").tolist() == [[0, 0, 0, 128, 255]]
    assert display.to_display(values, "absolute").tolist() == [[255, 128, 0, 128, 255]]
    assert display.to_display(values, "stretch").tolist() == [[0, 96, 128, 159, 255]]
    diverging = display.to_display(values, "diverging")
    assert diverging.shape == (1, 5, 3)
    assert diverging[0, 0, 2] > diverging[0, 0, 0]      # most negative: blue
    assert diverging[0, 4, 0] > diverging[0, 4, 2]      # most positive: red
    assert (diverging[0, 2] > 240).all()                # zero: white
    assert display.resolve_display_mode("auto", values, kernel_sum=0.0) == "absolute"
    assert display.resolve_display_mode("auto", np.clip(values, 0, 1), kernel_sum=1.0) == "clip"
    with pytest.raises(display.DisplayError, match="auto, diverging"):
        display.to_display(values, "rainbow")


def test_blocky_enlarges_by_whole_pixels_and_marks_stay_visible():
    picture = display.blocky(np.array([[0.0, 1.0], [1.0, 0.0]]), 9)
    assert picture.shape == (8, 8) and picture[0, 0] == 0 and picture[0, 4] == 255   # 2×2 → 4 px blocks
    marked = display.mark(np.zeros((100, 100), np.uint8), 50, 50, 50, 50)
    assert marked.shape == (100, 100, 3) and marked[48, 50].tolist() == [255, 196, 0]  # just outside the pixel
    assert display.crop_fraction(np.arange(100.).reshape(10, 10), 1.0, 1.0, 2)[0, 0] == 55.0
