"""Shared links: every page opens the same view from its URL; values are codes, whatever the language.

Bad values fall back to the default with a notice; links made before the
values were codes (a translated label, a key ending in ``@en``) still open.
"""
import pytest

from explorer import i18n
from tests.helpers import CHANNELS, IM2COL, KERNEL_LAB, NETWORK, POOLING, SLIDING, TRANSPOSED, open_link, start


def kernel_lab_view(at, lang="en"):
    return (at.selectbox(key=f"kernel.preset@{lang}").value == "gaussian_blur" and at.toggle(key="kl.grey").value
            and at.number_input(key="conv.stride").value == 2
            and at.segmented_control(key="conv.padding_kind").value == "number")


@pytest.mark.parametrize("page, good, check", [
    (KERNEL_LAB, {"kernel.preset": "gaussian_blur", "conv.padding_kind": "number", "conv.stride": "2",
                  "kl.grey": "true"}, kernel_lab_view),
    (SLIDING, {"sw.mode": "max_pool", "sw.rows": "5"},
     lambda at: at.selectbox(key="sw.mode@en").value == "max_pool" and at.slider(key="sw.rows").value == 5),
    (POOLING, {"pool.k": "3", "pool.ceil": "true", "pool.zoom": "8"},
     lambda at: at.slider(key="pool.k").value == 3 and at.toggle(key="pool.ceil").value
     and at.select_slider(key="pool.zoom").value == 8),
    (TRANSPOSED, {"td.up_stride": "3", "td.exact": "false", "td.up_kernel": "box"},       # its first tab's
     lambda at: at.segmented_control(key="td.up_stride").value == 3 and not at.toggle(key="td.exact").value
     and at.selectbox(key="td.up_kernel@en").value == "box"),
    (CHANNELS, {"ch.bias": "0.5", "ch.w.R": "-0.5"},                                      # its first tab's
     lambda at: at.slider(key="ch.bias").value == 0.5 and at.slider(key="ch.w.R").value == -0.5),
    (IM2COL, {"ic.c": "3", "ic.k": "2"},
     lambda at: at.number_input(key="ic.c").value == 3 and at.number_input(key="ic.k").value == 2),
    (NETWORK, {"net.preset": "vgg_small", "net.epochs": "3", "net.optimizer": "sgd"},
     lambda at: at.selectbox(key="net.preset@en").value == "vgg_small"
     and at.number_input(key="net.epochs").value == 3 and at.segmented_control(key="net.optimizer").value == "sgd"),
])
def test_a_shared_link_opens_the_same_view_and_bad_values_fall_back(page, good, check):
    at = open_link(page, good)
    assert not at.exception and check(at)
    assert not at.toast
    bad = {key: "999" for key in good}
    at = open_link(page, bad)
    assert not at.exception
    assert "reset to their defaults" in at.toast[0].value
    assert not check(at)


def test_lang_zh_opens_the_chinese_ui():
    at = open_link(POOLING, {"lang": "zh", "pool.k": "3"})
    assert at.title[0].value == "池化" and at.slider(key="pool.k").value == 3
    assert not at.toast


def test_a_link_copied_from_the_chinese_ui_opens_the_same_view_in_english():
    at = start(KERNEL_LAB)
    at.segmented_control(key="lang").set_value("zh").run()
    at.selectbox(key="kernel.preset@zh").set_value("gaussian_blur").run()
    at.segmented_control(key="conv.padding_kind").set_value("number")
    at.number_input(key="conv.stride").set_value(2)
    at.toggle(key="kl.grey").set_value(True).run()
    # AppTest has no browser: the values of Streamlit-bound widgets (numbers, switches), which the browser
    # writes into the address bar itself, are added as it would write them (the browser test copies a real URL)
    copied = {**at.query_params, "conv.stride": "2", "kl.grey": "true"}
    assert copied["lang"] == "zh" and copied["kernel.preset"] == "gaussian_blur"
    assert not any(ch >= "\u3400" for value in copied.values() for ch in value)      # nothing translated in it
    chinese = open_link(KERNEL_LAB, copied)
    assert chinese.title[0].value == i18n.t("page.kernel_lab.title", "zh") and kernel_lab_view(chinese, "zh")
    english = open_link(KERNEL_LAB, {**copied, "lang": "en"})
    assert english.title[0].value == "Kernel Lab" and kernel_lab_view(english) and not english.toast


def test_a_link_made_before_grey_was_spelt_one_way_still_opens():
    at = open_link(KERNEL_LAB, {"kl.gray": "true"})
    assert at.toggle(key="kl.grey").value and not at.toast and "kl.gray" not in at.query_params


def test_old_links_with_translated_values_still_open():
    at = open_link(KERNEL_LAB, {"kernel.preset@en": "Gaussian blur", "conv.padding_kind": "Pixels",
                                "conv.stride": "2", "kl.grey": "true"})
    assert kernel_lab_view(at) and not at.toast
    assert at.query_params.get("kernel.preset") == "gaussian_blur" and "kernel.preset@en" not in at.query_params
    at = open_link(POOLING, {"lang": "简体中文", "pool.k": "3"})
    assert at.title[0].value == "池化" and at.query_params.get("lang") == "zh"
    at = open_link(SLIDING, {"sw.mode@zh": "最大池化"})
    assert at.selectbox(key="sw.mode@en").value == "max_pool"


def test_defaults_stay_out_of_the_url():
    at = open_link(KERNEL_LAB, {"kernel.preset": "gaussian_blur"})
    at.selectbox(key="kernel.preset@en").set_value("sobel_magnitude").run()
    assert "kernel.preset" not in at.query_params


def test_a_link_with_a_widgets_default_value_is_not_reported_as_ignored():
    """Streamlit drops ``present=false`` (the toggle's default) from the address bar: it was used, not refused."""
    at = open_link(KERNEL_LAB, {"present": "false", "lang": "en", "kl.grey": "false"})
    assert not at.exception and not at.toast
    at = open_link(KERNEL_LAB, {"present": "maybe"})
    assert "reset to their defaults" in at.toast[0].value
