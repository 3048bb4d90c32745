"""Retrain the shipped NER model: ``python -m briefing.train_ner [--corpus FILE] [--output DIR]``.

Trains on ANERcorp (CAMeL Lab training split) less its last 600 sentences, which are kept for
evaluation and scored at the end, and writes the model into the package's ``ner/model``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefing.ner.corpus import read_conll
from briefing.ner.tagger import Tagger, shipped_model_dir
from briefing.ner.train import (
    HELD_OUT_SENTENCES,
    Settings,
    evaluate,
    format_scores,
    split_held_out,
    train,
)

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared/data/anercorp/ANERCorp_CamelLab_train.txt"
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m briefing.train_ner", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="ANERcorp BIO file")
    parser.add_argument("--output", type=Path, default=shipped_model_dir(), help="model directory")
    parser.add_argument("--held-out", type=int, default=HELD_OUT_SENTENCES)
    args = parser.parse_args(argv)

    training, held_out = split_held_out(read_conll(args.corpus), args.held_out)
    started = time.perf_counter()
    train(training, args.output, Settings())
    print(
        f"trained on {len(training)} sentences in {time.perf_counter() - started:.0f} s -> {args.output}"
    )
    print(f"held-out evaluation ({len(held_out)} sentences, entity level, MISC ignored):")
    print(format_scores(evaluate(Tagger(args.output), held_out)))


if __name__ == "__main__":
    main()
