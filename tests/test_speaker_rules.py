"""Speaker rules of the attribution (briefing.extract.attribution): each rule on a small Arabic
example, with a case nearby that must not get a speaker (or not that one)."""

from __future__ import annotations

from briefing.extract.attribution import Attribution, NamedPerson, find_attributions
from briefing.ingest import paragraphs_from_text
from briefing.segment import segment_article
from briefing.structure import Article


def attributions(lines: list[str], people: list[NamedPerson] = ()) -> list[Attribution]:
    article = Article(id="A1", source="test", paragraphs=paragraphs_from_text("\n".join(lines)))
    return find_attributions(segment_article(article), people)


def speakers(lines: list[str], people: list[NamedPerson] = ()) -> list[tuple[int, str]]:
    return [(a.paragraph, a.entity.name) for a in attributions(lines, people)]


def named(lines: list[str], line: int, name: str) -> NamedPerson:
    """The actors list naming ``name`` in ``lines[line - 1]`` (paragraph ``line``)."""
    start = lines[line - 1].index(name)
    return NamedPerson(line, start, start + len(name), name)


COACH = "قائد الفريق توماس بيورن"
RIVAL_SUBJECT = [
    "الكأس",
    f"قال {COACH} إن الفريق جاهز للمباراة.",
    "وكان فيوريك نفسه قد خسر مباراة مماثلة قبل عامين.",
    '"أتذكر كل كلمة قيلت"، قالها ردًا على سؤال.',
]


def test_an_unnamed_speaker_is_the_person_named_as_subject_since_the_last_claim():
    people = [named(RIVAL_SUBJECT, 3, "فيوريك")]
    assert speakers(RIVAL_SUBJECT, people) == [(2, COACH), (4, "فيوريك")]


def test_without_a_subject_named_since_the_unnamed_speaker_is_the_last_one():
    assert speakers(RIVAL_SUBJECT) == [(2, COACH), (4, COACH)]
    # named deep in a clause, after a preposition: not its subject
    lines = RIVAL_SUBJECT[:2] + ["وفاز الفريق في المباراة على منافسه فيوريك.", RIVAL_SUBJECT[3]]
    assert speakers(lines, [named(lines, 3, "فيوريك")]) == [(2, COACH), (4, COACH)]


def test_a_subject_too_far_back_or_of_the_other_gender_is_not_the_speaker():
    far = RIVAL_SUBJECT[:3] + ["وتستمر المباراة يومين.", "وتقام في باريس.", RIVAL_SUBJECT[3]]
    assert speakers(far, [named(far, 3, "فيوريك")]) == [(2, COACH), (6, COACH)]
    lines = [
        "الوزارة",
        "قالت الوزيرة هدى سالم إن الخطة جاهزة.",
        "وكان مدير المشروع سامي قد استقال.",
        "وقالت إن البديل سيعين قريبا.",
    ]
    assert speakers(lines, [named(lines, 3, "مدير المشروع سامي")]) == [
        (2, "الوزيرة هدى سالم"),
        (4, "الوزيرة هدى سالم"),
    ]


def test_a_subject_already_speaking_is_that_speaker():
    lines = [
        "الغوص",
        "يقول الغواص توم دالي إنه كان يشعر بالنقص.",
        "توقفت مقدمة البرنامج، السيدة كيرستي يونغ، عدة شهور.",
        "بدا دالي متأثرا، حيث قال إنه شعر بأنه أقل من غيره.",
    ]
    people = [named(lines, 3, "كيرستي يونغ"), named(lines, 4, "دالي")]
    assert speakers(lines, people) == [(2, "الغواص توم دالي"), (4, "الغواص توم دالي")]


def test_a_short_quotation_before_that_is_the_speakers_name():
    line = 'يصرّح "مهرجان المواطن العالمي" أنه سجل ملايين الإجراءات.'
    found = attributions(["المهرجان", line])
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("مهرجان المواطن العالمي", "سجل ملايين الإجراءات")
    ]
    found = attributions(["المهرجان", 'قال الوزير "سنواصل العمل" في كلمته.'])
    assert [(a.speaker_text, a.claim) for a in found] == [("الوزير", "سنواصل العمل")]


def test_answering_estimating_and_admitting_report_a_claim():
    lines = [
        "الهيئة",
        'أجاب مواطن عالمي: "سيكون طريقا طويلا".',
        "تقدّر الهيئة أن الأموال أحدثت أثرا مباشرا.",
        "واعترف الوزير بالخطأ في إدارة الأزمة.",
        "واعترف بيل غيتس بأن الشركة تأخرت.",
    ]
    found = attributions(lines)
    assert [(a.paragraph, a.speaker_text, a.claim) for a in found] == [
        (2, "مواطن عالمي", "سيكون طريقا طويلا"),
        (3, "الهيئة", "الأموال أحدثت أثرا مباشرا"),
        (4, "الوزير", "بالخطأ في إدارة الأزمة"),
        (5, "بيل غيتس", "الشركة تأخرت"),
    ]
    # "قدر" alone is the noun (amount), not "estimated"
    line = "وكان الاجتماع على قدر كبير من الأهمية أن يحضره الجميع."
    assert attributions(["الاجتماع", line]) == []


def test_a_sound_plural_subject_is_a_later_they():
    lines = ["المخيم", "وقال المحامون إن المخاوف تتصاعد.", "وأضافوا أن النقل يضاعف الصدمة."]
    assert speakers(lines) == [(2, "المحامون"), (3, "المحامون")]
    lines = ["الحملة", "وقال كلينتون إن الحملة مستمرة.", "وأضافوا أن التبرعات زادت."]
    assert speakers(lines) == [(2, "كلينتون")]


def test_what_is_warned_of_or_complained_of_follows_min():
    found = attributions(["الكنيسة", "واشتكى بعض السكان من غياب الخدمات."])
    assert [(a.speaker_text, a.claim) for a in found] == [("بعض السكان", "غياب الخدمات")]
    found = attributions(["الأسعار", "وحذر الخبراء من أن الأسعار سترتفع."])
    assert [(a.speaker_text, a.claim) for a in found] == [("الخبراء", "الأسعار سترتفع")]


def test_a_verb_of_judging_carries_what_it_judges_as_a_pronoun():
    found = attributions(["الاستفتاء", "بعد عام من الاستفتاء الذي اعتبرته مدريد بأنه غير قانوني."])
    assert [(a.cue, a.speaker_text, a.claim) for a in found] == [
        ("اعتبرته", "مدريد", "غير قانوني")
    ]


def test_describing_keeps_the_described_out_of_the_speaker():
    lines = [
        "الزلزال",
        'وصف نوجرو الضرر بأنه "ساحق".',
        "ووصفه الوزير بأنه خطير.",
        "ووصف السيد جندون كيف أنه أرسل رسائل إلى زملائه.",
    ]
    assert [a.speaker_text for a in attributions(lines)] == ["نوجرو", "الوزير", "السيد جندون"]


def test_an_announced_or_confirmed_noun_after_an_adjunct():
    lines = [
        "الذكاء الاصطناعي",
        "أعلنت الوكالة هذا الشهر تقديم استثمار بقيمة مليار دولار.",
        "وأكد معظم الأعضاء بالفعل رغبتهم في التصويت.",
    ]
    found = attributions(lines)
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("الوكالة", "هذا الشهر تقديم استثمار بقيمة مليار دولار"),
        ("معظم الأعضاء", "بالفعل رغبتهم في التصويت"),
    ]
    # no adjunct to end the name, a pronoun object, a demonstrative: nothing can be told apart
    lines = [
        "المحكمة",
        "وأعلن الرئيس حالة الطوارئ.",
        "ونفى المتهم التهم الموجهة إليه في المحكمة.",
        "وأكد الوزير ذلك في مؤتمر صحفي.",
    ]
    assert attributions(lines) == []


def test_reports_from_a_named_source_have_that_source():
    lines = ["الخنزير", "هاجم خنزير مزارعا في السوق وفقا لتقارير من وسائل إعلام محلية."]
    assert speakers(lines) == [(2, "وسائل إعلام محلية")]
    assert speakers(["السوق", "وأفادت تقارير بأن العائلة تتفاوض على تعويض."]) == []


def test_a_count_of_a_group_is_the_speaker():
    found = attributions(["الاستطلاع", "قال 58٪ من الناخبين إن المرشحة لا يجب أن تترشح."])
    assert [a.speaker_text for a in found] == ["58٪ من الناخبين"]
    assert attributions(["الاستطلاع", "وقال 58 إن المرشحة لا يجب أن تترشح."]) == []


def test_a_source_phrase_before_a_nested_verb_reports_the_whole_sentence():
    found = attributions(["التقرير", "ووفقا للتقرير، فقد أكد الفحص بأن الخنزير هاجم الرجل."])
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("التقرير", "فقد أكد الفحص بأن الخنزير هاجم الرجل"),
        ("الفحص", "الخنزير هاجم الرجل"),
    ]


def test_a_short_line_closing_a_quotation_is_no_heading():
    lines = ["المقابلة", 'قال كينيدي: "لقد تحدثت إليه.', 'كان حازمًا، عازمًا"']
    assert speakers(lines) == [(2, "كينيدي"), (3, "كينيدي")]
    lines = ["المقابلة", 'قال كينيدي: "لقد تحدثت إليه".', "الخلفية", "ويستمر التحقيق أسبوعا."]
    assert speakers(lines) == [(2, "كينيدي")]


def test_a_closing_parenthesis_ends_an_as_said_aside():
    lines = [
        "الصحافة",
        'وهو ("ثوب سميك معطر" كما ذكرت صحيفة الواشنطن بوست)والآثار المترتبة على ذلك كبيرة.',
    ]
    assert speakers(lines) == [(2, "صحيفة الواشنطن بوست")]


def test_that_after_a_time_conjunction_opens_no_claim():
    found = attributions(["الحوار", "وقال الوزير بعد أن التقى الرئيس إن الحوار مستمر."])
    assert [(a.speaker_text, a.claim) for a in found] == [("الوزير", "الحوار مستمر")]
    assert attributions(["الزيارة", "وقال الوزير ذلك بعد أن التقى الرئيس."]) == []


def test_said_opening_a_sentence_can_say_a_bare_clause():
    lines = ["الكنائس", "وقال السيد آدامز إن الكنائس تعاني.", "وقال سبب اختفاء البارات أمر مفهوم."]
    found = attributions(lines)
    assert [(a.paragraph, a.entity.name, a.claim) for a in found] == [
        (2, "السيد آدامز", "الكنائس تعاني"),
        (3, "السيد آدامز", "سبب اختفاء البارات أمر مفهوم"),
    ]
    # inside a sentence, or with no one to be its speaker: nothing
    lines = [*lines[:2], "وغادر القاعة بعدما قال كلاما كثيرا عنها."]
    assert speakers(lines) == [(2, "السيد آدامز")]
    assert attributions(["البارات", "وقال سبب اختفاء البارات أمر مفهوم."]) == []


def test_qad_before_a_speech_verb_leaves_its_subject_to_the_participle():
    lines = [
        "المدرسة",
        "قال المحافظ سامي رافع إن الطرق مفتوحة.",
        "وقد تحدث مدير المدرسة السابق قائلًا: إن الدوام سيبدأ غدًا.",
    ]
    assert speakers(lines) == [(2, "المحافظ سامي رافع"), (3, "مدير المدرسة السابق")]
    # قد before a verb that is no speech verb: the participle's speaker is implied
    lines[2] = "وقد عاد مدير المدرسة إلى مكتبه قائلًا: إن الدوام سيبدأ غدًا."
    assert speakers(lines) == [(2, "المحافظ سامي رافع"), (3, "المحافظ سامي رافع")]


def test_writing_reports_what_is_written():
    lines = [
        "المعرض",
        "وكتب الناقد كريم ناصر على موقعه: «المعرض مخيب للآمال».",
        "«لم أر لوحة جديدة واحدة»، كما كتبت زائرة أخرى.",
    ]
    assert speakers(lines) == [(2, "الناقد كريم ناصر"), (3, "زائرة أخرى")]
    # "يُكتب" (is written) names no one who writes
    assert attributions(["المعرض", "ويُكتب على اللافتة أن الدخول مجاني."]) == []


def test_a_plural_verb_after_alladhina_speaks_for_the_noun_before_it():
    lines = [
        "الخطة",
        "وانتقد التقرير عددا من النواب الذين كتبوا الحكومة الشهر الماضي بأن الخطة فاشلة.",
    ]
    assert speakers(lines) == [(2, "النواب")]
    # a singular verb after the relative still takes a speaker after it
    lines[1] = "وهي الخطة التي قال الوزير إنها ستنجح."
    assert speakers(lines) == [(2, "الوزير")]


def test_commenting_reports_only_a_quotation():
    lines = ["الماء", "وعلق أحد السكان: «الماء مقطوع منذ أيام»."]
    assert speakers(lines) == [(2, "أحد السكان")]
    assert attributions(["الاتفاق", "وعلقت الحكومة العمل بالاتفاق إلى أن تنتهي المفاوضات."]) == []
    # with a participle, the participle speaks for the speech verb's subject, once
    found = attributions(["الماء", "وعلقت المديرة قائلة: «الماء مقطوع منذ أيام»."])
    assert [(a.rule, a.entity.name) for a in found] == [("participle-subject", "المديرة")]


def test_as_said_with_a_description_of_the_speaker_after_a_comma():
    lines = ["الخطة", "الخطة لن تنجح، كما قالت الباحثة منى حداد، خبيرة في الاقتصاد."]
    found = attributions(lines)
    assert [(a.entity.name, a.claim) for a in found] == [("الباحثة منى حداد", "الخطة لن تنجح")]
    # what follows the comma goes on with another clause: no "as she said"
    lines[1] = "الخطة لن تنجح، كما قالت الباحثة منى حداد، وقد غادرت القاعة بعد ذلك مباشرة."
    assert attributions(lines) == []


def test_a_verb_without_speaker_inside_an_as_said_claim_is_part_of_it():
    lines = [
        "المحكمة",
        "قال المحامي سمير داود إن الحكم متوقع.",
        "وسرعة الحكم تشير إلى أن القضية بسيطة، كما قالت الباحثة منى حداد.",
    ]
    assert speakers(lines) == [(2, "المحامي سمير داود"), (3, "الباحثة منى حداد")]


def test_a_quotation_before_a_speech_noun_is_its_possessors():
    lines = [
        "المباراة",
        "قال المدرب جاك سالم إن الفريق جاهز.",
        "وقالت الحكمة ليلى حسن إن المباراة ستبدأ في موعدها.",
        "«سنلعب للفوز» في تصريحات سالم لإذاعة المدينة.",
    ]
    assert speakers(lines) == [
        (2, "المدرب جاك سالم"),
        (3, "الحكمة ليلى حسن"),
        (4, "المدرب جاك سالم"),
    ]
    # in a suffix: the latest speaker of its gender
    lines[3] = "«لن نتراجع»، في تصريحاته للصحفيين."
    assert speakers(lines) == [
        (2, "المدرب جاك سالم"),
        (3, "الحكمة ليلى حسن"),
        (4, "المدرب جاك سالم"),
    ]
    # an adjective after the noun is no speaker, nor a name the article has not given a claim
    assert speakers(["المباراة", "«سنلعب للفوز» في تصريحات صحفية."]) == []
    assert speakers(["المباراة", "«سنلعب للفوز» في تصريحات سالم لإذاعة المدينة."]) == []


def test_a_paragraph_in_the_first_or_second_person_goes_on_with_a_quotation_left_open():
    lines = [
        "المعرض",
        'قالت الفنانة سلمى عادل: "هذه أول مرة أعرض فيها لوحاتي في المدينة.',
        "كنت أرسم في غرفة صغيرة لسنوات طويلة.",
        "ولكنني لم أتوقف عن المحاولة.",
        "ويستمر المعرض حتى نهاية الشهر المقبل.",
    ]
    assert speakers(lines) == [
        (2, "الفنانة سلمى عادل"),
        (3, "الفنانة سلمى عادل"),
        (4, "الفنانة سلمى عادل"),
    ]
    # narration in the third person after the open quotation is nobody's
    lines[2] = "وكانت الفنانة قد رسمت في غرفة صغيرة لسنوات طويلة."
    assert speakers(lines[:3] + lines[4:]) == [(2, "الفنانة سلمى عادل")]


def test_a_quote_mark_written_right_after_a_reporting_verb_opens_its_quotation():
    lines = [
        "الميزانية",
        "قال وزير المالية خالد ناصر إن الميزانية متوازنة.",
        "وحظيت الخطة بدعم واسع في البرلمان.",
        'وقال" إننا نعمل على خفض الديون".',
    ]
    # the mark after وقال opens its quotation: the paragraph before is not inside one
    assert speakers(lines) == [(2, "وزير المالية خالد ناصر"), (4, "وزير المالية خالد ناصر")]
    found = attributions(lines)
    assert found[1].claim == "إننا نعمل على خفض الديون"


def test_a_source_noun_starting_with_lam_keeps_its_article_after_according_to():
    def source(sentence: str) -> list[str]:
        return [a.speaker_text for a in attributions(["الانتخابات", sentence])]

    assert source("ووفقا للجنة الأولمبية، فإن الألعاب ستقام في موعدها.") == ["اللجنة الأولمبية"]
    assert source("ووفقا للوائح الجديدة، لا يحق للاعبين السفر قبل المباراة.") == ["اللوائح الجديدة"]
    # a noun before its genitive takes no article: ل + "لجنة الانتخابات"
    assert source("ووفقا للجنة الانتخابات، فإن المشاركة بلغت ستين في المئة.") == ["لجنة الانتخابات"]
    # a noun that does not start with ل: ل + "التقرير"
    assert source("ووفقا للتقرير، فإن المشاركة بلغت ستين في المئة.") == ["التقرير"]


def test_aqsama_vowed_reports_what_follows_it():
    assert speakers(["الفريق", "أقسم المدرب سامي فريد أن الفريق سيعود أقوى."]) == [
        (2, "المدرب سامي فريد")
    ]
    assert speakers(["الفريق", 'وأقسمت اللاعبة هدى نور: "سنفوز باللقب هذا العام".']) == [
        (2, "اللاعبة هدى نور")
    ]
    # taking the oath says nothing
    assert speakers(["البرلمان", "أقسم الرئيس الجديد اليمين الدستورية أمام البرلمان."]) == []


def test_ala_hadd_qawlihi_gives_the_sentence_to_the_possessor_or_the_one_named():
    lines = [
        "المؤتمر",
        "قال الوزير سعيد كامل إن المؤتمر ناجح.",
        "وقالت النائبة ريم سالم إن الحضور كبير.",
        "وعلى حد قوله، سيفتح المؤتمر بابا جديدا للتعاون.",
    ]
    found = attributions(lines)
    assert [(a.paragraph, a.entity.name) for a in found][-1] == (4, "الوزير سعيد كامل")
    assert found[-1].claim == "سيفتح المؤتمر بابا جديدا للتعاون"
    lines[3] = "وسيفتح المؤتمر بابا جديدا للتعاون، على حد تعبيرها."
    found = attributions(lines)
    assert [(a.paragraph, a.entity.name) for a in found][-1] == (4, "النائبة ريم سالم")
    assert found[-1].claim == "وسيفتح المؤتمر بابا جديدا للتعاون"
    lines[3] = "والمؤتمر ناجح، على حد قول المنظم فادي حنا."
    assert speakers(lines)[-1] == (4, "المنظم فادي حنا")
    # "على حد سواء" (alike) reports nothing
    lines[3] = "ويحضره الشباب والكبار على حد سواء."
    assert speakers(lines) == [(2, "الوزير سعيد كامل"), (3, "النائبة ريم سالم")]


def test_a_person_named_after_a_verb_and_a_title_is_the_subject_a_pronoun_means():
    lines = [
        "القضية",
        "قال المحامي سمير داود إن الحكم متوقع.",
        "ورفض الرئيس السابق كمال عيسى الاتهامات كلها.",
        "وأضاف أنه سيعود إلى البلاد قريبا.",
    ]
    assert speakers(lines, [named(lines, 3, "كمال عيسى")]) == [
        (2, "المحامي سمير داود"),
        (4, "كمال عيسى"),
    ]
    # after a noun that is no title the name is the object, not the subject
    lines[2] = "وهزم الفريق الأول كمال عيسى في النهائي."
    assert speakers(lines, [named(lines, 3, "كمال عيسى")]) == [
        (2, "المحامي سمير داود"),
        (4, "المحامي سمير داود"),
    ]


def test_a_quotation_opened_with_no_speaker_is_who_the_next_paragraph_names_where_it_closes():
    lines = [
        "الموسم",
        "وخسر الفريق المباراة الأخيرة أمام منافسه.",
        '"كنا نستحق الفوز في تلك المباراة.',
        'لكن الحظ لم يكن معنا"، قال المدرب جاد حمدان.',
    ]
    assert speakers(lines) == [(3, "المدرب جاد حمدان"), (4, "المدرب جاد حمدان")]
    # a next paragraph that gives a claim of its own does not name the open quotation's speaker
    lines[3] = "وقال الحكم سامي عادل إن المباراة كانت نظيفة."
    assert speakers(lines) == [(4, "الحكم سامي عادل")]


def test_a_reporting_word_inside_a_bare_quotation_is_the_speakers_own():
    lines = [
        "الموسم",
        'قال المدرب جاد حمدان: "الفريق جاهز".',
        '"لن أعتبر الموسم ناجحا إلا إذا فزنا بالكأس."',
    ]
    assert speakers(lines) == [(2, "المدرب جاد حمدان"), (3, "المدرب جاد حمدان")]
    # one after the quotation names another source the patterns may not read
    lines[2] = '"الموسم صعب على الجميع" وفقا لم قاله مدرب آخر.'
    assert speakers(lines) == [(2, "المدرب جاد حمدان")]


def test_qad_before_the_verb_of_a_titled_subject_leaves_it_the_subject():
    lines = [
        "القضية",
        "قال المحامي سمير داود إن الحكم متوقع.",
        "وقد رفض الرئيس السابق كمال عيسى الاتهامات كلها.",
        "وأضاف أنه سيعود إلى البلاد قريبا.",
    ]
    assert speakers(lines, [named(lines, 3, "كمال عيسى")]) == [
        (2, "المحامي سمير داود"),
        (4, "كمال عيسى"),
    ]


def test_a_person_named_right_after_a_comma_is_an_apposition_not_a_subject():
    lines = [
        "الممثل",
        "اعترف كيت بأنه يشعر بالقلق.",
        "وحضر العرض زملاؤه في المسلسل، سارة ليزلي، وآخرون.",
        'قال: "أشعر بالقلق حقا".',
    ]
    people = [named(lines, 2, "كيت"), named(lines, 3, "سارة ليزلي")]
    assert speakers(lines, people) == [(2, "كيت"), (4, "كيت")]
    # after a comma and a verb, the name is the verb's subject
    lines = [
        "الممثل",
        "اعترف كيت بأنه يشعر بالقلق.",
        "وفي المساء، وصل سامي إلى المسرح.",
        'قال: "أنا لم أغادر".',
    ]
    people = [named(lines, 2, "كيت"), named(lines, 3, "سامي")]
    assert speakers(lines, people) == [(2, "كيت"), (4, "سامي")]


def test_a_title_quoted_in_the_speakers_relative_clause_does_not_open_the_claim():
    lines = ["الممثل", 'اعترف كيت، الذي شارك في "صراع العروش"، بأنه يشعر بالقلق.']
    (found,) = attributions(lines)
    assert found.claim == "يشعر بالقلق"
    # with no أن after it, a quotation after the relative is still what is said
    lines = ["الممثل", 'وقال المدرب الذي قاد الفريق "سنفوز غدا".']
    (found,) = attributions(lines)
    assert found.claim == "سنفوز غدا"


def test_according_to_a_newspaper_or_agency_written_with_its_lam_names_it():
    lines = ["السفينة", "تأجل تسليم السفينة حتى العام المقبل، وفقا لصحيفة دي تسايت.", "ووفقا لوكالة الأنباء، فإن الكلفة تضاعفت."]
    assert speakers(lines) == [(2, "صحيفة دي تسايت"), (3, "وكالة الأنباء")]
    # after a reporting verb the same word names who was told
    assert speakers(["السفينة", "قال الوزير لصحيفة دي تسايت إن التسليم تأجل."]) == [(2, "الوزير")]
    lines = ["السفينة", "قال الوزير إن التسليم تأجل.", "وتضاعفت الكلفة، وفقًا لما صرحه لصحيفة تلغراف."]
    assert (3, "صحيفة تلغراف") not in speakers(lines)


def test_the_verb_of_a_source_phrase_reports_nothing_of_its_own():
    lines = [
        "اللجوء",
        "قدمت الولايات دعوى لدعم طالبة لجوء، حسبما ذكرت شبكة إن بي سي نيوز.",
        "وقالت إن شريكها أساء إليها.",
    ]
    # إن of the name is not what the verb opens: NBC speaks once, and is no later "she"
    assert speakers(lines) == [(2, "شبكة إن بي سي نيوز")]


def test_a_subject_after_but_opening_its_clause_is_the_speaker():
    lines = ["السفينة", "ولم يعرف سبب الإرجاع، لكن وسائل الإعلام الألمانية أشارت إلى أن البرمجيات معيبة."]
    assert speakers(lines) == [(2, "وسائل الإعلام الألمانية")]
    # "ولكنه" carries its subject: the speaker is the one before
    lines = ["السفينة", "قال الوزير إن السفينة جاهزة.", "ولكنه أشار إلى أن البرمجيات معيبة."]
    assert speakers(lines) == [(2, "الوزير"), (3, "الوزير")]


def test_a_percentage_of_a_group_is_a_speaker():
    lines = ["الاستطلاع", "وقال 20 بالمائة من التلاميذ إن لديهم حسابين.", "وقال 15 في المائة من الآباء إنهم لا يعرفون."]
    assert speakers(lines) == [(2, "20 بالمائة من التلاميذ"), (3, "15 في المائة من الآباء")]
    # a number alone still ends the speaker ("قال الوزير 3 مرات")
    assert speakers(["الاستطلاع", "وقال الوزير 3 مرات إن الخطة جاهزة."]) == [(2, "الوزير")]


def test_argued_and_a_forecast_report_and_it_is_expected_has_no_speaker():
    lines = [
        "الضريبة",
        "وتتوقع وزارة المالية أن تجمع الضريبة 120 مليون جنيه سنويا.",
        "وجادل المحامون في المذكرة أن السياسة تضر بالاقتصاد.",
        "ويتوقع أن ترتفع الأسعار العام المقبل.",
    ]
    assert speakers(lines) == [(2, "وزارة المالية"), (3, "المحامون")]


def test_nassa_stated_reports_and_the_noun_text_does_not():
    lines = [
        "الحزب",
        'ونص الإشعار الخاص باجتماع الحزب يوم الجمعة، "نريد أن تكون الاجتماعات شاملة".',
        "ونشر الموقع نص الاتفاق كاملا.",
    ]
    assert speakers(lines) == [(2, "الإشعار الخاص باجتماع الحزب")]


def test_issued_a_report_saying_gives_the_claim_to_who_issued_it():
    lines = ["الوفاة", "وأصدر مكتب الطب الشرعي تقريرًا أوليًا يوم الجمعة قائلاً إن سبب الوفاة طلق ناري."]
    assert speakers(lines) == [(2, "مكتب الطب الشرعي")]
    # "قائلاً" after a verb that is no speech verb still has its speaker implied
    lines = ["الوفاة", "قال الوزير إن التحقيق مستمر.", "وزار الوزير المكتب يوم الجمعة قائلاً إن العمل جيد."]
    assert speakers(lines) == [(2, "الوزير"), (3, "الوزير")]


def test_a_quotation_left_open_is_who_a_trailing_source_in_the_next_paragraph_names():
    lines = [
        "الزلزال",
        "واستراح المصابون خارج المستشفى.",
        '"لم يكن هناك وقت لننجو.',
        "كنت محجوزا بين أنقاض الجدار، وفقا لما قاله هاريس لوكالة أسوشيتد برس.",
    ]
    assert speakers(lines) == [(3, "هاريس"), (4, "هاريس")]
    # a source leading the next paragraph names only what follows it
    lines[3] = "ووفقا للشرطة، فإن عدد القتلى ارتفع."
    assert speakers(lines) == [(4, "الشرطة")]


def test_a_noun_with_bal_in_the_speakers_title_is_not_what_is_admitted():
    lines = ["البحرية", "وأقر هانز بارتلز، رئيس لجنة الدفاع بالبرلمان الألماني، بأن البحرية تفتقر إلى السفن."]
    (found,) = attributions(lines)
    assert (found.speaker_text, found.claim) == ("هانز بارتلز، رئيس لجنة الدفاع بالبرلمان الألماني", "البحرية تفتقر إلى السفن")
    (found,) = attributions(["البحرية", "واعترف الوزير بالخطأ في إدارة الأزمة."])
    assert (found.speaker_text, found.claim) == ("الوزير", "بالخطأ في إدارة الأزمة")


def test_testified_reports_and_however_opens_no_claim():
    lines = [
        "الهجرة",
        "وفي الأسبوع الماضي، شهد ماثيو ألبينس، وهو مسؤول كبير، أمام الكونغرس أن الوكالة اعتقلت العشرات.",
        "وشهدت المدينة هدوءا حذرا، إلا أن الاشتباكات تجددت مساء.",
    ]
    assert speakers(lines) == [(2, "ماثيو ألبينس، وهو مسؤول كبير")]


def test_who_asks_is_named_before_min_and_the_one_asked_after_it():
    lines = [
        "الإضراب",
        "وطلب وزير العمل خالد منصور من النقابات عدم الإضراب قبل نهاية الشهر.",
        "وطلبت الشركة منهم أن يعودوا إلى العمل.",
    ]
    found = attributions(lines)
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("وزير العمل خالد منصور", "عدم الإضراب قبل نهاية الشهر"),
        ("الشركة", "يعودوا إلى العمل"),
    ]
    # passive "طُلب من" names no one; the noun "طلب اللجوء" asks no one; a question is no request
    assert speakers(["الإضراب", "وطلب من السكان عدم الخروج من منازلهم."]) == []
    assert speakers(["الإضراب", "ورفض المسؤولون طلب اللجوء بسبب عدم وجود أدلة."]) == []
    assert speakers(['الإضراب', 'وطلب مراسل "الأخبار" سامي من الوزير عما إذا كان الإضراب سينتهي.']) == []


def test_the_one_urged_after_a_bare_verb_of_urging_is_never_its_speaker():
    minister = "قالت الوزيرة هدى سالم إن الخطة جاهزة."
    # who urges: before the verb, or after a verb carrying the one urged
    lines = ["الأزمة", minister, "وكان رئيس الوزراء قد حث الأطراف على الحوار."]
    assert speakers(lines) == [(2, "الوزيرة هدى سالم"), (3, "رئيس الوزراء")]
    lines = ["الأزمة", minister, "ودعاهم المبعوث الأممي إلى ضبط النفس."]
    assert speakers(lines) == [(2, "الوزيرة هدى سالم"), (3, "المبعوث الأممي")]
    # "وحثت على" opening its sentence: the speaker is in the verb
    lines = ["الأزمة", minister, "وحثت على ضبط النفس."]
    assert speakers(lines) == [(2, "الوزيرة هدى سالم"), (3, "الوزيرة هدى سالم")]
    # subject and the one urged cannot be told apart; "which led to" and a crowd's posts have no speaker
    for line in [
        "وحثت الرئيس الوزراء على عدم السفر.",
        "وارتفعت الأسعار، الأمر الذي دعا إلى تأجيل القرار.",
        "وانتشرت رسائل على وسائل التواصل الاجتماعي تحث على إلغاء الاتفاق.",
    ]:
        assert speakers(["الأزمة", minister, line]) == [(2, "الوزيرة هدى سالم")]


def test_a_future_form_reports_as_its_present_does():
    lines = ["الخطاب", "وسيقول الرئيس سامي علي في خطابه إن الحرب انتهت.", "وستعلن الوزيرة أن الضرائب سترتفع."]
    assert speakers(lines) == [(2, "الرئيس سامي علي"), (3, "الوزيرة")]
    # a past that starts like a present ("تابع") has no future form; "سيشهد" is "will see"
    assert speakers(["الخطاب", "ستابع الرئيس أن الحرب انتهت."]) == []
    lines = ["الخطاب", "وسيشهد الأسبوع المقبل انتخابات يرى المراقبون أنها حاسمة."]
    assert speakers(lines) == [(2, "المراقبون")]


def test_a_demonstrative_object_after_a_joined_verb_points_back_to_the_clause_before():
    lines = ["الضريبة", "سترتفع رسوم الشراء على الأجانب، وأعلنت وزارة المالية ذلك في بيان."]
    (found,) = attributions(lines)
    assert (found.speaker_text, found.claim) == ("وزارة المالية", "سترتفع رسوم الشراء على الأجانب")
    # with a noun, or opening its sentence, the demonstrative is no pointer back
    for line in [
        "سترتفع رسوم الشراء على الأجانب، وأكد الوزير ذلك القرار.",
        "سترتفع رسوم الشراء. وأعلنت وزارة المالية ذلك في بيان.",
    ]:
        assert speakers(["الضريبة", line]) == []


def test_a_verb_of_rejecting_reports_the_claim_it_rejects_named_by_a_noun_of_saying():
    lines = [
        "المحكمة",
        "ورفض المحامي العام فكرة أن القرار صدر بسرعة.",
        "ونددت النائبة هدى سالم يوم السبت بالمزاعم القائلة بأن مكتبها سرب الوثائق.",
    ]
    found = attributions(lines)
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("المحامي العام", "القرار صدر بسرعة"),
        ("النائبة هدى سالم", "مكتبها سرب الوثائق"),
    ]
    # rejecting a thing, not a claim, says nothing
    assert speakers(["المحكمة", "ورفضت البحرية تسلم السفينة بعد أن فشلت في الاختبارات."]) == []
    assert speakers(["المحكمة", "ورفض الوزير أن يستقيل."]) == []


def test_a_bal_adverb_after_approved_is_how_not_what_is_admitted():
    assert speakers(["البرلمان", "وسيقر البرلمان القانون بالإجماع الأسبوع المقبل."]) == []
    assert speakers(["البرلمان", "وأقرت الحكومة الخطة بالكامل."]) == []
    assert speakers(["البرلمان", "واعترف الوزير بالخطأ في إدارة الأزمة."]) == [(2, "الوزير")]


def test_informed_reports_what_the_one_told_is_told():
    lines = ["المطار", "وأبلغته إدارة المطار بأن رحلته ألغيت بسبب العاصفة."]
    assert [(a.speaker_text, a.claim) for a in attributions(lines)] == [
        ("إدارة المطار", "رحلته ألغيت بسبب العاصفة")
    ]
    # the present "يبلغ" is also "is aged": no form of it reports
    assert speakers(["المطار", "ويبلغ من العمر 40 عامًا أن يعمل هناك طوال حياته."]) == []


def test_but_mid_sentence_opens_the_clause_of_the_subject_before_a_verb():
    line = "وحاولت المعلمة دخول المدرسة صباحًا ولكن الإدارة أبلغتها بأن الأبواب مغلقة حتى الظهر."
    assert speakers(["المدرسة", line]) == [(2, "الإدارة")]


def test_a_plural_verb_of_telling_drops_its_alef_before_an_object_pronoun():
    line = "وحاولت المعلمة دخول المدرسة ولكن الحراس أخبروها بأن الأبواب مغلقة."
    assert speakers(["المدرسة", line]) == [(2, "الحراس")]


def test_who_issued_a_report_is_part_of_its_speaker():
    lines = [
        "الفيضان",
        "غمرت المياه ثلاث قرى في الوادي، وفقًا للبيان الصادر عن هيئة الأرصاد صباح الأحد.",
        "وقال التقرير الصادر من وزارة الزراعة إن المحاصيل تضررت.",
    ]
    assert speakers(lines) == [(2, "البيان الصادر عن هيئة الأرصاد"), (3, "التقرير الصادر من وزارة الزراعة")]


def test_a_reporting_verb_after_an_interrogative_is_a_question():
    lines = ["المباراة", "قال المدرب إن فريقه مستعد.", "فمتى سيقولون إن الموسم انتهى؟"]
    assert speakers(lines) == [(2, "المدرب")]
    assert speakers(["المباراة", "هل قال الحكم إن الهدف صحيح؟"]) == []


def test_a_past_looking_verb_after_i_want_to_is_the_speakers_own_present():
    line = "والحقيقة التي أريد أن أبلغها ليست سهلة بل إنها تحتاج إلى صبر طويل."
    assert speakers(["رسالة", line]) == []


def test_an_accusative_right_after_a_verb_is_its_object_and_the_speaker_implied():
    lines = [
        "الإسكان",
        "قال وزير الإسكان إن الأسعار ستنخفض.",
        "كما أكد مشروعًا لبناء عشرة آلاف شقة قبل نهاية العام.",
    ]
    found = attributions(lines)
    assert [(a.paragraph, a.entity.name, a.claim) for a in found] == [
        (2, "وزير الإسكان", "الأسعار ستنخفض"),
        (3, "وزير الإسكان", "مشروعًا لبناء عشرة آلاف شقة قبل نهاية العام"),
    ]
    # a speaker named before the object stays the speaker
    assert speakers(["الإسكان", "وأكدت الحكومة مشروعًا لبناء الشقق."]) == [(2, "الحكومة")]


def test_a_term_quoted_inside_a_quotation_left_open_neither_closes_nor_opens_it():
    lines = [
        "المدينة",
        'قال رئيس البلدية: "سنعيد بناء السوق القديم.',
        'فالناس يسمونه "قلب المدينة" منذ قرون، ونحن نسميه "البيت".',
        'وسيفتح أبوابه في الربيع."',
        "وتبلغ كلفة المشروع مليون دولار.",
    ]
    assert speakers(lines) == [(2, "رئيس البلدية"), (3, "رئيس البلدية"), (4, "رئيس البلدية")]
    found = attributions(lines)
    assert found[1].claim == 'فالناس يسمونه "قلب المدينة" منذ قرون، ونحن نسميه "البيت"'


def test_encouraged_urges_as_urged_does():
    assert speakers(["الدوري", "المدربة شجعت اللاعبات على الهجوم منذ البداية."]) == [(2, "المدربة")]


def test_an_apposition_sets_off_a_speaker_between_a_verb_of_urging_and_the_one_urged():
    lines = [
        "البرلمان",
        "وحث الرئيس، في كلمته أمام البرلمان، الوزراء على العمل.",
        "وقد حثت سارة علي، رئيسة جمعية الحفاظ على البيئة، الأهالي على المشاركة.",
    ]
    assert speakers(lines) == [(2, "الرئيس"), (3, "سارة علي")]
    # commas in the one urged, or a relative clause after them, set off no speaker
    for line in [
        "وحث الوزراء، وخاصة الجدد، على العمل.",
        "سيحث المدرب سامي، لاعبيه ليلعبوا أفضل، باستثناء اثنين، اللذين حصلا على جائزة.",
    ]:
        assert speakers(["البرلمان", line]) == []


def test_a_name_between_kana_and_its_accusative_is_a_subject_a_pronoun_can_mean():
    lines = [
        "الأسماء",
        "قال المغني سامي علي إنه سيعتزل.",
        "لقد كان رامي فؤاد معروفًا بأسماء كثيرة، ولكنه أعلن أنه يفضل اسمه الأول.",
    ]
    assert speakers(lines) == [(2, "المغني سامي علي"), (3, "رامي فؤاد")]
    # nouns with ال are not read as a name: the pronoun means the speaker before
    lines[2] = "وكان عدد الحضور كبيرًا، وأضاف أن الحفل سيتكرر."
    assert speakers(lines) == [(2, "المغني سامي علي"), (3, "المغني سامي علي")]


def test_a_nisba_noun_a_relative_clause_describes_is_a_subject_a_pronoun_can_mean():
    lines = [
        "العداء",
        "وقالت رئيسة الاتحاد إن البطولة ستقام في موعدها.",
        "لم يتمكن البرازيلي، الذي فاز بثلاث ميداليات، من الركض بعد الإصابة.",
        'وكتب على تويتر: "سأعود أقوى".',
    ]
    assert speakers(lines) == [(2, "رئيسة الاتحاد"), (4, "البرازيلي")]


def test_a_first_person_verb_after_lam_or_lan_goes_on_with_a_quotation_left_open():
    lines = [
        "الإصابة",
        'وكتب اللاعب سامي علي على حسابه: "قبل شهر أصبت في الركبة.',
        "لم أستطع الوقوف أياما، ولن نسمح بتكرار ذلك.",
        "وتستأنف البطولة الأسبوع المقبل.",
    ]
    assert speakers(lines) == [(2, "اللاعب سامي علي"), (3, "اللاعب سامي علي")]
    # the third person, or "لا أحد", is narration
    for line in ["لم يستطع الفريق الفوز بعدها.", "لا أحد يعرف موعد عودته."]:
        assert speakers(lines[:2] + [line]) == [(2, "اللاعب سامي علي")]


def test_a_cue_in_the_first_person_inside_a_quotation_left_open_is_one_the_speaker_reports():
    lines = [
        "الإصابة",
        'وكتب اللاعب سامي علي على حسابه: "قبل شهر أصبت في الركبة.',
        "وقال الأطباء إن الوقت وحده سيحدد إن كنت سأعود إلى الملعب.",
        "لكنه عاد أقوى مما كان، وبدأ التدريب من جديد.",
        'شكرا لكم جميعا!"',
    ]
    player = "اللاعب سامي علي"
    assert speakers(lines) == [(2, player), (3, player), (3, "الأطباء"), (4, player), (5, player)]
    # in the third person the cue is narration, and it ends the quotation
    lines[2] = "وقال الأطباء إن الوقت وحده سيحدد إن كان سيعود إلى الملعب."
    assert speakers(lines[:3]) == [(2, player), (3, "الأطباء")]


def test_pledged_reports_what_is_pledged_after_an_or_a_bal_noun():
    lines = [
        "الانتخابات",
        "وتعهدت الوزيرة بأن تستقيل إذا فشلت الخطة.",
        'وتعهد "حزب الخضر" بالعمل على خفض الضرائب.',
        "وتعهد سامي بنقل مكتبه إلى المدينة.",
    ]
    found = attributions(lines)
    assert [(a.speaker_text, a.claim) for a in found] == [
        ("الوزيرة", "تستقيل إذا فشلت الخطة"),
        ("حزب الخضر", "بالعمل على خفض الضرائب"),
    ]


def test_a_call_is_the_speaker_named_after_it_and_what_it_calls_for_follows_ila():
    line = "وتأتي الخطة بعد أسابيع من دعوة سامي فؤاد إلى خفض الضرائب لمساعدة الشباب."
    assert [(a.speaker_text, a.claim) for a in attributions(["الضرائب", line])] == [
        ("سامي فؤاد", "خفض الضرائب لمساعدة الشباب")
    ]
    # the one called, or an invitation, is no speaker
    for line in [
        "وتأتي الخطة بعد دعوة الشباب إلى المشاركة.",
        "وجاء ذلك بعد دعوة أنصاره إلى التظاهر.",
        "وتلقى دعوة من الرئيس إلى العشاء.",
    ]:
        assert speakers(["الضرائب", line]) == []


def test_a_poll_after_according_to_is_no_speaker():
    for line in [
        "تراجع الإقبال على التصويت، وفقًا لاستطلاع أجرته شركة غالوب على ألف ناخب.",
        "واحد من كل خمسة أطفال لديه حساب سري، وفقًا لما كشفه الاستطلاع.",
    ]:
        assert speakers(["الانتخابات", line]) == []
    # those polled speak where a verb gives them a claim; an agency after وفقًا is a source
    line = "قال 58 بالمائة من الناخبين إن المرشحة لن تفوز، وفقًا لاستطلاع أجرته شركة غالوب."
    assert speakers(["الانتخابات", line]) == [(2, "58 بالمائة من الناخبين")]
    line = "تراجع الإقبال على التصويت، وفقًا لوكالة رويترز."
    assert speakers(["الانتخابات", line]) == [(2, "وكالة رويترز")]


def test_an_approximator_before_a_group_is_no_end_of_the_speaker():
    line = "وصرح ما يقرب من نصف المشاركين في الدراسة بأنهم يدخرون للتقاعد."
    assert speakers(["الدراسة", line]) == [(2, "نصف المشاركين")]
    line = "وقال ما لا يقل عن 20 بالمائة من التلاميذ إنهم تعرضوا للتنمر."
    assert speakers(["الدراسة", line]) == [(2, "20 بالمائة من التلاميذ")]
    # in the claim it counts the ones spoken of; the speaker is the one before
    lines = ["الدراسة", "قال الباحث إن ما يقرب من نصف السكان غادروا."]
    assert speakers(lines) == [(2, "الباحث")]


def test_what_points_back_can_be_with_a_feminine_pronoun():
    line = '"الخطة لن تنجح دون تمويل"، هذا ما صرحت بها سلمى حداد، مديرة الجمعية.'
    found = attributions(["الخطة", line])
    claim = '"الخطة لن تنجح دون تمويل"'
    assert [(a.speaker_text, a.claim) for a in found] == [("سلمى حداد", claim)]
    # no "هذا ما" before it: "صرحت بها" names what was declared, no claim points back
    assert speakers(["الخطة", "الخطة التي صرحت بها سلمى حداد لن تنجح."]) == []


def test_what_is_pledged_or_admitted_can_be_bi_adam():
    line = "تعهد الرئيس المنتخب سامي فؤاد بعدم استخدام القوة حيث أن البلاد تحيي ذكرى المجزرة."
    assert [(a.speaker_text, a.claim) for a in attributions(["القوة", line])] == [
        ("الرئيس المنتخب سامي فؤاد", "بعدم استخدام القوة حيث أن البلاد تحيي ذكرى المجزرة")
    ]
    # a بال-adverb still says how, not what
    assert speakers(["القانون", "أقر البرلمان القانون بالإجماع."]) == []


def test_who_issued_news_or_a_report_is_part_of_the_source_also_without_the_article():
    line = "سرق اللصوص مبلغًا كبيرًا من عامل الشركة، وفقًا لأنباء صادرة عن إدارة شرطة المدينة."
    assert speakers(["السرقة", line]) == [(2, "أنباء صادرة عن إدارة شرطة المدينة")]
    line = "وارتفع عدد الإصابات، بحسب تقرير صادر من وزارة الصحة."
    assert speakers(["السرقة", line]) == [(2, "تقرير صادر من وزارة الصحة")]
    # عن after any other word is still an adjunct: "قال الوزير عن الخطة"
    line = "وقال الوزير عن الخطة إنها جاهزة."
    assert speakers(["السرقة", line]) == [(2, "الوزير")]


def test_what_is_described_stands_before_ala_anna_and_a_plural_verb_carries_its_subject():
    assert speakers(["الخطة", "ووصف الوزير الخطة على أنها فاشلة."]) == [(2, "الوزير")]
    lines = ["الخطة", "وقال المحامون إن موكلهم بريء.", "ووصفوا الاتهام الموجه إليه بأنه كيدي."]
    assert speakers(lines) == [(2, "المحامون"), (3, "المحامون")]
    # with the verb singular, the word after it is still who describes
    assert speakers(["الخطة", "ووصف نوجرو الضرر بأنه ساحق."]) == [(2, "نوجرو")]


def test_a_subject_before_qad_and_its_verb_is_the_speaker():
    line = "ولكن أعضاء النقابة قد أعلنوا أن الإضراب مستمر."
    assert speakers(["الإضراب", line]) == [(2, "أعضاء النقابة")]
    # after كان the subject is between them; a function word before قد is no subject
    assert speakers(["الإضراب", "وكانت الوزيرة قد أعلنت أن الإضراب انتهى."]) == [(2, "الوزيرة")]
    assert speakers(["الإضراب", "في المقابل قد أعلنوا أن الإضراب مستمر."]) == []


def test_the_head_of_a_body_is_not_the_body():
    lines = [
        "التماثيل",
        "وقالت جمعية التاريخ إن الاقتراح أحمق.",
        "وقال سامي فؤاد، رئيس جمعية التاريخ، إن التماثيل جزء من الماضي.",
        "وقالت جمعية التاريخ إنها ستعترض.",
    ]
    assert [name for _, name in speakers(lines)] == [
        "جمعية التاريخ",
        "سامي فؤاد، رئيس جمعية التاريخ",
        "جمعية التاريخ",
    ]
    # a name shortened from the front, an honorific before it, is still the one named
    lines = ["التماثيل", "وقال السيد سامي فؤاد إن الاقتراح أحمق.", "وقال سامي فؤاد إنه سيعترض."]
    assert speakers(lines) == [(2, "السيد سامي فؤاد"), (3, "السيد سامي فؤاد")]


def test_insisted_reports_what_is_insisted_on_after_ala_anna():
    lines = ["الخطة", "وتصر الحكومة على أن الخطة ناجحة.", "وأصر الوزير على موقفه."]
    assert [(a.speaker_text, a.claim) for a in attributions(lines)] == [
        ("الحكومة", "الخطة ناجحة")
    ]


def test_mundhu_opens_a_time_adjunct_after_the_speaker():
    line = "وقد أصر سكان المدينة منذ فترة طويلة على أن اسمها قديم."
    assert speakers(["المدينة", line]) == [(2, "سكان المدينة")]


def test_what_could_be_or_is_due_to_be_said_is_no_report():
    for line in [
        "يمكن أن يشهد الشهر المقبل تغييرات كبيرة حيث إن الشتاء يقترب.",
        "ومن المقرر أن يعلن الوزير أن الانتخابات ستجرى في موعدها.",
    ]:
        assert speakers(["الطقس", line]) == []
    # "سبق أن" tells of what was said before
    assert speakers(["الطقس", "وسبق أن صرح الوزير بأن الخطة جاهزة."]) == [(2, "الوزير")]


def test_an_outlet_after_the_speaker_of_a_verb_of_informing_is_the_one_told():
    line = "وأخبر الوزير صحيفة الغارديان أن الخطة جاهزة."
    assert speakers(["الخطة", line]) == [(2, "الوزير")]
    # an outlet that informs is the speaker
    line = "وأبلغت وكالة الأنباء الرسمية أن الوضع هادئ."
    assert speakers(["الخطة", line]) == [(2, "وكالة الأنباء الرسمية")]


def test_a_network_or_magazine_told_with_lam_is_no_part_of_the_speaker():
    lines = [
        "الفيلم",
        "وقالت الممثلة لمجلة فارايتي إنها سعيدة.",
        "وقال المخرج لشبكة الجزيرة إنه راض.",
    ]
    assert speakers(lines) == [(2, "الممثلة"), (3, "المخرج")]


def test_nawwaha_reports_what_is_noted_after_an():
    lines = ["الخطة", "ونوه الوزير إلى أن الخطة جاهزة.", "ونوهت الوزيرة بجهود الفريق."]
    assert [(a.speaker_text, a.claim) for a in attributions(lines)] == [("الوزير", "الخطة جاهزة")]


def test_an_outlet_relaying_names_the_one_it_quotes_after_an():
    lines = [
        "المحادثات",
        "ونقلت وكالة الأنباء عن مسؤول في الوزارة قوله إن المحادثات متعثرة.",
        'ونقلت الصحيفة عن الوزيرة قولها: "لن نتراجع".',
    ]
    assert [(a.speaker_text, a.claim) for a in attributions(lines)] == [
        ("مسؤول", "المحادثات متعثرة"),
        ("الوزيرة", "لن نتراجع"),
    ]
    # نقل with no one quoted is "moved"
    for line in [
        "ونقل المسعفون الجرحى إلى المستشفى وأكدوا أن حالتهم مستقرة.",
        "ونقلت القوات المعدات عن طريق البحر وأكدت أن العملية نجحت.",
    ]:
        assert speakers(["المحادثات", line]) == []


def test_a_speech_noun_with_a_possessive_after_the_speaker_is_what_they_give():
    line = "وتابع الرئيس حديثه قائلاً إن البلاد بخير."
    assert speakers(["البلاد", line]) == [(2, "الرئيس")]
    # its ة is written ت before the pronoun: "بحسب روايته" is the speaker before
    lines = ["الحريق", "قال الشاهد إن الحريق بدأ ليلًا.", "واشتعلت النيران بسرعة، بحسب روايته."]
    assert speakers(lines) == [(2, "الشاهد"), (3, "الشاهد")]


def test_who_a_speaker_is_affiliated_to_is_part_of_it():
    lines = [
        "الطريق",
        "وقالت قناة الأخبار التابعة لشبكة الجزيرة إن الطريق مغلق.",
        "وقال الطبيب التابع للأمم المتحدة إن الوضع خطير.",
    ]
    assert [name for _, name in speakers(lines)] == [
        "قناة الأخبار التابعة لشبكة الجزيرة",
        "الطبيب التابع للأمم المتحدة",
    ]
    # after any other word ل still names who was told
    assert speakers(["الطريق", "وقال الطبيب للصحفيين إن الوضع خطير."]) == [(2, "الطبيب")]


def test_what_a_document_says_after_jaa_fi_is_its_issuers():
    lines = [
        "الحدود",
        "وجاء في بيان للوزارة أن الحدود مغلقة.",
        'وورد في التقرير: "الخسائر كبيرة".',
        "وجاء في المرتبة الأولى أن الفريق فاز.",
    ]
    assert [(a.speaker_text, a.claim) for a in attributions(lines)] == [
        ("بيان للوزارة", "الحدود مغلقة"),
        ("التقرير", "الخسائر كبيرة"),
    ]
