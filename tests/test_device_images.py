"""A session's image kept on the device between reruns: kept only when it cannot change and fits, found again as
the same array, replaced, dropped on a GPU out-of-memory error, never seen by another thread's run. Exercised on
torch's "meta" device (tensors with shapes and no data), so no GPU is needed."""
import threading

import numpy as np
import pytest
import torch

from explorer import ops
from explorer.device import DeviceImages, keep_images, kept_images
from tests.helpers import KERNEL_LAB, start

META = torch.device("meta")


def read_only(shape, seed=0):
    image = np.random.default_rng(seed).random(shape, dtype=np.float32)
    image.flags.writeable = False
    return image


def store(**options):
    return DeviceImages(kinds=("meta",), free_bytes=options.pop("free_bytes", lambda device: 10 ** 9), **options)


def test_a_rerun_finds_the_image_already_on_the_device():
    kept, image = store(), read_only((30, 40, 3))
    with keep_images(kept):
        first = ops.to_nchw(image, META)
        again = ops.to_nchw(image, META)
    assert again is first and kept.uploads == 1
    assert first.shape == (1, 3, 30, 40) and first.device.type == "meta"
    assert kept.nbytes == image.nbytes
    with keep_images(kept):
        assert ops.to_nchw(read_only((30, 40, 3)), META) is not first     # equal pixels, another image
    assert kept.uploads == 2


def test_only_a_few_images_are_kept_the_oldest_go_first():
    kept = store(keep=2)
    images = [read_only((8, 8), seed) for seed in range(3)]
    with keep_images(kept):
        tensors = [ops.to_nchw(image, META) for image in images]
        assert ops.to_nchw(images[2], META) is tensors[2] and ops.to_nchw(images[1], META) is tensors[1]
        assert ops.to_nchw(images[0], META) is not tensors[0]            # replaced by the newer two
    assert kept.uploads == 4 and kept.nbytes == 2 * images[0].nbytes


def test_a_writable_array_is_never_kept():
    kept, image = store(), np.zeros((16, 16, 3), np.float32)
    with keep_images(kept):
        ops.to_nchw(image, META)
        ops.to_nchw(image, META)
    assert kept.uploads == 2 and kept.nbytes == 0


def test_an_image_is_kept_only_while_it_takes_a_small_share_of_free_memory():
    image = read_only((100, 100, 3))                                   # 120,000 bytes
    roomy, tight = store(free_bytes=lambda d: 4 * image.nbytes), store(free_bytes=lambda d: 4 * image.nbytes - 1)
    for kept, expected in ((roomy, image.nbytes), (tight, 0)):
        with keep_images(kept):
            ops.to_nchw(image, META)
        assert kept.nbytes == expected


def test_the_cpu_needs_no_copy_and_keeps_nothing():
    kept, image = DeviceImages(), read_only((20, 30, 3))
    with keep_images(kept):
        x = ops.to_nchw(image, torch.device("cpu"))
        out = ops.conv2d(image, np.ones((3, 3)), padding=1, device="cpu")
    assert x.data_ptr() == image.ctypes.data and kept.uploads == 0
    np.testing.assert_allclose(out, ops.conv2d(image.copy(), np.ones((3, 3)), padding=1, device="cpu"))


def test_out_of_gpu_memory_drops_the_kept_images_before_the_cpu_redo():
    kept, image = store(), read_only((10, 10))
    seen = []

    def compute(device):
        if device.type != "cpu":
            ops.to_nchw(image, META)
            seen.append(kept.nbytes)
            raise torch.OutOfMemoryError("CUDA out of memory")
        seen.append(kept.nbytes)
        return np.zeros(1)
    with keep_images(kept), pytest.warns(ops.DeviceFallbackWarning):
        ops.run_with_fallback(compute, META)
    assert seen == [image.nbytes, 0]


def test_the_store_belongs_to_one_run_on_one_thread():
    kept = store()
    with keep_images(kept):
        other = []
        thread = threading.Thread(target=lambda: other.append(kept_images()))
        thread.start(), thread.join()
        assert kept_images() is kept and other == [None]
        with keep_images(None):
            assert kept_images() is None
        assert kept_images() is kept
    assert kept_images() is None


def test_each_session_has_its_own_store():
    first, second = start(KERNEL_LAB), start(KERNEL_LAB)
    a, b = first.session_state["device_images"], second.session_state["device_images"]
    assert isinstance(a, DeviceImages) and isinstance(b, DeviceImages) and a is not b
