"""explorer.exercises: every kind's answer recomputed from its params with torch, for thousands of seeds; the named
mistakes' wrong answers recognised (and, where torch can make the mistake, equal to torch's wrong value); answers
read however they are written; the same seed, the same question."""
from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from explorer import exercises, kernels
from explorer.exercises import answers, generate
from explorer.exercises.question import show

SEEDS = range(1000)          # per kind and level: 3,000 questions a kind


def _zeros(*shape):
    """A tensor with only a shape (the meta device): torch works out the output's shape, or refuses."""
    return torch.zeros(*shape, device="meta")


def _t(grid) -> torch.Tensor:
    return torch.tensor(grid, dtype=torch.float64)[None, None]


def conv_size(p, **change):
    p = {**p, **change}
    return tuple(F.conv2d(_zeros(1, 1, *p["in_size"]), _zeros(1, 1, *p["kernel_size"]), stride=p["stride"],
                          padding=p["padding"], dilation=p["dilation"]).shape[-2:])


def pool_size(p, **change):
    p = {**p, **change}
    return tuple(F.max_pool2d(_zeros(1, 1, *p["in_size"]), p["kernel_size"], p["stride"], p["padding"],
                              ceil_mode=p["ceil_mode"]).shape[-2:])


def transposed_size(p, **change):
    p = {**p, **change}
    return tuple(F.conv_transpose2d(_zeros(1, 1, *p["in_size"]), _zeros(1, 1, *p["kernel_size"]), stride=p["stride"],
                                    padding=p["padding"], output_padding=p["output_padding"],
                                    dilation=p["dilation"]).shape[-2:])


def im2col_shape(p):
    n, c, h, w = p["batch"]
    cols = F.unfold(_zeros(n, c, h, w), p["kernel_size"], stride=p["stride"], padding=p["padding"])
    return cols.shape[0] * cols.shape[2], cols.shape[1]


def conv_value(p, flip=None):
    flip = p["flip"] if flip is None else flip
    kernel = _t(p["kernel"]).flip(-1, -2) if flip else _t(p["kernel"])
    out = F.conv2d(_t(p["input"]), kernel, stride=p["stride"], padding=p["padding"])
    return int(out[0, 0][tuple(p["position"])])


def pool_value(p, mode=None, count_include_pad=True):
    mode = mode or p["mode"]
    x = _t(p["input"])
    if mode == "max":
        out = F.max_pool2d(x, p["kernel_size"], p["stride"], p["padding"])
    else:
        out = F.avg_pool2d(x, p["kernel_size"], p["stride"], p["padding"], count_include_pad=count_include_pad)
    return float(out[0, 0][tuple(p["position"])])


def pool_grid(p, mode=None):
    mode = mode or p["mode"]
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    return pool(_t(p["input"]), p["kernel_size"], p["stride"], p["padding"])[0, 0].tolist()


def transposed_value(p):
    out = F.conv_transpose2d(_t(p["input"]), _t(p["kernel"]), stride=p["stride"], padding=p["padding"])
    return int(out[0, 0][tuple(p["position"])])


def receptive_field(p, dilated=True):
    """Size and jump by backpropagation through a stack of all-ones convolutions (one axis: the layers are
    square), from outputs 0 and 1."""
    convs = [nn.Conv1d(1, 1, s["kernel_size"], s["stride"], dilation=s["dilation"] if dilated else 1,
                       bias=False).double() for s in p["layers"]]
    for conv in convs:
        nn.init.ones_(conv.weight)
    x = torch.zeros(1, 1, 200, dtype=torch.float64, requires_grad=True)
    y = x
    for conv in convs:
        y = conv(y)
    reach = [torch.nonzero(torch.autograd.grad(y[0, 0, col], x, retain_graph=True)[0][0, 0]).flatten()
             for col in (0, 1)]
    return int(reach[0].max() - reach[0].min() + 1), int(reach[1].min() - reach[0].min())


def module(layer, bias=None, standard=False):
    """The real ``nn`` module, on the meta device: shapes and counts without drawing 10⁵ initial weights."""
    bias = layer["bias"] if bias is None else bias
    if layer["type"] == "dense":
        return nn.Linear(layer["in_channels"], layer["out_channels"], bias=bias, device="meta")
    groups = layer["in_channels"] if layer["type"] == "depthwise" and not standard else 1
    return nn.Conv2d(layer["in_channels"], layer["out_channels"], layer["kernel_size"], groups=groups, bias=bias,
                     padding=layer.get("padding") or 0, device="meta")


def params_of(p, **kwargs):
    return sum(t.numel() for t in module(p["layer"], **kwargs).parameters())


def macs_of(p):
    layer = p["layer"]
    m = module(layer)
    if layer["type"] == "dense":
        return m(torch.zeros(1, layer["in_channels"], device="meta")).numel() * layer["in_channels"]
    return m(torch.zeros(1, layer["in_channels"], *layer["in_size"], device="meta")).numel() * m.weight[0].numel()


ANSWERS = {
    "conv_output_size": conv_size, "pool_output_size": pool_size, "transposed_output_size": transposed_size,
    "im2col_shape": im2col_shape, "conv_value": conv_value, "pool_value": pool_value,
    "pool_grid": pool_grid, "transposed_value": transposed_value, "receptive_field": receptive_field,
    "layer_params": params_of,
    "layer_macs": macs_of, "which_kernel": lambda p: p["choices"].index(p["asked"]) + 1,
}

# the wrong answers torch can make too: the same computation with the mistake's setting
TORCH_MISTAKES = {
    ("conv_output_size", "padding_ignored"): lambda p: conv_size(p, padding=(0, 0)),
    ("conv_output_size", "dilation_ignored"): lambda p: conv_size(p, dilation=(1, 1)),
    ("conv_output_size", "stride_ignored"): lambda p: conv_size(p, stride=(1, 1)),
    ("pool_output_size", "stride_ignored"): lambda p: pool_size(p, stride=(1, 1)),
    ("pool_output_size", "floor_instead_of_ceil"): lambda p: pool_size(p, ceil_mode=False),
    ("pool_output_size", "ceil_instead_of_floor"): lambda p: pool_size(p, ceil_mode=True),
    ("transposed_output_size", "output_padding_ignored"): lambda p: transposed_size(p, output_padding=(0, 0)),
    # torch refuses an output padding as large as both stride and dilation, and sizes below 1: padding and output
    # padding only take away and add, so do that after
    ("transposed_output_size", "dilation_ignored"): lambda p: tuple(
        n - 2 * pad + op for n, pad, op in zip(transposed_size(p, dilation=(1, 1), padding=(0, 0),
                                                               output_padding=(0, 0)),
                                               p["padding"], p["output_padding"])),
    ("transposed_output_size", "conv_formula_used"): conv_size,
    ("conv_value", "flipped"): lambda p: conv_value(p, flip=True),
    ("conv_value", "not_flipped"): lambda p: conv_value(p, flip=False),
    ("pool_value", "mean_instead_of_max"): lambda p: pool_value(p, "avg"),
    ("pool_value", "max_instead_of_mean"): lambda p: pool_value(p, "max"),
    ("pool_value", "padding_not_counted"): lambda p: pool_value(p, count_include_pad=False),
    ("pool_grid", "mean_instead_of_max"): lambda p: pool_grid(p, "avg"),
    ("pool_grid", "max_instead_of_mean"): lambda p: pool_grid(p, "max"),
    ("receptive_field", "dilation_ignored"): lambda p: receptive_field(p, dilated=False),
    ("layer_params", "bias_forgotten"): lambda p: params_of(p, bias=False),
    ("layer_params", "bias_counted"): lambda p: params_of(p, bias=True),
    ("layer_params", "depthwise_as_standard"): lambda p: params_of(p, standard=True),
}


def _equal(a, b, tolerance):
    if isinstance(a, list):                 # a grid of rows
        return np.shape(a) == np.shape(b) and np.allclose(a, b, rtol=0, atol=tolerance + 1e-9)
    if isinstance(a, tuple):
        return tuple(a) == tuple(b)
    return abs(float(a) - float(b)) <= tolerance + 1e-9


def test_the_kinds_are_those_the_issue_names():
    assert set(exercises.KINDS) == set(ANSWERS)


@pytest.mark.parametrize("level", exercises.LEVELS)
@pytest.mark.parametrize("kind", exercises.KINDS)
def test_every_answer_is_torchs_and_every_named_mistake_is_recognised(kind, level):
    named = set()
    for seed in SEEDS:
        q = generate(kind, seed, level)
        expected = ANSWERS[kind](q.params)
        assert _equal(q.answer, expected, q.tolerance or 0.005), (kind, seed, level, q.params, q.answer, expected)
        assert q.check(q.answer_text()).correct is True, (kind, seed, q.answer_text())
        assert q.check(str(q.answer)).correct is True, (kind, seed, q.answer)
        for code, wrong in q.mistakes.items():
            verdict = q.check(show(wrong, q.shape))
            assert (verdict.correct, verdict.mistake) == (False, code), (kind, seed, code, wrong)
            if (kind, code) in TORCH_MISTAKES:
                assert _equal(wrong, TORCH_MISTAKES[kind, code](q.params), 0.005), (kind, seed, code, q.params)
            named.add(code)
    assert named, f"no mistake of {kind} at level {level} was ever named"


def test_which_kernel_shows_four_different_pictures_and_the_answer_is_the_asked_kernels():
    from sklearn.datasets import load_sample_image

    photo = load_sample_image("china.jpg").mean(axis=2)[100:228, 100:228] / 255
    for seed in range(40):
        q = generate("which_kernel", seed, 1 + seed % 3)
        assert sorted(q.params["choices"]) == sorted(("gaussian_blur", "sharpen", "sobel_x", "sobel_y"))
        x = torch.tensor(photo, dtype=torch.float32)[None, None]
        outs = [F.conv2d(x, torch.tensor(kernels.get_kernel(name))[None, None], padding="same")
                for name in q.params["choices"]]
        asked = F.conv2d(x, torch.tensor(kernels.get_kernel(q.params["asked"]))[None, None], padding="same")
        assert torch.equal(outs[q.answer - 1], asked)
        assert all(not torch.allclose(a, b) for i, a in enumerate(outs) for b in outs[i + 1:])
        assert q.check("ABCD"[q.answer - 1]).correct and q.check(str(q.answer)).correct


@pytest.mark.parametrize("kind", exercises.KINDS)
def test_the_same_seed_gives_the_same_question_and_seeds_differ(kind):
    for level in exercises.LEVELS:
        assert generate(kind, 5, level) == generate(kind, 5, level)
        assert len({repr(generate(kind, seed, level).params) for seed in range(40)}) >= 10


@pytest.mark.parametrize("kind", exercises.KINDS)
def test_prompts_and_worked_solutions_read_in_both_languages_with_the_answer(kind):
    for level in exercises.LEVELS:
        q = generate(kind, 11, level)
        for lang in ("en", "zh"):
            prompt, solution = q.prompt(lang), q.solution(lang)
            assert "{" not in prompt + solution and prompt.strip() and solution.strip()
            if q.shape != "choice":
                assert re.split(r"[,\s]+", q.answer_text())[0] in solution        # the answer's first number
        assert q.prompt("en") != q.prompt("zh") and q.solution("en") != q.solution("zh")


@pytest.mark.parametrize("text", ["4, 5", "4x5", "4X5", "(4, 5)", "4 × 5", "４，５", "4，5", "（4，5）", " 4 5 ", "4*5",
                                  "[4, 5]", "4、5"])
def test_a_pair_reads_the_same_however_it_is_written(text):
    assert answers.read(text, "pair") == (4, 5)


@pytest.mark.parametrize("text", ["", "four, five", "4", "4, 5, 6", "4,", "4; x", "1/0", "4..5, 2"])
def test_text_that_is_not_a_pair_gets_how_to_write_one_never_a_wrong_mark(text):
    q = generate("conv_output_size", 1)
    verdict = q.check(text)
    assert verdict.correct is None and verdict.mistake is None
    assert "4, 5" in verdict.message("en") and "4, 5" in verdict.message("zh")


def test_numbers_integers_exact_decimals_within_the_stated_tolerance():
    assert answers.read("３.５", "number") == answers.read("7/2", "number") == answers.read(" 3.50 ", "number")
    assert answers.read("−2", "number") == -2 and answers.read("abc", "number") is None
    avg = next(q for q in (generate("pool_value", s, 2) for s in range(200))
               if q.params["mode"] == "avg" and not float(q.answer).is_integer())
    assert avg.tolerance == 0.01
    assert avg.check(f"{avg.answer:.2f}").correct and avg.check(f"{avg.answer + 0.004:.3f}").correct
    assert avg.check(f"{avg.answer + 0.05:.2f}").correct is False
    whole = generate("conv_value", 3)
    assert whole.check(f"{whole.answer}.0").correct and whole.check(f"{whole.answer}.5").correct is False


def test_a_grid_and_a_choice_read_as_written():
    assert answers.read("1 2\n3 4", "grid") == [[1, 2], [3, 4]] == answers.read("1,2; 3,4", "grid")
    assert answers.read("1 2\n3", "grid") is None
    assert [answers.read(t, "choice") for t in ("a", "Ｂ", "c)", "4", "5", "0", "AB")] == [1, 2, 3, 4, None, None, None]


def test_verdict_messages_name_the_mistake_in_both_languages():
    q = next(q for q in (generate("conv_output_size", s, 2) for s in range(100)) if "padding_once" in q.mistakes)
    verdict = q.check(show(q.mistakes["padding_once"], "pair"))
    assert "both sides" in verdict.message("en") and "两侧" in verdict.message("zh")
    assert q.check(q.answer_text()).message("zh") == "正确。"


@pytest.mark.parametrize("kind, level", [("convolution", 1), ("conv_value", 0), ("conv_value", 4)])
def test_an_unknown_kind_or_level_is_a_clear_error(kind, level):
    with pytest.raises(ValueError, match="conv_output_size|1, 2 or 3"):
        generate(kind, 0, level)


def test_long_answers_are_read_only_so_far():
    assert answers.read("4, 5" + " " * 10_000 + "6", "pair") == (4, 5)
    assert math.isfinite(float(answers.read("9" * 300, "number")))
    assert answers.read(np.array2string(np.ones((9, 9), int)), "grid") is None
