"""A live class through AppTest, in both languages: a teacher session starts a class, two student sessions join with
its link and answer (one right, one with a named mistake), and the teacher's board counts both; a wrong key, an
unknown code and too many tries are refused; the CSV export makes a formula-looking nickname inert."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from explorer import exercises, i18n
from explorer.exercises.question import show
from explorer.ui import caches, live

HOME = str(Path(__file__).resolve().parents[2] / "explorer" / "Home.py")
PAGE = "../pages/check_yourself.py"
SHEET = {"ws.kinds": "conv_output_size", "ws.count": "2", "ws.level": "2", "ws.seed": "11"}


@pytest.fixture(autouse=True)
def class_store(tmp_path, monkeypatch):
    """Each test's own store: an SQLite file in its temporary folder (the app keeps one store per process)."""
    monkeypatch.setenv("CNN_EXPLORER_DB_URL", f"sqlite:///{tmp_path / 'classes.sqlite3'}")
    caches.class_store.clear()
    yield
    caches.class_store.clear()


def session(link: dict) -> AppTest:
    at = AppTest.from_file(HOME, default_timeout=60)
    for key, value in link.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(PAGE).run()


def click(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def from_link(address: str) -> dict:
    return dict(parse_qsl(urlsplit(address).query))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_teacher_starts_a_class_two_students_answer_and_the_board_counts_both(lang):
    teacher = session({"lang": lang, "ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", lang))
    join, board = (c.value for c in teacher.main.code[:2])
    assert "ex.mode=class" in join and "class=" in join and "key=" not in join and "ws.count" not in join
    assert "key=" in board and not teacher.exception

    first, second = exercises.worksheet(["conv_output_size"], 2, 2, 11)
    wrong = next(iter(first.mistakes.items()))
    for nickname, text in (("Ada", first.answer_text()), ("=HYPERLINK(1)", show(wrong[1], "pair"))):
        student = session(from_link(join))
        student.text_input[1].input(nickname)
        click(student, i18n.t("live.join", lang))
        assert not student.exception and len(student.text_input) == 2          # the two questions
        student.text_input[0].input(text)
        click(student, i18n.t("ex.check", lang))
        assert not student.exception

    shown = session(from_link(board))
    metrics = {m.label: m.value for m in shown.metric}
    assert metrics[i18n.t("live.joined", lang)] == "2" and metrics[i18n.t("live.answers", lang)] == "2"
    text = "\n".join(m.value for m in shown.main.markdown) + "\n".join(c.value for c in shown.main.caption)
    assert i18n.t("live.question_line", lang, n=1, kind=i18n.t("ex.kind.conv_output_size", lang), answered=2,
                  right=1) in text
    assert i18n.t("live.mistake_count", lang, count=1, why=i18n.t(f"ex.mistake.{wrong[0]}", lang)) in text
    assert [d.proto.label for d in shown.get("download_button")] == [i18n.t("live.export", lang)]
    # the export as the button builds it (here outside a page run: in English)
    rows = list(csv.reader(io.StringIO(live.csv_of(
        caches.class_store().board(from_link(board)["class"], from_link(board)["key"])["rows"]))))
    assert rows[0][0] == i18n.t("live.csv.nickname", "en")
    assert [r[0] for r in rows[1:]] == ["Ada", "'=HYPERLINK(1)"]                 # not a formula in a spreadsheet
    assert rows[2][3:5] == [i18n.t("live.csv.no", "en"), i18n.t(f"ex.mistake.{wrong[0]}", "en")]   # named


def test_a_board_link_with_a_wrong_key_shows_nothing_of_the_class():
    teacher = session({"ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", "en"))
    link = from_link(teacher.main.code[1].value)
    shown = session({**link, "key": link["key"][::-1]})
    assert [e.value for e in shown.error] == [i18n.t("live.wrong_key", "en")] and not shown.metric


def test_an_unknown_code_is_told_and_tries_are_limited():
    student = session({"ex.mode": "class"})
    for _ in range(live.JOINS_PER_MINUTE):
        student.text_input[0].input("ZZ ZZ ZZ")
        click(student, i18n.t("live.join", "en"))
        assert "ZZZZZZ" in student.error[0].value and not student.exception
    click(student, i18n.t("live.join", "en"))
    assert [w.value for w in student.warning] == [i18n.t("live.slow_down", "en")]


def test_a_class_ended_from_its_board_is_over_for_the_teachers_session_too():
    teacher = session({"ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", "en"))
    link = from_link(teacher.main.code[1].value)
    caches.class_store().end_class(link["class"], link["key"])
    teacher.run()
    assert [i.value for i in teacher.info] == [i18n.t("live.ended", "en")] and not teacher.exception


def test_the_board_says_it_is_behind_when_the_store_cannot_be_reached(monkeypatch):
    from sqlalchemy.exc import OperationalError

    teacher = session({"ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", "en"))
    board = session(from_link(teacher.main.code[1].value))
    assert not board.warning

    def unreachable(*_):
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(type(caches.class_store()), "board", unreachable)
    board.run()
    assert [w.value for w in board.warning] == [i18n.t("live.board_behind", "en")]
    assert board.metric[0].value == "0" and not board.exception            # the last board, still shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_question_at_a_time_the_teacher_pauses_and_moves_on(lang):
    teacher = session({"lang": lang, "ex.mode": "teach", "live.pace": "paced", **SHEET})
    click(teacher, i18n.t("live.start", lang))
    join = teacher.main.code[0].value
    heading = [h.value for h in teacher.main.subheader]
    assert i18n.t("live.now", lang, n=1, of=2) + " · " + i18n.t("live.taking", lang) in heading

    first, second = exercises.worksheet(["conv_output_size"], 2, 2, 11)
    ada = session(from_link(join))
    click(ada, i18n.t("live.join", lang))
    assert len(ada.text_input) == 1 and i18n.t("live.student_now", lang, n=1, of=2, right=0, answered=0) in [
        c.value for c in ada.caption]                                     # only the question asked
    ada.text_input[0].input(first.answer_text())
    click(ada, i18n.t("ex.check", lang))

    click(teacher, i18n.t("live.pause", lang))
    assert i18n.t("live.now", lang, n=1, of=2) + " · " + i18n.t("live.paused_short", lang) in [
        h.value for h in teacher.main.subheader]
    bo = session(from_link(join))
    click(bo, i18n.t("live.join", lang))
    assert [i.value for i in bo.info] == [i18n.t("live.paused", lang)]
    bo.text_input[0].input(first.answer_text())
    click(bo, i18n.t("ex.check", lang))
    assert i18n.t("err.classroom_closed", lang) in [w.value for w in bo.warning] and not bo.exception

    click(teacher, i18n.t("live.next", lang))
    for student, text in ((ada, show(next(iter(second.mistakes.values())), "pair")), (bo, second.answer_text())):
        student.run()                                 # what the page's follower does when the teacher moves on
        assert i18n.t("live.now", lang, n=2, of=2) not in [h.value for h in student.subheader]
        assert [i.value for i in student.info] == [i18n.t("live.moved_on", lang, n=2)]     # told, not paused
        assert len(student.text_input) == 1 and i18n.t("ws.question_n", lang, n=2) in [
            h.value for h in student.subheader]
        student.text_input[0].input(text)
        click(student, i18n.t("ex.check", lang))
    teacher.run()
    assert next(b for b in teacher.button if b.label == i18n.t("live.next", lang)).disabled   # the last one
    text = "\n".join(m.value for m in teacher.main.markdown)
    assert i18n.t("live.question_line", lang, n=1, kind=i18n.t("ex.kind.conv_output_size", lang), answered=1,
                  right=1) in text                                  # Bo's answer while paused did not count
    metrics = {m.label: m.value for m in teacher.metric}
    assert metrics[i18n.t("live.answered_now", lang)] == "2 / 2"           # the question asked now, beside it
    assert i18n.t("live.mistake_count", lang, count=1, why=i18n.t(f"ex.mistake.{next(iter(second.mistakes))}",
                                                                  lang)) in [c.value for c in teacher.main.caption]


def test_a_student_whose_page_is_reloaded_comes_back_with_their_answers():
    teacher = session({"ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", "en"))
    join, board = (from_link(c.value) for c in teacher.main.code[:2])
    first, _ = exercises.worksheet(["conv_output_size"], 2, 2, 11)
    ada = session(join)
    ada.text_input[1].input("Ada")
    click(ada, i18n.t("live.join", "en"))
    me = ada.query_params["me"]
    assert me and "me" not in join                               # in the student's own address only
    ada.text_input[0].input(first.answer_text())
    click(ada, i18n.t("ex.check", "en"))

    again = session({**join, "me": me})                          # a new session: the page was reloaded
    assert [t.label for t in again.text_input] == [i18n.t("ex.your_answer", "en")] * 2   # no join form: the sheet
    assert again.text_input[0].value == first.answer_text() and i18n.t("ex.right", "en") in again.success[0].value
    shown = caches.class_store().board(board["class"], board["key"])
    assert shown["students"] == 1 and shown["questions"][f"1 {first.kind}"]["answered"] == 1     # not sent twice

    stranger = session({**join, "me": "0" * 24})                 # not a student of this class: joins as anyone
    assert [t.label for t in stranger.text_input] == [i18n.t("live.code_box", "en"), i18n.t("live.nickname", "en")]
    assert "me" not in stranger.query_params and not stranger.exception


def test_own_numbers_for_each_student_count_by_place_and_keep_the_answers_apart():
    teacher = session({"ex.mode": "teach", **SHEET, "ws.same": "false"})
    click(teacher, i18n.t("live.start", "en"))
    join, board = (from_link(c.value) for c in teacher.main.code[:2])
    prompts = []
    for nickname in ("Ada", "Bo"):
        student = session(join)
        student.text_input[1].input(nickname)
        click(student, i18n.t("live.join", "en"))
        prompts.append([m.value for m in student.main.markdown if "?" in m.value][0])
        student.text_input[0].input("1, 1")
        click(student, i18n.t("ex.check", "en"))
    assert prompts[0] != prompts[1]                              # each their own numbers
    shown = session(board)
    assert i18n.t("live.question_line", "en", n=1, kind=i18n.t("ex.kind.conv_output_size", "en"), answered=2,
                  right=0) in "\n".join(m.value for m in shown.main.markdown)
    assert not [c for c in shown.main.caption if c.value.startswith(i18n.t("live.spread", "en", spread=""))]


def test_a_link_shared_from_a_board_carries_no_teacher_key():
    from explorer.ui.state import exercises as state

    teacher = session({"ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", "en"))
    board = from_link(teacher.main.code[1].value)
    shown = session(board)
    shown.session_state["share.open"] = True                    # the sidebar's Share this view, opened
    shown.run()
    address = next(c.value for c in shown.sidebar.code)
    assert "ex.mode=board" in address and board["key"] not in address and set(state.PRIVATE) == {"key", "me"}


def test_a_student_checks_one_question_a_few_times_a_minute_at_most():
    teacher = session({"ex.mode": "teach", **SHEET})
    click(teacher, i18n.t("live.start", "en"))
    student = session(from_link(teacher.main.code[0].value))
    click(student, i18n.t("live.join", "en"))
    for n in range(live.CHECKS_PER_MINUTE):
        student.text_input[0].input(f"{n}, {n}")
        click(student, i18n.t("ex.check", "en"))
        assert not student.warning
    student.text_input[0].input("9, 9")
    click(student, i18n.t("ex.check", "en"))
    assert [w.value for w in student.warning] == [i18n.t("ex.slow_down", "en")]
    tries = next(iter(student.session_state["ex.attempts"].values()))
    assert [typed for typed, _ in tries] == [f"{n}, {n}" for n in range(live.CHECKS_PER_MINUTE)]   # not checked


def test_a_sheet_without_kinds_starts_no_class_and_a_second_end_is_calm():
    teacher = session({"ex.mode": "teach", **SHEET, "ws.kinds": ""})
    click(teacher, i18n.t("live.start", "en"))
    assert [e.value for e in teacher.error] == [i18n.t("err.ex_no_kinds", "en")] and not teacher.exception
    assert not teacher.main.code                                          # no class, no links

    teacher = session({"ex.mode": "teach", **SHEET, "live.pace": "paced"})
    click(teacher, i18n.t("live.start", "en"))
    board = session(from_link(teacher.main.code[1].value))
    click(board, i18n.t("live.end", "en"))                                # ended on the board…
    assert [i.value for i in board.info] == [i18n.t("live.ended", "en")] and not board.exception
    click(teacher, i18n.t("live.next", "en"))                             # …then Next on the teacher's stale page
    assert i18n.t("live.ended", "en") in [i.value for i in teacher.info] and not teacher.exception


def test_the_spread_of_grid_answers_stays_on_one_line():
    assert live._one_line("1 2\n\n   3    4\n") == "1 2 / 3 4"
    assert live._one_line("1. 2\n\n1. 2") == "1. 2 / 1. 2"        # no blank line left to start a Markdown list
