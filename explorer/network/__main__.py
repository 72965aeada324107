"""``python -m explorer.lenet``: train a preset on the bundled digits (or MNIST files, or a folder) and test it."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from explorer.device import DEVICE_NAMES, device_label, pick_device
from explorer.network.data import load_digits, load_folder, load_idx, split
from explorer.network.layers import build
from explorer.network.presets import DEFAULT_PRESET, PRESETS
from explorer.network.training import DEFAULTS, OPTIMIZERS, Epoch, evaluate, train


def main(argv: list[str] | None = None) -> float:
    """Train the default network on the bundled digits and print the test accuracy."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0].strip("`"))
    parser.add_argument("--preset", default=DEFAULT_PRESET, choices=list(PRESETS))
    parser.add_argument("--epochs", type=int, default=DEFAULTS["epochs"])
    parser.add_argument("--lr", type=float, default=DEFAULTS["lr"])
    parser.add_argument("--batch-size", type=int, default=DEFAULTS["batch_size"])
    parser.add_argument("--optimizer", default=DEFAULTS["optimizer"], choices=OPTIMIZERS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--device", default=None, choices=[None, *DEVICE_NAMES])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--idx", nargs=2, metavar=("IMAGES", "LABELS"), help="MNIST IDX files (may be .gz)")
    source.add_argument("--folder", help="a folder with sub-folders 0 … 9 of digit images")
    args = parser.parse_args(argv)
    if args.idx:
        data = split(*load_idx(Path(args.idx[0]).read_bytes(), Path(args.idx[1]).read_bytes()), seed=args.seed)
    elif args.folder:
        data = split(*load_folder(args.folder), seed=args.seed)
    else:
        data = load_digits(args.seed)
    model = build(PRESETS[args.preset], seed=args.seed)
    device = pick_device() if args.device is None else torch.device(args.device)
    print(f"{args.preset}: {sum(p.numel() for p in model.parameters()):,} parameters, {len(data.x_train)} training "
          f"images, on {device_label(device)}")
    started = time.perf_counter()

    def report(epoch: Epoch) -> None:
        print(f"epoch {epoch.epoch:2d}  train loss {epoch.train_loss:.4f} acc {epoch.train_acc:.3f}  "
              f"val loss {epoch.val_loss:.4f} acc {epoch.val_acc:.3f}  ({epoch.seconds:.1f} s)", flush=True)

    train(model, data, epochs=args.epochs, lr=args.lr, batch_size=args.batch_size, optimizer=args.optimizer,
          seed=args.seed, device=device, on_epoch=report)
    _, accuracy, _ = evaluate(model, data.x_test, data.y_test)
    print(f"trained in {time.perf_counter() - started:.1f} s")
    print(f"test accuracy: {accuracy:.2f}")
    return accuracy


if __name__ == "__main__":
    main()
