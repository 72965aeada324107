"""How one value of the network was computed, drawn: a convolution's windows and trained kernels, a pooling
window, BatchNorm's statistics, a dense unit's largest terms, softmax; and whether it matches the network."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from torch import nn

from explorer.geometry import ParamError
from explorer.lessons import sliding
from explorer.network import explain, inside
from explorer.network.explain import Activation
from explorer.numtext import format_number
from explorer.ui import caches, widgets
from explorer.ui.network.model import Task
from explorer.ui.shell import markdown_text, tr
from explorer.ui.sliding_window import figure_labels
from explorer.ui.state import network as state
from explorer.ui.timeline import timeline

SHOWN_CHANNELS = 4
SLIDE_SIDE = 8         # the crop of the input channel the animation slides over
RGB = ("R", "G", "B")  # a colour picture's channels, in the order the network reads them (network.classes)
BRANCHES = ("1×1", "1×1 → 5×5", "1×1 → 3×3 → 3×3", "pool → 1×1")


def _n(value: float) -> str:
    return format_number(round(float(value), 4))


def exp_sum_text(total: float) -> str:
    """Σ exp(z − max z) with the digits it takes not to read as 1 when one score dominates: it is 1 (the winner's
    exp(0)) plus the others' exps, and a bare "1" beside "the probabilities add up to 1" reads as the same sum.

    Example:
        >>> exp_sum_text(1.5032), exp_sum_text(1.000409), exp_sum_text(1.0)
        ('1.503', '1.0004', '1')
    """
    for digits in range(4, 12):
        text = f"{total:.{digits}g}"
        if float(text) != 1.0 or total == 1.0:
            break
    return text


def softmax_table(logits: np.ndarray, task: Task) -> None:
    """The logits → exp → sum → probabilities, one row per class, written out."""
    steps = inside.softmax_steps(logits)
    st.markdown(task.say("net.softmax_note", total=exp_sum_text(steps.total), sum=f"{steps.probabilities.sum():.4f}",
                         best=markdown_text(task.names[int(np.argmax(steps.logits))]), n=len(steps.logits)))
    st.dataframe(pd.DataFrame({
        task.say("net.sm_digit"): list(task.names),
        tr("net.sm_logit"): [f"{v:.3f}" for v in steps.logits],
        tr("net.sm_shifted"): [f"{v:.3f}" for v in steps.shifted],
        tr("net.sm_exp"): [f"{v:.4g}" for v in steps.exps],
        tr("net.sm_p"): [f"{v:.4f}" for v in steps.probabilities],
    }), hide_index=True, width="stretch")


def _channel(act: Activation, c: int) -> str:
    """Input channel ``c``'s name: R, G or B where the first layer reads a colour picture, else its number."""
    return RGB[c] if act.row == 1 and act.given.shape[0] == len(RGB) else str(c + 1)


def _slide(found: explain.ConvUnit, act: Activation) -> None:
    """The first input channel and its trained kernel, sliding over a crop around the chosen position; the
    timeline opens on the chosen position's step."""
    term = found.terms[0]
    kh, kw = term.kernel.shape
    stride, padding = act.module.stride[0], act.module.padding[0]
    _, i, j = found.position
    plane = np.pad(act.given[term.channel], padding)
    top = max(0, min(i * stride - (SLIDE_SIDE - kh) // 2, plane.shape[0] - SLIDE_SIDE))
    left = max(0, min(j * stride - (SLIDE_SIDE - kw) // 2, plane.shape[1] - SLIDE_SIDE))
    top, left = top - top % stride, left - left % stride        # keep the window grid of the layer
    crop = plane[top:top + SLIDE_SIDE, left:left + SLIDE_SIDE]
    try:
        run = caches.sliding_run(np.round(crop, 3), np.round(term.kernel, 3), "correlation", stride=stride)
    except (ParamError, sliding.GridError):
        return
    chosen = (i - top // stride, j - left // stride)
    start = next((n for n, step in enumerate(run.steps) if step.cell == chosen), 0)
    st.caption(tr("net.unit_slide", c=_channel(act, term.channel)))
    timeline(run, figure_labels("correlation"), state.UNIT_SLIDE,
             settings=caches.settings_key(crop, term.kernel, found.position, found.row), start=start)


def _conv(found: explain.ConvUnit, act: Activation, next_is_relu: bool, trained: bool) -> None:
    kernel = tr("net.unit_kernel" if trained else "net.unit_kernel_untrained")
    for term in found.terms[:SHOWN_CHANNELS]:
        name = _channel(act, term.channel)
        # one scale for the three (diverging, centred on 0): a zero is the same white in each
        widgets.matrices([(term.window, f"{tr('net.unit_input', c=name)} · {tr('net.unit_window')}", False),
                          (term.kernel, kernel, False), (term.products, tr("net.unit_products"), False)])
        st.caption(tr("net.unit_channel_sum", c=name, total=_n(term.total)))
    hidden = found.terms[SHOWN_CHANNELS:]
    if hidden:
        st.caption(tr("net.unit_more_channels", n=len(hidden), total=_n(sum(t.total for t in hidden))))
    total = sum(t.total for t in found.terms)
    st.markdown(tr("net.unit_conv_total", n=len(found.terms), sum=_n(total), bias=_n(found.bias),
                   value=_n(found.value)))
    if next_is_relu:
        st.markdown(tr("net.unit_then_relu", row=found.row + 1, value=_n(found.value),
                       relu=_n(max(found.value, 0.0))))


def _linear(found: explain.LinearUnit) -> None:
    st.markdown(tr("net.unit_linear", n=len(found.contributions) + found.rest_count, top=len(found.contributions)))
    st.dataframe(pd.DataFrame({
        tr("net.unit_k"): [k for k, _, _ in found.contributions],
        tr("net.unit_w"): [f"{w:.4f}" for _, w, _ in found.contributions],
        tr("net.unit_x"): [f"{x:.4f}" for _, _, x in found.contributions],
        tr("net.unit_wx"): [f"{w * x:.4f}" for _, w, x in found.contributions],
    }), hide_index=True, width="stretch")
    st.markdown(tr("net.unit_linear_total", top=len(found.contributions), rest_count=found.rest_count,
                   rest=_n(found.rest), bias=_n(found.bias), value=_n(found.value)))


def render(found: explain.Unit, act: Activation, next_is_relu: bool, trained: bool = True) -> None:
    """The explanation of ``found`` (``network.explain``, for the layer ``act``) and the agreement with it;
    ``trained`` says whether the weights shown are trained ones or the random ones training starts from."""
    if isinstance(found, explain.ConvUnit):
        _conv(found, act, next_is_relu, trained)
        if isinstance(act.module, nn.Conv2d) and act.module.groups == 1:
            _slide(found, act)
    elif isinstance(found, explain.PoolUnit):
        channel = found.position[0]
        widgets.matrices([(np.where(np.isfinite(found.window), found.window, np.nan), tr("net.unit_window"), False)])
        st.markdown(tr("net.unit_pool", mode=tr(f"net.unit_pool.{found.mode}"), k=found.window.shape[0],
                       c=channel + 1, value=_n(found.value)))
    elif isinstance(found, explain.NormUnit):
        stats = {k: _n(v) for k, v in found.statistics.items()}
        st.markdown(tr("net.unit_batchnorm", value=_n(found.value), **stats))
    elif isinstance(found, explain.PassUnit) and found.kind == "flatten":
        c, i, j = found.source
        h, w = act.given.shape[1:]
        st.markdown(tr("net.unit_flatten", c=c, i=i, j=j, shape="×".join(str(v) for v in act.given.shape),
                       index=found.position[0], hw=h * w, w=w, value=_n(found.value), size=f"{act.given.size:,}"))
    elif isinstance(found, explain.PassUnit):
        st.markdown(tr(f"net.unit_{found.kind}", given=_n(found.given), value=_n(found.value)))
    elif isinstance(found, explain.LinearUnit):
        _linear(found)
    elif isinstance(found, explain.ResidualUnit):
        st.markdown(tr("net.unit_residual", F=_n(found.residual), skip=_n(found.skip), value=_n(found.value)))
    else:
        st.markdown(tr("net.unit_inception", c=found.position[0] + 1, branch=found.branch + 1,
                       name=BRANCHES[found.branch], value=_n(found.value)))
    (st.success if found.agrees else st.error)(tr("net.agrees" if found.agrees else "net.disagrees",
                                                  value=f"{found.value:.6g}", actual=f"{found.actual:.6g}"))
