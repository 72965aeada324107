"""Every page in both languages: no English left on the Chinese UI, no Chinese on the English one."""

import pytest
from streamlit.testing.v1 import AppTest

from explorer import i18n
from explorer.ui.shell import PAGES
from tests.helpers import CJK, ENGLISH, HOME, shown_texts


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
