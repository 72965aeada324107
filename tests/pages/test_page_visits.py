"""Every page after every other page: state a page keeps must not outlive the widget that holds it.

Streamlit drops a widget's value on a run that does not draw it, while state kept beside it survives; Kernel Lab
then failed on every return (``KeyError: 'kl.x'``). One session walks every ordered pair of pages once.
"""
from tests.helpers import CHANNELS, IM2COL, KERNEL_LAB, NETWORK, POOLING, SLIDING, TRANSPOSED, start

PAGES = [KERNEL_LAB, SLIDING, POOLING, TRANSPOSED, CHANNELS, IM2COL, NETWORK]


def every_ordered_pair(nodes: list) -> list:
    """A walk through every ordered pair ``(a, b)``, ``a ≠ b``, exactly once (an Euler circuit, Hierholzer)."""
    left = {a: [b for b in reversed(nodes) if b != a] for a in nodes}
    stack, walk = [nodes[0]], []
    while stack:
        if left[stack[-1]]:
            stack.append(left[stack[-1]].pop())
        else:
            walk.append(stack.pop())
    return walk[::-1]


def test_the_walk_covers_every_ordered_pair_once():
    walk = every_ordered_pair(PAGES)
    pairs = list(zip(walk, walk[1:]))
    assert len(pairs) == len(set(pairs)) == len(PAGES) * (len(PAGES) - 1)


def test_every_page_opens_after_every_other_page_with_its_settings_kept():
    at = start(KERNEL_LAB)
    at.number_input(key="kl.x").set_value(3).run()        # a value a page keeps: it must survive the walk
    walk = every_ordered_pair(PAGES)
    for number, page in enumerate(walk):
        at.switch_page(page).run()
        assert not at.exception, (walk[number - 1], page, [e.value for e in at.exception])
        assert not at.error, (walk[number - 1], page, [e.value for e in at.error])
    assert at.switch_page(KERNEL_LAB).run().number_input(key="kl.x").value == 3
