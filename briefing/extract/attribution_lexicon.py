"""The words attribution reads: reporting verbs and their forms, source phrases, the words that
end a speaker phrase, and the limits of a claim (``briefing.extract.attribution`` applies them).

Forms are kept folded (``briefing.extract.arabic.fold``) so they compare with folded text.
"""

from __future__ import annotations

from briefing.extract.arabic import fold, light_stem, normalize

MASCULINE, FEMININE, PLURAL = "m", "f", "pl"


def _forms(table: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Index cue forms (as folded text) by form: form -> (lemma, grammatical gender/number).

    A present form is also indexed with the future's س ("ستعلن X أن", "سيقول"); a past one
    that starts like a present ("تابع", "توقعت") starts with its lemma. Not شهد and رأى: their
    future is mostly "will see" ("سيشهد الأسبوع المقبل انتخابات يرى المراقبون أنها").
    """
    index = {}
    for lemma, by_gender in table.items():
        for gender, forms in by_gender.items():
            for form in forms.split():
                index[fold(form).text] = (lemma, gender)
                if form[0] in "يت" and not form.startswith(lemma) and lemma not in ("شهد", "رأى"):
                    index[fold("س" + form).text] = (lemma, gender)
    return index


# Reporting verbs in the forms news Arabic uses; masculine, feminine and dual/plural agreement
# tells pronoun resolution which earlier speaker can be meant.
VERB_CUES = _forms(
    {
        # "«...»، قالها ردًا على سؤال": said it, the quotation before
        "قال": {
            MASCULINE: "قال يقول قالها",
            FEMININE: "قالت تقول قالتها",
            PLURAL: "قالا قالوا يقولون",
        },
        "صرح": {MASCULINE: "صرح يصرح", FEMININE: "صرحت تصرح", PLURAL: "صرحا صرحوا"},
        "أكد": {MASCULINE: "أكد يؤكد", FEMININE: "أكدت تؤكد", PLURAL: "أكدا أكدوا"},
        "أضاف": {MASCULINE: "أضاف يضيف", FEMININE: "أضافت تضيف", PLURAL: "أضافا أضافوا"},
        "أكمل": {MASCULINE: "أكمل", FEMININE: "أكملت", PLURAL: "أكملوا"},
        "تابع": {MASCULINE: "تابع", FEMININE: "تابعت", PLURAL: "تابعوا"},
        "أردف": {MASCULINE: "أردف", FEMININE: "أردفت", PLURAL: "أردفوا"},
        "استطرد": {MASCULINE: "استطرد", FEMININE: "استطردت", PLURAL: "استطردوا"},
        "اشتكى": {MASCULINE: "اشتكى يشتكي", FEMININE: "اشتكت تشتكي", PLURAL: "اشتكوا"},
        "غرد": {MASCULINE: "غرد يغرد", FEMININE: "غردت تغرد", PLURAL: "غردوا"},
        # "كتب X على تويتر:", "«...»، كما كتب أحدهم"; past forms only ("يُكتب", "تُكتب": is written)
        "كتب": {MASCULINE: "كتب", FEMININE: "كتبت", PLURAL: "كتبوا"},
        "رجح": {MASCULINE: "رجح يرجح", FEMININE: "رجحت ترجح", PLURAL: "رجحوا يرجحون"},
        # "تتوقع وزارة المالية أن": a forecast, as رجح; "يُتوقع أن" (it is expected) needs a speaker
        "توقع": {MASCULINE: "توقع يتوقع", FEMININE: "توقعت تتوقع", PLURAL: "توقعوا يتوقعون"},
        "جادل": {MASCULINE: "جادل يجادل", FEMININE: "جادلت تجادل", PLURAL: "جادلوا يجادلون"},
        # "شهد X أمام الكونغرس أن" (testified); "شهدت المدينة احتجاجات" (saw) has no claim
        "شهد": {MASCULINE: "شهد يشهد", FEMININE: "شهدت تشهد", PLURAL: "شهدوا"},
        # "ونص الإشعار ...، «...»", "نصت على أنها" (stated, stipulated); "نص" is also the noun
        # (text), which has no أن or quotation of its own after it
        "نص": {MASCULINE: "نص ينص", FEMININE: "نصت تنص", PLURAL: "نصوا"},
        "زعم": {MASCULINE: "زعم يزعم", FEMININE: "زعمت تزعم", PLURAL: "زعموا يزعمون"},
        "ادعى": {MASCULINE: "ادعى يدعي", FEMININE: "ادعت تدعي", PLURAL: "ادعوا يدعون"},
        "اعتبر": {MASCULINE: "اعتبر يعتبر", FEMININE: "اعتبرت", PLURAL: "اعتبروا"},
        "رأى": {MASCULINE: "رأى يرى", FEMININE: "رأت", PLURAL: "رأوا"},
        "ذكر": {MASCULINE: "ذكر", FEMININE: "ذكرت", PLURAL: "ذكروا"},
        "أورد": {MASCULINE: "أورد", FEMININE: "أوردت", PLURAL: "أوردوا"},
        "لفت": {MASCULINE: "لفت", FEMININE: "لفتت", PLURAL: "لفتوا"},
        # "ونوه الوزير إلى أن" (noted); "نوه بجهود الفريق" (praised) opens no claim
        "نوه": {MASCULINE: "نوه ينوه", FEMININE: "نوهت تنوه", PLURAL: "نوهوا"},
        "أشار": {MASCULINE: "أشار يشير", FEMININE: "أشارت تشير", PLURAL: "أشاروا"},
        "أعلن": {MASCULINE: "أعلن يعلن", FEMININE: "أعلنت تعلن", PLURAL: "أعلنوا"},
        "نفى": {MASCULINE: "نفى ينفي", FEMININE: "نفت تنفي", PLURAL: "نفوا"},
        # "ونقلت وكالة رويترز عن مسؤول قوله إن" (quoted); see RELAYING_VERBS
        "نقل": {MASCULINE: "نقل ينقل", FEMININE: "نقلت تنقل", PLURAL: "نقلوا"},
        "حذر": {MASCULINE: "حذر يحذر", FEMININE: "حذرت تحذر", PLURAL: "حذروا"},
        "أوضح": {MASCULINE: "أوضح", FEMININE: "أوضحت", PLURAL: "أوضحوا"},
        "شدد": {MASCULINE: "شدد", FEMININE: "شددت", PLURAL: "شددوا"},
        # "أصر X على أن" (insisted); "أصر على موقفه" opens no claim
        "أصر": {MASCULINE: "أصر يصر", FEMININE: "أصرت تصر", PLURAL: "أصروا يصرون"},
        "أفاد": {MASCULINE: "أفاد يفيد", FEMININE: "أفادت تفيد", PLURAL: "أفادوا"},
        "أخبر": {MASCULINE: "أخبر", FEMININE: "أخبرت", PLURAL: "أخبروا"},
        # "أبلغته الشرطة بأن" (informed); past forms only: "يبلغ" is also "is aged, amounts to"
        # ("يبلغ من العمر 32 عاما")
        "أبلغ": {MASCULINE: "أبلغ", FEMININE: "أبلغت", PLURAL: "أبلغوا"},
        "أبدى": {MASCULINE: "أبدى يبدي", FEMININE: "أبدت تبدي", PLURAL: "أبدوا"},
        "ناقش": {MASCULINE: "ناقش", FEMININE: "ناقشت", PLURAL: "ناقشا ناقشوا"},
        "اعترف": {MASCULINE: "اعترف يعترف", FEMININE: "اعترفت تعترف", PLURAL: "اعترفوا"},
        "أقر": {MASCULINE: "أقر يقر", FEMININE: "أقرت تقر", PLURAL: "أقروا"},
        # "تعهد X بأن", "تعهد بالعمل" (pledged); see BI_NOUN_VERBS
        "تعهد": {MASCULINE: "تعهد يتعهد", FEMININE: "تعهدت تتعهد", PLURAL: "تعهدوا يتعهدون"},
        "أجاب": {MASCULINE: "أجاب يجيب", FEMININE: "أجابت تجيب", PLURAL: "أجابوا"},
        # "أقسم أنه لن يستقيل", "أقسم: «...»" (vowed); "أقسم الرئيس اليمين" has no claim to open
        "أقسم": {MASCULINE: "أقسم يقسم", FEMININE: "أقسمت تقسم", PLURAL: "أقسموا"},
        # no bare "قدر": it is also the noun (amount, "على قدر كبير")
        "قدر": {MASCULINE: "يقدر", FEMININE: "قدرت تقدر", PLURAL: "قدروا يقدرون"},
        "وصف": {MASCULINE: "وصف يصف", FEMININE: "وصفت تصف", PLURAL: "وصفوا"},
        # "وعلق آخر: «...»"; only with a quotation ("علقت الحكومة العمل": suspended)
        "علق": {MASCULINE: "علق يعلق", FEMININE: "علقت تعلق", PLURAL: "علقوا"},
        # "رفض X فكرة أن", "ندد X بالمزاعم القائلة بأن"; see REJECTING_VERBS
        "رفض": {MASCULINE: "رفض يرفض", FEMININE: "رفضت ترفض", PLURAL: "رفضوا"},
        "ندد": {MASCULINE: "ندد يندد", FEMININE: "نددت تندد", PLURAL: "نددوا"},
        # "حث X على", "دعا إلى" (urged, called for); see URGED_TO. No "يدعو": "ما يدعو إلى
        # القلق" (gives cause for concern) has no speaker
        "حث": {MASCULINE: "حث يحث", FEMININE: "حثت تحث", PLURAL: "حثوا"},
        # "شجعت X الجمهور على المشاركة" (encouraged), as حث
        "شجع": {MASCULINE: "شجع يشجع", FEMININE: "شجعت تشجع", PLURAL: "شجعوا"},
        "دعا": {MASCULINE: "دعا", FEMININE: "دعت", PLURAL: "دعوا"},
        # "طلب X من Y أن/عدم ..." (asked Y to); see REQUEST_VERBS. No "تطلب": also "تطلّب"
        # (required)
        "طلب": {MASCULINE: "طلب يطلب", FEMININE: "طلبت", PLURAL: "طلبا طلبوا"},
    }
)
# Verbs of urging open what is urged with a preposition: "حث على", "دعا إلى". The one urged
# stands between the bare verb and it with nothing to tell it from a subject ("حث الرئيس
# الوزراء على", "وحث السيدة ماي على" with the speaker in the verb), so there the speaker is only
# one before the verb ("X حث Y على"), one after a verb carrying the one urged ("حثه الوزير على"),
# or the one in a verb right before the preposition, opening its sentence ("وحثت على").
# "من دعوة بوريس جونسون إلى": the noun of calling for, with its speaker after it
CALL_NOUNS = frozenset(fold(w).text for w in "دعوة ودعوة بدعوة".split())
CALLED_FOR = fold("إلى").text
URGED_TO = {"حث": fold("على").text, "شجع": fold("على").text, "دعا": CALLED_FOR}
# Verbs of rejecting report a claim only as the claim they reject, a noun of saying right
# before its أن ("رفض X فكرة أن", "ندد X بالمزاعم القائلة بأن"): "رفض الوزير الاستقالة" and
# "رفضت البحرية تكليف السفينة" say nothing. The speaker ends before that noun.
REJECTING_VERBS = frozenset({"رفض", "ندد"})
REJECTED_CLAIMS = frozenset(
    fold(w).text
    for w in """فكرة الفكرة القول الادعاء الادعاءات المزاعم مزاعم ادعاءات الاتهامات اتهامات
    التقارير تقارير الشائعات شائعات""".split()
)
CLAIMING_THAT = frozenset(fold(w).text for w in "القائلة القائل القائلين".split())
# Verbs of asking put the one asked behind من ("طلب الوزير من القضاة عدم منح"), so the speaker
# ends there. "طُلب من السكان" (passive) is written like an active verb with an implied speaker,
# and "على طلب من" is the noun: they report a request only with a speaker named after the verb.
# What is asked opens with أن or, after the one asked, with عدم (not to).
REQUEST_VERBS = frozenset({"طلب"})
ASKED_FROM = frozenset(fold(w).text for w in "من منه منها منهم منهما مني منا منك منكم".split())
NOT_TO = fold("عدم").text
# Verbs of relaying name the outlet after them and the one it quotes after عن, whose speech
# noun may follow ("ونقلت الصحيفة عن الوزير قوله: «...»"): the one quoted is the speaker. With
# no عن, or "عن طريق" (by way of), نقل is "moved" ("نقل المسعفون الجرحى إلى المستشفى").
RELAYING_VERBS = frozenset({"نقل"})
RELAYED_FROM = fold("عن").text
BY_WAY_OF = fold("طريق").text
# Verbs that report a claim only as a quotation after their speaker ("وعلق آخر: «...»").
QUOTE_ONLY_VERBS = frozenset({"علق"})
# Verbs of telling take the one told as an object pronoun ("أخبرني", "فأخبرها"), verbs of
# judging what is judged ("اعتبرته مدريد بأنه", "وصفه الوزير بأنه").
TELLING_VERBS = frozenset({"أخبر", "أبلغ", "اعتبر", "وصف"})
# "أخبر لي وكالة أخبار سي إن بي سي أن", "وأخبر ستوريدج موقع LiverpoolFC.com": after a verb of
# informing, an outlet after the speaker is the one told (with قال it takes ل: "لصحيفة")
INFORMING_VERBS = frozenset({"أخبر", "أبلغ"})
OUTLET_HEADS = frozenset(fold(w).text for w in "صحيفة مجلة موقع قناة وكالة شبكة إذاعة".split())
OBJECT_PRONOUNS = ("هما", "هم", "ها", "ني", "نا", "ه")
# Verbs that open a sentence of speech without reporting a claim themselves: a participle
# after them ("وتحدث X عن ... قائلاً:") speaks for their subject.
# "وأصدر المكتب تقريرًا ... قائلاً إن" (issued a report saying) is one of them.
SPEECH_VERBS = frozenset(
    fold(w).text for w in "تحدث تحدثت تحدثوا رد ردت ردوا علق علقت أصدر أصدرت أصدروا".split()
)
# The particle قد before a past verb ("وقد تحدث X قائلاً:", "ولقد علق") leaves it the verb that
# opens the sentence.
QAD_FORMS = frozenset(fold(w).text for w in "قد وقد فقد لقد ولقد".split())
# Participles that go on with what a speaker said ("مضيفاً أن", "قائلاً:"); inside another
# verb's speaker phrase ("وتابع قائلاً:") they add nothing to it.
PARTICIPLE_CUES = _forms(
    {
        "مضيفا": {MASCULINE: "مضيفا", FEMININE: "مضيفة", PLURAL: "مضيفين"},
        "قائلا": {MASCULINE: "قائلا", FEMININE: "قائلة", PLURAL: "قائلين"},
        "متابعا": {MASCULINE: "متابعا", FEMININE: "متابعة", PLURAL: "متابعين"},
        "مؤكدا": {MASCULINE: "مؤكدا", FEMININE: "مؤكدة", PLURAL: "مؤكدين"},
        "مشيرا": {MASCULINE: "مشيرا", FEMININE: "مشيرة", PLURAL: "مشيرين"},
        "موضحا": {MASCULINE: "موضحا", FEMININE: "موضحة", PLURAL: "موضحين"},
        "لافتا": {MASCULINE: "لافتا", FEMININE: "لافتة", PLURAL: "لافتين"},
        "محذرا": {MASCULINE: "محذرا", FEMININE: "محذرة", PLURAL: "محذرين"},
    }
)
# "يُزعم أنه" (it is alleged) is written like "يزعم", "يُتوقع" like "يتوقع", "أُعلن عن" like "أعلن عن": without a
# speaker, no one speaks.
NEEDS_SPEAKER = frozenset(fold(w).text for w in "يزعم يتوقع".split())
# "يُدعى"/"تُدعى" (is called) folds to "يدعي"/"تدعي" (claims): the original's final ى tells them apart.
CALLED_FORMS = frozenset(fold(w).text for w in "يدعي تدعي".split())
PLURAL_VERB_SUFFIX = fold("وا").text  # "قالوا", "كتبوا": the subject is in the verb or before it
SOUND_PLURAL_SUFFIX = fold("ون").text  # "المحامون", "المسؤولون"; with ال, so no "كلينتون"
INDEFINITE_PLURALS = frozenset(fold(w).text for w in "البعض الكثيرون آخرون".split())
AS_FORMS = frozenset(fold(w).text for w in "كما وكما".split())
# "لكن" before a subject ("لكن وسائل الإعلام أشارت"); with a pronoun ("ولكنه قال") it has none
BUT_FORMS = frozenset(fold(w).text for w in "لكن ولكن".split())
# "أعلن X عن تشكيل لجنة": what is announced follows عن, what is warned of or complained of
# follows من ("حذر الخبراء من ارتفاع الأسعار", "واشتكى بعض السكان من غياب الخدمات").
ANNOUNCED_ABOUT = {"أعلن": fold("عن").text, "حذر": fold("من").text, "اشتكى": fold("من").text}
# What is admitted or pledged is a noun with ب and the article: "اعترف الوزير بالخطأ", "تعهد
# الحزب بالعمل على" (not "بيل غيتس", "تعهد بايدن"), or with ب and عدم (not to: "تعهد الرئيس
# بعدم استخدام القوة").
BI_NOUN_VERBS = frozenset({"اعترف", "أقر", "تعهد"})
BI_NOUN_PREFIX = fold("بال").text
BI_NOT = fold("بعدم").text
# ...but a بال-adverb says how, not what: "أقر البرلمان القانون بالإجماع" (passed it unanimously).
MANNER_ADVERBS = frozenset(
    fold(w).text for w in "بالإجماع بالأغلبية بالكامل بالفعل بالتالي بالمثل بالتزامن".split()
)
# Only "أُعلن عن" (it was announced) is written like its active form with no speaker.
PASSIVE_ABOUT = frozenset({"أعلن"})
# "أبدى" reports a stance only with "استعداد" (readiness); "ناقش" names a topic, so its claim
# is the quoted object rather than an أن-clause.
READINESS_VERB, DISCUSS_VERB = "أبدى", "ناقش"
READINESS_NOUN = fold("استعداد").text
# "وصف X الضرر بأنه ساحق", "على أنه": the described object stands between the speaker and
# بأن (or على before أن).
DESCRIBING_VERBS = frozenset({"وصف"})
DESCRIBED_AS = fold("بأن").text
DESCRIBED_ON = fold("على").text
INTRODUCERS = frozenset(
    fold(w).text for w in "أن أنّ إن أنه أنها أنهم بأن بأنه بأنها بأنهم إنه إنها".split()
)
LEADING_INTRODUCERS = INTRODUCERS | {fold("فإن").text, fold("فإنه").text}
SOURCE_PHRASES = frozenset(
    fold(w).text for w in "وفق وفقا ووفق ووفقا حسب بحسب لحسب وبحسب وحسب".split()
)
ACCORDING_TO = frozenset(fold(w).text for w in "وفق وفقا ووفق ووفقا".split())  # "وفقاً لـ"
# "حسبما أفاد السيد ألبنس": the phrase has its verb glued to it, the speaker follows the verb.
SOURCE_PHRASES_WITH_VERB = frozenset(fold(w).text for w in "حسبما وحسبما بحسبما".split())
QUOTING_FROM = (fold("نقلا").text, fold("عن").text)
# Where a speaker phrase stops: prepositions and time words start an adjunct ("في تقرير له",
# "يوم 20 فبراير", "لوسائل الإعلام"), not the name.
# Prepositions with a pronoun complete a verb ("نفى التهم الموجهة إليه"), they follow no subject.
PRONOUN_PREPOSITIONS = frozenset(
    fold(w).text
    for w in """إليه إليها إليهم له لها لهم لنا لك لكم عنه عنها عنهم منه منها عليه عليها
    به بها""".split()
)
ADJUNCT_STARTS = (
    frozenset(
        fold(w).text
        for w in """في خلال يوم أمس اليوم عبر أثناء أمام إلى الى من على عن بعد قبل منذ فيما لاحقا
        أيضا مؤخرا سابقا وقتها حينها بالفعل كيف لماذا متى بالقول قائلا قائلة قائلين مضيفا
        مضيفة لوسائل للصحفيين للصحافيين لوكالة لقناة لصحيفة لموقع للصحافة لتلفزيون
        لإذاعة لشبكة لمجلة""".split()
    )
    | PRONOUN_PREPOSITIONS
    | frozenset(PARTICIPLE_CUES)
)
TO_ME = fold("لي").text
TOWARDS_SOMEONE = frozenset(fold(w).text for w in "إليه إليها إليهم".split())
# "وأفادت تقارير بأن": hearsay with no one behind it is no speaker.
UNNAMED_SOURCES = frozenset(fold(w).text for w in "تقارير أنباء".split())
FROM = fold("من").text  # "تقارير من وسائل إعلام محلية": the source is named after من
IN = fold("في").text
PERCENT_WORDS = frozenset(fold(w).text for w in "بالمائة بالمئة المائة المئة".split())  # "20 (في) المائة"
# "صباح"/"مساء" open a time adjunct only before a day ("صباح الأحد"); "صباح العكيلي" is a name.
TIMES_OF_DAY = frozenset(fold(w).text for w in "صباح مساء ظهر فجر ليل".split())
DAYS = frozenset(
    fold(w).text
    for w in "اليوم أمس الغد الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت".split()
)
# "أعلنت الوكالة هذا الشهر ...": a demonstrative before a time noun opens a time adjunct.
DEMONSTRATIVES = frozenset(fold(w).text for w in "هذا هذه".split())
# "...، وأكد الوزير ذلك": the object that points back to what the sentence said before
DEMONSTRATIVE_OBJECTS = frozenset(fold(w).text for w in "ذلك هذا".split())
TIME_NOUNS = frozenset(
    fold(w).text for w in "الشهر الأسبوع العام الصباح المساء الأسبوعين الموسم".split()
)
# "وقال سبب اختفاء البارات أمر مفهوم.": "said" opening a sentence can say a bare clause.
BARE_CLAUSE_VERBS = frozenset({"قال"})
MIN_BARE_CLAUSE_WORDS = 3
# "بعد أن", "قبل أن", "منذ أن": أن after these is a time clause; "إلا أن" (however) a
# contrast; neither is what is said.
CONJUNCTIONS_BEFORE_AN = frozenset(fold(w).text for w in "بعد قبل منذ وبعد وقبل ومنذ إلا".split())
# Verbs whose claim can be a noun object: "أعلن استقالته", "أكد رغبتهم", "نفى صحة التقارير".
NOUN_OBJECT_VERBS = frozenset({"أعلن", "أكد", "نفى"})
RELATIVES = frozenset(fold(w).text for w in "الذي التي الذين اللذين اللتين اللذان اللتان".split())
# Clause openers that let a reporting verb inside another claim start a claim of its own
# ("..., وخصوصاً بعدما قال عضو لجنة ... إن").
NESTED_OPENERS = frozenset(
    fold(w).text
    for w in "بعدما بعد فيما بينما حين حيث كما وكما وقد فقد ثم وخصوصا خصوصا كذلك".split()
)
BACKWARD_OPENERS = frozenset(fold(w).text for w in "هذا وهذا ذلك وذلك".split())
KANA = frozenset(fold(w).text for w in "كان كانت وكان وكانت فكان فكانت".split())
KANA_NAME_WORDS = (2, 3)  # "كان شون كومز معروفًا": a name between كان and its accusative
NISBA_ENDING = fold("ي").text  # "الأمريكي", "البريطاني": a nisba noun for a person
QAD = fold("قد").text
WHAT = fold("ما").text
WHAT_FORMS = frozenset(fold(w).text for w in "ما لما بما".split())
# "حسب الطلب" (on demand), "بحسب القانون" (by law): what follows these phrases is no source.
NOT_SOURCES = frozenset(
    fold(w).text for w in "الطلب الحاجة الظروف الأصول القانون الأحوال العادة لذلك ذلك لهذا".split()
)
# "وجاء في بيان للوزارة أن", "ورد في التقرير أن": what a document says, its source after في;
# "جاء الرئيس", "جاء في المرتبة الأولى" report nothing
STATED_IN_VERBS = frozenset(fold(w).text for w in "جاء ورد".split())
# "هذا ما صرح به X", "وفقاً لما أفادت به شركة نيلسن"; also feminine ("هذا ما صرحت بها X")
WITH_IT = frozenset(fold(w).text for w in "به بها".split())
# "وفقًا لاستطلاع أجرته يوجوف", "وفقا لما كشفه الاستطلاع": a poll finds, it says nothing; the
# ones polled speak only where a verb gives them a claim ("قال 58٪ من الناخبين إن")
POLL_NOUNS = frozenset(light_stem(w) for w in "استطلاع استبيان".split())
# Nouns that name what a speaker issued; kept as keys so "التقرير" later finds the centre
# that spoke "في تقرير له".
SOURCE_NOUNS = frozenset(light_stem(w) for w in "تقرير بيان تصريح مقابلة حديث كلمة دراسة".split())
IN_FORMS = frozenset(fold(w).text for w in "في وفي".split())  # "«...» في تصريحات X"
SPEECH_NOUNS = frozenset(light_stem(w) for w in "تصريحات تصريح قول كلام تعبير تقدير رواية".split())
# "وعلى حد قوله، ..." / "...، على حد تعبيرها." (as he/she put it): the speech noun after these
# two words gives the sentence to its possessor, or to the speaker named after it.
AS_PUT_BY = (frozenset(fold(w).text for w in "على وعلى".split()), fold("حد").text)
OPENING_QUOTES = '“«"”'
CLOSING_FOR = {"«": "»"}
ANY_CLOSING = '”“"»'
QUOTE_MARKS = OPENING_QUOTES + ANY_CLOSING
TERMINALS = ".?!؟"
# "التقرير الصادر عن وزارة الداخلية", "وفقًا لأنباء صادرة عن إدارة الشرطة" (issued by): who
# issued it is part of the speaker, not an adjunct after it.
ISSUED = frozenset(fold(w).text for w in "الصادر الصادرة صادر صادرة".split())
ISSUED_BY = frozenset(fold(w).text for w in "عن من".split())
# "قناة كيه تي يو يو التابعة لشبكة إن بي سي", "الطبيب التابع للأمم المتحدة" (affiliated to):
# the ل-word after these is who owns the speaker, no one told
AFFILIATED = frozenset(fold(w).text for w in "التابع التابعة تابع تابعة".split())
# Words that cannot be part of a subject before a verb ("في المقابل قال" has none).
FUNCTION_WORDS = frozenset(
    normalize(w)
    for w in """في من على إلى عن مع أن إن كان كانت قد لقد هذا هذه ذلك تلك ما لا لم لن ليس ثم أو بل
    لكن حيث كما بعد قبل بين عند حتى إذا لو كل هو هي هم سبق المقابل السياق وبناء عليه كذلك
    وسط بينما عندما حينما بعدما فيما""".split()
)
NEGATIONS = frozenset(fold(w).text for w in "لم لا لن ولم ولا ولن".split())  # "لم يعلن" reports nothing
# "متى سيقولون إن ...؟", "هل قال الوزير إن ...؟": a question asks what is said, it reports nothing
INTERROGATIVES = frozenset(
    fold(joined + w).text for w in "متى هل كيف لماذا ماذا".split() for joined in ("", "و", "ف")
)
# "الرسالة التي أريد أن أبلغها" (that I want to convey): after "أريد أن" a form like a past
# verb ("أبلغ", "أعلن", "أخبر") is the speaker's own "I" in the present, reporting nothing
AN = fold("أن").text
# "يمكن أن يشهد شهر أكتوبر تغييرات ... حيث إن", "من المقرر أن يعلن": what could be or is due to
# be said is no report of what was
MODALS_BEFORE_AN = frozenset(
    fold(w).text for w in "يمكن ويمكن يمكنه يمكنها يمكنهم يمكننا المتوقع المقرر المفترض".split()
)
TANWEEN_FATH = "\u064b"  # "مازحاً", "مبتسماً": a circumstantial word after the name
# Descriptions that refer back to someone already named: "the 24-year-old", "the player".
AGE_WORDS = frozenset(normalize(w) for w in "البالغ البالغة البالغان البالغين".split())
DESCRIPTION_HEADS = frozenset(
    normalize(w)
    for w in """الشاب الشابة الفتى الفتاة الرجل المرأة اللاعب اللاعبة النجم النجمة بطل بطلة
    البطل البطلة الفائز الفائزة مغني مغنية المغني المغنية الممثل الممثلة""".split()
)
# "بطل العالم ثلاث مرات" describes; "اللاعب محمد صلاح" names (its words are neither ال- nor counts).
COUNT_WORDS = frozenset(
    normalize(w) for w in "مرة مرتين مرات ثلاث أربع خمس ست سبع ثماني تسع عشر".split()
)
# "صرح ما يقرب من نصف المشاركين بأنهم" (nearly half): how many speak, before the group that does;
# its ما is no function word ending the speaker
APPROXIMATORS = tuple(
    tuple(fold(w).text for w in phrase.split())
    for phrase in ("ما يقرب من", "ما يزيد عن", "ما يزيد على", "ما لا يقل عن")
)
MAX_QUOTE_PARAGRAPHS = 8  # a quotation left open runs at most this far without quote marks
MAX_QUOTED_TERM_WORDS = 3  # '"كاني"', '"الجانب المحير"': a term quoted inside a quotation
MAX_SPEAKER_TOKENS = 20
MAX_PHRASE_SPEAKER_TOKENS = 8
MAX_SUBJECT_TOKENS = 5
# A person named after at most this many words of its clause is its subject ("وكان فيوريك").
MAX_WORDS_BEFORE_SUBJECT = 2
# ...or after its verb and a title of a few words ("ورفض الرئيس السابق إدواردو", "وقالت وزيرة
# الخارجية السابقة هدى"): the title is the person's, not a subject of its own.
TITLE_WORDS = frozenset(
    fold(w).text
    for w in """رئيس الرئيس رئيسة الرئيسة وزير الوزير وزيرة الوزيرة نائب النائب النائبة سفير
    السفير السفيرة المتحدث المتحدثة الناطق الناطقة مدير المدير مديرة المديرة الأمين الأمينة
    القائد المدرب المدربة الجنرال السيناتور السيد السيدة الدكتور الدكتورة الأمير الملك
    الشيخ القاضي القاضية المحامي المحامية""".split()
)
MAX_TITLE_WORDS = 3
# "جون جولدسميث، رئيس مجتمع كرومويل", "المتحدثة باسم الوزارة": a phrase ending in a body's
# name after one of these is the body's head or voice, not a longer name of the body
HEAD_OF = frozenset(normalize(w) for w in "رئيس رئيسة مدير مديرة أمين أمينة قائد مؤسس باسم".split())
# The verb or title before a subject tells her gender: "وكانت"، "قامت"، "السيدة".
FEMININE_ENDINGS = (fold("ت").text, fold("ة").text)
# A pronoun reaches back this many paragraphs (NTREX: sentences) to a person not yet speaking.
MAX_SUBJECT_PARAGRAPHS_BACK = 2
MAX_HEADLINE_SPEAKER_TOKENS = 6
MAX_CLAIM_CHARS = 1200  # over three times the longest NTREX sentence (362 characters)
# Sources whose noun itself starts with ل: ل + ال + لجنة is written "للجنة", so the source is
# "اللجنة" (or "لجنة" before a genitive), not "الجنة" as "للتقرير" is "التقرير".
LAM_INITIAL_NOUNS = frozenset(fold(w).text for w in "لجنة لجان لوائح لائحة".split())
# A definite word after them ending like an adjective agreeing with them ("الجديدة",
# "الإندونيسية", "الأولمبي") describes them; one that does not is a genitive ("لجنة الانتخابات").
ADJECTIVE_ENDINGS = (fold("ة").text, fold("ي").text)
MIN_GLUED_SOURCE_LETTERS = 3  # "لمصادر" is ل + a source; "لا" is not
# Words only a speaker uses of themselves or to the one addressed ("كنت", "لكنني", "يمكنك"):
# a paragraph with no quote marks after a quotation left open, that has one of these, is still
# that quotation (news narration speaks in the third person). No "لي": it is also a name ("لي").
FIRST_SECOND_PERSON = frozenset(
    fold(w).text
    for w in """أنا نحن أنت أنتم كنت كنا لدي لدينا عندي عندنا لنا إنني إننا أنني أننا إني أني
    لكنني لكننا لأنني لأننا كأنني كأننا نفسي أعتقد نعتقد أظن أريد نريد أردنا يمكنك يمكنكم عليك
    عليكم""".split()
)
# "لم أستطع", "لن نسمح": after لم/لن a verb starting with أ ("I") or ن ("we") is in the first
# person (not "لا": "لا أحد", "لا أساس له" are narration)
FIRST_PERSON_NEGATIONS = frozenset(fold(w).text for w in "لم لن ولم ولن فلم فلن".split())
FIRST_PERSON_PREFIXES = "أن"
