"""Continued quotes (issue 15): one speaker over many paragraphs, and who takes over when."""

from __future__ import annotations

from pathlib import Path

from briefing.extract.attribution import find_attributions
from briefing.ingest import paragraphs_from_text
from briefing.pipeline import make_briefing
from briefing.segment import segment_article
from briefing.structure import Article

MINISTER = "وزير الطاقة سامر الحداد"
# One minister in ten paragraphs, continued with وأضاف، وتابع، وأردف، وقال أمام، a bare quote,
# وأشار، ولفت، وأوضح الوزير، وشدد; one paragraph of narration in between.
MINISTER_ARTICLE = [
    "وزير الطاقة: خطة لإنهاء انقطاع الكهرباء قبل الصيف",
    f"قال {MINISTER}، اليوم الثلاثاء، إن الحكومة ستنهي أزمة انقطاع الكهرباء قبل حلول الصيف المقبل.",
    "وأضاف أن الوزارة وقعت عقودا مع ثلاث شركات لبناء محطات جديدة في المحافظات الجنوبية.",
    'وتابع: "لن نقبل بأن يبقى المواطن رهينة للمولدات الخاصة".',
    "وكانت ساعات التغذية قد تراجعت في الأسابيع الماضية إلى أقل من عشر ساعات يوميا في عدد من المحافظات.",
    "وأردف الحداد أن الوزارة ستنشر جدولا أسبوعيا لساعات التغذية في كل محافظة.",
    "وقال أمام أعضاء لجنة الطاقة في البرلمان إن كلفة الخطة تبلغ ملياري دولار.",
    '"المال متوفر، والمشكلة كانت في الإدارة وليس في الموارد".',
    "وأشار إلى أن الربط الكهربائي مع دول الجوار سيدخل الخدمة في آذار.",
    "ولفت إلى أن الوزارة ستحاسب كل موظف يثبت تورطه في سرقة الطاقة.",
    "وأوضح الوزير أن الأسعار لن ترتفع على الأسر ذات الدخل المحدود.",
    'وشدد على أن "الصيف المقبل سيكون مختلفا".',
]
MINISTER_PARAGRAPHS = [2, 3, 4, 6, 7, 8, 9, 10, 11, 12]


def article_of(lines: list[str]) -> Article:
    article = Article(id="A1", source="test", paragraphs=paragraphs_from_text("\n".join(lines)))
    return segment_article(article)


def speakers(lines: list[str]) -> list[tuple[int, str]]:
    return [(a.paragraph, a.entity.name) for a in find_attributions(article_of(lines))]


def test_all_ten_paragraphs_of_the_minister_are_his_and_nothing_else_is_attributed():
    assert speakers(MINISTER_ARTICLE) == [(p, MINISTER) for p in MINISTER_PARAGRAPHS]


def test_the_summary_gives_all_ten_claims_to_the_minister(tmp_path: Path):
    path = tmp_path / "minister.txt"
    path.write_text("\n".join(MINISTER_ARTICLE) + "\n", encoding="utf-8")
    briefing = make_briefing([path], translate=False)
    assert [(v.paragraph, v.speaker_ar) for v in briefing.viewpoints] == [
        (p, MINISTER) for p in MINISTER_PARAGRAPHS
    ]
    assert "قال أمام" not in {v.speaker_ar for v in briefing.viewpoints}


DEPUTY = "رئيس لجنة الطاقة النائب كريم العبيدي"
SPOKESWOMAN = "المتحدثة باسم الوزارة هدى سالم"


def test_a_new_named_speaker_takes_over_and_an_explicit_subject_takes_it_back():
    lines = [
        "خطة الكهرباء أمام البرلمان",
        f"قال {MINISTER} إن الخطة ستنفذ على ثلاث مراحل.",
        "وأضاف أن المرحلة الأولى تبدأ الشهر المقبل.",
        f"من جهته، قال {DEPUTY} إن الخطة تحتاج إلى رقابة برلمانية.",
        "وأضاف أن اللجنة ستستدعي الوزير كل شهر.",
        '"لن نسمح بتكرار وعود السنوات الماضية".',
        "وأكمل الحداد أن الوزارة ترحب بالرقابة.",
        'وتابع: "لا شيء نخفيه عن النواب".',
        f"بدورها، قالت {SPOKESWOMAN} إن العقود ستنشر كاملة.",
        "وأضافت أن الوزارة ستفتح موقعا للشكاوى.",
        "وأضاف الوزير أن الأسعار لن تتغير.",
    ]
    assert speakers(lines) == [
        (2, MINISTER),
        (3, MINISTER),
        (4, DEPUTY),
        (5, DEPUTY),
        (6, DEPUTY),
        (7, MINISTER),
        (8, MINISTER),
        (9, SPOKESWOMAN),
        (10, SPOKESWOMAN),
        (11, MINISTER),
    ]


def test_a_bare_quote_after_narration_belongs_to_nobody():
    lines = [
        "الكهرباء",
        f"قال {MINISTER} إن الخطة جاهزة.",
        "وشهدت العاصمة انقطاعا واسعا للتيار أمس.",
        '"الناس تعبت من الوعود".',
    ]
    assert speakers(lines) == [(2, MINISTER)]


def test_a_bare_quote_in_a_paragraph_with_an_unread_source_is_not_the_previous_speakers():
    lines = [
        "الكهرباء",
        f"قال {MINISTER} إن الخطة جاهزة.",
        '"الناس تعبت من الوعود"، وفقا لم قاله أحد السكان.',
    ]
    assert [p for p, _ in speakers(lines)] == [2]


def test_a_quote_left_open_goes_on_only_while_it_is_closed_later():
    closed_later = [
        "الكهرباء",
        f'وقال {MINISTER}: "الخطة جاهزة.',
        "والتمويل متوفر.",
        'ولن نتراجع عنها".',
    ]
    assert speakers(closed_later) == [(2, MINISTER), (3, MINISTER), (4, MINISTER)]
    never_closed = [
        "الكهرباء",
        f'وقال {MINISTER}: "الخطة جاهزة.',
        "وشهدت العاصمة انقطاعا واسعا للتيار أمس.",
        '"الناس تعبت من الوعود" قال أحد السكان.',
    ]
    assert [p for p, _ in speakers(never_closed)] == [2, 4]


def test_participles_go_on_with_the_speaker_and_add_nothing_inside_a_speaker_phrase():
    lines = [
        "الكهرباء",
        f"قال {MINISTER} إن الخطة جاهزة.",
        "مضيفا أن التمويل متوفر.",
        'وتابع قائلا: "لن نتراجع".',
        'تحدث قائلا: "الصيف سيكون مختلفا".',
    ]
    found = find_attributions(article_of(lines))
    assert [(a.paragraph, a.entity.name) for a in found] == [(p, MINISTER) for p in (2, 3, 4, 5)]
    assert found[2].claim == "لن نتراجع"


def test_a_quote_before_its_verb():
    lines = [
        "الكهرباء",
        '"الخطة جاهزة"، قال الوزير سامر الحداد.',
        '"والتمويل متوفر"، قائلا.',
    ]
    found = find_attributions(article_of(lines))
    assert [(a.paragraph, a.entity.name, a.claim) for a in found] == [
        (2, "الوزير سامر الحداد", '"الخطة جاهزة'),
        (3, "الوزير سامر الحداد", '"والتمويل متوفر'),
    ]


def test_a_particle_with_a_pronoun_is_not_a_speaker():
    lines = ["الكهرباء", f"قال {MINISTER} إن الخطة جاهزة.", "ولكنه قال إن التمويل تأخر."]
    assert speakers(lines) == [(2, MINISTER), (3, MINISTER)]


def test_a_description_refers_back_and_a_named_one_does_not():
    lines = [
        "الرياضة",
        "قال الغواص توم دالي إنه سيعود إلى المنافسة.",
        "وأفاد الشاب البالغ من العمر 24 عاما أنه يتدرب يوميا.",
        "وقال بطل العالم ثلاث مرات إن الميدالية ليست كل شيء.",
        "وقال اللاعب محمد صالح إن الموسم صعب.",
    ]
    assert speakers(lines) == [
        (2, "الغواص توم دالي"),
        (3, "الغواص توم دالي"),
        (4, "الغواص توم دالي"),
        (5, "اللاعب محمد صالح"),
    ]


def test_passive_forms_are_not_claims():
    lines = [
        "قضية",
        "التقى اللاعب امرأة تُدعى سارة أن تكون شاهدة في القضية.",
        "ويُزعم أنه دفع لها مبلغا كبيرا.",
        "وتدّعي المرأة أن اللاعب هددها.",
    ]
    assert speakers(lines) == [(4, "المرأة")]


def test_subject_after_that_and_announced_about():
    lines = [
        "الكوارث",
        "تعرضت الهيئة لانتقاد حاد، على الرغم من أن المسؤولين صرحوا أن الإنذار صدر في وقته.",
        "وأعلن البيت الأبيض عن تشكيل لجنة للذكاء الاصطناعي.",
        "ورجح المحللون أن يتراجع الإقبال على التصويت.",
    ]
    found = find_attributions(article_of(lines))
    assert [(a.paragraph, a.entity.name, a.claim) for a in found] == [
        (2, "المسؤولين", "الإنذار صدر في وقته"),
        (3, "البيت الأبيض", "تشكيل لجنة للذكاء الاصطناعي"),
        (4, "المحللون", "يتراجع الإقبال على التصويت"),
    ]


def test_cues_inside_a_quotation_that_goes_on_are_quoted():
    lines = [
        "الكواليس",
        'واشتكى المغني سامي من أنه تعرض لانتقادات.',
        '"لقد ضايقوني في الكواليس.',
        'قالوا لنا لا تخرج بهذه القبعة".',
        "وقال المخرج إن العرض نجح.",
    ]
    found = find_attributions(article_of(lines))
    assert [(a.paragraph, a.rule, a.entity.name) for a in found] == [
        (2, "verb-speaker", "المغني سامي"),
        (3, "quote-bare", "المغني سامي"),
        (4, "quote-continued", "المغني سامي"),
        (5, "verb-speaker", "المخرج"),
    ]


def test_a_quote_goes_on_when_the_next_quote_marks_are_odd_in_number():
    lines = [
        "المزرعة",
        f'وقال {MINISTER}: "الخنازير لطيفة عادة.',
        "إنها لا تقصد إيذاءك.",
        'وأضاف "عليك فقط أن تحترمها.',
    ]
    assert [p for p, _ in speakers(lines)] == [2, 3, 4]


def test_a_short_sentence_read_as_a_subheading_still_gives_its_claim():
    lines = [
        "البرنامج",
        'وغردت المذيعة كارين هنتر: "العرض كان رائعا".',
        "وأضافت: هو حر",
        'وقال المنتج إن الحلقة القادمة ستكون أطول.',
    ]
    assert speakers(lines) == [
        (2, "المذيعة كارين هنتر"),
        (3, "المذيعة كارين هنتر"),
        (4, "المنتج"),
    ]


def test_a_source_named_by_a_phrase_has_the_gender_of_its_noun():
    lines = [
        "التحقيق",
        f"قال {MINISTER} إن التحقيق مستمر.",
        "وانتهى التحقيق بعد شهر، وفقا لمجلة الأسبوع.",
        "وأضاف أن النتائج ستنشر قريبا.",
    ]
    assert speakers(lines) == [(2, MINISTER), (3, "مجلة الأسبوع"), (4, MINISTER)]


def test_hearsay_passive_announcements_and_referring_to_someone_name_no_speaker():
    lines = [
        "السوق",
        "وأفادت تقارير بأن العائلة تتفاوض على تعويض.",
        "وأُعلن عن اجتماع يوم الخميس.",
        'وقال ابن عمه "كانت ساقاه مغطاة بالدم"، ويشير إليه بلقبه "وو".',
        "ووفقا لسلطات المدينة، فقد أصيب عشرة أشخاص.",
    ]
    assert speakers(lines) == [(4, "ابن عمه"), (5, "سلطات المدينة")]


def test_telling_as_said_and_a_participle_after_a_speech_verb():
    lines = [
        "التلفزيون",
        "فأخبرها السائق أنه سيصوت للمرشح.",
        'وتحدث المنتج برنت مونتجومري، الرئيس التنفيذي للشركة، قائلا: "البرنامج يطعمك شيئا كل ليلة".',
        "الجمهور يحب الفوضى، كما تقول الكاتبة نيل سكوفيل.",
        'أخبرني السيد فليس: "كنا نظن أنها مزحة".',
    ]
    assert speakers(lines) == [
        (2, "السائق"),
        (3, "المنتج برنت مونتجومري"),
        (4, "الكاتبة نيل سكوفيل"),
        (5, "السيد فليس"),
    ]


def test_sources_named_by_a_phrase_and_some_are_no_later_he():
    lines = [
        "الإغاثة",
        "واشتكى البعض أنه تم منع عمال الإغاثة الأجانب.",
        "ووفقا للتقرير الرسمي، لا يمكن بدء المساعدات قبل إعلان الكارثة.",
        "وقال إن الوضع صعب جدا.",
    ]
    assert speakers(lines) == [(2, "البعض"), (3, "التقرير الرسمي")]


def test_a_quotation_left_open_ends_where_a_new_speaker_is_named():
    lines = [
        "التلفزيون",
        f'وقال {MINISTER}: "الناس يتابعون كل ليلة.',
        "وكان الجو مشمسا خارج المنزل.",
        'أخبرني المخرج سامي: "هذه بداية النهاية".',
    ]
    assert speakers(lines) == [(2, MINISTER), (4, "المخرج سامي")]


def test_a_negated_verb_reports_nothing_and_a_circumstantial_word_is_not_the_speaker():
    lines = [
        "الشبكة",
        "ولم يعلن الفريق حتى الآن أن اللاعب سيشارك.",
        "وقال بيرنرز لي مازحًا إن الهدف هو السيطرة العالمية.",
    ]
    assert speakers(lines) == [(3, "بيرنرز لي")]


def test_a_quotation_that_names_its_speaker_at_its_end_is_all_theirs():
    lines = [
        "الهجرة",
        "وأكدت الوكالة أن معظم المعتقلين ليس لديهم سجلات.",
        '"يوجد كثير من الكفلاء هنا بطرق غير شرعية.',
        'لذلك نحن نواصل ملاحقتهم." حسبما أفاد المسؤول ماثيو ألبينس.',
    ]
    assert speakers(lines) == [
        (2, "الوكالة"),
        (3, "المسؤول ماثيو ألبينس"),
        (4, "المسؤول ماثيو ألبينس"),
    ]


def test_a_closing_mark_with_no_opening_one_keeps_the_speaker_going():
    lines = [
        "الغولف",
        'قال القائد توماس بيورن "لدينا تقدم كبير" بعد المباراة.',
        "لذلك لم ينته الأمر بعد.",
        'لدينا هدف واحد هو الفوز بالكأس."',
        "وتقام المباريات الفردية غدا.",
    ]
    assert speakers(lines) == [(2, "القائد توماس بيورن"), (3, "القائد توماس بيورن"), (4, "القائد توماس بيورن")]


def test_a_quotation_opened_after_a_colon_claim_goes_on():
    lines = [
        "الغولف",
        'وأضاف بيورن: مسرورا بأداء لاعبيه، قائلا: "لن أستبق الأحداث.',
        "فغدا تحد مختلف.",
        'وهذا شيء مختلف يجب القيام به."',
    ]
    assert speakers(lines) == [(2, "بيورن"), (3, "بيورن"), (4, "بيورن")]


def test_told_me_is_not_a_speaker_named_li_and_as_said_before_a_participle():
    lines = [
        "التحقيق",
        'قال السيناتور كينيدي: "تحدثت إلى القاضي.',
        'اتصلت به، فقال لي: "لم أفعل ذلك".',
        '"بريت نفى ذلك بشدة، كما أضاف غراهام، مشيرا إلى الشاهدة.',
    ]
    assert speakers(lines) == [(2, "السيناتور كينيدي"), (3, "السيناتور كينيدي"), (4, "غراهام")]


def test_a_quote_mark_glued_between_two_words_opens_when_a_mark_after_it_closes_it():
    # 'في"صراع العروش".' quotes a title; it closes no quotation left open before it
    lines = [
        "الممثل",
        f"وأكد {MINISTER} أنه سيغادر المسلسل.",
        "وسيشارك في مسرحية جديدة في لندن الشهر المقبل.",
        'وكان قد التقى زوجته في"صراع العروش".',
    ]
    assert speakers(lines) == [(2, MINISTER)]
    # with no mark after it, the glued mark closes the quotation opened before
    lines = [
        "الممثل",
        f'وقال {MINISTER}: "سأغادر المسلسل.',
        "وسأشارك في مسرحية جديدة في لندن الشهر المقبل.",
        'لقد التقيت زوجتي في هذا"وهذا يكفي.',
    ]
    assert speakers(lines) == [(2, MINISTER), (3, MINISTER), (4, MINISTER)]


def test_a_short_line_opening_a_quotation_left_open_is_no_heading():
    lines = [
        "التجمع",
        f"وأشار {MINISTER} إلى أن اللجنة اختارت النائبة بالاسم.",
        '"أتتذكرون إجابتها؟',
        "هل سربت الوثيقة؟",
        'لا، انتظروا لحظة، كانت إجابة سيئة حقا."',
        "وتقام الانتخابات الشهر المقبل.",
    ]
    assert speakers(lines) == [(2, MINISTER), (3, MINISTER), (4, MINISTER), (5, MINISTER)]
    # a short question with no quotation opened is still a heading
    lines = [f"وأشار {MINISTER} إلى أن اللجنة اختارت النائبة.", "ماذا بعد الانتخابات؟", "وتقام الانتخابات الشهر المقبل."]
    assert speakers(["التجمع"] + lines) == [(2, MINISTER)]


def test_a_stray_closing_mark_after_reported_speech_opens_no_quotation():
    lines = [
        "الجامعة",
        "وأصدر المكتب تقريرًا قائلاً إن سبب الوفاة طلق ناري.",
        "وأشادت الإدارة بالشرطة وسكان المنطقة.",
        'ووجه المدير الشكر لجهات إنفاذ القانون."',
    ]
    assert speakers(lines) == [(2, "المكتب")]
    # after direct speech, the mark closes a quotation whose opening mark was dropped
    lines = ["البرنامج", "وأضافت المذيعة: هو حر", 'وكذلك نحن".']
    assert speakers(lines) == [(2, "المذيعة"), (3, "المذيعة")]


def test_a_question_in_quote_marks_is_no_heading():
    lines = [
        "الممثل",
        f'قال {MINISTER}: "أشعر بالقلق حقا".',
        '"ماذا كنا نعلم الرجال؟"',
        "ويشارك في مسرحية جديدة.",
    ]
    assert speakers(lines) == [(2, MINISTER), (3, MINISTER)]


def test_a_paragraph_that_folds_to_no_text_gives_nothing():
    assert speakers(["ـ"]) == []
    assert speakers(["الوزير", f"قال {MINISTER} إن الخطة جاهزة.", "ـ"]) == [(2, MINISTER)]


def test_we_wanted_after_a_quotation_left_open_is_still_the_speakers_own_words():
    lines = [
        "الحملة",
        f'وعلق {MINISTER} قائلا: "الخطة جريئة ومستفزة.',
        "ومن خلال هذه الحملة أردنا أن نضع الكهرباء في دائرة الضوء.",
    ]
    assert speakers(lines) == [(2, MINISTER), (3, MINISTER)]
    # narration after it, in the third person, is no one's
    lines[2] = "ومن خلال هذه الحملة أرادت الوزارة أن تضع الكهرباء في دائرة الضوء."
    assert speakers(lines) == [(2, MINISTER)]
