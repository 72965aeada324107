"""The pixel inspector recomputes a pixel by hand: it agrees with explorer.ops, and notices when it does not."""
import numpy as np
import pytest

from explorer import kernels, numtext, ops
from explorer.lessons import inspector


@pytest.mark.parametrize("preset, args", [
    ("sobel_magnitude", {"padding": "same", "padding_mode": "reflect"}),
    ("laplacian_4", {"padding": 2, "padding_mode": "circular", "stride": 2}),
    ("emboss", {"padding": 1, "dilation": 2, "padding_mode": "replicate"}),
    ("box_blur", {"padding": "valid"}),
])
def test_every_pixel_agrees_with_ops(preset, args):
    image = np.random.default_rng(3).random((9, 11, 3)).astype(np.float32)
    chosen = kernels.get_preset(preset)
    output = ops.apply_kernels(image, chosen.kernels(), chosen.combine, **args)
    for y in range(output.shape[0]):
        for x in range(output.shape[1]):
            found = inspector.inspect_pixel(image[..., 1], chosen.kernels(), chosen.combine, x, y,
                                            float(output[y, x, 1]), **args)
            assert found.agrees, (x, y, found.combined, output[y, x, 1])
            assert found.texts[0].endswith(f"= {numtext.format_number(found.sums[0])}")


def test_a_wrong_output_is_caught_and_the_magnitude_is_written_out():
    plane = np.arange(25, dtype=np.float32).reshape(5, 5)
    sobel = kernels.get_preset("sobel_magnitude").kernels()
    good = ops.apply_kernels(plane, sobel, "magnitude", padding=1)[2, 2]
    assert inspector.inspect_pixel(plane, sobel, "magnitude", 2, 2, float(good), padding=1).agrees
    wrong = inspector.inspect_pixel(plane, sobel, "magnitude", 2, 2, float(good) + 0.5, padding=1)
    assert not wrong.agrees
    assert wrong.combined_text == "√((8)² + (40)²) = 40.79"      # Sobel x and y at the centre of a ramp
    assert wrong.box == (1, 1, 3, 3) and wrong.windows[0].tolist() == plane[1:4, 1:4].tolist()


def test_float32_overflow_is_told_apart_from_a_wrong_output():
    """3e38 three times is 9e38 by hand, inf in float32: not a disagreement to report (issue 27)."""
    plane = np.ones((3, 3), np.float32)
    kernel = np.full((1, 3), 3e38, np.float32)
    shown = ops.conv2d(plane, kernel)[1, 0]
    found = inspector.inspect_pixel(plane, [kernel], None, 0, 1, float(shown))
    assert np.isinf(shown) and not found.agrees and found.overflow
    assert not inspector.inspect_pixel(plane, [np.ones((1, 3))], None, 0, 1, 5.0).overflow


def test_a_click_maps_to_the_pixel_under_it():
    assert inspector.pixel_at(0, 0, (451, 300), (451, 300)) == (0, 0)
    assert inspector.pixel_at(450.9, 299.9, (451, 300), (451, 300)) == (450, 299)
    assert inspector.pixel_at(100, 50, (200, 100), (451, 300)) == (225, 150)     # drawn at half size
