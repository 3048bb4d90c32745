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

Files come from scrapers and e-mail, so ingest is defensive: a size limit checked before
reading, UTF-16/Windows-1256 and files that mix UTF-8 and Windows-1256 lines decoded, a saved
HTML page reduced to its text, stray control characters (which XML, hence DOCX, forbids)
removed, and Persian or Urdu text (Arabic script, other language) let through with a warning.
Articles full of Latin names, markup or quotations in another script are built with a warning;
only text that cannot be an Arabic article (see ``arabic_script_problem``) is refused. Everything
else that is not an Arabic article is an ``InputError`` naming the file.
"""

from __future__ import annotations

import codecs
import re
import stat
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path

from briefing.errors import BriefingError, InputError
from briefing.structure import Article, Paragraph, ParagraphKind
from briefing.textnorm import (
    CLOSING_MARKS,
    SENTENCE_END_MARKS,
    arabic_letter_share,
    arabic_word_count,
    strip_invisible,
)

SUBHEADING_MAX_WORDS = 12
# Which files are Arabic articles. A news article quotes English names, product names, a tweet's
# markup: an Arabic article from a technology site can have under half its letters in Arabic
# script. So a low share only earns a warning, and a file is refused only where it cannot be an
# Arabic article (or was decoded wrongly):
# - under MIN_ARABIC_SHARE of its letters, at any length: 19 letters in 20 are another script,
#   a text in another language that quotes some Arabic;
# - fewer than MIN_ARABIC_WORDS Arabic words (NTREX's Arabic news sentences average 19.5
#   words: not one sentence of Arabic) in under SHORT_TEXT_MIN_SHARE of its letters: an English
#   sentence that names something in Arabic.
MIN_ARABIC_SHARE = 0.05
MIN_ARABIC_WORDS = 20
SHORT_TEXT_MIN_SHARE = 0.25
# Below this share the file is built with a warning: the rest is kept as written.
LOW_ARABIC_SHARE = 0.5
# Longer tokens are not counted in that share: the longest Arabic words have about 15 letters.
MAX_WORD_CHARS = 40

BYTES_PER_MB = 1_000_000
# A long news article is 50 kB of UTF-8; 5 MB is a hundred times that and still ingests in a second.
DEFAULT_MAX_INPUT_MB = 5.0
DEFAULT_MAX_INPUT_BYTES = int(DEFAULT_MAX_INPUT_MB * BYTES_PER_MB)

# Stray control characters are removed; above this share of the text the file is binary data.
MAX_CONTROL_SHARE = 0.01
# Characters XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE/U+FFFF) and the other
# controls, which no news text contains. The C0 controls ``str.splitlines`` breaks lines at
# (VT, FF, FS, GS, RS) and NEL are left alone: they become paragraph breaks.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_ASCII_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")

Warn = Callable[[str], None]

_FINAL_PUNCTUATION = SENTENCE_END_MARKS + ":"
_QUESTION_MARKS = "?؟"

_PLAIN_TEXT_HINT = "save the article as plain text (UTF-8 .txt) and pass that file"
_MAGIC_BYTES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX and ODT documents are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
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
# Recorded for a file whose lines are partly UTF-8 and partly Windows-1256.
MIXED_ENCODING = "utf-8+cp1256"
# UTF-16 Arabic news has a NUL byte for each space, digit and ASCII mark: far more than this share.
_MIN_UTF16_NUL_SHARE = 0.02
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")

# Letters that Persian and Urdu write where Arabic writes ك and ي, and letters only Urdu has.
_PERSIAN_FORMS = "\u06a9\u06cc"  # keheh, Farsi yeh
_ARABIC_FORMS = "\u0643\u064a"  # kaf, yeh
_URDU_LETTERS = "\u0679\u0688\u0691\u06ba\u06be\u06d2\u06d3"  # ٹ ڈ ڑ ں ھ ے ۓ
_MIN_LANGUAGE_EVIDENCE = 5

# A saved web page: text starting with a tag, and at least one tag that only HTML has.
_HTML_START = re.compile(r"\s*<")
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|h[1-6]|article|section|br)\b", re.IGNORECASE)


def read_article(
    path: Path,
    article_id: str,
    *,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    warn: Warn | None = None,
) -> Article:
    """Read one article file; every problem with it is an ``InputError`` naming the file.

    Files over ``max_bytes`` are refused before they are read. ``warn`` receives one line per
    thing the reader should know that does not stop the file (other language, characters
    removed, mixed encodings); by default it goes to ``warnings.warn`` as an ``InputWarning``.
    """
    path = Path(path)
    notify = warn or _warn_with_warnings
    data = _read_bytes(path, max_bytes)
    text, encoding = decode_bytes(data, path)
    if encoding == MIXED_ENCODING:
        notify(f"{path}: mixes UTF-8 and Windows-1256 lines; each line was decoded on its own")
    text = _without_control_characters(text, path, notify)
    source_format = "text"
    if looks_like_html(text):
        text, source_format = html_text(text), "html"
    paragraphs = paragraphs_from_text(text)
    if not paragraphs:
        problem = "is empty" if not data else "contains only whitespace"
        if source_format == "html":
            problem = "is a web page with no text"
        raise InputError(path, f"{problem}: expected the text of an Arabic news article")
    article_text = _words_of_language(" ".join(p.ar for p in paragraphs))
    share = arabic_letter_share(article_text)
    problem = arabic_script_problem(article_text, share)
    if problem:
        raise InputError(
            path,
            f"has {problem}, read as {encoding}: briefing needs Arabic articles; "
            "if this is Arabic in another encoding, save it as UTF-8",
        )
    if share < LOW_ARABIC_SHARE:
        notify(f"{path}: only {share:.0%} of its letters are Arabic script (Latin names, markup or "
               "another language); that text is kept as written and may translate poorly")
    meta = {"format": source_format}
    language = other_arabic_script_language(article_text)
    if language:
        notify(f"{path}: looks like {language}, not Arabic; the Arabic model will translate it poorly")
        meta["language"] = language
    return Article(id=article_id, source=str(path), paragraphs=paragraphs, encoding=encoding, meta=meta)


def read_articles(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    on_bad_file: Callable[[InputError], None] | None = None,
    warn: Warn | None = None,
) -> list[Article]:
    """Read a batch: each path a file or a folder (its ``*.txt`` files, in name order).

    Articles are numbered ``A1``, ``A2``... in that order. Without ``on_bad_file`` the first bad
    file raises its ``InputError``, so a run stops before any work is done; with it, each bad
    file's error is passed to it and the file is skipped.
    """
    articles: list[Article] = []
    for given in paths:
        try:
            files = input_files(Path(given))
        except InputError as error:
            _skip_or_raise(error, on_bad_file)
            continue
        for path in files:
            try:
                articles.append(read_article(path, f"A{len(articles) + 1}", max_bytes=max_bytes, warn=warn))
            except InputError as error:
                _skip_or_raise(error, on_bad_file)
    return articles


def _skip_or_raise(error: InputError, on_bad_file: Callable[[InputError], None] | None) -> None:
    if on_bad_file is None:
        raise error
    on_bad_file(error)


def input_files(path: Path) -> list[Path]:
    """``[path]`` for a file, the ``*.txt`` files of a folder sorted by name, an error for an
    empty folder."""
    if not path.is_dir():
        return [path]
    files = sorted(child for child in path.glob("*.txt") if not child.is_dir())
    if not files:
        raise InputError(path, "is a folder with no .txt files in it")
    return files


class InputWarning(UserWarning):
    """Something about an input file that does not stop it from being built."""


def _warn_with_warnings(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)


def decode_bytes(data: bytes, path: Path | str) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding that decodes it.

    Handles UTF-8 (with or without BOM), UTF-16 (BOM, or LE/BE told apart by where the NUL
    bytes of ASCII characters fall), UTF-32 with BOM, Windows-1256, and files whose lines mix
    UTF-8 and Windows-1256 (``MIXED_ENCODING``; every other name is a Python codec with
    ``data.decode(encoding) == text``). Refuses known binary formats, binary data (many
    control characters) and damaged UTF-8 with an ``InputError`` for ``path``.
    """
    for magic, what in _MAGIC_BYTES:
        if data.startswith(magic):
            raise InputError(path, f"is {what}, not plain text: {_PLAIN_TEXT_HINT}")
    encoding = _wide_encoding(data)
    if encoding is None:
        # Control characters are the same bytes in every 8-bit encoding: look before decoding,
        # so that binary data is called binary rather than broken UTF-8.
        _refuse_binary(data.decode("latin-1"), path, _ASCII_CONTROL_CHARACTERS, "byte")
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return _decode_line_by_line(data, path)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"is not valid {encoding} (bad bytes at offset {error.start}): {_PLAIN_TEXT_HINT}"
        ) from None


def remove_control_characters(text: str) -> tuple[str, int, str | None]:
    """``text`` without ``CONTROL_CHARACTERS``, how many were removed, and the first one."""
    first = CONTROL_CHARACTERS.search(text)
    if first is None:
        return text, 0, None
    cleaned, count = CONTROL_CHARACTERS.subn("", text)
    return cleaned, count, first.group()


def clean_title(title: str) -> str:
    """A title given by the user, made safe like article text: control characters, bidi
    controls and line breaks removed; undecodable bytes (a lone surrogate) refused."""
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise BriefingError(f"the title {title!r} is not valid UTF-8 text: retype it") from None
    return " ".join(strip_invisible(remove_control_characters(title)[0]).split())


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a saved web page rather than an article that mentions a tag."""
    return bool(_HTML_START.match(text) and _HTML_TAG.search(text))


def html_text(page: str) -> str:
    """The visible text of an HTML page, one line per block (heading, paragraph, list item...)."""
    extractor = _HtmlText()
    extractor.feed(page)
    extractor.close()
    return "".join(extractor.pieces)


def arabic_script_problem(text: str, share: float) -> str | None:
    """Why ``text``, whose letters are ``share`` Arabic script, cannot be an Arabic article
    (the rule is above ``MIN_ARABIC_SHARE``), or None when it can."""
    if not share:
        return "no Arabic script"
    amount = f"{share:.0%} of its letters"
    if share < MIN_ARABIC_SHARE:
        return f"too little Arabic script to be an Arabic article ({amount})"
    if share < SHORT_TEXT_MIN_SHARE:
        words = arabic_word_count(text, MIN_ARABIC_WORDS)
        if words < MIN_ARABIC_WORDS:
            return f"too little Arabic script ({amount}, {_count(words, 'Arabic word')})"
    return None


def other_arabic_script_language(text: str) -> str | None:
    """``"Persian"`` or ``"Urdu"`` when Arabic-script ``text`` is written in one of them, else None.

    Persian and Urdu write ک and ی where Arabic writes ك and ي, and Urdu has letters of its own
    (ے ں ٹ ڈ ڑ ھ); a few such letters (a foreign name) are not enough.
    """
    counts = Counter(text)
    persian_forms = sum(counts[char] for char in _PERSIAN_FORMS)
    arabic_forms = sum(counts[char] for char in _ARABIC_FORMS)
    if persian_forms < _MIN_LANGUAGE_EVIDENCE or persian_forms <= arabic_forms:
        return None
    urdu_letters = sum(counts[char] for char in _URDU_LETTERS)
    return "Urdu" if urdu_letters >= max(_MIN_LANGUAGE_EVIDENCE, persian_forms // 10) else "Persian"


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


def _words_of_language(text: str) -> str:
    """``text`` without tokens too long to be words (URLs, base64, hashes), which say nothing
    about the language of an article that quotes them."""
    return " ".join(word for word in text.split() if len(word) <= MAX_WORD_CHARS)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; pipes and devices are refused before opening (reading one could block)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file (a pipe, socket or device): save the article to a file")
        _check_size(path, info.st_size, max_bytes)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory; pass the article files inside it") from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    _check_size(path, len(data), max_bytes)  # the file may have grown since it was measured
    return data


def _check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            path,
            f"is {size / BYTES_PER_MB:.1f} MB, over the {max_bytes / BYTES_PER_MB:g} MB input limit: "
            "split it into articles, or raise the limit with --max-input-mb",
        )


def _wide_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark or the NUL bytes of UTF-16 show; None for 8-bit data."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    if b"\x00" not in data:
        return None
    return _utf16_from_nul_pattern(data)


def _utf16_from_nul_pattern(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII characters (spaces, digits, newlines) put their NUL byte all on
    one side of each 2-byte unit, odd offsets for little endian, even ones for big endian."""
    if len(data) % 2:
        return None
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    enough = _MIN_UTF16_NUL_SHARE * len(data) / 2
    # A few characters such as U+0100 put a NUL on the other side; binary data has NULs everywhere.
    if nul_odd >= enough and nul_even <= nul_odd // 20:
        return "utf-16-le"
    if nul_even >= enough and nul_odd <= nul_even // 20:
        return "utf-16-be"
    return None


def _decode_line_by_line(data: bytes, path: Path | str) -> tuple[str, str]:
    """8-bit data that is not valid UTF-8: each line is UTF-8 if it is valid UTF-8, else
    Windows-1256 unless it looks like damaged UTF-8 (then the file is refused)."""
    pieces = []
    utf8_lines = 0
    offset = 0
    for line in data.splitlines(keepends=True):
        try:
            pieces.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError as error:
            if _looks_like_damaged_utf8(line):
                raise InputError(
                    path,
                    f"is UTF-8 with invalid bytes (first at offset {offset + error.start}); re-save it as UTF-8",
                ) from None
            pieces.append(line.decode("cp1256"))
        offset += len(line)
    return "".join(pieces), MIXED_ENCODING if utf8_lines else "cp1256"


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 sequences: Windows-1256 Arabic almost never does,
    and decoding broken UTF-8 as Windows-1256 would give plausible-looking Arabic garbage."""
    high_bytes = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(match) for match in _UTF8_MULTIBYTE.findall(data))
    return in_sequences * 2 >= high_bytes


def _refuse_binary(text: str, path: Path | str, controls: re.Pattern, unit: str) -> None:
    """An ``InputError`` if over ``MAX_CONTROL_SHARE`` of ``text`` are ``controls``; ``unit``
    says what an offset in ``text`` counts (bytes of the file, or characters)."""
    count = len(controls.findall(text))
    if count > MAX_CONTROL_SHARE * len(text):
        first = controls.search(text)
        raise InputError(
            path,
            f"contains {_count(count, 'control character')} ({count / len(text):.0%} of it, first "
            f"U+{ord(first.group()):04X} at {unit} {first.start()}), so it is binary data, not text: "
            f"{_PLAIN_TEXT_HINT}",
        )


def _without_control_characters(text: str, path: Path, warn: Warn) -> str:
    """Stray control characters removed with a warning; a text full of them is binary data."""
    _refuse_binary(text, path, CONTROL_CHARACTERS, "character")
    cleaned, count, first = remove_control_characters(text)
    if count:
        warn(f"{path}: removed {_count(count, 'control character')} "
             f"(first U+{ord(first):04X} at character {text.index(first)})")
    return cleaned


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class _HtmlText(HTMLParser):
    """Collects the text of a page, a line break around every block element, nothing from the
    head, scripts, styles and other elements that are not shown as text."""

    HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"})
    BLOCKS = frozenset({
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    })

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":  # the end of a head whose closing tag was left out
            self.hidden_depth = 0
        elif tag in self.HIDDEN:
            self.hidden_depth += 1
        elif tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data):
        if not self.hidden_depth:
            self.pieces.append(data.replace("\n", " "))
