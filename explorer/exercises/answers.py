"""Reading what a student typed: a number, a pair, a small grid or one of four choices.

However it is written (``3x4``, ``3, 4``, ``(3, 4)``, ``3 × 4``, full-width digits, a Chinese comma), the same
answer reads the same; text that is none of these reads as ``None``, so the page can say how to write it instead
of marking it wrong.
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

SHAPES = ("number", "pair", "grid", "choice")
CHOICES = "ABCD"
MAX_TEXT = 400          # characters read of an answer: a grid of 8×8 numbers fits many times over
MAX_CELLS = 64
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:/\d+)?")
_BETWEEN = re.compile(r"[,;×xX*、\s]+")     # "3x4", "3 × 4", "3、4"


def normalise(text: str) -> str:
    """Full-width forms as ASCII (NFKC: ``３，４`` → ``3,4``), the minus sign and the brackets made plain.

    Example:
        >>> normalise("（３，４）"), normalise("−2")
        ('3,4', '-2')
    """
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT]).replace("−", "-").replace("–", "-")
    return text.strip().strip("()[]{}").strip()


def number(text: str) -> Fraction | None:
    """One number (an integer, a decimal or a fraction such as ``7/2``), exactly, or ``None``.

    Example:
        >>> number(" ３.５ "), number("7/2"), number("3 4")
        (Fraction(7, 2), Fraction(7, 2), None)
    """
    text = normalise(text)
    if not _NUMBER.fullmatch(text):
        return None
    top, _, bottom = text.partition("/")
    if bottom and int(bottom) == 0:
        return None
    return Fraction(top) / (int(bottom) if bottom else 1)


def numbers(text: str) -> list[Fraction] | None:
    """Numbers in a row, separated by commas, spaces, ``x`` or ``×``; ``None`` when any part is not a number.

    Example:
        >>> [int(v) for v in numbers("3 × 4")], [int(v) for v in numbers("(3，4)")]
        ([3, 4], [3, 4])
    """
    parts = [p for p in _BETWEEN.split(normalise(text)) if p]
    found = [number(p) for p in parts]
    return found if parts and all(v is not None for v in found) else None


def grid(text: str) -> list[list[Fraction]] | None:
    """Rows of numbers, one row a line (or rows separated by ``;`` or ``|``, or written as a list of lists),
    all rows the same length.

    Example:
        >>> grid("1 2\\n3 4") == grid("[[1, 2], [3, 4]]") == [[1, 2], [3, 4]]
        True
    """
    text = re.sub(r"\]\s*,?\s*\[", "\n", unicodedata.normalize("NFKC", text[:MAX_TEXT]))   # [[1, 2], [3, 4]]
    lines = [line for line in re.split(r"[\n;|；]+", text.replace("[", " ").replace("]", " ")) if line.strip()]
    rows = [numbers(line) for line in lines]
    if not rows or any(row is None for row in rows) or len({len(row) for row in rows}) != 1 \
            or sum(len(row) for row in rows) > MAX_CELLS:
        return None
    return rows


def choice(text: str) -> int | None:
    """``A``–``D`` or ``1``–``4`` (any case, full-width too) as the choice's position 1–4.

    Example:
        >>> choice("b"), choice("Ｃ"), choice("4"), choice("E")
        (2, 3, 4, None)
    """
    text = normalise(text).upper().rstrip(".)")
    if len(text) == 1 and text in CHOICES:
        return CHOICES.index(text) + 1
    if text.isdigit() and 1 <= int(text) <= len(CHOICES):
        return int(text)
    return None


def read(text: str, shape: str):
    """The answer of ``shape`` (:data:`SHAPES`) in ``text``, or ``None`` when it cannot be read as one."""
    if shape == "number":
        return number(text)
    if shape == "pair":
        found = numbers(text)
        return tuple(found) if found is not None and len(found) == 2 else None
    if shape == "grid":
        return grid(text)
    return choice(text)
