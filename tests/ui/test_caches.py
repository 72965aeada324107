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
