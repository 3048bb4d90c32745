"""Competing viewpoints (issue 7): cues, speaker resolution, polarity, clashes, the seeds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.arabic import (
    fold,
    light_stem,
    stem_variants,
    words_of,
)
from briefing.extract.attribution import MAX_CLAIM_CHARS, find_attributions
from briefing.extract.clashes import (
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    Claim,
    claim_polarity,
    claim_stance,
    find_clashes,
)
from briefing.extract.corroboration import CORROBORATED, SINGLE_SOURCE, corroborate
from briefing.align import english_of_span
from briefing.extract.viewpoints import english_of_phrase, extract_viewpoints
from briefing.ingest import paragraphs_from_text, read_article
from briefing.segment import segment_article
from briefing.structure import Actor, Article, Briefing, Mention

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
TITLE = "خبر للاختبار"


def build(*lines: str, article_id: str = "A1", title: str = TITLE) -> Article:
    """An article from text lines (the first is the headline), ingested and segmented."""
    article = Article(
        id=article_id, source="test", paragraphs=paragraphs_from_text("\n".join((title,) + lines))
    )
    return segment_article(article)


def only(article: Article):
    found = find_attributions(article)
    assert len(found) == 1, [(a.cue, a.speaker_text, a.claim) for a in found]
    return found[0]


# --- cues --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cue, opening",
    [
        ("قال", "إن"),
        ("قالت", "إن"),
        ("قالوا", "إن"),
        ("صرح", "بأن"),
        ("صرّحت", "أن"),
        ("أكد", "أن"),
        ("أكدت", "أنّ"),
        ("أضاف", "أن"),
        ("أكمل", "أن"),
        ("تابع", "أن"),
        ("اعتبر", "أن"),
        ("رأى", "أن"),
        ("رأت", "أن"),
        ("ذكر", "أن"),
        ("ذكرت", "أن"),
        ("أورد", "أن"),
        ("لفت", "إلى أن"),
        ("أشار", "إلى أن"),
        ("أشاروا", "إلى أن"),
        ("أعلن", "أن"),
        ("نفى", "أن"),
        ("حذر", "من أن"),
        ("حذرت", "من أن"),
    ],
)
def test_reporting_verb_with_speaker_after_it(cue, opening):
    found = only(build(f"و{cue} المتحدث باسم الوزارة {opening} الاتفاق ما زال صامدا."))
    assert found.cue == cue
    assert found.speaker_text == "المتحدث باسم الوزارة"
    assert found.claim == "الاتفاق ما زال صامدا"
    assert found.rule == "verb-speaker"


def test_claim_offsets_point_into_the_paragraph():
    article = build("وقال وزير الخارجية أيمن الصفدي، إن المفاوضات ستستأنف الأسبوع المقبل.")
    found = only(article)
    paragraph = article.paragraph(found.paragraph)
    assert paragraph.ar[found.claim_start : found.claim_end] == "المفاوضات ستستأنف الأسبوع المقبل"
    assert found.speaker_text == "وزير الخارجية أيمن الصفدي"


def test_adjuncts_are_not_part_of_the_speaker():
    found = only(build("وأكدت الوزارة في بيان لها يوم الأحد أن الحدود ستبقى مغلقة."))
    assert found.speaker_text == "الوزارة"
    assert found.adjunct == "في بيان لها يوم الأحد"
    found = only(build("وصرح الوزير لوسائل الإعلام المحلية أن الحدود ستبقى مغلقة."))
    assert found.speaker_text == "الوزير"


def test_time_word_that_is_a_name_stays_in_the_speaker():
    assert (
        only(build("وقال الكاتب صباح الموسوي إن الحكومة ستسقط.")).speaker_text
        == "الكاتب صباح الموسوي"
    )
    assert only(build("وقال الكاتب صباح الأحد إن الحكومة ستسقط.")).speaker_text == "الكاتب"


@pytest.mark.parametrize(
    "line, claim",
    [
        ("وقال الناطق باسم الحكومة «لن نقبل بأي تدخل خارجي».", "لن نقبل بأي تدخل خارجي"),
        ("وقال الناطق باسم الحكومة “لن نقبل بأي تدخل خارجي”.", "لن نقبل بأي تدخل خارجي"),
        ('وقال الناطق باسم الحكومة "لن نقبل بأي تدخل خارجي".', "لن نقبل بأي تدخل خارجي"),
        ("وقال الناطق باسم الحكومة ”لن نقبل بأي تدخل خارجي”.", "لن نقبل بأي تدخل خارجي"),
        ("وقال الناطق باسم الحكومة: لن نقبل بأي تدخل خارجي.", "لن نقبل بأي تدخل خارجي"),
    ],
)
def test_quotes_and_colon_open_a_claim(line, claim):
    found = only(build(line))
    assert found.speaker_text == "الناطق باسم الحكومة"
    assert found.claim == claim


def test_abbreviated_title_inside_speaker():
    found = only(build("وقال الفريق د. خالد العبيدي “الجيش مستعد”."))
    assert found.speaker_text == "الفريق د. خالد العبيدي"
    assert found.claim == "الجيش مستعد"


def test_noun_rai_is_not_the_verb_raa():
    assert find_attributions(build("وهذا رأي الأغلبية في البرلمان أن القرار صائب.")) == []
    assert only(build("ورأى الخبير أن الأسعار سترتفع.")).speaker_text == "الخبير"


def test_verb_without_claim_opening_is_not_a_cue():
    assert find_attributions(build("وتابع الفريق الفني عمله في الموقع طوال الليل.")) == []


def test_readiness_cue_with_speaker_between():
    found = only(build("وأبدى الوزير استعداده للحوار مع المعارضة."))
    assert found.cue == "أبدى الوزير استعداده"
    assert found.speaker_text == "الوزير"
    assert found.claim == "استعداده للحوار مع المعارضة"


def test_discussed_takes_the_quoted_topic():
    found = only(build('وناقش الوفدان "آليات التعاون" في المجال الزراعي.'))
    assert found.cue == "ناقش"
    assert found.speaker_text == "الوفدان"
    assert found.claim.startswith('"آليات التعاون"')


def test_source_phrase_after_the_claim():
    found = only(build("سترتفع الأسعار بنسبة عشرة بالمئة، وفق ما ذكر البنك المركزي."))
    assert found.rule == "phrase-trailing"
    assert found.cue == "وفق ما ذكر"
    assert found.speaker_text == "البنك المركزي"
    assert found.claim == "سترتفع الأسعار بنسبة عشرة بالمئة"


def test_source_phrase_before_the_claim():
    found = only(build("وبحسب وكالة الأنباء الرسمية، فإن الاجتماع انتهى دون اتفاق."))
    assert found.rule == "phrase-leading"
    assert found.speaker_text == "وكالة الأنباء الرسمية"
    assert found.claim == "الاجتماع انتهى دون اتفاق"


@pytest.mark.parametrize(
    "line, speaker",
    [
        ("ارتفعت البطالة، وفقا لمصادر حكومية.", "مصادر حكومية"),
        ("ارتفعت البطالة، وفقًا للتقرير الأخير.", "التقرير الأخير"),
        ("ارتفعت البطالة، وفقا لما كشفه التقرير.", "التقرير"),
        ("ارتفعت البطالة، حسبما أفاد المكتب.", "المكتب"),
    ],
)
def test_source_phrase_forms(line, speaker):
    found = only(build(line))
    assert (found.speaker_text, found.claim) == (speaker, "ارتفعت البطالة")


def test_phrase_followed_by_a_common_noun_is_no_source():
    assert find_attributions(build("تعمل المصانع حسب الطلب، وتتوقف في العطل.")) == []


def test_quoting_from():
    found = only(build("وأصيب عشرة أشخاص في الانفجار، نقلا عن مصادر طبية."))
    assert found.speaker_text == "مصادر طبية"
    assert found.claim == "وأصيب عشرة أشخاص في الانفجار"


def test_headline_speaker_before_colon_when_the_body_quotes_it():
    title = "الرئيس الفرنسي: لا حل عسكريا للأزمة"
    found = find_attributions(build("وقال الرئيس الفرنسي إن الحوار هو الطريق الوحيد.", title=title))
    assert [(a.paragraph, a.rule) for a in found] == [(1, "headline"), (2, "verb-speaker")]
    assert found[0].claim == "لا حل عسكريا للأزمة"
    assert found[0].entity is found[1].entity


def test_headline_label_that_nobody_speaks_is_a_topic():
    assert (
        find_attributions(build("وغير المغني اسمه رسميا.", title="كاني ويست: مغني الراب يغير اسمه"))
        == []
    )


def test_speaker_before_the_verb():
    found = only(build("وكانت الحكومة قد أعلنت أن الانتخابات ستجرى في موعدها."))
    assert (found.rule, found.speaker_text) == ("kana-qad", "الحكومة")
    found = only(build("الوزير قال إن الخطة جاهزة."))
    assert (found.rule, found.speaker_text) == ("subject-before", "الوزير")


def test_quote_over_several_sentences_is_one_claim():
    article = build("وقال المدير “الوضع صعب. لكننا سنواصل العمل”.")
    found = only(article)
    assert found.claim == "الوضع صعب. لكننا سنواصل العمل"
    paragraph = article.paragraph(found.paragraph)
    for sentence in paragraph.sentences:
        sentence.en = f"<{sentence.ar}>"
    assert english_of_span(paragraph, found.claim_start, found.claim_end) == " ".join(
        f"<{s.ar}>" for s in paragraph.sentences
    )


def test_quote_left_open_continues_in_the_next_paragraph():
    found = find_attributions(
        build("وقال المدير “الوضع صعب جدا في المنطقة.", "“لكننا سنواصل العمل حتى النهاية”.")
    )
    assert [(a.paragraph, a.rule) for a in found] == [(2, "verb-speaker"), (3, "quote-continued")]
    assert found[1].entity is found[0].entity
    assert found[1].claim == "لكننا سنواصل العمل حتى النهاية"


def test_a_claim_in_text_without_punctuation_stops_between_words_after_the_limit():
    filler = " ".join(["العمل"] * 2000)
    article = build(f"وقال المدير إن {filler}")
    found = only(article)
    paragraph = article.paragraph(found.paragraph).ar
    assert 0 < found.claim_end - found.claim_start <= MAX_CLAIM_CHARS
    assert paragraph[found.claim_start : found.claim_end] == found.claim
    assert paragraph[found.claim_end] == " "


def test_a_stray_quote_mark_closes_at_the_limit_instead_of_running_on():
    filler = " ".join(["العمل"] * 2000)
    found = find_attributions(build(f"وقال المدير “{filler}", "“لكننا سنواصل العمل حتى النهاية”."))
    assert len(found[0].claim) <= MAX_CLAIM_CHARS
    assert "quote-continued" not in [a.rule for a in found]


# --- nesting ----------------------------------------------------------------------------


def test_reporting_verb_after_a_clause_opener_starts_its_own_claim():
    found = find_attributions(
        build("ولفت التقرير إلى أن الأسعار سترتفع، خصوصا بعدما قال محافظ البنك إن الفائدة ستزيد.")
    )
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("التقرير", "الأسعار سترتفع"),
        ("محافظ البنك", "الفائدة ستزيد"),
    ]


def test_verb_inside_reported_content_stays_inside():
    found = only(build('وذكرت الوكالة أن الوزيرين ناقشا "الملف النووي" خلال اللقاء.'))
    assert found.speaker_text == "الوكالة"
    assert "ناقشا" in found.claim


def test_source_phrase_after_an_attributed_clause_adds_nothing():
    found = only(build("وأكد الوزير أن الحوار سيستمر، بحسب تصريحاته."))
    assert found.claim == "الحوار سيستمر"


# --- resolving speakers ------------------------------------------------------------------


def test_continuation_verb_takes_the_previous_speaker_across_a_subheading():
    found = find_attributions(
        build(
            "وقال المحلل السياسي سامي النعيمي “الانتخابات لن تغير شيئا”.",
            "ماذا بعد الانتخابات",
            "وأكمل “الأحزاب نفسها ستعود”.",
        )
    )
    assert [a.paragraph for a in found] == [2, 4]
    assert found[1].speaker_text == ""
    assert found[1].entity.name == "المحلل السياسي سامي النعيمي"


def test_continuation_verb_agrees_in_gender():
    found = find_attributions(
        build(
            "وقالت وزيرة الصحة إن المستشفيات جاهزة.",
            "وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ وصلت.",
            "وأضافت “اللقاحات متوفرة للجميع”.",
        )
    )
    assert found[2].entity.name == "وزيرة الصحة"


def test_definite_title_refers_back_to_the_report_source():
    found = find_attributions(
        build(
            "ذكر معهد الدراسات الاستراتيجية في تقرير له أن التضخم سيتراجع.",
            "وأورد التقرير أن البطالة ستبقى مرتفعة.",
        )
    )
    assert found[1].speaker_text == "التقرير"
    assert found[1].entity is found[0].entity
    assert found[1].entity.name == "معهد الدراسات الاستراتيجية"


def test_short_name_refers_back_to_the_full_name():
    found = find_attributions(
        build(
            "وقال وزير الخارجية أحمد النجار إن الزيارة ناجحة.",
            "وأكد النجار أن الاتفاق سيوقع قريبا.",
        )
    )
    assert found[1].entity is found[0].entity


def test_coordinated_speakers_do_not_absorb_one_of_them():
    found = find_attributions(
        build(
            'وناقش النجار والخطيب "ملف المياه" خلال اللقاء.', "وأكد النجار أن الاتفاق سيوقع قريبا."
        )
    )
    assert found[1].entity is not found[0].entity


def test_this_is_what_he_said_points_at_the_previous_paragraph():
    found = only(
        build(
            "الاقتصاد سينمو بنسبة ثلاثة بالمئة هذا العام.",
            "هذا ما صرح به وزير المالية خلال مؤتمر صحفي.",
        )
    )
    assert (found.rule, found.paragraph, found.speaker_paragraph) == ("backward", 2, 3)
    assert found.claim == "الاقتصاد سينمو بنسبة ثلاثة بالمئة هذا العام"
    assert found.speaker_text == "وزير المالية"


def test_relative_clause_takes_the_speaker_it_follows():
    found = find_attributions(
        build(
            "الحكومة ستدعم المزارعين.",
            "هذا ما أعلنه وزير الزراعة الذي أبدى استعداد وزارته لتوزيع البذور مجانا.",
        )
    )
    assert [(a.rule, a.entity.name) for a in found] == [
        ("backward", "وزير الزراعة"),
        ("relative", "وزير الزراعة"),
    ]
    assert found[1].claim == "استعداد وزارته لتوزيع البذور مجانا"


def test_implied_speaker_without_antecedent_is_dropped():
    assert find_attributions(build("وأضاف “الوضع تحت السيطرة”.")) == []


# --- polarity, topics and clashes ---------------------------------------------------------


@pytest.mark.parametrize(
    "claim, label, word",
    [
        ("العراق لا يريد أي وجود عسكري أجنبي", NEGATIVE, "لا يريد"),
        ("العراق لايريد أي وجود عسكري أجنبي", NEGATIVE, "لايريد"),
        ("الحكومة لن تتراجع عن قرارها", NEGATIVE, "لن تتراجع"),
        ("القول إن الجيش منقسم مغالطة واضحة", NEGATIVE, "مغالطة"),
        ("الحكومة رفضت العرض", NEGATIVE, "رفضت"),
        ("روسيا تسعى إلى توسيع وجودها", POSITIVE, "تسعى"),
        ("استعداد بلاده لتزويد الجيش بالسلاح", POSITIVE, "استعداد"),
        ("يمكن لروسيا أن تستغل الفراغ", POSITIVE, "تستغل"),
        ("الاجتماعات ستعقد كل أسبوع", NEUTRAL, None),
    ],
)
def test_polarity_cues(claim, label, word):
    polarity = claim_polarity(claim)
    assert polarity.label == label
    if word:
        assert word in polarity.words


@pytest.mark.parametrize(
    "cue, claim, stance",
    [
        ("نفى", "أن تكون الحكومة قد وقعت الاتفاق", "denies"),
        ("وحذرت", "من أن الأسعار سترتفع", "warns"),
        ("قال", "العراق لا يريد قوات أجنبية", "opposes"),
        ("قال", "روسيا مستعدة لتزويد الجيش بالسلاح", "supports"),
        ("ذكرت", "الوزيرين التقيا في بغداد", "reports"),
        ("وفق ما يختم", "الاجتماع انتهى", "reports"),
    ],
)
def test_stance_in_plain_words(cue, claim, stance):
    assert claim_stance(claim_polarity(claim, cue), cue) == stance


def test_negation_in_not_only_condition_or_concession_does_not_count():
    assert (
        claim_polarity("روسيا ترغب بتعزيز علاقتها ليس فقط اقتصاديا وإنما عسكريا").label == POSITIVE
    )
    assert claim_polarity("طالما لم يعكر صفو المحادثات شيء فإن الاجتماعات ستستمر").label == NEUTRAL
    assert claim_polarity("استعداد بلاده لتزويد الجيش بالسلاح رغم الرفض الأمريكي").label == POSITIVE


def test_rejection_outweighs_intent():
    assert claim_polarity("القول إن هناك من يريد بقاء القوات مغالطة").label == NEGATIVE


def _claims(*pairs):
    return [Claim(speaker=s, name=s, text=t) for s, t in pairs]


def test_clash_between_opposite_claims_of_two_speakers_names_its_words():
    claims = _claims(
        ("السفير", "بلاده مستعدة لتزويد الجيش العراقي بالسلاح والذخيرة"),
        ("النائب", "العراق لا يريد السلاح الروسي ولا الذخيرة الروسية للجيش العراقي"),
        ("الوزير", "الأمطار ستهطل على المناطق الجنوبية غدا"),
        ("الخبير", "الأمطار الغزيرة ستؤدي إلى فيضانات في المناطق الجنوبية"),
    )
    topics, polarities, clashes = find_clashes(claims)
    assert [p.label for p in polarities] == [POSITIVE, NEGATIVE, NEUTRAL, NEUTRAL]
    assert [t.members for t in topics] == [[0, 1], [2, 3]]
    assert [(c.a, c.b) for c in clashes] == [(1, 0)]
    assert "لا يريد" in clashes[0].because and "مستعدة" in clashes[0].because
    assert "بالسلاح" in clashes[0].because or "السلاح" in clashes[0].because
    assert clashes[0].topic == topics[0].label


def test_no_clash_within_one_speaker_or_between_two_negatives():
    one_speaker = _claims(
        ("السفير", "بلاده مستعدة لتزويد الجيش العراقي بالسلاح"),
        ("السفير", "بلاده لا تريد تزويد الجيش العراقي بالسلاح"),
    )
    assert find_clashes(one_speaker)[2] == []
    two_negatives = _claims(
        ("النائب", "العراق لا يريد السلاح الروسي للجيش العراقي"),
        ("الوزير", "العراق لن يقبل السلاح الروسي للجيش العراقي"),
    )
    assert find_clashes(two_negatives)[2] == []


def test_light_stems_meet_across_spellings():
    assert light_stem("الأمريكية") == light_stem("أمريكيا") == light_stem("أمريكا")
    assert light_stem("روسياً") == light_stem("الروسي") == "روس"
    assert "روس" in stem_variants("لروسيا")
    assert light_stem("تواجدها") in stem_variants("بتواجد")
    assert stem_variants("بلاده") >= {"بلاد"}


def test_fold_keeps_offsets_into_the_original():
    original = "صرّح الوزيرُ أنّ"
    folded = fold(original)
    assert folded.text == "صرح الوزير ان"
    start = folded.text.index("الوزير")
    span = folded.span(start, start + len("الوزير"))
    assert original[span[0] : span[1]] == "الوزيرُ"


# --- linking to actors and English ---------------------------------------------------------


def _mention(article: Article, paragraph: int, text: str) -> Mention:
    start = article.paragraph(paragraph).ar.index(text)
    return Mention(article.id, paragraph, start, start + len(text), text)


def test_speaker_links_to_the_person_named_in_the_phrase_with_role():
    article = build(
        "وقال المتحدث باسم الجيش العراقي اللواء يحيى رسول إن المحادثات مستمرة.",
        "وأضاف “الاجتماعات ستتواتر بصورة دورية”.",
    )
    actors = [
        Actor(
            "الجيش العراقي",
            "Iraqi army",
            "organization",
            mentions=[_mention(article, 2, "الجيش العراقي")],
        ),
        Actor(
            "يحيى رسول",
            "Yahya Rasool",
            "person",
            role_ar="المتحدث باسم الجيش العراقي",
            role_en="Iraqi army spokesman",
            mentions=[_mention(article, 2, "يحيى رسول")],
        ),
    ]
    viewpoints, _ = extract_viewpoints(Briefing(title="t", articles=[article], actors=actors))
    assert [(v.actor, v.speaker_en) for v in viewpoints] == [
        (1, "Yahya Rasool (Iraqi army spokesman)")
    ] * 2


def test_two_people_speaking_together_are_both_named():
    article = build('وناقش النجار والخطيب "ملف المياه" خلال اللقاء.')
    actors = [
        Actor("الخطيب", "al-Khatib", "person", mentions=[_mention(article, 2, "الخطيب")]),
        Actor("النجار", "al-Najjar", "person", mentions=[_mention(article, 2, "النجار")]),
    ]
    viewpoints, _ = extract_viewpoints(Briefing(title="t", articles=[article], actors=actors))
    assert [(v.actor, v.speaker_en) for v in viewpoints] == [(1, "al-Najjar and al-Khatib")]


def test_organisation_inside_the_phrase_is_not_the_speaker_unless_it_heads_it():
    article = build(
        "وقال عضو لجنة الأمن والدفاع إن التدريب توقف.", "وذكرت وزارة الدفاع أن التدريب مستمر."
    )
    actors = [
        Actor(
            "لجنة الأمن والدفاع",
            "Security and Defence Committee",
            "organization",
            mentions=[_mention(article, 2, "لجنة الأمن والدفاع")],
        ),
        Actor(
            "وزارة الدفاع",
            "Ministry of Defence",
            "organization",
            mentions=[_mention(article, 3, "وزارة الدفاع")],
        ),
    ]
    viewpoints, _ = extract_viewpoints(Briefing(title="t", articles=[article], actors=actors))
    assert [v.actor for v in viewpoints] == [None, 1]
    assert viewpoints[1].speaker_en == "Ministry of Defence"


def test_unnamed_title_links_to_the_actor_with_that_role():
    article = build(
        "هذا ما صرح به السفير الروسي لدى العراق الذي أبدى استعداد بلاده لتزويد الجيش بالسلاح."
    )
    actors = [
        Actor(
            "إلبروس كوتراشيف",
            "Elbrus Kutrashev",
            "person",
            role_ar="السفير الروسي لدى العراق",
            role_en="Russian ambassador to Iraq",
        )
    ]
    viewpoints, _ = extract_viewpoints(Briefing(title="t", articles=[article], actors=actors))
    assert viewpoints and all(v.actor == 0 for v in viewpoints)


@pytest.mark.parametrize(
    "phrase, english",
    [
        ("الولايات المتحدة", "United States"),
        ("السفير الروسي لدى العراق", "Russian ambassador to Iraq"),
        ("المحلل السياسي صباح العكيلي", "Sabah al-Akili (political analyst)"),
    ],
)
def test_unlinked_speaker_gets_english_from_the_word_lists(phrase, english):
    assert english_of_phrase(phrase) == english


def test_english_claim_is_none_until_translated_and_exact_after():
    article = build("وقال الوزير إن الخطة جاهزة. وهذه جملة أخرى لا علاقة لها.")
    briefing = Briefing(title="t", articles=[article])
    assert extract_viewpoints(briefing)[0][0].claim_en is None
    first, second = article.paragraph(2).sentences
    first.en, second.en = "The minister said the plan is ready.", "Another sentence."
    assert extract_viewpoints(briefing)[0][0].claim_en == "The minister said the plan is ready."


def test_viewpoint_and_clash_fields_are_the_json_keys():
    viewpoints, clashes = extract_viewpoints(
        Briefing(title="t", articles=[build(*SEED_LIKE_LINES)])
    )
    assert set(dataclasses.asdict(viewpoints[0])) == {
        "speaker_ar",
        "speaker_en",
        "actor",
        "cue",
        "claim_ar",
        "claim_en",
        "article",
        "paragraph",
        "start",
        "end",
        "topic",
        "polarity",
        "stance",
        "stance_words",
    }
    assert set(dataclasses.asdict(clashes[0])) == {"topic", "a", "b", "because"}


SEED_LIKE_LINES = (
    "وقال السفير الروسي إن بلاده مستعدة لتزويد الجيش العراقي بالسلاح والذخيرة.",
    "في المقابل قال النائب سالم الجبوري “العراق لا يريد السلاح الروسي ولا الذخيرة الروسية”.",
)


# --- the seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_briefing() -> Briefing:
    articles = [segment_article(read_article(path, f"A{n}")) for n, path in enumerate(SEEDS, 1)]
    briefing = Briefing(title="seeds", articles=articles)
    briefing.viewpoints, briefing.clashes = extract_viewpoints(briefing)
    return briefing


def _find(briefing: Briefing, speaker: str, *claim_words: str) -> list[int]:
    return [
        i
        for i, v in enumerate(briefing.viewpoints)
        if speaker in v.speaker_ar and all(w in v.claim_ar for w in claim_words)
    ]


@pytest.mark.parametrize(
    "article, speaker, claim_words",
    [
        ("A1", "مركز دراسات الحرب", ("لتحل محل الولايات المتحدة", "كشريك أمني")),
        ("A1", "مركز دراسات الحرب", ("تستغل الفراغ", "بالأسلحة الصغيرة وقطع الغيار")),
        ("A1", "كوتراشيف", ("تسعى إلى توسيع", "بالأمن")),
        ("A1", "وسائل الإعلام الرسمية العراقية", ("كوتراشيف والخزعلي ناقشا", "تسليح")),
        (
            "A1",
            "عضو لجنة الأمن والدفاع البرلمانية العراقية",
            ("هدّدت بوقف", "المعدات العسكرية والتدريب"),
        ),
        (
            "A2",
            "السفير الروسي لدى العراق",
            ("لتعويض مكان القوات الأمريكية", "بالسلاح رغم الرفض الأمريكي"),
        ),
        ("A2", "يحيى رسول", ("جدول زمني", "إنهاء مهمة قوات التحالف الدولي")),
        ("A2", "الولايات المتحدة", ("جماعات متشددة متحالفة مع إيران",)),
        ("A2", "قاصد محمود صالح", ("إيران صاحبة مشروع",)),
        ("A2", "قاصد محمود صالح", ("لا تقبل أمريكا أو روسيا أن تنافسها",)),
        ("A2", "صباح العكيلي", ("قرار في البرلمان بانتهاء مهمة التحالف",)),
        ("A2", "صباح العكيلي", ("لايريد بتواجد أي عسكري أجنبي", "روسياً")),
    ],
)
def test_seed_positions(seed_briefing, article, speaker, claim_words):
    found = _find(seed_briefing, speaker, *claim_words)
    assert found, f"no viewpoint of {speaker} with {claim_words}"
    assert all(seed_briefing.viewpoints[i].article == article for i in found)


SEED_SPEAKERS = [
    ("A1", 1, "مركز دراسات الحرب"),
    ("A1", 3, "مركز دراسات الحرب"),
    ("A1", 6, "مركز دراسات الحرب"),
    ("A1", 7, "كوتراشيف وفياض"),
    ("A1", 8, "وسائل الإعلام الرسمية العراقية"),
    ("A1", 9, "مركز دراسات الحرب"),
    ("A1", 10, "كوتراشيف"),
    ("A1", 11, "مركز دراسات الحرب"),
    ("A1", 11, "عضو لجنة الأمن والدفاع البرلمانية العراقية"),
    ("A1", 12, "مركز دراسات الحرب"),
    ("A2", 2, "السفير الروسي لدى العراق"),
    ("A2", 3, "السفير الروسي لدى العراق"),
    ("A2", 4, "المتحدث باسم الجيش العراقي اللواء يحيى رسول"),
    ("A2", 5, "المتحدث باسم الجيش العراقي اللواء يحيى رسول"),
    ("A2", 6, "الولايات المتحدة"),
    ("A2", 9, "الفريق الركن د. قاصد محمود صالح"),
    ("A2", 11, "الفريق الركن د. قاصد محمود صالح"),
    ("A2", 13, "المحلل السياسي صباح العكيلي"),
    ("A2", 15, "المحلل السياسي صباح العكيلي"),
]


def test_seed_speakers_are_all_there_and_nothing_else(seed_briefing):
    assert [(v.article, v.paragraph, v.speaker_ar) for v in seed_briefing.viewpoints] == SEED_SPEAKERS


def test_seed_continuations_resolve_to_the_right_speaker(seed_briefing):
    continued = {
        (v.article, v.paragraph): v for v in seed_briefing.viewpoints if v.cue in ("أضاف", "أكمل")
    }
    assert "يحيى رسول" in continued[("A2", 5)].speaker_ar
    assert "قاصد محمود صالح" in continued[("A2", 11)].speaker_ar
    assert "صباح العكيلي" in continued[("A2", 15)].speaker_ar
    report = [v for v in seed_briefing.viewpoints if v.cue in ("أورد", "لفت", "وفق ما يختم")]
    assert len(report) == 3 and {v.speaker_ar for v in report} == {"مركز دراسات الحرب"}


def test_seed_clashes(seed_briefing):
    pairs = {
        (seed_briefing.viewpoints[c.a].speaker_ar, seed_briefing.viewpoints[c.b].speaker_ar)
        for c in seed_briefing.clashes
    }
    assert ("المحلل السياسي صباح العكيلي", "السفير الروسي لدى العراق") in pairs
    assert ("الفريق الركن د. قاصد محمود صالح", "السفير الروسي لدى العراق") in pairs
    for clash in seed_briefing.clashes:
        a, b = seed_briefing.viewpoints[clash.a], seed_briefing.viewpoints[clash.b]
        assert (a.polarity, b.polarity) == (NEGATIVE, POSITIVE)
        assert a.topic == b.topic == clash.topic
        assert "shared:" in clash.because


def test_seed_rasool_continuation_is_not_a_negative_position(seed_briefing):
    continued = [v for v in seed_briefing.viewpoints if (v.article, v.paragraph) == ("A2", 5)]
    assert [v.polarity for v in continued] == [NEUTRAL]
    assert [(v.stance, v.stance_words) for v in continued] == [("reports", [])]


def test_seed_clash_sides_say_opposes_and_supports_with_their_words(seed_briefing):
    for clash in seed_briefing.clashes:
        a, b = seed_briefing.viewpoints[clash.a], seed_briefing.viewpoints[clash.b]
        assert (a.stance, b.stance) == ("opposes", "supports")
        assert a.stance_words and b.stance_words
        assert f"opposes «{'، '.join(a.stance_words)}»" in clash.because


def _speaker_named_up_to(briefing: Briefing, viewpoint, quoted: bool = False) -> bool:
    """Whether the speaker's name is in the claim's paragraph or an earlier one of its article;
    a backward reference ("هذا ما صرح به X") names its speaker in the very next paragraph, and
    a paragraph of a quotation (``quoted``) may have it named where the quotation ends, later."""
    article = briefing.article(viewpoint.article)
    last = len(article.paragraphs) if quoted else viewpoint.paragraph
    if viewpoint.cue.startswith(("هذا ما", "ذلك ما")):
        last += 1
    text = words_of(" ".join(p.ar for p in article.paragraphs[:last]))
    speaker = words_of(viewpoint.speaker_ar)
    return any(
        all(_same_word(text[i + k], word) for k, word in enumerate(speaker))
        for i in range(len(text) - len(speaker) + 1)
    )


def _same_word(written: str, named: str) -> bool:
    """ "وفقا لمصادر" names "مصادر" and "وفقا للتقرير" "التقرير" (ل + ال is written لل)."""
    if written == named:
        return True
    return written.startswith("ل") and named in (written[1:], "ا" + written[1:])


def test_seed_speakers_are_named_before_their_claims(seed_briefing):
    assert seed_briefing.viewpoints
    for viewpoint in seed_briefing.viewpoints:
        assert _speaker_named_up_to(seed_briefing, viewpoint), viewpoint


def test_seed_offsets_hold(seed_briefing):
    for v in seed_briefing.viewpoints:
        assert (
            seed_briefing.article(v.article).paragraph(v.paragraph).ar[v.start : v.end]
            == v.claim_ar
        )


ARABIC_WORDS = (
    "قال قالت وأضاف وأكمل أن إن الوزير التقرير الذي هذا ما صرح به وفق بحسب نقلا عن لا لن "
    'روسيا العراق مستعد يريد رفض “ ” « » " : ، . د. كان قد ذكرت وناقش أبدى استعداد'
).split()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(ARABIC_WORDS), min_size=1, max_size=25), min_size=1, max_size=5
    )
)
def test_any_text_gives_valid_offsets_and_named_speakers(paragraph_words):
    lines = [" ".join(words) + "." for words in paragraph_words]
    briefing = Briefing(title="t", articles=[build(*lines)])
    viewpoints, clashes = extract_viewpoints(briefing)
    rules = [a.rule for a in find_attributions(briefing.articles[0])]
    for v, rule in zip(viewpoints, rules, strict=True):
        assert briefing.article(v.article).paragraph(v.paragraph).ar[v.start : v.end] == v.claim_ar
        assert v.claim_ar.strip()
        # "«...» حسبما أفاد X" gives the quotation's earlier paragraphs to X, named after them
        assert _speaker_named_up_to(briefing, v, quoted=rule.startswith("quote-")), v
    for c in clashes:
        assert 0 <= c.a < len(viewpoints) and 0 <= c.b < len(viewpoints)


# --- corroboration -----------------------------------------------------------------------


def test_corroboration_matches_the_same_fact_across_articles():
    first = build(
        "أعلنت وزارة الصحة تسجيل خمسين إصابة جديدة بالكوليرا في محافظة البصرة.",
        "وافتتح الوزير جسرا جديدا في بغداد.",
        article_id="A1",
    )
    second = build(
        "سجلت محافظة البصرة خمسين إصابة جديدة بالكوليرا بحسب وزارة الصحة.",
        "وهطلت أمطار غزيرة على الموصل.",
        article_id="A2",
    )
    result = corroborate(Briefing(title="t", articles=[first, second]))
    by_place = {(c.article, c.paragraph): c for c in result}
    assert by_place[("A1", 2)].status == CORROBORATED
    assert by_place[("A1", 2)].sources == ["A1", "A2"]
    assert by_place[("A1", 2)].matches[0].paragraph == 2
    assert "بالكوليرا" in by_place[("A1", 2)].matches[0].shared
    assert by_place[("A1", 3)].status == SINGLE_SOURCE
    assert by_place[("A2", 3)].matches == []


def test_corroboration_needs_two_articles(seed_briefing):
    assert corroborate(Briefing(title="t", articles=seed_briefing.articles[:1])) == []
    result = corroborate(seed_briefing)
    corroborated = {(c.article, c.paragraph) for c in result if c.status == CORROBORATED}
    assert ("A1", 3) in corroborated and ("A2", 2) in corroborated


def test_a_sentence_of_pages_gives_no_english_for_a_claim_inside_it():
    filler = " ".join(["العمل"] * 2000)
    article = build(f"وقال المدير إن {filler}", "وقال المدير إن الوضع صعب.")
    long_claim, short_claim = find_attributions(article)
    for attribution in (long_claim, short_claim):
        for sentence in article.paragraph(attribution.paragraph).sentences:
            sentence.en = f"<{len(sentence.ar)}>"
    assert english_of_span(article.paragraph(long_claim.paragraph), long_claim.claim_start, long_claim.claim_end) is None
    assert english_of_span(article.paragraph(short_claim.paragraph), short_claim.claim_start, short_claim.claim_end)
