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

Then the recall of the stories figure is split by how new each gold name is to the training
text (the whole name tagged there, some of its words in a tagged name, or none): where the
missing points are, and how much of the scored part is names the model never met.

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
from briefing.ner.features import stem_of, tagged_entities  # noqa: E402
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


def recall_by_novelty(
    training: list, scored: list, predicted: list[list[str]]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(type, ``seen``/``partly seen``/``new``) -> (gold names, found) over ``scored``."""
    known = tagged_entities(training)
    known_words = {word for name in known for word in name}
    counts: Counter = Counter()
    for sentence, tags in zip(scored, predicted):
        stems = [stem_of(token) for token, _ in sentence]
        found = entity_spans(tags)
        for kind, first, last in entity_spans([tag for _, tag in sentence]):
            if kind not in SCORED_TYPES:
                continue
            name = tuple(stems[first:last])
            if name in known:
                novelty = "seen"
            elif known_words.intersection(name):
                novelty = "partly seen"
            else:
                novelty = "new"
            counts[kind, novelty, "gold"] += 1
            counts[kind, novelty, "found"] += (kind, first, last) in found
    return {
        (kind, novelty): (counts[kind, novelty, "gold"], counts[kind, novelty, "found"])
        for kind in SCORED_TYPES
        for novelty in ("seen", "partly seen", "new")
    }


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
        training, scored = split_held_out(training, DEV_SENTENCES)
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
    print(f"recall in stories of {args.block} by how new the name is to the training text:")
    print(f"{'type':<6} {'novelty':<12} {'gold':>6} {'recall':>7}")
    for (kind, novelty), (gold_count, found) in recall_by_novelty(
        training, scored, in_stories
    ).items():
        recall = found / gold_count if gold_count else 0.0
        print(f"{kind:<6} {novelty:<12} {gold_count:6d} {recall:7.3f}")
    print(f"tagging sentence by sentence: {elapsed:.2f} s ({count / elapsed:.0f} tokens/s)")


if __name__ == "__main__":
    main()
