"""Every page in both languages: no English left on the Chinese UI, no Chinese on the English one."""
import re

import pytest
from streamlit.testing.v1 import AppTest

from explorer import i18n
from explorer.ui.shell import PAGES
from tests.helpers import HOME

CJK = re.compile(r"[\u3400-\u9fff]")
# English texts that must not show on the Chinese UI: every English string that the Chinese differs from
ENGLISH = sorted({entry["en"] for entry in i18n.STRINGS.values()
                  if entry.get("zh") and entry["zh"] != entry["en"] and len(entry["en"]) >= 8
                  and "{" not in entry["en"][:8]}, key=len, reverse=True)
LANGUAGE_SWITCH = {"Language · 语言", "简体中文"}
KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error", "metric",
         "button", "selectbox", "slider", "select_slider", "number_input", "toggle", "segmented_control", "pills",
         "tab", "expander", "download_button", "file_uploader")


def shown_texts(at: AppTest) -> list[str]:
    texts = []
    for kind in KINDS:
        for element in at.get(kind):
            for attribute in ("value", "label", "help", "placeholder"):
                value = getattr(element, attribute, None) if attribute != "value" or kind in (
                    "title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error",
                    "metric") else None
                if isinstance(value, str):
                    texts.append(value)
            options = getattr(element, "options", None)
            if options:
                texts.extend(str(o) for o in options)
    return [t for t in texts if t not in LANGUAGE_SWITCH]


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
