"""Sentence and clause splitting: rule tables, the seeds, and the exactness invariant."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest import classify_paragraphs, paragraphs_from_text, read_article
from briefing.segment import (
    MAX_PROTECTED_CHARS,
    segment_article,
    split_clauses,
    split_sentences,
)
from briefing.structure import Article, ParagraphKind

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "seeds" / "000_39f2b8f52989a5bb.txt"
SEED_003 = ROOT / "seeds" / "003_6b5e974a938e85bf.txt"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def assert_exact_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Ordered, non-empty, stripped spans with only whitespace between and around them."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[previous_end:start].strip() == ""
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    assert text[previous_end:].strip() == ""
    assert bool(spans) == bool(text.strip())


SENTENCE_CASES = [
    # (text, expected sentences)
    ("ذهب الولد إلى المدرسة. وعادت البنت.", ["ذهب الولد إلى المدرسة.", "وعادت البنت."]),
    ("هل ستنجح روسيا؟ ربما لا.", ["هل ستنجح روسيا؟", "ربما لا."]),
    ("Will it work? Maybe! Maybe not.", ["Will it work?", "Maybe!", "Maybe not."]),
    ("حقاً؟! نعم.", ["حقاً؟!", "نعم."]),
    ("انتظر… ثم تكلم.", ["انتظر…", "ثم تكلم."]),
    ("انتظر... ثم تكلم.", ["انتظر...", "ثم تكلم."]),
    # ".." joins the two halves of a headline
    ("مركز دراسات الحرب: بدلاً من الولايات المتحدة.. روسيا نحو شراكة أمنية مع العراق؟",
     ["مركز دراسات الحرب: بدلاً من الولايات المتحدة.. روسيا نحو شراكة أمنية مع العراق؟"]),
    # quotes and brackets
    ("قال “الأمر صعب. لكنه ممكن” ثم غادر.", ["قال “الأمر صعب. لكنه ممكن” ثم غادر."]),
    ("قال “انتهى الأمر.” ثم غادر القاعة.", ["قال “انتهى الأمر.”", "ثم غادر القاعة."]),
    ("قال ”انتهى الأمر.“ ثم غادر القاعة.", ["قال ”انتهى الأمر.“", "ثم غادر القاعة."]),
    ("وأكمل ” يجب ذلك. وهذا مهم” ثم سكت.", ["وأكمل ” يجب ذلك. وهذا مهم” ثم سكت."]),
    ("وأكمل ” يجب ذلك. وهذا مهم”. ثم سكت.", ["وأكمل ” يجب ذلك. وهذا مهم”.", "ثم سكت."]),
    ('قال "هذا صحيح. تماماً" للصحفيين.', ['قال "هذا صحيح. تماماً" للصحفيين.']),
    ("قال «هذا صحيح. تماماً» للصحفيين.", ["قال «هذا صحيح. تماماً» للصحفيين."]),
    ("(راجع الملحق. ص 5) وتابع القراءة.", ["(راجع الملحق. ص 5) وتابع القراءة."]),
    ("أعلن الجيش ذلك. (وكالات)", ["أعلن الجيش ذلك.", "(وكالات)"]),
    # an unclosed quote protects nothing, a stray closing quote opens nothing
    ('قال "هذا صحيح. وذهب إلى البيت.', ['قال "هذا صحيح.', "وذهب إلى البيت."]),
    ("الأمر” انتهى. ثم بدأ “عهد جديد”.", ["الأمر” انتهى.", "ثم بدأ “عهد جديد”."]),
    ("وقال “أولاً. ثم قال “ثانياً. ثالثاً” وانتهى.", ["وقال “أولاً.", "ثم قال “ثانياً. ثالثاً” وانتهى."]),
    # abbreviations, numbers, list markers
    ("قال الفريق الركن د. قاصد محمود صالح إن الوضع صعب.",
     ["قال الفريق الركن د. قاصد محمود صالح إن الوضع صعب."]),
    ("حضر أ.د. محمد علي الندوة. ثم غادر.", ["حضر أ.د. محمد علي الندوة.", "ثم غادر."]),
    ("قال م. أحمد إن المشروع انتهى.", ["قال م. أحمد إن المشروع انتهى."]),
    ("ولد عام 1950 م. وتوفي بعد ذلك.", ["ولد عام 1950 م.", "وتوفي بعد ذلك."]),
    ("بني عام 300 ق.م. وما زال قائماً.", ["بني عام 300 ق.م.", "وما زال قائماً."]),
    ("Dr. Smith met U.S. officials. They agreed.", ["Dr. Smith met U.S. officials.", "They agreed."]),
    ("بلغ النمو 3.5 في المئة. وهذا جيد.", ["بلغ النمو 3.5 في المئة.", "وهذا جيد."]),
    ("1. النقطة الأولى مهمة.", ["1. النقطة الأولى مهمة."]),
    ("عدد القتلى: 24. وقال المسؤول إن العدد سيرتفع.", ["عدد القتلى: 24.", "وقال المسؤول إن العدد سيرتفع."]),
    ("وقع ذلك في عام 2024. ثم تغير كل شيء.", ["وقع ذلك في عام 2024.", "ثم تغير كل شيء."]),
    ("بعد أقل من 24 ساعة: قتل ثلاثة جنود.", ["بعد أقل من 24 ساعة: قتل ثلاثة جنود."]),
    # a terminator glued to the next word is not an end (URLs, 3.5, missing spaces)
    ("زوروا موقع example.com للمزيد.", ["زوروا موقع example.com للمزيد."]),
    ("انتهى الاجتماع.وبدأ المؤتمر.", ["انتهى الاجتماع.وبدأ المؤتمر."]),
    # line breaks always end a sentence; whitespace around is not part of any sentence
    ("سطر أول بلا نقطة\nسطر ثان\r\nسطر ثالث", ["سطر أول بلا نقطة", "سطر ثان", "سطر ثالث"]),
    ("  \u00a0جملة أولى.   جملة ثانية.\t ", ["جملة أولى.", "جملة ثانية."]),
    ("", []),
    (" \n\t\u00a0", []),
    ("؟", ["؟"]),
    (". . .", [".", ".", "."]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES, ids=[c[0][:25] for c in SENTENCE_CASES])
def test_split_sentences(text, expected):
    assert sentences(text) == expected
    assert_exact_spans(text, split_sentences(text))


def test_only_quotes_up_to_the_length_limit_protect_their_sentence_ends():
    short = " ".join(["كلمة"] * 10)
    assert len(sentences(f'قال "{short}. {short}." ثم غادر.')) == 2
    long = " ".join(["كلمة"] * (MAX_PROTECTED_CHARS // 5))
    assert sentences(f'قال "{long}. {long}." ثم غادر.') == [f'قال "{long}.', f'{long}."', "ثم غادر."]


# --- the seeds -------------------------------------------------------------------------------


def test_seed_000_every_paragraph_is_one_sentence():
    article = segment_article(read_article(SEED_000, "A1"))
    assert [len(p.sentences) for p in article.paragraphs] == [1] * 12
    for paragraph in article.paragraphs:
        assert paragraph.sentences[0].ar == paragraph.ar


def test_seed_003_every_paragraph_is_one_sentence():
    article = segment_article(read_article(SEED_003, "A1"))
    assert [len(p.sentences) for p in article.paragraphs] == [1] * 15
    # The "د." of paragraph 9 and the reversed quotes of paragraphs 11 and 15 split nothing.
    assert "د. قاصد" in article.paragraph(9).sentences[0].ar
    assert article.paragraph(11).ar.startswith("وأكمل ” يجب")
    assert article.paragraph(11).sentences[0].ar == article.paragraph(11).ar


def test_seed_sentences_split_when_paragraphs_are_joined():
    """Joined into one block, the seed bodies split back into exactly their paragraphs."""
    for seed in (SEED_000, SEED_003):
        body = [p.ar for p in read_article(seed, "A1").paragraphs if p.kind is ParagraphKind.BODY]
        assert sentences(" ".join(body)) == body


# --- segment_article -------------------------------------------------------------------------


def make_article(lines: list[str]) -> Article:
    return Article(id="A1", source="test", paragraphs=classify_paragraphs(lines))


def test_segment_article_fills_sentences_with_exact_offsets_and_leaves_the_input_alone():
    article = make_article(["العنوان هنا", "جملة أولى هنا. وجملة ثانية هنا؟ وثالثة!", "الخاتمة."])
    segmented = segment_article(article)
    assert all(p.sentences == [] for p in article.paragraphs)
    body = segmented.paragraph(2)
    assert [s.ar for s in body.sentences] == ["جملة أولى هنا.", "وجملة ثانية هنا؟", "وثالثة!"]
    assert [(s.start, s.end) for s in body.sentences] == [(0, 14), (15, 31), (32, 39)]
    for paragraph, sentence in segmented.sentences():
        assert paragraph.ar[sentence.start:sentence.end] == sentence.ar
        assert (sentence.en, sentence.origin, sentence.flags) == (None, "", [])
    assert (segmented.id, segmented.source, segmented.encoding) == ("A1", "test", "utf-8")


HEADING_CASES = [
    # (headline, sentences expected)
    ("عاجل! روسيا تستغل خروج القوات الأمريكية", 1),
    ("فيديو. روسيا تستغل خروج القوات الأمريكية", 1),
    ("روسيا تسعى لإيجاد موطئ قدم.. هل ستنجح؟", 1),
    ("روسيا تدخل العراق بقوة. وأمريكا تنسحب منه بهدوء", 2),
]


@pytest.mark.parametrize(("headline", "count"), HEADING_CASES, ids=[c[0][:20] for c in HEADING_CASES])
def test_headings_split_only_into_real_sentences(headline, count):
    article = segment_article(make_article([headline, headline + " تماماً", "النص هنا. ولا شيء غيره."]))
    assert len(article.paragraph(1).sentences) == count
    assert article.paragraph(2).kind is ParagraphKind.SUBHEADING
    assert len(article.paragraph(2).sentences) == count
    assert len(article.paragraph(3).sentences) == 2


def test_body_paragraph_splits_even_short_pieces():
    news = "روسيا تستغل خروج القوات الأمريكية من العراق."
    article = segment_article(make_article(["العنوان", f"عاجل! {news}", "نص."]))
    assert [s.ar for s in article.paragraph(2).sentences] == ["عاجل!", news]


def test_repeated_paragraph_is_split_like_the_one_it_repeats():
    heading = "عاجل! هل تنجح روسيا"
    lines = ["العنوان", heading, "النص هنا. ولا شيء غيره.", heading, "خاتمة."]
    article = segment_article(make_article(lines))
    original, repeat = article.paragraph(2), article.paragraph(4)
    assert (original.kind, repeat.kind) == (ParagraphKind.SUBHEADING, ParagraphKind.REPEATED)
    assert repeat.repeat_of == 2
    assert len(repeat.sentences) == 1
    assert repeat.sentences == original.sentences
    assert repeat.sentences[0] is not original.sentences[0]


# --- clauses ---------------------------------------------------------------------------------

LONG_SENTENCE = (
    "والتقى كوتراشيف، توالياً، رجل الدين والسياسي العراقي عمار الحكيم في 31 يناير/كانون الثاني، "
    "ورئيس هيئة الحشد الشعبي العراقي فالح الفياض في 1 فبراير/شباط، ورئيس الوزراء العراقي محمد "
    "شياع السوداني في 5 فبراير/شباط، وأمين عام عصائب أهل الحق قيس الخزعلي في 20 فبراير/شباط."
)


def clauses(text: str, max_chars: int) -> list[str]:
    return [text[start:end] for start, end in split_clauses(text, max_chars)]


def test_a_short_sentence_is_one_clause():
    sentence = "قال الوزير، بعد الاجتماع، إن الوضع مستقر."
    assert clauses(sentence, 160) == [sentence]


def test_clauses_are_cut_after_commas_and_packed_up_to_the_limit():
    assert clauses(LONG_SENTENCE, 160) == [
        "والتقى كوتراشيف، توالياً، رجل الدين والسياسي العراقي عمار الحكيم في 31 يناير/كانون الثاني، "
        "ورئيس هيئة الحشد الشعبي العراقي فالح الفياض في 1 فبراير/شباط،",
        "ورئيس الوزراء العراقي محمد شياع السوداني في 5 فبراير/شباط، "
        "وأمين عام عصائب أهل الحق قيس الخزعلي في 20 فبراير/شباط.",
    ]
    assert clauses(LONG_SENTENCE, 70) == [
        "والتقى كوتراشيف، توالياً،",
        "رجل الدين والسياسي العراقي عمار الحكيم في 31 يناير/كانون الثاني،",
        "ورئيس هيئة الحشد الشعبي العراقي فالح الفياض في 1 فبراير/شباط،",
        "ورئيس الوزراء العراقي محمد شياع السوداني في 5 فبراير/شباط،",
        "وأمين عام عصائب أهل الحق قيس الخزعلي في 20 فبراير/شباط.",
    ]
    assert clauses(LONG_SENTENCE, 1) == LONG_SENTENCE.split()


def test_clauses_cut_before_wa_only_when_a_clause_is_too_long():
    text = "ترغب روسيا بتعزيز علاقتها مع العراق وتعمل على تعزيز تواجدها العسكري؛ وهذا ما صرح به السفير"
    assert clauses(text, 200) == [text]
    assert clauses(text, 70) == [
        "ترغب روسيا بتعزيز علاقتها مع العراق وتعمل على تعزيز تواجدها العسكري؛",
        "وهذا ما صرح به السفير",
    ]
    assert clauses(text, 40) == [
        "ترغب روسيا بتعزيز علاقتها مع العراق",
        "وتعمل على تعزيز تواجدها العسكري؛",
        "وهذا ما صرح به السفير",
    ]


def test_a_comma_inside_a_number_is_no_cut():
    sentence = "قتل 1,500 شخص في الهجوم الذي استهدف السوق"
    assert clauses(sentence, 60) == [sentence]
    assert clauses(sentence, 10) == ["قتل 1,500", "شخص في", "الهجوم", "الذي", "استهدف", "السوق"]


def test_a_clause_without_punctuation_or_conjunction_is_cut_between_words():
    words = [f"كلمة{number}" for number in range(20_000)]
    paragraph = " ".join(words)
    pieces = clauses(paragraph, 160)
    assert " ".join(pieces) == paragraph
    assert all(len(piece) <= 160 for piece in pieces)
    assert all(len(a) + 1 + len(b.split()[0]) > 160 for a, b in pairwise(pieces)), "packed"


def test_only_a_single_word_longer_than_the_limit_stays_whole():
    url = "https://example.com/" + "a1b2" * 100
    assert clauses(f"زوروا {url} للمزيد", 40) == ["زوروا", url, "للمزيد"]


# --- properties ------------------------------------------------------------------------------

NEWS_CHARS = list("ابتثجحخدرسعفقلمنهويةأإآءىـ" "َُِّ" "abcDr" "0123456789٠١٢٣" "   \u00a0\t\n\r\u2028"
                  ".....؟?!…،؛,;:" "\"“”«»()[]'’" "\u200f\u200b")
news_text = st.text(alphabet=st.sampled_from(NEWS_CHARS), max_size=200)
any_text = st.text(max_size=200)


@given(st.one_of(news_text, any_text))
@settings(max_examples=300, deadline=None)
def test_sentence_spans_rebuild_the_text_exactly(text):
    assert_exact_spans(text, split_sentences(text))


@given(st.one_of(news_text, any_text), st.integers(min_value=0, max_value=120))
@settings(max_examples=300, deadline=None)
def test_clause_spans_rebuild_the_text_exactly(text, max_chars):
    assert_exact_spans(text, split_clauses(text, max_chars))


@given(st.text(alphabet=st.sampled_from([c for c in NEWS_CHARS if not c.isdigit()]), max_size=300),
       st.integers(min_value=1, max_value=80))
@settings(max_examples=200, deadline=None)
def test_a_clause_over_the_limit_is_a_single_word(text, max_chars):
    for start, end in split_clauses(text, max_chars):
        if end - start > max_chars:
            assert len(text[start:end].split()) == 1


@given(st.one_of(news_text, any_text))
@settings(max_examples=200, deadline=None)
def test_segmented_article_offsets_point_at_the_sentences(text):
    paragraphs = paragraphs_from_text(text)
    article = segment_article(Article(id="A1", source="test", paragraphs=paragraphs))
    for paragraph in article.paragraphs:
        assert_exact_spans(paragraph.ar, [(s.start, s.end) for s in paragraph.sentences])
        assert all(paragraph.ar[s.start:s.end] == s.ar for s in paragraph.sentences)
