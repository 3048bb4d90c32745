"""Ingest: decoding, refusing bad files, paragraph kinds, on the two seeds and on small texts."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import InputError
from briefing.ingest import classify_paragraphs, decode_bytes, paragraphs_from_text, read_article
from briefing.structure import ParagraphKind
from briefing.textnorm import arabic_letter_share, is_arabic_char, strip_invisible

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "seeds" / "000_39f2b8f52989a5bb.txt"
SEED_003 = ROOT / "seeds" / "003_6b5e974a938e85bf.txt"

T, B, S, R = ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.SUBHEADING, ParagraphKind.REPEATED
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"


def kinds(paragraphs):
    return [paragraph.kind for paragraph in paragraphs]


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the seeds -------------------------------------------------------------------------------


def test_seed_000_is_a_headline_and_eleven_body_paragraphs():
    article = read_article(SEED_000, "A1")
    assert article.id == "A1"
    assert article.source == str(SEED_000)
    assert article.encoding == "utf-8"
    assert kinds(article.paragraphs) == [T] + [B] * 11
    assert [p.index for p in article.paragraphs] == list(range(1, 13))
    assert article.title_ar == (
        "مركز دراسات الحرب: بدلاً من الولايات المتحدة.. روسيا نحو شراكة أمنية مع العراق؟"
    )
    assert all(p.repeat_of is None and p.sentences == [] for p in article.paragraphs)


def test_seed_003_kinds_subheadings_and_repeat():
    article = read_article(SEED_003, "A2")
    assert kinds(article.paragraphs) == [T, B, B, B, B, B, B, S, B, S, B, S, B, R, B]
    assert article.paragraph(8).ar == "موقف إيران من التقارب الروسي العراقي"
    assert article.paragraph(10).ar == "روسيا تسعى لإيجاد موطئ قدم لها في العراق.. هل ستنجح؟"
    assert article.paragraph(12).ar == "روسيا والعراق.. علاقة متكافئة أم لا؟"
    repeat = article.paragraph(14)
    assert (repeat.ar, repeat.repeat_of) == (article.paragraph(10).ar, 10)
    assert [p.index for p in article.paragraphs if p.repeat_of is not None] == [14]


def test_seed_text_is_kept_as_written():
    """No letter normalisation: hamza forms, shadda, tanwin and the no-break space survive."""
    article = read_article(SEED_003, "A1")
    paragraph = article.paragraph(7)
    assert "\u00a0" in paragraph.ar
    original_lines = [line for line in SEED_003.read_text(encoding="utf-8").splitlines() if line]
    assert [p.ar for p in article.paragraphs] == original_lines


# --- encodings -------------------------------------------------------------------------------

ENCODINGS = [
    # (how the file is written, the encoding ingest must record)
    (lambda text: text.encode("utf-8"), "utf-8"),
    (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
    (lambda text: text.encode("utf-16-le"), "utf-16-le"),
    (lambda text: text.encode("utf-16-be"), "utf-16-be"),
    (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"),
    (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16"),
    (lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"), "utf-32"),
    (lambda text: text.encode("cp1256"), "cp1256"),
]


@pytest.mark.parametrize("seed", [SEED_000, SEED_003], ids=["000", "003"])
@pytest.mark.parametrize(("encode", "expected"), ENCODINGS, ids=[e for _, e in ENCODINGS])
def test_every_encoding_gives_the_same_article(tmp_path, seed, encode, expected):
    text = seed.read_text(encoding="utf-8")
    path = write(tmp_path, encode(text))
    article = read_article(path, "A1")
    assert article.encoding == expected
    assert article.paragraphs == read_article(seed, "A1").paragraphs
    # The recorded name is a codec that reads the file back exactly.
    assert path.read_bytes().decode(article.encoding) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\n\n\n"])
def test_line_ends_do_not_matter(tmp_path, newline):
    text = SEED_003.read_text(encoding="utf-8")
    path = write(tmp_path, newline.join(text.split("\n")).encode("utf-8"))
    assert read_article(path, "A1").paragraphs == read_article(SEED_003, "A1").paragraphs


def test_bidi_and_zero_width_characters_are_removed_and_nothing_else(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    bidi = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    invisible = bidi + "\u200b\u200c\u200d\u2060\ufeff"
    sprinkled = "".join(char + invisible[i % len(invisible)] for i, char in enumerate(text))
    path = write(tmp_path, sprinkled.encode("utf-8"))
    assert read_article(path, "A1").paragraphs == read_article(SEED_000, "A1").paragraphs


@given(st.lists(st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=8), min_size=1, max_size=30),
       st.sampled_from(["utf-16-le", "utf-16-be", "cp1256", "utf-8"]))
@settings(max_examples=150, deadline=None)
def test_decode_bytes_detects_the_encoding_of_arabic_text(words, encoding):
    text = " ".join(words) + "\n"
    assert decode_bytes(text.encode(encoding), "x.txt") == (text, encoding)


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_decode_bytes_never_fails_with_anything_but_an_input_error(data):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert data.decode(encoding) == text


# --- refusing bad files ----------------------------------------------------------------------


def arabic_bytes() -> bytes:
    return SEED_000.read_bytes()


def docx_bytes(tmp_path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("روسيا تستغل خروج القوات الأمريكية من العراق")
    document.save(tmp_path / "made.docx")
    return (tmp_path / "made.docx").read_bytes()


BAD_FILES = [
    # (bytes, file name, words the message must contain)
    (lambda tmp: b"", "empty.txt", ["is empty"]),
    (lambda tmp: b" \n\r\n\t  \n", "blank.txt", ["only whitespace"]),
    (lambda tmp: " \u00a0\n\u200b\u200f\ufeff\n".encode("utf-8"), "invisible.txt", ["only whitespace"]),
    (lambda tmp: codecs.BOM_UTF8, "bom-only.txt", ["only whitespace"]),
    (lambda tmp: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "article.pdf", ["PDF", "plain text"]),
    (docx_bytes, "article.docx", ["ZIP", "DOCX", "plain text"]),
    (lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "article.doc", ["Office"]),
    (lambda tmp: b"{\\rtf1\\ansi {\\f0 \\'c7\\'e1}}", "article.rtf", ["RTF"]),
    (lambda tmp: bytes(range(255)) * 4, "random.bin", ["NUL", "binary"]),
    (lambda tmp: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "image.txt", ["NUL", "binary"]),
    (lambda tmp: "خبر عاجل\x07 من بغداد".encode(), "bell.txt", ["U+0007", "not a text file"]),
    (lambda tmp: b"Russia is exploiting the US withdrawal from Iraq.\n", "english.txt",
     ["has no Arabic script", "read as utf-8"]),
    (lambda tmp: "Russia and Iraq (روسيا والعراق) sign a new security agreement today.".encode(),
     "mixed.txt", ["too little Arabic script (22% of its letters)"]),
    (lambda tmp: b"2024 - 12 - 31\n... 100%", "numbers.txt", ["has no Arabic script"]),
    (lambda tmp: arabic_bytes()[:50] + b"\xff" + arabic_bytes()[50:], "damaged.txt",
     ["invalid bytes", "offset 50"]),
    (lambda tmp: arabic_bytes()[:-1] + b"\xd9", "truncated.txt", ["UTF-8", "re-save"]),
    (lambda tmp: SEED_003.read_text(encoding="utf-8").encode("utf-16-le") + b"\x00\xd8", "surrogate.txt",
     ["not valid utf-16-le"]),
]


@pytest.mark.parametrize(("make", "name", "words"), BAD_FILES, ids=[name for _, name, _ in BAD_FILES])
def test_bad_file_is_refused_with_one_line_naming_it(tmp_path, make, name, words):
    path = write(tmp_path, make(tmp_path), name)
    with pytest.raises(InputError) as caught:
        read_article(path, "A1")
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    for word in words:
        assert word in message


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file; check the path"):
        read_article(path, "A1")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path, "A1")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, arabic_bytes())
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_article(path, "A1")


def test_windows_1256_with_some_english_is_still_read(tmp_path):
    text = "وزير الخارجية يلتقي نظيره في واشنطن (Washington) اليوم، وقال إن اللقاء مهم.\n"
    article = read_article(write(tmp_path, text.encode("cp1256")), "A1")
    assert (article.encoding, article.title_ar) == ("cp1256", text.strip())


# --- paragraph kinds -------------------------------------------------------------------------

BODY_LINE = "وقال المتحدث باسم الحكومة إن المحادثات ستستمر خلال الأسابيع المقبلة في العاصمة بغداد."

SUBHEADING_CASES = [
    # (middle line between a headline and a body paragraph, expected kind)
    ("موقف إيران من التقارب الروسي العراقي", S),
    ("روسيا والعراق.. علاقة متكافئة أم لا؟", S),
    ("هل تنجح الخطة?", S),
    ("«موقف إيران»", S),
    ("خلفية", S),
    ("انتهى الاجتماع.", B),
    ("وقال الوزير:", B),
    ("وأضاف “انتهى الأمر.”", B),
    ("يا للمفاجأة!", B),
    ("وانتظر الجميع…", B),
    (" ".join(["كلمة"] * 12), S),
    (" ".join(["كلمة"] * 13), B),
    (" ".join(["كلمة"] * 13) + "؟", B),
    ("”", B),
    ("* * *", B),
    ("2024/02/05", B),
]


@pytest.mark.parametrize(("line", "kind"), SUBHEADING_CASES, ids=[c[0][:20] for c in SUBHEADING_CASES])
def test_subheading_rule(line, kind):
    paragraphs = classify_paragraphs(["العنوان الرئيسي للمقال", line, BODY_LINE])
    assert kinds(paragraphs) == [T, kind, B]


def test_a_short_last_line_is_body_not_a_subheading():
    assert kinds(classify_paragraphs(["العنوان", BODY_LINE, "المصدر وكالات"])) == [T, B, B]
    assert kinds(classify_paragraphs(["العنوان", BODY_LINE, "فهل تنجح روسيا؟"])) == [T, B, B]


def test_repeats_point_at_the_first_occurrence_and_the_title_can_be_repeated():
    lines = ["العنوان", BODY_LINE, "سؤال مهم؟", BODY_LINE, "العنوان", BODY_LINE, "الخاتمة هنا."]
    paragraphs = classify_paragraphs(lines)
    assert kinds(paragraphs) == [T, B, S, R, R, R, B]
    assert [p.repeat_of for p in paragraphs] == [None, None, None, 2, 1, 2, None]


def test_a_single_line_is_just_a_title():
    assert kinds(paragraphs_from_text("  عنوان فقط  \n\n")) == [T]
    assert paragraphs_from_text("  عنوان فقط  \n\n")[0].ar == "عنوان فقط"


def test_blank_and_whitespace_lines_only_separate():
    text = "العنوان\n \t\n\u00a0\n" + BODY_LINE + "\n\n\n" + BODY_LINE.replace("بغداد", "دمشق") + "\n"
    paragraphs = paragraphs_from_text(text)
    assert kinds(paragraphs) == [T, B, B]
    assert [p.index for p in paragraphs] == [1, 2, 3]


def test_repeat_is_detected_after_invisible_characters_are_removed():
    paragraphs = paragraphs_from_text(f"العنوان\n{BODY_LINE}\n\u200f{BODY_LINE}\u200e \n{BODY_LINE}X")
    assert kinds(paragraphs) == [T, B, R, B]


# --- text helpers ----------------------------------------------------------------------------


def test_strip_invisible_keeps_letters_marks_and_tatweel():
    text = "\u200fأَنَّ\u200c الـعراق\u2067 ﻻ\ufeff"
    assert strip_invisible(text) == "أَنَّ الـعراق ﻻ"


@pytest.mark.parametrize(
    ("text", "share"),
    [("", 0.0), ("123 !؟", 0.0), ("abc", 0.0), ("العراق", 1.0), ("Iraq العراق", 0.6), ("ﻻ ﺑ ڤ", 1.0)],
)
def test_arabic_letter_share(text, share):
    assert arabic_letter_share(text) == pytest.approx(share)


def test_is_arabic_char():
    assert [is_arabic_char(char) for char in "عa٣ﻻ،ζ"] == [True, False, True, True, True, False]
