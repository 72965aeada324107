"""Turns at training: never more than the capacity at once, first come first served, and a waiting training that
gives up leaves the queue."""
import threading
import time

import pytest

from explorer.network import slots
from explorer.network.slots import Slots, Waiting


def run_trainings(pool: Slots, count: int, hold: float, seen: list, waits: dict, fail: set = frozenset()):
    inside, lock = [0], threading.Lock()
    peaks = []

    def student(n):
        def told(waiting):
            waits.setdefault(n, []).append(waiting)
            if n in fail:
                raise RuntimeError("stopped")           # as Streamlit stops a run whose student left
        try:
            with pool.turn(told, every=0.01):
                with lock:
                    inside[0] += 1
                    peaks.append(inside[0])
                    seen.append(n)
                time.sleep(hold)
                with lock:
                    inside[0] -= 1
        except RuntimeError:
            pass

    threads = []
    for n in range(count):
        threads.append(threading.Thread(target=student, args=(n,)))
        threads[-1].start()
        time.sleep(0.02)                                 # they arrive in this order
    for thread in threads:
        thread.join(10)
    return peaks


def test_never_more_than_the_capacity_at_once_and_in_order_of_arrival():
    pool, seen, waits = Slots(2), [], {}
    peaks = run_trainings(pool, 6, 0.15, seen, waits)
    assert max(peaks) == 2
    assert seen == list(range(6))
    assert pool.running == 0 and pool.waiting == 0


def test_a_waiting_training_is_told_its_place_and_the_place_only_goes_down():
    pool, seen, waits = Slots(1), [], {}
    run_trainings(pool, 4, 0.1, seen, waits)
    assert 0 not in waits                                # the first starts at once
    assert waits[3][0] == Waiting(place=3, running=1)    # two waiting before it, one running
    for told in waits.values():
        places = [w.place for w in told]
        assert places == sorted(places, reverse=True) and places[-1] == 1


def test_a_training_that_stops_waiting_leaves_the_queue_and_the_others_go_on():
    pool, seen, waits = Slots(1), [], {}
    run_trainings(pool, 4, 0.1, seen, waits, fail={2})
    assert seen == [0, 1, 3]
    assert pool.running == 0 and pool.waiting == 0


def test_an_error_inside_the_turn_frees_the_slot():
    pool = Slots(1)
    with pytest.raises(ZeroDivisionError):
        with pool.turn():
            raise ZeroDivisionError
    with pool.turn():
        assert pool.running == 1


def test_capacity_comes_from_the_environment_or_the_cores(monkeypatch):
    monkeypatch.setenv(slots.SWITCH, "3")
    assert Slots().capacity == 3
    for bad in ("0", "-1", "two", ""):
        monkeypatch.setenv(slots.SWITCH, bad)
        assert Slots().capacity == slots.cores() >= 1
    with pytest.raises(ValueError):
        Slots(0)
