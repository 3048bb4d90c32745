"""Ingest: one input file -> an ``Article`` with classified paragraphs (no sentences yet).

Paragraphs are the non-empty lines of the file (blank lines only separate them). The first is
the headline. Later lines are classified by these rules, in this order:

* REPEATED: the exact text of an earlier paragraph (``repeat_of`` = that paragraph's index);
* SUBHEADING: at most ``SUBHEADING_MAX_WORDS`` words with at least one letter (``* * *`` is
  no heading), not the last paragraph (a subheading heads something), and either without final
  punctuation (``. ! ? ؟ … :``, also before a closing quote or bracket) or ending with a
  question mark: news sites put short questions on their own line as section heads
  ("روسيا والعراق.. علاقة متكافئة أم لا؟");
* BODY: everything else.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from briefing.errors import InputError
from briefing.structure import Article, Paragraph, ParagraphKind
from briefing.textnorm import CLOSING_MARKS, SENTENCE_END_MARKS, arabic_letter_share, strip_invisible

SUBHEADING_MAX_WORDS = 12
# Below this share of Arabic letters the file is not an Arabic article (or was decoded wrongly).
MIN_ARABIC_SHARE = 0.5

_FINAL_PUNCTUATION = SENTENCE_END_MARKS + ":"
_QUESTION_MARKS = "?؟"

_PLAIN_TEXT_HINT = "save the article as plain text (UTF-8 .txt) and pass that file"
_MAGIC_BYTES = (
    (b"%PDF", "a PDF document, not plain text"),
    (b"PK\x03\x04", "a ZIP archive (DOCX and ODT documents are ZIP archives), not plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document, not plain text"),
    (b"{\\rtf", "an RTF document, not plain text"),
)
# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one. The codec names are
# ones Python's ``open`` accepts, so the recorded encoding reads the file back unchanged.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_CONTROL_CHAR = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in range(0x100)
                  if unicodedata.category(chr(code)) == "Cc" and not chr(code).isspace()) + "]"
)


def read_article(path: Path, article_id: str) -> Article:
    """Read one article file; every problem with it is an ``InputError`` naming the file."""
    path = Path(path)
    data = _read_bytes(path)
    text, encoding = decode_bytes(data, path)
    paragraphs = paragraphs_from_text(text)
    if not paragraphs:
        problem = "is empty" if not data else "contains only whitespace"
        raise InputError(path, f"{problem}: expected the text of an Arabic news article")
    share = arabic_letter_share(" ".join(p.ar for p in paragraphs))
    if share < MIN_ARABIC_SHARE:
        amount = f"too little Arabic script ({share:.0%} of its letters)" if share else "no Arabic script"
        raise InputError(
            path,
            f"has {amount}, read as {encoding}: briefing needs Arabic articles; "
            "if this is Arabic in another encoding, save it as UTF-8",
        )
    return Article(id=article_id, source=str(path), paragraphs=paragraphs, encoding=encoding)


def decode_bytes(data: bytes, path: Path | str) -> tuple[str, str]:
    """The text in ``data`` and the Python codec name that decodes it.

    Handles UTF-8 (with or without BOM), UTF-16 (BOM, or LE/BE told apart by where the NUL
    bytes of ASCII characters fall), UTF-32 with BOM and Windows-1256; refuses binary data
    and damaged UTF-8 with an ``InputError`` for ``path``.
    """
    for magic, what in _MAGIC_BYTES:
        if data.startswith(magic):
            raise InputError(path, f"is {what}: {_PLAIN_TEXT_HINT}")
    encoding = _guess_encoding(data, path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"is not valid {encoding} (bad bytes at offset {error.start}): {_PLAIN_TEXT_HINT}"
        ) from None
    control = _CONTROL_CHAR.search(text)
    if control:
        raise InputError(
            path,
            f"contains control character U+{ord(control.group()):04X} at character {control.start()}, "
            f"so it is not a text file: {_PLAIN_TEXT_HINT}",
        )
    return text, encoding


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """Decoded file text -> classified paragraphs, one per non-empty line.

    Bidi controls and zero-width characters are removed and each line is stripped; nothing
    else in the text changes.
    """
    lines = (line.strip() for line in strip_invisible(text).splitlines())
    return classify_paragraphs(line for line in lines if line)


def classify_paragraphs(lines: Iterable[str]) -> list[Paragraph]:
    """Paragraphs for stripped, non-empty ``lines``, kinds assigned by the rules of this module."""
    lines = list(lines)
    first_index: dict[str, int] = {}
    paragraphs = []
    for index, line in enumerate(lines, start=1):
        repeat_of = first_index.get(line)
        if index == 1:
            kind = ParagraphKind.TITLE
        elif repeat_of is not None:
            kind = ParagraphKind.REPEATED
        elif index < len(lines) and _looks_like_subheading(line):
            kind = ParagraphKind.SUBHEADING
        else:
            kind = ParagraphKind.BODY
        paragraphs.append(Paragraph(index=index, kind=kind, ar=line, repeat_of=repeat_of))
        first_index.setdefault(line, index)
    return paragraphs


def _looks_like_subheading(line: str) -> bool:
    """Short, and either unpunctuated or a question (see the module docstring)."""
    if len(line.split()) > SUBHEADING_MAX_WORDS or not any(char.isalpha() for char in line):
        return False
    last = line.rstrip(CLOSING_MARKS)[-1:]
    if not last:
        return False
    return last not in _FINAL_PUNCTUATION or last in _QUESTION_MARKS


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory; pass the article files inside it") from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None


def _guess_encoding(data: bytes, path: Path | str) -> str:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    if b"\x00" in data:
        encoding = _utf16_from_nul_pattern(data)
        if encoding is None:
            raise InputError(path, f"contains NUL bytes, so it is a binary file: {_PLAIN_TEXT_HINT}")
        return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _looks_like_damaged_utf8(data):
            raise InputError(
                path,
                f"is UTF-8 with invalid bytes (first at offset {error.start}); re-save it as UTF-8",
            ) from None
        return "cp1256"
    return "utf-8"


def _utf16_from_nul_pattern(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII characters (spaces, digits, newlines) put their NUL byte all on
    one side of each 2-byte unit, odd offsets for little endian, even ones for big endian."""
    if len(data) % 2:
        return None
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    # A few characters such as U+0100 put a NUL on the other side; binary data has NULs everywhere.
    if nul_odd > 0 and nul_even <= nul_odd // 20:
        return "utf-16-le"
    if nul_even > 0 and nul_odd <= nul_even // 20:
        return "utf-16-be"
    return None


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 sequences: Windows-1256 Arabic almost never does,
    and decoding broken UTF-8 as Windows-1256 would give plausible-looking Arabic garbage."""
    high_bytes = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(match) for match in _UTF8_MULTIBYTE.findall(data))
    return in_sequences * 2 >= high_bytes
