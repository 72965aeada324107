"""Image bytes -> validated float32 RGB arrays, and arrays -> pictures for display.

Decoding is Pillow's; the checks around it keep a hostile or odd file from
hurting the app: the claimed size is read from the header before any pixel is
decoded, large JPEGs are decoded at reduced scale, and every failure becomes an
:class:`ImageError` whose message is fit to show a user.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from explorer.i18n import LocalizedError
from explorer.palette import LUMA

# Pillow only warns between its own limit and twice that; an image that large is a decompression bomb here.
# Set once at import: warnings.catch_warnings() per upload is not thread-safe in a server with many sessions.
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

MAX_UPLOAD_MB = 25
MAX_PIXELS = 64_000_000
MAX_ASPECT = 32         # a thinner strip cannot be drawn: its short side would round to 0 pixels on screen
FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF")
UPLOAD_TYPES = ("jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif")


class ImageError(LocalizedError):
    """The bytes are not an image this app can use; the message says why."""


@dataclass(frozen=True)
class DecodedImage:
    """A decoded image and what a user should be told about it."""
    pixels: np.ndarray            # (H, W, 3) float32 in [0, 1]
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


def decode_image(data: bytes, *, max_side: int = 4096) -> DecodedImage:
    """:func:`load_image` plus the original size, format and frame count."""
    if not data:
        raise ImageError("err.image_empty")
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        raise ImageError("err.image_bytes", mb=round(len(data) / 2 ** 20, 1), limit=MAX_UPLOAD_MB)
    try:
        Image.init()  # `formats=` below only finds plugins already registered (WebP, TIFF are not preloaded)
        img = Image.open(io.BytesIO(data), formats=FORMATS)
        width, height = img.size
        if width * height > MAX_PIXELS:
            raise ImageError("err.image_bomb", w=width, h=height, limit=MAX_PIXELS // 1_000_000)
        if max(width, height) > MAX_ASPECT * max(min(width, height), 1):
            raise ImageError("err.image_aspect", w=width, h=height, ratio=MAX_ASPECT)
        frames = getattr(img, "n_frames", 1)
        img.seek(0)
        if img.format in ("JPEG", "MPO") and max(width, height) > max_side:
            # decode at 1/2, 1/4 or 1/8 scale straight from the DCT: less memory, less time
            img.draft("RGB", (max(1, max_side * width // max(width, height)),
                              max(1, max_side * height // max(width, height))))
        img.load()
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError("err.image_bomb", w="?", h="?", limit=MAX_PIXELS // 1_000_000) from None
    except UnidentifiedImageError:
        raise ImageError("err.image_unknown", formats=", ".join(UPLOAD_TYPES)) from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError):
        raise ImageError("err.image_broken") from None
    fmt = img.format or "?"
    decoded_size = img.size
    try:
        img = ImageOps.exif_transpose(img)
    except Exception:  # a malformed EXIF block must not cost the user the picture  # noqa: BLE001
        pass
    turned = img.size != decoded_size
    pixels = fit_side(_to_float_rgb(img), max_side)
    return DecodedImage(pixels, (height, width) if turned else (width, height), fmt, frames)


def _to_float_rgb(img: Image.Image) -> np.ndarray:
    mode = img.mode
    if mode.startswith("I;16"):
        gray = np.asarray(img, dtype=np.float32) / 65535.0
    elif mode == "I":
        raw = np.asarray(img, dtype=np.float32)
        gray = raw / (65535.0 if raw.max() > 255 else 255.0)
    elif mode == "F":
        raw = np.asarray(img, dtype=np.float32)
        raw = np.nan_to_num(raw, nan=0.0, posinf=1.0, neginf=0.0)
        top = float(raw.max()) if raw.size else 1.0
        gray = raw / top if top > 1.0 else raw
    else:
        has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info
        if has_alpha:
            rgba = np.asarray(img.convert("RGBA"), dtype=np.float32) / 255.0
            alpha = rgba[..., 3:4]
            return np.ascontiguousarray(rgba[..., :3] * alpha + (1.0 - alpha), dtype=np.float32)
        return np.asarray(img.convert("RGB"), dtype=np.float32) / 255.0
    gray = np.clip(gray, 0.0, 1.0)
    return np.repeat(gray[..., None], 3, axis=2)


def fit_side(image: np.ndarray, max_side: int) -> np.ndarray:
    """Scale ``image`` down (area averaging) so its longer side is ``max_side``; never up."""
    h, w = image.shape[:2]
    scale = max_side / max(h, w)
    if scale >= 1:
        return image
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


def to_gray(image: np.ndarray) -> np.ndarray:
    """``(H, W, 3)`` RGB -> ``(H, W)`` luma (BT.601); a 2-D image is returned as is."""
    if image.ndim == 2:
        return image
    return np.ascontiguousarray(image @ LUMA, dtype=np.float32)


def to_png(picture: np.ndarray) -> bytes:
    """Encode a uint8 ``(H, W)`` or ``(H, W, 3)`` picture as PNG bytes."""
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="PNG")
    return buffer.getvalue()
