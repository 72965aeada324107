"""Check yourself through AppTest, in both languages: a right answer, a wrong one (worked solution, mistake named),
one that cannot be read (how to write it, no solution, no score), a link that opens the same question, another
question, the score counting first answers, and the four pictures of a which-kernel question."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from explorer import exercises, i18n
from explorer.exercises import generate
from explorer.exercises.question import show

HOME = str(Path(__file__).resolve().parents[2] / "explorer" / "Home.py")
PAGE = "../pages/check_yourself.py"


def opened(lang: str = "en", **link) -> AppTest:
    at = AppTest.from_file(HOME, default_timeout=60)
    for key, value in {"lang": lang, **link}.items():
        at.query_params[key] = str(value)
    at.run()
    return at.switch_page(PAGE).run()


def answer(at: AppTest, text: str) -> AppTest:
    at.text_input[0].input(text)
    return next(b for b in at.button if b.label in (i18n.t("ex.check", "en"), i18n.t("ex.check", "zh"))).click().run()


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _with_mistake(kind: str, code: str, level: int = 2) -> tuple[int, object]:
    return next((seed, q) for seed in range(500) for q in [generate(kind, seed, level)] if code in q.mistakes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_right_wrong_and_unreadable_answers(lang):
    seed, q = _with_mistake("conv_output_size", "padding_once")
    at = opened(lang, **{"ex.kind": "conv_output_size", "ex.level": 2, "ex.seed": seed})
    assert not at.exception
    assert q.prompt(lang).split("**")[0] in texts(at)

    answer(at, "four by five")                              # not an answer: how to write one, nothing else
    assert [w.value for w in at.warning] == [i18n.t("ex.how.pair", lang)]
    assert not at.main.expander and q.solution(lang).split("`")[0] not in texts(at)

    answer(at, show(q.mistakes["padding_once"], "pair"))    # the mistake named, the worked solution shown
    assert [e.value for e in at.error] == [i18n.t("ex.wrong_because", lang,
                                                  why=i18n.t("ex.mistake.padding_once", lang))]
    assert q.solution(lang) in texts(at)

    answer(at, q.answer_text().replace(", ", "×"))          # written another way, still right
    assert [s.value for s in at.success] == [i18n.t("ex.right", lang)]
    assert [m.value for m in at.metric] == ["0 / 1", "0 / 1"]   # the first readable answer is what counts


def test_a_link_opens_the_same_question_in_a_new_session_and_another_question_changes_it():
    link = {"ex.kind": "transposed_value", "ex.level": 3, "ex.seed": 4242}
    first, second = opened(**link), opened(**link)
    q = generate("transposed_value", 4242, 3)
    assert q.prompt("en") in texts(first) and texts(first) == texts(second)
    assert [h.proto.body for h in first.get("html")] == [h.proto.body for h in second.get("html")]

    another = next(b for b in first.button if b.label == i18n.t("ex.another", "en"))
    another.click().run()
    shown = generate("transposed_value", first.number_input[0].value, 3)
    assert shown.params != q.params and shown.prompt("en") in texts(first)
    assert first.query_params["ex.seed"] == str(first.number_input[0].value)      # the link follows


def test_score_per_kind_and_for_all():
    at = opened(**{"ex.kind": "layer_params", "ex.seed": 1})
    answer(at, generate("layer_params", 1).answer_text())
    at.number_input[0].set_value(2).run()
    answer(at, "1")
    assert [m.value for m in at.metric] == ["1 / 2", "1 / 2"]
    at.selectbox[0].set_value("pool_output_size").run()
    assert [m.value for m in at.metric] == ["0 / 0", "1 / 2"] and not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_which_kernel_shows_four_pictures_and_reads_a_choice(lang):
    at = opened(lang, **{"ex.kind": "which_kernel", "ex.seed": 3})
    q = generate("which_kernel", 3)
    pictures = [node for node in at.main if getattr(node, "type", "") == "image"]
    assert len(pictures) == 4 and not at.exception
    assert [c.value for c in at.main.caption if c.value.endswith(tuple("ABCD"))] == [
        i18n.t("ex.picture", lang, letter=x) for x in "ABCD"]
    at.segmented_control(key="ex.answer.which_kernel.3.1").set_value("ABCD"[q.answer - 1])
    next(b for b in at.button if b.label == i18n.t("ex.check", lang)).click().run()
    assert [s.value for s in at.success] == [i18n.t("ex.right", lang)]
    assert i18n.t(f"preset.{q.params['asked']}", lang) in texts(at)


def test_a_concept_pages_panel_runs_only_when_open_and_checks_answers_there():
    at = AppTest.from_file(HOME, default_timeout=60).run()
    at.switch_page("../pages/pooling.py").run()
    q = generate("pool_output_size", 1)
    assert q.prompt("en") not in texts(at) and not at.text_input
    at.session_state["ex.panel.pooling"] = True                 # the reader opens "Check yourself"
    at.run()
    assert q.prompt("en") in texts(at) and not at.exception
    answer(at, q.answer_text())
    assert [s.value for s in at.success][-1] == i18n.t("ex.right", "en")
    at.switch_page(PAGE).run()                                  # scored with the rest
    assert [m.value for m in at.metric] == ["0 / 0", "1 / 1"]


def sheet(lang: str = "en", **link) -> AppTest:
    return opened(lang, **{"ex.mode": "worksheet", **link})


def prompts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("A ", "Compute", "Pooling", "**", "对", "计算"))]


def test_a_worksheet_link_gives_every_student_the_same_questions_in_order_or_each_their_own():
    link = {"ws.kinds": "conv_output_size,pool_value,receptive_field", "ws.count": "5", "ws.level": "2",
            "ws.seed": "314"}
    first, second = sheet(**link), sheet(**link)
    expected = exercises.worksheet(["conv_output_size", "pool_value", "receptive_field"], 5, 2, 314)
    assert [s.value for s in first.main.subheader] == [f"Question {n}" for n in range(1, 6)]
    assert all(q.prompt("en") in texts(first) for q in expected) and texts(first) == texts(second)
    own_a, own_b = sheet(**link, **{"ws.same": "false"}), sheet(**link, **{"ws.same": "false"})
    assert texts(own_a) != texts(own_b) and i18n.t("ws.own", "en") in " ".join(c.value for c in own_a.caption)


def test_answering_a_worksheet_counts_its_right_first_answers():
    at = sheet(**{"ws.kinds": "layer_params", "ws.count": "3", "ws.seed": "9"})
    questions = exercises.worksheet(["layer_params"], 3, 1, 9)
    at.text_input[0].input(questions[0].answer_text())
    at.text_input[1].input("0")
    for button in [b for b in at.button if b.label == i18n.t("ex.check", "en")][:2]:
        button.click().run()
    assert at.metric[0].value == "1 / 2" and not at.exception


def test_making_a_worksheet_gives_its_link_qr_code_and_printable_sheet_and_the_link_keeps_students_on_it():
    at = opened("zh", **{"ex.mode": "make", "ws.count": "4", "ws.seed": "77"})
    link = at.main.code[0].value
    assert "ex.mode=worksheet" in link and "ws.count=4" in link and "ws.seed=77" in link and "lang=zh" in link
    assert "hide=ex.mode" in link and [d.label for d in at.get("download_button")] == [i18n.t("ws.print", "zh")]
    student = opened(**dict(parse_qsl(urlsplit(link).query)))         # lang=zh is the link's
    keys = {w.key for kind in ("number_input", "segmented_control", "toggle") for w in getattr(student.main, kind)}
    assert not keys & {"ex.mode", "ws.count", "ws.seed", "ws.level", "ws.same"}        # nothing to switch away with
    assert len(student.text_input) == 4 and "第 1 题" in [s.value for s in student.main.subheader]


@pytest.mark.parametrize("raw", [{"ws.count": "0"}, {"ws.count": "31"}, {"ws.kinds": "conv_output_size,nope"},
                                 {"ws.level": "9"}, {"ws.seed": "-1"}])
def test_a_worksheet_link_with_a_value_its_widget_would_refuse_opens_the_default_and_says_so(raw):
    at = sheet(**raw)
    assert not at.exception and len(at.text_input) == 6
    assert list(raw)[0] in " ".join(t.value for t in at.toast)


def test_show_me_opens_the_page_with_the_questions_own_grid_or_settings():
    q = generate("conv_value", 8, 2)
    at = opened(**{"ex.kind": "conv_value", "ex.level": 2, "ex.seed": 8})
    answer(at, q.answer_text())
    next(b for b in at.button if b.label == i18n.t("ex.show_me", "en")).click().run()
    assert not at.exception and at.title[0].value == i18n.t("page.sliding_window.title", "en")
    first = at.code[0].value                     # step 1: the question's grid under its kernel, padded as asked
    pad = q.params["padding"][0]
    grid = np.pad(np.array(q.params["input"]), pad)
    kh, kw = np.array(q.params["kernel"]).shape
    products = [f"{int(v)}×{k}" if k >= 0 else f"{int(v)}×({k})"
                for v, k in zip(grid[:kh, :kw].ravel(), np.array(q.params["kernel"]).ravel())]
    assert " + ".join(products) in first

    seed, p = next((seed, p) for seed in range(100) for p in [generate("pool_output_size", seed, 2)]
                   if len(set(p.params["stride"])) == len(set(p.params["padding"])) == 1)
    at = opened(**{"ex.kind": "pool_output_size", "ex.level": 2, "ex.seed": seed})
    answer(at, p.answer_text())
    next(b for b in at.button if b.label == i18n.t("ex.show_me", "en")).click().run()
    assert at.title[0].value == i18n.t("page.pooling.title", "en") and not at.exception
    assert at.slider(key="pool.k").value == p.params["kernel_size"][0]
    assert at.number_input(key="pool.padding").value == p.params["padding"][0]


def test_show_me_says_so_when_no_page_takes_the_settings():
    seed, q = next((seed, q) for seed in range(200) for q in [generate("conv_output_size", seed, 3)]
                   if q.params["stride"][0] != q.params["stride"][1])
    at = opened(**{"ex.kind": "conv_output_size", "ex.level": 3, "ex.seed": seed})
    answer(at, q.answer_text())
    next(b for b in at.button if b.label == i18n.t("ex.show_me", "en")).click().run()
    assert at.title[0].value == i18n.t("page.check_yourself.title", "en")
    assert [i.value for i in at.info] == [i18n.t("ex.show_me_not", "en")]
