"""Every page in both languages: no English left on the Chinese UI, no Chinese on the English one."""

import pytest
from streamlit.testing.v1 import AppTest

from explorer import i18n
from explorer.ui.shell import PAGES
from tests.helpers import (
    CJK,
    ENGLISH,
    HOME,
    KERNEL_LAB,
    NETWORK,
    TRANSPOSED,
    open_tab,
    shown_texts,
    start,
    untranslated,
)


def visit(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(HOME, default_timeout=90)
    at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(f"../pages/{page}.py").run()
    assert not at.exception
    return at


@pytest.mark.parametrize("page", ["home"] + [stem for stem, _ in PAGES])
def test_chinese_pages_show_no_english_sentences(page):
    at = visit(page if page != "home" else None, "zh")
    leftovers = [text for text in shown_texts(at) for english in ENGLISH if english in text]
    assert not leftovers, leftovers[:5]


@pytest.mark.parametrize("page", ["home"] + [stem for stem, _ in PAGES])
def test_english_pages_show_no_chinese(page):
    at = visit(page if page != "home" else None, "en")
    leftovers = [text for text in shown_texts(at) if CJK.search(text)]
    assert not leftovers, leftovers[:5]


def test_the_check_would_notice_an_untranslated_string(monkeypatch):
    monkeypatch.setitem(i18n.STRINGS, "pool.intro", {"en": i18n.STRINGS["pool.intro"]["en"],
                                                     "zh": i18n.STRINGS["pool.intro"]["en"]})
    at = visit("pooling", "zh")
    assert any(i18n.STRINGS["pool.intro"]["en"] in text for text in shown_texts(at))


def test_the_lessons_added_this_round_speak_chinese_with_their_numbers():
    """Each lesson's zh sentence carries the same computed numbers as the English one."""
    from explorer.network import presets
    at = start(KERNEL_LAB)
    at.segmented_control(key="lang").set_value("zh").run()
    at.segmented_control(key="conv.padding_kind").set_value("valid").run()
    assert any("300 → 298 → 296 → … → 4 → 2" in c.value and "149 层之后" in c.value for c in at.caption)
    at = start(NETWORK)
    at.segmented_control(key="lang").set_value("zh").run()
    assert any("第一个全连接层在这里有 1,280 个权重，没有这次池化则会有 8,000 个" in m.value for m in at.markdown)
    at.selectbox(key="net.preset@zh").set_value("inception").run()
    notes_params = presets.facts("inception")["notes_params"]
    assert any(f"16 + 24 + 24 + 24 = 88 个通道，这里有 {notes_params} 个参数" in c.value for c in at.caption)
    at = start(TRANSPOSED)
    at.segmented_control(key="lang").set_value("zh").run()
    assert "最近邻插值" in " ".join(h.proto.body for h in at.get("html"))
    assert not untranslated(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_notes_word_lessons_are_on_their_pages(lang):
    """The lessons that are words, not numbers, said where their numbers are, in both languages."""
    from tests.helpers import CHANNELS
    said = {"en": ("food eaten at time τ", "depth column", "textures, then parts", "VGG-16 and VGG-19",
                   "mean 0 and variance 1, then scales and shifts it by its learned γ and β"),
            "zh": ("吃下的食物 f(τ)", "深度列", "组合成纹理，再组合成部件", "VGG-16 和 VGG-19",
                   "再用学到的 γ 和 β 缩放和平移")}[lang]
    texts = []
    for page, preset in ((KERNEL_LAB, None), (CHANNELS, None), (NETWORK, "vgg_small"), (NETWORK, "bn_net")):
        at = start(page)
        at.segmented_control(key="lang").set_value(lang).run()
        if preset:
            at.selectbox(key=f"net.preset@{lang}").set_value(preset).run()
        assert not at.exception
        texts.append(" ".join(shown_texts(at)))
        if page == CHANNELS:                # its tabs run only while open: each in turn
            for tab in ("ch.tab_many", "ch.tab_groups", "ch.tab_sharing"):
                texts.append(" ".join(shown_texts(open_tab(at, "ch.tabs", tab, lang))))
    everything = " ".join(texts)
    for words in said:
        assert words in everything, words
