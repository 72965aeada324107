"""The process-wide caches: bounded, and their arrays read-only (shared between sessions)."""
import importlib
from pathlib import Path

import numpy as np
import pytest
from streamlit.runtime.caching.cache_utils import CachedFunc

from explorer.ui import caches

ROOT = Path(__file__).resolve().parents[2]
UI_MODULES = [importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
              for path in sorted((ROOT / "explorer" / "ui").rglob("*.py")) if path.name != "__init__.py"]


def test_every_streamlit_cache_is_bounded():
    cached = {name: f._info for module in UI_MODULES for name, f in vars(module).items() if isinstance(f, CachedFunc)}
    assert {"preview_of", "compare_image", "feature_map", "_filtered", "full_resolution_png", "digits"} <= set(cached)
    for name, info in cached.items():
        # bundled data, the process's turns at training, its class store: one object per process, the same for all
        if name not in ("digits", "_example_images", "training_slots", "janitor", "class_store"):
            assert info.max_entries and info.ttl, name


def test_cached_arrays_are_shared_read_only():
    """cache_resource hands every session the same array: nobody may change it in place."""
    pixels = np.random.default_rng(0).random((1200, 1600, 3), dtype=np.float32)
    preview = caches.preview_of("test-digest", pixels, False)
    assert preview.shape == (720, 960, 3) and not preview.flags.writeable
    assert caches.preview_of("test-digest", pixels, False) is preview
    small = pixels[:300, :400].copy()
    assert not caches.compare_image("test-small", small).flags.writeable and small.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        preview[0, 0, 0] = 1.0


def test_each_session_gets_its_own_copy_of_the_example_set():
    from explorer.ui import caches
    first, second = caches.example_set(), caches.example_set()
    first.rename(0, "mine")
    first.remove(1, [0, 1])
    first.delete(2)
    assert second.names == ["dots", "rings", "stripes"] and second.counts() == [100, 100, 100]
    assert not second.classes[0].images[0].flags.writeable          # the shared pixels cannot be changed


def test_a_matrix_figure_is_built_once_per_matrix_and_settings_and_the_projector_gets_its_own():
    from explorer.views import heatmaps
    values = np.arange(12.0).reshape(3, 4)
    options = (("lang", "zh"), ("title", "k"))
    first = caches.matrix_figure(values, False, options)
    assert caches.matrix_figure(values.copy(), False, options) is first            # the same matrix: no new figure
    assert first.to_dict() == heatmaps.matrix_figure(values, lang="zh", title="k").to_dict()
    projected = caches.matrix_figure(values, True, options)
    assert projected is not first and projected.layout.font.size == 16 and first.layout.font.size is None
    assert caches.matrix_figure(values + 1, False, options) is not first


def test_what_is_computed_from_a_network_is_shared_by_its_fingerprint_and_only_by_it():
    import torch

    from explorer.network import layers, weights, why
    stack = [{"type": "conv", "out": 2, "k": 3}, {"type": "relu"}, {"type": "maxpool", "k": 2},
             {"type": "flatten"}, {"type": "linear", "out": 10}]
    mine, yours = (layers.build(stack, (1, 12, 12), seed=0) for _ in range(2))
    x = torch.rand(1, 12, 12, generator=torch.Generator().manual_seed(0))
    picture = caches.settings_key(x.numpy())
    assert weights.fingerprint(mine) == weights.fingerprint(yours)
    maps = caches.why_maps(weights.fingerprint(mine), picture, 3, 4, 1, mine, x)
    assert caches.why_maps(weights.fingerprint(yours), picture, 3, 4, 1, yours, x) is maps     # made once
    np.testing.assert_allclose(maps["occlusion"].values, why.occlusion(yours, x, 3, 4, 1).values)
    np.testing.assert_allclose(maps["saliency"].values, why.saliency(yours, x, 3).values)
    assert not maps["gradcam"].values.flags.writeable
    # the same weights in another stack (average instead of max pooling): another fingerprint, other maps
    averaged = layers.build([*stack[:2], {"type": "avgpool", "k": 2}, *stack[3:]], (1, 12, 12), seed=0)
    assert weights.fingerprint(averaged) != weights.fingerprint(mine)
    with torch.no_grad():
        yours[0].weight[0, 0, 0, 0] += 1e-3                      # one weight changed: another network
    assert weights.fingerprint(yours) != weights.fingerprint(mine)
    other = caches.why_maps(weights.fingerprint(yours), picture, 3, 4, 1, yours, x)
    assert other is not maps
    np.testing.assert_allclose(other["saliency"].values, why.saliency(yours, x, 3).values)


def test_a_sliding_run_and_its_figures_are_made_once_and_shared_read_only():
    from explorer.lessons import sliding
    from explorer.views.sliding import sliding_figure
    grid, kernel = np.arange(25.0).reshape(5, 5), np.array([[1.0, 0.0], [0.0, -1.0]])
    run = caches.sliding_run(grid, kernel, "correlation", stride=2, padding=1)
    assert caches.sliding_run(grid.copy(), kernel.copy(), "correlation", padding=1, stride=2) is run
    fresh = sliding.build_run(grid, kernel, "correlation", stride=2, padding=1)
    np.testing.assert_array_equal(run.output, fresh.output)
    assert [s.value for s in run.steps] == [s.value for s in fresh.steps]
    assert not run.output.flags.writeable and not run.padded.flags.writeable
    assert caches.sliding_run(grid, kernel, "correlation", stride=1, padding=1) is not run
    labels = {"input": "in", "kernel": "k", "output": "out", "step": "step"}
    figure = caches.run_figure(run, labels, 2)
    assert caches.run_figure(fresh, labels, 2) is figure                        # the same run, made again
    assert figure.to_dict() == sliding_figure(fresh, labels, 2).to_dict()
    assert caches.run_figure(run, labels, 3) is not figure


def test_a_photo_is_converted_and_scaled_down_once_for_every_view_of_it():
    """The grey preview is the colour preview in grey, and above a megapixel the side-by-side pages' copy is
    made from the preview (not from the 12 MP floats again)."""
    from explorer import imaging
    yy, xx = np.mgrid[0:1200, 0:1600]
    smooth = np.stack([np.sin(xx / 90.0), np.cos(yy / 70.0), np.sin((xx + yy) / 150.0)], axis=2)
    pixels = ((smooth + 1) * 127.5).astype(np.uint8)          # a photo's colours change smoothly; noise would not
    colour = caches.preview_of("once-digest", pixels, False)
    np.testing.assert_array_equal(caches.preview_of("once-digest", pixels, True), imaging.to_grey(colour))
    compared = caches.compare_image("once-digest", pixels)
    assert compared.shape == (384, 512, 3) and not compared.flags.writeable
    np.testing.assert_array_equal(compared, imaging.fit_side(colour, 512))
    np.testing.assert_allclose(compared, imaging.fit_side(imaging.to_float(pixels), 512), atol=0.02)
    small = pixels[:600, :800]                               # at most a megapixel: straight from the pixels
    np.testing.assert_array_equal(caches.compare_image("once-small", small),
                                  imaging.fit_side(imaging.to_float(small), 512))
