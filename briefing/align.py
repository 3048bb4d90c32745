"""Alignment by construction: each Arabic sentence is translated on its own and gets its English.

Identical sentences (a repeated paragraph, a recurring headline) are translated once and share
the result, so the same Arabic always reads the same in English.
"""

from __future__ import annotations

from briefing.structure import Article, Paragraph, Sentence
from briefing.translate.base import Engine, Progress


# Sentences longer than this together give no English for a part of them: twice the longest
# claim the attribution stage takes (1,200 characters), six times the longest NTREX sentence.
SPAN_CONTEXT_CHARS = 2400


def english_of_span(paragraph: Paragraph, start: int, end: int) -> str | None:
    """The English of exactly the sentences ``[start, end)`` of the Arabic overlaps (a claim, a
    dated event); None unless all are translated.

    None too when those sentences are far longer than the span could be (text without
    punctuation is one sentence of pages): their English would not stand for it.
    """
    covered = [s for s in paragraph.sentences if s.start < end and s.end > start]
    if not covered or any(s.en is None for s in covered):
        return None
    if sum(len(s.ar) for s in covered) > SPAN_CONTEXT_CHARS:
        return None
    return " ".join(s.en for s in covered)


def unique_sentences(articles: list[Article]) -> dict[str, list[Sentence]]:
    """Source text -> every sentence object with that text, in first-appearance order."""
    by_text: dict[str, list[Sentence]] = {}
    for article in articles:
        for _, sentence in article.sentences():
            by_text.setdefault(sentence.ar, []).append(sentence)
    return by_text


def translate_articles(articles: list[Article], engine: Engine, progress: Progress | None = None) -> int:
    """Fill ``en``, ``origin`` and ``flags`` of every sentence; returns how many distinct sentences were sent."""
    by_text = unique_sentences(articles)
    texts = list(by_text)
    translations = engine.translate(texts, progress)
    for text, translation in zip(texts, translations, strict=True):
        for sentence in by_text[text]:
            sentence.en = translation.text
            sentence.origin = translation.origin
            sentence.flags = list(translation.flags)
    return len(texts)
