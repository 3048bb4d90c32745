"""Sentence segmentation against NTREX's 1:1 sentence lines.

Each article's body sentences (headline left out) are joined with one space and split again;
boundary precision/recall say how often the splitter agrees with the professional segmentation.
Run: python bench/segment_ntrex.py [-v]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ntrex import ntrex_articles  # noqa: E402

from briefing.segment import split_sentences  # noqa: E402


def main(verbose: bool) -> None:
    articles = ntrex_articles()
    tp = fp = fn = exact = sentences = chars = 0
    elapsed = 0.0
    for pairs in articles.values():
        body = [arabic for arabic, _ in pairs[1:] if arabic]
        text = " ".join(body)
        gold, position = set(), 0
        for line in body:
            position += len(line)
            gold.add(position)
            position += 1
        started = time.perf_counter()
        found = {end for _, end in split_sentences(text)}
        elapsed += time.perf_counter() - started
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
        exact += found == gold
        sentences += len(body)
        chars += len(text)
        if verbose:
            for end in sorted(found - gold)[:2]:
                print("extra  |", text[max(0, end - 40) : end + 20])
            for end in sorted(gold - found)[:2]:
                print("missed |", text[max(0, end - 40) : end + 20])
    print(f"articles {len(articles)}, sentences {sentences}, characters {chars}")
    print(f"boundaries: precision {tp / (tp + fp):.3f} recall {tp / (tp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})")
    print(f"articles split exactly: {exact}/{len(articles)}")
    print(f"speed: {chars / elapsed / 1e6:.2f} M characters/s ({elapsed * 1000:.0f} ms)")


if __name__ == "__main__":
    main("-v" in sys.argv)
