"""A link's value is taken exactly when the widget could hold it: the minimum and maximum included, nothing else."""
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import i18n
from explorer.ui import links


@st.composite
def number_specs(draw):
    integer = draw(st.booleans())
    if integer:
        low = draw(st.integers(-100, 100))
        step = draw(st.integers(1, 5))
        return links.Number(low, low + step * draw(st.integers(0, 40)), step, True)
    low = draw(st.sampled_from([-2.0, -1.0, 0.0, 0.02, 0.5]))
    step = draw(st.sampled_from([0.01, 0.05, 0.25, 0.5, 1.0]))
    return links.Number(low, round(low + step * draw(st.integers(0, 200)), 6), step, False)


HOSTILE = st.one_of(st.text(max_size=80), st.sampled_from(
    ["inf", "-inf", "nan", "NaN", "1e999", "-1e309", "1e-999", "", " 2", "2 ", "0x10", "1_0", "+", ".", "1e",
     "٣", "２", "9" * 400, "true", "None", "[]", "2,3"]))


@settings(max_examples=400, deadline=None)
@given(number_specs(), HOSTILE)
def test_any_text_gives_a_value_the_widget_holds_or_none(spec, raw):
    found = links.value([raw], spec)
    if found is None:
        return
    assert isinstance(found, int if spec.integer else float) and not isinstance(found, bool)
    assert math.isfinite(found) and spec.low <= found <= spec.high
    steps = (found - spec.low) / spec.step
    assert abs(steps - round(steps)) < 1e-6


@settings(max_examples=300, deadline=None)
@given(number_specs(), st.data())
def test_every_value_on_the_widget_grid_is_applied_minimum_and_maximum_included(spec, data):
    count = round((spec.high - spec.low) / spec.step)
    k = data.draw(st.sampled_from(sorted({0, count, data.draw(st.integers(0, count))})))
    value = spec.low + k * spec.step
    text = str(int(value)) if spec.integer else repr(round(value, 6))
    assert links.value([text], spec) == (int(value) if spec.integer else round(value, 6))
    off = spec.low + (k + 0.5) * spec.step          # between two steps
    assert links.value([repr(off)], spec) is None
    assert links.value([repr(spec.low - spec.step)], spec) is None
    assert links.value([repr(spec.high + spec.step)], spec) is None
    assert links.value([text, text], spec) is None                                  # given twice


def test_the_cases_the_issue_found():
    stride, padding, size = links.Number(1, 16, 1, True), links.Number(0, 64, 1, True), links.Number(3, 31, 2, True)
    assert [links.value([raw], stride) for raw in ("inf", "-inf", "1e309", "nan", "2.5", "abc", "2")] == \
        [None, None, None, None, None, None, 2]
    assert links.value(["٣"], stride) is None and links.value(["２"], stride) is None     # digits, but not ASCII
    assert links.value(["0"], padding) == 0 and links.value(["4"], size) is None and links.value(["5"], size) == 5
    assert links.value(["0.30000000000000004"], links.Number(0.0, 1.0, 0.01, False)) == 0.3


@given(st.text(max_size=30))
def test_switches_take_true_and_false_only(raw):
    assert links.Switch().parse(raw) == {"true": True, "false": False}.get(raw.lower())


@settings(max_examples=200, deadline=None)
@given(HOSTILE)
def test_options_take_a_code_or_a_label_and_nothing_else(raw):
    presets = ["sobel_x", "gaussian_blur"]
    found = links.options(presets, prefix="preset").parse(raw)
    labels = {i18n.t(f"preset.{p}", lang): p for p in presets for lang in i18n.LANGUAGES}
    assert found == ({p: p for p in presets} | labels).get(raw)
    several = links.options(presets, prefix="preset", multi=True).parse(raw)
    assert several is None or all(p in presets for p in several)
