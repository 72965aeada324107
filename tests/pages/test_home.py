"""Home and the shell through AppTest: device, language switch, uploads, camera, choices across pages."""
import time

from explorer import ops
from explorer.ui import source
from tests.helpers import KERNEL_LAB, photo_bytes, start


def test_home_explains_and_shows_the_device():
    at = start()
    assert at.title[0].value == "CNN Explorer"
    assert "convolution" in at.markdown[0].value
    device = ops.device_label(ops.pick_device())
    assert any(device in i.value for i in at.info)
    assert any("Kernel Lab" in c.value or "preset kernels" in c.value for c in at.caption)


def test_language_switch_changes_the_strings_on_every_page():
    at = start()
    at.segmented_control(key="lang").set_value("zh").run()
    assert at.title[0].value == "CNN 探索器"
    at.switch_page(KERNEL_LAB).run()
    assert not at.exception
    assert at.title[0].value == "卷积核实验室"
    assert at.selectbox(key="kernel.preset@zh").value == "sobel_magnitude"
    assert "Sobel 梯度幅值" in at.selectbox(key="kernel.preset@zh").options
    assert any("输出图像在" in s.value for s in at.success)


def test_bad_upload_shows_an_error_and_the_app_keeps_working():
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("notes.png", b"this is not a picture", "image/png").run()
    assert not at.exception
    assert any("That file was not used" in e.value for e in at.sidebar.error)
    assert at.success   # still working, on the sample
    assert "Chelsea" in " ".join(c.value for c in at.sidebar.caption)


def test_a_session_s_new_photos_are_paced_by_their_size_and_samples_never(monkeypatch):
    """A student sending photo after photo as fast as a script can waits for their own page (the others do not:
    the wait is a sleep in this session's run)."""
    first = photo_bytes()
    monkeypatch.setattr(source, "UPLOAD_MB_PER_S", len(first) / 2 ** 20)        # the first photo pays for 1 s
    at = start(KERNEL_LAB)
    at.sidebar.file_uploader[0].upload("first.jpg", first, "image/jpeg").run()
    started = time.monotonic()
    at.sidebar.file_uploader[0].upload("second.png", photo_bytes(50, 40, "PNG"), "image/png").run()
    assert time.monotonic() - started >= 0.9 and not at.exception
    assert "second.png" in " ".join(c.value for c in at.sidebar.caption)
    paid_until = at.session_state[source.shared.NEXT_PHOTO]
    at.selectbox(key="sample@en").set_value("coffee").run()         # the upload still wins; nothing new decoded
    assert at.session_state[source.shared.NEXT_PHOTO] == paid_until


def test_camera_is_offered_behind_a_toggle():
    at = start()
    assert not at.camera_input
    at.toggle(key="camera_on").set_value(True).run()
    assert not at.exception
    assert len(at.camera_input) == 1


def test_choices_persist_across_pages():
    at = start(KERNEL_LAB)
    at.selectbox(key="kernel.preset@en").set_value("emboss").run()
    at.switch_page("../pages/home.py").run()
    at.switch_page(KERNEL_LAB).run()
    assert at.selectbox(key="kernel.preset@en").value == "emboss"
