"""What a file may cost before the app does the work: bytes an inflater may produce, time a request may spend.

Every decompression in the app goes through :func:`gunzip` or :func:`zip_entry`.
Both stop at the budget whatever a header declares: a ZIP entry is inflated
from its raw bytes by a decompressor asked for at most ``limit + 1`` bytes
(``zipfile`` itself asks bzip2 and LZMA for everything a chunk holds: a
903-byte entry grew the server by 2.3 GB), and an entry that inflates to more
than it declared is refused. A :class:`Budget` is shared by the files of one
request (the images of one ZIP): work stops once its time is spent.
"""
from __future__ import annotations

import bz2
import lzma
import math
import os
import struct
import time
import zipfile
import zlib

from explorer.i18n import LocalizedError

MB = 2 ** 20
CHUNK = 64 * 1024      # compressed bytes handed to a decompressor at a time


def size_text(size: int) -> str:
    """Bytes as a reader takes them.

    Example:
        >>> size_text(100), size_text(4096), size_text(5 * MB)
        ('100 B', '4.0 KB', '5.0 MB')
    """
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:.1f} KB" if size < MB // 10 else f"{size / MB:.1f} MB"


def from_environment(name: str, default: float) -> float:
    """The number in the environment variable ``name`` if it is one, finite and ≥ 0, else ``default`` (a limit a
    server's operator may set: a mistyped value keeps the default instead of stopping the app).

    Example:
        >>> os.environ["CNN_EXPLORER_EXAMPLE"] = "lots"; from_environment("CNN_EXPLORER_EXAMPLE", 2.0)
        2.0
    """
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if math.isfinite(value) and value >= 0 else default


class LimitError(LocalizedError):
    """A file would cost more than its budget (memory or time): refused before the work."""


class Budget:
    """The CPU seconds (of the calling thread: other students' work does not count) and inflated bytes one request
    may use; all files of an upload share one.

    Example:
        >>> budget = Budget(seconds=1.0, inflated=10)
        >>> budget.take(4); budget.left_bytes
        6
    """

    def __init__(self, seconds: float, inflated: int):
        self.deadline = time.thread_time() + seconds
        self.seconds = seconds
        self.left_bytes = inflated

    def take(self, size: int) -> None:
        """Count ``size`` inflated bytes against the budget."""
        if size > self.left_bytes:
            raise LimitError("err.limit_bytes", size=size_text(self.left_bytes))
        self.left_bytes -= size

    def check(self) -> None:
        """Raise once the request's time is spent (called between files, and between an archive's entries)."""
        if time.thread_time() > self.deadline:
            raise LimitError("err.limit_time", seconds=self.seconds)


def _inflate(decompress, raw: bytes, limit: int, out: bytearray | None = None) -> bytearray:
    """``raw`` through ``decompress(data, max_length)`` onto ``out``, which never holds more than ``limit + 1``
    bytes (a new one unless given)."""
    out = bytearray() if out is None else out
    for start in range(0, max(len(raw), 1), CHUNK):
        out += decompress(raw[start:start + CHUNK], limit + 1 - len(out))
        if len(out) > limit:
            raise LimitError("err.limit_bytes", size=size_text(limit))
    return out


def gunzip(data: bytes, limit: int) -> bytearray:
    """A gzip file's content (every member), refused once it passes ``limit`` bytes; a ``bytearray``, not copied
    into ``bytes`` (MNIST's 47 MB would be held twice).

    Example:
        >>> import gzip
        >>> bytes(gunzip(gzip.compress(b"abc") * 2, 10))
        b'abcabc'
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            _inflate(inflater.decompress, rest, limit, out)
        except zlib.error:
            raise LimitError("err.limit_broken") from None
        if not inflater.eof:
            raise LimitError("err.limit_broken")
        rest = inflater.unused_data.lstrip(b"\x00")        # gzip allows zero padding after a member
    return out


def _lzma_decompressor(raw: bytes, limit: int) -> tuple[lzma.LZMADecompressor, bytes]:
    """ZIP's LZMA entries: a 4-byte version and size, then LZMA1 properties (lc/lp/pb byte, dictionary size)."""
    if len(raw) < 9:
        raise LimitError("err.limit_broken")
    size = struct.unpack("<H", raw[2:4])[0]
    if size != 5:
        raise LimitError("err.limit_broken")
    props = raw[4]
    lc, lp, pb = props % 9, props // 9 % 5, props // 45
    dictionary = struct.unpack("<I", raw[5:9])[0]
    # the dictionary never needs to exceed the output: a header asking for 4 GB gets what the entry can use
    dictionary = max(4096, min(dictionary, limit + 1))
    if pb > 4:
        raise LimitError("err.limit_broken")
    filters = [{"id": lzma.FILTER_LZMA1, "lc": lc, "lp": lp, "pb": pb, "dict_size": dictionary}]
    return lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters), raw[9:]


def zip_entry(data: bytes, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The content of one entry of the ZIP ``data``, at most ``min(limit, declared size)`` bytes; a longer one,
    an encrypted one, a bad CRC or a method Python's ``zipfile`` does not read raises :class:`LimitError`.

    Example:
        >>> import io
        >>> buffer = io.BytesIO()
        >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as z:
        ...     z.writestr("a.txt", b"hello" * 3)
        >>> archive = zipfile.ZipFile(buffer)
        >>> zip_entry(buffer.getvalue(), archive.infolist()[0], 100)
        b'hellohellohello'
    """
    if info.flag_bits & 0x1:
        raise LimitError("err.limit_encrypted")
    if info.file_size > limit:                   # an honest header: refused before any work
        raise LimitError("err.limit_bytes", size=size_text(limit))
    header = data[info.header_offset:info.header_offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise LimitError("err.limit_broken")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = info.header_offset + 30 + name_length + extra_length
    raw = data[start:start + info.compress_size]
    cap = min(limit, info.file_size)
    try:
        if info.compress_type == zipfile.ZIP_STORED:
            if len(raw) > cap:
                raise LimitError("err.limit_bytes", size=size_text(cap))
            out = raw
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            out = _inflate(zlib.decompressobj(-15).decompress, raw, cap)
        elif info.compress_type == zipfile.ZIP_BZIP2:
            out = _inflate(bz2.BZ2Decompressor().decompress, raw, cap)
        elif info.compress_type == zipfile.ZIP_LZMA:
            decompressor, body = _lzma_decompressor(raw, cap)
            out = _inflate(decompressor.decompress, body, cap)
        else:
            raise LimitError("err.limit_method", method=info.compress_type)
    except LimitError:
        raise
    except (zlib.error, OSError, lzma.LZMAError, EOFError, ValueError):
        raise LimitError("err.limit_broken") from None
    if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
        raise LimitError("err.limit_broken")
    return bytes(out)
