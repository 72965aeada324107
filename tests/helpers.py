"""What the tests share: paths, a synthetic photo, AppTest starters, chart readers, hostile files."""
import gzip
import io
import json
import re
import struct
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import requests
import torch
import torch.nn.functional as F
from PIL import Image
from streamlit.testing.v1 import AppTest

from explorer import i18n

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"      # screenshots and the server log of the browser tests
CHROMIUM = "/usr/bin/chromium"
# the live classes of the app server the browser tests start (its own file: the tests' students answer through it)
CLASS_DB_URL = f"sqlite:///{tempfile.mkdtemp(prefix='cnn-explorer-classes-')}/classes.sqlite3"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOME = str(ROOT / "explorer" / "Home.py")
KERNEL_LAB = "../pages/kernel_lab.py"
SLIDING = "../pages/sliding_window.py"
POOLING = "../pages/pooling.py"
TRANSPOSED = "../pages/transposed_dilated.py"
CHANNELS = "../pages/channels.py"
IM2COL = "../pages/im2col.py"
NETWORK = "../pages/network.py"


def photo_bytes(w=320, h=240, fmt="JPEG") -> bytes:
    """A synthetic 'photo': smooth colour gradients and a bright disc with a hard edge."""
    y, x = np.mgrid[0:h, 0:w]
    rgb = np.stack([x / w, y / h, 0.5 + 0.5 * np.sin(x / 17.0)], axis=2)
    rgb[(x - w / 2) ** 2 + (y - h / 2) ** 2 < (h / 4) ** 2] = 1.0
    buffer = io.BytesIO()
    Image.fromarray((rgb * 255).astype(np.uint8)).save(buffer, format=fmt)
    return buffer.getvalue()


def start(page=None) -> AppTest:
    at = AppTest.from_file(HOME, default_timeout=60)
    at.run()
    assert not at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception
    return at


def formula_lines(at) -> str:
    return next(c.value for c in at.code if c.value.startswith("H: "))


def chart(at, key: str) -> dict:
    """The Plotly spec of the chart with this widget key."""
    return json.loads(next(c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")).proto.spec)


def heatmap(at, key: str, trace: int = 0) -> np.ndarray:
    z = chart(at, key)["data"][trace]["z"]
    return np.array([[np.nan if v is None else v for v in row] for row in z], dtype=np.float64)


def torch_pool(grid, mode, k, stride, padding=0, ceil_mode=False):
    fn = torch.nn.functional.max_pool2d if mode == "max" else torch.nn.functional.avg_pool2d
    x = torch.tensor(grid, dtype=torch.float32)[None, None]
    return fn(x, k, stride, padding, ceil_mode=ceil_mode)[0, 0].numpy()


def open_tab(at: AppTest, key: str, name: str, lang: str = "en") -> AppTest:
    """Open the tab ``name`` (its i18n key) of the tabs ``key``, as a click does: only the open tab runs."""
    at.session_state[key] = i18n.t(name, lang)
    return at.run()


def open_link(page: str, params: dict) -> AppTest:
    """The app as a shared link opens it: the page with its settings in the URL."""
    at = AppTest.from_file(HOME, default_timeout=60)
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def idx_bytes(array: np.ndarray, compress=False) -> bytes:
    data = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    data += array.astype(np.uint8).tobytes()
    return gzip.compress(data) if compress else data


class Exploit:
    def __reduce__(self):
        return (print, ("this must never run",))


# ---------------------------------------------------------------- the language checks

CJK = re.compile(r"[\u3400-\u9fff]")
# English texts that must not show on the Chinese UI: every English string that the Chinese differs from
ENGLISH = sorted({entry["en"] for entry in i18n.STRINGS.values()
                  if entry.get("zh") and entry["zh"] != entry["en"] and len(entry["en"]) >= 8
                  and "{" not in entry["en"][:8]}, key=len, reverse=True)
LANGUAGE_SWITCH = {"Language · 语言", "简体中文"}
KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error", "metric",
         "button", "selectbox", "slider", "select_slider", "number_input", "toggle", "segmented_control", "pills",
         "tab", "expander", "download_button", "file_uploader")


def shown_texts(at: AppTest) -> list[str]:
    """Every text a page shows: values, labels, help texts, options."""
    texts = []
    for kind in KINDS:
        for element in at.get(kind):
            for attribute in ("value", "label", "help", "placeholder"):
                value = getattr(element, attribute, None) if attribute != "value" or kind in (
                    "title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error",
                    "metric") else None
                if isinstance(value, str):
                    texts.append(value)
            options = getattr(element, "options", None)
            if options:
                texts.extend(str(o) for o in options)
    return [t for t in texts if t not in LANGUAGE_SWITCH]


def untranslated(at: AppTest) -> list[str]:
    """Texts on a Chinese page that hold an English sentence of the catalogue."""
    return [text for text in shown_texts(at) for english in ENGLISH if english in text]


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A ZIP archive holding ``{name: bytes}``, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def torch_conv(image, kernel, *, stride, pads, mode, dilation):
    """Depthwise conv2d done the plain torch way, for comparison."""
    x = torch.from_numpy(np.atleast_3d(image).transpose(2, 0, 1).copy())[None].double()
    top, bottom, left, right = pads
    if any(pads):
        x = F.pad(x, (left, right, top, bottom), mode="constant" if mode == "zeros" else mode)
    c = x.shape[1]
    w = torch.from_numpy(np.asarray(kernel, np.float64)).expand(c, 1, *kernel.shape)
    y = F.conv2d(x, w, stride=stride, dilation=dilation, groups=c)[0].numpy()
    return y[0] if image.ndim == 2 else y.transpose(1, 2, 0)


def relative_error(ours, expected):
    return float(np.linalg.norm(ours - expected) / max(np.linalg.norm(expected), 1e-12))


def settle(tab, pause: int = 800) -> None:
    """Wait until the browser's script run is over and Plotly has drawn every chart, then ``pause`` ms more
    (images decoding, transitions)."""
    tab.wait_for_function("""() => !document.querySelector('[data-testid=stStatusWidget]')
        && [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
               .every(c => c.querySelector('.main-svg'))""")
    tab.wait_for_timeout(pause)


def uploaded_bytes(url: str) -> int:
    """What a running server's upload manager holds, from Streamlit's own metrics (all sessions; the figure is kept
    for 5 s, so this waits that long first)."""
    time.sleep(5.5)
    text = requests.get(f"{url}/_stcore/metrics?families=cache_memory_bytes", timeout=30).text
    return sum(int(float(line.rsplit(" ", 1)[1])) for line in text.splitlines()
               if line.startswith("cache_memory_bytes") and "UploadedFileManager" in line)
