"""load_image on every format and mode, EXIF, bombs and broken bytes; display mapping."""
import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from explorer import imaging
from explorer.imaging import ImageError, decode_image, load_image


def encode(img: Image.Image, fmt: str, **kwargs) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def gradient_rgb(w=40, h=30) -> Image.Image:
    x = np.linspace(0, 255, w, dtype=np.uint8)[None, :].repeat(h, 0)
    y = np.linspace(0, 255, h, dtype=np.uint8)[:, None].repeat(w, 1)
    return Image.fromarray(np.stack([x, y, np.full_like(x, 128)], axis=2))


@pytest.mark.parametrize("fmt, kwargs", [("PNG", {}), ("BMP", {}), ("TIFF", {}), ("WEBP", {"lossless": True}),
                                         ("JPEG", {"quality": 95}), ("GIF", {})])
def test_every_upload_format_decodes_to_float_rgb(fmt, kwargs):
    img = gradient_rgb()
    out = load_image(encode(img, fmt, **kwargs))
    assert out.shape == (30, 40, 3) and out.dtype == np.float32
    assert 0 <= out.min() and out.max() <= 1
    tolerance = 0.05 if fmt in ("JPEG", "GIF") else 1e-6
    if fmt != "GIF":  # GIF quantises to a palette
        np.testing.assert_allclose(out, np.asarray(img) / 255, atol=tolerance)


def test_gif_gives_its_first_frame_and_frame_count():
    frames = [Image.new("RGB", (8, 6), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    decoded = decode_image(data)
    assert decoded.frames == 3
    np.testing.assert_allclose(decoded.pixels[0, 0], [1, 0, 0], atol=0.01)


@pytest.mark.parametrize("mode", ["L", "1", "P", "CMYK", "RGB", "I", "F", "YCbCr"])
def test_modes_convert_to_rgb(mode):
    img = gradient_rgb().convert(mode) if mode not in ("I", "F") else gradient_rgb().convert("L").convert(mode)
    fmt = "TIFF" if mode in ("CMYK", "I", "F", "YCbCr") else "PNG"
    if mode == "YCbCr":
        fmt = "JPEG"
    out = load_image(encode(img, fmt))
    assert out.shape == (30, 40, 3) and out.dtype == np.float32
    assert out.max() > 0.5, "an image must not come out nearly black"


@pytest.mark.parametrize("image, fmt", [(gradient_rgb(), "JPEG"), (gradient_rgb().convert("RGBA"), "PNG"),
                                        (gradient_rgb().convert("P"), "GIF"), (gradient_rgb().convert("L"), "PNG"),
                                        (gradient_rgb(5000, 200), "PNG")])       # scaled down to 4096
def test_compact_decoding_keeps_eight_bit_pixels_that_give_the_same_floats_bit_for_bit(image, fmt):
    data = encode(image, fmt)
    floats, compact = decode_image(data).pixels, decode_image(data, compact=True).pixels
    assert compact.dtype == np.uint8 and compact.shape == floats.shape and compact.nbytes * 4 == floats.nbytes
    assert np.array_equal(imaging.to_float(compact), floats) and imaging.to_float(compact).dtype == np.float32


def test_compact_decoding_keeps_sixteen_bits_as_floats():
    values = np.linspace(0, 65535, 40 * 30).reshape(30, 40).astype(np.uint16)
    data = encode(Image.fromarray(values), "PNG")
    compact = decode_image(data, compact=True).pixels
    assert compact.dtype == np.float32 and np.array_equal(compact, load_image(data))
    assert imaging.to_float(compact) is compact


def test_sixteen_bit_greyscale_keeps_its_range():
    values = np.linspace(0, 65535, 40 * 30).reshape(30, 40).astype(np.uint16)
    out = load_image(encode(Image.fromarray(values), "PNG"))
    assert out.max() == pytest.approx(1.0) and out.min() == 0
    np.testing.assert_allclose(out[..., 0], values / 65535, atol=1e-6)
    assert np.allclose(out[..., 0], out[..., 2])


def test_alpha_is_composited_on_white():
    rgba = np.zeros((4, 4, 4), np.uint8)
    rgba[..., 0] = 255          # red ...
    rgba[:2, :, 3] = 255        # ... opaque on top,
    rgba[2:, :, 3] = 0          # ... fully transparent below
    out = load_image(encode(Image.fromarray(rgba, "RGBA"), "PNG"))
    np.testing.assert_allclose(out[0, 0], [1, 0, 0])
    np.testing.assert_allclose(out[3, 3], [1, 1, 1])
    la = Image.fromarray(np.dstack([np.zeros((4, 4), np.uint8), np.full((4, 4), 128, np.uint8)]), "LA")
    np.testing.assert_allclose(load_image(encode(la, "PNG"))[0, 0], [127 / 255] * 3, atol=0.01)


def test_palette_transparency_is_composited():
    img = Image.new("P", (4, 4), 0)
    img.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    img.info["transparency"] = 0
    out = load_image(encode(img, "PNG", transparency=0))
    np.testing.assert_allclose(out[0, 0], [1, 1, 1])


@pytest.mark.parametrize("orientation, shape", [(1, (30, 40)), (3, (30, 40)), (6, (40, 30)), (8, (40, 30))])
def test_exif_orientation_is_applied(orientation, shape):
    img = gradient_rgb()
    exif = Image.Exif()
    exif[0x0112] = orientation
    decoded = decode_image(encode(img, "JPEG", quality=95, exif=exif.tobytes()))
    assert decoded.pixels.shape[:2] == shape
    assert decoded.original_size == (shape[1], shape[0])
    if orientation == 6:  # rotated 90° clockwise: the old left column is now the top row
        assert decoded.pixels[0, :, 0].std() < 0.05 and decoded.pixels[0, 0, 1] > decoded.pixels[0, -1, 1]


def test_large_images_are_scaled_down_and_say_so():
    big = Image.fromarray(np.random.default_rng(0).integers(0, 255, (600, 900, 3), np.uint8))
    for fmt in ("PNG", "JPEG"):
        decoded = decode_image(encode(big, fmt), max_side=300)
        assert decoded.pixels.shape == (200, 300, 3)
        assert decoded.original_size == (900, 600)


def png_with_claimed_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: the decompression-bomb shape."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


@pytest.mark.parametrize("w, h", [(20_000, 20_000), (100_000, 100_000), (9_000, 8_000)])
def test_decompression_bombs_are_rejected_before_decoding(w, h):
    with pytest.raises(ImageError, match="megapixels"):
        load_image(png_with_claimed_size(w, h))


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"hello, this is text, not a picture", "not an image"),
    (bytes(np.random.default_rng(3).integers(0, 256, 5000, dtype=np.uint8)), "not an image"),
    (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "not an image"),
])
def test_non_images_are_rejected_with_a_message(data, words):
    with pytest.raises(ImageError, match=words):
        load_image(data)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_truncated_files_are_rejected(fmt):
    data = encode(Image.fromarray(np.random.default_rng(1).integers(0, 255, (200, 200, 3), np.uint8)), fmt)
    with pytest.raises(ImageError, match="damaged"):
        load_image(data[: len(data) // 2])


def test_too_many_bytes_is_rejected_without_decoding():
    with pytest.raises(ImageError, match="limit is 25 MB"):
        load_image(b"\x89PNG" + b"\0" * (26 * 1024 * 1024))


def test_image_errors_translate():
    with pytest.raises(ImageError) as info:
        load_image(b"")
    assert info.value.text("zh") == "文件是空的。"




def test_sample_assets_all_decode():
    from pathlib import Path
    assets = Path(__file__).resolve().parents[1] / "assets"
    names = sorted(p.name for p in assets.glob("*.png"))
    assert len(names) >= 4
    for name in names:
        assert load_image((assets / name).read_bytes()).ndim == 3


def test_the_server_upload_cap_matches_what_the_decoder_accepts():
    import tomllib
    from pathlib import Path
    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == imaging.MAX_UPLOAD_MB
    from explorer import i18n
    assert f"{imaging.MAX_UPLOAD_MB} MB" in i18n.t("src.upload_help", "en", limit=imaging.MAX_UPLOAD_MB)


def test_large_images_are_scaled_a_band_at_a_time_exactly_as_a_whole():
    """Decoding scales a band of rows at a time (an 8000×8000 palette PNG never exists as full-size RGBA): the
    result equals Pillow's area resize of the whole image, pixel for pixel, across the bands' joins."""
    rng = np.random.default_rng(0)
    img = Image.fromarray(rng.integers(0, 256, (997, 1403, 3), dtype=np.uint8))
    data = encode(img, "PNG")
    for side in (300, 700):                                   # one band; two bands (497 rows > BAND_ROWS)
        whole = np.asarray(img.resize((side, round(997 * side / 1403)), Image.Resampling.BOX))
        decoded = decode_image(data, max_side=side).pixels
        np.testing.assert_array_equal(np.round(decoded * 255).astype(np.uint8), whole)
    assert imaging.BAND_ROWS < 497
