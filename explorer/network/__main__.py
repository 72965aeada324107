"""``python -m explorer.lenet``: train a preset on the bundled digits (or MNIST files), or on your own classes.

Digits end with ``test accuracy: 0.xx``; your own classes (``--folder``, ``--zip``,
``--example-classes``) end with ``validation accuracy: 0.xx``.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from explorer.device import DEVICE_NAMES, device_label, pick_device
from explorer.network import archive, classes
from explorer.network.augment import Augment
from explorer.network.data import load_digits, load_idx, split
from explorer.network.layers import build, for_classes
from explorer.network.presets import DEFAULT_PRESET, PRESETS
from explorer.network.training import DEFAULTS, OPTIMIZERS, Epoch, evaluate, train


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0].strip("`"))
    parser.add_argument("--preset", default=None, choices=list(PRESETS),
                        help=f"default {DEFAULT_PRESET} (digits), {classes.DEFAULTS['preset']} (your classes)")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--optimizer", default=None, choices=OPTIMIZERS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", default=None, choices=[None, *DEVICE_NAMES])
    parser.add_argument("--size", type=int, default=classes.DEFAULTS["size"], choices=classes.SIZES,
                        help="your classes: the side the images are trained at")
    parser.add_argument("--colour", action=argparse.BooleanOptionalAction, default=classes.DEFAULTS["colour"],
                        help="your classes: colour (default) or grey")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--idx", nargs=2, metavar=("IMAGES", "LABELS"), help="MNIST IDX files (may be .gz)")
    source.add_argument("--folder", help="your classes: a folder with one sub-folder of images per class")
    source.add_argument("--zip", help="your classes: a ZIP with one folder of images per class")
    source.add_argument("--example-classes", action="store_true", help="your classes: the bundled example set")
    return parser


def main(argv: list[str] | None = None) -> float:
    """Train and print the test accuracy (digits) or the validation accuracy (your own classes)."""
    args = _parser().parse_args(argv)
    own = bool(args.folder or args.zip or args.example_classes)
    defaults = classes.DEFAULTS if own else {"preset": DEFAULT_PRESET, **DEFAULTS}
    settings = {key: getattr(args, key) if getattr(args, key) is not None else defaults[key]
                for key in ("preset", "epochs", "lr", "batch_size", "optimizer")}
    if own:
        if args.example_classes:
            image_set, problems = archive.example_set(), []
        elif args.zip:
            image_set, problems = archive.from_zip(Path(args.zip).read_bytes())
        else:
            image_set, problems = archive.from_folder(args.folder)
        for problem in problems:
            print(f"skipped {problem.name}: {problem.why}")
        data = classes.dataset(image_set, args.size, args.colour, args.seed)
        shape = (3 if args.colour else 1, args.size, args.size)
        specs = for_classes(PRESETS[settings["preset"]], len(image_set.classes))
        model = build(specs, shape, seed=args.seed, classes=len(image_set.classes))
        print(f"classes: {', '.join(f'{n} ({c})' for n, c in zip(image_set.names, image_set.counts()))}; "
              f"{len(data.x_val)} kept for validation")
    else:
        data = (split(*load_idx(Path(args.idx[0]).read_bytes(), Path(args.idx[1]).read_bytes()), seed=args.seed)
                if args.idx else load_digits(args.seed))
        model = build(PRESETS[settings["preset"]], seed=args.seed)
    device = pick_device() if args.device is None else torch.device(args.device)
    print(f"{settings['preset']}: {sum(p.numel() for p in model.parameters()):,} parameters, {len(data.x_train)} "
          f"training images, on {device_label(device)}")
    started = time.perf_counter()

    def report(epoch: Epoch) -> None:
        print(f"epoch {epoch.epoch:2d}  train loss {epoch.train_loss:.4f} acc {epoch.train_acc:.3f}  "
              f"val loss {epoch.val_loss:.4f} acc {epoch.val_acc:.3f}  ({epoch.seconds:.1f} s)", flush=True)

    train(model, data, epochs=settings["epochs"], lr=settings["lr"], batch_size=settings["batch_size"],
          optimizer=settings["optimizer"], seed=args.seed, device=device, on_epoch=report,
          augment=Augment() if own else None)
    print(f"trained in {time.perf_counter() - started:.1f} s")
    if own:
        _, accuracy, _ = evaluate(model, data.x_val, data.y_val)
        print(f"validation accuracy: {accuracy:.2f}")
    else:
        _, accuracy, _ = evaluate(model, data.x_test, data.y_test)
        print(f"test accuracy: {accuracy:.2f}")
    return accuracy


if __name__ == "__main__":
    main()
