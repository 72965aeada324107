"""Check yourself: questions the app draws and checks, with the worked solution and the mistake named."""
import streamlit as st

from explorer.ui import exercises as ex
from explorer.ui import live
from explorer.ui import worksheets as ws
from explorer.ui.shell import tr
from explorer.ui.sidebar import lead

st.title(tr("page.check_yourself.title"))
intro = st.container()

mode = ws.mode()
if mode == "practice":             # how practice goes; a sheet and a class say their own
    with intro:
        lead(tr("ex.intro"))
if mode == "worksheet":            # a student's: the sheet's settings are the link's, folded away
    ws.answer_sheet(ws.spec(st.expander(tr("ws.settings"), icon=":material/tune:")))
elif mode == "make":               # the teacher's: the link and its QR code above the settings that make it
    made = st.container()
    ws.make(ws.spec(st.container(border=True)), made)
elif mode == "teach":              # a live class: started from a sheet's settings
    started = st.container()
    live.start(ws.spec(st.container(border=True)), started)
elif mode == "class":              # a student in a live class
    if joined := live.join():
        live.answer(joined)
elif mode == "board":              # the teacher's board (its link holds the class code and the teacher key)
    live.board()
else:
    question = ex.controls()
    ex.answer(question, ex.question(question))
    ex.score(question.kind)
