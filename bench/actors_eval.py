"""Whole-pipeline actor scores: the mentions a briefing's JSON lists, against ANERcorp's gold names.

``ner_eval.py`` scores the CRF; an analyst reads the actors list, which also holds gazetteer
places, title and organisation patterns and every name spread over the rest of the text. This
turns ANERcorp sentences the shipped model never saw (``--part held-out``, the default: the
last 600; ``--part dev``: the 600 before them, for a model trained with ``python -m
briefing.train_ner --dev``) into articles: each story of ``Settings.story_sentences`` sentences
is written as text (tokens joined as a newspaper prints them) in one paragraph of its own
article, built exactly as ``briefing build --no-translate --format json`` does
(``make_briefing(..., translate=False)``, the JSON's actors and their mentions), one briefing
per story. Each mention is mapped back to the gold tokens it covers and scored with CoNLL rules
(type and both boundaries; PERS/ORG/LOC = person/organization/location; MISC ignored).

Mentions are then counted by where the mention came from (the CRF, the place gazetteer, the list
of well-known bodies, a title or organisation pattern, a dateline, or spreading a name found
elsewhere), with the precision of each,
and the false positives by what is wrong with them (the span of a gold name with another type, a gold name of the same type with other
boundaries, another type and other boundaries, a MISC name, or no gold name at all), so that
it is plain where precision goes. ``--examples N`` prints N false positives of each kind,
``--misses N`` N missed gold names of each type (with what was found over them). Look at these
on the dev part only: the held-out part is for measuring. ``--sentences START:END`` scores
any other block, with a model trained without it (``python -m briefing.train_ner --leave-out
START:END --output DIR``), so that a rule can be judged on more text than the dev part.

Run: python bench/actors_eval.py [--corpus FILE] [--model DIR] [--part dev|held-out]
     [--sentences START:END] [--examples N] [--misses N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.extract import actors as actors_stage  # noqa: E402
from briefing.ner.corpus import Sentence, read_conll  # noqa: E402
from briefing.ner.mentions import find_mentions  # noqa: E402
from briefing.ner.scoring import Score, entity_spans  # noqa: E402
from briefing.ner.tagger import Tagger, shipped_model_dir  # noqa: E402
from briefing.ner.train import (  # noqa: E402
    DEV_SENTENCES,
    HELD_OUT_SENTENCES,
    SCORED_TYPES,
    Settings,
    format_scores,
    split_held_out,
)
from briefing.pipeline import make_briefing  # noqa: E402
from briefing.render.json import briefing_dict  # noqa: E402
from briefing.train_ner import DEFAULT_CORPUS  # noqa: E402

GOLD_TYPE = {"person": "PERS", "organization": "ORG", "location": "LOC"}
# Tokens written against the word before them, and those the next word is written against.
_CLOSING = set(".,،:;؛?؟!)]}»%")
_OPENING = set("([{«")
SOURCES = (
    "model",
    "gazetteer",
    "known body",
    "organisation pattern",
    "title pattern",
    "dateline",
    "spreading",
)
ERRORS = ("type", "boundary", "type+boundary", "MISC name", "no name")

Span = tuple[int, str, int, int]  # (sentence, type, first token, one past the last)


@dataclass
class Story:
    """One article made of gold sentences: its text and where each gold token is written."""

    sentences: list[Sentence]
    text: str
    offsets: list[list[tuple[int, int]]]  # per sentence, per token: (start, end) in ``text``


def write_story(sentences: list[Sentence]) -> Story:
    """The sentences as one paragraph of running text, spaced as printed (``قال ، إن`` is
    ``قال، إن``); straight quotes alternate between opening and closing."""
    text = ""
    offsets = []
    glue_next = False
    quote_open = False
    for sentence in sentences:
        positions = []
        for token, _ in sentence:
            closing = token in _CLOSING or (token == '"' and quote_open)
            if text and not glue_next and not closing:
                text += " "
            positions.append((len(text), len(text) + len(token)))
            text += token
            glue_next = token in _OPENING or (token == '"' and not quote_open)
            if token == '"':
                quote_open = not quote_open
        offsets.append(positions)
    return Story(sentences, text, offsets)


def _locate(paragraph: str, story: Story) -> list[list[tuple[int, int]]]:
    """Where each gold token is in the paragraph as ingested (which may tidy spacing)."""
    cursor = 0
    located = []
    for sentence in story.sentences:
        positions = []
        for token, _ in sentence:
            start = paragraph.find(token, cursor)
            if start < 0:
                raise SystemExit(f"token {token!r} not found in the ingested paragraph")
            positions.append((start, start + len(token)))
            cursor = start + len(token)
        located.append(positions)
    return located


def _span_of(start: int, end: int, kind: str, offsets: list[list[tuple[int, int]]]) -> Span | None:
    """The gold tokens a mention covers, or None if it runs across sentences or covers none."""
    covered = [
        (s, t)
        for s, positions in enumerate(offsets)
        for t, (token_start, token_end) in enumerate(positions)
        if token_start < end and start < token_end
    ]
    if not covered or covered[0][0] != covered[-1][0]:
        return None
    return (covered[0][0], kind, covered[0][1], covered[-1][1] + 1)


@dataclass
class Mention:
    span: Span
    source: str
    text: str


def briefing_mentions(story: Story, folder: Path, number: int) -> tuple[list[Mention], int]:
    """The story built as ``briefing build --no-translate`` would, its JSON mentions as gold
    spans with their source, and the number of mentions that matched no gold token span."""
    path = folder / f"story-{number:03d}.txt"
    path.write_text(story.text + "\n", encoding="utf-8")
    briefing = make_briefing([path], title="ANERcorp story", translate=False)
    exported = briefing_dict(briefing)
    (article,) = exported["articles"]
    paragraphs = {p["index"]: p for p in article["paragraphs"]}
    (index,) = paragraphs
    paragraph = paragraphs[index]
    offsets = _locate(paragraph["ar"], story)
    sentences = [(s.start, s.end) for s in briefing.articles[0].paragraphs[0].sentences]
    sources = {
        (found.start, found.end): found.source
        for found in find_mentions(paragraph["ar"], sentences, actors_stage.shipped_tagger()).found
    }
    mentions = []
    unmapped = 0
    for actor in exported["actors"]:
        for mention in actor["mentions"]:
            span = _span_of(mention["start"], mention["end"], GOLD_TYPE[actor["type"]], offsets)
            if span is None:
                unmapped += 1
                continue
            source = sources.get((mention["start"], mention["end"]), "spreading")
            mentions.append(Mention(span, source, mention["text"]))
    return mentions, unmapped


def gold_spans(sentences: list[Sentence]) -> tuple[set[Span], set[Span]]:
    """(scored PERS/ORG/LOC spans, MISC spans) of a story."""
    scored, misc = set(), set()
    for s, sentence in enumerate(sentences):
        for kind, first, last in entity_spans([tag for _, tag in sentence]):
            (scored if kind in SCORED_TYPES else misc).add((s, kind, first, last))
    return scored, misc


def error_of(span: Span, gold: set[Span], misc: set[Span]) -> str:
    """What is wrong with a false positive."""
    sentence, kind, first, last = span

    def overlapping(spans: set[Span]) -> list[Span]:
        return [g for g in spans if g[0] == sentence and g[2] < last and first < g[3]]

    near = overlapping(gold)
    if any((g[2], g[3]) == (first, last) for g in near):
        return "type"
    if any(g[1] == kind for g in near):
        return "boundary"
    if near:
        return "type+boundary"
    return "MISC name" if overlapping(misc) else "no name"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", type=Path, default=shipped_model_dir())
    parser.add_argument("--part", choices=("held-out", "dev"), default="held-out")
    parser.add_argument(
        "--sentences",
        metavar="START:END",
        help="score these sentences instead (with a --model trained without them)",
    )
    parser.add_argument("--block", type=int, default=Settings().story_sentences)
    parser.add_argument("--examples", type=int, default=0, help="false positives shown per kind")
    parser.add_argument("--misses", type=int, default=0, help="missed gold names shown per type")
    args = parser.parse_args()

    sentences = read_conll(args.corpus)
    training, scored = split_held_out(sentences, HELD_OUT_SENTENCES)
    if args.part == "dev":
        training, scored = split_held_out(training, DEV_SENTENCES)
    if args.sentences:
        start, end = map(int, args.sentences.split(":"))
        scored, args.part = sentences[start:end], f"sentences {start}-{end}"
    tagger = Tagger(args.model)
    counts = {kind: [0, 0, 0] for kind in SCORED_TYPES}
    causes: Counter = Counter()
    correct: Counter = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    missed: dict[str, list[str]] = {}
    unmapped = 0
    started = time.perf_counter()
    # The actors stage uses the shipped model; the bench puts the one under test in its place.
    with tempfile.TemporaryDirectory(prefix="briefing-actors-eval-") as scratch, mock.patch.object(
        actors_stage, "shipped_tagger", lambda: tagger
    ):
        for number, start in enumerate(range(0, len(scored), args.block)):
            story = write_story(scored[start : start + args.block])
            mentions, lost = briefing_mentions(story, Path(scratch), number)
            unmapped += lost
            gold, misc = gold_spans(story.sentences)
            predicted = {m.span: m for m in mentions}
            for span in predicted.keys() & gold:
                counts[span[1]][0] += 1
                correct[predicted[span].source] += 1
            for span in predicted.keys() - gold:
                counts[span[1]][1] += 1
                error = error_of(span, gold, misc)
                causes[predicted[span].source, error] += 1
                tokens = story.sentences[span[0]]
                words = " ".join(token for token, _ in tokens[span[2] : span[3]])
                gold_near = [
                    " ".join(t for t, _ in tokens[g[2] : g[3]]) + "/" + g[1]
                    for g in gold | misc
                    if g[0] == span[0] and g[2] < span[3] and span[2] < g[3]
                ]
                examples.setdefault((predicted[span].source, error), []).append(
                    f"{words}/{span[1]} (gold: {', '.join(gold_near) or '-'})"
                )
            for span in gold - predicted.keys():
                counts[span[1]][2] += 1
                tokens = story.sentences[span[0]]
                found_near = [
                    " ".join(t for t, _ in tokens[p[2] : p[3]]) + "/" + p[1]
                    for p in predicted
                    if p[0] == span[0] and p[2] < span[3] and span[2] < p[3]
                ]
                context = " ".join(t for t, _ in tokens[max(0, span[2] - 3) : span[3] + 3])
                missed.setdefault(span[1], []).append(
                    " ".join(t for t, _ in tokens[span[2] : span[3]])
                    + f" (found: {', '.join(found_near) or '-'}; in: {context})"
                )
    elapsed = time.perf_counter() - started

    scores = {kind: Score(*values) for kind, values in counts.items()}
    scores["micro"] = Score(*(sum(values[k] for values in counts.values()) for k in range(3)))
    print(
        f"{args.part}: {len(scored)} sentences of {args.corpus.name} in stories of {args.block}, "
        f"built as `briefing build --no-translate --format json` ({elapsed:.1f} s)"
    )
    print(format_scores(scores))
    if unmapped:
        print(f"({unmapped} mentions ran across two sentences or covered no token: not scored)")
    false_positives = scores["micro"].false_positives
    found = scores["micro"].true_positives + false_positives
    print(f"false positives by source and error ({false_positives} of {found} mentions):")
    header = "".join(f"{error:>14}" for error in ERRORS)
    print(f"{'source':<21}{header}{'wrong':>8}{'right':>8}{'P':>7}")
    for source in (*SOURCES, "all"):
        sources = SOURCES if source == "all" else (source,)
        row = [sum(causes[s, error] for s in sources) for error in ERRORS]
        right = sum(correct[s] for s in sources)
        precision = right / (right + sum(row)) if right + sum(row) else 0.0
        print(
            f"{source:<21}" + "".join(f"{n:14d}" for n in row)
            + f"{sum(row):8d}{right:8d}{precision:7.3f}"
        )
    for (source, error), shown in sorted(examples.items()):
        if args.examples:
            print(f"-- {source}, {error}:")
            for line in shown[: args.examples]:
                print("   " + line)
    for kind, shown in sorted(missed.items()):
        if args.misses:
            print(f"-- missed {kind} ({len(shown)}):")
            for line in shown[: args.misses]:
                print("   " + line)


if __name__ == "__main__":
    main()
