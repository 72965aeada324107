"""Check yourself: questions the app draws and checks, with the worked solution and the mistake named."""
import streamlit as st

from explorer.ui import exercises as ex
from explorer.ui.shell import tr
from explorer.ui.sidebar import lead

st.title(tr("page.check_yourself.title"))
lead(tr("ex.intro"))

question = ex.controls()
answer_here = ex.question(question)
ex.answer(question, answer_here)
ex.score(question.kind)
