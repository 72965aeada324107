"""The examples in the core modules' docstrings run and print what they say."""
import doctest
import importlib
from pathlib import Path

import pytest

MODULES = ["ops", "kernels", "imaging", "figures", "sliding", "i18n", "pooling", "transposed", "receptive", "channels",
           "im2col", "lenet"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[1])   # examples read assets/
    result = doctest.testmod(importlib.import_module(f"explorer.{name}"))
    assert result.attempted > 0 and result.failed == 0
