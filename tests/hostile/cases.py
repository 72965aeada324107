"""The tables: every upload path (ENTRY_POINTS) and every hostile input (CASES), one line each.

A new decoder or upload path: one line in :data:`ENTRY_POINTS` (what to call, the error it documents, what a
correct result looks like); every ``"*"`` case then runs against it too. A new hostile input: one line in
:data:`CASES` (a name, the entry point or ``"*"``, a builder from :mod:`tests.hostile.craft`, and optionally what
must come out beyond "the documented error with a fit message, or a correct result").

Each case must end within :data:`harness.TIME_LIMIT` seconds and :data:`harness.MEMORY_LIMIT` bytes over the
child's starting size.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import torch

from explorer import imaging
from explorer.network import NetworkError, archive, classes, data, layers, presets, weights
from tests.hostile import craft
from tests.hostile.craft import BZIP2, DEFLATED, LZMA, STORED, Entry, GiB, MiB, entry, lying, zip_archive

MAX_MESSAGE = 500
# a Markdown image or an HTML link not escaped with a backslash (how the pages escape them), or a traceback
RAW_MARKUP = (re.compile(r"(?<!\\)!\["), re.compile(r"(?<!\\)<a", re.IGNORECASE), re.compile("Traceback"))
DIGITS = [str(d) for d in range(10)]
OWN = ["a", "b"]

# ------------------------------------------------------------------ what a correct result looks like


def message_problem(err: Exception) -> str | None:
    """A message fit to show: in both languages, bounded, no raw Markdown image or HTML link, no traceback."""
    for lang in ("en", "zh"):
        text = err.text(lang)
        if not text or not text.strip():
            return f"{type(err).__name__} has no {lang} message"
        if len(text) > MAX_MESSAGE:
            return f"the {lang} message is {len(text)} characters (at most {MAX_MESSAGE}): {text[:120]!r}…"
        for raw in RAW_MARKUP:
            found = raw.search(text)
            if found:
                return f"the {lang} message holds a raw {found.group()!r}: {text[:200]!r}"
    return None


def valid_image(decoded) -> str | None:
    pixels = decoded.pixels
    if pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.float32:
        return f"pixels of shape {pixels.shape} and type {pixels.dtype}"
    if max(pixels.shape[:2]) > 4096 or min(pixels.shape[:2]) < 1:
        return f"pixels of shape {pixels.shape}"
    if not (np.isfinite(pixels).all() and pixels.min() >= 0 and pixels.max() <= 1):
        return "pixels outside [0, 1] or not finite"
    return None


def valid_image_set(found) -> str | None:
    image_set, problems = found
    if len(image_set.classes) > classes.MAX_CLASSES:
        return f"{len(image_set.classes)} classes"
    for c in image_set.classes:
        if any(i.shape != (classes.STORED, classes.STORED, 3) or i.dtype != np.uint8 for i in c.images):
            return f"class {c.name!r} holds an image that is not {classes.STORED}×{classes.STORED}×3 uint8"
    for problem in problems:
        bad = message_problem(problem.why)
        if bad:
            return f"problem {problem.name[:80]!r}: {bad}"
    return None


def valid_idx(loaded) -> str | None:
    x, y = loaded
    if tuple(x.shape[1:]) != (1, 28, 28) or x.dtype != torch.float32 or len(x) != len(y):
        return f"x {tuple(x.shape)} {x.dtype}, y {tuple(y.shape)}"
    if len(x) and not (torch.isfinite(x).all() and x.min() >= 0 and x.max() <= 1):
        return "pixels outside [0, 1] or not finite"
    if len(y) and (y.dtype != torch.int64 or y.min() < 0 or y.max() >= 10):
        return f"labels {y.dtype} from {y.min()} to {y.max()}"
    return None


def finite_model(model: torch.nn.Module) -> str | None:
    for key, value in model.state_dict().items():
        if value.is_floating_point() and not torch.isfinite(value).all():
            return f"the loaded model's {key} holds {value[~torch.isfinite(value)][:3].tolist()}"
    return None


def valid_state(state) -> str | None:
    if not isinstance(state, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                              for k, v in state.items()):
        return "not a dict of named tensors"
    return None


def valid_settings(settings) -> str | None:
    if settings is None:
        return None
    names, size, colour, specs = settings
    if not (isinstance(names, list) and all(isinstance(n, str) for n in names) and size in classes.SIZES
            and isinstance(colour, bool) and isinstance(specs, list) and all(isinstance(s, dict) for s in specs)):
        return f"settings {str(settings)[:200]}"
    return None


# ------------------------------------------------------------------ the entry points


def digits_model() -> torch.nn.Module:
    return layers.build(presets.PRESETS["batchnorm"])


def own_model() -> torch.nn.Module:
    return layers.build(layers.for_classes(presets.PRESETS["batchnorm"], 2), (3, 48, 48), classes=2)


def upload_weights(model: Callable[[], torch.nn.Module], names: list[str], shape: tuple[int, int, int]):
    """What the Network page does with an uploaded weights file."""
    def upload(file: bytes) -> torch.nn.Module:
        network = model()
        classes.check_fits(weights.read_metadata(file), names, shape)
        weights.load_weights(network, file)
        return network
    return upload


@dataclass(frozen=True)
class EntryPoint:
    call: Callable[..., Any]          # takes the case's bytes (or its tuple of bytes)
    error: type[Exception]            # the documented error class: its message is what a user sees
    valid: Callable[[Any], str | None]  # a correct result; None when it is


ENTRY_POINTS: dict[str, EntryPoint] = {
    "image": EntryPoint(imaging.decode_image, imaging.ImageError, valid_image),
    "classes_zip": EntryPoint(archive.from_zip, NetworkError, valid_image_set),
    "idx": EntryPoint(lambda images, labels=None: data.load_idx(images, images if labels is None else labels),
                      NetworkError, valid_idx),
    "weights": EntryPoint(upload_weights(digits_model, DIGITS, (1, 28, 28)), NetworkError, finite_model),
    "weights_own": EntryPoint(upload_weights(own_model, OWN, (3, 48, 48)), NetworkError, finite_model),
    "read_weights": EntryPoint(weights.read_weights, NetworkError, valid_state),
    "metadata": EntryPoint(lambda file: classes.settings_of(weights.read_metadata(file)), NetworkError,
                           valid_settings),
}

# ------------------------------------------------------------------ what must come out, beyond the defaults

Expect = Callable[[Any, BaseException | None], str | None]


def refused(result, error) -> str | None:
    """The documented error, not a result."""
    return None if error is not None else "returned a result; this input must be refused with a message"


def reported(name: str, keep: dict[str, int]) -> Expect:
    """The whole ZIP refused, or ``name`` reported as a problem and the good images kept."""
    def check(result, error):
        if error is not None:
            return None
        image_set, problems = result
        if name not in [p.name for p in problems]:
            return f"{name!r} is not among the problems {[p.name[:60] for p in problems][:5]}"
        return _counts(image_set, keep)
    return check


def _counts(image_set, keep: dict[str, int]) -> str | None:
    found = dict(zip(image_set.names, image_set.counts()))
    return None if found == keep else f"classes {found}, expected {keep}"


def by_folder(entries: tuple[str, ...], keep: dict[str, int] | None, reported: tuple[str, ...] = ()) -> Expect:
    """A result (not an error): the classes by folder (``keep``; None: any), ``reported`` among the problems, every
    one of ``entries`` (all good pictures) either used or reported, and no class named after a path piece."""
    def check(result, error):
        if error is not None:
            return f"refused the whole ZIP: {error}"
        image_set, problems = result
        named = {p.name for p in problems}
        missing = [n for n in reported if n not in named]
        if missing:
            return f"{missing} not reported as problems (problems: {sorted(named)[:6]})"
        bad = [n for n in image_set.names if n in ("", ".", "..", "/") or "/" in n or "\\" in n or ":" in n]
        if bad:
            return f"classes named after path pieces: {bad}"
        used, told = sum(image_set.counts()), len(named & set(entries))
        if used + told != len(entries):
            return f"{len(entries)} entries, {used} used and {told} reported: the rest vanished silently"
        return None if keep is None else _counts(image_set, keep)
    return check


# ------------------------------------------------------------------ the cases


@dataclass(frozen=True)
class Case:
    name: str
    entry: str | tuple[str, ...]      # a key of ENTRY_POINTS (or several), or "*" for every entry point
    build: Callable[[], bytes | tuple[bytes, ...]]
    expect: Expect | None = None


def judge(entry_point: EntryPoint, case: Case, result, error) -> str | None:
    """None when the case ended as it must; else what is wrong (the harness adds time and memory)."""
    if error is not None:
        if not isinstance(error, entry_point.error):
            return f"raised {type(error).__name__} (not {entry_point.error.__name__}): {str(error)[:200]}"
        bad = message_problem(error)
    else:
        bad = entry_point.valid(result)
    if bad is None and case.expect is not None:
        bad = case.expect(result, error)
    return bad


def png(n: int = 0) -> bytes:
    return craft.small_png(((n * 70) % 256, 30, 200 - n))


GOOD = [entry("a/1.png", png(1)), entry("a/2.png", png(2)), entry("b/1.png", png(3))]
KEEP = {"a": 2, "b": 1}


def lying_zip(method: int, zeros: int, claim: int = 100) -> bytes:
    return zip_archive(GOOD + [lying("b/bomb.png", method, zeros, claim)])


def lying_under_ratio(method: int, zeros: int) -> bytes:
    """The claimed size under the ratio and size checks (150× the compressed size, at most 20 MB), yet the entry
    holds ``zeros``."""
    member = lying("b/bomb.png", method, zeros)
    claim = min(150 * len(member.payload), 20 * MiB)
    return zip_archive(GOOD + [Entry(member.name, method, member.payload, craft.crc32_zeros(claim), claim)])


def many_lying() -> bytes:
    """100 entries of 64 MiB of zeros each (6.4 GB), each claiming 1 MB: under the ratio and the total."""
    payload = craft.deflate_zeros(64 * MiB)[0]
    claim = 1_000_000
    return zip_archive(GOOD + [Entry(f"b/{n}.png", DEFLATED, payload, craft.crc32_zeros(claim), claim)
                               for n in range(100)])


def many_honest() -> bytes:
    """1,990 honest entries of 50 KB at ~160:1, just under the ratio; 99.5 MB in all, just under the total."""
    rnd = random.Random(7)
    members = []
    for n in range(1990):
        member = entry(f"{'ab'[n % 2]}/{n}.bin", rnd.randbytes(256) + bytes(50_000 - 256))
        assert member.size < 200 * len(member.payload)         # the ratio
        members.append(member)
    return zip_archive(GOOD + members)


def zip_names(name: str, entries: tuple[str, ...], keep: dict[str, int] | None, reported: tuple[str, ...] = ()):
    """A ZIP of good pictures under these entry names, and what must come out of it."""
    return Case(name, "classes_zip", lambda: zip_archive([entry(e, png(n)) for n, e in enumerate(entries)]),
                by_folder(entries, keep, reported))


def digits_state(**changes) -> dict:
    state = {k: v.clone() for k, v in craft.digits_model_state().items()}
    state.update(changes)
    return state


def with_value(key: str, value: float, dtype=torch.float32) -> dict:
    tensor = craft.digits_model_state()[key].clone().to(dtype)
    tensor.view(-1)[0] = value
    return digits_state(**{key: tensor})


def own_metadata(names, size: int = 48) -> bytes:
    model = own_model()
    meta = classes.metadata(list(names), size, True, layers.for_classes(presets.PRESETS["batchnorm"], 2))
    return weights.save_weights(model, metadata=meta)


def metadata_file(meta: dict) -> bytes:
    """A safetensors file with one tiny tensor and this ``__metadata__`` written as is (any JSON values)."""
    return craft.safetensors_raw({"__metadata__": meta, "t": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}},
                                 bytes(4))


def deep_header(depth: int) -> bytes:
    text = '{"__metadata__":{"classes":"[]"},"deep":' + craft.nested(depth) + "}"
    return craft.safetensors_raw(text)


def many_tensors(count: int) -> bytes:
    header = {f"t{n}": {"dtype": "F32", "shape": [0], "data_offsets": [0, 0]} for n in range(count)}
    return craft.safetensors_raw(header)


def idx_pair(images: bytes | None = None, labels: bytes | None = None, count: int = 12) -> tuple[bytes, bytes]:
    """``images``/``labels`` with a valid partner of ``count`` digits."""
    rng = np.random.default_rng(0)
    good_images = craft.idx(rng.integers(0, 256, (count, 28, 28)))
    good_labels = craft.idx(np.arange(count) % 10)
    return (good_images if images is None else images, good_labels if labels is None else labels)


def gzip_idx(dims: tuple[int, ...], body: int) -> bytes:
    return craft.gzip_zeros(body, craft.idx_header(dims))


N4G = 4 * GiB // 784       # 28×28 images in 4 GiB
MARKDOWN = "![x](http://evil/x.png)"
HTML = '<a href="http://evil/">click</a>'

CASES: list[Case] = [
    # --- every entry point: nothing, noise, markup, and the other paths' bombs
    Case("empty", "*", lambda: b""),
    Case("random-4k", "*", lambda: random.Random(3).randbytes(4096)),
    Case("markup-text", "*", lambda: f"{MARKDOWN} {HTML}".encode()),
    Case("png-bomb-8000", "*", lambda: craft.big_flat("PNG", "P")),
    Case("gzip-4g-zeros", "*", lambda: craft.gzip_zeros(4 * GiB)),
    Case("zip-bzip2-lying-4g", "*", lambda: lying_zip(BZIP2, 4 * GiB)),      # 4 KB; for classes_zip, see below
    # --- 1. ZIP entries that lie about their size (claim 100 bytes), one per compression method zipfile reads
    Case("zip-lie-stored", "classes_zip", lambda: lying_zip(STORED, 4 * MiB), reported("b/bomb.png", KEEP)),
    Case("zip-lie-deflate-1g", "classes_zip", lambda: lying_zip(DEFLATED, GiB), reported("b/bomb.png", KEEP)),
    Case("zip-lie-bzip2-4g", "classes_zip", lambda: lying_zip(BZIP2, 4 * GiB), reported("b/bomb.png", KEEP)),
    Case("zip-lie-lzma-576m", "classes_zip", lambda: lying_zip(LZMA, 576 * MiB), reported("b/bomb.png", KEEP)),
    Case("zip-lie-deflate-under-ratio", "classes_zip", lambda: lying_under_ratio(DEFLATED, GiB),
         reported("b/bomb.png", KEEP)),
    Case("zip-15k-bzip2-4x4g", "classes_zip", lambda: zip_archive(GOOD + [lying(f"b/{n}.png", BZIP2, 4 * GiB)
                                                                          for n in range(4)])),
    Case("zip-lie-bzip2-under-ratio", "classes_zip", lambda: lying_under_ratio(BZIP2, 4 * GiB),
         reported("b/bomb.png", KEEP)),
    Case("zip-100-lying-entries-under-ratio", "classes_zip", many_lying),
    Case("zip-1990-honest-entries-under-ratio", "classes_zip", many_honest),
    # --- 2. gzip IDX bombs; a .pt whose small tensors are views into one 512 MB storage
    Case("idx-gzip-4g-images", "idx", lambda: (gzip_idx((N4G, 28, 28), N4G * 784), gzip_idx((N4G,), N4G))),
    Case("idx-gzip-4g-labels", "idx", lambda: idx_pair(labels=gzip_idx((2 ** 32 - 1,), 2 ** 32 - 1))),
    Case("idx-gzip-4g-claims-more", "idx", lambda: idx_pair(gzip_idx((2 ** 32 - 1, 28, 28), 4 * GiB))),
    Case("idx-million-1x1-images", "idx", lambda: (gzip_idx((10 ** 6, 1, 1), 10 ** 6),
                                                   gzip_idx((10 ** 6,), 10 ** 6))),
    Case("idx-mnist-training-size", "idx", lambda: craft.idx_digits(60_000)),
    Case("weights-pt-512m-storage", ("weights", "read_weights"), lambda: craft.pt_huge_storage()),
    # --- 3. decoders
    Case("png-8000-palette-trns", "image", lambda: craft.big_flat("PNG", "P")),
    Case("png-8000-1bit", "image", lambda: craft.big_flat("PNG", "1")),
    Case("png-8000-16bit", "image", lambda: craft.big_flat("PNG", "I;16")),
    Case("png-8000-rgba", "image", lambda: craft.big_flat("PNG", "RGBA")),
    Case("gif-8000-transparent", "image", lambda: craft.big_flat("GIF", "P")),
    Case("webp-8000", "image", lambda: craft.big_flat("WEBP", "RGB", lossless=True, method=0)),
    Case("zip-four-png-bombs", "classes_zip", lambda: zip_archive(
        GOOD + [entry(f"{c}/bomb{n}.png", craft.big_flat("PNG", "P")) for c in "ab" for n in (1, 2)])),
    Case("tiff-40k-frames", "image", lambda: craft.tiff_frames(40_000)),
    Case("tiff-90k-frames", "image", lambda: craft.tiff_frames(90_000)),
    Case("tiff-frame-loop", "image", lambda: craft.tiff_frames(1000, loop=True)),
    Case("jpeg-4096-baseline", "image", lambda: craft.big_flat("JPEG", "RGB", 4096)),   # controls: legal pictures
    Case("jpeg-8000-baseline", "image", lambda: craft.big_flat("JPEG", "RGB")),
    Case("jpeg-8000-progressive", "image", lambda: craft.progressive_jpeg(8000, 0)),
    Case("jpeg-4096-4000-scans", "image", lambda: craft.progressive_jpeg(4096, 4000)),
    Case("jpeg-8000-2000-scans", "image", lambda: craft.progressive_jpeg(8000, 2000)),
    # --- 7. weights: values that are not numbers, headers that lie or nest
    Case("weights-nan", "weights", lambda: craft.safetensors_of(with_value("0.weight", float("nan")))),
    Case("weights-inf", "weights", lambda: craft.safetensors_of(with_value("4.weight", float("inf")))),
    Case("weights-minus-inf-bias", "weights", lambda: craft.safetensors_of(with_value("9.bias", float("-inf")))),
    Case("weights-nan-running-var", "weights", lambda: craft.safetensors_of(with_value("1.running_var", float("nan")))),
    Case("weights-1e20", "weights", lambda: craft.safetensors_of(with_value("0.weight", 1e20))),
    Case("weights-float64-1e300", "weights",
         lambda: craft.safetensors_of(with_value("0.weight", 1e300, torch.float64))),
    Case("weights-pt-nan", "weights", lambda: craft.torch_saved(with_value("0.weight", float("nan")))),
    Case("safetensors-deep-header", ("metadata", "weights", "read_weights"), lambda: deep_header(100_000)),
    Case("metadata-deep-classes", ("metadata", "weights_own"),
         lambda: metadata_file({"classes": craft.nested(100_000), "size": "48"})),
    Case("metadata-deep-specs", "metadata", lambda: metadata_file({"classes": '["a", "b"]',
                                                                   "specs": craft.nested(100_000)})),
    Case("metadata-values-not-strings", "metadata", lambda: metadata_file({"classes": ["a", "b"], "size": 48,
                                                                           "colour": True})),
    Case("metadata-classes-not-strings", "metadata", lambda: metadata_file({"classes": "[1, null, {}]"})),
    Case("metadata-not-a-dict", "metadata", lambda: metadata_file(["classes"])),  # type: ignore[arg-type]
    Case("metadata-size-5000-digits", "metadata", lambda: metadata_file({"classes": "[]", "size": "9" * 5000})),
    Case("safetensors-header-length-2^64", ("read_weights", "metadata"),
         lambda: craft.safetensors_raw({}, length=2 ** 64 - 1)),
    Case("safetensors-header-length-past-end", ("read_weights", "metadata"),
         lambda: craft.safetensors_raw("{}", b"", 10 ** 6)),
    Case("safetensors-offsets-past-end", "weights", lambda: craft.safetensors_raw(
        {"0.weight": {"dtype": "F32", "shape": [4, 1, 5, 5], "data_offsets": [0, 400]}}, bytes(8))),
    Case("safetensors-offsets-2^63", "read_weights", lambda: craft.safetensors_raw(
        {"t": {"dtype": "F32", "shape": [2 ** 61], "data_offsets": [0, 2 ** 63]}}, bytes(8))),
    Case("safetensors-shape-overflow", "read_weights", lambda: craft.safetensors_raw(
        {"t": {"dtype": "F32", "shape": [2 ** 40, 2 ** 40, 2 ** 40], "data_offsets": [0, 0]}})),
    Case("safetensors-300k-empty-tensors", "weights", lambda: many_tensors(300_000)),
    # --- 8. malformed IDX
    Case("idx-header-only-magic", "idx", lambda: idx_pair(b"\x00\x00\x08\x03")),
    Case("idx-header-cut-in-dims", "idx", lambda: idx_pair(craft.idx_header((12, 28, 28))[:11])),
    Case("idx-labels-header-cut", "idx", lambda: idx_pair(labels=b"\x00\x00\x08\x01\x00\x00")),
    Case("idx-dims-product-2^64", "idx", lambda: idx_pair(craft.idx_header((2 ** 22, 2 ** 21, 2 ** 21)))),
    Case("idx-dims-product-over-uint32", "idx", lambda: idx_pair(craft.idx_header((65536, 65536, 2)) + bytes(784))),
    Case("idx-dims-product-over-int64", "idx", lambda: idx_pair(craft.idx_header((2 ** 32 - 1,) * 3) + bytes(784))),
    Case("idx-zero-images", "idx", lambda: (craft.idx(np.zeros((0, 28, 28))), craft.idx(np.zeros(0))), refused),
    Case("idx-zero-height", "idx", lambda: idx_pair(craft.idx_header((12, 0, 28))), refused),
    Case("idx-count-mismatch", "idx", lambda: idx_pair(labels=craft.idx(np.arange(11) % 10)), refused),
    Case("idx-label-255", "idx", lambda: idx_pair(labels=craft.idx(np.full(12, 255))), refused),
    Case("idx-gzip-cut", "idx", lambda: idx_pair(craft.gzip_zeros(12 * 784, craft.idx_header((12, 28, 28)))[:-40]),
         refused),
    Case("idx-gzip-bad-crc", "idx", lambda: idx_pair(craft.gzip_zeros(12 * 784, craft.idx_header((12, 28, 28)))[:-8]
                                                     + bytes(8)), refused),
    Case("idx-float-type-code", "idx", lambda: idx_pair(craft.idx_header((12, 28, 28), 0x0D) + bytes(12 * 784 * 4)),
         refused),
    # --- 9. text from files: bounded, no raw Markdown or HTML in a message
    Case("weights-markdown-key", "weights", lambda: craft.safetensors_of(digits_state(**{MARKDOWN: torch.ones(1)}))),
    Case("weights-html-key", "weights", lambda: craft.safetensors_of(digits_state(**{HTML: torch.ones(1)}))),
    Case("weights-100k-char-key", "weights", lambda: craft.safetensors_of(digits_state(**{"k" * 100_000:
                                                                                          torch.ones(1)}))),
    Case("weights-markup-class-names", "weights_own", lambda: own_metadata([MARKDOWN, HTML])),
    Case("weights-10000-class-names", "weights_own", lambda: own_metadata([f"class {n}" for n in range(10_000)])),
    Case("zip-markup-folder-names", "classes_zip", lambda: zip_archive(
        GOOD + [entry("![x](evil.png)/bad.png", b"junk"), entry('<a href="javascript:x">y</a>/bad.png', b"junk")])),
    Case("zip-1999-class-folders", "classes_zip", lambda: zip_archive(
        [entry(f"class {n}/x.png", b"junk") for n in range(1999)])),
    Case("zip-long-folder-name", "classes_zip", lambda: zip_archive(GOOD + [entry("x" * 5000 + "/1.png", png())])),
    # --- 10. ZIP names: Windows separators, absolute paths, parent folders
    zip_names("zip-backslash-paths", ("cats\\a.png", "cats\\b.png", "dogs\\c.png"), {"cats": 2, "dogs": 1}),
    zip_names("zip-backslash-top-folder", ("set\\cats\\a.png", "set\\cats\\b.png", "set\\dogs\\c.png"),
              {"cats": 2, "dogs": 1}),
    zip_names("zip-absolute-paths", ("/cats/a.png", "/cats/b.png", "/dogs/c.png"), {"cats": 2, "dogs": 1}),
    zip_names("zip-absolute-and-relative", ("/cats/a.png", "/cats/b.png", "dogs/c.png"), {"cats": 2, "dogs": 1}),
    zip_names("zip-drive-letter", ("C:\\cats\\a.png", "C:\\cats\\b.png", "C:\\dogs\\c.png"), None),
    zip_names("zip-parent-entries", ("cats/a.png", "cats/b.png", "dogs/c.png", "../evil/x.png", "cats/../../y.png"),
              {"cats": 2, "dogs": 1}, reported=("../evil/x.png", "cats/../../y.png")),
    zip_names("zip-parent-only", ("../cats/a.png", "../cats/b.png", "../dogs/c.png"), None),
]

CASES_BY_NAME: dict[str, Case] = {case.name: case for case in CASES}
assert len(CASES_BY_NAME) == len(CASES), "two cases of one name"


def runs() -> list[tuple[str, Case]]:
    """Every (entry point, case) pair: a ``"*"`` case once per entry point."""
    return [(name, case) for case in CASES
            for name in (ENTRY_POINTS if case.entry == "*" else [case.entry] if isinstance(case.entry, str)
                         else case.entry)]
