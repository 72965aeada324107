"""Students without a browser, for the load test (benchmarks/load_test.py): the app driven by protocol.

Two kinds with one interface. Each call returns an :class:`Interaction` once the run it caused has finished:

- :class:`AgentStudent` speaks Streamlit's agent API (``POST /_stcore/agent/interact``; the server needs
  ``server.enableAgentApi``): JSON in, the finished page as JSON out. It cannot upload files.
- :class:`SocketStudent` speaks what a browser speaks: protobuf ``BackMsg``/``ForwardMsg`` on the websocket
  ``/_stcore/stream``, and an upload by ``PUT``, as the browser's file uploader sends it.

Widgets are named by their keys as the agent API names them (the author's ``key=``, e.g. ``kernel.preset@en``, else
the generated ``$$ID-…-None``) and take values as the agent API takes them: an option's label, a number, a bool.
Each student keeps one ``requests.Session``: the cookies of its first request (Streamlit's XSRF token, a proxy's
affinity cookie that keeps a student on one server process, see deploy/) go with every later request and with
the websocket.
"""
from __future__ import annotations

import hashlib
import json
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

import requests
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Common_pb2 import FileURLsRequest
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Markdown_pb2 import Markdown
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.exceptions import WebSocketException
from websockets.sync.client import connect
from websockets.typing import Origin, Subprotocol

TIMEOUT_S = 300.0
XSRF_COOKIE = "_streamlit_xsrf"
# a browser keeps a message it may be sent again by reference for this many script runs (global.maxCachedMessageAge)
CACHE_RUNS = 2
ERROR_TEXT = 300     # characters of an error kept in a record


class ClientError(Exception):
    """What the protocol did not allow: an unknown widget, a value it cannot send, a refused request."""


@dataclass(frozen=True)
class Interaction:
    """One thing a student did, timed from the request sent to the end of the run it caused.

    ``kind`` is ``open`` (a page), ``change`` (widget values), ``upload`` (a file) or ``press`` (a button).
    ``error`` is ``None`` when all went well, else what went wrong: an exception or an error message on the page,
    an HTTP or protocol error, a timeout. ``fingerprint`` is a hash of the results on the finished page (its
    images, figures, captions and code, in order): a new result gives a new fingerprint; the two kinds of student
    compute it from different encodings, so compare it only between interactions of one kind of student.
    ``began`` is when it was sent (``time.perf_counter``).
    """
    student: str
    kind: str
    what: str
    seconds: float
    error: str | None
    fingerprint: str
    began: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


class Student:
    """What both kinds share: the HTTP session, the clock, the record."""

    def __init__(self, url: str, name: str, timeout: float = TIMEOUT_S) -> None:
        self.url = url.rstrip("/")
        self.name = name
        self.timeout = timeout
        self.http = requests.Session()

    def _timed(self, kind: str, what: str, act) -> Interaction:
        """Run ``act()`` (which returns the page's error text or ``None``, and the fingerprint) and record it. A
        failed request or connection is the interaction's error: a load test counts failures, it does not stop."""
        start = time.perf_counter()
        try:
            error, fingerprint = act()
        except (ClientError, requests.RequestException, WebSocketException, OSError) as err:   # OSError: timeouts
            error, fingerprint = f"{type(err).__name__}: {err}", ""
        return Interaction(self.name, kind, what, time.perf_counter() - start,
                           error[:ERROR_TEXT] if error else None, fingerprint, start)

    def _first_visit(self) -> None:
        """``GET /_stcore/health``, as a browser's first request: it sets the XSRF cookie (and a proxy's)."""
        self.http.get(f"{self.url}/_stcore/health", timeout=self.timeout).raise_for_status()


def _fingerprint(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _describe(values: dict) -> str:
    return ", ".join(f"{key}={value}" for key, value in values.items())


# ------------------------------------------------------------------------------------------------ the agent API
AGENT_RESULTS = {"image", "plotly_chart", "caption", "code"}
AGENT_ERRORS = {"exception", "error"}


def _nodes(node: dict):
    yield node
    for child in node.get("children", ()):
        yield from _nodes(child)


class AgentStudent(Student):
    """A student driven through the agent API: each call is one request that returns the finished page."""

    def __init__(self, url: str, name: str, timeout: float = TIMEOUT_S) -> None:
        super().__init__(url, name, timeout)
        self.session_id: str | None = None
        self.snapshot: dict = {}        # the latest finished page: tree, actions

    def open(self, page: str, query: dict | None = None) -> Interaction:
        """Go to ``page`` (its ``url_path``, e.g. ``kernel_lab``), with ``query`` as the link's parameters if given;
        the first call opens the session there."""
        body = {"page": page} | ({"query_params": {k: [str(v)] for k, v in query.items()}} if query else {})
        return self._timed("open", page, lambda: self._interact(body))

    def set(self, values: dict) -> Interaction:
        """Set widgets on the current page (key → value, as the agent API takes them) in one rerun."""
        return self._timed("change", _describe(values), lambda: self._interact({"widget_state": values}))

    def press(self, label: str, values: dict | None = None) -> Interaction:
        """Press the button labelled ``label`` on the current page, with ``values`` set in the same rerun."""
        def act():
            key = self.key_for(label)
            if key is None:
                raise ClientError(f"no widget labelled {label!r} on the page")
            return self._interact({"widget_state": values or None, "trigger": {"key": key}})
        return self._timed("press", label + (f" ({_describe(values)})" if values else ""), act)

    def submit(self, form: str, values: dict, what: str = "") -> Interaction:
        """Fill the form keyed ``form`` (``values``: key → value) and press its submit button, in one rerun."""
        def act():
            key = next((a["key"] for a in self.snapshot.get("actions", ())
                        if a.get("type") == "form_submit_button" and a["key"].startswith(f"FormSubmitter:{form}-")),
                       None)
            if key is None:
                raise ClientError(f"no form {form!r} on the page")
            return self._interact({"widget_state": values, "trigger": {"key": key}})
        return self._timed("submit", what or form, act)

    def shown(self, kind: str) -> list[dict]:
        """The props of the current page's elements of one type (``code``, ``metric``, ``caption``, …), in order."""
        return [n.get("props", {}) for n in _nodes(self.snapshot.get("tree", {})) if n["type"] == kind]

    def key_for(self, label: str) -> str | None:
        """The key of the first widget on the current page labelled ``label`` (the reply's ``actions``)."""
        return next((a["key"] for a in self.snapshot.get("actions", ()) if a.get("label") == label), None)

    def captions(self) -> list[str]:
        """The texts of the ``st.caption`` elements on the current page, in order."""
        return [props.get("body", "") for props in self.shown("caption")]

    def close(self) -> None:
        self.http.close()       # the server drops an idle agent session itself (server.agentSessionTTL)

    def _interact(self, body: dict) -> tuple[str | None, str]:
        if self.session_id is None:
            self._first_visit()
        else:
            body = {"session_id": self.session_id, **body}
        deadline = time.monotonic() + self.timeout
        reply = self._post(body)
        while reply.status_code == 202:     # a run over server.agentWaitTimeout goes on: collect it
            if time.monotonic() > deadline:
                raise TimeoutError(f"no finished run after {self.timeout:g} s")
            self.session_id = reply.json()["session_id"]
            reply = self._post({"session_id": self.session_id})
        if reply.status_code != 200:
            try:
                error = reply.json()["error"]
                text = f"{error['code']}: {error['message']}"
            except (ValueError, KeyError, TypeError):      # not the API's answer (a proxy's error page)
                text = reply.text[:200]
            return f"HTTP {reply.status_code} {text}", ""
        self.snapshot = reply.json()
        self.session_id = self.snapshot["session_id"]
        nodes = list(_nodes(self.snapshot["tree"]))
        errors = [n["props"].get("message") or n["props"].get("body", "") for n in nodes if n["type"] in AGENT_ERRORS]
        results = [json.dumps([n["type"], n.get("props"), n.get("data")], sort_keys=True) for n in nodes
                   if n["type"] in AGENT_RESULTS]
        return "; ".join(errors) or None, _fingerprint(results)

    def _post(self, body: dict) -> requests.Response:
        return self.http.post(f"{self.url}/_stcore/agent/interact", json=body, timeout=self.timeout)


# ------------------------------------------------------------------------------------- the websocket protocol
class _Shown(NamedTuple):
    """An element on the page, with the script run that drew it and the fragment it belongs to ("" for none)."""
    element: Element
    run: str
    fragment: str


def _payload(element: Element):
    """What the element is: ``element.selectbox``, ``element.imgs``, …"""
    return getattr(element, element.WhichOneof("type"))


def _key_of(widget_id: str) -> str:
    """``$$ID-<hash>-kernel.preset@en`` → ``kernel.preset@en``; an unkeyed widget's ID is its key (``…-None``)."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" and parts[2] != "None" else widget_id


def _state(key: str, element: Element, value) -> WidgetState:
    """The value as a browser puts it on the wire for this kind of widget (Streamlit 1.67)."""
    kind, widget = element.WhichOneof("type"), _payload(element)
    state = WidgetState(id=widget.id)
    if kind == "selectbox":
        state.string_value = value
    elif kind == "button_group":            # segmented_control, pills
        state.string_array_value.data.append(value)
    elif kind == "number_input":
        state.double_value = value
    elif kind == "checkbox":                # checkbox, toggle
        state.bool_value = value
    elif kind == "slider" and widget.options:       # select_slider: option labels
        state.string_array_value.data.append(value)
    elif kind == "slider":
        state.double_array_value.data.append(value)
    else:
        raise ClientError(f"{key}: setting a {kind} is not supported here")
    return state


class SocketStudent(Student):
    """A student driven as a browser drives the app: one websocket session, uploads by ``PUT``.

    It keeps what a browser keeps: the page (each element by its delta path, with the run that drew it), the
    messages it may be sent again by reference (``ref_hash``), the URL's query string, and the values it has set,
    which it sends again on every rerun while their widget is on the page (the uploader's files included).
    """

    def __init__(self, url: str, name: str, timeout: float = TIMEOUT_S) -> None:
        super().__init__(url, name, timeout)
        self._exit = ExitStack()
        self._socket = None
        self.session_id = ""
        self._page = ""
        self._query = ""
        self._shown: dict[tuple[int, ...], _Shown] = {}
        self._cache: dict[str, tuple[ForwardMsg, int]] = {}     # hash → (message, the run count it was last seen)
        self._run = ""          # the script run in progress
        self._runs = 0
        self._states: dict[str, WidgetState] = {}               # by key

    def open(self, page: str) -> Interaction:
        """Go to ``page`` (its ``url_path``); the first call connects the session."""
        def act():
            if self._socket is None:
                self._connect()
            self._page, self._query = page, ""      # a link in the navigation carries no query string
            return self._rerun()
        return self._timed("open", page, act)

    def set(self, values: dict) -> Interaction:
        """Set widgets on the current page in one rerun: the fragment's alone when all are in one fragment."""
        def act():
            fragments = set()
            for key, value in values.items():
                shown = self._widget(key)
                self._states[key] = _state(key, shown.element, value)
                fragments.add(shown.fragment)
            return self._rerun(fragments.pop() if len(fragments) == 1 else "")
        return self._timed("change", _describe(values), act)

    def upload(self, name: str, data: bytes) -> Interaction:
        """Put a file in the page's (first) file uploader, as a browser does: ask for an upload URL, ``PUT`` the
        file there, rerun with the uploader's new state. Timed from the request for the URL to the finished run."""
        def act():
            key, uploader = next(((key, _payload(s.element)) for key, s in self._widgets().items()
                                  if s.element.WhichOneof("type") == "file_uploader"), (None, None))
            if key is None:
                raise ClientError("no file uploader on the page")
            request_id = uuid.uuid4().hex
            self._send(BackMsg(file_urls_request=FileURLsRequest(request_id=request_id, file_names=[name],
                                                                 session_id=self.session_id)))
            deadline = time.monotonic() + self.timeout
            while True:
                msg = self._receive(deadline)
                if msg.WhichOneof("type") == "file_urls_response" and msg.file_urls_response.response_id == request_id:
                    break
            if msg.file_urls_response.error_msg:
                return f"upload refused: {msg.file_urls_response.error_msg}", ""
            urls = msg.file_urls_response.file_urls[0]
            reply = self.http.put(self.url + urls.upload_url, files={"file": (name, data)},
                                  headers={"X-Xsrftoken": self.http.cookies.get(XSRF_COOKIE, "")},
                                  timeout=self.timeout)
            if reply.status_code != 204:
                return f"upload: HTTP {reply.status_code} {reply.text[:200]}", ""
            state = WidgetState(id=uploader.id)
            state.file_uploader_state_value.uploaded_file_info.add(name=name, size=len(data), file_id=urls.file_id,
                                                                   file_urls=urls)
            self._states[key] = state
            return self._rerun()
        return self._timed("upload", f"{name} ({len(data) / 1e6:.1f} MB)", act)

    def key_for(self, label: str) -> str | None:
        """The key of the first widget on the current page labelled ``label``."""
        return next((key for key, shown in self._widgets().items() if _payload(shown.element).label == label), None)

    def captions(self) -> list[str]:
        """The texts of the ``st.caption`` elements on the current page, in order."""
        return [s.element.markdown.body for _, s in sorted(self._shown.items())
                if s.element.WhichOneof("type") == "markdown" and s.element.markdown.element_type == Markdown.CAPTION]

    def runs_shown(self) -> set[str]:
        """The script runs that drew what is on the page now: one after a run of the whole page, more after a
        run of one fragment (what it did not redraw stays from earlier runs)."""
        return {shown.run for shown in self._shown.values()}

    def close(self) -> None:
        self._exit.close()
        self.http.close()

    def _connect(self) -> None:
        self._first_visit()
        parts = urlsplit(self.url)
        token = self.http.cookies.get(XSRF_COOKIE)
        self._socket = self._exit.enter_context(connect(
            urlunsplit(("wss" if parts.scheme == "https" else "ws", parts.netloc, parts.path + "/_stcore/stream",
                        "", "")),
            subprotocols=[Subprotocol("streamlit")] + ([Subprotocol(token)] if token else []),
            origin=Origin(f"{parts.scheme}://{parts.netloc}"),
            additional_headers={"Cookie": "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)},
            open_timeout=self.timeout, max_size=None))

    def _widgets(self) -> dict[str, _Shown]:
        """The widgets on the page by key: the elements with an ``id`` and a ``label`` (a chart has an ``id``)."""
        found = {}
        for shown in self._shown.values():
            widget = _payload(shown.element)
            if getattr(widget, "id", "") and hasattr(widget, "label"):
                found.setdefault(_key_of(widget.id), shown)
        return found

    def _widget(self, key: str) -> _Shown:
        shown = self._widgets().get(key)
        if shown is None:
            raise ClientError(f"no widget {key!r} on the page")
        return shown

    def _rerun(self, fragment: str = "") -> tuple[str | None, str]:
        widgets = self._widgets()
        state = ClientState(page_name=self._page, query_string=self._query, fragment_id=fragment,
                            cached_message_hashes=list(self._cache))
        for key, value in self._states.items():
            if key in widgets:      # the ID of the widget as drawn now (it changes with the widget's parameters)
                sent = state.widget_states.widgets.add()
                sent.CopyFrom(value)
                sent.id = _payload(widgets[key].element).id
        self._send(BackMsg(rerun_script=state))
        deadline = time.monotonic() + self.timeout
        missing, started = None, False
        while True:
            msg = self._receive(deadline)
            kind = msg.WhichOneof("type")
            if kind == "new_session":       # a run this request started (not one that ended late, after a timeout)
                started = True
            elif kind == "page_not_found":           # the app runs its default page instead
                missing = f"no page {self._page!r}"
            elif (kind == "script_finished" and started
                  and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                error, fingerprint = self._finished(msg)
                return "; ".join(filter(None, [missing, error])) or None, fingerprint

    def _finished(self, msg: ForwardMsg) -> tuple[str | None, str]:
        """Drop what the run did not draw again (as a browser clears stale elements); the run's errors, the page's
        fingerprint."""
        run, fragments = msg.metadata.run.script_run_id, set(msg.metadata.run.fragment_ids)
        self._shown = {path: s for path, s in self._shown.items()
                       if s.run == run or (fragments and s.fragment not in fragments)}
        self._runs += 1
        self._cache = {h: (m, seen) for h, (m, seen) in self._cache.items() if seen >= self._runs - CACHE_RUNS}
        errors, results = [], []
        for _, shown in sorted(self._shown.items()):
            element, kind = shown.element, shown.element.WhichOneof("type")
            if shown.run == run and kind == "exception":
                errors.append(f"{element.exception.type}: {element.exception.message}")
            elif shown.run == run and kind == "alert" and element.alert.format == Alert.ERROR:
                errors.append(element.alert.body)
            elif kind == "imgs":
                results += [image.url for image in element.imgs.imgs]
            elif kind == "plotly_chart":
                results.append(element.plotly_chart.spec)
            elif kind == "markdown" and element.markdown.element_type == Markdown.CAPTION:
                results.append(element.markdown.body)
            elif kind == "code":
                results.append(element.code.code_text)
        if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            errors.append("the page's script did not compile")
        return "; ".join(errors) or None, _fingerprint(results)

    def _send(self, back: BackMsg) -> None:
        self._socket.send(back.SerializeToString())

    def _receive(self, deadline: float) -> ForwardMsg:
        """The next message (a reference resolved from the cache), with what it says taken into the page."""
        msg = ForwardMsg()
        msg.ParseFromString(self._socket.recv(timeout=max(deadline - time.monotonic(), 0.001)))
        if msg.WhichOneof("type") == "ref_hash":
            if msg.ref_hash not in self._cache:
                raise ClientError(f"a reference to a message never received ({msg.ref_hash})")
            original = self._cache[msg.ref_hash][0]
            self._cache[msg.ref_hash] = (original, self._runs)
            resolved = ForwardMsg()
            resolved.CopyFrom(original)
            resolved.metadata.CopyFrom(msg.metadata)        # where it goes now, and for which run
            msg = resolved
        elif msg.metadata.cacheable:
            self._cache[msg.hash] = (msg, self._runs)
        kind = msg.WhichOneof("type")
        if kind == "new_session":                  # a script run starts: what follows is drawn by it
            self._run = msg.metadata.run.script_run_id
            self.session_id = msg.new_session.initialize.session_id or self.session_id
        elif kind == "page_info_changed":          # the app wrote the query string: the browser's URL shows it
            self._query = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            path = tuple(msg.metadata.delta_path)
            self._shown[path] = _Shown(msg.delta.new_element, self._run, msg.delta.fragment_id)
        return msg
