"""Image bytes -> validated float32 RGB arrays, and arrays -> pictures for display.

Decoding is Pillow's; the checks around it keep a hostile or odd file from
hurting the app: the claimed size is read from the header before any pixel is
decoded, large JPEGs are decoded at reduced scale, and every failure becomes an
:class:`ImageError` whose message is fit to show a user.
"""
from __future__ import annotations

import io
import math
import struct
import warnings
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from explorer.display import LUMA
from explorer.i18n import LocalizedError

# Pillow only warns between its own limit and twice that; an image that large is a decompression bomb here.
# Set once at import: warnings.catch_warnings() per upload is not thread-safe in a server with many sessions.
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

MAX_UPLOAD_MB = 25
MAX_PIXELS = 64_000_000
MAX_DECODE_MB = 256     # decoded pixels as Pillow keeps them: 64 MP at 4 bytes
MAX_FRAMES = 1000       # frames of an animation or pages of a TIFF
MAX_SCANS = 100         # a progressive JPEG's passes: encoders write about 10
MAX_SCAN_MEGAPIXELS = 2000  # scans × megapixels: the decoding time of a progressive JPEG
BAND_ROWS = 256         # output rows converted and scaled at a time
ORIENTATION = 0x0112    # the EXIF tag
MAX_ASPECT = 32         # a thinner strip cannot be drawn: its short side would round to 0 pixels on screen
FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF")
UPLOAD_TYPES = ("jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif")


class ImageError(LocalizedError):
    """The bytes are not an image this app can use; the message says why."""


@dataclass(frozen=True)
class DecodedImage:
    """A decoded image and what a user should be told about it."""
    pixels: np.ndarray            # (H, W, 3) float32 in [0, 1]; uint8 0–255 when decoded compact from 8 bits
    original_size: tuple[int, int]  # (width, height) as stored, before scaling down
    format: str
    frames: int


def load_image(data: bytes, *, max_side: int = 4096) -> np.ndarray:
    """Decode image bytes into an ``(H, W, 3)`` float32 RGB array in ``[0, 1]``.

    EXIF orientation is applied, transparency is composited on white, 16-bit
    and float images keep their full range, animations give their first frame,
    and images with a side above ``max_side`` are scaled down to it.

    Raises:
        ImageError: empty, too large, a decompression bomb, truncated or not an image.

    Example:
        >>> load_image(open("assets/cat.png", "rb").read()).shape
        (300, 451, 3)
    """
    return decode_image(data, max_side=max_side).pixels


def decode_image(data: bytes, *, max_side: int = 4096, compact: bool = False) -> DecodedImage:
    """:func:`load_image` plus the original size, format and frame count. ``compact``: an 8-bit image keeps its
    bytes (uint8, a quarter of the floats' memory; :func:`to_float` gives the same floats, bit for bit).

    What decoding will cost is decided from the header first: the pixels at
    the bytes per pixel Pillow stores (:data:`MAX_DECODE_MB`), the frames
    (:data:`MAX_FRAMES`, counted without decoding them), a progressive JPEG's
    scans (:data:`MAX_SCANS`, and scans × megapixels). A JPEG is decoded at a
    reduced scale; any other image is converted and scaled down a band of rows
    at a time, so no full-size copy is made in another mode or as floats.
    """
    if not data:
        raise ImageError("err.image_empty")
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        raise ImageError("err.image_bytes", mb=round(len(data) / 2 ** 20, 1), limit=MAX_UPLOAD_MB)
    try:
        Image.init()  # `formats=` below only finds plugins already registered (WebP, TIFF are not preloaded)
        img = Image.open(io.BytesIO(data), formats=FORMATS)
        fmt, width, height = img.format or "?", *img.size
        if width * height > MAX_PIXELS:
            raise ImageError("err.image_bomb", w=width, h=height, limit=MAX_PIXELS // 1_000_000)
        if max(width, height) > MAX_ASPECT * max(min(width, height), 1):
            raise ImageError("err.image_aspect", w=width, h=height, ratio=MAX_ASPECT)
        frames = _frames(img, data)
        img.seek(0)
        if img.format in ("JPEG", "MPO"):
            _check_scans(data, width * height)
            if max(width, height) > max_side:
                # decode at 1/2, 1/4 or 1/8 scale straight from the DCT: less memory, less time
                img.draft("RGB", (max(1, max_side * width // max(width, height)),
                                  max(1, max_side * height // max(width, height))))
        _check_cost(img)
        img.load()
        turn = _orientation(img)
        img = _fitted(img, max_side)
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError("err.image_bomb", w="?", h="?", limit=MAX_PIXELS // 1_000_000) from None
    except UnidentifiedImageError:
        raise ImageError("err.image_unknown", formats=", ".join(UPLOAD_TYPES)) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error):
        raise ImageError("err.image_broken") from None
    if turn is not None:
        img = img.transpose(turn)
    turned = turn in (Image.Transpose.TRANSPOSE, Image.Transpose.TRANSVERSE, Image.Transpose.ROTATE_90,
                      Image.Transpose.ROTATE_270)
    return DecodedImage(_to_float_rgb(img, compact), (height, width) if turned else (width, height), fmt, frames)


def _orientation(img: Image.Image) -> Image.Transpose | None:
    """How to turn the picture upright, from its EXIF orientation (``ImageOps.exif_transpose``'s table)."""
    try:
        orientation = img.getexif().get(ORIENTATION, 1)
    except Exception:  # a malformed EXIF block must not cost the user the picture  # noqa: BLE001
        return None
    return {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
            5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_90}.get(orientation)


def _frames(img: Image.Image, data: bytes) -> int:
    """How many frames the file holds, refused above :data:`MAX_FRAMES`; a TIFF's are counted by walking its
    directory offsets (Pillow's count was quadratic: 90,000 frames took 41 s)."""
    count = _tiff_frames(data) if img.format == "TIFF" else getattr(img, "n_frames", 1)
    if count > MAX_FRAMES:
        raise ImageError("err.image_frames", limit=MAX_FRAMES)
    return count


def _tiff_frames(data: bytes) -> int:
    """The number of image directories of a TIFF (classic or BigTIFF), at most ``MAX_FRAMES + 1``; a loop or an
    offset outside the file ends the count."""
    order = {b"II": "<", b"MM": ">"}.get(data[:2])
    if order is None:
        return 1
    big = struct.unpack(order + "H", data[2:4])[0] == 43
    count_format, entry, offset_format = ("Q", 20, "Q") if big else ("H", 12, "I")
    offset = struct.unpack(order + offset_format, data[8:16] if big else data[4:8])[0]
    seen: set[int] = set()
    while 0 < offset < len(data) and offset not in seen and len(seen) <= MAX_FRAMES:
        seen.add(offset)
        width = struct.calcsize(count_format)
        (entries,) = struct.unpack(order + count_format, data[offset:offset + width])
        at = offset + width + entries * entry
        if at + struct.calcsize(offset_format) > len(data):
            break
        (offset,) = struct.unpack(order + offset_format, data[at:at + struct.calcsize(offset_format)])
    return max(1, len(seen))


def _check_scans(data: bytes, pixels: int) -> None:
    """Refuse a progressive JPEG whose scans would cost far more than a photo's (each scan is a pass over the
    whole image: 4,000 tiny scans in 639 KB took 21–26 s)."""
    scans = _jpeg_scans(data)
    megapixels = max(pixels / 1e6, 0.01)
    if scans > MAX_SCANS or scans * megapixels > MAX_SCAN_MEGAPIXELS:
        raise ImageError("err.image_scans", scans=scans, mp=f"{megapixels:.1f}", limit=MAX_SCAN_MEGAPIXELS)


def _jpeg_scans(data: bytes) -> int:
    """The number of start-of-scan markers of a JPEG, counted by walking its segments (stops past the cap)."""
    scans, at = 0, 2
    while at + 4 <= len(data) and scans <= MAX_SCANS:
        if data[at] != 0xFF:
            at = data.find(b"\xff", at)
            if at < 0:
                break
            continue
        marker = data[at + 1]
        if marker == 0xFF or 0xD0 <= marker <= 0xD7 or marker == 0x00:     # fill byte, restart, stuffed zero
            at += 1 if marker == 0xFF else 2
            continue
        if marker == 0xD9:                                                     # end of image
            break
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        at += 2 + length
        if marker == 0xDA:                 # a scan: its entropy-coded data runs to the next real marker
            scans += 1
    return scans


def _check_cost(img: Image.Image) -> None:
    """Refuse an image whose decoded pixels (Pillow keeps 1, 2 or 4 bytes per pixel) exceed the budget."""
    width, height = img.size
    per_pixel = {"1": 1, "L": 1, "P": 1}.get(img.mode, 2 if img.mode.startswith("I;16") else 4)
    if img.format == "WEBP":
        per_pixel = 8           # libwebp decodes into a buffer of its own, which Pillow then copies
    if width * height * per_pixel > MAX_DECODE_MB * 2 ** 20:
        raise ImageError("err.image_cost", fmt=img.format or "?", mb=round(width * height * per_pixel / 2 ** 20),
                         w=width, h=height, bits=8 * per_pixel, limit=MAX_DECODE_MB)


def _working_mode(img: Image.Image) -> str:
    """The mode the pixels are scaled in: RGBA when there is transparency, 32-bit for deep greys, else L or RGB."""
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info:
        return "RGBA"
    if img.mode.startswith("I;16"):
        return "I"
    if img.mode in ("I", "F", "L"):
        return img.mode
    return "L" if img.mode == "1" else "RGB"


def _fitted(img: Image.Image, max_side: int) -> Image.Image:
    """``img`` with its longer side at most ``max_side`` (area averaging), transparency composited on white, in
    RGB, L, I or F; converted and scaled :data:`BAND_ROWS` output rows at a time, so an 8000×8000 palette PNG
    never exists as a full-size RGBA copy (it cost 3 GB and 7 s as floats)."""
    mode = _working_mode(img)
    width, height = img.size
    scale = max(1.0, max(width, height) / max_side)
    out_w, out_h = max(1, round(width / scale)), max(1, round(height / scale))
    rows = height / out_h
    out = Image.new("RGB" if mode == "RGBA" else mode, (out_w, out_h))
    for first in range(0, out_h, BAND_ROWS):
        last = min(out_h, first + BAND_ROWS)
        top, bottom = math.floor(first * rows), min(height, math.ceil(last * rows))
        band = img.crop((0, top, width, bottom)).convert(mode)
        if scale > 1:
            band = band.resize((out_w, last - first), Image.Resampling.BOX,
                               box=(0, first * rows - top, width, min(last * rows - top, bottom - top)))
        if mode == "RGBA":
            band = Image.alpha_composite(Image.new("RGBA", band.size, (255, 255, 255, 255)), band).convert("RGB")
        out.paste(band, (0, first))
    return out


def to_float(pixels: np.ndarray) -> np.ndarray:
    """8-bit pixels (uint8 0–255) as float32 in [0, 1], exactly as decoding makes them; floats as they are."""
    if pixels.dtype != np.uint8:
        return pixels
    floats = pixels.astype(np.float32)
    floats *= 1 / 255
    return floats


def _to_float_rgb(img: Image.Image, compact: bool = False) -> np.ndarray:
    """A fitted image (RGB, L, I or F) as ``(H, W, 3)`` float32 in [0, 1] (RGB and L as uint8 when ``compact``)."""
    if img.mode in ("RGB", "L"):
        pixels = np.asarray(img.convert("RGB"))
        return pixels if compact else to_float(pixels)
    grey = np.array(img, dtype=np.float32)
    if img.mode == "I":
        grey *= 1 / (65535.0 if grey.size and grey.max() > 255 else 255.0)
    else:           # F: any range; NaN and infinities as black and white
        np.nan_to_num(grey, copy=False, nan=0.0, posinf=1.0, neginf=0.0)
        top = float(grey.max()) if grey.size else 1.0
        if top > 1.0:
            grey *= 1 / top
    np.clip(grey, 0.0, 1.0, out=grey)
    return np.repeat(grey[..., None], 3, axis=2)


def fit_side(image: np.ndarray, max_side: int) -> np.ndarray:
    """Scale ``image`` down (area averaging) so its longer side is ``max_side``; never up."""
    h, w = image.shape[:2]
    scale = max_side / max(h, w)
    if scale >= 1:
        return image
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def to_grey(image: np.ndarray) -> np.ndarray:
    """``(H, W, 3)`` RGB -> ``(H, W)`` luma (BT.601); a 2-D image is returned as is."""
    if image.ndim == 2:
        return image
    return np.ascontiguousarray(image @ LUMA, dtype=np.float32)


def to_png(picture: np.ndarray) -> bytes:
    """Encode a uint8 ``(H, W)`` or ``(H, W, 3)`` picture as PNG bytes."""
    return encode(picture, "PNG")


def encode(picture: np.ndarray, image_format: str = "PNG", quality: int = 100) -> bytes:
    """A uint8 ``(H, W)``, ``(H, W, 3)`` or ``(H, W, 4)`` picture as ``PNG`` or ``JPEG`` bytes (``quality`` for
    JPEG; a JPEG has no transparency, so a fourth channel is dropped).

    Example:
        >>> data = encode(np.zeros((2, 3), np.uint8), "JPEG")
        >>> data[:2], Image.open(io.BytesIO(data)).size
        (b'\\xff\\xd8', (3, 2))
    """
    image = Image.fromarray(picture)
    if image_format == "JPEG" and image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, quality=quality)
    return buffer.getvalue()
