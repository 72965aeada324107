"""Share this view: the teacher ticks which of the page's settings students do not see and which they cannot
change, and gets the link (the page, its settings, ``hide=`` and ``lock=``) with its QR code for the projector."""
from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from explorer.ui import links
from explorer.ui.shell import tr
from explorer.ui.state import exercises, shared


def start_run() -> None:
    """Forget the settings the last run offered: this run's page offers its own (``widgets`` fills them)."""
    st.session_state[shared.OFFERED] = {}


def link(hide: list[str], lock: list[str], *, keep: bool = True, **settings: str) -> str:
    """This page's address with its settings as the address bar has them (``keep=False``: only the language),
    ``settings`` replacing some, and ``hide`` and ``lock``."""
    query = {key: st.query_params.get_all(key) for key in st.query_params     # a teacher's or student's key stays
             if key not in links.RULES and key not in exercises.PRIVATE and (keep or key == shared.LANG)}
    query.update(settings)
    query.update({rule: ",".join(names) for rule, names in ((shared.HIDE, hide), (shared.LOCK, lock)) if names})
    page = urlsplit(st.context.url or "/")
    address = f"{page.scheme}://{page.netloc}{page.path}" if page.netloc else page.path or "/"
    return address + ("?" + urlencode(query, doseq=True, safe=",") if query else "")


def qr_png(text: str) -> bytes:
    """``text`` as a QR code (segno: pure Python, no network), large enough to scan from the back of a room."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def panel() -> None:
    """At the foot of the sidebar, after the page has drawn its settings; its work runs only while it is open."""
    box = st.sidebar.expander(tr("share.title"), icon=":material/share:", key=shared.SHARE_OPEN, on_change="rerun")
    if not box.open:
        return
    offered = st.session_state.get(shared.OFFERED, {})
    # another page's settings are not this page's options; a setting is hidden or locked, not both
    hidden = [name for name in st.session_state.get(shared.SHARE_HIDE, []) if name in offered]
    st.session_state[shared.SHARE_HIDE] = hidden
    st.session_state[shared.SHARE_LOCK] = [name for name in st.session_state.get(shared.SHARE_LOCK, [])
                                           if name in offered and name not in hidden]
    with box:
        st.caption(tr("share.help"))
        hide = st.multiselect(tr("share.hide"), list(offered), key=shared.SHARE_HIDE, format_func=offered.get,
                              persist_state="session")
        lock = st.multiselect(tr("share.lock"), [k for k in offered if k not in hide], key=shared.SHARE_LOCK,
                              format_func=offered.get, persist_state="session")
        address = link(hide, lock)
        st.code(address, language=None, wrap_lines=True)
        st.image(qr_png(address), caption=tr("share.qr"), width="stretch")
