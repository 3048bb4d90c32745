"""Sentence-level check of the date scanner on NTREX-128 (Arabic with its English source).

English date words stand in for a gold standard: a sentence "has a date" when its English names
a month, weekday, year, or a relative day/period. Prints counts, timing, and (with --show) the
disagreements for reading by hand. Run: python bench/dates_ntrex.py [--show]
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ntrex import ntrex_articles  # noqa: E402

from briefing.extract.dates_scan import scan  # noqa: E402

ENGLISH_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow"
    r"|(?:last|next|this) (?:week|month|year)|\d+ (?:hours?|days?|weeks?|months?|years?) ago"
    r"|(?:1[89]|20)\d\d)\b"
)


def main(show: bool) -> None:
    pairs = [pair for article in ntrex_articles().values() for pair in article]
    started = time.perf_counter()
    found = [scan(arabic) for arabic, _ in pairs]
    elapsed = time.perf_counter() - started
    both = english_only = arabic_only = 0
    for (arabic, english), expressions in zip(pairs, found):
        english_has = bool(ENGLISH_DATE.search(english))
        if english_has and expressions:
            both += 1
        elif english_has:
            english_only += 1
            if show:
                print("MISSED?", ENGLISH_DATE.findall(english), "|", arabic)
        elif expressions:
            arabic_only += 1
            if show:
                print("EXTRA? ", [arabic[e.start : e.end] for e in expressions], "|", english)
    print(f"sentences {len(pairs)}, expressions {sum(map(len, found))}, scan time {elapsed:.2f} s")
    print(
        f"English has a date: {both + english_only}; Arabic found one too: {both}; "
        f"Arabic found none: {english_only}; Arabic found one, English has none: {arabic_only}"
    )


if __name__ == "__main__":
    main("--show" in sys.argv)
