"""Each session's share of the server's memory: weighed after every run, the oldest of what can wait let go."""
import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from explorer.network import classes
from explorer.ui import budget
from explorer.ui.state import network as net
from explorer.ui.state import shared

MB = 2 ** 20


def megabytes(n: float) -> np.ndarray:
    return np.zeros(int(n * MB), np.uint8)


def test_weighing_counts_arrays_tensors_and_bytes_once_wherever_they_sit():
    photo = megabytes(2)
    model = torch.nn.Linear(256, 1024)                      # 256×1024 + 1024 float32 weights
    held = {"photo": (photo, photo), "again": [photo], "model": model, "raw": b"x" * 1000, "n": 3, "name": "cat",
            "set": classes.ImageSet([classes.ImageClass("a", [np.zeros((64, 64, 3), np.float32)] * 2)])}
    expected = photo.nbytes + (256 * 1024 + 1024) * 4 + 1000 + 64 * 64 * 3 * 4
    assert budget.weigh(held) == expected
    assert budget.weigh(torch.zeros(10, device="meta")) == 0 and budget.weigh(7) == 0


def test_the_oldest_of_what_can_wait_goes_first_and_only_until_the_session_is_within_its_share():
    kept = [budget.Kept("photo", 5 * MB), budget.Kept("old", 2 * MB, "old", print),
            budget.Kept("older", 2 * MB, "older", print), budget.Kept("new", 2 * MB, "new", print)]
    ages = {"old": 2.0, "older": 1.0, "new": 3.0}
    assert [k.name for k in budget.to_let_go(kept, ages, 8 * MB)] == ["older", "old"]
    assert [k.name for k in budget.to_let_go(kept, ages, 10 * MB)] == ["older"]
    assert budget.to_let_go(kept, ages, 11 * MB) == []
    assert [k.name for k in budget.to_let_go(kept, ages, 0)] == ["older", "old", "new"]     # the photo stays


def _session():
    import streamlit as st
    from streamlit.proto.Common_pb2 import FileURLs
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    from explorer.ui import budget
    context = get_script_run_ctx()
    for file_id in st.session_state.pop("test.files", []):          # files this session sent
        record = UploadedFileRec(file_id, f"{file_id}.png", "image/png", b"\0" * 2 ** 20)
        context.uploaded_file_mgr.add_file(context.session_id, record)
        if st.session_state.get("test.hold") == file_id:            # as an uploader's value holds it
            st.session_state["test.holder"] = UploadedFile(record, FileURLs(file_id=file_id))
    budget.keep_within_share(st.session_state["test.share"])
    st.session_state["test.stored"] = sorted(context.uploaded_file_mgr.file_storage.get(context.session_id, {}))


@pytest.fixture
def session():
    at = AppTest.from_function(_session, default_timeout=30)
    at.session_state["test.share"] = 512
    return at


def test_a_session_past_its_share_lets_go_of_the_oldest_with_a_message_and_keeps_what_the_page_needs(session):
    at = session
    at.session_state[shared.DECODED] = ("upload:photo.jpg#1", megabytes(4))         # the photo: needed now
    at.session_state[net.SOURCE] = "digits"
    at.session_state[net.MODEL] = torch.zeros(MB // 4)                               # the model worked on: 1 MB
    at.session_state[net.IDX_DATA], at.session_state[net.IDX_FILES] = megabytes(3), ("a", "b")
    at.session_state[net.models_of("idx")] = {net.MODEL: torch.zeros(3 * MB // 4)}
    at.run()
    assert not at.exception and not at.toast                                            # 11 MB: within 512

    at.session_state[net.SET] = classes.ImageSet([classes.ImageClass("a", [megabytes(3)])])    # newer
    at.session_state["test.share"] = 10
    at.run()                                                                            # 14 MB: 6 to let go
    assert not at.exception
    gone = {net.IDX_DATA, net.IDX_FILES, net.models_of("idx")}
    assert all(key not in at.session_state for key in gone)
    assert net.SET in at.session_state and shared.DECODED in at.session_state and net.MODEL in at.session_state
    assert len(at.toast) == 1 and "10 MB" in at.toast[0].value and "MNIST" in at.toast[0].value
    assert "Your own classes" not in at.toast[0].value and "My MNIST IDX files" in at.toast[0].value

    at.session_state["test.share"] = 1
    at.session_state["test.files"] = ["first", "second"]     # newer than the set: 2 × 1 MB (AppTest keeps files
    at.run()                                                 # for one run only): the set and the files go
    assert net.SET not in at.session_state and at.session_state[net.SET_VERSION] == net.DEFAULTS[net.SET_VERSION] + 1
    assert shared.DECODED in at.session_state and net.MODEL in at.session_state
    assert "example set" in at.toast[0].value and "first.png" in at.toast[0].value
    assert at.session_state["test.stored"] == [] and at.toast[0].value.index("example") < at.toast[0].value.index(
        "first.png")                                         # the set first: it is the oldest


def test_the_data_of_the_source_shown_and_files_an_uploader_holds_are_never_let_go(session):
    at = session
    at.session_state[net.SOURCE] = "classes"
    at.session_state[net.SET] = classes.ImageSet([classes.ImageClass("a", [megabytes(3)])])
    at.session_state["test.share"] = 1
    at.session_state["test.files"] = ["held", "loose"]
    at.session_state["test.hold"] = "held"
    at.run()
    assert not at.exception and net.SET in at.session_state and at.session_state["test.stored"] == ["held"]
    assert "loose.png" in at.toast[0].value and "held" not in at.toast[0].value
