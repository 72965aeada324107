"""Every string exists in both languages with the same placeholders, and pages use them."""
import ast
import string
from pathlib import Path

import pytest

from explorer import display, i18n, kernels

ROOT = Path(__file__).resolve().parents[1]
UI_FILES = (sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "explorer" / "ui").rglob("*.py"))
            + [ROOT / "explorer" / "Home.py"])
SHOWING = {"title", "header", "subheader", "markdown", "caption", "write", "info", "warning", "error", "success",
           "button", "toggle", "checkbox", "slider", "selectbox", "radio", "number_input", "text_input",
           "download_button", "segmented_control", "file_uploader", "camera_input", "tabs", "expander",
           "page_link", "spinner", "text"}  # st.code shows formulas and code, not prose


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_both_languages_with_matching_placeholders(key):
    entry = i18n.STRINGS[key]
    assert set(entry) == set(i18n.LANGUAGES), key
    assert entry["en"].strip() and entry["zh"].strip()
    assert fields(entry["en"]) == fields(entry["zh"]), key


def test_every_preset_and_option_has_a_label():
    for name in kernels.PRESETS:
        assert f"preset.{name}" in i18n.STRINGS and f"preset.{name}.desc" in i18n.STRINGS
        for param in kernels.PRESETS[name].params:
            assert f"param.{param.name}" in i18n.STRINGS
    for mode in display.DISPLAY_MODES:
        assert f"display.{mode}" in i18n.STRINGS


def test_every_key_used_in_code_exists():
    used = set()
    for path in list((ROOT / "explorer").rglob("*.py")) + list((ROOT / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("tr", "t") or name.endswith("Error"):
                    if isinstance(node.args[0].value, str) and "." in node.args[0].value:
                        used.add(node.args[0].value)
    missing = sorted(k for k in used if k not in i18n.STRINGS)
    assert not missing
    assert len(used) > 50


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_pages_show_no_literal_text(path):
    """A string literal passed straight to a showing st.* call would bypass i18n."""
    offenders = []
    for node in ast.walk(ast.parse(path.read_text())):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHOWING
                and node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr))):
            value = node.args[0]
            # an f-string's literal parts must be free of words too: f"**{tr('x')}**" is fine
            text = value.value if isinstance(value, ast.Constant) else "".join(
                part.value for part in value.values if isinstance(part, ast.Constant))
            is_path = node.func.attr == "page_link"   # its first argument is the page file
            if isinstance(text, str) and any(ch.isalpha() for ch in text) and not is_path:
                offenders.append(f"line {node.lineno}: {node.func.attr}({text!r})")
    assert not offenders


def test_nested_errors_translate_as_a_whole():
    with pytest.raises(kernels.KernelError) as info:
        kernels.parse_kernel([["x"]])
    assert info.value.text("zh") == "第 1 行第 1 列：“x”不是数字（可以写 2、-0.5 或 1/9 这样的值）。"
