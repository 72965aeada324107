"""Kernel Lab's histogram: the counts np.histogram gives, negative bins blue, the others red, a line at zero."""
import numpy as np
import pytest

from explorer.views import charts


@pytest.mark.parametrize("values", [
    np.random.default_rng(0).normal(size=(300, 400, 3)),            # sampled: more than max_samples
    np.random.default_rng(1).uniform(2, 5, size=(50, 60)),           # all positive
    np.random.default_rng(2).uniform(-5, -1, size=(50, 60)),         # all negative
    np.full((10, 10), 3.25),                                         # one value
    np.array([0.0, 1.0, 1.0, 3.0]),
])
def test_counts_and_edges_are_numpys(values):
    counts, edges = charts.histogram_counts(values, bins=80, max_samples=250_000)
    flat = np.asarray(values, np.float32).ravel()
    flat = flat[:: flat.size // 250_000 + 1] if flat.size > 250_000 else flat
    want_counts, want_edges = np.histogram(flat, bins=80)
    np.testing.assert_array_equal(counts, want_counts)
    np.testing.assert_allclose(edges, want_edges, rtol=1e-6, atol=1e-6)


def test_the_figure_colours_bins_by_sign_and_marks_zero():
    values = np.random.default_rng(3).normal(size=(200, 200))
    fig = charts.histogram_figure(values, title="t")
    blue, red = fig.data
    assert blue.marker.color == "#3b6fb6" and (np.asarray(blue.x) < 0).all()
    assert red.marker.color == "#d6604d" and (np.asarray(red.x) >= 0).all()
    counts, _ = charts.histogram_counts(values)
    assert sum(blue.y) + sum(red.y) == counts.sum() == values.size
    (line,) = fig.layout.shapes
    assert (line.x0, line.x1, line.line.dash) == (0, 0, "dot")
    positive = charts.histogram_figure(np.random.default_rng(4).uniform(1, 2, size=(30, 30)))
    assert len(positive.data) == 1 and positive.data[0].marker.color == "#d6604d"


def test_log_bars_name_big_counts_as_format_count_does():
    """The axis's ticks and the counts written over the bars use the same prefixes (G, not Plotly's B)."""
    from explorer.numtext import format_count
    fig = charts.log_bars({"": [5.49e10, 3.65e6, 27]}, ["a", "b", "c"], y_title="n",
                          texts=[format_count(v) for v in (5.49e10, 3.65e6, 27)])
    assert fig.layout.yaxis.type == "log" and fig.layout.yaxis.exponentformat == "SI"
    assert list(fig.data[0].text) == ["54.9 G", "3.65 M", "27"]


def test_infinite_and_nan_values_are_left_out_and_huge_ranges_do_not_overflow():
    """A typed kernel of 1e38s makes outputs of ±inf, NaN and finite values ±3e38 apart (issue 27)."""
    values = np.array([[3e38, -3e38, 0.0], [np.inf, -np.inf, np.nan]], np.float32)
    counts, edges = charts.histogram_counts(values, bins=4)
    assert counts.tolist() == [1, 0, 1, 1] and np.isfinite(edges).all()
    fig = charts.histogram_figure(values)
    assert sum(sum(bar.y) for bar in fig.data) == 3
    assert charts.histogram_counts(np.full(4, np.nan, np.float32), bins=2)[0].tolist() == [0, 0]
