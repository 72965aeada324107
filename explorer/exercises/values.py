"""Questions about one output value: a convolution's (cross-correlation or true convolution), a pooling's and a
transposed convolution's; and which preset kernel made which of four pictures. Pure Python on small integer
grids, so that the worked solution shows every product."""
from __future__ import annotations

import random

from explorer import geometry
from explorer.exercises.question import Say, show

Grid = list[list[int]]


def _grid(rng: random.Random, rows: int, cols: int, low: int, high: int) -> Grid:
    return [[rng.randint(low, high) for _ in range(cols)] for _ in range(rows)]


def _padded(grid: Grid, pad: int, fill=0) -> list[list]:
    width = len(grid[0]) + 2 * pad
    edge = [[fill] * width for _ in range(pad)]
    return edge + [[fill] * pad + list(row) + [fill] * pad for row in grid] + [list(r) for r in edge]


def _flip(kernel: Grid) -> Grid:
    return [list(reversed(row)) for row in reversed(kernel)]


def _term(a, b) -> str:
    return f"{a}·{b}" if b >= 0 else f"{a}·({b})"


def _rows(grid) -> str:
    """A small grid on one line: ``[1 2; 3 4]``."""
    return "[" + "; ".join(" ".join(str(v) for v in row) for row in grid) + "]"


def _window(padded: list[list], top: int, left: int, kh: int, kw: int) -> list[list] | None:
    if top + kh > len(padded) or left + kw > len(padded[0]):
        return None
    return [row[left:left + kw] for row in padded[top:top + kh]]


def _dot(window: list[list], kernel: Grid) -> int:
    return sum(v * k for wrow, krow in zip(window, kernel) for v, k in zip(wrow, krow))


def _pooled(window: list[list], how: str) -> float:
    """A pooling window's output: its largest value, or its mean to four decimals."""
    flat = [v for row in window for v in row]
    return max(flat) if how == "max" else round(sum(flat) / len(flat), 4)


def _position(rng: random.Random, out: tuple[int, int]) -> tuple[int, int]:
    return rng.randrange(out[0]), rng.randrange(out[1])


def conv_value(rng: random.Random, level: int) -> dict:
    """One output cell: the window under the kernel (flipped first for a true convolution), multiplied and summed."""
    h, w = ((4, 4), (5, 5))[level - 1] if level < 3 else (rng.randint(4, 6), rng.randint(4, 6))
    kh, kw = rng.choice(((2, 2), (3, 3))) if level < 3 else rng.choice(((2, 3), (3, 2), (3, 3)))
    stride = 1 if level == 1 else rng.randint(1, 2)
    pad = 0 if level == 1 else rng.randint(0, 1)
    flip = level == 3 and rng.random() < 0.5
    image, kernel = _grid(rng, h, w, 0, 5), _grid(rng, kh, kw, -1 if level == 1 else -2, 2)
    out = (geometry.output_size(h, kh, stride, pad), geometry.output_size(w, kw, stride, pad))
    row, col = _position(rng, out)
    padded = _padded(image, pad)
    used = _flip(kernel) if flip else kernel
    window = _window(padded, row * stride, col * stride, kh, kw)
    answer = _dot(window, used)
    other = _flip(kernel) if not flip else kernel
    unpadded = _window(image, row * stride, col * stride, kh, kw) if pad else None
    unstrided = _window(padded, row, col, kh, kw) if stride > 1 else None
    swapped = _window(padded, col * stride, row * stride, kh, kw) if row != col else None
    mistakes = {
        "not_flipped" if flip else "flipped": _dot(window, other),
        "padding_ignored": _dot(unpadded, used) if unpadded else None,
        "stride_ignored": _dot(unstrided, used) if unstrided else None,
        "row_col_swapped": _dot(swapped, used) if swapped else None,
    }
    products = " + ".join(_term(v, k) for wrow, krow in zip(window, used) for v, k in zip(wrow, krow))
    lines = [("ex.sol.flip", {"kernel": _rows(used)})] if flip else []
    return {
        "params": {"input": image, "kernel": kernel, "stride": (stride, stride), "padding": (pad, pad),
                   "flip": flip, "position": (row, col)},
        "answer": answer, "shape": "number", "mistakes": mistakes,
        "prompt_lines": (("ex.conv_value.prompt", {"op": Say("ex.op_conv" if flip else "ex.op_xcorr"), "s": stride,
                                                    "p": pad, "row": row, "col": col, "out": f"{out[0]}×{out[1]}"}),
                         ("ex.ask.number", {})),
        "solution_lines": tuple(lines) + (
            ("ex.sol.window", {"top": row * stride, "left": col * stride, "pad": pad, "window": _rows(window)}),
            ("ex.sol.sum", {"products": products, "answer": answer})),
    }


def pool_value(rng: random.Random, level: int) -> dict:
    """One output cell: the window's largest value, or its mean (padding's zeros counted, as torch does)."""
    mode = rng.choice(("max", "avg"))
    k = rng.choice((2, 3)) if level > 1 else 2
    stride = k if level == 1 else rng.randint(1, k)
    pad = 1 if level == 3 and rng.random() < 0.5 else 0
    h, w = (4, 4) if level == 1 else (rng.randint(4, 6), rng.randint(4, 6))
    image = _grid(rng, h, w, 0, 9)
    out = (geometry.output_size(h, k, stride, pad), geometry.output_size(w, k, stride, pad))
    row, col = _position(rng, out)
    real = [[True] * w for _ in range(h)]
    padded, inside = _padded(image, pad), _padded(real, pad, False)
    window = _window(padded, row * stride, col * stride, k, k)
    cells = [v for wrow, irow in zip(window, _window(inside, row * stride, col * stride, k, k))
             for v, i in zip(wrow, irow) if i]

    answer = _pooled(window, mode)
    unstrided = _window(padded, row, col, k, k) if stride > 1 else None
    swapped = _window(padded, col * stride, row * stride, k, k) if row != col and col < out[0] and row < out[1] \
        else None
    mistakes = {
        "mean_instead_of_max" if mode == "max" else "max_instead_of_mean": _pooled(window, "avg" if mode == "max"
                                                                                 else "max"),
        "padding_not_counted": round(sum(cells) / len(cells), 4) if mode == "avg" and pad else None,
        "stride_ignored": _pooled(unstrided, mode) if unstrided else None,
        "row_col_swapped": _pooled(swapped, mode) if swapped else None,
    }
    flat = [v for r in window for v in r]
    work = (f"max({', '.join(map(str, flat))}) = {answer}" if mode == "max"
            else f"({' + '.join(map(str, flat))}) / {len(flat)} = {sum(flat)} / {len(flat)} = {show(answer, 'number')}")
    return {
        "params": {"input": image, "kernel_size": (k, k), "stride": (stride, stride), "padding": (pad, pad),
                   "mode": mode, "position": (row, col)},
        "answer": answer, "shape": "number", "mistakes": mistakes, "tolerance": 0.01 if mode == "avg" else 0.0,
        "prompt_lines": (("ex.pool_value.prompt", {"how": Say(f"ex.mode_{mode}"), "k": k, "s": stride, "p": pad,
                                                    "row": row, "col": col, "out": f"{out[0]}×{out[1]}"}),
                         ("ex.ask.decimal" if mode == "avg" else "ex.ask.number", {})),
        "solution_lines": (("ex.sol.window", {"top": row * stride, "left": col * stride, "pad": pad,
                                              "window": _rows(window)}),
                           ("ex.sol.pool_pad_max" if mode == "max" else "ex.sol.pool_pad_avg", {}) if pad else
                           ("ex.sol.pool_no_pad", {}),
                           ("ex.sol.pool", {"how": Say(f"ex.mode_{mode}"), "work": work})),
    }


def pool_grid(rng: random.Random, level: int) -> dict:
    """The whole output of a small pooling (at most 3×3 cells), typed as rows: each cell a window's largest value
    or its mean."""
    mode = rng.choice(("max", "avg"))
    while True:
        k = 2 if level == 1 else rng.choice((2, 3))
        stride = k if level < 3 else rng.randint(1, k)
        pad = 1 if level == 3 and mode == "max" and rng.random() < 0.4 else 0
        h, w = (4, 4) if level == 1 else (rng.randint(4, 6), rng.randint(4, 6))
        out = (geometry.output_size(h, k, stride, pad), geometry.output_size(w, k, stride, pad))
        if max(out) <= 3:
            break
    image = _grid(rng, h, w, 0, 9)
    padded = _padded(image, pad)         # shown as 0; a max of 0–9 is never lower (torch pads a max with −∞)

    windows = [[_window(padded, r * stride, c * stride, k, k) for c in range(out[1])] for r in range(out[0])]
    answer = [[_pooled(win, mode) for win in row] for row in windows]
    other = [[_pooled(win, "avg" if mode == "max" else "max") for win in row] for row in windows]
    transposed = [list(col) for col in zip(*answer)] if out[0] == out[1] else None
    work = "  \n".join(f"({r}, {c}): " + (f"max{tuple(v for row in win for v in row)} = {show(answer[r][c], 'number')}"
                                           if mode == "max" else
                                           f"{sum(v for row in win for v in row)} / {k * k} = "
                                           f"{show(answer[r][c], 'number')}")
                        for r, row in enumerate(windows) for c, win in enumerate(row))
    return {
        "params": {"input": image, "kernel_size": (k, k), "stride": (stride, stride), "padding": (pad, pad),
                   "mode": mode},
        "answer": answer, "shape": "grid", "tolerance": 0.01 if mode == "avg" else 0.0,
        "mistakes": {"mean_instead_of_max" if mode == "max" else "max_instead_of_mean": other,
                     "grid_transposed": transposed},
        "prompt_lines": (("ex.pool_grid.prompt", {"how": Say(f"ex.mode_{mode}"), "k": k, "s": stride, "p": pad,
                                                   "out": f"{out[0]}×{out[1]}"}),
                         ("ex.ask.grid_decimal" if mode == "avg" else "ex.ask.grid", {})),
        "solution_lines": (("ex.sol.pool_pad_max" if mode == "max" else "ex.sol.pool_no_pad", {}) if pad else
                           ("ex.sol.pool_no_pad", {}),
                           ("ex.sol.pool_cells", {"how": Say(f"ex.mode_{mode}"), "work": work})),
    }


def _stamps(image: Grid, kernel: Grid, stride: int, y: int, x: int) -> list[tuple[int, int, int, int]]:
    """The input cells whose stamp (the kernel times the cell, placed at ``stride``·its position) covers cell
    (y, x) of the uncropped output, with the kernel cell that lands there: (i, j, a, b)."""
    found = []
    for i, row in enumerate(image):
        for j in range(len(row)):
            a, b = y - i * stride, x - j * stride
            if 0 <= a < len(kernel) and 0 <= b < len(kernel[0]):
                found.append((i, j, a, b))
    return found


def transposed_value(rng: random.Random, level: int) -> dict:
    """One output cell: every input cell stamps the kernel times itself at ``stride`` steps; the stamps that reach
    the cell add up there (the padding crops the stamped picture on each side)."""
    while True:
        side = 2 if level == 1 else rng.choice((2, 3))
        k = rng.choice((2, 3))
        stride = rng.randint(1, 2)
        pad = 1 if level == 3 and rng.random() < 0.5 and k > 1 else 0
        image, kernel = _grid(rng, side, side, -1, 3), _grid(rng, k, k, -1, 2)
        out = geometry.transposed_output_size(side, k, stride, pad)
        row, col = _position(rng, (out, out))
        stamps = _stamps(image, kernel, stride, row + pad, col + pad)
        if out >= 2 and len(stamps) >= (1 if level == 1 else 2):
            break
    answer = sum(image[i][j] * kernel[a][b] for i, j, a, b in stamps)
    flipped = _flip(kernel)
    uncropped = _stamps(image, kernel, stride, row, col) if pad else None
    mistakes = {
        "one_stamp_only": image[stamps[0][0]][stamps[0][1]] * kernel[stamps[0][2]][stamps[0][3]]
        if len(stamps) > 1 else None,
        "stamps_flipped": sum(image[i][j] * flipped[a][b] for i, j, a, b in stamps),
        "crop_ignored": sum(image[i][j] * kernel[a][b] for i, j, a, b in uncropped) if uncropped else None,
    }
    terms = " + ".join(f"{_term(image[i][j], kernel[a][b])}" for i, j, a, b in stamps)
    listed = "; ".join(f"({i}, {j}) → ({a}, {b})" for i, j, a, b in stamps)
    return {
        "params": {"input": image, "kernel": kernel, "stride": (stride, stride), "padding": (pad, pad),
                   "position": (row, col)},
        "answer": answer, "shape": "number", "mistakes": mistakes,
        "prompt_lines": (("ex.transposed_value.prompt", {"s": stride, "p": pad, "row": row, "col": col,
                                                          "out": f"{out}×{out}"}), ("ex.ask.number", {})),
        "solution_lines": (("ex.sol.stamps", {"s": stride, "p": pad, "y": row + pad, "x": col + pad,
                                              "listed": listed}),
                           ("ex.sol.sum", {"products": terms, "answer": answer})),
    }


KERNEL_CHOICES = ("gaussian_blur", "sharpen", "sobel_x", "sobel_y")
CONFUSED = {"sobel_x": ("sobel_axes_swapped", "sobel_y"), "sobel_y": ("sobel_axes_swapped", "sobel_x"),
            "gaussian_blur": ("blur_sharpen_swapped", "sharpen"), "sharpen": ("blur_sharpen_swapped", "gaussian_blur")}


def which_kernel(rng: random.Random, level: int) -> dict:
    """Four pictures made from one photo (the page's: a sample or the student's own) by blur, sharpen, Sobel x and
    Sobel y, in a drawn order: which one is the asked kernel's? ``crop``: the side of the photo's centre shown,
    smaller at a higher level, where the difference is harder to see."""
    choices = list(KERNEL_CHOICES)
    rng.shuffle(choices)
    asked = rng.choice(KERNEL_CHOICES)
    mistake, confused_with = CONFUSED[asked]
    answer = choices.index(asked) + 1            # the picture's position, 1–4 (A–D)
    return {
        "params": {"choices": choices, "asked": asked, "crop": (256, 128, 64)[level - 1]},
        "answer": answer, "shape": "choice", "mistakes": {mistake: choices.index(confused_with) + 1},
        "prompt_lines": (("ex.which_kernel.prompt", {"kernel": Say(f"preset.{asked}")}), ("ex.ask.choice", {})),
        "solution_lines": (("ex.sol.which_kernel", {"letter": "ABCD"[answer - 1], "kernel": Say(f"preset.{asked}"),
                                                     "why": Say(f"ex.why.{asked}")}),),
    }
