"""The bounded map behind the kept statements: least recently used out first, and many threads
reading and writing at once neither fail nor grow it past its size."""

import threading

from backend.common.recent import Recent


def test_the_least_recently_used_entry_goes_first():
    recent: Recent[str] = Recent(2)
    recent.put("a", "1")
    recent.put("b", "2")
    assert recent.get("a") == "1"  # "b" is now the oldest
    recent.put("c", "3")
    assert recent.get("b") is None and recent.get("a") == "1" and recent.get("c") == "3"
    assert len(recent) == 2 and sorted(recent.values()) == ["1", "3"]
    recent.clear()
    assert len(recent) == 0 and recent.get("a") is None


def test_threads_sharing_it_never_fail_and_never_overfill_it():
    recent: Recent[int] = Recent(50)
    failures: list[BaseException] = []

    def churn(offset: int) -> None:
        try:
            for i in range(2000):
                recent.put((offset + i) % 120, i)
                recent.get((offset + 7 * i) % 120)
        except BaseException as error:  # any failure is the finding
            failures.append(error)

    workers = [threading.Thread(target=churn, args=(n * 13,)) for n in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == [] and len(recent) == 50
