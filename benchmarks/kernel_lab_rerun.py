"""Time Kernel Lab reruns after a parameter change with a 12 MP upload (run by explorer.bench).

Prints one JSON line: the median time of `AppTest.run()` after each change.
Each change is new to the caches, so every rerun really recomputes the preview.
"""
import io
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402


def photo_12mp() -> bytes:
    y, x = np.mgrid[0:3000, 0:4000].astype(np.float32)
    rgb = np.stack([x / 4000, y / 3000, 0.5 + 0.5 * np.sin(x / 23.0) * np.cos(y / 31.0)], axis=2)
    buffer = io.BytesIO()
    Image.fromarray((rgb * 255).astype(np.uint8)).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def main() -> None:
    at = AppTest.from_file(str(ROOT / "explorer" / "Home.py"), default_timeout=120)
    at.run()
    at.switch_page("../pages/kernel_lab.py").run()
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_12mp(), "image/jpeg").run()
    at.selectbox(key="kernel.preset@en").set_value("gaussian_blur").run()
    changes = [
        lambda: at.slider(key="kernel.gaussian_blur.size").set_value(7),
        lambda: at.slider(key="kernel.gaussian_blur.sigma").set_value(2.0),
        lambda: at.slider(key="kernel.gaussian_blur.size").set_value(15),
        lambda: at.selectbox(key="conv.padding_mode@en").set_value("zeros"),
        lambda: at.selectbox(key="kernel.preset@en").set_value("laplacian_8"),
        lambda: at.number_input(key="conv.dilation").set_value(2),
        lambda: at.selectbox(key="kernel.preset@en").set_value("sharpen"),
        lambda: at.toggle(key="kl.grey").set_value(True),
        lambda: at.selectbox(key="kernel.preset@en").set_value("emboss"),
    ]
    times = []
    for change in changes:
        change()
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
        assert at.success, [e.value for e in at.error]
    print(json.dumps({"median_ms": statistics.median(times), "runs": len(times),
                      "times_ms": [round(t) for t in times]}))


if __name__ == "__main__":
    main()
