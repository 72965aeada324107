"""The Network page's "What units look for" tab through AppTest, in both languages: nothing runs while it is
closed; after a short training the top examples of a layer are the set's true top (their values as captions), the
pictures are made on request with a progress bar, and raise the unit above the set's best."""
import pytest
import torch

from explorer import i18n
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
    layer5 = next(found for key, found in at.session_state["net.lu_scores"][1].items() if key[-1] == 5)
    assert smooth.reached[0] > layer5.values[:, 1].max() > 0   # above the set's best picture
    assert plain.images.shape == smooth.images.shape == (1, 1, 28, 28)
    assert any(i18n.t("net.lu_smooth", lang) in m.value for m in at.main.markdown)
    if lang == "zh":
        assert not untranslated(at), untranslated(at)

