"""Entity-level NER scores of a model on ANERcorp sentences it never saw.

The shipped model is trained on ANERcorp's CAMeL Lab training split less its last 600
sentences; ``--part held-out`` (the default) scores those 600, ``--part dev`` the 600 before
them, for a model trained with ``python -m briefing.train_ner --dev`` (CoNLL rules: type and
both boundaries must match; PERS, ORG, LOC; MISC ignored). Three figures are printed:

* ``each sentence alone``: the usual benchmark figure;
* ``stories of N sentences``: the tagger reads ``--block`` consecutive sentences as one story
  (its second pass sees how the first tagged the same words elsewhere in the story), as the
  actors stage reads a paragraph. ANERcorp marks no article boundaries, so blocks stand in;
* ``+ name spreading``: then every name found is also tagged wherever else it occurs in the
  story (one name, one type per story), which is what the actors stage does across a briefing.

Run: python bench/ner_eval.py [--corpus FILE] [--model DIR] [--part dev|held-out] [--block N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.ner.corpus import read_conll  # noqa: E402
from briefing.ner.features import stem_of  # noqa: E402
from briefing.ner.scoring import entity_spans, score  # noqa: E402
from briefing.ner.tagger import Tagger, shipped_model_dir  # noqa: E402
from briefing.ner.train import (  # noqa: E402
    DEV_SENTENCES,
    HELD_OUT_SENTENCES,
    SCORED_TYPES,
    format_scores,
    split_held_out,
)
from briefing.train_ner import DEFAULT_CORPUS  # noqa: E402


def spread_names(block: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Tag every untagged occurrence of a name found elsewhere in the block with its usual type."""
    stems = [[stem_of(token) for token in tokens] for tokens in block]
    votes: dict[tuple[str, ...], Counter] = {}
    for sentence_stems, sentence_tags in zip(stems, tags):
        for kind, first, last in entity_spans(sentence_tags):
            if kind in SCORED_TYPES:
                votes.setdefault(tuple(sentence_stems[first:last]), Counter())[kind] += 1
    names = sorted(votes, key=len, reverse=True)
    result = []
    for sentence_stems, sentence_tags in zip(stems, tags):
        new = list(sentence_tags)
        for name in names:
            kind = votes[name].most_common(1)[0][0]
            n = len(name)
            for i in range(len(new) - n + 1):
                if tuple(sentence_stems[i : i + n]) == name and all(
                    t == "O" for t in new[i : i + n]
                ):
                    new[i : i + n] = ["B-" + kind] + ["I-" + kind] * (n - 1)
        result.append(new)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", type=Path, default=shipped_model_dir())
    parser.add_argument("--part", choices=("held-out", "dev"), default="held-out")
    parser.add_argument("--block", type=int, default=20, help="sentences per pseudo-story")
    args = parser.parse_args()

    training, scored = split_held_out(read_conll(args.corpus), HELD_OUT_SENTENCES)
    if args.part == "dev":
        _, scored = split_held_out(training, DEV_SENTENCES)
    tokens = [[token for token, _ in sentence] for sentence in scored]
    gold = [[tag for _, tag in sentence] for sentence in scored]
    tagger = Tagger(args.model)
    started = time.perf_counter()
    alone = [tagger.tag(sentence) for sentence in tokens]
    elapsed = time.perf_counter() - started
    stories = range(0, len(tokens), args.block)
    in_stories = [
        tags for start in stories for tags in tagger.tag_story(tokens[start : start + args.block])
    ]
    spread = [
        tags
        for start in stories
        for tags in spread_names(
            tokens[start : start + args.block], in_stories[start : start + args.block]
        )
    ]

    count = sum(len(sentence) for sentence in tokens)
    print(f"{args.part}: {len(scored)} sentences ({count} tokens) of {args.corpus.name}")
    for label, predicted in (
        ("each sentence alone", alone),
        (f"stories of {args.block} sentences", in_stories),
        (f"stories of {args.block} sentences + name spreading", spread),
    ):
        print(label + ":")
        print(format_scores(score(gold, predicted, SCORED_TYPES)))
    print(f"tagging sentence by sentence: {elapsed:.2f} s ({count / elapsed:.0f} tokens/s)")


if __name__ == "__main__":
    main()
