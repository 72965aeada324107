"""A class shares one server process: between the worst uploads of one student, another student's session keeps
working, never sees the first one's files, and the process stays within its memory budget.

AppTest runs one script at a time (its runtime is not thread-safe), so the two sessions take turns; students
working at the same moment are the load test's part (benchmarks/).
"""
import time

from tests.helpers import KERNEL_LAB, NETWORK, photo_bytes, start
from tests.hostile import craft
from tests.hostile.cases import BZIP2, MARKDOWN, N4G, GiB, gzip_idx, idx_pair, lying_zip

BUDGET_MB = 800          # one hostile file may cost +500 MB while it is refused; two sessions' pages the rest


def peak_reset() -> int:
    """Start counting the process's peak memory from now; returns the resident size (bytes)."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return status("VmRSS")


def status(field: str) -> int:
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) * 1024 for line in lines if line.startswith(field + ":"))


# the worst file of each class, each through the upload a student would use
IMAGES = [("palette-8000.png", lambda: craft.big_flat("PNG", "P")),
          ("frames-90000.tif", lambda: craft.tiff_frames(90_000)),
          ("scans-2000.jpg", lambda: craft.progressive_jpeg(8000, 2000)),
          (f"{MARKDOWN}.png", lambda: craft.big_flat("GIF", "P"))]


def hostile_student(at):
    """Each worst upload in turn (a generator: the other student works between two of them)."""
    for name, build in IMAGES:
        at.sidebar.file_uploader[0].upload(name, build(), "application/octet-stream").run()
        assert not at.exception, name
        shown = " ".join(e.value for e in at.sidebar.error) + " ".join(c.value for c in at.sidebar.caption)
        assert "![" not in shown, name          # decoded (a large picture is scaled) or refused, the name inert
        yield name
    at.switch_page(NETWORK).run()
    at.segmented_control(key="net.source").set_value("classes").run()
    at.file_uploader(key=f"net.own_zip.{at.session_state['net.set_version']}").upload(
        "bomb.zip", lying_zip(BZIP2, 4 * GiB), "application/zip").run()
    assert not at.exception and "unpacks to more than" in " ".join(w.value for w in at.warning)
    yield "zip"
    at.segmented_control(key="net.source").set_value("idx").run()
    images, labels = idx_pair(gzip_idx((N4G, 28, 28), N4G * 784))
    at.file_uploader(key="net.idx_images").upload("images.gz", images, "application/gzip")
    at.file_uploader(key="net.idx_labels").upload("labels.gz", labels, "application/gzip").run()
    assert not at.exception and "could not be unpacked" in " ".join(e.value for e in at.error)
    yield "idx"
    at.segmented_control(key="net.source").set_value("digits").run()
    at.file_uploader(key="net.weights_file").upload("huge.pt", craft.pt_huge_storage(), "application/octet-stream")
    at.run()
    assert not at.exception and "larger than this network's weights can be" in at.error[0].value
    yield "weights"


def test_a_second_student_keeps_working_while_the_first_uploads_the_worst_files():
    other = start(KERNEL_LAB)
    other.sidebar.file_uploader[0].upload("mine.jpg", photo_bytes(200, 150), "image/jpeg").run()
    hostile = start(KERNEL_LAB)
    start_rss = peak_reset()
    presets, waits, seen = ["sharpen", "emboss", "box_blur", "outline"], [], []
    for upload in hostile_student(hostile):
        seen.append(upload)
        began = time.perf_counter()
        other.selectbox(key="kernel.preset@en").set_value(presets[len(waits) % len(presets)]).run()
        waits.append(time.perf_counter() - began)
        assert not other.exception and not other.sidebar.error, upload
        captions = " ".join(c.value for c in other.sidebar.caption)
        assert "mine.jpg" in captions and not any(name in captions for name, _ in IMAGES), upload
        assert other.get("plotly_chart"), upload
    assert seen == [name for name, _ in IMAGES] + ["zip", "idx", "weights"]
    grown = (status("VmHWM") - start_rss) / 2 ** 20
    assert grown < BUDGET_MB, f"the process grew by {grown:.0f} MB"
    assert max(waits) < 3.0, waits          # every change of the other student answered at once
