"""The printable worksheet: every question in order with room to write, the answer key on a page of its own, in
the sheet's language, our Markdown as HTML and nothing else let through."""
from __future__ import annotations

import html

from explorer import exercises
from explorer.views.worksheet import inline, sheet_html


def test_the_sheet_holds_each_question_then_the_key_with_worked_solutions():
    questions = exercises.worksheet(["conv_value", "layer_params", "which_kernel"], 4, 2, 5)
    pngs = {2: [b"\x89PNG-a", b"\x89PNG-b", b"\x89PNG-c", b"\x89PNG-d"]}
    page = sheet_html(questions, "en", "4 questions, level 2.", pngs)
    key = page.index('<div class="key">')
    places = [page.index(inline(q.prompt("en"))) for q in questions]
    assert places == sorted(places) and places[-1] < key
    assert page.count('class="space"') == 4 and page.count("<table") == 2 * 2      # input and kernel, twice
    assert page.count("data:image/png;base64,") == 4 and "break-before: page" in page and "size: A4" in page
    for q in questions:
        assert page.index(inline(q.solution("en")), key) > key
        assert f": {html.escape(q.answer_text())}</h2>" in page[key:]


def test_the_chinese_sheet_is_chinese_and_names_its_language():
    questions = exercises.worksheet(["pool_output_size"], 2, 1, 3)
    page = sheet_html(questions, "zh", "共 2 道题")
    assert 'lang="zh-Hans"' in page and "第 1 题" in page and "答案与解答过程" in page and "Noto Sans CJK SC" in page


def test_only_our_markdown_becomes_html():
    assert inline("**3** × `4` <script>") == "<p><b>3</b> × <code>4</code> &lt;script&gt;</p>"
    assert inline("a  \nb\n\nc") == "<p>a<br>b</p><p>c</p>"
    assert "&lt;b&gt;" in sheet_html([], "en", "<b>")
