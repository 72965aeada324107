"""Hostile files built in code, cheaply: nothing large is stored, and nothing that inflates to gigabytes is ever
held inflated here (zero runs are compressed once and the compressed pieces repeated; CRCs of zero runs are
computed in O(log n)).

Every builder is cached: a case's bytes are built once per test session.
"""
from __future__ import annotations

import bz2
import functools
import io
import json
import struct
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np

KiB, MiB, GiB = 1 << 10, 1 << 20, 1 << 30

# ------------------------------------------------------------------ CRC-32 of long runs of zeros

_STEP = MiB


def _apply(affine: tuple[int, list[int]], crc: int) -> int:
    """``affine`` = (image of 0, images of the 32 unit vectors, linear part only) applied to ``crc``."""
    result, columns = affine
    for bit in range(32):
        if crc >> bit & 1:
            result ^= columns[bit]
    return result


def _compose(a, b):
    """``a`` after ``b``."""
    zero = _apply(a, b[0])
    return zero, [_apply(a, column) ^ a[0] for column in b[1]]


@functools.cache
def _zeros_power(exponent: int):
    """The affine map ``crc -> zlib.crc32(bytes(_STEP << exponent), crc)``."""
    if exponent == 0:
        block = bytes(_STEP)
        zero = zlib.crc32(block, 0)
        return zero, [zlib.crc32(block, 1 << bit) ^ zero for bit in range(32)]
    half = _zeros_power(exponent - 1)
    return _compose(half, half)


def crc32_zeros(count: int, crc: int = 0) -> int:
    """``zlib.crc32(bytes(count), crc)`` without the bytes."""
    steps, rest = divmod(count, _STEP)
    exponent = 0
    while steps:
        if steps & 1:
            crc = _apply(_zeros_power(exponent), crc)
        steps >>= 1
        exponent += 1
    return zlib.crc32(bytes(rest), crc)


# ------------------------------------------------------------------ compressed zero runs


def _piece(data: bytes, final: bool = False) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


@functools.cache
def _zero_piece() -> bytes:
    return _piece(bytes(_STEP))


def deflate_zeros(zeros: int, prefix: bytes = b"", suffix: bytes = b"") -> tuple[bytes, int]:
    """A raw deflate stream of ``prefix + bytes(zeros) + suffix``, and its CRC-32.

    Independent byte-aligned pieces (each flushed, none final but the last) concatenate into one valid stream:
    a 1 MiB zero piece is compressed once (~1 KB) and repeated.
    """
    steps, rest = divmod(zeros, _STEP)
    stream = (_piece(prefix) if prefix else b"") + _zero_piece() * steps + _piece(bytes(rest) + suffix, final=True)
    crc = zlib.crc32(suffix, crc32_zeros(zeros, zlib.crc32(prefix)))
    return stream, crc


@functools.cache
def gzip_zeros(zeros: int, prefix: bytes = b"") -> bytes:
    """A valid gzip file of ``prefix + bytes(zeros)`` (4 GiB of zeros: ~4 MB)."""
    stream, crc = deflate_zeros(zeros, prefix)
    size = (len(prefix) + zeros) & 0xFFFFFFFF
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + stream + struct.pack("<II", crc, size)


_BZ2_BLOCK = 40 * MiB     # one bzip2 block (900 k symbols after the first run-length step) holds 40 MiB of zeros
_BZ2_EOS = 0x177245385090


@functools.cache
def _bz2_zero_block() -> tuple[int, int, int]:
    """One compressed bzip2 block of 40 MiB of zeros: (its bits as an int, their count, the block CRC)."""
    stream = bz2.compress(bytes(_BZ2_BLOCK), 9)
    bits, total = int.from_bytes(stream, "big"), len(stream) * 8
    for pad in range(8):
        end = total - pad - 80
        if (bits >> (total - end - 48)) & ((1 << 48) - 1) == _BZ2_EOS:
            length = end - 32
            block = (bits >> (total - end)) & ((1 << length) - 1)
            crc = (block >> (length - 80)) & 0xFFFFFFFF
            return block, length, crc
    raise AssertionError("bz2 gave more than one block")


def bzip2_zeros(zeros: int) -> tuple[bytes, int, int]:
    """A bzip2 stream of at least ``zeros`` zeros (a whole number of 40 MiB blocks, ~35 bytes each), its CRC-32
    (zlib's, as a ZIP entry carries) and the exact size."""
    block, length, block_crc = _bz2_zero_block()
    count = max(1, -(-zeros // _BZ2_BLOCK))
    bits, combined = int.from_bytes(b"BZh9", "big"), 0
    parts = []
    for _ in range(count):
        parts.append(block)
        combined = (((combined << 1) | (combined >> 31)) & 0xFFFFFFFF) ^ block_crc
    bits_total = 32 + count * length + 80
    acc = bits
    for part in parts:
        acc = (acc << length) | part
    acc = (((acc << 48) | _BZ2_EOS) << 32) | combined
    pad = -bits_total % 8
    acc <<= pad
    size = count * _BZ2_BLOCK
    return acc.to_bytes((bits_total + pad) // 8, "big"), crc32_zeros(size), size


def lzma_zeros(zeros: int) -> tuple[bytes, int]:
    """A ZIP-style LZMA stream (properties header first) of ``zeros`` zeros (~150 KB per GiB, ~4 s per GiB to
    make), and its CRC."""
    import lzma
    options = {"id": lzma.FILTER_LZMA1, "preset": 0, "nice_len": 273}
    properties = lzma._encode_filter_properties(options)
    compressor = lzma.LZMACompressor(lzma.FORMAT_RAW, filters=[options])
    block = bytes(16 * MiB)
    steps, rest = divmod(zeros, len(block))
    parts = [compressor.compress(block) for _ in range(steps)] + [compressor.compress(bytes(rest)), compressor.flush()]
    return struct.pack("<BBH", 9, 4, len(properties)) + properties + b"".join(parts), crc32_zeros(zeros)


# ------------------------------------------------------------------ ZIP archives written byte by byte

STORED, DEFLATED, BZIP2, LZMA = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA
_VERSION = {STORED: 20, DEFLATED: 20, BZIP2: 46, LZMA: 63}


@dataclass(frozen=True)
class Entry:
    """One ZIP member: its compressed payload and what the headers claim (``size``: uncompressed bytes)."""
    name: str
    method: int
    payload: bytes
    crc: int
    size: int
    compress_size: int | None = None     # None: the payload's real length


def entry(name: str, data: bytes, method: int = DEFLATED) -> Entry:
    """An honest member."""
    if method == STORED:
        payload = data
    elif method == DEFLATED:
        payload = _piece(data, final=True)
    elif method == BZIP2:
        payload = bz2.compress(data)
    else:
        compressor = zipfile.LZMACompressor()
        payload = compressor.compress(data) + compressor.flush()
    return Entry(name, method, payload, zlib.crc32(data), len(data))


def zip_archive(entries: list[Entry]) -> bytes:
    """The members as a ZIP file, headers exactly as given (no data descriptors, no ZIP64)."""
    out, central = io.BytesIO(), []
    for member in entries:
        name = member.name.encode("utf-8")
        flags = 0x800 if not member.name.isascii() else 0
        compressed = len(member.payload) if member.compress_size is None else member.compress_size
        fields = (_VERSION[member.method], flags, member.method, 0, 0x21, member.crc & 0xFFFFFFFF,
                  compressed & 0xFFFFFFFF, member.size & 0xFFFFFFFF, len(name))
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + member.payload)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, *fields, 0, 0, 0, 0, 0o644 << 16,
                                   offset) + name)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory),
                                      start, 0))
    return out.getvalue()


def lying(name: str, method: int, zeros: int, claim: int = 100) -> Entry:
    """A member of ``zeros`` zeros whose headers claim ``claim`` bytes (the CRC is the claimed bytes')."""
    if method == STORED:
        payload = bytes(zeros)
    elif method == DEFLATED:
        payload = deflate_zeros(zeros)[0]
    elif method == BZIP2:
        payload = bzip2_zeros(zeros)[0]
    else:
        payload = lzma_zeros(zeros)[0]
    return Entry(name, method, payload, crc32_zeros(claim), claim)


# ------------------------------------------------------------------ pictures


def encoded(image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


@functools.cache
def small_png(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    from PIL import Image
    return encoded(Image.new("RGB", (50, 40), colour), "PNG")


@functools.cache
def big_flat(fmt: str, mode: str, side: int = 8000, **options) -> bytes:
    """A flat ``side``×``side`` picture: a few KB that decode to ``side²`` pixels (64 M at 8000)."""
    from PIL import Image
    if mode == "P":
        image = Image.new("P", (side, side), 0)
        image.putpalette([255, 0, 0, 0, 255, 0])
        return encoded(image, fmt, bits=1, transparency=0, **options) if fmt == "PNG" else \
            encoded(image, fmt, transparency=0, **options)
    return encoded(Image.new(mode, (side, side)), fmt, **options)


@functools.cache
def tiff_frames(count: int, loop: bool = False) -> bytes:
    """A little-endian TIFF of ``count`` 1×1 grey frames (one IFD each, 102 bytes), sharing one pixel byte."""
    tags = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, 8),
            (278, 3, 1, 1), (279, 4, 1, 1)]
    body = struct.pack("<H", len(tags)) + b"".join(struct.pack("<HHII", *tag) for tag in tags)
    size = len(body) + 4
    ifds = [body + struct.pack("<I", 9 + (n + 1) * size if n < count - 1 else (9 if loop else 0))
            for n in range(count)]
    return b"II*\x00" + struct.pack("<I", 9) + b"\x80" + b"".join(ifds)


def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]]:
    """(marker, start, end) of every segment; a scan's entropy-coded data belongs to its SOS segment."""
    at, segments = 2, []
    while at < len(data):
        marker = data[at + 1]
        if marker == 0xD9:
            segments.append((marker, at, at + 2))
            break
        end = at + 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
        if marker == 0xDA:
            while True:
                end = data.index(b"\xff", end)
                if data[end + 1] == 0 or 0xD0 <= data[end + 1] <= 0xD7:
                    end += 2
                    continue
                break
        segments.append((marker, at, end))
        at = end
    return segments


@functools.cache
def progressive_jpeg(side: int, scans: int) -> bytes:
    """A flat progressive JPEG whose first AC scan (with its Huffman table) is repeated ``scans`` times: each scan
    is ~34 bytes, yet the decoder walks every block of the picture for each."""
    from PIL import Image
    data = encoded(Image.new("RGB", (side, side), (120, 130, 140)), "JPEG", progressive=True, quality=50)
    segments = _jpeg_segments(data)
    first_scan = next(n for n, s in enumerate(segments) if s[0] == 0xDA)
    table = next(n for n in range(first_scan + 1, len(segments)) if segments[n][0] == 0xC4)
    repeated = data[segments[table][1]:segments[table + 1][2]]
    return data[:segments[-1][1]] + repeated * scans + b"\xff\xd9"


# ------------------------------------------------------------------ MNIST IDX


def idx_header(dims: tuple[int, ...], code: int = 0x08) -> bytes:
    return struct.pack(">HBB", 0, code, len(dims)) + struct.pack(f">{len(dims)}I", *dims)


def idx(array: np.ndarray) -> bytes:
    return idx_header(array.shape) + array.astype(np.uint8).tobytes()


@functools.cache
def idx_digits(count: int, side: int = 28) -> tuple[bytes, bytes]:
    """``count`` valid images (a repeating pattern, so gzip packs them) and labels 0–9, gzipped like MNIST's."""
    import gzip
    images = (np.arange(count * side * side, dtype=np.int64) % 251).astype(np.uint8).reshape(count, side, side)
    return gzip.compress(idx(images), 1), gzip.compress(idx(np.arange(count) % 10), 1)


# ------------------------------------------------------------------ weights files


def safetensors_raw(header: dict | str | bytes, body: bytes = b"", length: int | None = None) -> bytes:
    """A safetensors file from its JSON header as given (not checked), and the declared header length."""
    text = header if isinstance(header, bytes) else (header if isinstance(header, str) else json.dumps(header)).encode()
    return struct.pack("<Q", len(text) if length is None else length) + text + body


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@functools.cache
def digits_model_state() -> dict:
    """The state dict the ``weights`` entry point's network expects (the batchnorm preset on the digits)."""
    from explorer.network import layers, presets
    return {k: v.clone() for k, v in layers.build(presets.PRESETS["batchnorm"]).state_dict().items()}


def safetensors_of(state: dict, metadata: dict[str, str] | None = None) -> bytes:
    from safetensors.torch import save
    return save({k: v.contiguous() for k, v in state.items()}, metadata=metadata)


def torch_saved(state: dict) -> bytes:
    import torch
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getvalue()


@functools.cache
def pt_huge_storage(storage_bytes: int = 512 * MiB) -> bytes:
    """A ``torch.save`` state dict for the digits network whose tensors are small views into one ``storage_bytes``
    float storage of zeros; the ZIP re-deflated, so the file is ~0.5 KB per MiB of storage.

    Saved with a small storage of a marked size, then the pickle's size patched and the storage record replaced
    by a deflated zero run: the big storage is never held here."""
    import torch
    mark = 1_234_567
    base = torch.zeros(mark)
    state, at = {}, 0
    for key, value in digits_model_state().items():
        if value.dtype == torch.float32:
            state[key] = base[at:at + value.numel()].view(value.shape)
            at += value.numel()
        else:
            state[key] = value.clone()
    saved = zipfile.ZipFile(io.BytesIO(torch_saved(state)))
    members = []
    for info in saved.infolist():
        data = saved.read(info)
        if info.filename.endswith("/data.pkl"):
            old = b"J" + struct.pack("<i", mark)
            assert data.count(old) >= 1, "the storage size is not where it was expected in the pickle"
            data = data.replace(old, b"J" + struct.pack("<i", storage_bytes // 4))
        if data == bytes(mark * 4):
            payload, crc = deflate_zeros(storage_bytes)
            members.append(Entry(info.filename, DEFLATED, payload, crc, storage_bytes))
        else:
            members.append(entry(info.filename, data))
    return zip_archive(members)
