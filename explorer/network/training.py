"""Training and evaluation: the loop with its callbacks (progress, live curves, Stop), and the confusion matrix."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

# torch._dynamo: torch.optim imports it on the first optimizer, 1 s holding the GIL, which froze every student of
# that server when the first one pressed Train; imported here, the server's first page pays it
import torch
import torch._dynamo  # noqa: F401
import torch.nn.functional as F
from torch import nn

from explorer.device import pick_device, torch_threads
from explorer.network import CLASSES, NetworkError
from explorer.network.data import Data

OPTIMIZERS = ("adam", "sgd")
DEFAULTS = {"epochs": 12, "lr": 0.01, "batch_size": 32, "optimizer": "adam"}


class Every:
    """``due()`` is true at most once per ``seconds`` of ``clock`` (counted from when it is made): how often a page
    redraws while it trains. Each redraw is a message the browser renders, and on a shared machine the browser
    takes the cores the training needs.

    Example:
        >>> ticks = iter([0.0, 0.1, 0.3, 0.4, 0.6])
        >>> every = Every(0.25, clock=lambda: next(ticks))
        >>> [every.due() for _ in range(4)]
        [False, True, False, True]
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.perf_counter):
        self.seconds, self.clock = seconds, clock
        self.last = clock()

    def due(self) -> bool:
        now = self.clock()
        if now - self.last < self.seconds:
            return False
        self.last = now
        return True


@dataclass
class Epoch:
    """Loss and accuracy after one epoch."""
    epoch: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    seconds: float


def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor, batch: int = 512) -> tuple[float, float, torch.Tensor]:
    """``(loss, accuracy, predictions)`` in eval mode."""
    device = next(model.parameters()).device
    model.eval()
    losses, predictions = [], []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            logits = model(x[i:i + batch].to(device))
            losses.append(F.cross_entropy(logits, y[i:i + batch].to(device), reduction="sum").item())
            predictions.append(logits.argmax(1).cpu())
    predicted = torch.cat(predictions) if predictions else torch.zeros(0, dtype=torch.long)
    return sum(losses) / max(len(x), 1), float((predicted == y).float().mean()) if len(y) else 0.0, predicted


def train(model: nn.Module, data: Data, *, epochs: int = 8, lr: float = 0.01, batch_size: int = 32,
          optimizer: str = "adam", seed: int = 0, device=None, on_epoch=None, on_step=None,
          augment: Callable[[torch.Tensor, torch.Generator], torch.Tensor] | None = None,
          threads: int | None = None) -> list[Epoch]:
    """Train ``model`` on ``data`` and validate after every epoch.

    ``on_step(epoch, step, steps)`` and ``on_epoch(Epoch)`` are called as it
    goes; either may return ``False`` to stop early (the Stop button).
    ``threads``: torch's intra-op threads meanwhile (see :func:`torch_threads`; ``None``: as they are).
    Deterministic for a given ``seed`` on the CPU.
    """
    if optimizer not in OPTIMIZERS:
        raise NetworkError("err.optimizer", value=repr(optimizer), allowed=", ".join(OPTIMIZERS))
    with torch_threads(threads):
        device = torch.device(device) if device is not None else pick_device()
        torch.manual_seed(seed)
        model.to(device)
        opt = (torch.optim.Adam(model.parameters(), lr=lr) if optimizer == "adam"
               else torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9))
        generator = torch.Generator().manual_seed(seed)
        x, y = data.x_train, data.y_train
        steps = (len(x) + batch_size - 1) // batch_size
        history = []
        for epoch in range(1, epochs + 1):
            start = time.perf_counter()
            model.train()
            order = torch.randperm(len(x), generator=generator)
            total, correct, seen = 0.0, 0, 0
            for step in range(steps):
                index = order[step * batch_size:(step + 1) * batch_size]
                xb, yb = x[index], y[index].to(device)
                xb = (augment(xb, generator) if augment is not None else xb).to(device)
                logits = model(xb)
                loss = F.cross_entropy(logits, yb)
                opt.zero_grad()
                loss.backward()
                opt.step()
                total += loss.item() * len(index)
                correct += int((logits.argmax(1) == yb).sum())
                seen += len(index)
                if on_step is not None and on_step(epoch, step + 1, steps) is False:
                    return history
            val_loss, val_acc, _ = evaluate(model, data.x_val, data.y_val)
            record = Epoch(epoch, total / seen, correct / seen, val_loss, val_acc, time.perf_counter() - start)
            history.append(record)
            if on_epoch is not None and on_epoch(record) is False:
                break
        return history


@dataclass(frozen=True)
class Overfit:
    """Signs that a network learns its training images rather than the classes."""
    best_epoch: int          # where the validation loss was lowest
    train_acc: float         # at the last epoch
    val_acc: float


def overfitting(history: list[Epoch], gap: float = 0.1) -> Overfit | None:
    """``Overfit`` when, after three or more epochs, the validation loss is no longer at its lowest and either
    the training accuracy has been ``gap`` or more above the validation accuracy for the last two epochs, or the
    validation loss has risen by a tenth since its lowest, two or more epochs ago, while the training loss went
    on falling and the accuracies are at least half of ``gap`` apart; else ``None`` (early epochs are noisy,
    BatchNorm's running statistics lag behind, and a small loss rises by a tenth easily: the default run was
    called overfitting at 98 % training against 96 % validation).

    Example:
        >>> e = [Epoch(n, 1 / n, 0.6 + 0.1 * n, 0.5 + abs(n - 2) / 4, 0.75, 0.0) for n in range(1, 5)]
        >>> overfitting(e), overfitting(e[:3]), overfitting(e[:2])
        (Overfit(best_epoch=2, train_acc=1.0, val_acc=0.75), None, None)
    """
    if len(history) < 3:
        return None
    before, last = history[-2:]
    best = min(history, key=lambda e: e.val_loss)
    if best is last:
        return None
    apart = last.train_acc - last.val_acc >= gap and before.train_acc - before.val_acc >= gap
    rising = (last.epoch - best.epoch >= 2 and last.val_loss > 1.1 * best.val_loss
              and last.train_loss < best.train_loss and last.train_acc - last.val_acc >= gap / 2)
    return Overfit(best.epoch, last.train_acc, last.val_acc) if apart or rising else None


def confusion(y_true: torch.Tensor, y_pred: torch.Tensor, classes: int = CLASSES) -> np.ndarray:
    """``counts[true, predicted]``.

    Example:
        >>> confusion(torch.tensor([0, 1, 1]), torch.tensor([0, 1, 0]), 2).tolist()
        [[1, 0], [1, 1]]
    """
    counts = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return counts
