"""The compiled loop for small kernels (explorer.conv.compiled): exact against torch, used only where it applies and
only where it was measured faster, and never a reason for a wrong result or an error when it cannot compile."""
import os
import sys

import numpy as np
import pytest
import torch

from explorer import ops
from explorer.conv import buffers, calibration, strategies
from explorer.conv.compiled import stencil
from explorer.conv.dispatch import DEFAULT_CROSSOVERS, Crossovers
from explorer.timing import cpu_isa
from tests.helpers import relative_error, torch_conv

needs_compiler = pytest.mark.skipif(sys.platform == "win32", reason="the CI machines compile with gcc")


@pytest.fixture(autouse=True)
def compiling(monkeypatch):
    """tests/conftest.py switches compiling off for every other test; here it is on, and each test's changes to
    the module's state are undone."""
    monkeypatch.setenv(stencil.SWITCH, "on")
    yield
    strategies.use_crossovers(DEFAULT_CROSSOVERS)


@pytest.fixture
def ran(monkeypatch):
    """For each convolution that tried the compiled loop: whether it wrote the result."""
    calls = []
    original = strategies.ConvPlan._stencil

    def counted(plan, x):
        y = original(plan, x)
        calls.append(y is not None)
        return y
    monkeypatch.setattr(strategies.ConvPlan, "_stencil", counted)
    return calls


def image_of(rng, shape):
    return rng.random(shape, dtype=np.float32)


@needs_compiler
@pytest.mark.parametrize("kernel_shape, padding", [((3, 3), "same"), ((3, 3), 0), ((3, 3), (2, 1)),
                                                   ((2, 3), "same"), ((5, 5), "same")])
@pytest.mark.parametrize("channels", [1, 3])
def test_the_compiled_loop_matches_torch_in_every_padding_mode(kernel_shape, padding, channels, ran):
    rng = np.random.default_rng(sum(kernel_shape) + channels)
    kernel = rng.normal(size=kernel_shape).astype(np.float32)
    for shape in ((40, 57), (33, 33), (61, 29)):          # wide, square, tall: one compiled graph serves them all
        image = image_of(rng, shape + ((channels,) if channels > 1 else ()))
        for mode in ops.PADDING_MODES:
            got = ops.conv2d(image, kernel, padding=padding, padding_mode=mode, strategy="stencil", device="cpu")
            assert ran.pop() is True, (shape, mode)
            pads = ops.resolve_padding(padding, kernel_shape)
            want = torch_conv(image, kernel, stride=1, pads=pads, mode=mode, dilation=1)
            assert got.shape == want.shape and got.dtype == np.float32
            assert relative_error(got, want) < 1e-5
            np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)
    assert not stencil.LOOPS.status()["failed"] and not stencil.LOOPS.status()["missed"]


@needs_compiler
def test_a_four_channel_image_shares_the_colour_graph(ran):
    rng = np.random.default_rng(4)
    image, kernel = image_of(rng, (30, 41, 4)), rng.normal(size=(3, 3)).astype(np.float32)
    got = ops.conv2d(image, kernel, padding="same", strategy="stencil", device="cpu")
    assert ran == [True]
    want = torch_conv(image, kernel, stride=1, pads=(1, 1, 1, 1), mode="zeros", dilation=1)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("case", [dict(stride=2), dict(dilation=2), dict(kernel=(9, 9)), dict(image=(2, 40)),
                                  dict(image=(40, 3, 3))])
def test_where_the_loop_does_not_apply_the_fallback_answers_exactly(case, ran):
    rng = np.random.default_rng(7)
    image = image_of(rng, case.get("image", (30, 35, 3)))
    kernel = rng.normal(size=case.get("kernel", (3, 3))).astype(np.float32)
    stride, dilation = case.get("stride", 1), case.get("dilation", 1)
    got = ops.conv2d(image, kernel, padding=1, stride=stride, dilation=dilation, strategy="stencil", device="cpu")
    assert True not in ran
    want = torch_conv(image, kernel, stride=stride, pads=(1, 1, 1, 1), mode="zeros", dilation=dilation)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("switch", [None, "off", "", "maybe"])
def test_unless_switched_on_nothing_compiles(monkeypatch, ran, switch):
    """The compiled loop is opt-in: unset (the default), off or anything but on, it never compiles."""
    if switch is None:
        monkeypatch.delenv(stencil.SWITCH, raising=False)
    else:
        monkeypatch.setenv(stencil.SWITCH, switch)
    rng = np.random.default_rng(8)
    image, kernel = image_of(rng, (30, 31)), rng.normal(size=(3, 3)).astype(np.float32)
    got = ops.conv2d(image, kernel, padding="same", strategy="stencil", device="cpu")
    assert True not in ran and not stencil.LOOPS.prepare(stencil.key((3, 3), 1, (4, 4, 4, 4)))
    np.testing.assert_allclose(got, torch_conv(image, kernel, stride=1, pads=(1, 1, 1, 1), mode="zeros",
                                               dilation=1), rtol=1e-4, atol=1e-5)


def test_a_failed_compile_leaves_the_other_paths(monkeypatch, ran):
    def no_compiler(k):
        raise RuntimeError("InvalidCxxCompiler: No working C++ compiler found")
    monkeypatch.setattr(stencil.LOOPS, "build", no_compiler)
    monkeypatch.setattr(stencil.LOOPS, "failed", {})
    monkeypatch.setattr(stencil.LOOPS, "ready", set())
    rng = np.random.default_rng(9)
    image, kernel = image_of(rng, (30, 31, 3)), rng.normal(size=(3, 3)).astype(np.float32)
    got = ops.conv2d(image, kernel, padding="same", strategy="stencil", device="cpu")
    assert True not in ran and "C++ compiler" in next(iter(stencil.LOOPS.status()["failed"].values()))
    np.testing.assert_allclose(got, torch_conv(image, kernel, stride=1, pads=(1, 1, 1, 1), mode="zeros",
                                               dilation=1), rtol=1e-4, atol=1e-5)


@needs_compiler
def test_a_compiled_loop_that_gets_a_sum_wrong_is_not_used(monkeypatch):
    def wrong(x, w, out, top, left, c):
        out.fill_(1.0)
    stencil.LOOPS.prepare(stencil.key((3, 3), 1, (1, 1, 1, 1)))            # the real compiler set up
    monkeypatch.setattr(stencil.LOOPS, "compiled", wrong)
    monkeypatch.setattr(stencil.LOOPS, "failed", {})
    monkeypatch.setattr(stencil.LOOPS, "ready", set())
    k = stencil.key((3, 3), 1, (1, 1, 1, 1))
    assert not stencil.LOOPS.prepare(k) and "off by" in stencil.LOOPS.status()["failed"][k]


@needs_compiler
def test_compiled_code_is_kept_apart_per_instruction_set():
    stencil.LOOPS.prepare(stencil.key((3, 3), 1, (1, 1, 1, 1)))
    where = os.environ["TORCHINDUCTOR_CACHE_DIR"]
    assert f"inductor-{cpu_isa().split(',')[0]}" in where and " " not in where and "," not in where


# ---------------------------------------------------------------- chosen only where measured faster

def choose(monkeypatch, timings, shape=(1100, 1000)):
    """3×3 calls on one image of ``shape`` with the compiled loop allowed, on a fake clock by which a call of
    the compiled loop takes ``timings[0]`` ms and one of the other path ``timings[1]``: the first asks for the
    loop (and does not wait), then calls in turns until it is chosen or refused. (first result, chosen
    strategy, the paths of the timed calls, a last result)."""
    clock, paths = [0.0], []
    for method, i in (("_stencil", 0), ("_other", 1)):
        original = getattr(strategies.ConvPlan, method)

        def timed(plan, x, original=original, i=i):
            clock[0] += timings[i] / 1e3
            paths.append(i)
            return original(plan, x)
        monkeypatch.setattr(strategies.ConvPlan, method, timed)
    monkeypatch.setattr(strategies, "_now", lambda: clock[0])
    for state in ("faster", "timings", "trials"):
        monkeypatch.setattr(stencil.LOOPS, state, {})
    calibration.ensure()                                  # the documented constants (conftest), then compiled
    strategies.use_crossovers(Crossovers(compiled=True))
    kernel = np.arange(9.0).reshape(3, 3) - 4
    image = np.random.default_rng(10).random(shape, dtype=np.float32)
    first = ops.conv2d(image, kernel, padding="same", device="cpu")      # asks for it in the background
    stencil.LOOPS.wait()
    paths.clear()
    stencil.LOOPS.trials.clear()                               # compiled by an earlier test, the first call was timed
    for _ in range(2 * stencil.BLOCK * stencil.TRIALS):
        last = ops.conv2d(image, kernel, padding="same", device="cpu")
    return first, ops.choose_strategy(kernel, channels=1, pixels=shape[0] * shape[1]), paths, last


@needs_compiler
def test_measured_faster_on_its_calls_it_is_chosen(monkeypatch, ran):
    first, chosen, paths, last = choose(monkeypatch, (1.0, 2.0))
    assert paths == ([0] * stencil.BLOCK + [1] * stencil.BLOCK) * stencil.TRIALS     # in turns, blocks of calls
    assert chosen == "stencil" and not stencil.LOOPS.trying()
    ms, other, pixels = stencil.LOOPS.timings[(stencil.key((3, 3), 1, (1, 1, 1, 1)), 0)]
    assert (round(ms, 6), round(other, 6), pixels) == (1.0, 2.0, 1100 * 1000)
    ran.clear()
    image, kernel = np.random.default_rng(4).random((1000, 1200), dtype=np.float32), np.arange(9.0).reshape(3, 3)
    ours = ops.conv2d(image, kernel, padding="same", device="cpu")
    assert ran == [True]                                                 # chosen: every call from now on
    expected = torch_conv(image, kernel, stride=(1, 1), pads=(1, 1, 1, 1), mode="zeros", dilation=(1, 1))
    assert relative_error(ours, expected) < 1e-6
    np.testing.assert_allclose(last, first, rtol=1e-5, atol=1e-5)


@needs_compiler
def test_measured_slower_or_not_clearly_faster_it_is_not_chosen(monkeypatch, ran):
    for timings in ((2.0, 1.0), (0.95, 1.0)):
        _, chosen, _, _ = choose(monkeypatch, timings)
        ran.clear()
        ops.conv2d(np.ones((1100, 1000), np.float32), np.arange(9.0).reshape(3, 3) - 4, padding="same")
        assert chosen == "lanes" and ran == []


def test_the_choice_compares_the_fastest_timed_call_of_each_path():
    assert stencil.decide([50.0, 1.0, 3.0], [2.0, 2.0, 2.0]) is True
    assert stencil.decide([1.5, 3.0, 3.0], [9.0, 1.6, 2.0]) is False
    assert stencil.decide([1.0, 1.0, 1.0], [2.0, 2.0]) is None            # not enough of the other
    assert stencil.decide([0.95, 0.95, 0.95], [1.0] * 3) is False        # within the noise margin


def test_the_first_call_of_each_block_is_left_out(monkeypatch):
    monkeypatch.setattr(stencil.LOOPS, "trials", {})
    monkeypatch.setattr(stencil.LOOPS, "faster", {})
    monkeypatch.setattr(stencil.LOOPS, "timings", {})
    k = stencil.key((3, 3), 1, (1, 1, 1, 1))
    # the first call after a switch is slow (buffers, caches): 9 ms; the others 1 ms compiled, 2 ms not
    for call in range(2 * stencil.BLOCK * stencil.TRIALS):
        compiled = call // stencil.BLOCK % 2 == 0
        stencil.LOOPS.record(k, 0, compiled, 9.0 if call % stencil.BLOCK == 0 else (1.0 if compiled else 2.0), 10 ** 6)
    assert stencil.LOOPS.faster == {(k, 0): True} and stencil.LOOPS.timings[(k, 0)] == (1.0, 2.0, 10 ** 6)


@needs_compiler
def test_below_a_megapixel_the_chosen_loop_gives_way(monkeypatch, ran):
    _, chosen, _, _ = choose(monkeypatch, (1.0, 2.0))
    ran.clear()
    ops.conv2d(np.ones((500, 600), np.float32), np.arange(9.0).reshape(3, 3) - 4, padding="same", device="cpu")
    assert chosen == "stencil" and True not in ran


def test_previews_below_a_megapixel_never_start_a_compile(monkeypatch):
    calibration.ensure()
    strategies.use_crossovers(Crossovers(compiled=True))
    monkeypatch.setattr(stencil.LOOPS, "request", lambda *a: pytest.fail("asked to compile"))
    ops.conv2d(np.ones((960, 720, 3), np.float32), np.ones((3, 3)) + np.eye(3), padding="same", device="cpu")


def test_the_documented_constants_never_compile(monkeypatch):
    monkeypatch.setattr(stencil.LOOPS, "request", lambda *a: pytest.fail("asked to compile"))
    ops.conv2d(np.ones((1100, 1000), np.float32), np.ones((3, 3)) + np.eye(3), padding="same", device="cpu")


# ---------------------------------------------------------------- recycled output buffers

def test_a_buffer_is_handed_out_again_only_when_nothing_holds_it():
    first = buffers.empty((7, 9, 3))
    address = first.ctypes.data
    view = first[2:]
    del first
    second = buffers.empty((7, 9, 3))
    assert second.ctypes.data != address                                  # the view still holds the first
    tensor = torch.from_numpy(second)
    del second, view
    third = buffers.empty((7, 9, 3))
    assert third.ctypes.data == address and third.ctypes.data != tensor.data_ptr()
    assert buffers.empty((7, 9)).shape == (7, 9)                          # another shape: another buffer


def test_the_kept_buffers_are_bounded():
    for n in range(6):
        buffers.empty((16, 16 + n))
    assert len(buffers._pool) <= buffers.POOL
    assert sum(b.nbytes for b in buffers._pool) <= buffers.POOL_BYTES


@needs_compiler
def test_each_size_class_is_timed_on_its_own(monkeypatch, ran):
    choose(monkeypatch, (1.0, 2.0))                                     # faster at 1–6 MP
    ran.clear()
    image = np.ones((2000, 3100), np.float32)
    for _ in range(stencil.BLOCK + 1):
        ops.conv2d(image, np.arange(9.0).reshape(3, 3) - 4, padding="same", device="cpu")
    assert ran == [True] * stencil.BLOCK and stencil.LOOPS.trying()          # 6.2 MP: its own trials, in blocks
    assert stencil.LOOPS.trials[(stencil.key((3, 3), 1, (1, 1, 1, 1)), 1)].calls == stencil.BLOCK + 1


@needs_compiler
def test_nothing_is_timed_while_a_variant_compiles(monkeypatch, ran):
    choose(monkeypatch, (1.0, 2.0))
    monkeypatch.setattr(stencil.LOOPS, "worker", object())                  # another variant compiling
    ran.clear()
    ops.conv2d(np.ones((2000, 3100), np.float32), np.arange(9.0).reshape(3, 3) - 4, padding="same", device="cpu")
    assert ran == [] and not stencil.LOOPS.trying()
