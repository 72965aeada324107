"""Sliding Window through AppTest: every mode agrees with ops, steps, GIF, opened from Pooling."""
import json
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explorer import i18n, kernels
from explorer.lessons import sliding
from tests.helpers import CJK, POOLING, SLIDING, open_link, photo_bytes, start, untranslated


def torch_result(mode: str, grid: np.ndarray) -> np.ndarray:
    """The page's default run computed here by torch: Sobel x (the first kernel of the default preset),
    padding 1 (zeros, as nn.Conv2d), pooling 2×2 stride 1; transposed before its padding crops."""
    x = torch.from_numpy(grid)[None, None]
    k = torch.tensor(kernels.SOBEL_X, dtype=torch.float32)[None, None]
    if mode == "correlation":
        return F.conv2d(x, k, padding=1)[0, 0].numpy()
    if mode == "convolution":
        return F.conv2d(x, k.flip(2, 3), padding=1)[0, 0].numpy()
    if mode == "transposed":
        return F.conv_transpose2d(x, k)[0, 0].numpy()
    pool = F.max_pool2d if mode == "max_pool" else F.avg_pool2d
    return pool(x, 2, 1, padding=1)[0, 0].numpy()


def figure(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def shown_output(at) -> np.ndarray:
    """The output grid as the figure shows it (NaN: not written yet)."""
    z = figure(at)["data"][4]["z"]
    return np.array([[np.nan if v is None else v for v in row] for row in z], dtype=np.float64)


STEP = re.compile(r"^(?:Step |第 )(\d+)\D[^:]*:  (.*)$", re.S)


def step_shown(at) -> tuple[int, int, str]:
    """The step in the text under the figure, the slider's, and the arithmetic written out."""
    found = next(m for m in (STEP.match(c.value) for c in at.code) if m)
    return int(found.group(1)), at.slider(key="sw.slider").value, found.group(2)


@pytest.mark.parametrize("mode", ["correlation", "convolution", "transposed", "max_pool", "avg_pool"])
def test_sliding_window_every_mode_renders_and_agrees(mode):
    at = start(SLIDING)
    at.selectbox(key="sw.mode@en").set_value(mode).run()
    assert not at.exception and not at.error
    assert any("equals the output of explorer.ops" in s.value for s in at.success)
    assert len(at.get("plotly_chart")) == 1
    steps = at.slider(key="sw.slider").max
    assert steps >= 9 and "=" in step_shown(at)[2]
    at.slider(key="sw.slider").set_value(steps).run()
    np.testing.assert_allclose(shown_output(at), torch_result(mode, sliding.generate_grid("random", 7, 7, 1)),
                               atol=1e-4)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(), "image/jpeg").run()
    at.segmented_control(key="sw.source").set_value("image").run()
    assert not at.exception and not at.error
    assert any("equals the output of explorer.ops" in s.value for s in at.success)


def test_sliding_window_steps_and_image_input():
    at = start(SLIDING)
    at.sidebar.file_uploader[0].upload("photo.jpg", photo_bytes(), "image/jpeg").run()
    at.segmented_control(key="sw.source").set_value("image").run()
    assert not at.exception and not at.error
    first = step_shown(at)[2]
    forward = next(b for b in at.button if b.label == "Next")
    forward.click().run()
    assert step_shown(at)[2] != first
    assert step_shown(at)[:2] == (2, 2)
    at.segmented_control(key="sw.scale").set_value(1).run()
    assert not at.exception


def test_sliding_window_gif_and_bad_settings():
    at = start(SLIDING)
    at.number_input(key="sw.dilation").set_value(3)
    at.slider(key="sw.rows").set_value(3)
    at.number_input(key="sw.padding").set_value(0)
    at.run()
    assert "padded image is only" in at.error[0].value
    at.number_input(key="sw.dilation").set_value(1).run()
    gif = next(b for b in at.button if "GIF" in b.label)
    gif.click().run()
    assert not at.exception
    assert any(d.proto.label == "Download the GIF" for d in at.get("download_button"))


def test_pooling_grid_opens_the_sliding_window_with_the_same_settings():
    at = start(POOLING)
    at.slider(key="pool.k").set_value(3).run()
    next(b for b in at.button if "Watch max pooling slide" in b.label).click().run()
    assert not at.exception
    assert at.title[0].value == "Sliding Window"
    assert at.selectbox(key="sw.mode@en").value == "max_pool"
    assert at.slider(key="sw.pool").value == 3 and at.number_input(key="sw.stride").value == 3
    assert any("equals the output of explorer.ops" in s.value for s in at.success)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_notes_worked_example_in_one_click(lang):
    at = start(SLIDING)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    label = i18n.t("sw.example", lang)
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception and not at.error
    assert at.slider(key="sw.slider").max == 25
    assert step_shown(at)[2] == "0×1 + 0×2 + 0×3 + 0×4 + 3×5 + 4×6 + 0×7 + 2×8 + 4×9 = 91"
    at.slider(key="sw.slider").set_value(25).run()
    last = shown_output(at)
    x = torch.from_numpy(sliding.EXAMPLE_GRID)[None, None]
    expected = F.conv2d(x, torch.from_numpy(sliding.EXAMPLE_KERNEL)[None, None], padding=1)[0, 0].numpy()
    np.testing.assert_array_equal(last, expected)                    # all 25 outputs, torch's
    assert last[0].tolist() == [91, 168, 224, 215, 127] and last[2, 2] == 282    # the notes' numbers
    note = next(i.value for i in at.info if "91, 168, 224, 215, 127" in i.value)
    assert "282" in note and (lang == "en") == (not CJK.search(note))
    if lang == "zh":
        assert not untranslated(at)


def test_every_output_cell_is_drawn_from_the_first_step():
    at = start(SLIDING)
    background = figure(at)["data"][3]
    assert np.array(background["z"]).shape == (7, 7) and background["xaxis"] == "x3"
    assert np.isfinite(shown_output(at)).sum() == 1          # only the first cell computed yet


def test_in_presentation_mode_the_figure_comes_before_the_controls():
    at = open_link(SLIDING, {"present": "true"})
    assert not at.exception and at.expander[0].label == "Input, kernel and parameters"
    assert at.expander[0].get("plotly_chart") == [] and len(at.get("plotly_chart")) == 1


def test_one_timeline_the_slider_buttons_text_and_figure_show_the_same_step(monkeypatch):
    """Whatever moves the window moves everything that shows the step: slider, buttons, play."""
    from explorer.ui import timeline
    at = start(SLIDING)
    run = sliding.build_run(sliding.generate_grid("random", 7, 7, 1), kernels.SOBEL_X, "correlation", padding=1)

    def assert_at(step: int) -> None:
        shown, slider, text = step_shown(at)
        assert shown == slider == step and text == run.steps[step - 1].text
        assert np.isfinite(shown_output(at)).sum() == step                    # the figure's output so far
        marker = figure(at)["data"][6]                                        # the output cell being written
        assert (marker["y"][0], marker["x"][0]) == run.steps[step - 1].cell

    assert_at(1)
    at.slider(key="sw.slider").set_value(5).run()
    assert_at(5)
    next(b for b in at.button if b.label == "Next").click().run()
    assert_at(6)
    next(b for b in at.button if b.label == "Back").click().run()
    assert_at(5)
    clock = [100.0]
    monkeypatch.setattr(timeline, "_now", lambda: clock[0])
    at.segmented_control(key="sw.speed").set_value("fast").run()
    next(b for b in at.button if b.label == "Play").click().run()
    assert_at(5) and any(b.label == "Pause" for b in at.button)     # the click starts the clock, no jump
    for expected in (6, 7):
        clock[0] += timeline.SPEEDS["fast"]
        at.run()                                                   # what the fragment's timer does
        assert_at(expected)
    at.run()                                                        # no time has passed: no step
    assert_at(7)
    next(b for b in at.button if b.label == "Pause").click().run()
    clock[0] += 10
    at.run()
    assert_at(7)
    at.slider(key="sw.slider").set_value(49).run()
    next(b for b in at.button if b.label == "Play").click().run()   # at the end, play starts again at step 1
    assert_at(1)


def test_the_step_survives_a_visit_to_another_page():
    at = start(SLIDING)
    at.slider(key="sw.slider").set_value(9).run()
    at.switch_page("../pages/kernel_lab.py").run()
    at.switch_page("../pages/sliding_window.py").run()
    assert not at.exception and step_shown(at)[:2] == (9, 9)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_predict_then_reveal_tells_at_once_and_moves_to_the_step(lang):
    at = open_link(SLIDING, {"lang": lang, "sw.mode": "max_pool"})

    def step() -> tuple[int, str]:
        found = STEP.match(at.code[0].value)
        return int(found.group(1)), found.group(2).rsplit("= ", 1)[1]

    def predict(text: str) -> None:
        at.text_input[0].input(text)
        next(b for b in at.button if b.label == i18n.t("sw.predict_check", lang)).click().run()

    assert step()[0] == 1 and len(at.text_input) == 1
    predict("three")                                                    # unreadable: how to write it, no move
    assert [w.value for w in at.warning][-1] == i18n.t("ex.how.number", lang) and step()[0] == 1
    predict("-12345")                                                   # wrong: told, and shown the step
    number, value = step()
    assert number == 2 and [e.value for e in at.error] == [i18n.t("sw.told_wrong", lang, typed="-12345",
                                                                    value=value)]
    next(b for b in at.button if b.label == i18n.t("sw.back", lang)).click().run()
    predict(value)                                                      # right, as the arithmetic says
    assert step()[0] == 2 and [s.value for s in at.success][0] == i18n.t("sw.told_right", lang, value=value)
    assert not at.exception
