"""Ingest: decoding, refusing bad files, paragraph kinds, on the two seeds and on small texts."""

from __future__ import annotations

import codecs
import html
import os
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile import run_cli

from briefing.errors import BriefingError, InputError
from briefing.ingest import (
    MIXED_ENCODING,
    InputWarning,
    classify_paragraphs,
    clean_title,
    decode_bytes,
    html_text,
    looks_like_html,
    other_arabic_script_language,
    paragraphs_from_text,
    read_article,
    read_articles,
)
from briefing.structure import ParagraphKind
from briefing.textnorm import arabic_letter_share, arabic_word_count, is_arabic_char, strip_invisible

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
    path = write(tmp_path, newline.join(text.split("\n")).encode())
    assert read_article(path, "A1").paragraphs == read_article(SEED_003, "A1").paragraphs


def test_bidi_and_zero_width_characters_are_removed_and_nothing_else(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    bidi = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
    invisible = bidi + "\u200b\u200c\u200d\u2060\ufeff"
    sprinkled = "".join(char + invisible[i % len(invisible)] for i, char in enumerate(text))
    path = write(tmp_path, sprinkled.encode())
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
        if encoding == MIXED_ENCODING:
            assert_each_line_is_utf8_or_cp1256(data, text)
        else:
            assert data.decode(encoding) == text


def assert_each_line_is_utf8_or_cp1256(data: bytes, text: str) -> None:
    position, seen = 0, set()
    for line in data.splitlines(keepends=True):
        try:
            decoded, encoding = line.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            decoded, encoding = line.decode("cp1256"), "cp1256"
        assert text[position:position + len(decoded)] == decoded
        position += len(decoded)
        seen.add(encoding if not line.isascii() else "ascii")
    assert position == len(text)
    assert {"utf-8", "cp1256"} <= seen


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
    (lambda tmp: bytes(range(255)) * 4, "random.bin", ["contains 100 control characters (10% of it", "binary data, not text"]),
    (lambda tmp: b"\x00\x01\x02binary\x00\xff" * 20, "nul.bin", ["first U+0000 at byte 0", "binary"]),
    (lambda tmp: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "image.txt", ["PNG image", "plain text"]),
    (lambda tmp: b"\xff\xd8\xff\xe0\x00\x10JFIF", "photo.txt", ["JPEG image"]),
    (lambda tmp: b"\x1f\x8b\x08\x00" + bytes(20), "article.txt.gz", ["gzip"]),
    (lambda tmp: "خبر عاجل\x07 من بغداد".encode(), "bell.txt",
     ["1 control character (3% of it, first U+0007 at byte 15)", "binary data, not text"]),
    (lambda tmp: b"Russia is exploiting the US withdrawal from Iraq.\n", "english.txt",
     ["has no Arabic script", "read as utf-8"]),
    (lambda tmp: "Russia and Iraq (روسيا والعراق) sign a new security agreement today.".encode(),
     "mixed.txt", ["too little Arabic script (22% of its letters, 2 Arabic words)"]),
    (lambda tmp: b"2024 - 12 - 31\n... 100%", "numbers.txt", ["has no Arabic script"]),
    (lambda tmp: arabic_bytes()[:50] + b"\xff" + arabic_bytes()[50:], "damaged.txt",
     ["invalid bytes", "offset 50"]),
    (lambda tmp: arabic_bytes()[:-1] + b"\xd9", "truncated.txt", ["UTF-8", "re-save"]),
    (lambda tmp: SEED_003.read_text(encoding="utf-8").encode("utf-16-le") + b"\x00\xd8", "surrogate.txt",
     ["not valid utf-16-le"]),
    (lambda tmp: "خبر\x01\x02 عاجل".encode("utf-16-le"), "controls-utf16.txt",
     ["2 control characters (20% of it, first U+0001 at character 3)", "binary data"]),
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


# An Arabic technology article: Latin product and people names and a quoted HTML tag.
LATIN_HEAVY_ARTICLE = (
    "آبل تكشف عن iPhone 16 Pro وميزات Apple Intelligence في مؤتمر WWDC\n"
    "قالت شركة Apple في بيان نشرته على موقع Newsroom إن نظام iOS 18 سيصل إلى أجهزة iPhone 15 Pro "
    "وiPhone 16 في سبتمبر، وإن ميزات Apple Intelligence ستعمل أولاً باللغة الإنجليزية.\n"
    "وأضاف Tim Cook أن الشركة تعاونت مع OpenAI لدمج ChatGPT في Siri وفي تطبيقات Mail وNotes وSafari.\n"
    'ونشر الموقع صورة الجهاز بالوسم <img src="/newsroom/images/iphone-16-pro.jpg" '
    'alt="iPhone 16 Pro"> تحت عنوان المقال، وقال المحلل Ming-Chi Kuo إن المبيعات ستتضاعف.\n'
    "وشارك في العرض Craig Federighi وGreg Joswiak وJohn Ternus من فريق Hardware Engineering.\n"
    "وتباع الأجهزة عبر Apple Store وAmazon وBest Buy في United States وCanada وAustralia وUnited Kingdom وNew Zealand.\n"
)
ENGLISH_ARTICLE = (
    "Russia seeks a security partnership with Iraq\n"
    "Moscow is exploiting the withdrawal of American troops from Iraq, officials in Baghdad said on Monday.\n"
    "The Russian ambassador met the heads of several armed factions over the past month.\n"
)


def test_an_arabic_article_with_markup_and_many_latin_names_is_built_with_a_warning(tmp_path):
    text = LATIN_HEAVY_ARTICLE
    assert 0.40 < arabic_letter_share(text) < 0.50  # the share that used to be refused
    path = write(tmp_path, text.encode())
    article, messages = read_with_warnings(path)
    assert [p.ar for p in article.paragraphs] == text.splitlines()
    assert messages == [
        f"{path}: only 46% of its letters are Arabic script (Latin names, markup or another "
        "language); that text is kept as written and may translate poorly"
    ]


def test_the_cli_prints_the_low_share_warning_and_builds_the_summary(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, LATIN_HEAVY_ARTICLE.encode())
    code, stdout, stderr = run_cli(monkeypatch, capsys, "analyze", str(path))
    assert code == 0
    assert stderr.splitlines() == [f"warning: {path}: only 46% of its letters are Arabic script (Latin names, "
                                   "markup or another language); that text is kept as written and may translate poorly"]
    assert "date" in stdout  # the summary was made: سبتمبر is in the timeline


def test_an_english_article_is_refused_with_one_line_naming_the_file(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, ENGLISH_ARTICLE.encode(), "english.txt")
    code, stdout, stderr = run_cli(monkeypatch, capsys, "analyze", str(path))
    assert (code, stdout) == (2, "")
    assert stderr.splitlines() == [
        f"error: {path}: has no Arabic script, read as utf-8: briefing needs Arabic articles; "
        "if this is Arabic in another encoding, save it as UTF-8"
    ]


@pytest.mark.parametrize(("text", "words"), [
    # an English article naming two places in Arabic script: 3% of its letters
    (ENGLISH_ARTICLE.replace("Moscow", "Moscow (موسكو)").replace("Baghdad", "Baghdad (بغداد)") + ENGLISH_ARTICLE,
     "too little Arabic script to be an Arabic article (3% of its letters)"),
    # an English article quoting a long Arabic passage: 32 Arabic words, still under 5%
    (ENGLISH_ARTICLE * 20 + " ".join(["قال السفير إن بلاده تسعى إلى شراكة أمنية"] * 4) + "\n",
     "too little Arabic script to be an Arabic article (3% of its letters)"),
])
def test_a_text_in_another_language_quoting_arabic_is_refused(tmp_path, text, words):
    with pytest.raises(InputError, match=r"\(\d+% of its letters") as caught:
        read_article(write(tmp_path, text.encode()), "A1")
    assert words in str(caught.value)


@pytest.mark.parametrize(("text", "built"), [
    # fewer than 20 Arabic words: refused under a quarter of its letters, built above it
    ("Breaking news from Baghdad and Moscow today: عاجل من بغداد\n", False),
    ("مقابلة مع Elon Musk عن شركة Tesla وSpaceX\n", True),
    # 20 Arabic words or more are an article at any share above 5%
    (ENGLISH_ARTICLE.replace("\n", " ") * 2
     + " ".join(["قال السفير إن بلاده تسعى إلى شراكة أمنية مع العراق"] * 3) + "\n", True),
])
def test_a_short_text_must_be_a_quarter_arabic(tmp_path, text, built):
    share = arabic_letter_share(text)
    assert 0.05 < share < 0.5
    assert (share >= 0.25 or arabic_word_count(text, 20) >= 20) is built
    path = write(tmp_path, text.encode())
    if built:
        article, messages = read_with_warnings(path)
        assert article.title_ar == text.strip() and len(messages) == 1
    else:
        with pytest.raises(InputError, match="too little Arabic script"):
            read_article(path, "A1")


def test_arabic_word_count_stops_at_the_limit():
    assert arabic_word_count("Iraq العراق وروسيا Russia، ٢٠٢٤", 10) == 2
    assert arabic_word_count(" ".join(["كلمة"] * 1000), 20) == 20


def test_windows_1256_with_some_english_is_still_read(tmp_path):
    text = "وزير الخارجية يلتقي نظيره في واشنطن (Washington) اليوم، وقال إن اللقاء مهم.\n"
    article = read_article(write(tmp_path, text.encode("cp1256")), "A1")
    assert (article.encoding, article.title_ar) == ("cp1256", text.strip())


# --- defensive reading: limits, stray characters, mixed encodings, web pages, other languages ---


def read_with_warnings(path: Path, **options):
    messages: list[str] = []
    return read_article(path, "A1", warn=messages.append, **options), messages


def seed_paragraphs(seed: Path = SEED_000) -> list:
    return read_article(seed, "A1").paragraphs


def test_stray_control_characters_are_removed_with_one_warning(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    dirty = text[:30] + "\x01" + text[30:60] + "\x1f\x00" + text[60:90] + "\x7f\ufffe\x9b" + text[90:]
    path = write(tmp_path, dirty.encode())
    article, messages = read_with_warnings(path)
    assert article.paragraphs == seed_paragraphs()
    assert article.encoding == "utf-8"
    assert messages == [f"{path}: removed 6 control characters (first U+0001 at character 30)"]


def test_vertical_tab_form_feed_and_separators_still_break_paragraphs(tmp_path):
    lines = [p.ar for p in seed_paragraphs()]
    path = write(tmp_path, "\x0b".join(lines[:4]).encode() + b"\x0c" + "\x1c\x1d\x1e".join(lines[4:]).encode())
    article, messages = read_with_warnings(path)
    assert (article.paragraphs, messages) == (seed_paragraphs(), [])


def test_a_few_nul_bytes_in_utf8_are_not_taken_for_utf16(tmp_path):
    data = SEED_000.read_bytes()
    path = write(tmp_path, data[:101] + b"\x00" + data[101:301] + b"\x00" + data[301:])
    article, messages = read_with_warnings(path)
    assert article.encoding == "utf-8"
    assert article.paragraphs == seed_paragraphs()
    assert "removed 2 control characters (first U+0000" in messages[0]


def test_lines_in_utf8_and_windows_1256_are_each_decoded(tmp_path):
    lines = SEED_003.read_text(encoding="utf-8").splitlines(keepends=True)
    data = b"".join(line.encode("utf-8" if number % 3 else "cp1256") for number, line in enumerate(lines))
    article, messages = read_with_warnings(write(tmp_path, data))
    assert article.encoding == MIXED_ENCODING
    assert article.paragraphs == seed_paragraphs(SEED_003)
    assert messages == [f"{tmp_path / 'article.txt'}: mixes UTF-8 and Windows-1256 lines; each line was decoded on its own"]


def test_a_damaged_utf8_line_among_windows_1256_lines_is_still_refused(tmp_path):
    good = "وزير الخارجية يلتقي نظيره اليوم.\n".encode("cp1256")
    damaged = "وقال إن اللقاء مهم جداً للبلدين.".encode()
    path = write(tmp_path, good + damaged[:20] + b"\xff" + damaged[20:])
    with pytest.raises(InputError, match=f"invalid bytes \\(first at offset {len(good) + 20}\\)"):
        read_article(path, "A1")


def web_page(paragraphs: list[str]) -> str:
    head, *body = paragraphs
    return (
        "<!DOCTYPE html>\n<html lang='ar'><head><meta charset='utf-8'><title>عنوان الصفحة في المتصفح</title>\n"
        "<style>p { color: red }</style><script>var x = '<p>ليس نصاً</p>';</script></head>\n"
        f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>{head}</h1>\n"
        + "".join(f"<p>\n  {html.escape(text)}\n</p>\n" for text in body)
        + "<noscript>فعّل جافاسكربت</noscript></article></body></html>"
    )


def test_a_saved_web_page_gives_the_article_text(tmp_path):
    lines = [p.ar for p in seed_paragraphs(SEED_003)]
    article = read_article(write(tmp_path, web_page(lines).encode("utf-8"), "page.html"), "A1")
    assert article.meta["format"] == "html"
    assert [p.ar for p in article.paragraphs] == ["الرئيسية", *lines]


def test_html_text_keeps_inline_markup_text_and_entities_in_one_line():
    page = "<p>قال <b>الوزير</b> &amp; <a href='x'>النائب</a>:<br>نعم&nbsp;&#1604;ا</p><head>"
    assert html_text(page).split("\n") == ["", "قال الوزير & النائب:", "نعم\u00a0لا", ""]
    assert html_text("<html><head><title>x</title><body><p>نص") == "\nنص"


@pytest.mark.parametrize(("text", "is_html"), [
    ("<p>نص</p>", True),
    ("  \n<!doctype html><title>x</title>", True),
    ("قال إن الوسم <p> يبدأ فقرة", False),
    ("<عنوان> خبر عاجل", False),
    ("<<< خبر عاجل >>>", False),
])
def test_looks_like_html(text, is_html):
    assert looks_like_html(text) is is_html


def test_a_web_page_without_text_is_refused(tmp_path):
    path = write(tmp_path, b"<html><head><title>x</title></head><body><script>1</script></body></html>")
    with pytest.raises(InputError, match="is a web page with no text"):
        read_article(path, "A1")


PERSIAN = ("وزیر امور خارجه ایران روز یکشنبه با همتای روسی خود در تهران دیدار کرد. "
           "دو طرف درباره همکاری‌های اقتصادی و امنیتی در منطقه گفتگو کردند و بر ادامه رایزنی‌ها تاکید کردند.")
URDU = ("پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اہم اجلاس کی صدارت کی۔ "
        "اجلاس میں ملک کی معاشی صورتحال اور توانائی کے بحران پر تفصیلی تبادلہ خیال کیا گیا۔")


@pytest.mark.parametrize(("text", "language"), [
    (PERSIAN, "Persian"),
    (URDU, "Urdu"),
    (SEED_000.read_text(encoding="utf-8"), None),
    ("أعلنت شركة گوگل وشركة پيبسي عن شراكة جديدة في مدينة چابهار الإيرانية اليوم.", None),
    ("کی کی", None),
])
def test_other_arabic_script_language(text, language):
    assert other_arabic_script_language(text) == language


@pytest.mark.parametrize(("text", "language"), [(PERSIAN, "Persian"), (URDU, "Urdu")])
def test_persian_and_urdu_are_read_with_a_warning(tmp_path, text, language):
    path = write(tmp_path, f"خبر\n{text}\n".encode())
    article, messages = read_with_warnings(path)
    assert article.paragraphs[1].ar == strip_invisible(text)  # Persian's zero-width non-joiners go too
    assert article.meta["language"] == language
    assert messages == [f"{path}: looks like {language}, not Arabic; the Arabic model will translate it poorly"]


def test_warnings_go_to_the_warnings_module_by_default(tmp_path):
    path = write(tmp_path, f"خبر\n{PERSIAN}\n".encode())
    with pytest.warns(InputWarning, match="looks like Persian"):
        read_article(path, "A1")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    data = SEED_000.read_bytes()
    path = write(tmp_path, data)
    assert read_article(path, "A1", max_bytes=len(data)).paragraphs == seed_paragraphs()
    with pytest.raises(InputError) as caught:
        read_article(path, "A1", max_bytes=1000)
    assert str(caught.value) == (
        f"{path}: is 0.0 MB, over the 0.001 MB input limit: split it into articles, "
        "or raise the limit with --max-input-mb"
    )


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match="is not a regular file"):
        read_article(pipe, "A1")


def test_read_articles_expands_folders_numbers_articles_and_stops_at_the_first_bad_file(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    write(folder, SEED_003.read_bytes(), "b.txt")
    write(folder, SEED_000.read_bytes(), "a.txt")
    write(folder, b"ignored", "notes.md")
    bad = write(tmp_path, b"", "empty.txt")
    articles = read_articles([folder, SEED_000])
    assert [(a.id, Path(a.source).name) for a in articles] == [("A1", "a.txt"), ("A2", "b.txt"), ("A3", SEED_000.name)]
    with pytest.raises(InputError, match="empty.txt: is empty"):
        read_articles([folder, bad, SEED_000])


def test_read_articles_can_skip_bad_files_and_report_them(tmp_path):
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    bad = write(tmp_path, b"", "empty.txt")
    skipped: list[InputError] = []
    articles = read_articles([bad, SEED_000, empty_folder, tmp_path / "missing.txt", SEED_003],
                             on_bad_file=skipped.append)
    assert [(a.id, a.source) for a in articles] == [("A1", str(SEED_000)), ("A2", str(SEED_003))]
    assert [str(error) for error in skipped] == [
        f"{bad}: is empty: expected the text of an Arabic news article",
        f"{empty_folder}: is a folder with no .txt files in it",
        f"{tmp_path / 'missing.txt'}: no such file; check the path",
    ]


def test_clean_title_removes_what_the_article_text_loses_and_refuses_undecodable_bytes():
    assert clean_title("روسيا\x07 والعراق\u202e\n 2024\ufffe") == "روسيا والعراق 2024"
    undecodable = b"Iraq \xed\xa0\x80".decode("utf-8", "surrogateescape")  # as sys.argv holds it
    with pytest.raises(BriefingError, match="is not valid UTF-8 text"):
        clean_title(undecodable)


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
