"""Pages OCR'd side by side (parsers/ocr/parallel.py): page order kept, look-ahead bounded,
the run's slots capping pages in OCR across threads and processes, a dead worker's slot freed."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest

from kehoach.parsers.ocr import parallel


@pytest.fixture
def configured():
    """Each test sets the module's run settings; they go back to one thread, no slots, after it."""
    yield parallel.configure
    parallel.configure(1)


class Meter:
    """How many calls of `work` run at once, at most, and how far ahead items were drawn."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = self.peak = 0
        self.drawn = 0
        self.returned = 0
        self.max_ahead = 0
        self.threads: set[str] = set()

    def items(self, n: int):
        for k in range(n):
            self.drawn += 1
            self.max_ahead = max(self.max_ahead, self.drawn - self.returned)
            yield k

    def work(self, k: int) -> int:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
            self.threads.add(threading.current_thread().name)
        time.sleep(0.05 * ((k * 7) % 5))  # pages of unequal length finish out of order
        with self.lock:
            self.now -= 1
        return k * k


def test_results_come_in_item_order_with_pages_worked_on_at_once(configured):
    configured(3)
    meter = Meter()
    out = []
    for k, r in parallel.in_order(meter.items(12), meter.work):
        meter.returned += 1
        out.append((k, r))
    assert out == [(k, k * k) for k in range(12)]
    assert meter.peak == 3
    assert meter.max_ahead <= 3 + 1  # images in memory stay bounded by the threads


def test_one_thread_runs_on_the_calling_thread(configured):
    configured(1)
    meter = Meter()
    assert [r for _, r in parallel.in_order(meter.items(4), meter.work)] == [0, 1, 4, 9]
    assert meter.threads == {threading.current_thread().name} and meter.peak == 1


def test_an_error_is_raised_at_its_items_turn_after_the_pages_before_it(configured):
    configured(2)

    def work(k: int) -> int:
        if k == 2:
            raise ValueError("page 3 unreadable")
        time.sleep(0.05)
        return k

    seen = []
    with pytest.raises(ValueError, match="page 3"):
        for k, _ in parallel.in_order(range(6), work):
            seen.append(k)
    assert seen == [0, 1]


def test_the_runs_slots_cap_pages_in_ocr_whatever_the_threads(configured, tmp_path):
    slots = parallel.make_slots(2)
    try:
        configured(4, slots)
        meter = Meter()
        assert len(list(parallel.in_order(meter.items(10), meter.work))) == 10
        assert meter.peak == 2
    finally:
        parallel.remove_slots(slots)
    assert not slots.exists()


@contextmanager
def slots_with_one_held(n: int, configured):
    """A run of `n` slots, this process configured with two page threads, and one slot held by
    another "worker" (a thread) until the `release` event yielded is set."""
    slots = parallel.make_slots(n)
    held, release = threading.Event(), threading.Event()

    def other_worker() -> None:
        with parallel.slot():
            held.set()
            release.wait(10)

    other = threading.Thread(target=other_worker, daemon=True)
    try:
        configured(2, slots)
        other.start()
        assert held.wait(5)
        yield release
    finally:
        release.set()
        other.join(5)
        parallel.remove_slots(slots)


def test_pages_go_one_at_a_time_when_the_other_workers_hold_the_slots(configured):
    """Two slots, one held elsewhere (another worker's page): this document's pages are worked one
    after the other, never two at once, exactly as with one thread."""
    with slots_with_one_held(2, configured) as release:
        meter = Meter()
        assert [r for _, r in parallel.in_order(meter.items(6), meter.work)] == [k * k for k in range(6)]
        assert meter.peak == 1
        release.set()
        time.sleep(0.2)  # the other worker done: both slots free, two pages at once again
        meter = Meter()
        assert [r for _, r in parallel.in_order(meter.items(6), meter.work)] == [k * k for k in range(6)]
        assert meter.peak == 2


def test_light_items_take_no_slot_and_never_wait_for_one(configured):
    """A page kept from its text layer is no OCR: it is parsed at once even while every slot is held."""
    with slots_with_one_held(1, configured):
        t0 = time.perf_counter()
        out = [r for _, r in parallel.in_order(range(5), lambda k: -k, heavy=lambda k: False)]
        assert out == [0, -1, -2, -3, -4] and time.perf_counter() - t0 < 1


HOLD = """
import sys, time
from kehoach.parsers.ocr import parallel
parallel.configure(1, sys.argv[1])
with parallel.slot():
    print("holding", flush=True)
    time.sleep(60)
"""


def _try_slot(done: threading.Event) -> None:
    with parallel.slot():
        done.set()


def test_a_slot_held_by_a_killed_worker_is_free_again(configured):
    slots = parallel.make_slots(1)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(slots)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "holding"
        configured(1, slots)
        got = threading.Event()
        waiter = threading.Thread(target=_try_slot, args=(got,), daemon=True)
        waiter.start()
        assert not got.wait(0.3)  # the other process holds the only slot
        proc.kill()  # a --timeout kills a worker mid-page
        proc.wait()
        assert got.wait(5)
    finally:
        proc.kill()
        parallel.remove_slots(slots)


def test_a_worker_limits_opencv_to_one_thread(configured, monkeypatch):
    cv2 = pytest.importorskip("cv2")
    monkeypatch.delenv("OPENCV_FOR_THREADS_NUM", raising=False)
    before = cv2.getNumThreads()
    try:
        configured(2)
        assert cv2.getNumThreads() == 1
    finally:
        cv2.setNumThreads(before)
