"""Retrain the shipped NER model: ``python -m briefing.train_ner [--corpus FILE] [--output DIR]``.

Trains on ANERcorp (CAMeL Lab training split) less its last 600 sentences, which are kept for
evaluation and scored at the end, and writes the model into the package's ``ner/model``. The
word clusters also read the Arabic side of NTREX-128 (unlabeled text). ``--dev`` trains on
less the last 1,200 sentences instead and scores sentences -1,200..-600: the figure to tune on,
so that the held-out sentences are looked at as rarely as possible. ``--leave-out START:END``
leaves out another block besides the held-out part and scores it: with one model per block,
``bench/actors_eval.py --sentences START:END`` judges the whole pipeline on all the text
before the held-out part, not on the dev sentences alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefing.ner.corpus import read_conll, read_unlabeled
from briefing.ner.tagger import Tagger, shipped_model_dir
from briefing.ner.train import (
    DEV_SENTENCES,
    HELD_OUT_SENTENCES,
    Settings,
    evaluate,
    format_scores,
    split_held_out,
    train,
)

_DATA = Path(__file__).resolve().parents[2] / "shared/data"
DEFAULT_CORPUS = _DATA / "anercorp/ANERCorp_CamelLab_train.txt"
DEFAULT_UNLABELED = _DATA / "ntrex/ntrex_ar_en.tsv"
ARABIC_COLUMN = 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m briefing.train_ner", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="ANERcorp BIO file")
    parser.add_argument(
        "--unlabeled", type=Path, default=DEFAULT_UNLABELED, help="NTREX-style TSV (Arabic 2nd)"
    )
    parser.add_argument("--output", type=Path, default=shipped_model_dir(), help="model directory")
    parser.add_argument("--held-out", type=int, default=HELD_OUT_SENTENCES)
    parser.add_argument(
        "--dev", action="store_true", help="also leave out the 600 sentences before the held-out"
    )
    parser.add_argument(
        "--leave-out",
        metavar="START:END",
        help="also leave out these sentences (before the held-out part) and score them",
    )
    args = parser.parse_args(argv)

    training, scored = split_held_out(read_conll(args.corpus), args.held_out)
    label = f"held-out evaluation (last {len(scored)} sentences"
    if args.dev:
        training, scored = split_held_out(training, DEV_SENTENCES)
        label = f"dev evaluation ({len(scored)} sentences before the held-out part"
    elif args.leave_out:
        start, end = _block(args.leave_out, len(training), parser)
        training, scored = training[:start] + training[end:], training[start:end]
        label = f"evaluation of sentences {start}-{end}"
    started = time.perf_counter()
    train(training, args.output, Settings(), read_unlabeled(args.unlabeled, ARABIC_COLUMN))
    print(
        f"trained on {len(training)} sentences in {time.perf_counter() - started:.0f} s -> {args.output}"
    )
    tagger = Tagger(args.output)
    print(f"{label}, entity level, MISC ignored), each sentence alone:")
    print(format_scores(evaluate(tagger, scored)))


def _block(text: str, limit: int, parser: argparse.ArgumentParser) -> tuple[int, int]:
    """START:END as two sentence numbers within the text before the held-out part."""
    try:
        start, end = (int(part) for part in text.split(":"))
    except ValueError:
        parser.error(f"--leave-out {text}: expected START:END, two sentence numbers")
    if not 0 <= start < end <= limit:
        parser.error(f"--leave-out {text}: a block within 0:{limit}, before the held-out part")
    return start, end


if __name__ == "__main__":
    main()
