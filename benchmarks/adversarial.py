"""Adversarial inputs: does parsing time grow linearly, and does memory stay bounded?

Each case is a unit repeated ``count`` times. It is parsed at n and 2n units in the same
process, best of a few runs each, in CPU seconds of this process (so that other work on the
machine counts little) and with the cache of marker lines emptied. The script prints the 2n/n
time ratio, which must be at most 2.3 for linear growth, the time at 1 MB of input, which must
be under a second, and the peak memory traced while parsing n, as a multiple of the input's
size. Exit status 1 when a case fails one of these bounds or raises.

    python benchmarks/adversarial.py            # every case
    python benchmarks/adversarial.py nul_bytes  # the named cases only
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from dataclasses import dataclass

import govdoc
from govdoc.numbering import clear_caches

MAX_RATIO = 2.3
MAX_SECONDS_AT_MB = 1.0
MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Case:
    """``unit`` repeated ``count`` times is the input at n; ``as_bytes`` parses its UTF-8
    (which may be refused as binary: see :func:`attempt`)."""

    name: str
    unit: str
    count: int
    as_bytes: bool = False

    def make(self, count: int) -> str | bytes:
        if "{" in self.unit:  # distinct lines, so that no cache of repeated lines helps
            text = "".join(self.unit.format(value=i % 999 + 1, serial=i) for i in range(count))
        else:
            text = self.unit * count
        return text.encode("utf-8") if self.as_bytes else text

    def count_for(self, size: int) -> int:
        sample = self.make(100)
        unit_size = len(sample.encode("utf-8") if isinstance(sample, str) else sample) / 100
        return max(1, int(size / unit_size))


CASES = (
    # 10 MB on one line at 2n: the marker grammar must only ever look at a line's beginning.
    Case("single_line_10mb", "各地区各部门要加强统筹协调形成工作合力", 5 * MB // 57),
    Case("marker_lines_100k", "{value}.加强第{serial}项工作\n", 100_000),
    Case("open_brackets_1mb", "（", MB // 3),
    Case("decimal_depth_1000", ".".join(["1"] * 1000) + " 标题\n", 500),
    Case("yishi_100k", "一是加强领导，", 100_000),
    Case("yishi_lines_100k", "一是加强领导。\n", 100_000),
    Case("only_newlines", "\n", MB),
    Case("nul_bytes", "正文\x00内容\x00。\n", MB // 22),
    Case("nul_bytes_as_bytes", "正文\x00内容\x00。\n", MB // 22, as_bytes=True),
)


def attempt(source: str | bytes) -> None:
    """Parse; bytes may be refused with DecodeError (NUL bytes read as binary), which is the
    documented outcome and is timed like a parse."""
    try:
        govdoc.parse(source)
    except govdoc.DecodeError:
        if isinstance(source, str):
            raise


def best_times(sources: tuple[str | bytes, ...], repeat: int = 3) -> list[float]:
    """The fastest of ``repeat`` runs of each source. Runs alternate between the sources so
    that a busy machine slows n and 2n alike; one round when a run takes over two seconds."""
    best = [float("inf")] * len(sources)
    for _ in range(repeat):
        for i, source in enumerate(sources):
            gc.collect()
            clear_caches()
            start = time.process_time()
            attempt(source)
            best[i] = min(best[i], time.process_time() - start)
        if max(best) > 2.0:
            break
    return best


def peak_memory(source: str | bytes) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        attempt(source)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(case: Case) -> bool:
    small, large = case.make(case.count), case.make(2 * case.count)
    one_mb = case.make(case.count_for(MB))
    t_n, t_2n, t_mb = best_times((small, large, one_mb))
    ratio = t_2n / t_n if t_n > 0 else 1.0
    size = len(small.encode("utf-8") if isinstance(small, str) else small)
    memory = peak_memory(small) / size
    ok = ratio <= MAX_RATIO and t_mb < MAX_SECONDS_AT_MB
    print(
        f"{case.name:<20} n={size / MB:6.2f} MB  t(n)={t_n:7.3f}s  t(2n)={t_2n:7.3f}s  "
        f"2n/n={ratio:4.2f}  t(1 MB)={t_mb:6.3f}s  peak={memory:5.1f}× input  "
        f"{'ok' if ok else 'FAIL'}",
        flush=True,
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="names of cases to run (default: all)")
    args = parser.parse_args(argv)
    chosen = [c for c in CASES if not args.cases or c.name in args.cases]
    failed = 0
    for case in chosen:
        try:
            failed += not run(case)
        except Exception as exc:  # a crash is a finding: report it and go on
            print(f"{case.name:<20} FAIL {type(exc).__name__}: {exc}", flush=True)
            failed += 1
    print(f"{len(chosen) - failed}/{len(chosen)} cases within bounds")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
