"""Hostile links: every setting of every page, set to values in and out of range, off-step, non-finite, huge,
empty or repeated, never raises; a value the widget can hold (its minimum and maximum too) is applied, any other
falls back to the default and is named in the notice.

The settings are not listed by hand: each view below is opened once while ``links.read`` is watched, which records
every setting the page reads from a link with the widget's own limits. A new setting is covered without a line here;
a setting drawn only in some state (a preset's own sliders) is covered by adding that state as one line to VIEWS.
"""
import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import kernels
from explorer.ui import links
from tests.helpers import CHANNELS, IM2COL, KERNEL_LAB, NETWORK, POOLING, SLIDING, TRANSPOSED, open_link

VIEWS = [
    (KERNEL_LAB, {}),
    *[(KERNEL_LAB, {"kernel.preset": name}) for name, preset in kernels.PRESETS.items() if preset.params],
    (KERNEL_LAB, {"kernel.source": "custom"}),
    (SLIDING, {}),
    (SLIDING, {"sw.mode": "max_pool"}),
    (SLIDING, {"sw.source": "image"}),
    (POOLING, {}),
    (TRANSPOSED, {}),
    (CHANNELS, {}),
    (IM2COL, {}),
    (NETWORK, {}),
    (NETWORK, {"net.source": "classes"}),
]
IDS = [f"{page.split('/')[-1][:-3]}{''.join(f'-{v}' for v in base.values())}" for page, base in VIEWS]
ODD = ["inf", "-inf", "nan", "1e999", "-1e309", "", " ", "9" * 300, "0x10", "true", "１", "<b>x</b>", "%00", "a" * 5000]


def opened(page: str, link: dict):
    """The app opened with ``link``, and ``{key: (spec, default)}`` of every setting it read from the link (each
    with the limits its widget had in this run: the classes a network has, the range another setting allows)."""
    found = {}
    read = links.read

    def watch(key, spec, default):
        found[key] = (spec, default)
        return read(key, spec, default)

    links.read = watch
    try:
        at = open_link(page, link)
    finally:
        links.read = read
    assert not at.exception, (link, [e.value for e in at.exception])
    return at, found


@functools.cache
def recorded(view: int) -> dict[str, tuple]:
    """``{key: (spec, default)}`` of every setting the view reads from a link (its own base settings aside)."""
    page, base = VIEWS[view]
    found = opened(page, base)[1]
    return {key: found[key] for key in sorted(found) if key not in base}


def valid(spec) -> list[str]:
    """Codes the widget can hold: the ends and a middle value of a range, every option."""
    if isinstance(spec, links.Number):
        count = round((spec.high - spec.low) / spec.step)
        return [links.code(spec.parse(repr(spec.low + k * spec.step)) if not spec.integer else spec.low + k * spec.step)
                for k in sorted({0, count // 2, count})]
    if isinstance(spec, links.Switch):
        return ["true", "false"]
    return [links.code(option) for option in spec.options]


def invalid(spec) -> list[str]:
    if isinstance(spec, links.Number):
        return [repr(spec.low - spec.step), repr(spec.high + spec.step), repr(spec.low + spec.step / 2), "abc"]
    return ["maybe", "no_such_option"]


def raw_values(spec):
    return st.one_of(st.sampled_from(valid(spec)), st.sampled_from(invalid(spec) + ODD), st.text(max_size=12),
                     st.lists(st.sampled_from(valid(spec)), min_size=2, max_size=2))


def check(view: int, link: dict) -> None:
    page, base = VIEWS[view]
    at, read = opened(page, {**base, **link})
    refused = []
    for key, raw in link.items():
        if key not in read:             # not drawn in this state (another setting hides it): stays in the link
            continue
        spec, _ = read[key]
        expected = links.value(raw if isinstance(raw, list) else [raw], spec)
        if expected is None:
            refused.append(key)
        elif key in at.session_state:
            assert at.session_state[key] == expected, (key, raw)
    if refused:
        assert at.toast and any(key in at.toast[0].value.replace("\\", "") for key in refused), (refused, link)


@pytest.mark.parametrize("view", range(len(VIEWS)), ids=IDS)
def test_every_setting_at_its_minimum_and_maximum_is_applied(view):
    table = recorded(view)
    assert table
    for end in (0, -1):
        check(view, {key: valid(spec)[end] for key, (spec, _) in table.items()})


@pytest.mark.parametrize("view", range(len(VIEWS)), ids=IDS)
@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_values_for_every_setting_never_raise(view, data):
    table = recorded(view)
    link = {key: data.draw(raw_values(spec), label=key) for key, (spec, _) in table.items()}
    check(view, link)
