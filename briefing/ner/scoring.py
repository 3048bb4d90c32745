"""Entity-level scoring as in the CoNLL shared tasks.

An entity counts as found only if its type and both boundaries match the gold entity; tags are
BIO, and an ``I-`` tag that does not continue an entity of its type starts a new one (the
``conlleval`` reading), so a tagger gets no credit for half a name.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[str, int, int]  # (type, first token, one past the last token)


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.true_positives + self.false_negatives


def entity_spans(tags: list[str]) -> set[Span]:
    """The entities of one BIO-tagged sentence."""
    spans: set[Span] = set()
    kind, start = None, 0
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, tag_type = tag.partition("-")
        continues = prefix == "I" and tag_type == kind
        if kind is not None and not continues:
            spans.add((kind, start, i))
            kind = None
        if prefix == "B" or (prefix == "I" and not continues):
            kind, start = tag_type, i
    return spans


def score(
    gold: list[list[str]], predicted: list[list[str]], types: tuple[str, ...]
) -> dict[str, Score]:
    """Per-type scores and their ``micro`` total over ``types``; other types are ignored."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    counts = {kind: [0, 0, 0] for kind in types}
    for gold_tags, predicted_tags in zip(gold, predicted):
        gold_spans = {s for s in entity_spans(gold_tags) if s[0] in counts}
        found_spans = {s for s in entity_spans(predicted_tags) if s[0] in counts}
        for span in found_spans & gold_spans:
            counts[span[0]][0] += 1
        for span in found_spans - gold_spans:
            counts[span[0]][1] += 1
        for span in gold_spans - found_spans:
            counts[span[0]][2] += 1
    scores = {kind: Score(*values) for kind, values in counts.items()}
    scores["micro"] = Score(*(sum(values[k] for values in counts.values()) for k in range(3)))
    return scores
