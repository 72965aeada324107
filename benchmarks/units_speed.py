"""How long "What units look for" takes (issue 32's bars): scoring the digits' training set against one layer, one
feature visualisation of a LeNet channel (256 steps), and the whole first layer's grid in one batched optimisation.

    python benchmarks/units_speed.py [--repeat 5] [--threads N]

Trains the notes' small LeNet (3 epochs, seed 0) first, then times each part ``--repeat`` times (after one warm
run) and prints the medians with the CPU model: the page computes a layer's scores once per trained model and
keeps them in the session, and makes pictures only when asked.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.network import layers, presets, training, units  # noqa: E402
from explorer.network.data import load_digits  # noqa: E402
from explorer.timing import cpu_model  # noqa: E402


def median_seconds(work, repeat: int) -> float:
    work()                                          # warm: allocations, the first call's dispatch
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=None, help="torch's intra-op threads (default: as set)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    data = load_digits()
    model = layers.build(presets.PRESETS["lenet_small"], seed=0)
    training.train(model, data, epochs=3, seed=0)
    model.eval()
    print(f"{cpu_model()}, {os.cpu_count()} cores, torch threads {torch.get_num_threads()}; "
          f"{len(data.x_train)} training digits; median of {args.repeat}")
    rows = {r.row: r for r in layers.describe(presets.PRESETS["lenet_small"]).rows}
    for row in (1, 2, 4, 5, 8):
        seconds = median_seconds(lambda row=row: units.scores(model, data.x_train, row), args.repeat)
        print(f"  scores, layer {row} ({rows[row].name}, {len(data.x_train)} images): {seconds * 1000:.0f} ms")
    found = units.scores(model, data.x_train, 5)
    seconds = median_seconds(lambda: units.top(found, 0, 16, layers.field_layers(model, 5)), args.repeat)
    print(f"  top 16 with their fields, layer 5: {seconds * 1000:.1f} ms")
    for row, chosen, what in ((5, [1], "one channel of layer 5 (conv 5×5, 8 → ReLU)"),
                              (2, [0, 1, 2, 3], "all 4 channels of layer 2 (conv 5×5, 4 → ReLU), batched"),
                              (8, list(range(10)), "all 10 classes (layer 8), batched")):
        for strength in (0.0, 1.0):
            seconds = median_seconds(lambda row=row, chosen=chosen, strength=strength: units.visualise(
                model, row, chosen, (1, 28, 28), steps=units.STEPS, strength=strength), args.repeat)
            print(f"  feature visualisation, {what}, {units.STEPS} steps, strength {strength:g}: {seconds:.2f} s")
    wide = layers.build(presets.PRESETS["bn_net"], seed=0).eval()      # the widest preset (time: weights aside)
    seconds = median_seconds(lambda: units.visualise(wide, 3, list(range(25)), (1, 28, 28)), args.repeat)
    print(f"  feature visualisation, all 25 channels of bn_net's layer 3 (conv 3×3, 25 → BN → ReLU), batched, "
          f"{units.STEPS} steps, strength 1: {seconds:.2f} s")
    seconds = median_seconds(lambda: units.scores(wide, data.x_train, 7), args.repeat)
    print(f"  scores, bn_net's layer 7 (conv 3×3, 50 → BN → ReLU), {len(data.x_train)} images: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
