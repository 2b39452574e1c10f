"""Throughput of govdoc.parse, stage by stage, against a bare baseline in the same process.

Usage (from the repository root):  python benchmarks/bench.py [--repeat N] [--profile]

Two corpora: documents generated from templates (benchmarks/corpus.py, 1 KB - 200 KB) and, when
the folder exists, the seed-like texts of ../shared (seeds/*.txt, corpus/*.txt and *.md). For
each: MB/s and documents/s of parse() on bytes, seconds per stage, and the ratio to the
baseline: decoding the same bytes and matching one compiled marker regex per line, the least
any line-based parser must do. A peer row times arborparser with a GB/T 9704 pattern set when
it is installed. Peak RSS closes the table. Times are CPU seconds of this process, the best
of --repeat runs; the numbering cache is emptied before each run.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from corpus import generated_corpus  # noqa: E402

from govdoc import parse  # noqa: E402
from govdoc.anatomy import assign_roles  # noqa: E402
from govdoc.build import Source, build  # noqa: E402
from govdoc.decode import decode  # noqa: E402
from govdoc.lines import split_lines  # noqa: E402
from govdoc.numbering import clear_caches  # noqa: E402
from govdoc.repair import repair  # noqa: E402
from govdoc.script import detect_script, to_simplified  # noqa: E402

SHARED = HERE.parent.parent / "shared"
Corpus = list[tuple[str, bytes]]
# CPU time of this process: the figures hold on a busy machine, where wall time would also
# count the time other processes held the core.
CLOCK = time.process_time
STAGES = ("decode", "repair", "script", "lines+grammar", "anatomy", "build")
# The markers of GB/T 9704 bodies and of statutes, as one regex: the baseline's only work.
MARKER = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）"
    r"|第[一二三四五六七八九十百]+[章节条])"
)


def shared_corpus() -> Corpus:
    files = sorted((SHARED / "seeds").glob("*.txt"))
    for pattern in ("*.txt", "*.md"):
        files += sorted((SHARED / "corpus").glob(pattern))
    return [(f.name, f.read_bytes()) for f in files]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    return interleaved(repeat, run)[0]


def interleaved(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """The best time of each of ``runs`` over ``repeat`` rounds, the runs taking turns in each
    round: a machine whose speed drifts (a shared virtual machine) then slows all of them
    alike, and their ratio holds."""
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            clear_caches()  # a repeat must not profit from the lines of the last one
            start = CLOCK()
            run()
            best[i] = min(best[i], CLOCK() - start)
    return best


def parse_all(corpus: Corpus) -> None:
    for _, data in corpus:
        parse(data)


def baseline(corpus: Corpus, encodings: Sequence[str]) -> None:
    match = MARKER.match
    for (_, data), enc in zip(corpus, encodings, strict=True):
        for line in data.decode(enc, errors="replace").splitlines():
            match(line)


def staged(corpus: Corpus, repeat: int) -> dict[str, float]:
    """Seconds per stage over ``corpus`` (each stage's best of ``repeat`` runs), checking that
    the stages rebuild parse()'s result."""
    runs = [_staged_once(corpus) for _ in range(repeat)]
    return {stage: min(run[stage] for run in runs) for stage in STAGES}


def _staged_once(corpus: Corpus) -> dict[str, float]:
    spent = dict.fromkeys(STAGES, 0.0)
    clock = CLOCK
    clear_caches()
    for name, data in corpus:
        t0 = clock()
        decoded = decode(data)
        t1 = clock()
        repaired = repair(decoded.text)
        t2 = clock()
        script = detect_script(repaired.text)
        t3 = clock()
        lines = split_lines(repaired.text, to_simplified if script != "simplified" else None)
        t4 = clock()
        roles = assign_roles(lines)
        t5 = clock()
        source = Source(
            repaired.text,
            decoded.encoding,
            decoded.method,
            script,
            repaired.repairs,
            repaired.damaged,
        )
        doc = build(source, lines, roles)
        t6 = clock()
        marks = (t0, t1, t2, t3, t4, t5, t6)
        for i, stage in enumerate(STAGES):
            spent[stage] += marks[i + 1] - marks[i]
        if doc != parse(data):
            raise SystemExit(f"{name}: the staged pipeline no longer matches parse(); update bench")
    return spent


def arbor_peer() -> Callable[[Corpus, Sequence[str]], None] | None:
    """arborparser with the GB/T 9704 §7.3.3 chain 一、 > （一） > 1. > （1）, when installed."""
    try:
        from arborparser.chain import ChainParser
        from arborparser.pattern import NumberType, PatternBuilder
        from arborparser.tree import TreeBuilder
    except ImportError:
        return None
    chain = ChainParser(
        [
            PatternBuilder(number_type=NumberType.CHINESE, suffix_regex="、").build(),
            PatternBuilder(
                prefix_regex="[（(]", number_type=NumberType.CHINESE, suffix_regex="[）)]"
            ).build(),
            PatternBuilder(number_type=NumberType.ARABIC, suffix_regex="[.．]").build(),
            PatternBuilder(
                prefix_regex="[（(]", number_type=NumberType.ARABIC, suffix_regex="[）)]"
            ).build(),
        ]
    )

    def run(corpus: Corpus, encodings: Sequence[str]) -> None:
        for (_, data), enc in zip(corpus, encodings, strict=True):
            TreeBuilder().build_tree(chain.parse_to_chain(data.decode(enc, errors="replace")))

    return run


def per_size(corpus: Corpus, repeat: int) -> list[tuple[str, float]]:
    """µs per KB by document size: equal figures mean time linear in input size."""
    groups: dict[int, Corpus] = {}
    for name, data in corpus:  # generated-<KB>k-<copy>.txt
        groups.setdefault(int(name.split("-")[1].rstrip("k")), []).append((name, data))
    rows = []
    for kb in sorted(groups):
        docs = groups[kb]
        size = sum(len(d) for _, d in docs)
        seconds = best_of(repeat, lambda docs=docs: parse_all(docs))  # type: ignore[misc]
        rows.append((f"{kb:>4} KB", seconds * 1e6 / (size / 1024)))
    return rows


def row(label: str, mb: float, docs: int, seconds: float, base: float) -> None:
    print(f"{label:24}{mb / seconds:9.2f}{docs / seconds:10.0f}{seconds / base:12.1f}")


def report(label: str, corpus: Corpus, repeat: int) -> float:
    encodings = [parse(data).encoding for _, data in corpus]
    size = sum(len(d) for _, d in corpus)
    mb = size / 1e6
    t_parse, t_base = interleaved(
        repeat, lambda: parse_all(corpus), lambda: baseline(corpus, encodings)
    )
    print(f"\n## {label}: {len(corpus)} documents, {mb:.2f} MB")
    print(f"{'':24}{'MB/s':>9}{'docs/s':>10}{'× baseline':>12}")
    row("govdoc.parse", mb, len(corpus), t_parse, t_base)
    row("baseline (regex/line)", mb, len(corpus), t_base, t_base)
    peer = arbor_peer()
    if peer is not None:
        t_peer, t_base_again = interleaved(
            repeat, lambda: peer(corpus, encodings), lambda: baseline(corpus, encodings)
        )
        row("arborparser (peer)", mb, len(corpus), t_peer, t_base_again)
    spent = staged(corpus, repeat)
    total = sum(spent.values())
    print("stage            seconds   share")
    for stage, seconds in spent.items():
        print(f"  {stage:14}{seconds:9.4f}{seconds / total:8.0%}")
    return mb / t_parse


def profile(corpus: Corpus, top: int = 25) -> None:
    clear_caches()
    profiler = cProfile.Profile()
    profiler.runcall(parse_all, corpus)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue())


def startup(path: Path, runs: int) -> None:
    """Wall time of ``govdoc outline PATH`` in a new interpreter, against ``python -c pass``.

    Wall, not CPU, time: a user waits for the whole process, interpreter start included. One
    run first so that the grammar tables are in the disk cache and the modules compiled to
    bytecode, as after ``pip install`` and any first use (PYTHONDONTWRITEBYTECODE is dropped
    for the same reason).
    """
    command = [sys.executable, "-m", "govdoc", "outline", str(path)]
    bare = [sys.executable, "-c", "pass"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)

    def wall(argv: list[str]) -> list[float]:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
        return times

    cli, base = wall(command), wall(bare)
    print(f"\n## start-up: govdoc outline {path.name}, {runs} runs, wall ms")
    print(f"{'':24}{'median':>9}{'best':>10}{'× python':>12}")
    for label, times in (("govdoc outline", cli), ("python -c pass", base)):
        median = statistics.median(times)
        ratio = median / statistics.median(base)
        print(f"{label:24}{median * 1e3:9.0f}{min(times) * 1e3:10.0f}{ratio:12.1f}")


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    cli.add_argument("--profile", action="store_true", help="print a cProfile of parse()")
    cli.add_argument("--startup-runs", type=int, default=10, help="runs of the CLI (0: skip)")
    args = cli.parse_args()
    generated = generated_corpus()
    shared = shared_corpus()
    parse_all(generated[:2])  # compile grammars and load OpenCC outside the timings
    report("generated (templates, 1 KB - 200 KB)", generated, args.repeat)
    print("\nµs per KB by size (flat = linear):")
    for size, us in per_size(generated, args.repeat):
        print(f"  {size}{us:9.1f}")
    if shared:
        report("seed-like (../shared seeds and corpus)", shared, args.repeat)
    else:
        print(f"\n(no seed-like corpus: {SHARED} not found)")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {rss_mb:.0f} MB")
    if args.startup_runs:
        seeds = sorted((SHARED / "seeds").glob("*.txt"))
        startup(seeds[0] if seeds else HERE.parent / "examples" / "notice.txt", args.startup_runs)
    if args.profile:
        profile(shared or generated)


if __name__ == "__main__":
    main()
