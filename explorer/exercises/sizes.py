"""Questions about shapes: a convolution's, a pooling's and a transposed convolution's output size, and the shape
of im2col's matrix. Each builder draws valid settings for its level from ``rng`` and returns the question's parts
(:func:`explorer.exercises.generate` makes the :class:`Question`)."""
from __future__ import annotations

import random

from explorer import geometry
from explorer.exercises.question import Say


def _sides(rng: random.Random, level: int, low: int, high: int) -> tuple[int, int]:
    """An input's (height, width): square at level 1."""
    h = rng.randint(low, high)
    return (h, h) if level == 1 else (h, rng.randint(low, high))


def _per_side(rng: random.Random, level: int, options) -> tuple[int, int]:
    """A setting's (height, width) values: the same for both below level 3."""
    first = rng.choice(options)
    return (first, first) if level < 3 else (first, rng.choice(options))


def _times(pair) -> str:
    """A size: ``7×9``."""
    return f"{pair[0]}×{pair[1]}"


def _setting(pair) -> str:
    """A stride, padding or dilation: ``2``, or ``(1, 2)`` (height, width) when the sides differ."""
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def _size_solution(rule: str, formulas: list[str], answer: tuple[int, int]) -> tuple:
    """A size's worked solution: the rule, the height's and the width's formula filled in, the answer."""
    return ((rule, {}), ("ex.sol.height", {"formula": formulas[0]}), ("ex.sol.width", {"formula": formulas[1]}),
            ("ex.sol.pair", {"answer": _times(answer)}))


def _both(rule) -> tuple[int, int]:
    """``rule(axis)`` for the height (0) and the width (1)."""
    return rule(0), rule(1)


def conv_output_size(rng: random.Random, level: int) -> dict:
    """``⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1`` for each side."""
    while True:
        in_size = _sides(rng, level, 5, (12, 32, 40)[level - 1])
        kernel = _per_side(rng, level, ((1, 2, 3, 5), (3, 5, 7), (1, 2, 3, 4, 5, 7))[level - 1])
        stride = _per_side(rng, level, ((1, 2), (1, 2, 3), (1, 2, 3))[level - 1])
        padding = _per_side(rng, level, ((0, 1, 2), (0, 1, 2, 3), (0, 1, 2, 3))[level - 1])
        dilation = (1, 1) if level < 3 else _per_side(rng, 3, (1, 1, 2, 3))
        if all(in_size[a] + 2 * padding[a] >= dilation[a] * (kernel[a] - 1) + 1 for a in (0, 1)):
            break

    def size(a: int, *, pad_total=None, s=None, d=None, ceil=False) -> int:
        pad_total = 2 * padding[a] if pad_total is None else pad_total
        return geometry.output_len(in_size[a], kernel[a], s or stride[a], pad_total, d or dilation[a], ceil,
                                   padding[a])

    answer = _both(size)
    mistakes = {
        "padding_once": _both(lambda a: size(a, pad_total=padding[a])),
        "padding_ignored": _both(lambda a: size(a, pad_total=0)),
        "plus_one_forgotten": _both(lambda a: size(a) - 1),
        "dilation_ignored": _both(lambda a: size(a, d=1)),
        "stride_ignored": _both(lambda a: size(a, s=1)),
        "ceil_instead_of_floor": _both(lambda a: -(-(in_size[a] + 2 * padding[a] - dilation[a] * (kernel[a] - 1) - 1)
                                                   // stride[a]) + 1),
    }
    formulas = [geometry.output_size_formula(in_size[a], kernel[a], stride[a], padding[a], padding[a], dilation[a])
                for a in (0, 1)]
    return {
        "params": {"in_size": in_size, "kernel_size": kernel, "stride": stride, "padding": padding,
                   "dilation": dilation},
        "answer": answer, "shape": "pair", "mistakes": mistakes,
        "prompt_lines": (("ex.conv_output_size.prompt", {"n": _times(in_size), "k": _times(kernel),
                                                          "s": _setting(stride), "p": _setting(padding),
                                                          "d": _setting(dilation)}), ("ex.ask.pair", {})),
        "solution_lines": _size_solution("ex.sol.conv_size", formulas, answer),
    }


def pool_output_size(rng: random.Random, level: int) -> dict:
    """Pooling's size: the convolution's formula without dilation, rounded up in ceil mode (a last window that
    would start in the right padding dropped)."""
    while True:
        in_size = _sides(rng, level, 4, (16, 24, 33)[level - 1])
        kernel = _per_side(rng, level, ((2, 3), (2, 3, 4), (2, 3, 4, 5))[level - 1])
        stride = kernel if level == 1 else tuple(rng.randint(1, k) for k in kernel)
        padding = (0, 0) if level == 1 else tuple(rng.randint(0, k // 2) for k in kernel)
        ceil_mode = level == 3 and rng.random() < 0.6
        if all(in_size[a] + 2 * padding[a] >= kernel[a] for a in (0, 1)):
            break

    def size(a: int, *, pad_total=None, s=None, ceil=ceil_mode) -> int:
        pad_total = 2 * padding[a] if pad_total is None else pad_total
        return geometry.output_len(in_size[a], kernel[a], s or stride[a], pad_total, 1, ceil, padding[a])

    answer = _both(size)
    mistakes = {
        "padding_once": _both(lambda a: size(a, pad_total=padding[a])),
        "padding_ignored": _both(lambda a: size(a, pad_total=0)),
        "plus_one_forgotten": _both(lambda a: size(a) - 1),
        ("floor_instead_of_ceil" if ceil_mode else "ceil_instead_of_floor"):
            _both(lambda a: size(a, ceil=not ceil_mode)),
        "stride_ignored": _both(lambda a: size(a, s=1)),
    }
    formulas = [geometry.output_size_formula(in_size[a], kernel[a], stride[a], padding[a], padding[a],
                                             ceil_mode=ceil_mode) for a in (0, 1)]
    return {
        "params": {"in_size": in_size, "kernel_size": kernel, "stride": stride, "padding": padding,
                   "ceil_mode": ceil_mode},
        "answer": answer, "shape": "pair", "mistakes": mistakes,
        "prompt_lines": (("ex.pool_output_size.prompt", {"n": _times(in_size), "k": _times(kernel),
                                                          "s": _setting(stride), "p": _setting(padding),
                                                          "ceil": Say("ex.ceil_on" if ceil_mode else "ex.ceil_off")}),
                         ("ex.ask.pair", {})),
        "solution_lines": _size_solution("ex.sol.pool_size_ceil" if ceil_mode else "ex.sol.pool_size", formulas,
                                         answer),
    }


def transposed_output_size(rng: random.Random, level: int) -> dict:
    """``(n − 1)·s − 2p + d·(k − 1) + output_padding + 1`` for each side."""
    while True:
        in_size = _sides(rng, level, 2, (8, 16, 16)[level - 1])
        kernel = _per_side(rng, level, ((2, 3, 4), (2, 3, 4, 5), (1, 2, 3, 4, 5))[level - 1])
        stride = _per_side(rng, level, ((1, 2), (1, 2, 3), (1, 2, 3))[level - 1])
        padding = _per_side(rng, level, ((0, 1), (0, 1, 2), (0, 1, 2))[level - 1])
        dilation = (1, 1) if level < 3 else _per_side(rng, 3, (1, 1, 2))
        # torch: the output padding must be smaller than the stride or the dilation
        output_padding = (0, 0) if level == 1 else tuple(rng.randint(0, max(stride[a], dilation[a]) - 1)
                                                          for a in (0, 1))
        answer = tuple(geometry.transposed_output_size(in_size[a], kernel[a], stride[a], padding[a],
                                                       output_padding[a], dilation[a]) for a in (0, 1))
        if min(answer) >= 1:
            break

    def size(a: int, *, p=None, op=None, s=None, d=None) -> int:
        return geometry.transposed_output_size(in_size[a], kernel[a], s or stride[a], padding[a] if p is None else p,
                                               output_padding[a] if op is None else op, d or dilation[a])

    mistakes = {
        "conv_formula_used": _both(lambda a: geometry.output_len(in_size[a], kernel[a], stride[a], 2 * padding[a],
                                                                 dilation[a])),
        "padding_added": _both(lambda a: size(a) + 4 * padding[a]),
        "padding_once": _both(lambda a: size(a) + padding[a]),
        "output_padding_ignored": _both(lambda a: size(a, op=0)),
        "plus_one_forgotten": _both(lambda a: size(a) - 1),
        "dilation_ignored": _both(lambda a: size(a, d=1)),
        "stride_ignored": _both(lambda a: size(a, s=1)),
    }
    formulas = [geometry.transposed_output_formula(in_size[a], kernel[a], stride[a], padding[a], output_padding[a],
                                                   dilation[a]) for a in (0, 1)]
    return {
        "params": {"in_size": in_size, "kernel_size": kernel, "stride": stride, "padding": padding,
                   "output_padding": output_padding, "dilation": dilation},
        "answer": answer, "shape": "pair", "mistakes": mistakes,
        "prompt_lines": (("ex.transposed_output_size.prompt", {"n": _times(in_size), "k": _times(kernel),
                                                                "s": _setting(stride), "p": _setting(padding),
                                                                "op": _setting(output_padding),
                                                                "d": _setting(dilation)}), ("ex.ask.pair", {})),
        "solution_lines": _size_solution("ex.sol.transposed_size", formulas, answer),
    }


def im2col_shape(rng: random.Random, level: int) -> dict:
    """Rows: one per window of every image (N·OH·OW); columns: one per weight of a filter (C·FH·FW)."""
    while True:
        n = 1 if level == 1 else rng.randint(1, 4)
        c = 1 if level == 1 else rng.randint(1, 3)
        h, w = _sides(rng, level, 4, (8, 12, 14)[level - 1])
        fh, fw = _per_side(rng, level, ((2, 3), (2, 3), (1, 2, 3, 4))[level - 1])
        stride = rng.choice(((1,), (1, 2), (1, 2, 3))[level - 1])
        pad = 0 if level == 1 else rng.randint(0, 1)
        oh, ow = geometry.output_size(h, fh, stride, pad), geometry.output_size(w, fw, stride, pad)
        if oh >= 1 and ow >= 1:
            break
    rows, cols = n * oh * ow, c * fh * fw
    mistakes = {"rows_cols_swapped": (cols, rows), "batch_forgotten": (oh * ow, cols),
                "channels_forgotten": (rows, fh * fw), "input_size_used": (n * h * w, cols)}
    return {
        "params": {"batch": (n, c, h, w), "kernel_size": (fh, fw), "stride": stride, "padding": pad},
        "answer": (rows, cols), "shape": "pair", "mistakes": mistakes,
        "prompt_lines": (("ex.im2col_shape.prompt", {"batch": f"{n}×{c}×{h}×{w}", "k": f"{fh}×{fw}", "s": stride,
                                                     "p": pad}), ("ex.ask.rows_cols", {})),
        "solution_lines": (("ex.sol.im2col_out", {"oh": geometry.output_size_formula(h, fh, stride, pad, pad),
                                                  "ow": geometry.output_size_formula(w, fw, stride, pad, pad)}),
                           ("ex.sol.im2col_shape", {"n": n, "oh": oh, "ow": ow, "c": c, "fh": fh, "fw": fw,
                                                    "rows": rows, "cols": cols})),
    }
