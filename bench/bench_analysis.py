"""Time the Arabic-only analysis (actors) of the two seeds: cold (model load included) and warm.

Cold is a fresh process: imports, CLDR gazetteer, CRF model and word lists loaded, then the
seeds analysed once. Warm repeats the analysis in the same process. Ingest and segmentation are
timed apart. Run: python bench/bench_analysis.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

started = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.extract.actors import extract_actors
from briefing.ingest import read_article
from briefing.segment import segment_article
from briefing.structure import Briefing

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    imported = time.perf_counter()
    articles = [segment_article(read_article(path, f"A{n}")) for n, path in enumerate(SEEDS, 1)]
    briefing = Briefing("bench", articles)
    read = time.perf_counter()
    actors = extract_actors(briefing)
    cold = time.perf_counter()
    warm = []
    for _ in range(args.repeat):
        begin = time.perf_counter()
        extract_actors(briefing)
        warm.append(time.perf_counter() - begin)

    words = sum(len(p.ar.split()) for a in articles for p in a.paragraphs)
    print(f"seeds: {len(articles)} articles, {words} words, {len(actors)} actors")
    print(f"imports: {imported - started:.3f} s")
    print(f"ingest + segment: {read - imported:.3f} s")
    print(f"actors, cold (gazetteer and model load included): {cold - read:.3f} s")
    print(
        f"actors, warm: median {statistics.median(warm):.3f} s, max {max(warm):.3f} s over {args.repeat} runs"
    )
    print(f"total cold, process start to actors: {cold - started:.3f} s")


if __name__ == "__main__":
    main()
