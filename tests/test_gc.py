"""The collector pause never changes the user's collector state: the on/off switch is never touched, from any
thread, and the thresholds come back as they were unless something else set them meanwhile."""

import gc
import threading
from collections.abc import Iterator

import pytest

import briefmodel as bm
from briefmodel._gc import collector_paused

TEXT = "A Title Line\n\nDecember 1, 2024\n\nRussian forces attacked near Pokrovsk, Rybar claimed.[1]\n\n[1] x\n" * 50


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """Each test leaves the collector as it found it, whatever it asserts."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_parse_leaves_the_switch_and_the_thresholds(enabled: bool) -> None:
    gc.enable() if enabled else gc.disable()
    gc.set_threshold(500, 7, 9)
    bm.parse(TEXT).claims  # noqa: B018  (reading the claims pauses too)
    assert gc.isenabled() is enabled
    assert gc.get_threshold() == (500, 7, 9)


def test_no_automatic_collection_during_a_pause_and_collect_still_works() -> None:
    runs: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(phase)

    @collector_paused
    def allocate() -> int:
        kept = [[index] for index in range(100_000)]  # containers: each counts toward a collection
        automatic = len(runs)
        gc.collect()
        return automatic + len(kept) - 100_000

    gc.enable()
    gc.callbacks.append(count)
    try:
        assert allocate() == 0 and len(runs) == 1  # the explicit gc.collect() ran
    finally:
        gc.callbacks.remove(count)


def test_a_user_disable_while_a_parse_runs_in_another_thread_stays() -> None:
    """The issue's case: the user turns the collector off while another thread parses; the parse ends after."""
    inside, disabled = threading.Event(), threading.Event()

    @collector_paused
    def parse_waiting() -> bm.Report:
        inside.set()
        assert disabled.wait(10)
        return bm.parse(TEXT)

    gc.enable()
    worker = threading.Thread(target=parse_waiting)
    worker.start()
    assert inside.wait(10)
    gc.disable()  # the user's, while the pause runs
    disabled.set()
    worker.join(10)
    assert not gc.isenabled()


def test_a_user_enable_while_a_parse_runs_stays() -> None:
    inside, enabled = threading.Event(), threading.Event()

    @collector_paused
    def parse_waiting() -> None:
        inside.set()
        assert enabled.wait(10)

    gc.disable()
    worker = threading.Thread(target=parse_waiting)
    worker.start()
    assert inside.wait(10)
    gc.enable()
    enabled.set()
    worker.join(10)
    assert gc.isenabled()


def test_thresholds_come_back_when_the_last_of_overlapping_pauses_ends() -> None:
    gc.set_threshold(700, 10, 10)
    first_in, second_in, second_may_end = (threading.Event() for _ in range(3))

    @collector_paused
    def first() -> None:
        first_in.set()
        assert second_in.wait(10)

    @collector_paused
    def second() -> None:
        second_in.set()
        assert second_may_end.wait(10)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert first_in.wait(10)
    threads[1].start()
    threads[0].join(10)
    assert gc.get_threshold() == (0, 10, 10)  # the second pause still runs
    second_may_end.set()
    threads[1].join(10)
    assert gc.get_threshold() == (700, 10, 10)


def test_thresholds_the_user_sets_during_a_pause_stay() -> None:
    gc.set_threshold(700, 10, 10)

    @collector_paused
    def user_sets() -> None:
        gc.set_threshold(1_000, 20, 20)

    user_sets()
    assert gc.get_threshold() == (1_000, 20, 20)


def test_a_pause_that_raises_restores_and_nests() -> None:
    gc.set_threshold(700, 10, 10)

    @collector_paused
    def inner() -> None:
        assert gc.get_threshold() == (0, 10, 10)
        raise ValueError("boom")

    @collector_paused
    def outer() -> None:
        with pytest.raises(ValueError, match="boom"):
            inner()
        assert gc.get_threshold() == (0, 10, 10)  # still inside the outer pause

    outer()
    assert gc.get_threshold() == (700, 10, 10)


def test_many_threads_parsing_while_the_user_toggles() -> None:
    gc.set_threshold(700, 10, 10)
    stop = threading.Event()
    errors: list[BaseException] = []

    def parse_many() -> None:
        try:
            while not stop.is_set():
                bm.parse(TEXT).claims  # noqa: B018
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    workers = [threading.Thread(target=parse_many) for _ in range(4)]
    for worker in workers:
        worker.start()
    try:
        for round_ in range(200):
            if round_ % 2:
                gc.enable()
                assert gc.isenabled()
            else:
                gc.disable()
                assert not gc.isenabled()
    finally:
        gc.disable()  # the user's last word
        stop.set()
        for worker in workers:
            worker.join(30)
    assert not errors
    assert not gc.isenabled()
    assert gc.get_threshold() == (700, 10, 10)
