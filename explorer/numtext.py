"""Numbers as text and text as numbers: grid cells, counts, sizes, sums of products, typed cells.

One parser for everything a user types into a grid or a table
(:func:`parse_number`, :func:`whole_number`, :func:`is_blank`); errors are
:class:`CellError`, translated like every other message.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from explorer.i18n import LocalizedError


class CellError(LocalizedError):
    """A typed cell that is not a number."""


def format_number(value: float) -> str:
    """Short, exact-looking numbers for grids: ``3``, ``-0.25``, ``0.1111``.

    Example:
        >>> format_number(3.0), format_number(-0.25), format_number(1 / 9)
        ('3', '-0.25', '0.1111')
    """
    if float(value).is_integer() and abs(value) < 1e6:
        return str(int(value))
    return f"{value:.4g}"


def compact(value: float) -> str:
    """At most about five characters, for the narrower cells of a 6×6 to 9×9 matrix: ``0.0131``, ``2e-05``.

    Example:
        >>> compact(0.013123), compact(2e-05), compact(-123.456)
        ('0.013', '2e-05', '-123')
    """
    text = f"{value:.3g}"
    for digits in (3, 2, 1):
        text = f"{value:.{digits}g}"
        if len(text.lstrip("-")) <= 5:
            return text
    return text


def format_count(count: float) -> str:
    """Short counts for metrics: ``9,216``, ``58.4 M``, ``54.9 G`` (three significant digits above 10,000).

    Example:
        >>> format_count(58_449_600), format_count(9216)
        ('58.4 M', '9,216')
    """
    if abs(count) < 10_000:
        return f"{count:,.0f}"
    for unit in ("k", "M", "G", "T"):
        count /= 1000
        if abs(count) < 1000:
            return f"{count:.3g} {unit}"
    return f"{count:,.0f} T"


def format_bytes(size: float) -> str:
    """``1536`` -> ``1.5 KB``; powers of 1024, up to TB.

    Example:
        >>> format_bytes(223948800)
        '214 MB'
    """
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024:
            return f"{size:.3g} {unit}"
        size /= 1024
    return f"{size:,.0f} TB" if size >= 1000 else f"{size:.3g} TB"


def bracket(text: str) -> str:
    """A negative number in brackets, so ``3×(-1)`` reads as a product."""
    return f"({text})" if text.startswith("-") else text


def product_terms(window: np.ndarray, kernel: np.ndarray, *, skip_zeros: bool = False) -> list[str]:
    """``a×b`` for each pair of entries (zero products left out with ``skip_zeros``)."""
    return [f"{format_number(a)}×{bracket(format_number(b))}" for a, b in zip(np.ravel(window), np.ravel(kernel))
            if not skip_zeros or (a and b)]


def sum_of_products(window: np.ndarray, kernel: np.ndarray, *, max_terms: int = 12) -> str:
    """``a×b + c×d + … = s`` for one output value; long sums keep their first terms.

    Example:
        >>> sum_of_products(np.array([1, 2]), np.array([3, -1]))
        '1×3 + 2×(-1) = 1'
    """
    terms = product_terms(window, kernel)
    total = float((np.asarray(window, np.float64) * np.asarray(kernel, np.float64)).sum())
    shown = " + ".join(terms[:max_terms])
    if len(terms) > max_terms:
        shown += f" + … ({len(terms)})"
    return f"{shown} = {format_number(total)}"


def literal(values) -> str:
    """A nested Python list literal with short numbers (4 significant digits, no ``-0``).

    Example:
        >>> literal([[1.0, -0.0], [1 / 3, 2.5]])
        '[[1., 0.], [0.3333, 2.5]]'
    """
    values = np.asarray(values, dtype=np.float64)
    if values.ndim == 0:
        number = float(f"{float(values):.4g}") + 0.0
        return str(int(number)) + "." if number.is_integer() else repr(number)
    return "[" + ", ".join(literal(v) for v in values) + "]"


def is_blank(value) -> bool:
    """An empty cell: ``None``, NaN (pandas' empty), or only spaces.

    Example:
        >>> is_blank(None), is_blank(float("nan")), is_blank("  "), is_blank(0)
        (True, True, True, False)
    """
    return bool(value is None or (isinstance(value, float) and np.isnan(value))
                or (isinstance(value, str) and not value.strip()))


def parse_number(value) -> float:
    """One typed cell as a number: ``2``, ``-0.5``, ``1/9``, ``1e-2`` (a typographic minus is fine).

    Raises:
        CellError: empty, not a number, NaN or infinite.

    Example:
        >>> parse_number("1/4"), parse_number("−2")
        (0.25, -2.0)
    """
    if is_blank(value):
        raise CellError("err.cell_empty")
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().replace("−", "-").replace("，", ".")
        try:
            number = float(Fraction(text)) if "/" in text else float(text)
        except (ValueError, ZeroDivisionError):
            raise CellError("err.cell_number", value=str(value)) from None
    if not np.isfinite(number):
        raise CellError("err.cell_finite", value=str(value))
    return number


def whole_number(value) -> int | None:
    """A cell as a whole number, or ``None`` when it is blank, fractional or not a number.

    Example:
        >>> whole_number("3"), whole_number(4.0), whole_number(2.5), whole_number("x")
        (3, 4, None, None)
    """
    try:
        number = parse_number(value)
    except CellError:
        return None
    return int(number) if number == int(number) else None
