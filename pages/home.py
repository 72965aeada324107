"""Home: what a convolution is, what each page teaches, where it computes."""
import streamlit as st

from explorer import ops
from explorer.ui.shell import PAGES, lang, tr

st.title(tr("home.title"))
st.markdown(tr("home.intro"))
left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(tr("home.pages"))
    for stem, icon in PAGES:
        st.page_link(f"../pages/{stem}.py", label=tr(f"page.{stem}.title"), icon=icon)
        st.caption(tr(f"page.{stem}.blurb"))
with right:
    st.subheader(tr("home.device"))
    st.info(tr("device.badge", device=ops.device_label(ops.pick_device(), lang())), icon=":material/memory:")
    st.caption(tr("home.device_note"))
    st.subheader(tr("home.start"))
    st.markdown(tr("home.start_steps"))
