"""The real app in a real headless Chromium: upload a photo, get a result, switch language."""
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS
from tests.test_app import photo_bytes


def open_page(tab, title: str, heading: str | None = None) -> None:
    tab.locator("[data-testid=stSidebarNav]").get_by_text(title, exact=True).click()
    tab.get_by_role("heading", name=heading or title).wait_for()


def settle(tab) -> None:
    """Wait until the script run is over and Plotly has drawn every chart."""
    tab.wait_for_function("""() => !document.querySelector('[data-testid=stStatusWidget]')
        && [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
               .every(c => c.querySelector('.main-svg'))""")
    tab.wait_for_timeout(800)


def test_kernel_lab_upload_result_and_screenshot(page, tmp_path):
    photo = tmp_path / "street.jpg"
    photo.write_bytes(photo_bytes(800, 600))
    open_page(page, "Kernel Lab")
    page.locator("[data-testid=stSidebar] input[type=file]").set_input_files(str(photo))
    expect(page.locator("[data-testid=stSidebar]")).to_contain_text("street.jpg", timeout=60_000)
    expect(page.locator("[data-testid=stCode]").first).to_contain_text("⌊(600 + 2·1 − 3)/1⌋ + 1 = 600")
    expect(page.get_by_text("the same number as the sum above")).to_be_visible()
    # the output picture lives in the click-to-inspect component's iframe
    frame = page.frame_locator("iframe[title*=streamlit_image_coordinates]")
    expect(frame.locator("img")).to_be_visible()
    settle(page)
    page.screenshot(path=str(ARTIFACTS / "kernel_lab.png"))


def test_language_switch_reaches_every_page(page):
    open_page(page, "Kernel Lab")
    expect(page.get_by_text("the same number as the sum above")).to_be_visible()
    page.locator("[data-testid=stSidebar]").get_by_text("简体中文").click()
    page.get_by_role("heading", name="卷积核实验室").wait_for()
    expect(page.get_by_text("与上面的和")).to_be_visible()
    # selectboxes too: a plain selectbox keeps showing the old language's option text
    def selected(label):
        return page.locator("[data-testid=stSelectbox]").filter(has_text=label).locator("input")
    expect(selected("预设卷积核")).to_have_value("Sobel 梯度幅值")
    expect(selected("或选择一张示例图")).to_have_value("小猫 Chelsea（照片）")
    settle(page)
    page.screenshot(path=str(ARTIFACTS / "kernel_lab_zh.png"))
    open_page(page, "首页", "CNN 探索器")


def test_typing_into_the_kernel_grid(page):
    """AppTest cannot type into st.data_editor, so the hand-typed kernel is tested here."""
    open_page(page, "Kernel Lab")
    page.get_by_text("Type your own", exact=True).click()
    grid = page.locator("[data-testid=stDataFrame]")
    grid.wait_for()
    settle(page)
    box = grid.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] - 35 * 1.5)   # row 2, column 2

    def type_into_centre(text):
        page.mouse.click(*centre)
        editor = page.locator("textarea.gdg-input")    # the grid's cell editor opens on Enter
        expect(editor).to_have_count(0)
        page.keyboard.press("Enter")
        editor.wait_for()
        editor.fill(text)
        editor.press("Enter")
        expect(editor).to_have_count(0)

    type_into_centre("abc")
    expect(page.locator("[data-testid=stAlertContentError]")).to_contain_text(
        "Row 2, column 2: “abc” is not a number")
    type_into_centre("1/2")
    expect(page.locator("[data-testid=stAlertContentError]")).to_have_count(0)
    expect(page.locator("[data-testid=stCode]").nth(1)).to_contain_text("×0.5 + ")


def test_sliding_window_plays(page):
    open_page(page, "Sliding Window")
    settle(page)
    chart = page.locator("[data-testid=stPlotlyChart]")
    expect(chart).to_contain_text("Step 1/49")
    chart.get_by_text("▶▶ fast").click()
    # the figure animates in the browser: the step counter in the arithmetic line moves on its own
    expect(chart).not_to_contain_text("Step 1/49", timeout=10_000)
    page.wait_for_timeout(1200)
    page.screenshot(path=str(ARTIFACTS / "sliding_window_playing.png"))
    chart.get_by_text("❚❚ pause").click()
