"""Segment: split paragraphs into sentences (and over-long sentences into clauses).

Every splitter here returns ``(start, end)`` spans into the text it was given. The spans are
ordered, do not overlap, are non-empty and carry no outer whitespace, and only whitespace lies
between (and around) them, so the text can always be rebuilt from its pieces.

Sentence rules, written for Arabic news:

* a sentence ends at a line break, or at a run of ``. ! ? ؟ …`` (with any closing quotes or
  brackets right after it) that is followed by whitespace or the end of the text;
* not inside a matched pair of quotes or brackets: ``قال “... . ...”`` is one sentence.
  Straight and curly double quotes are paired by position (a quote before a word opens, one
  after a word closes, a free-standing one alternates), since Arabic texts often open with
  ``”`` as well as close with it. An unmatched quote protects nothing, and neither does a pair
  more than ``MAX_PROTECTED_CHARS`` apart: that is a long multi-sentence speech or two
  unrelated quotes paired by mistake, and one sentence of that size helps nobody;
* a single ``.`` after a single letter or dotted letters (``د.``, ``أ.د.``, ``U.S.``) or a
  title (``Dr.``) is an abbreviation, except era letters after a number (``عام 2024 م.``);
  after a short number that is the whole sentence so far (``1.``) it is a list marker;
* exactly two dots (``..``) join the two halves of a headline and end nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from briefing.structure import Article, Paragraph, ParagraphKind, Sentence
from briefing.textnorm import CLOSING_MARKS, LINE_BREAKS, SENTENCE_END_MARKS

Span = tuple[int, int]

TERMINATORS = frozenset(SENTENCE_END_MARKS)
_TRAILING_CLOSERS = frozenset(CLOSING_MARKS)
_DOUBLE_QUOTES = frozenset("\"“”„")
_OPENER_OF = {")": "(", "]": "[", "}": "{", "»": "«"}
_OPENERS = frozenset(_OPENER_OF.values())
_NOT_A_WORD_START = TERMINATORS | frozenset(_OPENER_OF) | frozenset(",،;؛:")

_TITLE_ABBREVIATIONS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "St", "vs"})
# "م" (AD), "ه" (AH) and "ق.م" (BC) after a year usually end the sentence.
_ERA_MARKERS = frozenset({"م", "ه", "ق.م"})
_LIST_MARKER_MAX_DIGITS = 3
_WORD_WINDOW = 80  # characters before a dot searched for the abbreviation rules' last two words
# On NTREX articles the recall of sentence ends is 0.88 without this limit and 0.92 with it,
# precision staying 0.99.
MAX_PROTECTED_CHARS = 300

# Headlines and subheadings are split only when every piece has at least this many words, so
# "عاجل! ..." or "فيديو. ..." stays one sentence.
HEADING_MIN_WORDS = 3
_HEADING_KINDS = frozenset({ParagraphKind.TITLE, ParagraphKind.SUBHEADING})

CLAUSE_PUNCTUATION = frozenset("،؛,;")
DEFAULT_CLAUSE_CHARS = 160


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` by the rules in the module docstring."""
    spans: list[Span] = []
    line_start = 0
    for position in range(len(text) + 1):
        if position == len(text) or text[position] in LINE_BREAKS:
            line = text[line_start:position]
            cuts = [line_start + cut for cut in _sentence_cuts(line)]
            spans.extend(_pieces(text, line_start, position, cuts))
            line_start = position + 1
    return spans


def split_clauses(text: str, max_chars: int = DEFAULT_CLAUSE_CHARS) -> list[Span]:
    """Spans of ``text`` of at most ``max_chars`` characters where the text allows it.

    Made for translating over-long sentences piece by piece (a model reads a bounded number of
    tokens): the text is cut after ``، ؛ , ;``; clauses still too long are cut before words
    starting with ``و`` (the conjunction), and pieces still too long between any two words;
    neighbouring pieces are then merged again while they fit in ``max_chars``. Only a single
    word longer than ``max_chars`` (a URL, a base64 blob) is a longer piece.
    """
    clauses = _pieces(text, 0, len(text), _punctuation_cuts(text))
    shorter = _cut_long_pieces(text, clauses, max_chars, _conjunction_cuts)
    return _merge_while_fitting(_cut_long_pieces(text, shorter, max_chars, _word_cuts), max_chars)


def segment_article(article: Article) -> Article:
    """A copy of ``article`` whose paragraphs have their ``sentences`` filled.

    Headlines and subheadings are one sentence unless every piece is a real sentence (see
    ``HEADING_MIN_WORDS``); a repeated paragraph is split like the one it repeats.
    """
    kinds = {paragraph.index: paragraph.kind for paragraph in article.paragraphs}
    paragraphs = []
    for paragraph in article.paragraphs:
        repeated = paragraph.kind is ParagraphKind.REPEATED
        kind = kinds.get(paragraph.repeat_of, paragraph.kind) if repeated else paragraph.kind
        sentences = [Sentence(ar=paragraph.ar[start:end], start=start, end=end)
                     for start, end in _paragraph_spans(paragraph, kind)]
        paragraphs.append(replace(paragraph, sentences=sentences))
    return replace(article, paragraphs=paragraphs)


def _paragraph_spans(paragraph: Paragraph, kind: ParagraphKind) -> list[Span]:
    spans = split_sentences(paragraph.ar)
    if kind in _HEADING_KINDS and any(
        len(paragraph.ar[start:end].split()) < HEADING_MIN_WORDS for start, end in spans
    ):
        return _pieces(paragraph.ar, 0, len(paragraph.ar), [])
    return spans


def _pieces(text: str, start: int, end: int, cuts: list[int]) -> list[Span]:
    """The stripped, non-empty spans of ``text[start:end]`` between the ``cuts`` (ascending)."""
    spans = []
    for piece_start, piece_end in pairwise([start, *cuts, end]):
        while piece_start < piece_end and text[piece_start].isspace():
            piece_start += 1
        while piece_end > piece_start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_start < piece_end:
            spans.append((piece_start, piece_end))
    return spans


def _sentence_cuts(line: str) -> list[int]:
    """Offsets in ``line`` (no line breaks in it) where a sentence ends."""
    # protected[i]: a cut at offset i would fall inside a quote or bracket pair.
    protected = bytearray(len(line) + 1)
    for opened, closed in _enclosed_pairs(line):
        if closed - opened <= MAX_PROTECTED_CHARS:
            protected[opened + 1 : closed + 1] = b"\x01" * (closed - opened)
    cuts: list[int] = []
    position = 0
    while position < len(line):
        if line[position] not in TERMINATORS:
            position += 1
            continue
        run_start = position
        while position < len(line) and line[position] in TERMINATORS:
            position += 1
        run = line[run_start:position]
        while position < len(line) and line[position] in _TRAILING_CLOSERS:
            position += 1
        if (position < len(line) and not line[position].isspace()) or protected[position]:
            continue
        # Only the last words matter, and a bounded window keeps long lines linear.
        sentence_start = cuts[-1] if cuts else 0
        window_start = max(sentence_start, run_start - _WORD_WINDOW)
        words = line[window_start:run_start].split()
        if _run_ends_sentence(run, words, whole_sentence=window_start == sentence_start):
            cuts.append(position)
    return cuts


def _run_ends_sentence(run: str, words: list[str], whole_sentence: bool) -> bool:
    """Whether the terminator ``run`` ends a sentence whose last ``words`` precede it
    (``whole_sentence``: those words are all of the sentence so far)."""
    if run == "..":
        return False
    if run != ".":
        return True
    if not words:
        return True
    word = words[-1].lstrip("".join(_OPENERS | _DOUBLE_QUOTES))
    if word in _TITLE_ABBREVIATIONS:
        return False
    if whole_sentence and len(words) == 1 and word.isdigit() and len(word) <= _LIST_MARKER_MAX_DIGITS:
        return False
    if all(len(part) == 1 and part.isalpha() for part in word.split(".")):
        after_number = len(words) > 1 and words[-2].isdigit()
        return word in _ERA_MARKERS and after_number
    return True


def _enclosed_pairs(line: str) -> list[Span]:
    """(opening, closing) offsets of the matched quote and bracket pairs in ``line``."""
    pairs: list[Span] = []
    open_brackets: dict[str, list[int]] = {opener: [] for opener in _OPENERS}
    open_quote: int | None = None
    for position, char in enumerate(line):
        if char in _OPENERS:
            open_brackets[char].append(position)
        elif char in _OPENER_OF:
            stack = open_brackets[_OPENER_OF[char]]
            if stack:
                pairs.append((stack.pop(), position))
        elif char in _DOUBLE_QUOTES:
            previous = line[position - 1] if position > 0 else " "
            following = line[position + 1] if position + 1 < len(line) else " "
            can_close = not previous.isspace() and previous not in _OPENERS
            can_open = not following.isspace() and following not in _NOT_A_WORD_START
            if open_quote is None:
                if can_open or not can_close:  # one that can only close has nothing to close
                    open_quote = position
            elif can_open and not can_close:  # the quote opened earlier was never closed
                open_quote = position
            else:
                pairs.append((open_quote, position))
                open_quote = None
    return pairs


def _punctuation_cuts(text: str) -> list[int]:
    """Offsets just after clause punctuation, except a comma inside a number (``1,500``)."""
    cuts = []
    for position, char in enumerate(text):
        if char not in CLAUSE_PUNCTUATION:
            continue
        inside_number = (0 < position < len(text) - 1 and text[position - 1].isdigit()
                         and text[position + 1].isdigit())
        if not inside_number:
            cuts.append(position + 1)
    return cuts


def _cut_long_pieces(
    text: str, pieces: list[Span], max_chars: int, cuts: Callable[[str, int, int], list[int]]
) -> list[Span]:
    """``pieces`` with each one longer than ``max_chars`` cut at ``cuts(text, start, end)``."""
    result: list[Span] = []
    for start, end in pieces:
        if end - start > max_chars:
            result.extend(_pieces(text, start, end, cuts(text, start, end)))
        else:
            result.append((start, end))
    return result


def _word_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets of the words in ``text[start:end]`` after the first."""
    return [position for position in range(start + 1, end)
            if text[position - 1].isspace() and not text[position].isspace()]


def _conjunction_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets of words starting with ``و`` in ``text[start:end]``, the first word excluded."""
    return [position for position in range(start + 1, end)
            if text[position] == "و" and text[position - 1].isspace()]


def _merge_while_fitting(pieces: list[Span], max_chars: int) -> list[Span]:
    merged: list[Span] = []
    for start, end in pieces:
        if merged and end - merged[-1][0] <= max_chars:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
