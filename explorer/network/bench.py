"""``python -m explorer.network.bench``: do your own classes learn? Validation accuracy and training time with
the page's default settings (:data:`explorer.network.classes.DEFAULTS`, augmentation on), for several seeds.

Two sets: the bundled example (dots, rings, stripes; 100 images each) and a set
like a class would photograph: 15 crops each of three different sample photos
(cat, coffee, astronaut), at random places and sizes, some mirrored, lighter or
darker. Each seed makes its own split and training run.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np
import torch

from explorer import imaging
from explorer.device import device_label, pick_device
from explorer.network import archive, classes
from explorer.network.augment import Augment
from explorer.network.layers import build, for_classes
from explorer.network.presets import PRESETS
from explorer.network.training import evaluate, train
from explorer.timing import cpu_model

ASSETS = Path(__file__).resolve().parents[2] / "assets"
PHOTOS = ("cat", "coffee", "astronaut")


def photo_crops(per_class: int = 15, seed: int = 0) -> classes.ImageSet:
    """Three classes, ``per_class`` crops of one sample photo each: 50–90 % of its short side, anywhere in it,
    half of them mirrored, lighter or darker by up to 20 %."""
    rng = np.random.default_rng(seed)
    image_set = classes.ImageSet()
    for name in PHOTOS:
        index = image_set.add_class(name)
        photo = imaging.load_image((ASSETS / f"{name}.png").read_bytes())
        h, w = photo.shape[:2]
        for _ in range(per_class):
            side = int(min(h, w) * rng.uniform(0.5, 0.9))
            top, left = int(rng.integers(0, h - side + 1)), int(rng.integers(0, w - side + 1))
            crop = photo[top:top + side, left:left + side]
            crop = crop[:, ::-1] if rng.random() < 0.5 else crop
            image_set.classes[index].images.append(classes.square(np.clip(crop * rng.uniform(0.8, 1.2), 0, 1)))
    return image_set


def learn(image_set: classes.ImageSet, seed: int, device=None) -> tuple[float, float]:
    """``(validation accuracy, seconds)`` of one training run with the default settings."""
    settings = classes.DEFAULTS
    data = classes.dataset(image_set, settings["size"], settings["colour"], seed)
    shape = (3 if settings["colour"] else 1, settings["size"], settings["size"])
    model = build(for_classes(PRESETS[settings["preset"]], len(image_set.classes)), shape, seed=seed,
                  classes=len(image_set.classes))
    started = time.perf_counter()
    train(model, data, epochs=settings["epochs"], lr=settings["lr"], batch_size=settings["batch_size"],
          optimizer=settings["optimizer"], seed=seed, device=device, augment=Augment())
    seconds = time.perf_counter() - started
    return evaluate(model, data.x_val, data.y_val)[1], seconds


def report(name: str, image_set: classes.ImageSet, seeds: range, device=None) -> dict:
    runs = [learn(image_set, seed, device) for seed in seeds]
    accuracies, seconds = [a for a, _ in runs], [s for _, s in runs]
    result = {"set": name, "images": image_set.total, "median_acc": statistics.median(accuracies),
              "min_acc": min(accuracies), "mean_acc": statistics.fmean(accuracies),
              "median_s": statistics.median(seconds), "max_s": max(seconds), "accuracies": accuracies}
    print(f"| {name} | {image_set.total} | {result['median_acc']:.2f} | {result['mean_acc']:.2f} | "
          f"{result['min_acc']:.2f} | {result['median_s']:.1f} | {result['max_s']:.1f} | "
          f"{' '.join(f'{a:.2f}' for a in accuracies)} |", flush=True)
    return result


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0].strip("`"))
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    device = pick_device()
    settings = ", ".join(f"{k} {v}" for k, v in classes.DEFAULTS.items())
    print(f"explorer.network.bench · {time.strftime('%Y-%m-%d')} · torch {torch.__version__} · {args.threads} "
          f"threads · {cpu_model()} · training on {device_label(device)}\n{settings}, augmentation on\n")
    print("| set | images | median val. acc. | mean | lowest | median s | slowest s | every seed |\n"
          "|---|---|---|---|---|---|---|---|")
    seeds = range(args.seeds)
    return [report("example (dots, rings, stripes)", archive.example_set(), seeds, device),
            report("photo crops (cat, coffee, astronaut), 15 each", photo_crops(), seeds, device)]


if __name__ == "__main__":
    main()
