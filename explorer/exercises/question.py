"""A question, its answer, the wrong answers that known mistakes give, and the verdict on what a student typed."""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from explorer.exercises import answers
from explorer.i18n import t

Line = tuple[str, dict]     # an i18n key and its parameters: one line of a prompt or a worked solution


@dataclass(frozen=True)
class Say:
    """A parameter of a line that is itself a string to translate (a layer's kind, "max" or "mean")."""
    key: str
    params: dict = field(default_factory=dict)


def say(line: Line, lang: str) -> str:
    """A line in ``lang``, its :class:`Say` parameters translated first."""
    key, params = line
    return t(key, lang, **{k: t(v.key, lang, **v.params) if isinstance(v, Say) else v for k, v in params.items()})


@dataclass(frozen=True)
class Verdict:
    """``correct``: ``True``, ``False``, or ``None`` when the text could not be read as an answer of the question's
    shape (the message then says how to write one). ``mistake``: the code of the known mistake that gives this wrong
    answer (``ex.mistake.<code>`` names it), or ``None``."""
    correct: bool | None
    mistake: str | None = None
    shape: str = "number"

    def message(self, lang: str = "en") -> str:
        if self.correct is None:
            return t(f"ex.how.{self.shape}", lang)
        if self.correct:
            return t("ex.right", lang)
        if self.mistake is None:
            return t("ex.wrong", lang)
        return t("ex.wrong_because", lang, why=t(f"ex.mistake.{self.mistake}", lang))


def _same(given, expected, shape: str, tolerance: float) -> bool:
    if shape == "choice":
        return given == expected
    if shape == "number":
        return abs(Fraction(given) - Fraction(expected)) <= Fraction(tolerance)
    if shape == "pair":
        return len(given) == len(expected) and all(_same(g, e, "number", tolerance) for g, e in zip(given, expected))
    return len(given) == len(expected) and all(_same(g, e, "pair", tolerance) for g, e in zip(given, expected))


def _tolerance(value, tolerance: float) -> float:
    """A wrong answer that is not whole numbers (a mean where the max was asked) is recognised to two decimals."""
    flat = [v for row in value for v in (row if isinstance(row, (list, tuple)) else [row])] \
        if isinstance(value, (list, tuple)) else [value]
    return tolerance if all(float(v).is_integer() for v in flat) else max(tolerance, 0.01)


@dataclass(frozen=True)
class Question:
    """One generated question (:func:`explorer.exercises.generate`).

    ``params`` holds plain numbers and lists, in torch's names, enough to compute ``answer`` again without this
    package. ``shape`` is how it is answered (``number``, ``pair``, ``grid``, ``choice``: a position 1–4, shown
    as A–D); numbers within ``tolerance`` count as equal (0: exactly). ``mistakes`` maps a mistake's code to the
    wrong answer it gives for these numbers (only those that differ from the answer and from each other).
    """
    kind: str
    seed: int
    level: int
    params: dict
    answer: int | float | tuple | list
    shape: str
    prompt_lines: tuple[Line, ...]
    solution_lines: tuple[Line, ...]
    mistakes: dict = field(default_factory=dict)
    tolerance: float = 0.0

    def check(self, text: str) -> Verdict:
        """What the student typed, read as an answer of this question's shape, against the answer."""
        given = answers.read(text or "", self.shape)
        if given is None:
            return Verdict(None, shape=self.shape)
        if _same(given, self.answer, self.shape, self.tolerance):
            return Verdict(True, shape=self.shape)
        mistake = next((code for code, wrong in self.mistakes.items()
                        if _same(given, wrong, self.shape, _tolerance(wrong, self.tolerance))), None)
        return Verdict(False, mistake, self.shape)

    def prompt(self, lang: str = "en") -> str:
        """The question, in Markdown."""
        return "\n\n".join(say(line, lang) for line in self.prompt_lines)

    def solution(self, lang: str = "en") -> str:
        """The worked solution with the question's own numbers, in Markdown."""
        return "\n\n".join(say(line, lang) for line in self.solution_lines)

    def answer_text(self) -> str:
        """The answer as a student would write it: ``4, 5``, ``3.25``, ``B``, or rows on lines."""
        return show(self.answer, self.shape)


def show(value, shape: str) -> str:
    """An answer of ``shape`` as text (what :func:`answers.read` reads back)."""
    if shape == "choice":
        return answers.CHOICES[value - 1]
    if shape == "pair":
        return ", ".join(show(v, "number") for v in value)
    if shape == "grid":
        return "\n".join(" ".join(show(v, "number") for v in row) for row in value)
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.2f}"


def mistakes_of(answer, shape: str, tolerance: float, found: dict) -> dict:
    """``found`` (code → wrong answer, in order of priority) without those equal to the answer or to an earlier
    one (a wrong answer names one mistake), and without sizes below 1 (nobody answers a shape with 0)."""
    kept: dict = {}
    for code, wrong in found.items():
        near = _tolerance(wrong, tolerance) if wrong is not None else tolerance
        impossible = wrong is None or shape == "pair" and min(wrong) < 1      # a size or count of 0: no answer
        if impossible or _same(wrong, answer, shape, near) or \
                any(_same(wrong, other, shape, near) for other in kept.values()):
            continue
        kept[code] = wrong
    return kept
