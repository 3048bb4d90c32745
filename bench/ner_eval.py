"""Entity-level NER scores of the shipped model on the ANERcorp sentences it never saw.

The shipped model is trained on ANERcorp's CAMeL Lab training split less its last 600
sentences; this scores those 600 (CoNLL rules: type and both boundaries must match; PERS, ORG,
LOC; MISC ignored). Run: python bench/ner_eval.py [--corpus FILE] [--model DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.ner.corpus import read_conll
from briefing.ner.tagger import Tagger, shipped_model_dir
from briefing.ner.train import HELD_OUT_SENTENCES, evaluate, format_scores, split_held_out
from briefing.train_ner import DEFAULT_CORPUS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", type=Path, default=shipped_model_dir())
    parser.add_argument("--held-out", type=int, default=HELD_OUT_SENTENCES)
    args = parser.parse_args()

    _, held_out = split_held_out(read_conll(args.corpus), args.held_out)
    tagger = Tagger(args.model)
    started = time.perf_counter()
    scores = evaluate(tagger, held_out)
    elapsed = time.perf_counter() - started
    tokens = sum(len(sentence) for sentence in held_out)
    print(f"held-out: last {len(held_out)} sentences ({tokens} tokens) of {args.corpus.name}")
    print(format_scores(scores))
    print(f"tagging: {elapsed:.2f} s ({tokens / elapsed:.0f} tokens/s)")


if __name__ == "__main__":
    main()
