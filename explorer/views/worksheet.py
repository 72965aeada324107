"""A worksheet as one printable HTML page (A4): the questions with room to write, then the answer key with the
worked solutions on a page of its own. Opened in a browser, it prints (or saves as PDF) as it is."""
from __future__ import annotations

import base64
import html
import re

import numpy as np

from explorer.exercises import Question
from explorer.exercises.answers import CHOICES
from explorer.i18n import t
from explorer.views.tables import matrices_html

SHEET_CSS = """<style>
@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 178mm; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 0 0 1.5mm; }
.who { margin: 3mm 0 6mm; } .who span { display: inline-block; min-width: 60mm; border-bottom: 1px solid #444; }
section { break-inside: avoid; page-break-inside: avoid; margin: 0 0 6mm; }
.space { height: 22mm; border: 1px dashed #999; border-radius: 2mm; margin-top: 2mm; }
.key { break-before: page; page-break-before: always; }
.pictures { display: flex; gap: 3mm; } .pictures figure { margin: 0; text-align: center; }
.pictures img { width: 40mm; height: 40mm; object-fit: cover; border: 1px solid #444; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
/* printers leave backgrounds out: the grids' numbers in black on white with ruled cells, whatever the screen shows */
.cnn-matrices td { background: none !important; color: #000 !important; border: 1px solid #777 !important; }
</style>"""


def inline(markdown: str) -> str:
    """Our strings' Markdown (``**bold**``, ```code```, a line break) as HTML, everything else escaped.

    Example:
        >>> inline("**2** < `3`")
        '<p><b>2</b> &lt; <code>3</code></p>'
    """
    text = html.escape(markdown, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"`(.+?)`", r"<code>\1</code>", text)
    return "<p>" + text.replace("  \n", "<br>").replace("\n\n", "</p><p>") + "</p>"


def _grids(q: Question, lang: str) -> str:
    if "input" not in q.params:
        return ""
    grids = [(np.array(q.params["input"]), t("ex.input", lang), True)]
    if "kernel" in q.params:
        grids.append((np.array(q.params["kernel"]), t("ex.kernel", lang), False))
    return matrices_html(grids, lang=lang)


def _pictures(pngs: list[bytes], lang: str) -> str:
    figures = "".join(f'<figure><img alt="{html.escape(t("ex.picture", lang, letter=letter))}" '
                      f'src="data:image/png;base64,{base64.b64encode(png).decode()}">'
                      f"<figcaption>{letter}</figcaption></figure>" for letter, png in zip(CHOICES, pngs))
    return f'<div class="pictures">{figures}</div>'


def sheet_html(questions: list[Question], lang: str, subtitle: str,
               pictures: dict[int, list[bytes]] | None = None) -> str:
    """The sheet in ``lang``; ``pictures``: the four PNGs of each which-kernel question, by its index."""
    pictures = pictures or {}
    parts = [f'<!doctype html><html lang="{"zh-Hans" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
             f"<title>{html.escape(t('ws.sheet_title', lang))}</title>{SHEET_CSS}</head><body>",
             f"<h1>{html.escape(t('ws.sheet_title', lang))}</h1><p>{html.escape(subtitle)}</p>",
             f'<p class="who">{html.escape(t("ws.name_line", lang))} <span>&nbsp;</span></p>']
    for number, q in enumerate(questions, start=1):
        parts.append(f"<section><h2>{html.escape(t('ws.question_n', lang, n=number))}</h2>{inline(q.prompt(lang))}"
                     f"{_grids(q, lang)}{_pictures(pictures[number - 1], lang) if number - 1 in pictures else ''}"
                     '<div class="space"></div></section>')
    parts.append(f'<div class="key"><h1>{html.escape(t("ws.key_title", lang))}</h1>')
    for number, q in enumerate(questions, start=1):
        heading = t("ws.key_line", lang, question=t("ws.question_n", lang, n=number), answer=q.answer_text())
        parts.append(f"<section><h2>{html.escape(heading)}</h2>{inline(q.solution(lang))}</section>")
    parts.append("</div></body></html>")
    return "".join(parts)
