"""The janitor: once no page has run for a while, the class's cached pictures go and the memory is handed back."""
import time

import numpy as np

from explorer.ui import caches
from explorer.ui.janitor import Janitor, trim_heap


def until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def test_it_tidies_after_the_last_run_and_every_idle_period_until_the_next():
    cleared = []
    janitor = Janitor([lambda: cleared.append(time.monotonic())], idle_s=0.2, every_s=0.02)
    try:
        time.sleep(0.4)
        assert janitor.tidied == 0 and cleared == []                # no run seen yet: nothing to let go
        janitor.saw_a_run()
        ran = janitor.last_run
        assert until(lambda: janitor.tidied >= 3)                   # sessions end after their students
        tidied_at = cleared[:3]
        assert tidied_at[0] - ran >= 0.2 and all(b - a >= 0.2 for a, b in zip(tidied_at, tidied_at[1:]))
    finally:
        janitor.stop()


def test_runs_keep_coming_so_it_waits():
    janitor = Janitor([], idle_s=0.3, every_s=0.02)
    try:
        for _ in range(10):
            janitor.saw_a_run()
            time.sleep(0.05)
        assert janitor.tidied == 0
    finally:
        janitor.stop()


def test_a_failing_look_does_not_end_the_janitor():
    looks = []

    def sweep():
        looks.append(1)
        raise KeyError("a session went meanwhile")

    janitor = Janitor([], idle_s=10, every_s=0.02, sweeps=[sweep])
    try:
        assert until(lambda: len(looks) >= 3)
    finally:
        janitor.stop()


def test_the_app_s_janitor_clears_the_cached_pictures_and_keeps_the_bundled_data():
    pixels = np.random.default_rng(0).random((40, 60, 3), dtype=np.float32)
    preview, digits = caches.preview_of("janitor-test", pixels, False), caches.digits()
    assert caches.preview_of("janitor-test", pixels, False) is preview
    caches.janitor().tidy()
    assert caches.preview_of("janitor-test", pixels, False) is not preview and caches.digits() is digits
    assert caches.janitor() is caches.janitor()


def test_the_app_s_janitor_clears_every_bounded_cache_of_the_app():
    """Each cache of a class's pictures and results (one with a size bound) is let go when the class has gone; a
    cache added without telling the janitor would keep its memory all day."""
    from streamlit.runtime.caching.cache_utils import CachedFunc
    bounded = {name: f for name, f in vars(caches).items() if isinstance(f, CachedFunc) and f._info.max_entries}
    assert len(bounded) >= 15
    cleared = {getattr(clear, "__self__", None) for clear in caches.janitor().caches}
    assert {name for name, f in bounded.items() if f not in cleared} == set()


def test_the_heap_can_be_trimmed_here():
    assert trim_heap()          # glibc, as on every machine the app is served from
