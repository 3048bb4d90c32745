"""Cutting a sentence that is too long for the model into pieces it accepts, losing no text.

Clause boundaries first (``، ؛ , ;`` and the conjunction ``و``, as ``split_clauses`` finds
them); a clause that has none and is still too long is cut between words. A single word longer
than the limit stays whole: the engine then flags its output if the model cuts it.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.segment import split_clauses


def pieces_within(text: str, limit: int, count: Callable[[str], int]) -> list[str]:
    """``text`` as consecutive pieces of at most ``limit`` units by ``count`` where possible.

    Joining the pieces with single spaces gives ``text`` with its whitespace runs collapsed.
    """
    size = count(text)
    if size <= limit:
        return [text]
    # Characters per piece if tokens were spread evenly; pieces still too long are cut again.
    chars = max(1, len(text) * limit // size)
    spans = split_clauses(text, chars)
    if len(spans) == 1:
        spans = _word_spans(text, chars)
    if len(spans) == 1:
        return [text.strip()]
    return [piece for start, end in spans for piece in pieces_within(text[start:end], limit, count)]


def _word_spans(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Greedy runs of whole words of at most ``max_chars`` characters (a longer word alone)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for word in text.split():
        start = text.index(word, position)
        end = start + len(word)
        position = end
        if spans and end - spans[-1][0] <= max_chars:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
