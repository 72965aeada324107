"""The Network page's "What units look for" tab through AppTest, in both languages: nothing runs while it is
closed; after a short training the top examples of a layer are the set's true top (their values as captions), the
pictures are made on request with a progress bar, and raise the unit above the set's best."""
import numpy as np
import pytest
import torch

from explorer import i18n
from explorer.network import units
from explorer.network.data import load_digits
from tests.helpers import NETWORK, open_tab, start, untranslated


def trained(lang: str):
    at = start(NETWORK)
    if lang == "zh":
        at.segmented_control(key="lang").set_value("zh").run()
    at.number_input(key="net.epochs").set_value(2)
    next(b for b in at.button if b.label == i18n.t("net.train", lang)).click().run()
    assert not at.exception and at.session_state["net.model"] is not None
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_units_tab_shows_the_true_top_examples_and_makes_its_pictures(lang):
    at = trained(lang)
    assert "net.lu_scores" not in at.session_state              # closed: nothing of it ran
    at = open_tab(at, "net.tabs.digits", "net.tab_units", lang)
    assert not at.exception and not at.error
    found = at.session_state["net.lu_scores"][1]
    assert len(found) == 1                                      # layer 1 of the training set, kept
    scores = next(iter(found.values()))
    best = torch.sort(scores.values[:, 0], descending=True, stable=True).values[:9]
    captions = [c.value for c in at.main.caption]
    assert all(f"{float(v):.3g}" in captions for v in best)     # the nine strongest, each with its value
    assert i18n.t("net.lu_top", lang, n=9) in " ".join(m.value for m in at.main.markdown)

    at.selectbox(key="net.lu_layer@" + lang).set_value(5).run()  # the second convolution's ReLU
    at.number_input(key="net.lu_unit").set_value(2).run()
    next(b for b in at.button if b.label == i18n.t("net.lu_make", lang)).click().run()
    assert not at.exception and not at.error
    plain, smooth = next(iter(at.session_state["net.lu_made"].values()))
    layer5 = at.session_state["net.lu_scores"][1][5]
    assert smooth.reached[0] > layer5.values[:, 1].max() > 0   # above the set's best picture
    assert plain.images.shape == smooth.images.shape == (1, 1, 28, 28)
    assert any(i18n.t("net.lu_smooth", lang) in m.value for m in at.main.markdown)
    if lang == "zh":
        assert not untranslated(at), untranslated(at)
    at.session_state["net.lu_layer"] = 12               # a layer the stack no longer has (a shorter preset chosen)
    at.run()
    assert not at.exception and at.session_state["net.lu_layer"] == 1



def test_the_sanity_check_runs_when_opened_and_names_the_control_as_not_explaining():
    at = trained("en")
    at = open_tab(at, "net.tabs.digits", "net.tab_units", "en")
    assert "net.sc_done" not in at.session_state                # folded: not run
    at.session_state["net.sc_open"] = True
    at.run()
    assert not at.exception and not at.error
    checks = {c.method: c for c in at.session_state["net.sc_done"][1]}
    said = " ".join(m.value for m in at.main.markdown)
    for method, check in checks.items():
        verdict = i18n.t("net.sc_changes" if check.changes else "net.sc_same", "en")
        assert f"**{i18n.t(f'net.sc_method.{method}', 'en')}** · {verdict}" in said
    assert checks["saliency"].changes and not checks["edges"].changes


def test_a_confusion_matrix_cell_lists_its_images_and_one_opens_on_the_overview():
    at = trained("en")
    at = open_tab(at, "net.tabs.digits", "net.tab_inside", "en")
    predicted = at.session_state["net.evaluated"][1][2]
    same = np.nonzero((load_digits().y_test.numpy() == 4) & (predicted == 4))[0]     # the 4s read as 4
    at.session_state["net.confusion"] = {"selection": {"points": [{"x": 4, "y": 4}], "point_indices": [],
                                                       "box": [], "lasso": []}}
    at.run()
    assert i18n.t("net.cell_title", "en", n=len(same), true="4", guess="4") in [m.value.strip("*")
                                                                               for m in at.main.markdown]
    opens = [b for b in at.button if b.label == i18n.t("net.cell_open", "en")]
    assert len(opens) == min(len(same), 18) and len(same) > 0
    opens[1].click().run()
    assert not at.exception and at.session_state["net.test_index"] == same[1]
    assert at.session_state["net.tabs.digits"] == i18n.t("net.tab_overview", "en")      # the Overview is open


def test_your_own_classes_colour_pictures_their_units_and_a_cell_opened_on_the_overview():
    at = start(NETWORK)
    at.segmented_control(key="net.source").set_value("classes").run()
    at.number_input(key="net.own_epochs").set_value(1)
    next(b for b in at.button if b.label == i18n.t("net.train", "en")).click().run()
    assert not at.exception and at.session_state["net.model"] is not None
    at = open_tab(at, "net.tabs.classes", "net.tab_units", "en")
    assert not at.exception and not at.error
    next(b for b in at.button if b.label == i18n.t("net.lu_make", "en")).click().run()
    plain, smooth = next(iter(at.session_state["net.lu_made"].values()))
    assert smooth.images.shape == (1, 3, 48, 48)                 # the pictures in colour, at the classes' size
    at.session_state["net.confusion"] = {"selection": {"points": [{"x": 0, "y": 0}], "point_indices": [],
                                                       "box": [], "lasso": []}}
    at.run()
    opens = [b for b in at.button if b.label == i18n.t("net.cell_open", "en")]
    assert opens and not at.exception
    opens[0].click().run()
    assert at.session_state["net.own_input"] == "val" and at.session_state["net.tabs.classes"] == i18n.t(
        "net.tab_overview", "en")


def test_every_unit_of_a_wide_layer_is_capped_and_keeps_the_chosen_one():
    at = start(NETWORK)
    at.selectbox(key="net.preset@en").set_value("simple_convnet").run()
    at.number_input(key="net.epochs").set_value(1)
    next(b for b in at.button if b.label == i18n.t("net.train", "en")).click().run()
    at = open_tab(at, "net.tabs.digits", "net.tab_units", "en")
    at.selectbox(key="net.lu_layer@en").set_value(5).run()          # linear 100
    at.number_input(key="net.lu_unit").set_value(90).run()
    at.toggle(key="net.lu_every").set_value(True).run()
    next(b for b in at.button if b.label == i18n.t("net.lu_make", "en")).click().run()
    assert not at.exception
    key, (plain, smooth) = next(iter(at.session_state["net.lu_made"].items()))
    assert len(key[4]) == units.MAX_UNITS and 89 in key[4]            # 63 from the start, and the chosen one
    assert f"**{i18n.t('net.lu_some', 'en', n=units.MAX_UNITS, total=100)}**" in [m.value for m in at.main.markdown]
