"""Cross-validated NER scores: how representative the held-out figure of ``ner_eval.py`` is.

The held-out figure scores one block of ANERcorp (its last 600 sentences). This trains the
shipped recipe ``--folds`` times, each time leaving out one contiguous block of the CAMeL Lab
training split (no story is cut in two by chance) and scoring it, sentence by sentence and in
stories of the training's length (20), with CoNLL entity-level rules (PERS, ORG, LOC; MISC
ignored). The last block is the held-out part; the block before it holds the dev sentences the
settings were tuned on, so its figure is a little optimistic. Each fold trains as long as
``python -m briefing.train_ner`` (15 to 17 minutes on one core here); ``--jobs`` folds run at
once.

Run: python bench/ner_cv.py [--corpus FILE] [--folds 6] [--jobs 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.ner.corpus import read_conll, read_unlabeled  # noqa: E402
from briefing.ner.scoring import Score  # noqa: E402
from briefing.ner.tagger import Tagger  # noqa: E402
from briefing.ner.train import HELD_OUT_SENTENCES, Settings, evaluate, train  # noqa: E402
from briefing.train_ner import ARABIC_COLUMN, DEFAULT_CORPUS, DEFAULT_UNLABELED  # noqa: E402


def fold_scores(
    corpus: Path, unlabeled: Path, start: int, end: int
) -> tuple[dict[str, Score], dict[str, Score]]:
    """Train without sentences ``start:end`` and score them (alone, in stories)."""
    sentences = read_conll(corpus)
    with tempfile.TemporaryDirectory(prefix="briefing-ner-cv-") as scratch:
        model_dir = Path(scratch)
        train(
            sentences[:start] + sentences[end:],
            model_dir,
            Settings(),
            read_unlabeled(unlabeled, ARABIC_COLUMN),
        )
        tagger = Tagger(model_dir)
        scored = sentences[start:end]
        return evaluate(tagger, scored), evaluate(tagger, scored, Settings().story_sentences)


def _row(label: str, scores: dict[str, Score]) -> str:
    return f"{label:<22}" + "".join(
        f" {scores[k].f1:6.3f}" for k in ("PERS", "ORG", "LOC", "micro")
    )


def _pooled(results: list[dict[str, Score]]) -> dict[str, Score]:
    """Scores over all folds' entities together (micro over folds)."""
    return {
        kind: Score(
            sum(r[kind].true_positives for r in results),
            sum(r[kind].false_positives for r in results),
            sum(r[kind].false_negatives for r in results),
        )
        for kind in results[0]
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--unlabeled", type=Path, default=DEFAULT_UNLABELED)
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    count = len(read_conll(args.corpus))
    # The last fold is exactly the held-out part of ner_eval.py (its last 600 sentences);
    # the rest of the corpus is cut into equal contiguous blocks.
    held_out = HELD_OUT_SENTENCES
    size = -(-(count - held_out) // (args.folds - 1))
    bounds = [(s, min(s + size, count - held_out)) for s in range(0, count - held_out, size)]
    bounds.append((count - held_out, count))
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = [
            pool.submit(fold_scores, args.corpus, args.unlabeled, start, end)
            for start, end in bounds
        ]
        results = [future.result() for future in futures]

    print(f"{len(bounds)} contiguous folds of {args.corpus.name} ({count} sentences), F1:")
    print(f"{'':<22} {'PERS':>6} {'ORG':>6} {'LOC':>6} {'micro':>6}")
    for (start, end), (alone, stories) in zip(bounds, results):
        print(_row(f"{start}-{end} alone", alone))
        print(_row(f"{start}-{end} stories", stories))
    print(_row("all folds alone", _pooled([alone for alone, _ in results])))
    print(_row("all folds stories", _pooled([stories for _, stories in results])))
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
