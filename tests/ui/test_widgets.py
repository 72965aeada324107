"""Widget values in links: codes, mapped back from old labels; user text made inert for Markdown and CSS."""
from explorer import i18n
from explorer.ui import shell, widgets


def test_codes_and_old_labels_decode_to_the_same_option():
    presets = ["sobel_magnitude", "gaussian_blur"]
    assert widgets.decode("gaussian_blur", presets, prefix="preset") == "gaussian_blur"
    assert widgets.decode("Gaussian blur", presets, prefix="preset") == "gaussian_blur"
    assert widgets.decode(i18n.t("preset.gaussian_blur", "zh"), presets, prefix="preset") == "gaussian_blur"
    assert widgets.decode("Gaussian", presets, prefix="preset") is None
    assert widgets.decode("255", [255, 1]) == 255 and widgets.decode("true", [True, False]) is True
    assert widgets.decode("简体中文", list(i18n.LANGUAGES), format_func=i18n.LANGUAGES.get) == "zh"


def test_file_names_cannot_format_a_caption():
    shown = shell.markdown_text("**bold**_[link](x):red[y]<b>$x$.png")
    assert "**" not in shown.replace("\\*", "") and "[" not in shown.replace("\\[", "")
    assert shown.count("\\") == 14 and shown.endswith(".png")


def test_translated_text_cannot_close_a_css_string():
    quoted = shell.css_string("Upload'}body{display:none}")
    assert quoted.startswith("'") and quoted.endswith("'") and "'" not in quoted[1:-1] and "}" not in quoted
