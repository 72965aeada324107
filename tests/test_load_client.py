"""The browserless load test (benchmarks/load_test.py, benchmarks/class_client.py) against a real server with the
agent API on: a class of two, one uploading its photo over the websocket, one on the agent API who trains. No
timing is asserted."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import load_test  # noqa: E402
from app_server import app_server  # noqa: E402
from class_client import AgentStudent, SocketStudent  # noqa: E402

from explorer import i18n  # noqa: E402
from tests.helpers import uploaded_bytes  # noqa: E402


@pytest.fixture(scope="module")
def url():
    # new photos taken as fast as they come: the re-uploader below sends twenty (the pacing is tested on its own)
    with app_server({"STREAMLIT_SERVER_ENABLE_AGENT_API": "true", "CNN_EXPLORER_UPLOAD_MB_PER_S": "0"}) as (address, _):
        yield address


def test_a_small_class_has_a_new_result_after_every_interaction(url):
    done, _ = load_test.run_lesson(load_test.enrol(url, students=2, interactions=2, trainers=1, seed=0), think=0)
    assert [(d.student, d.kind, d.what, d.error) for d in done if not d.ok] == []
    by_student: dict[str, list] = {}
    for d in done:
        by_student.setdefault(d.student, []).append(d)
    assert sorted(by_student) == ["student 0 (socket)", "student 1 (agent, trains)"]
    # the uploader: open Kernel Lab, upload, a preset, padding and stride; the trainer: open Kernel Lab, the
    # Network page, Train
    assert [d.kind for d in by_student["student 0 (socket)"]] == ["arrive", "upload", "change", "change"]
    assert [d.kind for d in by_student["student 1 (agent, trains)"]] == ["arrive", "open", "press"]
    for student, steps in by_student.items():
        fingerprints = [d.fingerprint for d in steps]
        assert len(set(fingerprints)) == len(fingerprints), (student, [(d.what, d.fingerprint) for d in steps])
    # the upload went through the websocket: it succeeded only if the finished page shows the photo's size
    upload = by_student["student 0 (socket)"][1]
    assert upload.ok and upload.what.startswith("student0.jpg")


@pytest.mark.parametrize("kind", [AgentStudent, SocketStudent])
def test_the_fingerprint_follows_the_result(url, kind):
    student = kind(url, "one")
    opened = student.open("kernel_lab")
    sharpen = student.set({"kernel.preset@en": "Sharpen"})
    blur = student.set({"kernel.preset@en": "Box blur"})
    again = student.set({"kernel.preset@en": "Sharpen"})
    student.close()
    assert [d.error for d in (opened, sharpen, blur, again)] == [None] * 4
    assert len({opened.fingerprint, sharpen.fingerprint, blur.fingerprint}) == 3
    assert again.fingerprint == sharpen.fingerprint


def test_a_refused_request_is_the_interaction_s_error(url):
    student = AgentStudent(url, "one")
    student.open("kernel_lab")
    refused = student.set({"no.such.widget": 1})
    student.close()
    assert not refused.ok and refused.error.startswith("HTTP 404 unknown_key")


SHARPEN = i18n.t("preset.sharpen.desc", "en")


@pytest.mark.parametrize("kind", [AgentStudent, SocketStudent])
def test_the_kernel_chosen_on_kernel_lab_survives_a_visit_to_every_other_page(url, kind):
    """A page switch from a browser sends the widgets it knows; the preset's select box had no persist_state and
    Sliding Window (which draws the same picker) reset it to Identity, on Kernel Lab too."""
    student = kind(url, "one")
    student.open("kernel_lab")
    student.set({"kernel.preset@en": "Sharpen"})
    for page in ("sliding_window", "pooling", "transposed_dilated", "channels", "im2col", "network", "kernel_lab"):
        visit = student.open(page)
        assert visit.ok, (page, visit.error)
        if page in ("sliding_window", "kernel_lab"):                    # the preset's description
            assert any(SHARPEN[:30] in caption for caption in student.captions()), (page, student.captions())
    student.close()


def test_a_student_re_uploading_without_deleting_keeps_only_a_few_files_on_the_server(url):
    """A browser deletes a replaced upload; a script need not, and each file stayed in the server's memory (a
    re-uploader took it to 8.4 GB). The app keeps the files its uploaders hold and the newest few others."""
    from explorer.ui.source import KEEP_UNUSED_UPLOADS
    student = SocketStudent(url, "re-uploader")
    student.open("kernel_lab")
    before = uploaded_bytes(url)
    files = [load_test.photo(seed, (400, 300)) for seed in range(KEEP_UNUSED_UPLOADS + 12)]
    for n, data in enumerate(files):
        assert student.upload(f"again{n}.jpg", data).ok
    student.open("pooling")                      # one more run after the last upload
    held = uploaded_bytes(url) - before
    student.close()
    assert 0 < held <= (KEEP_UNUSED_UPLOADS + 2) * max(map(len, files))
    assert held < sum(map(len, files)) / 2
