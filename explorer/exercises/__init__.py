"""Questions the app generates and checks, naming the mistake behind a wrong answer (no Streamlit, no Plotly).

    >>> from explorer.exercises import generate
    >>> q = generate("conv_output_size", seed=7, level=1)
    >>> q.check(q.answer_text()).correct
    True

Each kind is drawn from a seed and a level (1: small numbers, square; 2: larger, stride and padding; 3: non-square,
dilation, ceil mode, output padding): the same arguments give the same question. ``Question.params`` holds, in
torch's names, everything needed to compute the answer again without this package (the tests do, with torch).
"""
from __future__ import annotations

import random
from types import MappingProxyType

from explorer.exercises import layers, sizes, values
from explorer.exercises.answers import SHAPES
from explorer.exercises.question import Question, Verdict, mistakes_of
from explorer.i18n import LocalizedError

__all__ = ["KINDS", "LEVELS", "MAX_SHEET", "SHAPES", "ExerciseError", "Question", "Verdict", "generate",
           "worksheet"]

_BUILDERS = MappingProxyType({      # read-only: each kind's builder
    "conv_output_size": sizes.conv_output_size, "pool_output_size": sizes.pool_output_size,
    "transposed_output_size": sizes.transposed_output_size, "conv_value": values.conv_value,
    "pool_value": values.pool_value, "pool_grid": values.pool_grid, "transposed_value": values.transposed_value,
    "receptive_field": layers.receptive_field, "layer_params": layers.layer_params,
    "layer_macs": layers.layer_macs, "im2col_shape": sizes.im2col_shape, "which_kernel": values.which_kernel,
})
KINDS: tuple[str, ...] = tuple(_BUILDERS)
LEVELS = (1, 2, 3)
MAX_SHEET = 30          # questions on one worksheet


class ExerciseError(LocalizedError):
    """An unknown kind or level."""


def generate(kind: str, seed: int, level: int = 1) -> Question:
    """The question of ``kind`` (one of :data:`KINDS`) drawn from ``seed`` at ``level`` (1–3).

    Raises:
        ExerciseError: ``kind`` or ``level`` is not one of those allowed (the message lists them).
    """
    if kind not in _BUILDERS:
        raise ExerciseError("err.ex_kind", kind=str(kind), allowed=", ".join(KINDS))
    if level not in LEVELS:
        raise ExerciseError("err.ex_level", level=str(level))
    rng = random.Random(f"{kind}:{int(seed)}:{level}")       # a string seed is hashed the same in every run
    parts = _BUILDERS[kind](rng, level)
    tolerance = parts.pop("tolerance", 0.0)
    mistakes = mistakes_of(parts["answer"], parts["shape"], tolerance, parts.pop("mistakes"))
    return Question(kind, int(seed), level, tolerance=tolerance, mistakes=mistakes, **parts)


def worksheet(kinds: list[str], count: int, level: int, seed: int) -> list[Question]:
    """A worksheet: ``count`` questions, the ``kinds`` in turn, each drawn from ``seed`` and its place on the sheet
    (the same arguments, the same questions in the same order).

    Raises:
        ExerciseError: no kinds, an unknown kind or level, or a count outside 1–:data:`MAX_SHEET`.
    """
    if not kinds:
        raise ExerciseError("err.ex_no_kinds")
    if not 1 <= count <= MAX_SHEET:
        raise ExerciseError("err.ex_count", count=str(count), most=MAX_SHEET)
    return [generate(kinds[i % len(kinds)], int(seed) * MAX_SHEET + i, level) for i in range(count)]
