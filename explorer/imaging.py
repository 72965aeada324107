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
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError
from plotly.colors import sample_colorscale, unlabel_rgb

from explorer.i18n import LocalizedError

# Pillow only warns between its own limit and twice that; an image that large is a decompression bomb here.
# Set once at import: warnings.catch_warnings() per upload is not thread-safe in a server with many sessions.
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

MAX_UPLOAD_MB = 25
MAX_PIXELS = 64_000_000
MAX_ASPECT = 32         # a thinner strip cannot be drawn: its short side would round to 0 pixels on screen
FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF", "GIF")
UPLOAD_TYPES = ("jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif")
DISPLAY_MODES = ("auto", "diverging", "absolute", "clip", "stretch")
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R BT.601, what OpenCV and Pillow use


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


@lru_cache(maxsize=1)
def _diverging_lut() -> np.ndarray:
    colours = sample_colorscale("RdBu_r", [i / 255 for i in range(256)])
    return np.array([unlabel_rgb(c) for c in colours], dtype=np.float32).round().astype(np.uint8)


def resolve_display_mode(mode: str, values: np.ndarray, kernel_sum: float) -> str:
    """``auto`` -> ``clip`` for outputs in [0, 1], ``absolute`` for zero-sum (edge) kernels."""
    if mode not in DISPLAY_MODES:
        raise ImageError("err.display_mode", value=repr(mode), allowed=", ".join(DISPLAY_MODES))
    if mode != "auto":
        return mode
    if values.size and values.min() >= -1e-6 and values.max() <= 1 + 1e-6:
        return "clip"
    return "absolute" if abs(kernel_sum) < 1e-6 else "clip"


def to_display(values: np.ndarray, mode: str, scale: float | None = None) -> np.ndarray:
    """Map real-valued output to a uint8 picture (``(H, W)`` or ``(H, W, 3)``).

    ``diverging``: zero is white (grey for colour), negatives blue, positives red,
    scaled by ``scale`` (default: the largest magnitude; pass one scale to
    compare several pictures); ``absolute``: ``|v|`` clipped to 1;
    ``clip``: ``v`` clipped to [0, 1]; ``stretch``: min–max to [0, 1].
    """
    v = np.asarray(values, dtype=np.float32)
    if mode == "diverging":
        scale = scale or float(np.abs(v).max()) or 1.0
        centred = 0.5 + 0.5 * v / scale
        if v.ndim == 2:
            return _diverging_lut()[np.clip(centred * 255 + 0.5, 0, 255).astype(np.uint8)]
        shown = centred
    elif mode == "absolute":
        shown = np.abs(v)
    elif mode == "clip":
        shown = v
    elif mode == "stretch":
        lo, hi = float(v.min()), float(v.max())
        shown = (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)
    else:
        raise ImageError("err.display_mode", value=repr(mode), allowed=", ".join(DISPLAY_MODES))
    return (np.clip(shown, 0, 1) * 255 + 0.5).astype(np.uint8)


def robust_scale(values: np.ndarray, percentile: float = 99.5) -> float:
    """A display scale that ignores the few most extreme values, so typical ones are not washed out.

    Example:
        >>> robust_scale(np.r_[np.ones(999), 100.0])
        1.0
    """
    magnitude = np.abs(np.asarray(values, dtype=np.float32))
    return float(np.percentile(magnitude, percentile)) or float(magnitude.max()) or 1.0


def to_png(picture: np.ndarray) -> bytes:
    """Encode a uint8 ``(H, W)`` or ``(H, W, 3)`` picture as PNG bytes."""
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="PNG")
    return buffer.getvalue()


def to_uint8(image: np.ndarray) -> np.ndarray:
    """A float image in [0, 1] as uint8 for display."""
    return (np.clip(image, 0, 1) * 255 + 0.5).astype(np.uint8)


def mark(picture: np.ndarray, x0: int, y0: int, x1: int, y1: int,
         colour: tuple[int, int, int] = (255, 196, 0)) -> np.ndarray:
    """A copy of a uint8 picture with a rectangle drawn around pixels x0..x1, y0..y1 (inclusive).

    The outline sits just outside the pixels and is at least a few display
    pixels thick, so a 1×1 target is still visible on a large image.
    """
    rgb = np.repeat(picture[..., None], 3, axis=2) if picture.ndim == 2 else picture.copy()
    thick = max(1, max(rgb.shape[:2]) // 250)
    grow = thick + max(0, 3 * thick - (x1 - x0)) // 2
    cv2.rectangle(rgb, (x0 - grow, y0 - grow), (x1 + grow, y1 + grow), colour, thick)
    return rgb


def zoom(picture: np.ndarray, factor: int) -> np.ndarray:
    """Every pixel as a ``factor × factor`` block, so single pixels stay visible on a projector."""
    return np.repeat(np.repeat(picture, factor, axis=0), factor, axis=1)


def crop_square(picture: np.ndarray, centre: tuple[int, int], side: int) -> np.ndarray:
    """A ``side × side`` RGB uint8 crop centred on ``(row, col)``; parts outside the picture are mid-grey.

    Example:
        >>> crop_square(np.zeros((4, 4), np.uint8), (0, 0), 3)[0, 0].tolist()
        [128, 128, 128]
    """
    if picture.ndim == 2:
        picture = np.repeat(picture[..., None], 3, axis=2)
    crop = np.full((side, side, 3), 128, np.uint8)
    y0, x0 = centre[0] - side // 2, centre[1] - side // 2
    ys = slice(max(0, y0), min(picture.shape[0], y0 + side))
    xs = slice(max(0, x0), min(picture.shape[1], x0 + side))
    if ys.stop > ys.start and xs.stop > xs.start:
        crop[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0] = picture[ys, xs]
    return crop


def zoom_cells(image: np.ndarray, centre: tuple[int, int], side: int, cells: list[tuple[int, int]], factor: int,
               colour: tuple[int, int, int] = (255, 140, 0)) -> np.ndarray:
    """A ``side × side`` crop of a float image around ``centre``, enlarged, with ``cells`` outlined.

    ``cells`` are ``(dy, dx)`` offsets from the centre. Parts of the crop
    outside the image are drawn mid-grey.

    Example:
        >>> zoom_cells(np.zeros((9, 9)), (4, 4), 5, [(0, 0)], 4).shape
        (20, 20, 3)
    """
    half = side // 2
    big = np.ascontiguousarray(zoom(crop_square(to_uint8(image), centre, side), factor))
    thick = max(2, factor // 6)
    for dy, dx in cells:
        top, left = (half + dy) * factor, (half + dx) * factor
        cv2.rectangle(big, (left, top), (left + factor - 1, top + factor - 1), colour, thick)
    return big


def tint(picture: np.ndarray, weights: np.ndarray, colour: tuple[int, int, int] = (255, 140, 0)) -> np.ndarray:
    """Blend ``colour`` over a uint8 picture where ``weights > 0``, stronger where they are larger."""
    rgb = np.repeat(picture[..., None], 3, axis=2) if picture.ndim == 2 else picture
    top = float(weights.max()) or 1.0
    alpha = np.where(weights > 0, 0.2 + 0.7 * weights / top, 0.0)[..., None]
    return (rgb * (1 - alpha) + np.array(colour) * alpha + 0.5).astype(np.uint8)


def crop_fraction(picture: np.ndarray, x: float, y: float, zoom: float) -> np.ndarray:
    """The ``1/zoom`` part of a picture whose position runs from the left/top (0) to the right/bottom (1).

    Example:
        >>> crop_fraction(np.zeros((100, 60)), 1.0, 0.0, 4).shape
        (25, 15)
    """
    h, w = picture.shape[:2]
    side_h, side_w = max(1, -(-h // int(zoom))), max(1, -(-w // int(zoom)))
    y0, x0 = int(round(y * (h - side_h))), int(round(x * (w - side_w)))
    return picture[y0:y0 + side_h, x0:x0 + side_w]
