"""HTML matrices (Kernel Lab's kernel and inspector): the same colours and numbers as the Plotly heatmaps."""
import re

import numpy as np

from explorer.views import heatmaps, tables


def cells(html: str) -> list[tuple[str, str, str]]:
    """(background, ink, text) of every coloured cell, row by row."""
    return re.findall(r'<td style="background:(rgb\([^)]*\));color:(#[0-9a-f]+)"[^>]*>([^<]*)</td>', html)


def test_diverging_colours_are_centred_on_zero_and_numbers_are_written():
    html = tables.matrices_html([(np.array([[-2.0, 0.0, 2.0], [1.0, -1.0, 0.5]]), "k", False)])
    shown = cells(html)
    assert [text for _, _, text in shown] == ["-2", "0", "2", "1", "-1", "0.5"]
    assert shown[0][0] == "rgb(5, 48, 97)" and shown[2][0] == "rgb(103, 0, 31)"   # RdBu_r's two ends
    assert shown[1][0] == "rgb(247, 247, 247)"                                       # zero: the middle
    assert shown[0][1] == "#fff" and shown[1][1] == "#000"     # light ink on dark cells, dark on light


def test_sequential_panels_run_from_black_to_white_and_holes_stay_blank():
    html = tables.matrices_html([(np.array([[0.2, np.nan], [0.6, 1.0]]), "window", True)])
    shown = cells(html)
    assert [background for background, _, _ in shown][::2] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert html.count('class="nan"') == 1 and len(shown) == 3


def test_titles_are_escaped_and_large_matrices_show_colours_only():
    html = tables.matrices_html([(np.ones((25, 25)), "<b>big</b>", False)], max_text_side=20)
    assert "&lt;b&gt;big&lt;/b&gt;" in html and "<b>big" not in html
    assert len(cells(html)) == 625 and all(text == "" for _, _, text in cells(html))
    assert 'title="row 24, col 24: 1"' in html


def test_several_panels_side_by_side():
    html = tables.matrices_html([(np.eye(3), "a", False), (np.eye(3), "b", True), (np.eye(3), "c", False)])
    assert html.count("<table") == 3 and html.count("<figcaption>") == 3


def test_matrices_over_nine_cells_wide_show_colours_only_by_default():
    assert all(text for _, _, text in cells(tables.matrices_html([(np.full((9, 9), 0.5), "k", False)])))
    assert not any(text for _, _, text in cells(tables.matrices_html([(np.full((9, 10), 0.5), "k", False)])))


def test_a_window_of_one_grey_level_shows_that_grey():
    white, black = np.ones((3, 3)), np.zeros((3, 3))
    assert {b for b, _, _ in cells(tables.matrices_html([(white, "w", True)]))} == {"rgb(255, 255, 255)"}
    assert {b for b, _, _ in cells(tables.matrices_html([(black, "b", True)]))} == {"rgb(0, 0, 0)"}
    heatmap = heatmaps.matrix_figure(np.full((2, 2), 0.5), sequential=True).data[0]
    assert (heatmap.zmin, heatmap.zmax) == (0.0, 1.0)


def test_every_cells_ink_follows_the_palettes_rule():
    """Black on a background of luma (BT.601) over 140, white otherwise."""
    values = np.random.default_rng(4).normal(size=(7, 7))
    for sequential in (False, True):
        for background, ink, _ in cells(tables.matrices_html([(values, "k", sequential)])):
            r, g, b = (int(v) for v in re.findall(r"\d+", background))
            assert ink == ("#000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#fff")
