"""The kernel picker (a preset with its parameters, or a grid typed by hand) and the convolution parameters.

The choice lives in session keys shared by every page that picks a kernel (``state.shared``), so
Kernel Lab and Sliding Window show the same kernel.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import streamlit as st

from explorer import kernels, ops
from explorer.ui import widgets
from explorer.ui.shell import lang, stop, tr
from explorer.ui.state import shared


@dataclass(frozen=True)
class KernelChoice:
    """The kernel(s) in use and how their outputs combine."""
    kernels: tuple[np.ndarray, ...]
    combine: str | None
    label: str
    preset: str | None   # None for a kernel typed by hand

    @property
    def total(self) -> float:
        return float(sum(k.sum(dtype=np.float64) for k in self.kernels))


def _preset_params(preset: kernels.Preset) -> dict:
    values = {}
    for p in preset.params:
        key = shared.kernel_param(preset.name, p.name)
        if p.integer:
            values[p.name] = widgets.slider(tr(f"param.{p.name}"), int(p.minimum), int(p.maximum), key,
                                            int(p.default), step=int(p.step))
        else:
            values[p.name] = widgets.slider(tr(f"param.{p.name}"), float(p.minimum), float(p.maximum), key,
                                            float(p.default), step=float(p.step))
    return values


def kernel_picker(switches: bool = True) -> KernelChoice:
    """Preset or hand-typed kernel, with flip and normalize switches unless ``switches`` is off."""
    defaults = shared.DEFAULTS
    source = widgets.choice(tr("kernel.source"), ["preset", "custom"], shared.KERNEL_SOURCE,
                            defaults[shared.KERNEL_SOURCE], kind="segmented", prefix="kernel.source")
    name = st.session_state.get(shared.KERNEL_PRESET, defaults[shared.KERNEL_PRESET])
    if source == "preset":
        name = widgets.choice(tr("kernel.preset"), kernels.PRESETS, shared.KERNEL_PRESET,
                              defaults[shared.KERNEL_PRESET], prefix="preset")
    preset = kernels.get_preset(name)
    params = _preset_params(preset) if source == "preset" else {
        p.name: st.session_state.get(shared.kernel_param(name, p.name), p.default) for p in preset.params}
    preset_kernels = preset.kernels(**params)
    if source == "preset":
        st.caption(tr(f"preset.{name}.desc"))
        chosen, combine, label = preset_kernels, preset.combine, tr(f"preset.{name}")
    else:
        kernel = widgets.grid_editor(shared.KERNEL_EDITOR, preset_kernels[0], kernels.parse_kernel, 1,
                                     kernels.MAX_EDITOR_SIDE, tr("kernel.from_preset"), tr("kernel.from_preset_help"))
        if kernel is None:
            stop()
        chosen, combine, label = (kernel,), None, tr("kernel.custom_label")
    preset_name = name if source == "preset" else None
    if not switches:
        return KernelChoice(chosen, combine, label, preset_name)
    flip = widgets.toggle(tr("kernel.flip"), shared.KERNEL_FLIP, defaults[shared.KERNEL_FLIP],
                          help=tr("kernel.flip_help"))
    normalize = widgets.toggle(tr("kernel.normalize"), shared.KERNEL_NORMALIZE, defaults[shared.KERNEL_NORMALIZE],
                               help=tr("kernel.normalize_help"))
    if normalize:
        try:
            chosen = tuple(kernels.normalize(k) for k in chosen)
        except kernels.KernelError as err:
            st.info(err.text(lang()), icon=":material/info:")
    if flip:
        chosen = tuple(kernels.flip(k) for k in chosen)
    return KernelChoice(chosen, combine, label, preset_name)


def kernel_json(choice: KernelChoice) -> str:
    """The kernel(s) as JSON for download."""
    return json.dumps({
        "name": choice.preset or "custom",
        "combine": choice.combine,
        "kernels": [k.tolist() for k in choice.kernels],
        "semantics": "cross-correlation, as torch.nn.functional.conv2d",
    }, indent=2)


PADDING_KINDS = ("number", "same", "valid")


def conv_controls() -> dict:
    """Padding (amount, 'same' or 'valid'), padding mode, stride, dilation -> ``conv2d`` kwargs."""
    defaults = shared.DEFAULTS
    kind = widgets.choice(tr("conv.padding_kind"), PADDING_KINDS, shared.PADDING_KIND, defaults[shared.PADDING_KIND],
                          kind="segmented", prefix="conv.padding_kind", help=tr("conv.padding_help"))
    amount = widgets.number(tr("conv.padding"), 0, 64, shared.PADDING, defaults[shared.PADDING],
                            disabled=kind != "number")
    mode = padding_mode()
    c3, c4 = st.columns(2)
    stride = widgets.number(tr("conv.stride"), 1, 16, shared.STRIDE, defaults[shared.STRIDE],
                            help=tr("conv.stride_help"), where=c3)
    dilation = widgets.number(tr("conv.dilation"), 1, 16, shared.DILATION, defaults[shared.DILATION],
                              help=tr("conv.dilation_help"), where=c4)
    return {"stride": stride, "padding": amount if kind == "number" else kind, "padding_mode": mode,
            "dilation": dilation}


def padding_mode(where=st) -> str:
    """The padding mode (shared by Kernel Lab and Sliding Window); zeros by default, as ``nn.Conv2d``."""
    return widgets.choice(tr("conv.padding_mode"), ops.PADDING_MODES, shared.PADDING_MODE,
                          shared.DEFAULTS[shared.PADDING_MODE], prefix="conv.mode", help=tr("conv.padding_mode_help"),
                          where=where)
