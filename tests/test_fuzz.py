"""Hostile uploads: hundreds of generated files through load_image and through a page.

Every file must either decode to a valid RGB float image or raise ImageError
(a message fit to show); never another exception. The page must show a message,
not a traceback, and the next good upload must work.
"""
import io
import random
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from explorer import imaging


def encoded(image: Image.Image, fmt: str, **kw) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kw)
    return buffer.getvalue()


def valid_files() -> dict[str, bytes]:
    rng = np.random.default_rng(0)
    rgb = Image.fromarray(rng.integers(0, 256, (37, 53, 3), dtype=np.uint8))
    palette = Image.fromarray(rng.integers(0, 256, (20, 20), dtype=np.uint8)).convert("P")
    palette.info["transparency"] = 3
    frames = [Image.fromarray(np.full((16, 16, 3), v, np.uint8)) for v in (0, 128, 255)]
    animated = io.BytesIO()
    frames[0].save(animated, format="GIF", save_all=True, append_images=frames[1:], duration=50)
    return {
        "rgb.png": encoded(rgb, "PNG"), "rgb.jpg": encoded(rgb, "JPEG"), "rgb.webp": encoded(rgb, "WEBP"),
        "rgb.bmp": encoded(rgb, "BMP"), "rgb.tif": encoded(rgb, "TIFF"),
        "grey16.png": encoded(Image.fromarray(rng.integers(0, 65535, (20, 30), dtype=np.uint16)), "PNG"),
        "cmyk.jpg": encoded(rgb.convert("CMYK"), "JPEG"),
        "cmyk.tif": encoded(rgb.convert("CMYK"), "TIFF"),
        "palette_transparent.png": encoded(palette, "PNG"),
        "rgba.png": encoded(rgb.convert("RGBA"), "PNG"),
        "la.png": encoded(rgb.convert("LA"), "PNG"),
        "one_bit.png": encoded(rgb.convert("1"), "PNG"),
        "float.tif": encoded(Image.fromarray(rng.random((10, 12)).astype(np.float32)), "TIFF"),
        "1x1.png": encoded(Image.new("RGB", (1, 1), (9, 9, 9)), "PNG"),
        "1x10000.png": encoded(Image.new("L", (10000, 1), 200), "PNG"),
        "10000x1.jpg": encoded(Image.new("RGB", (1, 10000), (1, 2, 3)), "JPEG"),
        "animated.gif": animated.getvalue(),
    }


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims an enormous size (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    data = zlib.compress(b"\x00" * 64)
    idat = struct.pack(">I", len(data)) + b"IDAT" + data + struct.pack(">I", zlib.crc32(b"IDAT" + data))
    end = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat + end


def hostile_files() -> list[tuple[str, bytes]]:
    rnd = random.Random(1)
    files = [("empty.png", b""), ("bomb.png", png_claiming(100_000, 100_000)),
             ("bomb_wide.png", png_claiming(2 ** 31 - 1, 1)), ("zero.png", png_claiming(0, 0)),
             ("text.jpg", b"just some text, not a picture"), ("html.png", b"<html><body>hi</body></html>")]
    for name, data in valid_files().items():
        files.append((name, data))
        for cut in (1, 8, 16, len(data) // 3, len(data) // 2, len(data) - 1):   # truncated
            files.append((f"cut{cut}_{name}", data[:cut]))
        for flip in range(12):                                                  # bit flips
            damaged = bytearray(data)
            for _ in range(rnd.randint(1, 20)):
                i = rnd.randrange(len(damaged))
                damaged[i] ^= 1 << rnd.randrange(8)
            files.append((f"flip{flip}_{name}", bytes(damaged)))
        files.append((f"wrong_ext_{name}.gif", data))                          # wrong extension
    for i in range(40):                                                         # random bytes
        files.append((f"random{i}.png", bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 4000)))))
    return files


FILES = hostile_files()


def test_the_corpus_exercises_both_outcomes():
    """Hundreds of files, and both outcomes: some still decode (mild damage, odd modes), many are refused."""
    decoded = refused = 0
    for _, data in FILES:
        try:
            imaging.load_image(data)
            decoded += 1
        except imaging.ImageError:
            refused += 1
    assert len(FILES) > 300 and decoded > 30 and refused > 100


@pytest.mark.parametrize("name, data", FILES, ids=[n for n, _ in FILES])
def test_load_image_decodes_or_explains(name, data):
    try:
        pixels = imaging.load_image(data)
    except imaging.ImageError as err:
        assert err.text("en") and err.text("zh") and "Traceback" not in err.text("en")
        return
    assert pixels.ndim == 3 and pixels.shape[2] == 3 and pixels.dtype == np.float32
    assert np.isfinite(pixels).all() and 0 <= pixels.min() and pixels.max() <= 1
    assert max(pixels.shape[:2]) <= 4096


@pytest.mark.parametrize("name", ["1x1.png", "cmyk.jpg", "grey16.png", "palette_transparent.png", "animated.gif",
                                  "float.tif", "one_bit.png", "la.png"])
def test_special_but_valid_images_decode(name):
    pixels = imaging.load_image(valid_files()[name])
    assert pixels.shape[2] == 3


@pytest.mark.parametrize("name", ["1x10000.png", "10000x1.jpg"])
def test_strips_too_thin_to_draw_are_refused_with_a_message(name):
    with pytest.raises(imaging.ImageError, match="too thin a strip"):
        imaging.load_image(valid_files()[name])


def test_pages_survive_hostile_uploads_and_recover():
    from tests.helpers import KERNEL_LAB, POOLING, photo_bytes, start
    at = start(KERNEL_LAB)
    picks = random.Random(2).sample([f for f in FILES if not f[0].startswith(("rgb", "1x"))], 25)
    picks += [("bomb.png", png_claiming(100_000, 100_000)), ("empty.png", b"\x00")]
    for name, data in picks:
        at.sidebar.file_uploader[0].upload(name, data, "application/octet-stream").run()
        assert not at.exception, name
    at.sidebar.file_uploader[0].upload("good.jpg", photo_bytes(200, 150), "image/jpeg").run()
    assert not at.exception and not at.sidebar.error
    assert "good.jpg" in " ".join(c.value for c in at.sidebar.caption)
    at.switch_page(POOLING).run()
    assert not at.exception and not at.error
