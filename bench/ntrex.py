"""NTREX-128 Arabic/English news (../shared/data/ntrex, CC BY-SA 4.0) for benchmarks.

The data is read in place from the shared folder beside the repository, never copied into it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

NTREX_TSV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ntrex" / "ntrex_ar_en.tsv"


def ntrex_articles(path: Path = NTREX_TSV) -> dict[str, list[tuple[str, str]]]:
    """doc_id -> [(arabic, english), ...] in article order; the first pair is the headline."""
    if not path.is_file():
        raise SystemExit(f"{path}: NTREX data not found (expected ../shared/data/ntrex beside the repo)")
    articles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            articles[row["doc_id"]].append((row["arabic"].strip(), row["english"].strip()))
    return dict(articles)
