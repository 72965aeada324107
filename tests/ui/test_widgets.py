"""Widget values in links: codes, mapped back from old labels; user text made inert for Markdown and CSS."""
from explorer import i18n
from explorer.ui import links, shell


def test_codes_and_old_labels_decode_to_the_same_option():
    presets = ["sobel_magnitude", "gaussian_blur"]
    preset = links.options(presets, prefix="preset")
    assert preset.parse("gaussian_blur") == "gaussian_blur" and preset.parse("Gaussian blur") == "gaussian_blur"
    assert preset.parse(i18n.t("preset.gaussian_blur", "zh")) == "gaussian_blur"
    assert preset.parse("Gaussian") is None
    assert links.options([255, 1]).parse("255") == 255 and links.options([True, False]).parse("true") is True
    assert links.options(list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get).parse("简体中文") == "zh"


def test_file_names_cannot_format_a_caption():
    shown = shell.markdown_text("**bold**_[link](x):red[y]<b>$x$.png")
    assert "**" not in shown.replace("\\*", "") and "[" not in shown.replace("\\[", "")
    assert shown.count("\\") == 14 and shown.endswith(".png")


def test_translated_text_cannot_close_a_css_string():
    quoted = shell.css_string("Upload'}body{display:none}")
    assert quoted.startswith("'") and quoted.endswith("'") and "'" not in quoted[1:-1] and "}" not in quoted
