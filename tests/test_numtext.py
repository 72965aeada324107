"""Numbers as text and text as numbers: one cell parser for kernels, grids and layer tables."""
import numpy as np
import pytest

from explorer import kernels, numtext, receptive
from explorer.network import layers


@pytest.mark.parametrize("cell, number", [("2", 2.0), ("-0.5", -0.5), ("1/9", 1 / 9), ("1e-2", 0.01), ("−3", -3.0),
                                          (" 4 ", 4.0), (np.float32(1.5), 1.5), (7, 7.0)])
def test_cells_that_are_numbers(cell, number):
    assert numtext.parse_number(cell) == pytest.approx(number)


@pytest.mark.parametrize("cell, words", [("", "empty"), (None, "empty"), (float("nan"), "empty"),
                                         ("two", "not a number"), ("1/0", "not a number"), ("inf", "finite")])
def test_cells_that_are_not_say_why(cell, words):
    with pytest.raises(numtext.CellError, match=words):
        numtext.parse_number(cell)


def test_the_same_parser_serves_kernels_layer_tables_and_networks():
    assert kernels.parse_kernel([["1/2", "−1"]]).tolist() == [[0.5, -1.0]]
    with pytest.raises(kernels.KernelError, match="Row 1, column 2"):
        kernels.parse_kernel([["1", "x"]])
    assert receptive.parse_layers([{"kernel": "3", "stride": 2.0, "dilation": 1, "padding": " 1 "}]) == [
        receptive.Layer(3, 2, 1, 1)]
    with pytest.raises(receptive.LayerError, match="Row 1, column “kernel”"):
        receptive.parse_layers([{"kernel": "1/2", "stride": 1, "dilation": 1, "padding": 0}])
    assert layers.build([{"type": "conv", "out": "4", "k": 3.0}, {"type": "flatten"}, {"type": "linear"}])
    assert layers.describe([{"type": "conv", "out": 2.5}]).error is not None


def test_sums_of_products_bracket_negatives_and_shorten_long_sums():
    assert numtext.sum_of_products(np.array([1, 2]), np.array([3, -1])) == "1×3 + 2×(-1) = 1"
    long = numtext.sum_of_products(np.ones(20), np.ones(20), max_terms=3)
    assert long == "1×1 + 1×1 + 1×1 + … (20) = 20"
