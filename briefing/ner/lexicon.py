"""Word lists the analysis needs besides the learned tagger, written for this project.

* ``GIVEN_NAMES``: common Arabic given names with the English spelling readers expect; the
  romaniser uses them because unvocalised Arabic cannot tell ``Muhammad`` from ``Mahmad``, and
  the tagger uses them as a person gazetteer.
* ``TITLES``: words and phrases that give a person's role or rank (``السفير``, ``رئيس الوزراء``,
  ``اللواء``); ``takes_object`` says whether the title heads a complement (``رئيس`` + ``هيئة ...``
  = head *of* the commission) or stands alone (``اللواء`` = major general).
* ``WORDS``: nouns and adjectives of organisation names and roles, to put their English together
  (``لجنة الأمن والدفاع`` = security and defence committee) instead of romanising them.
* ``NATIONALITIES``: nationality adjectives (masculine form), which qualify roles and names.
* ``KNOWN_BODIES``: well-known organisations under the names the Arabic press gives them, with
  their own English name, which is not the sum of their words (``مركز دراسات الحرب`` is the
  Institute for the Study of War, not a "War Studies Center"); a gazetteer of bodies too.

Keys are written in ordinary spelling; ``lookup`` compares them normalised.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing.ner.gazetteer import longest_entry, nisba_place
from briefing.ner.text import candidate_stems, normalize

GIVEN_NAMES = {
    "محمد": "Mohammed",
    "أحمد": "Ahmed",
    "محمود": "Mahmoud",
    "مصطفى": "Mustafa",
    "علي": "Ali",
    "حسن": "Hassan",
    "حسين": "Hussein",
    "عمر": "Omar",
    "عثمان": "Othman",
    "خالد": "Khaled",
    "عبدالله": "Abdullah",
    "عبد الله": "Abdullah",
    "عبدالرحمن": "Abdulrahman",
    "عبد الرحمن": "Abdulrahman",
    "عبدالعزيز": "Abdulaziz",
    "عبد العزيز": "Abdulaziz",
    "عبد المهدي": "Abdul Mahdi",
    "عبد": "Abd",
    "إبراهيم": "Ibrahim",
    "إسماعيل": "Ismail",
    "يوسف": "Youssef",
    "يحيى": "Yahya",
    "موسى": "Musa",
    "عيسى": "Issa",
    "سليمان": "Suleiman",
    "داود": "Dawood",
    "قيس": "Qais",
    "عمار": "Ammar",
    "عمرو": "Amr",
    "سعد": "Saad",
    "سعيد": "Said",
    "صالح": "Salih",
    "فالح": "Falih",
    "فلاح": "Falah",
    "صباح": "Sabah",
    "جعفر": "Jaafar",
    "حيدر": "Haider",
    "عادل": "Adel",
    "جواد": "Jawad",
    "هادي": "Hadi",
    "مهدي": "Mahdi",
    "نوري": "Nouri",
    "مقتدى": "Muqtada",
    "مسعود": "Masoud",
    "نيجيرفان": "Nechirvan",
    "برهم": "Barham",
    "فؤاد": "Fuad",
    "كاظم": "Kadhim",
    "حامد": "Hamed",
    "حميد": "Hamid",
    "رشيد": "Rashid",
    "جمال": "Jamal",
    "كمال": "Kamal",
    "طارق": "Tariq",
    "زياد": "Ziad",
    "وليد": "Walid",
    "سامي": "Sami",
    "سمير": "Samir",
    "ناصر": "Nasser",
    "منصور": "Mansour",
    "فيصل": "Faisal",
    "فهد": "Fahd",
    "سلمان": "Salman",
    "نايف": "Nayef",
    "بندر": "Bandar",
    "تركي": "Turki",
    "بشار": "Bashar",
    "حافظ": "Hafez",
    "رفيق": "Rafik",
    "نبيه": "Nabih",
    "نجيب": "Najib",
    "ميشال": "Michel",
    "جبران": "Gebran",
    "سعود": "Saud",
    "زايد": "Zayed",
    "تميم": "Tamim",
    "حمد": "Hamad",
    "عبدالفتاح": "Abdel Fattah",
    "عبد الفتاح": "Abdel Fattah",
    "هشام": "Hisham",
    "أسامة": "Osama",
    "أيمن": "Ayman",
    "ياسر": "Yasser",
    "رجب": "Recep",
    "طيب": "Tayyip",
    "قاسم": "Qasim",
    "قاصد": "Qasid",
    "صدام": "Saddam",
    "عزت": "Izzat",
    "هوشيار": "Hoshyar",
    "فائق": "Faiq",
    "مثنى": "Muthanna",
    "رائد": "Raed",
    "ماجد": "Majed",
    "مازن": "Mazen",
    "نزار": "Nizar",
    "هيثم": "Haitham",
    "وائل": "Wael",
    "بلال": "Bilal",
    "أنس": "Anas",
    "حمزة": "Hamza",
    "عباس": "Abbas",
    "جاسم": "Jassim",
    "كريم": "Karim",
    "رحيم": "Rahim",
    "نعيم": "Naim",
    "فاضل": "Fadhel",
    "عامر": "Amer",
    "فاطمة": "Fatima",
    "زينب": "Zainab",
    "مريم": "Maryam",
    "عائشة": "Aisha",
    "خديجة": "Khadija",
    "سارة": "Sara",
    "ليلى": "Layla",
    "نور": "Nour",
    "هدى": "Huda",
    "رانيا": "Rania",
    "جو": "Joe",
    "جون": "John",
    "جورج": "George",
    "دونالد": "Donald",
    "فلاديمير": "Vladimir",
    "سيرغي": "Sergei",
    "أنتوني": "Antony",
    "لويد": "Lloyd",
    "إيمانويل": "Emmanuel",
}


@dataclass(frozen=True)
class Title:
    """A role word or phrase; ``rank`` titles (``اللواء``) read before the name in English."""

    english: str
    takes_object: bool = False
    rank: bool = False


TITLES = {
    "رئيس الوزراء": Title("prime minister"),
    "رئيس الحكومة": Title("head of government"),
    "رئيس الجمهورية": Title("president"),
    "رئيس": Title("head", takes_object=True),
    "الرئيس": Title("President", rank=True),
    "أمين عام": Title("secretary-general", True),
    "الأمين العام": Title("secretary-general", True),
    "وزير الخارجية": Title("foreign minister"),
    "وزير الدفاع": Title("defence minister"),
    "وزير الداخلية": Title("interior minister"),
    "وزير المالية": Title("finance minister"),
    "وزير": Title("minister", True),
    "السفير": Title("ambassador"),
    "سفير": Title("ambassador", True),
    "المتحدث باسم": Title("spokesman for", True),
    "الناطق باسم": Title("spokesman for", True),
    "المتحدث الرسمي باسم": Title("official spokesman for", True),
    "المتحدث": Title("spokesman"),
    "الناطق": Title("spokesman"),
    "عضو": Title("member", True),
    "قائد": Title("commander", True),
    "القائد": Title("commander"),
    "زعيم": Title("leader", True),
    "الزعيم": Title("leader"),
    "مدير": Title("director", True),
    "المدير": Title("director"),
    "نائب": Title("deputy", True),
    "النائب": Title("MP"),
    "مستشار": Title("adviser", True),
    "المستشار": Title("adviser"),
    "رجل الدين": Title("cleric"),
    "السياسي": Title("politician"),
    "المحلل": Title("analyst"),
    "الخبير": Title("expert"),
    "الكاتب": Title("writer"),
    "الصحفي": Title("journalist"),
    "الباحث": Title("researcher"),
    "الأكاديمي": Title("academic"),
    "اللواء": Title("Major General", rank=True),
    "الفريق الركن": Title("Staff Lieutenant General", rank=True),
    "الفريق": Title("Lieutenant General", rank=True),
    "العميد": Title("Brigadier General", rank=True),
    "العقيد": Title("Colonel", rank=True),
    "النقيب": Title("Captain", rank=True),
    "الملازم": Title("Lieutenant", rank=True),
    "المشير": Title("Field Marshal", rank=True),
    "الشيخ": Title("Sheikh", rank=True),
    "السيد": Title("Sayyid", rank=True),
    "د": Title("Dr.", rank=True),
    "الدكتور": Title("Dr.", rank=True),
    "الملك": Title("King", rank=True),
    "الأمير": Title("Prince", rank=True),
    "ولي العهد": Title("Crown Prince", rank=True),
}
MAX_TITLE_WORDS = max(len(phrase.split()) for phrase in TITLES)


@dataclass(frozen=True)
class Word:
    """The English of a word of a name or role; adjectives follow their noun in Arabic."""

    english: str
    adjective: bool = False


WORDS = {
    "هيئة": Word("Commission"),
    "قوات": Word("Forces"),
    "الحشد": Word("Mobilization"),
    "الشعبي": Word("Popular", True),
    "التحالف": Word("Coalition"),
    "الدولي": Word("International", True),
    "مركز": Word("Center"),
    "دراسات": Word("Studies"),
    "الحرب": Word("War"),
    "لجنة": Word("Committee"),
    "الأمن": Word("Security"),
    "الدفاع": Word("Defence"),
    "البرلمانية": Word("Parliamentary", True),
    "البرلماني": Word("Parliamentary", True),
    "الجيش": Word("Army"),
    "جيش": Word("Army"),
    "وزارة": Word("Ministry"),
    "الخارجية": Word("Foreign Affairs"),
    "الداخلية": Word("Interior"),
    "المالية": Word("Finance"),
    "مجلس": Word("Council"),
    "النواب": Word("Representatives"),
    "حزب": Word("Party"),
    "حركة": Word("Movement"),
    "منظمة": Word("Organization"),
    "الأمم": Word("Nations"),
    "المتحدة": Word("United", True),
    "جامعة": Word("League"),
    "الدول": Word("States"),
    "العربية": Word("Arab", True),
    "العربي": Word("Arab", True),
    "الاتحاد": Word("Union"),
    "البرلمان": Word("Parliament"),
    "الحكومة": Word("Government"),
    "الحرس": Word("Guard"),
    "الثوري": Word("Revolutionary", True),
    "الإسلامي": Word("Islamic", True),
    "الإسلامية": Word("Islamic", True),
    "الوطني": Word("National", True),
    "الوطنية": Word("National", True),
    "المقاومة": Word("Resistance"),
    "الشرطة": Word("Police"),
    "المحكمة": Word("Court"),
    "العليا": Word("Supreme", True),
    "الاتحادية": Word("Federal", True),
    "البنك": Word("Bank"),
    "المركزي": Word("Central", True),
    "وكالة": Word("Agency"),
    "الأنباء": Word("News"),
    "شركة": Word("Company"),
    "معهد": Word("Institute"),
    "الجمهورية": Word("Republic"),
    "الديمقراطي": Word("Democratic", True),
    "الشيوعي": Word("Communist", True),
    "حقوق": Word("Rights"),
    "الإنسان": Word("Human", True),
    "الاستخبارات": Word("Intelligence"),
    "المخابرات": Word("Intelligence"),
    "الأركان": Word("Staff"),
    "العامة": Word("General", True),
    "العام": Word("General", True),
    "المسلحة": Word("Armed", True),
    "الخاصة": Word("Special", True),
    "مكافحة": Word("Counter"),
    "الإرهاب": Word("Terrorism"),
    "الطاقة": Word("Energy"),
    "الذرية": Word("Atomic", True),
    "النفط": Word("Oil"),
    "الوزراء": Word("Ministers"),
    "الدين": Word("religion"),
    "السياسي": Word("political", True),
    "الأمنية": Word("Security", True),
    "العسكرية": Word("Military", True),
    "العسكري": Word("Military", True),
    "الرسمي": Word("official", True),
    "الشعب": Word("People"),
    "السلام": Word("Peace"),
    "الحوثي": Word("Houthi", True),
    "الحوثيين": Word("Houthis"),
    "الكردستاني": Word("Kurdistan", True),
    "السوفييتي": Word("Soviet", True),
    "السوفيتي": Word("Soviet", True),
}

NATIONALITIES = {
    "العراقي": "Iraqi",
    "الروسي": "Russian",
    "الأمريكي": "American",
    "الأميركي": "American",
    "الإيراني": "Iranian",
    "السوري": "Syrian",
    "الأردني": "Jordanian",
    "التركي": "Turkish",
    "السعودي": "Saudi",
    "المصري": "Egyptian",
    "اللبناني": "Lebanese",
    "الفلسطيني": "Palestinian",
    "الإسرائيلي": "Israeli",
    "الكويتي": "Kuwaiti",
    "القطري": "Qatari",
    "الإماراتي": "Emirati",
    "اليمني": "Yemeni",
    "الليبي": "Libyan",
    "التونسي": "Tunisian",
    "الجزائري": "Algerian",
    "المغربي": "Moroccan",
    "البريطاني": "British",
    "الفرنسي": "French",
    "الألماني": "German",
    "الصيني": "Chinese",
    "الأوروبي": "European",
    "الغربي": "Western",
    "الخليجي": "Gulf",
    "الكردي": "Kurdish",
    "الأفغاني": "Afghan",
    "الباكستاني": "Pakistani",
    "الهندي": "Indian",
    "الياباني": "Japanese",
    "الأوكراني": "Ukrainian",
    "البحريني": "Bahraini",
    "العماني": "Omani",
    "السوداني": "Sudanese",
}


# The Arabic press's names for them, with each body's own English name.
KNOWN_BODIES = {
    "مركز دراسات الحرب": "Institute for the Study of War",
    "معهد دراسة الحرب": "Institute for the Study of War",
    "حلف شمال الأطلسي": "NATO",
    "حلف الناتو": "NATO",
    "الناتو": "NATO",
    "جامعة الدول العربية": "Arab League",
    "الجامعة العربية": "Arab League",
    "مجلس الأمن الدولي": "UN Security Council",
    "منظمة الصحة العالمية": "World Health Organization",
    "منظمة التجارة العالمية": "World Trade Organization",
    "صندوق النقد الدولي": "International Monetary Fund",
    "البنك الدولي": "World Bank",
    "الوكالة الدولية للطاقة الذرية": "International Atomic Energy Agency",
    "منظمة العفو الدولية": "Amnesty International",
    "هيومن رايتس ووتش": "Human Rights Watch",
    "اللجنة الدولية للصليب الأحمر": "International Committee of the Red Cross",
    "الصليب الأحمر": "Red Cross",
    "الهلال الأحمر": "Red Crescent",
    "المحكمة الجنائية الدولية": "International Criminal Court",
    "محكمة العدل الدولية": "International Court of Justice",
    "منظمة التعاون الإسلامي": "Organisation of Islamic Cooperation",
    "مجلس التعاون الخليجي": "Gulf Cooperation Council",
    "مجلس التعاون لدول الخليج العربية": "Gulf Cooperation Council",
    "الاتحاد الأفريقي": "African Union",
    "الاتحاد الإفريقي": "African Union",
    "منظمة أوبك": "OPEC",
    "أوبك": "OPEC",
    "اليونسكو": "UNESCO",
    "اليونيسف": "UNICEF",
    "وكالة المخابرات المركزية الأمريكية": "CIA",
    "وكالة المخابرات المركزية": "CIA",
    "مكتب التحقيقات الفيدرالي": "FBI",
    "حزب الله": "Hezbollah",
    "حركة حماس": "Hamas",
    "حماس": "Hamas",
    "حركة فتح": "Fatah",
    "تنظيم القاعدة": "al-Qaeda",
    "تنظيم الدولة الإسلامية": "Islamic State",
    "تنظيم الدولة": "Islamic State",
    "داعش": "Islamic State",
    "عصائب أهل الحق": "Asa'ib Ahl al-Haq",
    "كتائب حزب الله": "Kata'ib Hezbollah",
    "هيئة تحرير الشام": "Hayat Tahrir al-Sham",
    "جبهة النصرة": "al-Nusra Front",
    "أنصار الله": "Ansar Allah",
    # The United Nations' bodies and other international organisations
    "الجمعية العامة للأمم المتحدة": "UN General Assembly",
    "مفوضية الأمم المتحدة لشؤون اللاجئين": "UNHCR",
    "المفوضية السامية للأمم المتحدة لشؤون اللاجئين": "UNHCR",
    "الأونروا": "UNRWA",
    "برنامج الأغذية العالمي": "World Food Programme",
    "منظمة الأغذية والزراعة": "Food and Agriculture Organization",
    "منظمة العمل الدولية": "International Labour Organization",
    "الوكالة الذرية": "International Atomic Energy Agency",
    "وكالة الطاقة الدولية": "International Energy Agency",
    "الوكالة الدولية للطاقة": "International Energy Agency",
    "البنك العالمي": "World Bank",
    "صندوق النقد": "International Monetary Fund",
    "حلف شمال الأطلنطي": "NATO",
    "حلف الأطلسي": "NATO",
    "منظمة المؤتمر الإسلامي": "Organisation of the Islamic Conference",
    "منظمة الأمن والتعاون في أوروبا": "OSCE",
    "البرلمان الأوروبي": "European Parliament",
    "المفوضية الأوروبية": "European Commission",
    "البنك المركزي الأوروبي": "European Central Bank",
    "رابطة دول جنوب شرق آسيا": "ASEAN",
    "آسيان": "ASEAN",
    "منظمة شنغهاي للتعاون": "Shanghai Cooperation Organisation",
    "الكوميسا": "COMESA",
    "منظمة الدول الأمريكية": "Organization of American States",
    "الاتحاد الدولي لكرة القدم": "FIFA",
    "الفيفا": "FIFA",
    "اللجنة الأولمبية الدولية": "International Olympic Committee",
    "أطباء بلا حدود": "Doctors Without Borders",
    "مراسلون بلا حدود": "Reporters Without Borders",
    # Legislatures and agencies known by a name of their own
    "الكونغرس": "Congress",
    "الكونجرس": "Congress",
    "الكنيست": "Knesset",
    "البنتاغون": "Pentagon",
    "البنتاجون": "Pentagon",
    "مكتب التحقيقات الفدرالي": "FBI",
    "مكتب التحقيقات الاتحادي": "FBI",
    "وكالة المخابرات المركزية الأميركية": "CIA",
    "وكالة الأمن القومي": "National Security Agency",
    "ناسا": "NASA",
    "الموساد": "Mossad",
    "الاحتياطي الفيدرالي": "Federal Reserve",
    "مجلس الاحتياطي الفيدرالي": "Federal Reserve",
    # News outlets
    "بي بي سي": "BBC",
    "هيئة الإذاعة البريطانية": "BBC",
    "سي إن إن": "CNN",
    "رويترز": "Reuters",
    "فرانس برس": "AFP",
    "أسوشيتد برس": "Associated Press",
    "أسوشييتد برس": "Associated Press",
    "نيويورك تايمز": "The New York Times",
    "واشنطن بوست": "The Washington Post",
    "وول ستريت جورنال": "The Wall Street Journal",
    "فايننشال تايمز": "Financial Times",
    "الغارديان": "The Guardian",
    "الجارديان": "The Guardian",
    "هآرتس": "Haaretz",
    "يديعوت أحرونوت": "Yedioth Ahronoth",
    "يديعوت أحرنوت": "Yedioth Ahronoth",
    "قناة الجزيرة": "Al Jazeera",
    # Companies
    "مايكروسوفت": "Microsoft",
    "جوجل": "Google",
    "غوغل": "Google",
    "فيسبوك": "Facebook",
    "تويتر": "Twitter",
    "يوتيوب": "YouTube",
    "ياهو": "Yahoo",
    "نوكيا": "Nokia",
    "سامسونغ": "Samsung",
    "سامسونج": "Samsung",
    "هواوي": "Huawei",
    "سوني": "Sony",
    "إنتل": "Intel",
    "تويوتا": "Toyota",
    "فولكس فاغن": "Volkswagen",
    "جنرال موتورز": "General Motors",
    "فيراري": "Ferrari",
    "بوينغ": "Boeing",
    "بوينج": "Boeing",
    "إيرباص": "Airbus",
    "أرامكو": "Aramco",
    "غازبروم": "Gazprom",
    "إكسون موبيل": "ExxonMobil",
    # Parties and armed groups
    "طالبان": "Taliban",
    "حركة طالبان": "Taliban",
    "جماعة الإخوان المسلمين": "Muslim Brotherhood",
    "الإخوان المسلمين": "Muslim Brotherhood",
    "الإخوان المسلمون": "Muslim Brotherhood",
    "بوكو حرام": "Boko Haram",
    "جبهة النصرة": "al-Nusra Front",
    "هيئة تحرير الشام": "Hayat Tahrir al-Sham",
    "حزب العمال الكردستاني": "Kurdistan Workers' Party",
    "حركة الجهاد الإسلامي": "Islamic Jihad",
    "الحرس الثوري": "Islamic Revolutionary Guard Corps",
    "الحزب الجمهوري": "Republican Party",
    "الحزب الديمقراطي": "Democratic Party",
    "حزب العمال": "Labour Party",
    "حزب المحافظين": "Conservative Party",
}
_MAX_BODY_WORDS = max(len(name.split()) for name in KNOWN_BODIES)
# Bodies whose one-word name is also a common word, found only by the tagger: حماس is also
# "enthusiasm" (``بحماس``, enthusiastically).
BODY_WORD_SENSES = frozenset({normalize("حماس")})


def _feminine_to_masculine(word: str) -> str:
    """``العراقيه`` -> ``العراقي``: nationality and nisba adjectives agree in gender."""
    return word[:-1] if word.endswith("يه") else word


@lru_cache(maxsize=1)
def _normalised_tables():
    return (
        {normalize(k): v for k, v in GIVEN_NAMES.items()},
        {tuple(normalize(k).split()): v for k, v in TITLES.items()},
        {normalize(k): v for k, v in WORDS.items()},
        {normalize(k): v for k, v in NATIONALITIES.items()},
        {tuple(normalize(k).split()): v for k, v in KNOWN_BODIES.items()},
    )


def given_name(word: str) -> str | None:
    """The English of a given name (normalised Arabic, one or two words), or None."""
    return _normalised_tables()[0].get(word)


def title_at(words: list[str], start: int) -> tuple[Title, int] | None:
    """The longest title starting at ``words[start]`` and its length in words.

    ``words`` are normalised; the first may carry clitics (``ورئيس``).
    """
    titles = _normalised_tables()[1]
    for length in range(min(MAX_TITLE_WORDS, len(words) - start), 0, -1):
        rest = tuple(words[start + 1 : start + length])
        for first in candidate_stems(words[start]):
            title = titles.get((first,) + rest)
            if title is not None:
                return title, length
    return None


def title_coverage(words: list[str]) -> list[bool]:
    """For each normalised word, whether it is part of a title (``رئيس الوزراء``, ``اللواء``)."""
    covered = [False] * len(words)
    for i in range(len(words)):
        found = title_at(words, i)
        if found is not None:
            covered[i : i + found[1]] = [True] * found[1]
    return covered


def word_gloss(word: str) -> Word | None:
    """The English of an organisation or role word (normalised), or None."""
    return _normalised_tables()[2].get(word)


def known_body(words: tuple[str, ...]) -> str | None:
    """The English name of a well-known organisation (normalised words), or None."""
    return _normalised_tables()[4].get(words)


def match_known_body(words: list[str], start: int) -> int:
    """How many words of ``words`` (normalised) from ``start`` name a well-known organisation,
    its first word with clitics (``وللكونغرس``); 0 where none does. Names the training text
    never had (``جوجل``, ``الكوميسا``) are what the tagger misses most among bodies."""
    table = _normalised_tables()[4]
    match = longest_entry(table, words, start, _MAX_BODY_WORDS, BODY_WORD_SENSES)
    return 0 if match is None else match[1]


def nationality(word: str) -> str | None:
    """The English of a nationality adjective, masculine or feminine (normalised)."""
    table = _normalised_tables()[3]
    return table.get(word) or table.get(_feminine_to_masculine(word))


def is_nationality(word: str) -> bool:
    """Whether a normalised word is a nationality adjective, with or without its English."""
    return nationality(word) is not None or nisba_place(word) is not None
