"""The examples in every module's docstrings run and print what they say."""
import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# every module under explorer/ (not the Streamlit entry point), by its import name
MODULES = sorted(".".join(path.relative_to(ROOT).with_suffix("").parts)
                 for path in (ROOT / "explorer").rglob("*.py") if path.name not in ("Home.py", "__main__.py"))
WITH_EXAMPLES = [name for name in MODULES if ">>>" in (ROOT / Path(*name.split("."))).with_suffix(".py").read_text()]


def test_the_core_modules_carry_examples():
    for name in ("explorer.ops", "explorer.geometry", "explorer.kernels", "explorer.numtext", "explorer.im2col",
                 "explorer.lessons.sliding", "explorer.network.layers", "explorer.views.tables"):
        assert name in WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name, monkeypatch):
    monkeypatch.chdir(ROOT)   # examples read assets/
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
