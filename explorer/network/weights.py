"""Weights files: safetensors or a state dict of plain tensors, loaded only after checking, never unpickled."""
from __future__ import annotations

import io
import json
import struct

import torch
from torch import nn

from explorer.network import NetworkError

WEIGHT_FORMATS = ("safetensors", "pt")


def save_weights(model: nn.Module, fmt: str = "safetensors", metadata: dict[str, str] | None = None) -> bytes:
    """The state dict as safetensors bytes (with ``metadata``: class names, input settings), or ``torch.save``
    bytes (``pt``, no metadata)."""
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    if fmt == "safetensors":
        from safetensors.torch import save
        return save(state, metadata=metadata)
    if fmt != "pt":
        raise NetworkError("err.weights_format", value=repr(fmt), allowed=", ".join(WEIGHT_FORMATS))
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getvalue()


def read_weights(data: bytes) -> dict[str, torch.Tensor]:
    """A weights file's tensors, without ever unpickling: safetensors, or ``torch.load(weights_only=True)``."""
    if len(data) > 8:
        header = struct.unpack("<Q", data[:8])[0]
        if 0 < header < len(data) and data[8:9] == b"{":
            from safetensors.torch import load
            try:
                return load(data)
            except Exception as err:          # a damaged safetensors header
                raise NetworkError("err.weights_unreadable", why=str(err)[:200]) from err
    try:
        state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as err:                  # pickle refused (weights_only), not a zip, truncated…
        raise NetworkError("err.weights_unreadable", why=str(err).split("\n")[0][:200]) from err
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise NetworkError("err.weights_not_state_dict")
    return state


def read_metadata(data: bytes) -> dict[str, str]:
    """The text metadata of a safetensors file (its JSON header's ``__metadata__``; empty for anything else).

    Example:
        >>> read_metadata(save_weights(nn.Linear(2, 1), metadata={"classes": "[]"}))
        {'classes': '[]'}
    """
    if len(data) <= 8:
        return {}
    size = struct.unpack("<Q", data[:8])[0]
    if not 0 < size <= len(data) - 8 or data[8:9] != b"{":
        return {}
    try:
        header = json.loads(data[8:8 + size])
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise NetworkError("err.weights_unreadable", why="header") from None
    metadata = header.get("__metadata__") if isinstance(header, dict) else None
    return {str(k): str(v) for k, v in metadata.items()} if isinstance(metadata, dict) else {}


def load_weights(model: nn.Module, data: bytes) -> None:
    """Load a weights file into ``model`` after checking every name and shape fits."""
    state = read_weights(data)
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    wrong = [k for k in expected if k in state and tuple(state[k].shape) != tuple(expected[k].shape)]
    if missing or unexpected or wrong:
        detail = missing[:2] or unexpected[:2] or [f"{k}: {tuple(state[k].shape)} ≠ {tuple(expected[k].shape)}"
                                                    for k in wrong[:2]]
        raise NetworkError("err.weights_mismatch", detail=", ".join(detail))
    model.load_state_dict({k: v.to(expected[k].dtype) for k, v in state.items()})
