"""Read an analyst's edited DOCX draft back: which English sentences were rewritten, and what else
changed that must be reported instead of applied (Arabic edits, deleted rows or sentences).

The draft's hidden bookmarks (see ``briefing.render.docx``) say which article, paragraph and
sentence each Word paragraph holds and carry a fingerprint of the text as written, so an edit is
recognised without the original file. A sentence's text is its bookmarked Word paragraph plus any
unmarked paragraphs the analyst added after it in the same cell; tracked changes count as
accepted (inserted text is read, deleted text is not).
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import InputError
from briefing.render.docx import (
    ARTICLE_BOOKMARK,
    FLAG_NOTE_STYLE,
    ROW_BOOKMARK,
    SENTENCE_BOOKMARK,
    text_fingerprint,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class SentenceEdit:
    """English an analyst rewrote for the Arabic sentence ``ar`` (A1 ¶5, sentence 2)."""

    article: str
    paragraph: int
    sentence: int
    ar: str
    en: str

    @property
    def label(self) -> str:
        return f"{self.article} ¶{self.paragraph} sentence {self.sentence}"


@dataclass
class DraftEdits:
    """What a draft holds: the edits to apply and the changes that were not applied, explained."""

    edits: list[SentenceEdit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sentences: int = 0


@dataclass
class _Found:
    """One sentence bookmark as found in the draft."""

    fingerprint: str
    parts: list[str]
    merged: bool = False

    @property
    def text(self) -> str:
        return " ".join(" ".join(part.split()) for part in self.parts if part.strip())


def read_draft_edits(path: Path) -> DraftEdits:
    """The English edits of a draft written by ``briefing build --format docx``."""
    body, style_names = _open_draft(path)
    articles: dict[str, int] = {}
    rows: dict[tuple[str, int], int] = {}
    for start in body.iter(f"{W}bookmarkStart"):
        name = start.get(f"{W}name", "")
        if match := ARTICLE_BOOKMARK.match(name):
            articles[match[1]] = int(match[2])
        elif match := ROW_BOOKMARK.match(name):
            rows[(match[1], int(match[2]))] = int(match[3])
    if not articles:
        raise InputError(path, "has no briefing bookmarks: it is not a draft written by `briefing build` "
                               "(or its hidden bookmarks were removed)")
    found = _sentences(body, style_names)
    result = DraftEdits()
    for article, count in articles.items():
        missing = [index for index in range(1, count + 1) if (article, index) not in rows]
        if missing:
            where = ", ".join(f"¶{index}" for index in missing)
            result.problems.append(f"{article} {where}: row deleted from the draft; nothing in it was applied")
    for (article, index), count in sorted(rows.items(), key=lambda item: (int(item[0][0][1:]), item[0][1])):
        for number in range(1, count + 1):
            result.sentences += 1
            _compare(result, article, index, number, found.get((article, index, number, "en")),
                     found.get((article, index, number, "ar")))
    _drop_conflicts(result)
    return result


def _open_draft(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    if not zipfile.is_zipfile(path):
        raise InputError(path, "is not a DOCX file (not a ZIP package)")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise InputError(path, f"is not a readable DOCX file ({error})") from None
    style_names = {style.style_id: style.name for style in document.styles}
    return document.element.body, style_names


def _paragraph_text(paragraph) -> str:
    """Visible text with tracked changes accepted: inserted runs in, deleted and moved-away out."""
    pieces = []
    for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):
        if any(ancestor.tag in (f"{W}del", f"{W}moveFrom") for ancestor in element.iterancestors()):
            continue
        pieces.append((element.text or "") if element.tag == f"{W}t" else " ")
    return "".join(pieces)


def _style_name(paragraph, style_names: dict[str, str]) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return style_names.get(style.get(f"{W}val")) if style is not None else None


def _sentences(body, style_names: dict[str, str]) -> dict[tuple, _Found]:
    """(article, paragraph, sentence, language) -> the text found for it, cell by cell."""
    found: dict[tuple, _Found] = {}
    for cell in body.iter(f"{W}tc"):
        current: _Found | None = None
        for paragraph in cell.findall(f"{W}p"):
            if _style_name(paragraph, style_names) == FLAG_NOTE_STYLE:
                continue
            matches = [match for start in paragraph.iter(f"{W}bookmarkStart")
                       if (match := SENTENCE_BOOKMARK.match(start.get(f"{W}name", "")))]
            text = _paragraph_text(paragraph)
            if matches:
                current = _Found(matches[0][5], [text], merged=len(matches) > 1)
                for match in matches:
                    key = (match[1], int(match[2]), int(match[3]), match[4])
                    found[key] = current if match is matches[0] else _Found(match[5], [text], merged=True)
            elif current is not None:
                current.parts.append(text)
    return found


def _compare(result: DraftEdits, article: str, index: int, number: int,
             english: _Found | None, arabic: _Found | None) -> None:
    where = f"{article} ¶{index} sentence {number}"
    if english is None or arabic is None:
        side = "English" if english is None else "Arabic"
        result.problems.append(f"{where}: its {side} was deleted (or its hidden bookmark removed); not applied")
        return
    if english.merged or arabic.merged:
        result.problems.append(f"{where}: merged with another sentence in the draft; not applied "
                               "(keep each sentence on its own line)")
        return
    if text_fingerprint(arabic.text) != arabic.fingerprint:
        result.problems.append(f"{where}: the Arabic was changed in the draft; not applied "
                               "(the Arabic is the source: correct the article file instead)")
        return
    if text_fingerprint(english.text) == english.fingerprint:
        return
    if not english.text:
        result.problems.append(f"{where}: the English was emptied; not applied")
        return
    result.edits.append(SentenceEdit(article, index, number, arabic.text, english.text))


def _drop_conflicts(result: DraftEdits) -> None:
    """The same Arabic sentence edited two different ways: report it and apply neither."""
    by_arabic: dict[str, list[SentenceEdit]] = defaultdict(list)
    for edit in result.edits:
        by_arabic[edit.ar].append(edit)
    for edits in by_arabic.values():
        if len({edit.en for edit in edits}) > 1:
            places = ", ".join(edit.label for edit in edits)
            result.problems.append(f"{places}: the same Arabic sentence got different English; not applied")
            result.edits = [edit for edit in result.edits if edit not in edits]
