"""Questions about layers: the receptive field after a stack, and a layer's parameters and multiply-adds."""
from __future__ import annotations

import math
import random

from explorer import geometry, receptive
from explorer.exercises.question import Say

LAYER_TYPES = ("conv", "depthwise", "pointwise", "dense")


def receptive_field(rng: random.Random, level: int) -> dict:
    """Size ``1 + Σ d·(k − 1)·(jump before the layer)`` and jump ``Π s`` after a stack of 2–4 layers."""
    count = (2, 3, rng.randint(2, 4))[level - 1]
    stack = [{"kernel_size": rng.choice(((2, 3), (2, 3, 5), (2, 3, 5))[level - 1]),
              "stride": rng.choice((1, 2)), "dilation": 1 if level < 3 else rng.choice((1, 1, 2)),
              "padding": 0} for _ in range(count)]
    as_layers = [receptive.Layer(s["kernel_size"], s["stride"], s["dilation"]) for s in stack]
    last = receptive.receptive_fields(as_layers)[-1]
    jump = math.prod(s["stride"] for s in stack)
    undilated = receptive.receptive_fields([receptive.Layer(s["kernel_size"], s["stride"]) for s in stack])[-1]
    mistakes = {
        "strides_not_multiplied": (1 + sum(layer.extent - 1 for layer in as_layers), jump),
        "kernels_added": (sum(s["kernel_size"] for s in stack), jump),
        "dilation_ignored": (undilated.size, jump),
        "jumps_added": (last.size, sum(s["stride"] for s in stack)),
    }
    steps, size, before = [], 1, 1
    for i, (spec, layer) in enumerate(zip(stack, as_layers), start=1):
        size += (layer.extent - 1) * before
        steps.append(f"{i}: {size - (layer.extent - 1) * before} + ({layer.extent} − 1)·{before} = {size}")
        before *= spec["stride"]
    listed = "; ".join(f"k={s['kernel_size']}, s={s['stride']}" + (f", d={s['dilation']}" if s["dilation"] > 1
                                                                     else "") for s in stack)
    return {
        "params": {"layers": stack},
        "answer": (last.size, jump), "shape": "pair", "mistakes": mistakes,
        "prompt_lines": (("ex.receptive_field.prompt", {"count": count, "layers": listed}),
                         ("ex.ask.size_jump", {})),
        "solution_lines": (("ex.sol.rf_rule", {}), ("ex.sol.rf_steps", {"steps": "  \n".join(steps)}),
                           ("ex.sol.rf_jump", {"strides": " · ".join(str(s["stride"]) for s in stack),
                                               "jump": jump}),
                           ("ex.sol.pair", {"answer": f"{last.size}, {jump}"})),
    }


def _layer(rng: random.Random, level: int) -> dict:
    kinds = (("conv", "dense"), ("conv", "pointwise", "dense"), LAYER_TYPES)[level - 1]
    kind = rng.choice(kinds)
    bias = level == 1 or rng.random() < 0.6
    if kind == "dense":
        features = (rng.randint(2, 64), rng.randint(2, 10)) if level < 3 else (rng.choice((120, 256, 784)),
                                                                                rng.randint(10, 128))
        return {"type": "dense", "in_channels": features[0], "out_channels": features[1], "kernel_size": None,
                "bias": bias}
    cin = rng.randint(1, 3) if level == 1 else rng.choice((3, 8, 16, 32, 64))
    cout = cin if kind == "depthwise" else (rng.randint(2, 8) if level == 1 else rng.choice((8, 16, 32, 64)))
    k = 1 if kind == "pointwise" else rng.choice((3, 5) if level > 1 else (3,))
    return {"type": kind, "in_channels": cin, "out_channels": cout, "kernel_size": (k, k), "bias": bias}


def _weights(layer: dict, *, as_standard: bool = False) -> int:
    """Weights (no bias) of a layer."""
    if layer["type"] == "dense":
        return layer["in_channels"] * layer["out_channels"]
    area = math.prod(layer["kernel_size"])
    per_filter = 1 if layer["type"] == "depthwise" and not as_standard else layer["in_channels"]
    return layer["out_channels"] * per_filter * area


def _describe(layer: dict) -> dict:
    k = layer["kernel_size"]
    return {"layer": Say(f"ex.layer.{layer['type']}"), "cin": layer["in_channels"], "cout": layer["out_channels"],
            "k": f"{k[0]}×{k[1]}" if k else "", "bias": Say("ex.bias_on" if layer["bias"] else "ex.bias_off")}


def layer_params(rng: random.Random, level: int) -> dict:
    """Weights (a filter per output channel, one weight per input channel and kernel cell; depthwise: one input
    channel per filter) plus one bias per output channel."""
    layer = _layer(rng, level)
    weights, biases = _weights(layer), layer["out_channels"] if layer["bias"] else 0
    answer = weights + biases
    area = math.prod(layer["kernel_size"]) if layer["kernel_size"] else 1
    mistakes = {
        "bias_forgotten": weights if layer["bias"] else None,
        "bias_counted": None if layer["bias"] else weights + layer["out_channels"],
        "in_channels_forgotten": layer["out_channels"] * area + biases if layer["type"] in ("conv", "pointwise")
        else None,
        "depthwise_as_standard": _weights(layer, as_standard=True) + biases if layer["type"] == "depthwise" else None,
        "kernel_area_forgotten": layer["in_channels"] * layer["out_channels"] + biases if area > 1 else None,
    }
    return {
        "params": {"layer": layer},
        "answer": answer, "shape": "number", "mistakes": mistakes,
        "prompt_lines": (("ex.layer_params.prompt", _describe(layer)), ("ex.ask.number", {})),
        "solution_lines": (("ex.sol.params." + layer["type"], {**_describe(layer), "weights": weights,
                                                                "biases": biases, "area": area, "answer": answer}),),
    }


def layer_macs(rng: random.Random, level: int) -> dict:
    """Multiply-adds, one per weight per output position (the bias's additions not counted), at stride 1: zero
    padding that keeps the size below level 3, none at level 3 (the output is smaller than the input)."""
    layer = _layer(rng, level)
    side = rng.choice((8, 14, 28, 32)) if layer["type"] != "dense" else 0
    layer["in_size"] = (side, side) if side else None
    k = layer["kernel_size"][0] if layer["kernel_size"] else 1
    pad = (k - 1) // 2 if level < 3 else 0
    layer["padding"] = (pad, pad) if side else None
    out = geometry.output_size(side, k, 1, pad) if side else 1
    per_output = _weights(layer) // layer["out_channels"]
    positions = out * out * layer["out_channels"] if side else layer["out_channels"]
    answer = positions * per_output
    params = _weights(layer) + (layer["out_channels"] if layer["bias"] else 0)
    mistakes = {
        "input_size_used": side * side * layer["out_channels"] * per_output if side and out != side else None,
        "params_given": params,
        "positions_forgotten": _weights(layer) if side else None,
        "in_channels_forgotten": positions * per_output // layer["in_channels"]
        if layer["type"] in ("conv", "pointwise") else None,
    }
    return {
        "params": {"layer": layer},
        "answer": answer, "shape": "number", "mistakes": mistakes,
        "prompt_lines": (("ex.layer_macs.prompt_dense" if not side else "ex.layer_macs.prompt",
                          {**_describe(layer), "n": f"{side}×{side}", "p": pad}),
                         ("ex.layer_macs.convention", {}), ("ex.ask.number", {})),
        "solution_lines": (("ex.sol.macs", {"out": f"{out}×{out}" if side else "1", "cout": layer["out_channels"],
                                            "positions": positions, "per_output": per_output, "answer": answer}),),
    }
