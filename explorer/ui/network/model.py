"""The session's network: the model trained or loaded here, what it was built from, and its test results.

Everything lives in ``st.session_state`` (one student's model never reaches
another). The test-set evaluation is computed once per model and data set,
not on every rerun.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st
from torch import nn

from explorer.network import inside, layers, training
from explorer.network.data import Data
from explorer.network.layers import Description


@dataclass(frozen=True)
class Network:
    """The architecture as the table defines it."""
    preset: str
    specs: list[dict]
    description: Description

    @property
    def usable(self) -> bool:
        return self.description.error is None


def current(specs: list[dict]) -> nn.Module | None:
    """The session's model, if it was built from ``specs`` (an edited table makes it stale)."""
    model = st.session_state.get("net.model")
    return model if model is not None and st.session_state.get("net.specs") == specs else None


def starting_point(model: nn.Module) -> tuple[dict, np.ndarray | None]:
    """A copy of ``model``'s weights and its first filters, as they are now (before training or loading)."""
    return {k: v.detach().clone() for k, v in model.state_dict().items()}, inside.first_filters(model)


def adopt(model: nn.Module, specs: list[dict], *, stopped: bool, start: tuple | None = None) -> None:
    """Make ``model`` the session's model; ``start`` (see :func:`starting_point`) is what it began from
    (by default its weights now: it is about to be trained)."""
    state, filters = start or starting_point(model)
    st.session_state.update({"net.model": model, "net.specs": specs, "net.history": [],
                             "net.initial_filters": filters, "net.initial_state": state, "net.stopped": stopped,
                             "net.version": st.session_state.get("net.version", 0) + 1})


def untrained(specs: list[dict], seed: int) -> nn.Module:
    """The network before training: the session model's starting weights, or a fresh build (kept per session)."""
    start = st.session_state.get("net.initial_state") if st.session_state.get("net.specs") == specs else None
    key = (repr(specs), seed, st.session_state.get("net.version", 0) if start is not None else -1)
    kept = st.session_state.get("net.untrained")
    if kept is None or kept[0] != key:
        model = layers.build(specs, seed=seed)
        if start is not None:
            model.load_state_dict(start)
        kept = (key, model.eval())
        st.session_state["net.untrained"] = kept
    return kept[1]


def changed() -> None:
    """The model's weights changed in place (training went on): results computed before are stale."""
    st.session_state["net.version"] = st.session_state.get("net.version", 0) + 1


def test_results(model: nn.Module, data: Data) -> tuple[float, float, np.ndarray]:
    """``(loss, accuracy, predictions)`` on the test set, computed once per model version and data set."""
    key = (st.session_state.get("net.version", 0), id(data), len(data.x_test))
    memo = st.session_state.get("net.evaluated")
    if memo is None or memo[0] != key:
        loss, accuracy, predicted = training.evaluate(model, data.x_test, data.y_test)
        memo = (key, (loss, accuracy, predicted.numpy()))
        st.session_state["net.evaluated"] = memo
    return memo[1]

