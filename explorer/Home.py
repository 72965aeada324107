"""Entrypoint: ``streamlit run explorer/Home.py``. Runs on every page: sidebar, then navigation."""
import sys
from pathlib import Path

# `streamlit run explorer/Home.py` puts explorer/ on sys.path, not the repo root
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import time  # noqa: E402

import streamlit as st  # noqa: E402

from explorer import ops  # noqa: E402
from explorer.ui import budget, caches, links, share, shell, sidebar, source  # noqa: E402
from explorer.ui.shell import tr  # noqa: E402

started = time.perf_counter()
# a shipped picture: a Material icon here made every session ask fonts.gstatic.com for the tab's icon
st.set_page_config(page_title="CNN Explorer", page_icon=str(ROOT / "assets" / "icon.png"), layout="wide",
                   initial_sidebar_state="collapsed" if shell.presenting() else "auto")
st.html(sidebar.PAGE_CSS)
share.start_run()
sidebar.language_switch()
sidebar.presentation_switch()
navigation = st.navigation(
    [st.Page("../pages/home.py", title=tr("home.nav"), icon=":material/home:", default=True)]
    + [st.Page(f"../pages/{stem}.py", title=tr(f"page.{stem}.title"), icon=icon) for stem, icon in shell.PAGES]
)
source.image_source(used_here=navigation.url_path != "network")     # the Network page has inputs of its own
sidebar.device_badge()
try:
    with ops.keep_images(caches.device_images()):     # the current image uploaded to a GPU once per session
        navigation.run()
finally:
    links.keep_rules()
    share.panel()
    shell.report_ignored_settings()
    source.let_go_of_old_uploads()
    budget.keep_within_share()
    caches.janitor().saw_a_run()
    shell.log_run(started)
