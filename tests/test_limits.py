"""Bounded inflation: every method zipfile reads stops at the budget and at the declared size, whatever the header."""
import gzip
import io
import struct
import zipfile

import pytest

from explorer import limits

METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]


def archive(content: bytes, method: int) -> tuple[bytes, zipfile.ZipInfo]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as z:
        z.writestr("a/b.bin", content)
    return buffer.getvalue(), zipfile.ZipFile(io.BytesIO(buffer.getvalue())).infolist()[0]


def declaring(data: bytes, size: int) -> bytes:
    """The same ZIP with its entry's uncompressed size rewritten in both headers (a lying archive)."""
    data = bytearray(data)
    data[22:26] = struct.pack("<I", size)                          # local file header
    central = data.rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = struct.pack("<I", size)      # central directory
    return bytes(data)


@pytest.mark.parametrize("method", METHODS)
def test_an_entry_inflates_up_to_its_limit_and_not_a_byte_more(method):
    content = bytes(range(256)) * 40
    data, info = archive(content, method)
    assert limits.zip_entry(data, info, len(content)) == content
    with pytest.raises(limits.LimitError, match="more than 10.0 KB"):
        limits.zip_entry(data, info, len(content) - 1)


@pytest.mark.parametrize("method", METHODS)
def test_an_entry_that_declares_less_than_it_holds_is_refused(method):
    data, _ = archive(b"\0" * 1_000_000, method)
    lying = declaring(data, 100)
    info = zipfile.ZipFile(io.BytesIO(lying)).infolist()[0]
    assert info.file_size == 100
    with pytest.raises(limits.LimitError) as refused:
        limits.zip_entry(lying, info, 10 ** 9)
    assert refused.value.text("zh")


def test_a_damaged_entry_or_an_encrypted_one_is_refused_with_its_own_message():
    data, info = archive(b"hello world" * 100, zipfile.ZIP_DEFLATED)
    broken = bytearray(data)
    broken[40] ^= 0xFF                           # inside the deflated bytes: a bad stream or a bad CRC
    with pytest.raises(limits.LimitError, match="damaged"):
        limits.zip_entry(bytes(broken), info, 10 ** 6)
    info.flag_bits |= 0x1
    with pytest.raises(limits.LimitError, match="encrypted"):
        limits.zip_entry(data, info, 10 ** 6)


def test_gzip_reads_every_member_and_stops_at_the_limit():
    two = gzip.compress(b"a" * 1000) + gzip.compress(b"b" * 1000)
    assert bytes(limits.gunzip(two, 2000)) == b"a" * 1000 + b"b" * 1000
    with pytest.raises(limits.LimitError):
        limits.gunzip(two, 1999)
    with pytest.raises(limits.LimitError, match="damaged"):
        limits.gunzip(two[:-10], 10 ** 6)


def test_a_budget_counts_bytes_and_cpu_time():
    budget = limits.Budget(seconds=0.0, inflated=5)
    budget.take(5)
    with pytest.raises(limits.LimitError):
        budget.take(1)
    while True:                                   # spend a little CPU: the budget's clock is this thread's
        sum(range(10_000))
        try:
            budget.check()
        except limits.LimitError as err:
            assert "took more than 0.0 s" in err.text("en")
            break
