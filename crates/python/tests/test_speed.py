"""extract_many on 2 threads against 1, on the scrapinghub benchmark pages
(../shared/bench/scrapinghub/html, see its README). Prints the ratio and
the machine's load; skipped when the pages are absent.

Also runs as a script: python crates/python/tests/test_speed.py [BENCH_DIR]
"""

import glob
import gzip
import os
import sys
import time

import pytest

import dechaff

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.environ.get(
    "DECHAFF_BENCH", os.path.join(HERE, "..", "..", "..", "..", "shared", "bench", "scrapinghub", "html")
)
# The acceptance target: 2 threads at least this much faster than 1.
TARGET = 1.7


def load(directory):
    paths = sorted(glob.glob(os.path.join(directory, "*.html.gz")))
    return [gzip.open(p).read() for p in paths]


def measure(pages, rounds=5):
    """Best-of-`rounds` times of extract_many on 1 and on 2 threads, the
    two alternating so that a burst of other work on the machine hits
    both alike; and the results of the last round of each."""
    ex = dechaff.Extractor()
    ex.extract_many(pages, threads=2)  # warm up: pool, page cache, allocator
    t1 = t2 = float("inf")
    for _ in range(rounds):
        for threads in (1, 2):
            t = time.perf_counter()
            result = ex.extract_many(pages, threads=threads)
            t = time.perf_counter() - t
            if threads == 1:
                t1, r1 = min(t1, t), result
            else:
                t2, r2 = min(t2, t), result
    return t1, t2, r1, r2


def idle_share(seconds=1.0):
    """The share of all cores left idle by the rest of the machine over
    `seconds` (from /proc/stat), or None where that cannot be read."""

    def sample():
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total

    try:
        idle0, total0 = sample()
        time.sleep(seconds)
        idle1, total1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    return (idle1 - idle0) / max(1, total1 - total0)


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return None


def test_two_threads_faster_than_one(capsys):
    if not os.path.isdir(BENCH):
        pytest.skip(f"no benchmark pages at {BENCH} (see shared/bench/README.md)")
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: nothing to measure")
    pages = load(BENCH)
    assert len(pages) > 100
    load_before = load_average()
    idle = idle_share()
    t1, t2, r1, r2 = measure(pages)
    expected = [dechaff.extract(p) for p in pages]
    assert r1 == expected and r2 == expected
    ratio = t1 / t2
    with capsys.disabled():
        print(
            f"\nextract_many on {len(pages)} scrapinghub pages: 1 thread {t1:.3f}s, "
            f"2 threads {t2:.3f}s, ratio {ratio:.2f}x (target {TARGET}x); "
            f"cores idle before {idle if idle is None else round(idle, 2)}; "
            f"load average before {load_before}, after {load_average()}"
        )
    # A timing is a benchmark figure, not a test verdict: on a shared or
    # busy machine (CI runs other jobs, a JVM from the Spark test may still
    # be winding down) the ratio moves with the load, and an idle check
    # just before cannot see what starts during the run. The target is
    # enforced only when asked for, on a machine kept quiet for it
    # (DECHAFF_SPEED_STRICT=1); otherwise this checks the results and
    # reports the ratio.
    if os.environ.get("DECHAFF_SPEED_STRICT") == "1":
        assert ratio >= TARGET, f"2 threads only {ratio:.2f}x faster than 1 (load {load_before})"


if __name__ == "__main__":
    pages = load(sys.argv[1] if len(sys.argv) > 1 else BENCH)
    if not pages:
        sys.exit("no pages")
    print("load average:", load_average(), "cores idle:", idle_share())
    t1, t2, r1, r2 = measure(pages)
    assert r1 == r2 == [dechaff.extract(p) for p in pages]
    print(f"{len(pages)} pages: 1 thread {t1:.3f}s, 2 threads {t2:.3f}s, ratio {t1 / t2:.2f}x")
    print("load average:", load_average())
