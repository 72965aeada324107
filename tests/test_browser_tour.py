"""Every page and every tab in a real browser: on a 1280×720 projector in presentation mode, in both languages (each
tab's key figure must end on the first screen), and on a 1600×1000 desktop in English (an axe-core accessibility
audit: no serious or critical violation); no exception, no English sentence in the Chinese UI, no request leaving
the machine. The screenshots land in artifacts/tour/."""
from pathlib import Path

import pytest
import sklearn
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.helpers import ARTIFACTS, ENGLISH, photo_bytes, settle

PROJECTOR = {"width": 1280, "height": 720}
PAUSE = 400         # ms after a run: a hundred tabs and pages, each waited on (settle's 800 took 40 s more)
DESKTOP = {"width": 1600, "height": 1000}
# each page's tabs in order, and the key figure of each: the element that must be whole on a projector's first
# screen (a CSS selector inside the open tab, or the page when it has no tabs of its own)
KEY_FIGURES = {
    "kernel_lab": ["iframe[title*=streamlit_image_coordinates]"] * 2,       # the output, whichever control tab
    "sliding_window": [".st-key-sw-figure"],
    "pooling": ["[data-testid=stImage] >> nth=2", "[data-testid=stImage] >> nth=7", ".st-key-pool-shift_plot"],
    "transposed_dilated": ["[data-testid=stImage] >> nth=1", ".st-key-td-scatter-figure", ".st-key-td-inv_diff",
                           ".st-key-td-flat_r", "[data-testid=stImage] >> nth=3", "[data-testid=stImage] >> nth=0"],
    "channels": ["[data-testid=stImage] >> nth=7", "[data-testid=stImage] >> nth=0",
                 "[data-testid=stMetric] >> nth=-1", ".st-key-ch-sharing_chart"],
    "im2col": ["[data-testid=stDataFrame] >> nth=0", ".st-key-ic-dw00", "[data-testid=stDataFrame] >> nth=0",
               "[data-testid=stMetric] >> nth=0"],
    "network": [".st-key-net-overview", "[data-testid=stDataFrame] >> nth=0", "[data-testid=stButton] >> nth=0",
                "[data-testid=stAlertContainer], [data-testid=stImage]",      # before training: what to do
                "[data-testid=stAlertContainer]"],                           # what units look for: train first
    "check_yourself": ["[data-testid=stTextInput]"],                      # the question and its answer box
}
OUT = ARTIFACTS / "tour"
CHINA = Path(sklearn.__file__).parent / "datasets" / "images" / "china.jpg"     # a real photo, shipped by a dependency


def english_shown(tab) -> list[str]:
    """Sentences of the English catalogue on the page (Streamlit's own uploader words are not ours)."""
    text = tab.locator("[data-testid=stMain]").inner_text() + tab.locator("[data-testid=stSidebar]").inner_text()
    return [english for english in ENGLISH if english in text]


def open_tabs(tab):
    tabs = tab.locator("[data-testid=stMain] [role=tab]")
    return [tabs.nth(i) for i in range(tabs.count())] or [None]


def bottom_of(tab, selector: str) -> float | None:
    """Where the key figure ends: looked for in the open tab, else in the page (Kernel Lab's tabs hold controls)."""
    panel = tab.locator("[data-testid=stMain] [role=tabpanel]:visible").first
    scope = panel if panel.count() and panel.locator(selector).count() else tab.locator("[data-testid=stMain]")
    target = scope.locator(selector).first
    target.wait_for(state="attached")
    box = target.bounding_box()
    return None if box is None else round(box["y"] + box["height"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_and_tab_on_a_projector_and_a_desktop(page, app_url, tmp_path, lang):
    OUT.mkdir(parents=True, exist_ok=True)
    leaving = []
    page.on("request", lambda r: leaving.append(r.url) if not r.url.startswith((app_url, "data:", "blob:",
                                                                                 "about:")) else None)
    photo = CHINA if CHINA.exists() else tmp_path / "china.jpg"
    if not CHINA.exists():
        photo.write_bytes(photo_bytes(640, 427))
    too_low, audit = [], []
    axe = Axe()
    # the accessibility audit looks at structure, names and contrast, the same in both languages: on the desktop in
    # English only (the Chinese UI is checked for English sentences on the projector, where it is also looked at)
    for present, size in (("true", PROJECTOR), ("false", DESKTOP))[:2 if lang == "en" else 1]:
        page.set_viewport_size(size)
        for name, figures in KEY_FIGURES.items():
            page.goto(f"{app_url}/{name}?lang={lang}&present={present}")
            page.locator("[data-testid=stMain] h1").first.wait_for()
            if name != "network":       # a real photo, as a student would (the Network page has inputs of its own)
                page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(photo))
                expect(page.locator("[data-testid=stSidebar]")).to_contain_text("china.jpg", timeout=60_000)
            settle(page, PAUSE)
            for number, (tab_button, figure) in enumerate(zip(open_tabs(page), figures), start=1):
                if tab_button is not None:
                    tab_button.click()
                    settle(page, PAUSE)
                expect(page.locator("[data-testid=stException]")).to_have_count(0)
                page.screenshot(path=str(OUT / f"{name}_{number}_{lang}_{size['width']}.png"))
                if lang == "zh":
                    assert not english_shown(page), (name, number, english_shown(page))
                if present == "false":
                    audit += [f"{name} tab {number}: {v['id']} ({v['impact']}) {v['nodes'][0]['html'][:80]}"
                              for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
                if present == "true":
                    bottom = bottom_of(page, figure)
                    if bottom is None or bottom > PROJECTOR["height"]:
                        too_low.append(f"{name} tab {number}: {figure} ends at {bottom} px")
    assert not too_low, too_low
    assert not audit, audit
    assert not leaving, leaving[:5]
