"""The session's network: what it learns (the task), the model trained or loaded here, what it was built
from, and its test results.

Everything lives in ``st.session_state`` (one student's model and images never
reach another; nothing is written to disk). The test-set evaluation is
computed once per model and data set, not on every rerun.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np
import streamlit as st
from torch import nn

from explorer import i18n
from explorer.i18n import LocalizedError
from explorer.network import inside, layers, training, weights
from explorer.network.augment import Augment
from explorer.network.data import Data
from explorer.network.layers import INPUT_SHAPE, Description
from explorer.ui.shell import tr
from explorer.ui.state import network as state

DIGITS = tuple(str(d) for d in range(10))


@dataclass(frozen=True)
class Task:
    """What the network learns: from which images (``digits``, ``idx`` or your own ``classes``), the class
    names, the input's shape; for your own classes the images (``None`` while the set cannot be trained on,
    ``problem`` says why) and the augmentation."""
    source: str = "digits"
    names: tuple[str, ...] = DIGITS
    input_shape: tuple[int, int, int] = INPUT_SHAPE
    data: Data | None = None
    problem: LocalizedError | None = None
    augment: Augment | None = None

    @property
    def own(self) -> bool:
        return self.source == "classes"

    @property
    def colour(self) -> bool:
        return self.input_shape[0] == 3

    def key(self, name: str) -> str:
        """The state key of a setting that each kind of task keeps for itself (the preset, the training settings):
        switching between the digits and your own classes finds each one's settings as they were left."""
        return state.task_setting(name, self.own)

    def say(self, key: str, **params) -> str:
        """``tr(key)``, or its ``key.own`` variant for your own classes (words that say "digit" for digits)."""
        own = f"{key}.own"
        return tr(own if self.own and own in i18n.STRINGS else key, **params)


@dataclass(frozen=True)
class Network:
    """The architecture as the table defines it, for its task."""
    preset: str
    specs: list[dict]
    description: Description
    task: Task = Task()

    @property
    def usable(self) -> bool:
        return self.description.error is None and (self.task.data is not None or not self.task.own)

    @property
    def signature(self) -> tuple:
        """What a model must match to be this network's: the layers, the input's shape, the class names."""
        return repr(self.specs), self.task.input_shape, self.task.names

    def build(self, seed: int) -> nn.Sequential:
        return layers.build(self.specs, self.task.input_shape, seed=seed, classes=len(self.task.names))


def keep_per_source(source: str) -> None:
    """Each source (the digits, your IDX files, your own classes) keeps the model trained on it: switching away
    puts the session's model aside under the source it was trained for, switching back brings it back (training
    the digits used to drop the model of your classes)."""
    ss = st.session_state
    previous = ss.get(state.MODEL_SOURCE)
    if previous == source:
        return
    if previous is not None:
        ss[state.models_of(previous)] = {key: ss.pop(key) for key in state.MODEL_KEYS if key in ss}
    ss.update(ss.pop(state.models_of(source), {}))
    ss[state.MODEL_SOURCE] = source
    changed()                     # what was computed from the other model (test results, maps) is stale


def current(net: Network) -> nn.Module | None:
    """The session's model, if it was built for ``net`` (an edited table, another input size, other classes
    make it stale)."""
    model = st.session_state.get(state.MODEL)
    return model if model is not None and st.session_state.get(state.SIGNATURE) == net.signature else None


def _version() -> int:
    """The model's version: bumped whenever its weights change."""
    return st.session_state.get(state.VERSION, state.DEFAULTS[state.VERSION])


def fingerprint(model: nn.Module) -> str:
    """``weights.fingerprint(model)``, worked out once per model and model version (training changes the
    session's model in place and bumps the version); the key under which what is computed from this model is
    shared (``caches``). Kept weakly: a model that is gone takes its entry with it."""
    kept = st.session_state.setdefault(state.FINGERPRINTS, weakref.WeakKeyDictionary())
    version = _version()
    known = kept.get(model)
    if known is None or known[0] != version:
        known = kept[model] = (version, weights.fingerprint(model))
    return known[1]


def starting_point(model: nn.Module) -> tuple[dict, np.ndarray | None]:
    """A copy of ``model``'s weights and its first filters, as they are now (before training or loading)."""
    return {k: v.detach().clone() for k, v in model.state_dict().items()}, inside.first_filters(model)


def adopt(model: nn.Module, net: Network, *, stopped: bool, start: tuple | None = None) -> None:
    """Make ``model`` the session's model; ``start`` (see :func:`starting_point`) is what it began from
    (by default its weights now: it is about to be trained)."""
    weights, filters = start or starting_point(model)
    st.session_state.update({state.MODEL: model, state.SIGNATURE: net.signature, state.HISTORY: [],
                             state.INITIAL_FILTERS: filters, state.INITIAL_STATE: weights, state.STOPPED: stopped,
                             state.VERSION: _version() + 1})


def untrained(net: Network, seed: int) -> nn.Module:
    """The network before training: the session model's starting weights, or a fresh build (kept per session)."""
    start = st.session_state.get(state.INITIAL_STATE) if st.session_state.get(state.SIGNATURE) == net.signature \
        else None
    key = (net.signature, seed, _version() if start is not None else -1)
    kept = st.session_state.get(state.UNTRAINED)
    if kept is None or kept[0] != key:
        model = net.build(seed)
        if start is not None:
            model.load_state_dict(start)
        kept = (key, model.eval())
        st.session_state[state.UNTRAINED] = kept
    return kept[1]


def changed() -> None:
    """The model's weights changed in place (training went on): results computed before are stale."""
    st.session_state[state.VERSION] = _version() + 1


def test_results(model: nn.Module, data: Data) -> tuple[float, float, np.ndarray]:
    """``(loss, accuracy, predictions)`` on the test set, computed once per model version and data set."""
    key = (_version(), id(data), len(data.x_test))
    memo = st.session_state.get(state.EVALUATED)
    if memo is None or memo[0] != key:
        loss, accuracy, predicted = training.evaluate(model, data.x_test, data.y_test)
        memo = (key, (loss, accuracy, predicted.numpy()))
        st.session_state[state.EVALUATED] = memo
    return memo[1]

