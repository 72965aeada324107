"""Check yourself's session-state keys (``pages/check_yourself.py``, ``explorer/ui/exercises.py``) and first values."""
from __future__ import annotations

KIND = "ex.kind"                    # a code of exercises.KINDS
LEVEL = "ex.level"                  # 1–3
SEED = "ex.seed"                    # the question's number: with the kind and level, the question
ATTEMPTS = "ex.attempts"            # {(kind, seed, level): [(typed text, correct, mistake), …]} this session
MAX_SEED = 999_999


def answer(kind: str, seed: int, level: int) -> str:
    """The answer box of one question (a new question starts empty)."""
    return f"ex.answer.{kind}.{seed}.{level}"


def form(kind: str, seed: int, level: int) -> str:
    """The form around that answer box."""
    return f"ex.form.{kind}.{seed}.{level}"


def panel(page: str) -> str:
    """The "Check yourself" expander at the foot of a concept page (its questions run only while it is open)."""
    return f"ex.panel.{page}"


def panel_kind(page: str) -> str:
    """The kind of question that panel asks."""
    return f"ex.panel_kind.{page}"


def panel_seed(page: str) -> str:
    """That panel's question number."""
    return f"ex.panel_seed.{page}"


DEFAULTS: dict[str, object] = {KIND: "conv_output_size", LEVEL: 1, SEED: 1}
