"""Entrypoint: ``streamlit run explorer/Home.py``. Sidebar, navigation, and the Home page."""
import sys
from pathlib import Path

# `streamlit run explorer/Home.py` puts explorer/ on sys.path, not the repo root
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from explorer import ops, ui  # noqa: E402
from explorer.ui import tr  # noqa: E402


def home() -> None:
    st.title(tr("home.title"))
    st.markdown(tr("home.intro"))
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(tr("home.pages"))
        for stem, icon in ui.PAGES:
            st.page_link(f"../pages/{stem}.py", label=tr(f"page.{stem}.title"), icon=icon)
            st.caption(tr(f"page.{stem}.blurb"))
    with right:
        st.subheader(tr("home.device"))
        st.info(tr("device.badge", device=ops.device_label(ops.pick_device())), icon=":material/memory:")
        st.caption(tr("home.device_note"))
        st.subheader(tr("home.start"))
        st.markdown(tr("home.start_steps"))


st.set_page_config(page_title="CNN Explorer", page_icon=":material/grid_on:", layout="wide")
ui.language_switch()
navigation = st.navigation(
    [st.Page(home, title=tr("home.nav"), icon=":material/home:", default=True)]
    + [st.Page(f"../pages/{stem}.py", title=tr(f"page.{stem}.title"), icon=icon) for stem, icon in ui.PAGES]
)
ui.image_source()
ui.device_badge()
navigation.run()
