"""Figures made once and sent on every run: their dict worked out once (Streamlit asks for it each time)."""
from __future__ import annotations

import plotly.graph_objects as go


class FrozenFigure(go.Figure):
    """A finished figure: ``to_dict()``, which ``st.plotly_chart`` calls on every run (a deep copy of every
    value, arrays base64-encoded again), is worked out on the first call and the same dict returned after.
    Nothing may change the figure after that first call, nor the dict; figures shared between sessions never
    are (``explorer.ui.caches``)."""

    def to_dict(self) -> dict:
        kept = self.__dict__.get("_frozen_dict")
        if kept is None:
            kept = self._frozen_dict = super().to_dict()
        return kept


def freeze(figure: go.Figure) -> go.Figure:
    """``figure`` itself, finished (see :class:`FrozenFigure`).

    Example:
        >>> figure = freeze(go.Figure(go.Bar(y=[1, 2])))
        >>> figure.to_dict() is figure.to_dict(), figure.to_dict()["data"][0]["y"]
        (True, [1, 2])
    """
    figure.__class__ = FrozenFigure
    return figure
