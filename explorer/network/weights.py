"""Weights files: safetensors or a state dict of plain tensors, loaded only after checking, never unpickled."""
from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile

import torch
from torch import nn

from explorer import limits
from explorer.network import NetworkError

WEIGHT_FORMATS = ("safetensors", "pt")
MAX_HEADER = 1 * 2 ** 20           # a header or pickle bigger than this is not a state dict of a small network
MAX_TENSOR_BYTES = 64 * 2 ** 20     # read_weights without a model: no small network has more
MAX_WEIGHT = 1e6                   # a trained weight this large overflows float32 a few layers on


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


def fingerprint(model: nn.Module) -> str:
    """A digest of what ``model`` computes: its layers as PyTorch prints them and every weight and buffer (name,
    type, shape, values). Two models with the same fingerprint give the same outputs for the same input, so what
    is computed from one (the why maps, the overview) serves the other.

    Example:
        >>> from explorer.network.layers import build
        >>> stack = [{"type": "conv", "out": 2, "k": 3}, {"type": "flatten"}, {"type": "linear", "out": 10}]
        >>> fingerprint(build(stack, seed=0)) == fingerprint(build(stack, seed=0)) != fingerprint(build(stack, seed=1))
        True
    """
    digest = hashlib.blake2b(str(model).encode(), digest_size=16)
    for name, tensor in model.state_dict().items():
        values = tensor.detach().cpu().contiguous().reshape(-1)
        digest.update(f"{name}:{values.dtype}:{tuple(tensor.shape)};".encode())
        digest.update(values.view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def _safetensors_header(data: bytes) -> dict | None:
    """A safetensors file's JSON header (``None`` when ``data`` is not one); read before any tensor is made."""
    if len(data) <= 8:
        return None
    size = struct.unpack("<Q", data[:8])[0]
    if not 0 < size <= min(len(data) - 8, MAX_HEADER) or data[8:9] != b"{":
        return None
    try:
        header = json.loads(data[8:8 + size])
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise NetworkError("err.weights_unreadable", why="header") from None
    if not isinstance(header, dict):
        raise NetworkError("err.weights_unreadable", why="header")
    return header


def _claimed(header: dict) -> dict[str, tuple[str, tuple[int, ...]]]:
    """``{name: (dtype, shape)}`` a safetensors header declares (its metadata aside)."""
    found = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        shape = entry.get("shape") if isinstance(entry, dict) else None
        if not (isinstance(entry.get("dtype"), str) and isinstance(shape, list)
                and all(isinstance(v, int) and v >= 0 for v in shape)):
            raise NetworkError("err.weights_unreadable", why="header")
        found[name] = (entry["dtype"], tuple(entry["shape"]))
    return found


def _stored_copy(data: bytes, limit: int) -> bytes:
    """A ``torch.save`` file rewritten uncompressed from records each inflated within ``limit`` bytes in all: a
    record re-deflated to hide a 512 MB storage behind 0.5 MB is refused before torch allocates anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error, NotImplementedError):
        raise NetworkError("err.weights_unreadable", why="not a torch.save file") from None
    budget = limits.Budget(seconds=5.0, inflated=limit)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for entry in entries:
            try:
                content = limits.zip_entry(data, entry, budget.left_bytes)
                budget.take(len(content))
            except limits.LimitError as err:
                raise NetworkError("err.weights_too_big", name=entry.filename, why=err) from None
            copy.writestr(entry.filename, content)
    return out.getvalue()


def read_weights(data: bytes, limit: int = MAX_TENSOR_BYTES,
                 expected: dict[str, tuple[torch.dtype, tuple[int, ...]]] | None = None) -> dict[str, torch.Tensor]:
    """A weights file's tensors, without ever unpickling: safetensors, or ``torch.load(weights_only=True)``; at
    most ``limit`` bytes of tensors (what the model needs), decided before they are made. With ``expected``
    (``{name: (dtype, shape)}``), a safetensors header that names other tensors or shapes is refused before."""
    header = _safetensors_header(data)
    if header is not None:
        claimed = _claimed(header)                   # a malformed header is refused here either way
        detail = _mismatch(expected, claimed) if expected is not None else None
        if detail:
            raise NetworkError("err.weights_mismatch", detail=detail)
        from safetensors.torch import load
        try:
            return load(data)      # its tensors lie inside `data`: no larger than the upload
        except Exception as err:          # a damaged safetensors header
            raise NetworkError("err.weights_unreadable", why=str(err)[:200]) from err
    stored = _stored_copy(data, limit + MAX_HEADER)
    try:
        state = torch.load(io.BytesIO(stored), map_location="cpu", weights_only=True)
    except Exception as err:                  # pickle refused (weights_only), not a zip, truncated…
        raise NetworkError("err.weights_unreadable", why=str(err).split("\n")[0][:200]) from err
    if not isinstance(state, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                              for k, v in state.items()):
        raise NetworkError("err.weights_not_state_dict")
    # a view into a larger storage keeps only what the view needs
    return {k: v.clone() if v.untyped_storage().nbytes() > v.numel() * v.element_size() else v
            for k, v in state.items()}


def read_metadata(data: bytes) -> dict[str, str]:
    """The text metadata of a safetensors file (its JSON header's ``__metadata__``; empty for anything else).

    Example:
        >>> read_metadata(save_weights(nn.Linear(2, 1), metadata={"classes": "[]"}))
        {'classes': '[]'}
    """
    header = _safetensors_header(data)
    metadata = header.get("__metadata__") if header is not None else None
    if metadata is None:
        return {}
    if not (isinstance(metadata, dict) and all(isinstance(v, str) for v in metadata.values())):
        raise NetworkError("err.weights_unreadable", why="metadata")
    return dict(metadata)


def _mismatch(expected: dict[str, tuple[torch.dtype | str, tuple[int, ...]]],
              found: dict[str, tuple[torch.dtype | str, tuple[int, ...]]]) -> str | None:
    missing = sorted(set(expected) - set(found))
    unexpected = sorted(set(found) - set(expected))
    wrong = [f"{k}: {found[k][1]} ≠ {expected[k][1]}" for k in expected if k in found and found[k][1] != expected[k][1]]
    detail = missing[:2] or unexpected[:2] or wrong[:2]
    return ", ".join(detail) if detail else None


def load_weights(model: nn.Module, data: bytes) -> None:
    """Load a weights file into ``model`` after checking that every name and shape fits (from the file's header,
    before any tensor is made, where the format allows) and that every value is finite and of a sane size."""
    expected = model.state_dict()
    shapes = {k: (v.dtype, tuple(v.shape)) for k, v in expected.items()}
    needed = sum(v.numel() * 8 for v in expected.values())        # float64 at most
    state = read_weights(data, limit=needed, expected=shapes)
    detail = _mismatch(shapes, {k: (v.dtype, tuple(v.shape)) for k, v in state.items()})
    if detail:
        raise NetworkError("err.weights_mismatch", detail=detail)
    for name, value in state.items():
        if not (value.is_floating_point() or value.dtype in (torch.int64, torch.int32)):
            raise NetworkError("err.weights_mismatch", detail=f"{name}: {value.dtype}")
        # NaN fails the comparison too: a file with NaN, ±inf or 1e20 made every later run of the page fail
        if value.is_floating_point() and value.numel() and not float(value.abs().max()) <= MAX_WEIGHT:
            raise NetworkError("err.weights_values", name=name, limit=f"{MAX_WEIGHT:g}")
    model.load_state_dict({k: v.to(expected[k].dtype) for k, v in state.items()})
