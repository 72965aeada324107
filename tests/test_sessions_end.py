"""Sessions whose students have gone end, in a real server: Streamlit keeps a closed browser's session for a
reconnection and, once its time is up, never shut it down; its uploaded files stayed for good (explorer/ui/janitor.py).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import load_test  # noqa: E402
from app_server import app_server  # noqa: E402
from class_client import SocketStudent  # noqa: E402

from tests.helpers import uploaded_bytes  # noqa: E402


def test_a_gone_student_s_session_ends_and_its_uploads_go():
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "1", "CNN_EXPLORER_IDLE_S": "2"}    # looks every 0.5 s
    with app_server(env) as (url, _):
        photo = load_test.photo(1, (400, 300))
        student = SocketStudent(url, "gone")
        # the upload succeeds only if its page shows the photo: the server holds the file now
        assert student.open("kernel_lab").ok and student.upload("mine.jpg", photo).ok
        student.close()                                         # kept 1 s for a reconnection, then ended
        assert uploaded_bytes(url) == 0
