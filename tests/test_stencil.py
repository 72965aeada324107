"""The compiled loop for small kernels (explorer.stencil): exact against torch, used only where it applies and
only where it was measured faster, and never a reason for a wrong result or an error when it cannot compile."""
import os
import sys

import numpy as np
import pytest
import torch

from explorer import buffers, calibration, ops, stencil, strategies
from explorer.strategies import DEFAULT_CROSSOVERS, Crossovers
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
    assert not stencil.status()["failed"] and not stencil.status()["missed"]


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


def test_switched_off_nothing_compiles(monkeypatch, ran):
    monkeypatch.setenv(stencil.SWITCH, "off")
    rng = np.random.default_rng(8)
    image, kernel = image_of(rng, (30, 31)), rng.normal(size=(3, 3)).astype(np.float32)
    got = ops.conv2d(image, kernel, padding="same", strategy="stencil", device="cpu")
    assert True not in ran and not stencil.prepare(stencil.key((3, 3), 1, (4, 4, 4, 4)))
    np.testing.assert_allclose(got, torch_conv(image, kernel, stride=1, pads=(1, 1, 1, 1), mode="zeros",
                                               dilation=1), rtol=1e-4, atol=1e-5)


def test_a_failed_compile_leaves_the_other_paths(monkeypatch, ran):
    def no_compiler(k):
        raise RuntimeError("InvalidCxxCompiler: No working C++ compiler found")
    monkeypatch.setattr(stencil, "_build", no_compiler)
    monkeypatch.setattr(stencil, "_failed", {})
    monkeypatch.setattr(stencil, "_ready", set())
    rng = np.random.default_rng(9)
    image, kernel = image_of(rng, (30, 31, 3)), rng.normal(size=(3, 3)).astype(np.float32)
    got = ops.conv2d(image, kernel, padding="same", strategy="stencil", device="cpu")
    assert True not in ran and "C++ compiler" in next(iter(stencil.status()["failed"].values()))
    np.testing.assert_allclose(got, torch_conv(image, kernel, stride=1, pads=(1, 1, 1, 1), mode="zeros",
                                               dilation=1), rtol=1e-4, atol=1e-5)


@needs_compiler
def test_a_compiled_loop_that_gets_a_sum_wrong_is_not_used(monkeypatch):
    def wrong(x, w, out, top, left, c):
        out.fill_(1.0)
    stencil.prepare(stencil.key((3, 3), 1, (1, 1, 1, 1)))            # the real compiler set up
    monkeypatch.setattr(stencil, "_compiled", wrong)
    monkeypatch.setattr(stencil, "_failed", {})
    monkeypatch.setattr(stencil, "_ready", set())
    k = stencil.key((3, 3), 1, (1, 1, 1, 1))
    assert not stencil.prepare(k) and "off by" in stencil.status()["failed"][k]


@needs_compiler
def test_compiled_code_is_kept_apart_per_instruction_set():
    stencil.prepare(stencil.key((3, 3), 1, (1, 1, 1, 1)))
    where = os.environ["TORCHINDUCTOR_CACHE_DIR"]
    assert f"inductor-{cpu_isa().split(',')[0]}" in where and " " not in where and "," not in where


# ---------------------------------------------------------------- chosen only where measured faster

def choose(monkeypatch, timings, shape=(1100, 1000)):
    """A 3×3 call on an image of ``shape`` with the compiled loop allowed and measured as ``timings``."""
    monkeypatch.setattr(strategies, "_stencil_against_fallback", lambda plan, shape: timings)
    monkeypatch.setattr(stencil, "_faster", {})
    monkeypatch.setattr(stencil, "_timings", {})
    calibration.ensure()                                  # the documented constants (conftest), then compiled
    strategies.use_crossovers(Crossovers(compiled=True))
    kernel = np.arange(9.0).reshape(3, 3) - 4
    image = np.random.default_rng(10).random(shape, dtype=np.float32)
    first = ops.conv2d(image, kernel, padding="same", device="cpu")      # asks for it in the background
    stencil.wait()
    return (first, ops.choose_strategy(kernel, channels=1, pixels=shape[0] * shape[1]),
            ops.conv2d(image, kernel, padding="same", device="cpu"))


@needs_compiler
def test_measured_faster_it_is_chosen_from_the_next_call(monkeypatch, ran):
    first, chosen, second = choose(monkeypatch, (1.0, 2.0))
    assert chosen == "stencil" and ran == [True]          # the first call did not wait for it: not even tried
    np.testing.assert_allclose(second, first, rtol=1e-5, atol=1e-5)


@needs_compiler
def test_measured_slower_or_not_clearly_faster_it_is_not_chosen(monkeypatch, ran):
    for timings in ((2.0, 1.0), (0.95, 1.0)):
        _, chosen, _ = choose(monkeypatch, timings)
        assert chosen == "lanes" and True not in ran


@needs_compiler
def test_below_a_megapixel_the_chosen_loop_gives_way(monkeypatch, ran):
    _, chosen, _ = choose(monkeypatch, (1.0, 2.0))
    ran.clear()
    ops.conv2d(np.ones((500, 600), np.float32), np.arange(9.0).reshape(3, 3) - 4, padding="same", device="cpu")
    assert chosen == "stencil" and True not in ran


def test_previews_below_a_megapixel_never_start_a_compile(monkeypatch):
    calibration.ensure()
    strategies.use_crossovers(Crossovers(compiled=True))
    monkeypatch.setattr(stencil, "request", lambda *a: pytest.fail("asked to compile"))
    ops.conv2d(np.ones((960, 720, 3), np.float32), np.ones((3, 3)) + np.eye(3), padding="same", device="cpu")


def test_the_documented_constants_never_compile(monkeypatch):
    monkeypatch.setattr(stencil, "request", lambda *a: pytest.fail("asked to compile"))
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
    asked = []
    monkeypatch.setattr(stencil, "request", lambda k, size, measure: asked.append(size))
    ops.conv2d(np.ones((2000, 3100), np.float32), np.arange(9.0).reshape(3, 3) - 4, padding="same", device="cpu")
    assert asked == [1] and True not in ran                             # 6.2 MP: timed first, meanwhile not used
