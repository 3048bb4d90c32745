"""Finding the names in one paragraph: the CRF, the place gazetteer and title patterns together.

Each source sees what the others miss: the CRF generalises to unseen names but stops short of
long organisation names, the gazetteer knows every country (``بالأردن``) whatever its context,
and patterns read the structure news uses to introduce people and bodies (``رئيس هيئة الحشد
الشعبي فالح الفياض``: a title, the body it heads, then the person). Where they overlap, the
longest name wins, then the more specific source.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.extract.dates_lexicon import LEXICON, Kind, fold
from briefing.ner.dictionary import dictionary_reading
from briefing.ner.gazetteer import Place, known_place, match_city, match_place, place_index
from briefing.ner.lexicon import (
    given_name,
    is_nationality,
    BODY_WORD_SENSES,
    known_body,
    match_known_body,
    title_at,
    word_gloss,
)
from briefing.ner.person_names import person_name_words
from briefing.ner.scoring import entity_spans
from briefing.ner.tagger import Tagger
from briefing.ner.text import (
    Token,
    candidate_stems,
    has_arabic_letter,
    normalize,
    offset_after_letters,
    split_proclitics,
    tokenize,
)

TYPES = {"PERS": "person", "ORG": "organization", "LOC": "location"}

# Nouns that open an organisation's name when a described body follows (``قوات الحشد الشعبي``,
# ``لجنة الأمن والدفاع``); the definite ones open it on their own (``التحالف الدولي``).
ORG_HEADS = frozenset(
    normalize(word)
    for word in (
        "قوات",
        "هيئة",
        "مركز",
        "لجنة",
        "وزارة",
        "مجلس",
        "حزب",
        "حركة",
        "منظمة",
        "معهد",
        "وكالة",
        "جامعة",
        "شركة",
        "جيش",
        "التحالف",
        "الجيش",
        "الاتحاد",
        "الحرس",
        "البنك",
    )
)
# Heads that ANERcorp tags as part of the name after them (most of their occurrences in its
# training text: ``جامعة`` 28 of 35, ``حزب`` 75 of 78, ``منظمة`` 12 of 17, ``معهد`` 5 of 5).
_NAMING_HEADS = frozenset(normalize(word) for word in ("جامعة", "حزب", "منظمة", "معهد"))
# Heads and the words that, with nationality adjectives, describe a branch of a state.
_STATE_HEADS = frozenset(normalize(word) for word in ("وزارة", "الجيش", "جيش", "قوات", "مجلس", "وكالة"))
_STATE_BRANCHES = frozenset(
    normalize(word)
    for word in (
        "الخارجية",
        "الداخلية",
        "المالية",
        "الدفاع",
        "الطاقة",
        "النفط",
        "الوزراء",
        "النواب",
        "الحكومة",
        "الشرطة",
        "الجيش",
        "الأنباء",
        "قوات",
        "وزارة",
    )
)
# Letters a name can carry in front of it without being part of it: and, so, with/in, for, like.
_PARTICLES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_SOURCE_RANK = {
    "organisation pattern": 3,
    "title pattern": 3,
    "dateline": 3,
    "gazetteer": 2,
    "known body": 2,
    "model": 1,
}
_MAX_ORG_WORDS = 7
_MAX_PERSON_WORDS = 3
# ``عبد`` is never a name alone: the word after it (``الإله``, ``الله``, ``الرحمن``) is part of
# the given name, however frequent or ordinary that word is.
_BOUND_TO_NEXT = frozenset({normalize("عبد")})
# Particles of European surnames (van, von, de, da, du), never an Arabic name's.
SURNAME_PARTICLES = frozenset(normalize(w) for w in ("فان", "فون", "دي", "دا", "دو"))
# Words inside a role that are neither titles nor names: "to" (ambassador to), "on behalf of".
ROLE_LINKS = frozenset({"لدي", "باسم"})
# Words saying what kind of body the name after them is: with the name in quotes (``مصرف
# «الراجحي»``; quoted after another noun, a name is a product's or a book's as often as a
# body's), and company, newspaper and magazine without.
_QUOTED_NAME_KINDS = frozenset(
    normalize(w)
    for w in "شركة صحيفة مجلة مؤسسة موقع مصرف بنك وكالة قناة شبكة مجموعة جامعة".split()
)
_NAME_KINDS = frozenset(normalize(w) for w in ("شركة", "صحيفة", "مجلة"))
_DATELINE_CLOSERS = {"-": frozenset({"-", ":"}), "–": frozenset({"–", ":"}), "(": frozenset({")"})}
_DATELINE_OPENERS = frozenset(_DATELINE_CLOSERS)
_AFTER_BRACKETS = [["-"], ["–"], [":"]]
# Datelines that name no one: "agencies", "our correspondent", "exclusive".
_UNNAMED_SOURCES = frozenset(normalize(w) for w in ("وكالات", "الوكالات", "مراسلنا", "خاص"))
_TEAM = normalize("فريق")
_MOVEMENT_HEADS = frozenset({normalize("حركة")})
# Prepositions written as words: a body named between a title and a name never holds one.
_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "مع", "عن", "إلى", "من", "منذ", "حول", "ضد"))
# Particles split off a word before it is looked up as an ordinary word: others read too much
# into names (``بوش``, Bush, is not ب + ``وش``).
_PLAIN_CLITICS = frozenset({"و", "ال", "وال"})
# Currencies, which the CRF takes for places (``شيكل``; ANERcorp tags them MISC): never an
# actor. Not ريال (Real Madrid), يوان and ين (Chinese names).
_CURRENCIES = frozenset(
    normalize(w)
    for w in "شيكل شيكلا درهم دينار ليرة جنيه يورو دولار روبل روبية فرنك".split()
)
# A minister's object is a portfolio (``وزير الشؤون الإسلامية والأوقاف``), never a body.
_PORTFOLIO_TITLES = frozenset(normalize(w) for w in ("وزير", "وزيرة"))
_CLUB_HEADS = frozenset({normalize("نادي"), normalize("النادي"), _TEAM})
_OPENING_QUOTES = frozenset('"«“')
_CLOSING_QUOTES = frozenset('"»”')
ABBREVIATED_TITLES = frozenset({"د"})  # د. = Dr.
_TANWEEN_FATH = "\u064b"
_ALA = "على"
_ALEF_MAQSURA = "ى"
# The CRF's names whose least sure token (marginal probability of its tag) is below this are
# left out. Chosen on the dev sentences with a dev model (whole pipeline, micro P/R/F1): 0.5
# 0.848/0.773/0.809, 0.6 0.862/0.761/0.809, 0.65 0.866/0.759/0.809, 0.7 0.877/0.758/0.813,
# 0.75 0.884/0.752/0.813, 0.8 0.889/0.745/0.811, 0.9 0.889/0.725/0.799 (with the model before
# the name-word feature 0.6 had been the best): precision a reader can trust, at little cost.
MIN_CONFIDENCE = 0.7


@dataclass
class Found:
    """A name in a paragraph: its type, its tokens and its exact text without leading clitics."""

    type: str
    first: int
    last: int  # one past the last token
    start: int
    end: int
    text: str
    words: tuple[str, ...]  # normalised, leading clitics removed
    source: str
    place: Place | None = None


def _particle_prefix(word: str, core: str) -> bool:
    """Whether ``word`` is ``core`` with nothing but particles before it (``وقوات`` for ``قوات``)."""
    return word.endswith(core) and word[: len(word) - len(core)] in _PARTICLES


def _is_date_word(word: str) -> bool:
    return any(
        entry.kind in (Kind.MONTH, Kind.WEEKDAY)
        for reading in candidate_stems(word)
        for entry in LEXICON.get(fold(reading), [])
    )


def describes(word: str) -> bool:
    """Whether a word can continue an organisation's name: a known name word or a nationality."""
    for reading in candidate_stems(word)[:3]:
        if word_gloss(reading) or is_nationality(reading):
            return True
    return False


def _state_branch(words: list[str]) -> bool:
    """``وزارة الخارجية``, ``الجيش الإسرائيلي``, ``مجلس الوزراء``: a branch of a state named by
    what it does and whose it is. News names it in passing, and ANERcorp never tags it as a
    name (``وزارة``, ``الجيش`` and ``قوات`` open no tagged name in its training text)."""
    if not any(_particle_prefix(words[0], head) for head in _STATE_HEADS):
        return False
    return all(
        is_nationality(word) or any(_particle_prefix(word, branch) for branch in _STATE_BRANCHES)
        for word in words[1:]
    )


def _org_patterns(words: list[str]) -> list[tuple[str, int, int]]:
    """``ORG_HEAD`` + described words: ``قوات الحشد الشعبي``, ``لجنة الأمن والدفاع البرلمانية``;
    not a branch of a state (``وزارة الخارجية الأمريكية``)."""
    found = []
    for i, word in enumerate(words):
        if not any(_particle_prefix(word, head) for head in ORG_HEADS):
            continue
        j = i + 1
        while j < len(words) and j - i < _MAX_ORG_WORDS and describes(words[j]):
            j += 1
        if j - i >= 2 and not _state_branch(words[i:j]) and not _names_a_body(words, i + 1, j):
            found.append(("ORG", i, j))
    return found


def _names_a_body(words: list[str], start: int, end: int) -> bool:
    """Whether ``words[start:end]`` is a body of its own (``قوات [الأمم المتحدة]``, ``لجنة [الأمم
    المتحدة]``): ANERcorp tags that body, not the head before it."""
    place = match_place(words, start)
    if place is not None and place[0].kind == "body" and place[1] == end - start:
        return True
    return match_known_body(words, start) == end - start


def _heads_before_names(
    words: list[str], names: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """A name after a head that is part of a body's name (``جامعة`` + ``آستون``, ``حزب`` +
    ``المحافظين``): the body, head included, as ANERcorp tags it."""
    return [
        ("ORG", first - 1, last)
        for _, first, last in names
        if first > 0 and any(_particle_prefix(words[first - 1], h) for h in _NAMING_HEADS)
    ]


def _bodies_after_titles(
    words: list[str], model_spans: list[tuple[str, int, int]], common: frozenset[str]
) -> list[tuple[str, int, int]]:
    """A body named between a title and a person: ``أمين عام [حزب الطاشناق] هاكوب بقرادونيان``.

    The gap between a title that takes an object (head *of*, secretary-general *of*) and the
    name the model found after it (or a rank: ``المتحدث باسم [الجيش العراقي] اللواء``) is the
    body, less trailing nationality adjectives unless a bare head would be left.
    """
    person_starts = {first for kind, first, _ in model_spans if kind == "PERS"}
    person_starts |= {
        i
        for i in range(len(words) - 1)
        if given_name(words[i]) and _looks_like_name_word(words[i + 1], common, True)
    }
    found = []
    for i in range(len(words)):
        title = title_at(words, i)
        if title is None or not title[0].takes_object or _PORTFOLIO_TITLES & set(
            candidate_stems(words[i])
        ):
            continue
        gap_start = i + title[1]
        gap_end = gap_start
        while (
            gap_end < min(gap_start + _MAX_ORG_WORDS, len(words)) and gap_end not in person_starts
        ):
            if (
                not _is_word(words[gap_end])
                or title_at(words, gap_end)
                or words[gap_end] in ROLE_LINKS  # "سفير طالبان لدى باكستان": where, no body
                or words[gap_end] in _PREPOSITIONS  # "فريق الدفاع عن": a clause, no body
            ):
                break
            gap_end += 1
        if gap_end not in person_starts and not title_at(words, gap_end):
            continue
        body_end = gap_end
        while body_end > gap_start and is_nationality(words[body_end - 1]):
            body_end -= 1
        if body_end - gap_start > 1 or words[gap_start] not in _STATE_HEADS:
            gap_end = body_end  # ``الجيش العراقي`` keeps its adjective: ``الجيش`` names nothing
        if gap_end > gap_start and title_at(words, gap_start) is None:
            if _unnamed_body(words[gap_start:gap_end]):
                continue
            found.append(("ORG", gap_start, gap_end))
    return found


def _bodies_after_kind_words(words: list[str], common: frozenset[str]) -> list[tuple[str, int, int]]:
    """The name after a word saying what kind of body it is: ``شركة «آلمو»``, ``صحيفة لوموند``.

    ANERcorp tags the name without the kind word. A quoted name is taken whole (up to
    ``_MAX_ORG_WORDS`` words); an unquoted one is the rare, non-dictionary words right after
    it. In the training text (less the dev and held-out parts) this reads 24 of 25 quoted
    names and 7 of 7 unquoted ones as their gold ORG names; on the dev sentences the whole
    pipeline's F1 went from 0.802 to 0.804. Banks, agencies, channels, networks, groups and
    universities before a quoted name added 4 right names and no wrong one over the five
    pooled blocks (micro F1 0.7676 -> 0.7679).
    """
    found = []
    for i, word in enumerate(words[:-1]):
        head = word if word in _QUOTED_NAME_KINDS else split_proclitics(word)[1]  # وكالة
        if head in _QUOTED_NAME_KINDS and words[i + 1] in _OPENING_QUOTES:
            end = next(
                (k for k in range(i + 2, min(i + 3 + _MAX_ORG_WORDS, len(words)))
                 if words[k] in _CLOSING_QUOTES),
                None,
            )
            if end is not None and end > i + 2:
                found.append(("ORG", i + 2, end))
        elif head in _NAME_KINDS:
            end = i + 1
            while (
                end < len(words)
                and end - i <= _MAX_PERSON_WORDS
                and not given_name(words[end])
                and _looks_like_name_word(words[end], common, after_given_name=False)
            ):
                end += 1
            if end > i + 1:
                found.append(("ORG", i + 1, end))
    return found


def _clubs(words: list[str]) -> list[tuple[str, int, int]]:
    """The club or team after ``نادي`` / ``النادي`` / ``فريق``: ``نادي الظفرة``, ``النادي الأهلي``,
    ``فريق ميلان``, ``نادي مانشستر يونايتد``. ANERcorp tags the name without the head (in its
    training text 9 of 15 names after ``نادي``). The name is a city (clubs are named after
    theirs) or a word of no dictionary, or, after ``نادي``, a definite word that is not a
    nationality (``النادي الإسباني`` is "the Spanish club"); ``فريق العمل`` is a team of workers.
    More rare words may follow (``يونايتد``)."""
    found = []
    for i, word in enumerate(words[:-1]):
        head = next((h for h in _CLUB_HEADS if _particle_prefix(word, h)), None)
        if head is None:
            continue
        end = i + 1
        while end < len(words) and end - i <= _MAX_PERSON_WORDS:
            name = words[end]
            definite_name = head != _TEAM and end == i + 1 and name.startswith("ال")
            if (
                not _is_word(name)
                or is_nationality(name)
                or _is_date_word(name)
                or not (
                    (definite_name and len(name) > 4)
                    or dictionary_reading(split_proclitics(name)[1]) is None
                    or (end == i + 1 and known_place((name,)) is not None)
                )
            ):
                break
            end += 1
        if end > i + 1:
            found.append(("ORG", i + 1, end))
    return found


def _datelines(words: list[str]) -> list[tuple[str, int, int]]:
    """A dateline's place and its agency or newspaper: ``الدوحة - قنا :``, ``القاهرة ( رويترز )
    -``: a place (any city GeoNames knows, in this position), then one or two words between a
    dash or brackets and a colon, dash or closing bracket."""
    found = []
    for start in range(len(words)):
        place = match_place(words, start) or match_city(words, start)
        if place is None:
            continue
        opening = start + place[1]
        if opening >= len(words) or words[opening] not in _DATELINE_OPENERS:
            continue
        closers = _DATELINE_CLOSERS[words[opening]]
        end = next(
            (k for k in range(opening + 2, min(opening + 4, len(words))) if words[k] in closers),
            None,
        )
        bracketed = words[opening] == "("
        if end is None or (bracketed and words[end + 1 : end + 2] not in _AFTER_BRACKETS):
            continue  # ``السودان ( انميس )``: a mission's acronym after its place, no dateline
        source = words[opening + 1 : end]
        if all(_is_word(word) and not is_nationality(word) for word in source) and not (
            set(source) & _UNNAMED_SOURCES
        ):
            found += [("LOC", start, opening), ("ORG", opening + 1, end)]
    return found


def _unnamed_body(words: list[str]) -> bool:
    """A body referred to, not named: a branch of a state not saying whose (``رئيس مجلس
    النواب``; ``الجيش العراقي`` names one) or ordinary words only (``رئيس المجلس``, ``رئيس مجلس
    الإدارة``, ``قائد القيادة الوسطى``). ANERcorp tags neither. Pooled over five blocks, each
    judged with a model trained without it, the title bodies' right/wrong went 23/43 -> 6/20
    (the right ones mostly found by other sources) and micro F1 0.763 -> 0.765. A well-known
    body made of words (``عصائب أهل الحق``) is in ``KNOWN_BODIES``."""
    if _state_branch(words) and not any(is_nationality(word) for word in words[1:]):
        return True
    return all(
        not is_nationality(word) and dictionary_reading(split_proclitics(word)[1]) is not None
        for word in words
    )


def _persons_after_titles(
    words: list[str], common: frozenset[str], known: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The name after a role the CRF did not see: ``السفير الروسي لدى العراق [إلبروس كوتراشيف]``.

    From a title, the role runs over titles, nationality adjectives, organisation words and
    known names; a person follows if the next words are rare (not among the training text's
    frequent words) or given names. Up to three words are taken, as in most news references.
    """
    name_ends = {first: last for _, first, last in known}
    person_starts = {first for kind, first, _ in known if kind == "PERS"}
    found = []
    i = 0
    while i < len(words):
        if title_at(words, i) is None:
            i += 1
            continue
        j = i
        while j < len(words):
            title = title_at(words, j)
            if title is not None:
                j += title[1]
            elif j in name_ends and j not in person_starts:
                j = name_ends[j]
            elif (
                describes(words[j])
                or words[j] in ROLE_LINKS
                or (words[j] == "." and words[j - 1] in ABBREVIATED_TITLES)
            ):
                j += 1
            else:
                break
        k = j
        while (
            k < len(words)
            and k - j < _MAX_PERSON_WORDS
            and (
                (k > j and words[k - 1] in _BOUND_TO_NEXT and _is_word(words[k]))
                or _looks_like_name_word(words[k], common, _after_given_name(words, j, k))
            )
        ):
            k += 1
        if k > j and j not in person_starts:
            found.append(("PERS", j, k))
        i = max(k, i + 1)
    return found


def _after_given_name(words: list[str], first: int, index: int) -> bool:
    """Whether ``words[index]`` follows a given name that starts at or after ``first``:
    one word (``فالح``) or ``عبد`` and the word after it (``عبد الإله``)."""
    if index > first and given_name(words[index - 1]) is not None:
        return True
    return index - 2 >= first and words[index - 2] in _BOUND_TO_NEXT


def _looks_like_name_word(word: str, common: frozenset[str], after_given_name: bool) -> bool:
    """A given name, or a word not frequent in the training text and, unless a given name comes
    before it (``فالح الفياض``), not an ordinary word of the dictionary (``الليلة``, tonight)."""
    if not _is_word(word) or _is_date_word(word) or is_nationality(word) or word in ROLE_LINKS:
        return False
    stem = split_proclitics(word)[1]
    if given_name(word) is not None:
        return True
    return stem not in common and (after_given_name or dictionary_reading(stem) is None)


def _place_matches(words: list[str]) -> list[tuple[str, int, int]]:
    found = []
    i = 0
    while i < len(words):
        match = match_place(words, i)
        if match is None:
            i += 1
            continue
        found.append(("ORG" if match[0].kind == "body" else "LOC", i, i + match[1]))
        i += match[1]
    return found


def _known_bodies(words: list[str]) -> list[tuple[str, int, int]]:
    """Well-known organisations, except a maker's name before a number: ``بوينج 757`` is a
    plane. A movement's name is taken without its head, as ANERcorp tags it: ``حركة [طالبان]``,
    ``حركة [حماس]`` (which alone is also "enthusiasm")."""
    found = []
    i = 0
    while i < len(words):
        length = match_known_body(words, i)
        model_number = i + length < len(words) and words[i + length][:1].isdigit()
        if length and not model_number:
            name = tuple(words[i + 1 : i + length])
            headed = split_proclitics(words[i])[1] in _MOVEMENT_HEADS and (
                known_body(name) or set(name) <= BODY_WORD_SENSES
            )
            found.append(("ORG", i + 1 if headed and name else i, i + length))
        i += length or 1
    return found


def _model_spans(
    tagger: Tagger, tokens: list[Token], words: list[str], sentences: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """The CRF's PERS/ORG/LOC names it is sure enough of; the paragraph's sentences are tagged
    as one story."""
    spans = []
    groups = [
        [i for i, token in enumerate(tokens) if start <= token.start and token.end <= end]
        for start, end in sentences
    ]
    groups = [indices for indices in groups if indices]
    story = tagger.tag_story_with_confidence(
        [[tokens[i].text for i in indices] for indices in groups]
    )
    for indices, (tags, confidence) in zip(groups, story):
        for kind, first, last in entity_spans(tags):
            if kind in TYPES and min(confidence[first:last]) >= MIN_CONFIDENCE:
                spans.append((kind, indices[first], indices[last - 1] + 1))
    common, seen = tagger.common_words, tagger.name_stems
    return [
        _tidy(span, tokens, words, common)
        for span in spans
        if _is_word(words[span[1]]) and not _ordinary_person(span, words, seen)
    ]


def _ordinary_person(span: tuple[str, int, int], words: list[str], seen: frozenset[str]) -> bool:
    """A "person" made of dictionary words only, none of them a word of people's names nor seen
    in a name in the training text (``حزام بركاني``, ``وخبز الشعير``): a slip of the CRF.
    Pooled over five ANERcorp blocks, each judged with a model trained without it, the CRF's
    right/wrong names went 1991/676 -> 1987/635 and micro F1 0.765 -> 0.768. Without the
    training text's names (``انان``, Annan, is a word) and with a particle other than و or the
    article split off (``بوش`` read as ب + ``وش``), it dropped far more right names (0.763)."""
    kind, first, last = span
    return kind == "PERS" and all(_ordinary_word(word, seen) for word in words[first:last])


def _ordinary_word(word: str, seen: frozenset[str]) -> bool:
    clitics, stem = split_proclitics(word)
    names = person_name_words()
    if given_name(word) or stem in seen or stem in names or word in names:
        return False
    if dictionary_reading(word) == "exact":
        return True
    return clitics in _PLAIN_CLITICS and dictionary_reading(stem) == "exact"


def _is_word(word: str) -> bool:
    return any(ch.isalpha() for ch in word)


def _nisba(word: str) -> bool:
    """``السوداني``, ``الخزعلي``: a definite word ending in the nisba ``ي``, typical of surnames."""
    return (
        word.startswith("ال") and word.endswith("ي") and len(word) > 4 and not _is_date_word(word)
    )


def _tidy(
    span: tuple[str, int, int], tokens: list[Token], words: list[str], common: frozenset[str]
) -> tuple[str, int, int]:
    """Cut a name at the first punctuation mark (the CRF sometimes runs over a comma), leave
    out Latin words at its ends (``ودان حالوتس My Search History``: text of a web page) and a
    person's nationality before it (``الأردني عبد الإله الخطيب``), and let a person's name take
    the nisba surname it stopped before (``محمد شياع`` + ``السوداني``), though not a word
    written with a final ``ى``, which normalises like a nisba (``إلبروس كوتراشيف`` + ``التقى``,
    met: a verb), and the particle and surname of a European name (``ماركو`` + ``فان باستن``:
    the CRF stops at ``فان``, which is also ``فإن``, "then")."""
    kind, first, last = span
    end = next((i for i in range(first, last) if not _is_word(words[i])), last)
    arabic = [i for i in range(first, end) if has_arabic_letter(words[i])]
    if arabic:
        first, end = arabic[0], arabic[-1] + 1
    while kind == "PERS" and end - first > 1 and is_nationality(words[first]):
        first += 1
    if (
        kind == "PERS"
        and end == last
        and end - first >= 2
        and end < len(words)
        and _nisba(words[end])
        and not tokens[end].text.endswith(_ALEF_MAQSURA)
    ):
        end += 1
    if (
        kind == "PERS"
        and end == last
        and end + 1 < len(words)
        and words[end] in SURNAME_PARTICLES
        and not words[end + 1].startswith("ال")
        and _looks_like_name_word(words[end + 1], common, after_given_name=True)
    ):
        end += 2
    return kind, first, end


def leading_clitics(word: str, reading: str) -> int:
    """How many letters of ``word`` (normalised) are particles in front of ``reading``."""
    if word.endswith(reading) and word[: len(word) - len(reading)] in _PARTICLES:
        return len(word) - len(reading)
    return 0


def _first_word_reading(word: str, kind: str, rest: tuple[str, ...]) -> str:
    """The first word of a name without the particles glued to it (``وكوتراشيف`` -> ``كوتراشيف``).

    The article stays (``الخزعلي``); a place or a well-known body takes the spelling its list
    knows (``وللوكالة الذرية`` -> ``الوكالة الذرية``).
    """
    readings = candidate_stems(word)
    listed = {"LOC": known_place, "ORG": known_body}.get(kind)
    if listed is not None:
        for reading in readings:
            if listed((reading,) + rest):
                return reading
    if given_name(word) or word_gloss(word) or word in ORG_HEADS:
        return word  # ``وليد``, ``وزارة``: the و is the word's own
    for reading in readings[1:]:
        after_and = word.startswith("و") and reading == word[1:]
        # ``فالح`` is a name, not ف + ``الح``: an article reading needs a real word after it;
        # ``كاليفورنيا`` is not ك + ``اليفورنيا``: "like" never comes before a name.
        particles = word[: len(word) - len(reading)]
        definite = reading.startswith("ال") and len(reading) > 4 and "ك" not in particles
        if after_and or definite or given_name(reading):
            return reading
    return word


def _make_found(
    text: str, tokens: list[Token], words: list[str], kind: str, first: int, last: int, source: str
) -> Found:
    """A candidate span as a name: particles left out, a CLDR place recognised whatever type
    the source gave it (the CRF calls ``واشنطن`` an organisation when it means the government;
    ``الأمم المتحدة`` is a body whatever it called it). A GeoNames city gives its English name
    only to a place the CRF found: ``الريان`` is a city and, far more often in news, a club."""
    rest = tuple(words[first + 1 : last])
    reading = _first_word_reading(words[first], kind, rest)
    clitics = leading_clitics(words[first], reading)
    start = tokens[first].start + offset_after_letters(tokens[first].text, clitics)
    end = tokens[last - 1].end
    name_words = (reading,) + rest
    place = known_place(name_words) if kind == "LOC" else place_index().get(name_words)
    if place is None:
        entity_type = TYPES[kind]
    else:
        entity_type = "organization" if place.kind == "body" else "location"
    return Found(entity_type, first, last, start, end, text[start:end], name_words, source, place)


def _not_a_name(tokens: list[Token], words: list[str]) -> bool:
    """Spans made only of dates, titles, nationality adjectives or punctuation are no actor,
    nor is one word with tanween fath (``روسياً``: "Russian", an adverb, not Russia), nor a
    currency (pooled over five ANERcorp blocks 13 wrong names fewer, micro F1 0.7687 ->
    0.7695)."""
    if len(tokens) == 1 and _TANWEEN_FATH in tokens[0].text:
        return True
    if all(split_proclitics(word)[1] in _CURRENCIES for word in words):
        return True
    for i, word in enumerate(words):
        if not any(ch.isalpha() for ch in word):
            continue
        if _is_date_word(word) or is_nationality(word) or title_at(words, i):
            continue
        return False
    return True


@dataclass
class Names:
    """A paragraph's tokens (as written and normalised) and the names found among them."""

    tokens: list[Token]
    words: list[str]
    found: list[Found]


def find_mentions(text: str, sentences: list[tuple[int, int]], tagger: Tagger) -> Names:
    """Every person, organisation and place named in ``text``, in text order, without overlaps.

    ``sentences`` are (start, end) offsets of the text's sentences; the CRF tags each alone.
    """
    tokens = tokenize(text)
    words = [normalize(token.text) for token in tokens]
    model = _model_spans(tagger, tokens, words, sentences or [(0, len(text))])
    candidates = (
        [(kind, first, last, "model") for kind, first, last in model]
        + [(kind, first, last, "gazetteer") for kind, first, last in _place_matches(words)]
        + [(kind, first, last, "known body") for kind, first, last in _known_bodies(words)]
        + [
            (kind, first, last, "organisation pattern")
            for kind, first, last in _org_patterns(words)
        ]
        + [
            (kind, first, last, "title pattern")
            for kind, first, last in _bodies_after_titles(words, model, tagger.common_words)
        ]
    )
    candidates += [
        (kind, first, last, "organisation pattern")
        for kind, first, last in _heads_before_names(words, [c[:3] for c in candidates])
    ]
    candidates += [
        (kind, first, last, "organisation pattern")
        for kind, first, last in _bodies_after_kind_words(words, tagger.common_words)
        + _clubs(words)
    ]
    candidates += [(kind, first, last, "dateline") for kind, first, last in _datelines(words)]
    candidates += [
        (kind, first, last, "title pattern")
        for kind, first, last in _persons_after_titles(
            words, tagger.common_words, [c[:3] for c in candidates]
        )
    ]
    candidates.sort(key=lambda c: (-(c[2] - c[1]), -_SOURCE_RANK[c[3]], c[1]))
    taken = [False] * len(tokens)
    accepted = []
    for kind, first, last, source in candidates:
        if any(taken[first:last]) or _not_a_name(tokens[first:last], words[first:last]):
            continue
        if source != "gazetteer" and not any(map(has_arabic_letter, words[first:last])):
            continue  # Latin words in Arabic news are mostly markup, links or codes (``img src``)
        if source == "title pattern" and tokens[first].text.lstrip("وف") == _ALA:
            continue  # ``المشرف على``: "on", which normalises like the name علي
        taken[first:last] = [True] * (last - first)
        accepted.append(_make_found(text, tokens, words, kind, first, last, source))
    return Names(tokens, words, sorted(accepted, key=lambda found: found.first))
