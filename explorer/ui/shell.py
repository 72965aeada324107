"""What every page shares: the page registry, the language, messages, escaping, and shared-link bookkeeping.

The only Streamlit code is in ``explorer/ui/``, ``Home.py`` and ``pages/``.
Keys in the session and values in the URL are codes (``lang=zh``,
``kernel.preset=gaussian_blur``); labels are translated only when drawn.
"""
from __future__ import annotations

import functools
import os
import re
import time

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from explorer import i18n
from explorer.i18n import markdown_text  # noqa: F401  (pages and ui escape user text with shell.markdown_text)
from explorer.ui.state import shared

# (page file stem, icon); titles and blurbs are i18n keys page.<stem>.title / .blurb
PROJECTOR_FONT = {"size": 16}   # a figure's default text in presentation mode (Plotly's 12 px is unreadable there)
PAGES = [("kernel_lab", ":material/blur_on:"), ("sliding_window", ":material/animation:"),
         ("pooling", ":material/grid_view:"), ("transposed_dilated", ":material/open_in_full:"),
         ("channels", ":material/layers:"), ("im2col", ":material/table_view:"), ("network", ":material/hub:"),
         ("check_yourself", ":material/quiz:")]


def lang() -> str:
    """The language chosen in the sidebar (``en`` until one is chosen)."""
    return st.session_state.get(shared.LANG, shared.DEFAULTS[shared.LANG])


def tr(key: str, **params) -> str:
    """``i18n.t`` in the current language."""
    return i18n.t(key, lang(), **params)


def labels(prefix: str):
    """A ``format_func`` showing option ``v`` as the string ``prefix.v``.

    The language is bound now: Streamlit may call a format_func outside the
    script run, where the session's language cannot be read.
    """
    current = lang()
    return lambda value: i18n.t(f"{prefix}.{value}", current)


def plain_text(markdown: str) -> str:
    """Markdown's words without its marks, for a text alternative (``alt``).

    Example:
        >>> plain_text("Output of **Sobel**, [its sum ↓](#inspect)")
        'Output of Sobel, its sum ↓'
    """
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown).replace("**", "").replace("`", "").replace("\\", "")


def css_string(text: str) -> str:
    """Text as a quoted CSS string, every character that is not a letter or digit escaped.

    Example:
        >>> css_string("上传'}")
        "'上传\\\\27 \\\\7d '"
    """
    return "'" + "".join(ch if ch.isalnum() else f"\\{ord(ch):x} " for ch in text) + "'"


def note_ignored(setting: str) -> None:
    """Remember a link setting (``key=value``) that could not be used, for :func:`report_ignored_settings`."""
    st.session_state.setdefault(shared.IGNORED, []).append(setting)


def report_ignored_settings() -> None:
    """A short notice for settings in a shared link that could not be used (once per run).

    The widget helpers note a value their widget could not hold (``links.read``);
    called at the end of the run, and by :func:`show_error`, since a page stops
    right after showing an error.
    """
    ignored = list(dict.fromkeys(st.session_state.pop(shared.IGNORED, [])))
    if ignored:   # the values come from the URL: anybody's text
        st.toast(tr("share.ignored", settings=markdown_text(", ".join(ignored[:4]))), icon=":material/link_off:")


def gap(value: float) -> str:
    """A largest difference as a reader takes it: ``0`` when there is none, float32's rounding named as such
    (a bare "4.8e-07" where a reader expects 0 reads as an error), otherwise two digits."""
    if value == 0:
        return "0"
    if value < 1e-4:
        return tr("num.rounding", gap=f"{value:.1g}")
    return f"{value:.2g}"


def presenting() -> bool:
    """Presentation mode, from the sidebar toggle or a link (``present=true``)."""
    if shared.PRESENT in st.session_state:
        return bool(st.session_state[shared.PRESENT])
    return st.query_params.get(shared.PRESENT, "").lower() == "true"


def stop() -> None:
    """``st.stop()``, after telling about any unusable link settings (nothing runs after a stop)."""
    report_ignored_settings()
    st.stop()


def show_error(err: i18n.LocalizedError, where=st) -> None:
    """An error from the core, in the user's language."""
    report_ignored_settings()
    where.error(err.text(lang()), icon=":material/error:")


def forget(*keys: str) -> None:
    """Drop session keys (a widget's state included), e.g. to reset an editor to its defaults."""
    for key in keys:
        st.session_state.pop(key, None)


def log_run(started: float) -> None:
    """Note how long a script run took, from ``started`` (``time.perf_counter``), in ``EXPLORER_RUN_LOG`` if set:
    ``benchmarks/load_test.py`` and ``page_times.py`` read the server's own time per interaction there."""
    if os.environ.get("EXPLORER_RUN_LOG"):
        with open(os.environ["EXPLORER_RUN_LOG"], "a") as log:
            log.write(f"{time.perf_counter() - started:.4f}\n")


def tabs(names: list[str], key: str, where=st) -> dict:
    """Tabs of which only the open one runs: ``{name: tab}`` for the i18n keys ``names``; draw into a tab only
    when ``tab.open`` (a click on another reruns the page). A tab's value is its translated label; the code of the
    open one is kept beside it, so that a language switch keeps the same tab open."""
    shown = {name: tr(name) for name in names}
    code = shared.open_tab(key)
    if st.session_state.get(key) not in shown.values() and st.session_state.get(code) in shown:
        st.session_state[key] = shown[st.session_state[code]]          # the same tab, in the new language
    drawn = dict(zip(names, where.tabs(list(shown.values()), key=key, on_change="rerun")))
    st.session_state[code] = next((name for name, tab in drawn.items() if tab.open), names[0])
    return drawn


def draw_open(drawn: dict, parts: dict) -> None:
    """Run the part of the tab that is open, in it: ``drawn`` from :func:`tabs`, ``parts`` ``{name: callable}``."""
    for name, tab in drawn.items():
        if tab.open:
            with tab:
                parts[name]()


def panel(render):
    """``render`` as a part of the page that reruns alone when one of its own widgets changes (``st.fragment``):
    a tab's slider redraws that tab, not the others (Transposed & Dilated took 100 ms a change). Whatever it
    draws from outside comes in as arguments, which a rerun of the part alone reuses. (A widget that another part
    of the page also reads belongs to the whole page, not to a part: tabs that run only while open have none.)"""
    @functools.wraps(render)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        context = get_script_run_ctx()
        try:
            return render(*args, **kwargs)
        finally:
            if context is not None and bool(context.fragment_ids_this_run):       # a run of the part alone
                log_run(started)
    return st.fragment(timed)
