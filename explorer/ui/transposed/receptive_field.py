"""Tab 5: an editable receptive-field calculator, checked against backpropagation and drawn on the photo."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from explorer import display, receptive
from explorer.ui import widgets
from explorer.ui.shell import forget, presenting, show_error, stop, tr
from explorer.ui.sidebar import lead
from explorer.ui.state import transposed as state


def _table() -> list[receptive.Layer]:
    """The editable layer table; stops with a message naming the bad cell."""
    if state.RF_EDITOR not in st.session_state:
        st.session_state[state.RF_ROWS] = st.session_state.get(state.RF_SAVED, receptive.DEFAULT_STACK)
    edited = st.data_editor(
        pd.DataFrame(st.session_state[state.RF_ROWS], columns=list(receptive.COLUMNS)), key=state.RF_EDITOR,
        num_rows="dynamic", hide_index=True, width="stretch",
        column_config={c: st.column_config.NumberColumn(tr(f"td.rf_col.{c}"), min_value=receptive.LIMITS[c][0],
                                                        max_value=receptive.LIMITS[c][1], step=1, format="%d",
                                                        width="small")
                       for c in receptive.COLUMNS})
    st.caption(tr("td.rf_edit_help"))
    st.button(tr("td.rf_reset"), icon=":material/restart_alt:", on_click=forget, args=(state.RF_EDITOR, state.RF_SAVED))
    return receptive.parse_layers(edited.to_dict("records"))


def render(work: np.ndarray) -> None:
    """Layers in, each layer's extent, jump, field and output size out; the field on the photo."""
    lead(tr("td.rf_intro"))
    grey_shape = work.shape[:2]
    drawn = st.container()          # on a projector the field on the photo comes first, the table under it
    table, results = st.columns([0.95, 1.15], gap="medium")
    with table:
        try:
            layers = _table()
            shapes = receptive.output_shape(layers, grey_shape)
        except receptive.LayerError as err:
            show_error(err, where=results)
            stop()
    st.session_state[state.RF_SAVED] = [vars(layer) for layer in layers]
    fields = receptive.receptive_fields(layers)
    with results:
        st.dataframe(pd.DataFrame({
            tr("td.rf_layer"): range(1, len(layers) + 1),
            tr("td.rf_extent"): [layer.extent for layer in layers],
            tr("td.rf_jump"): [f.jump for f in fields],
            tr("td.rf_size"): [f.size for f in fields],
            tr("td.rf_out"): [f"{w}×{h}" for h, w in shapes],
        }), hide_index=True, width="stretch")
        st.code("RF(L+1) = 1\n" + "\n".join(text for _, text in receptive.backward_recursion(layers)), language=None)
    position = receptive.centre_output(layers, grey_shape)
    reach = receptive.influence(layers, grey_shape, position)
    field = fields[-1]
    top, left, bottom, right = receptive.field_box(layers, position)
    picture = display.mark(display.tint(display.to_uint8(work), reach), left, top, right, bottom,
                           colour=(0, 160, 255))
    whole, close, notes = (drawn if presenting() else st).columns([1.2, 1, 1], gap="medium")
    widgets.picture(picture, tr("td.rf_whole"), where=whole, width="stretch")
    side = min(max(field.size + 8, 24), 160)
    # the close-up: a lighter tint (at the whole picture's strength it covered most of the pixels)
    lighter = display.tint(display.to_uint8(work), reach, strength=0.45)
    widgets.picture(display.zoom_box(lighter, ((top + bottom) // 2, (left + right) // 2), side,
                                     (top, left, bottom, right), max(1, 480 // side), colour=(0, 160, 255)),
                    tr("td.rf_close", side=side), where=close, width="stretch")
    with notes:
        st.metric(tr("td.rf_metric"), f"{field.size} × {field.size}", border=True)
        brute = receptive.reach_side(reach)
        if field.size > brute:
            st.info(tr("td.rf_clipped", size=field.size, w=grey_shape[1], h=grey_shape[0]), icon=":material/crop:")
        else:
            (st.success if brute == field.size else st.error)(tr(
                "td.rf_agree" if brute == field.size else "td.rf_disagree", size=field.size, brute=brute))
        st.caption(tr("td.rf_picture_note", y=position[0], x=position[1]))
