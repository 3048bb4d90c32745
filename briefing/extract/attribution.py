"""Who says what in an Arabic article: reporting cues, their speakers and the claims they carry.

Works on the Arabic source only. Each paragraph is folded (no diacritics, one alef) and scanned
for reporting verbs (قال، صرح، أكد...), attribution phrases (وفق، بحسب، نقلا عن) and the headline
form "Speaker: claim". A speaker is read after the verb up to the claim's opening (أن/إن, a quote
or a colon); when there is none the speaker is implied and resolved to an earlier one: a
person the actors list names as a clause's subject since the latest claim, else the latest
speaker. Every attribution keeps the rule that found it, so a reader can see why a claim was
given to someone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from briefing.extract.arabic import (
    Folded,
    Token,
    fold,
    light_stem,
    normalize,
    tokens,
    words_of,
)
from briefing.extract.attribution_lexicon import (
    ACCORDING_TO,
    ADJECTIVE_ENDINGS,
    AFFILIATED,
    ADJUNCT_STARTS,
    AGE_WORDS,
    AN,
    ANNOUNCED_ABOUT,
    AS_PUT_BY,
    ANY_CLOSING,
    APPROXIMATORS,
    ASKED_FROM,
    AS_FORMS,
    BUT_FORMS,
    BY_WAY_OF,
    BARE_CLAUSE_VERBS,
    BACKWARD_OPENERS,
    BI_NOT,
    BI_NOUN_PREFIX,
    BI_NOUN_VERBS,
    CALLED_FORMS,
    CALL_NOUNS,
    CALLED_FOR,
    CLOSING_FOR,
    CLAIMING_THAT,
    CONJUNCTIONS_BEFORE_AN,
    COUNT_WORDS,
    DAYS,
    DESCRIPTION_HEADS,
    DEMONSTRATIVES,
    DEMONSTRATIVE_OBJECTS,
    DESCRIBED_AS,
    DESCRIBED_ON,
    DESCRIBING_VERBS,
    DISCUSS_VERB,
    FEMININE,
    FEMININE_ENDINGS,
    FIRST_PERSON_NEGATIONS,
    FIRST_PERSON_PREFIXES,
    FIRST_SECOND_PERSON,
    FROM,
    IN,
    IN_FORMS,
    INDEFINITE_PLURALS,
    INFORMING_VERBS,
    INTERROGATIVES,
    INTRODUCERS,
    ISSUED,
    ISSUED_BY,
    KANA,
    KANA_NAME_WORDS,
    NISBA_ENDING,
    LAM_INITIAL_NOUNS,
    LEADING_INTRODUCERS,
    MASCULINE,
    MANNER_ADVERBS,
    MAX_CLAIM_CHARS,
    MAX_HEADLINE_SPEAKER_TOKENS,
    MAX_PHRASE_SPEAKER_TOKENS,
    MAX_QUOTE_PARAGRAPHS,
    MAX_QUOTED_TERM_WORDS,
    MAX_SPEAKER_TOKENS,
    MAX_SUBJECT_PARAGRAPHS_BACK,
    MAX_SUBJECT_TOKENS,
    MAX_TITLE_WORDS,
    MAX_WORDS_BEFORE_SUBJECT,
    MIN_BARE_CLAUSE_WORDS,
    MIN_GLUED_SOURCE_LETTERS,
    MODALS_BEFORE_AN,
    NEEDS_SPEAKER,
    NEGATIONS,
    NOT_TO,
    NESTED_OPENERS,
    NOT_SOURCES,
    NOUN_OBJECT_VERBS,
    OBJECT_PRONOUNS,
    PASSIVE_ABOUT,
    PERCENT_WORDS,
    PRONOUN_PREPOSITIONS,
    QUOTE_MARKS,
    QUOTE_ONLY_VERBS,
    OPENING_QUOTES,
    OUTLET_HEADS,
    PARTICIPLE_CUES,
    PLURAL,
    PLURAL_VERB_SUFFIX,
    POLL_NOUNS,
    QAD,
    QAD_FORMS,
    QUOTING_FROM,
    READINESS_NOUN,
    READINESS_VERB,
    REJECTED_CLAIMS,
    REJECTING_VERBS,
    REQUEST_VERBS,
    RELATIVES,
    RELAYED_FROM,
    RELAYING_VERBS,
    SOURCE_NOUNS,
    SOURCE_PHRASES,
    SOURCE_PHRASES_WITH_VERB,
    SOUND_PLURAL_SUFFIX,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STATED_IN_VERBS,
    TANWEEN_FATH,
    TELLING_VERBS,
    TERMINALS,
    TIME_NOUNS,
    TIMES_OF_DAY,
    TITLE_WORDS,
    TOWARDS_SOMEONE,
    TO_ME,
    URGED_TO,
    UNNAMED_SOURCES,
    VERB_CUES,
    WHAT,
    WHAT_FORMS,
    WITH_IT,
    FUNCTION_WORDS,
    HEAD_OF,
)
from briefing.structure import Article, Paragraph, ParagraphKind


@dataclass
class SpeakerEntity:
    """One speaker of an article, however it is referred to; ``name`` is its first full mention."""

    name: str
    gender: str
    words: tuple[str, ...]
    keys: set[str]
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (paragraph, start, end)
    # Named as the subject of a reporting verb somewhere, not only after "وفقاً لـ": a later
    # "وقال" can mean it. Sources named by a phrase are mostly outlets and documents.
    antecedent: bool = False


@dataclass
class Attribution:
    """A claim given to a speaker, with offsets into the original paragraph text.

    ``speaker_text`` is the speaker as written at this place ("التقرير", "" for "وأضاف");
    ``entity`` is who that resolves to. ``rule`` names the pattern that found the attribution.
    """

    article: str
    paragraph: int
    cue: str
    rule: str
    claim_start: int
    claim_end: int
    claim: str
    speaker_text: str
    speaker_paragraph: int
    speaker_start: int
    speaker_end: int
    gender: str
    entity: SpeakerEntity | None = None
    adjunct: str = ""


@dataclass(frozen=True)
class NamedPerson:
    """A person the actors list names at a place (offsets into the original paragraph text)."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Subject:
    """A person named as the subject of a clause ("وكان فيوريك نفسه ..."), with the gender its
    verb shows: a later "وقال" with no speaker may mean them."""

    position: tuple[int, int]  # (paragraph, start)
    end: int
    text: str
    gender: str


@dataclass
class _Candidate:
    """An attribution found in one paragraph, offsets still in folded text."""

    cue_index: int  # token index of the cue
    cue: tuple[int, int]
    rule: str
    gender: str
    speaker: tuple[int, int] | None
    claim: tuple[int, int]
    adjunct: tuple[int, int] | None = None
    lam_before_article: bool = False  # "وفقا للتقرير": the speaker is written ل + (ا)لتقرير
    backward: bool = False
    open_quote: bool = False
    explicit_after: bool = False
    participle: bool = False  # "مضيفاً", "قائلاً"
    maybe_me: bool = False  # "فقال لي:": "told me", unless the article has a speaker "لي"
    known_only: bool = False  # kept only when the article already has this speaker


class _Scan:
    """One paragraph, folded and tokenised, with the boundary queries the patterns need."""

    def __init__(self, paragraph: Paragraph):
        self.paragraph = paragraph
        self.folded: Folded = fold(paragraph.ar)
        self.text = self.folded.text
        self.tokens: list[Token] = tokens(self.text)

    def gap(self, left: int, right: int) -> str:
        """The non-word characters between token ``left`` and token ``right`` (or the end)."""
        start = self.tokens[left].end if left >= 0 else 0
        end = self.tokens[right].start if right < len(self.tokens) else len(self.text)
        return self.text[start:end]

    def is_terminal(self, position: int) -> bool:
        char = self.text[position]
        if char not in TERMINALS:
            return False
        if char == ".":
            if (
                self.text[position - 1 : position] == "."
                or self.text[position + 1 : position + 2] == "."
            ):
                return False  # ".." is a headline pause, not a full stop
            if len(self.word_before(position)) == 1:
                return False  # an abbreviation such as "د."
            if position + 1 < len(self.text) and self.text[position + 1].isdigit():
                return False
        return True

    def word_before(self, position: int) -> str:
        """The last whitespace-separated word before ``position`` (looking back only that far)."""
        end = position
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        start = end
        while start > 0 and not self.text[start - 1].isspace():
            start -= 1
        return self.text[start:end]

    def reach(self, position: int, direction: int) -> int:
        """How far a claim may run from ``position``: ``MAX_CLAIM_CHARS``, ending between words.

        Text without punctuation (a scraped page, a transcript) would otherwise make every claim
        the rest of the paragraph, and every scan for its end quadratic in the paragraph length.
        """
        if direction > 0:
            limit = position + MAX_CLAIM_CHARS
            if limit >= len(self.text):
                return len(self.text)
            space = self.text.rfind(" ", position, limit)
            return space if space > position else limit
        limit = position - MAX_CLAIM_CHARS
        if limit <= 0:
            return 0
        space = self.text.find(" ", limit, position)
        return space + 1 if space >= 0 else limit

    def sentence_end(self, start: int) -> int:
        """The first sentence end at or after ``start`` that is not inside a quotation."""
        inside = False
        limit = self.reach(start, 1)
        for position in range(start, limit):
            char = self.text[position]
            if char in "“«":
                inside = True
            elif char in "»":
                inside = False
            elif char in '”"':
                inside = not inside
            elif not inside and self.is_terminal(position):
                return position
        return limit

    def sentence_start(self, position: int) -> int:
        floor = self.reach(position, -1)
        for index in range(position - 1, floor - 1, -1):
            if self.is_terminal(index):
                return index + 1
        return floor

    def quote_end(self, opening: int) -> tuple[int, bool]:
        """Where the quotation opened at ``opening`` closes, and whether it closes here.

        A quotation still open at the end of the paragraph goes on in the next one; one still
        open after ``MAX_CLAIM_CHARS`` within the paragraph is cut there (a stray quote mark).
        """
        closers = CLOSING_FOR.get(self.text[opening], ANY_CLOSING)
        limit = self.reach(opening + 1, 1)
        for position in range(opening + 1, limit):
            if self.text[position] in closers:
                return position, True
        return limit, limit < len(self.text)

    def original(self, index: int) -> str:
        """Token ``index`` as written, with its diacritics."""
        start, end = self.folded.span(self.tokens[index].start, self.tokens[index].end)
        return self.paragraph.ar[start:end]

    def words(self, first: int, last: int) -> list[str]:
        return [t.text for t in self.tokens[first:last]]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past spaces and the punctuation that only separates it from its cue."""
    while start < end and (text[start].isspace() or text[start] in "،,:؛-–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:؛-–" + TERMINALS):
        end -= 1
    return start, end


def _conjunction_off(word: str, words: Collection[str]) -> str:
    """``word`` without its leading و/ف where only that form is one of ``words`` ("وجاء" ->
    "جاء"); otherwise ``word`` as it is."""
    if word not in words and word[:1] in "وف" and word[1:] in words:
        return word[1:]
    return word


def _cue_form(word: str) -> tuple[str, str] | None:
    """The (lemma, gender) of a reporting verb or participle, allowing a leading و or ف, and
    an object pronoun on a verb of telling ("فأخبرها", "أخبرتني")."""
    for cues in (VERB_CUES, PARTICIPLE_CUES):
        form = cues.get(_conjunction_off(word, cues))
        if form is not None:
            return form
    for suffix in OBJECT_PRONOUNS:
        stem = word[: -len(suffix)] if word.endswith(suffix) else ""
        if stem.endswith(PLURAL_VERB_SUFFIX[0]):
            stem += PLURAL_VERB_SUFFIX[1]  # "أخبروها": the plural's ا drops before a pronoun
        form = _cue_form(stem) if stem else None
        if form is not None and (form[0] in TELLING_VERBS or form[0] in URGED_TO):
            return form
    return None


def cue_lemma(cue: str) -> str | None:
    """The reporting verb a cue as written starts with ("حذرت من" -> "حذر"), if it is one."""
    words = tokens(fold(cue).text)
    form = _cue_form(words[0].text) if words else None
    return form[0] if form else None


def _is_called(scan: _Scan, index: int) -> bool:
    """Whether "يدعي"/"تدعي" is written "يُدعى" (is called), not the verb of a claim."""
    return _bare_cue(scan.tokens[index].text) in CALLED_FORMS and scan.original(index).endswith("ى")


def _trim_speaker(scan: _Scan, first: int, last: int) -> tuple[int, int]:
    """Cut a speaker phrase (tokens ``first:last``) at its first adjunct; the kept token range."""
    for index in range(first + _count_words(scan, first), last):
        word = scan.tokens[index].text
        previous = scan.tokens[index - 1].text
        owned = previous in AFFILIATED or light_stem(previous) in SOURCE_NOUNS  # "بيان للوزارة"
        part_of = (word in ISSUED_BY and previous in ISSUED) or (owned and word.startswith("ل"))
        if (word in ADJUNCT_STARTS and not part_of) or word in RELATIVES or word.isdigit():
            return first, index
        if index > first and word.startswith("لل") and not part_of:
            return first, index  # ل + ال: "للصحفيين", "للحشد" name who was told, not who told
        if TANWEEN_FATH in scan.original(index):
            return first, index  # "قال بيرنرز لي مازحاً", "قالها ردًا": how he said it, not who
        if index > first and _is_speech_noun(word, SPEECH_NOUNS | SOURCE_NOUNS):
            return first, index  # "وتابع الرئيس حديثه قائلاً": his talk, not his name
        following = scan.tokens[index + 1].text if index + 1 < len(scan.tokens) else ""
        if (word in TIMES_OF_DAY and following in DAYS) or (
            word in DEMONSTRATIVES and following in TIME_NOUNS  # "هذا الشهر"
        ):
            return first, index
    return first, last


def _count_words(scan: _Scan, index: int) -> int:
    """"قال 58٪ من الناخبين", "وقال 20 بالمائة من التلاميذ": a number (with a percent word) and
    من open a speaker that is part of a group; how many words they are, 0 if none."""
    words = [t.text for t in scan.tokens[index : index + 4]]
    if not words or not words[0].isdigit():
        return 0
    after = 1
    if words[1:2] and words[1] in PERCENT_WORDS:
        after = 2
    elif words[1:2] == [IN] and words[2:3] and words[2] in PERCENT_WORDS:
        after = 3
    return after + 1 if words[after : after + 1] == [FROM] else 0


def _after_approximator(scan: _Scan, index: int) -> int:
    """Where a speaker starts that token ``index`` opens with an approximator ("ما يقرب من
    نصف المشاركين"), else ``index``."""
    words = tuple(scan.words(index, index + max(map(len, APPROXIMATORS))))
    phrase = next((p for p in APPROXIMATORS if words[: len(p)] == p), ())
    return index + len(phrase)


def _opening_after(scan: _Scan, cue_index: int, lemma: str) -> tuple[int, str, int] | None:
    """Find what opens the claim after a cue: (token index, kind, folded position).

    kind is "that" (أن/إن, or عن after أعلن), "quote", "colon" or "noun" (the readiness noun
    after أبدى).
    """
    about = ANNOUNCED_ABOUT.get(lemma) or URGED_TO.get(lemma)
    name_end = -1  # the closing mark of a quoted name right after the cue, or in a relative
    after_relative = False
    for index in range(
        cue_index + 1, min(cue_index + 1 + MAX_SPEAKER_TOKENS, len(scan.tokens) + 1)
    ):
        gap_start = scan.tokens[index - 1].end
        gap = scan.gap(index - 1, index)
        for offset, char in enumerate(gap):
            if gap_start + offset <= name_end:
                continue
            if char in OPENING_QUOTES and index == cue_index + 1:
                name_end = _quoted_name_end(scan, gap_start + offset, lemma)
                if name_end > 0:
                    break
            if char in OPENING_QUOTES and after_relative:
                name_end = _quoted_in_relative(scan, gap_start + offset)
                if name_end > 0:
                    break
            if char in OPENING_QUOTES:
                return index, "quote", gap_start + offset
            if char == ":":
                rest = gap[offset + 1 :].lstrip()
                if rest and rest[0] in OPENING_QUOTES:  # "قال: «...»" is a quotation
                    return index, "quote", gap_start + len(gap) - len(rest)
                return index, "colon", gap_start + offset
            if char in TERMINALS and scan.is_terminal(gap_start + offset):
                return None
        if index == len(scan.tokens):
            return None
        word = scan.tokens[index].text
        after_relative = after_relative or word in RELATIVES
        if lemma == READINESS_VERB:
            if word.startswith(READINESS_NOUN):
                return index, "noun", scan.tokens[index].start
        elif word in INTRODUCERS and scan.tokens[index - 1].text in CONJUNCTIONS_BEFORE_AN:
            continue  # "قال بعد أن التقى الرئيس إن": أن after بعد is "after", no claim
        elif word == about and lemma in URGED_TO and _urged_after_comma(scan, index, about):
            continue  # "حثت X، المسؤولة في صندوق المحافظة على الخفافيش، الجمهور على"
        elif word in INTRODUCERS or (word == about and not _introducer_at(scan, index + 1)):
            return index, "that", scan.tokens[index].end
        elif lemma in REQUEST_VERBS and word == NOT_TO and _asked_before(scan, cue_index, index):
            return index, "that", scan.tokens[index].start  # "طلب X من Y عدم منح"
        elif lemma in BI_NOUN_VERBS and word == BI_NOT:
            return index, "that", scan.tokens[index].start  # never part of a name
        elif (
            lemma in BI_NOUN_VERBS
            and word.startswith(BI_NOUN_PREFIX)
            and word not in MANNER_ADVERBS  # "أقر البرلمان القانون بالإجماع"
        ):
            if _introducer_ahead(scan, scan.tokens[index].end):
                continue  # "أقر X، رئيس لجنة الدفاع بالبرلمان، بأن": part of the name
            return index, "that", scan.tokens[index].start  # "اعترف الوزير بالخطأ"
    return None


def _relayed_source(scan: _Scan, cue_index: int, opening_index: int) -> tuple[int, int] | None:
    """The tokens of the one an outlet quotes ("نقلت الصحيفة عن الوزير قوله"): after عن, up
    to a speech noun or the opening; None when no one is quoted ("نقل الجرحى إلى المستشفى")."""
    after = next(
        (i + 1 for i in range(cue_index + 1, opening_index) if scan.tokens[i].text == RELAYED_FROM),
        None,
    )
    if after is None or after >= opening_index or scan.tokens[after].text == BY_WAY_OF:
        return None
    noun = (i for i in range(after + 1, opening_index) if _is_speech_noun(scan.tokens[i].text))
    first, last = _trim_speaker(scan, after, next(noun, opening_index))
    return (first, last) if last > first else None


def _urged_after_comma(scan: _Scan, index: int, about: str) -> bool:
    """Whether the preposition of urging at ``index`` comes again after a comma further in its
    sentence: this one is inside an apposition to the speaker."""
    end = scan.sentence_end(scan.tokens[index].end)
    after_comma = False
    for later in range(index + 1, len(scan.tokens)):
        if scan.tokens[later].start >= end:
            return False
        after_comma = after_comma or _comma_before(scan, later)
        if after_comma and scan.tokens[later].text == about:
            return True
    return False


def _rejected_claim(scan: _Scan, first: int, opening_index: int) -> int | None:
    """The token index of the claim a verb of rejecting rejects: a noun of saying ("فكرة",
    "بالمزاعم") before the أن at ``opening_index``, with at most "القائلة" between."""
    index = opening_index - 1
    if index > first and scan.tokens[index].text in CLAIMING_THAT:
        index -= 1
    if index <= first:
        return None
    word = scan.tokens[index].text
    glued = word[:1] == "ب" and word[1:] in REJECTED_CLAIMS  # "بالمزاعم"
    return index if word in REJECTED_CLAIMS or glued else None


def _asked_before(scan: _Scan, cue_index: int, index: int) -> bool:
    """Whether the one asked ("من القضاة", "منهم") stands between a verb of asking and ``index``."""
    return any(scan.tokens[i].text in ASKED_FROM for i in range(cue_index + 1, index))


def _described_end(scan: _Scan, cue_index: int, lemma: str, opening_index: int) -> int | None:
    """Where what a verb of describing describes ends ("وصف نوجرو الضرر بأنه", "على أنه"):
    the token of بأنه, or of على before أنه; None for other verbs and openings, and when the
    verb carries the object as a pronoun ("وصفه الوزير بأنه")."""
    if lemma not in DESCRIBING_VERBS or _bare_cue(scan.tokens[cue_index].text) not in VERB_CUES:
        return None
    word = scan.tokens[opening_index].text
    if word.startswith(DESCRIBED_AS):
        return opening_index
    if word in INTRODUCERS and scan.tokens[opening_index - 1].text == DESCRIBED_ON:
        return opening_index - 1
    return None


def _introducer_at(scan: _Scan, index: int) -> bool:
    """Whether token ``index`` is أن/إن: "حذر من أن" opens its claim there, not at من."""
    return index < len(scan.tokens) and scan.tokens[index].text in INTRODUCERS


def _quoted_name_end(scan: _Scan, opening: int, lemma: str) -> int:
    """Where a quoted name closes in 'يصرّح "مهرجان المواطن العالمي" أنه': a short quotation
    right after the verb and followed by أن (or the بال-noun of a verb taking one: 'تعهد "حزب
    الخضر" بالعمل') is who speaks, not what is said. -1 if it is not one."""
    end, closed = scan.quote_end(opening)
    inside = [t for t in scan.tokens if opening < t.start < end]
    after = next((t for t in scan.tokens if t.start > end), None)
    is_name = (
        closed
        and 1 <= len(inside) <= MAX_PHRASE_SPEAKER_TOKENS
        and after is not None
        and (
            after.text in INTRODUCERS
            or (lemma in BI_NOUN_VERBS and after.text.startswith(BI_NOUN_PREFIX))
        )
        and not scan.text[end + 1 : after.start].strip()
    )
    return end if is_name else -1


def _quoted_in_relative(scan: _Scan, opening: int) -> int:
    """Where a quotation inside a relative clause of the speaker closes ('اعترف كيت، الذي تزوج
    من زميلته في "صراع العروش"، بأنه'): a title quoted there when أن still follows in the
    sentence, not what is said. -1 if the quotation can be the claim."""
    end, closed = scan.quote_end(opening)
    return end if closed and _introducer_ahead(scan, end) else -1


def _introducer_ahead(scan: _Scan, position: int) -> bool:
    """Whether an أن/إن comes after ``position`` in its sentence."""
    stop = scan.sentence_end(position + 1)
    return any(position < t.start < stop and t.text in INTRODUCERS for t in scan.tokens)


def _quote_before(scan: _Scan, cue_index: int) -> tuple[int, int] | None:
    """The claim of ""...»، قال الوزير": a quotation closing right before the cue.

    The claim runs from the start of its sentence to the closing mark, so a quotation with a
    quotation inside it stays whole.
    """
    if cue_index == 0:
        return None
    gap_start = scan.tokens[cue_index - 1].end
    gap = scan.gap(cue_index - 1, cue_index)
    closing = max(gap.rfind(char) for char in ANY_CLOSING)
    if closing < 0 or gap[closing + 1 :].strip(" ،,"):
        return None
    end = gap_start + closing
    return scan.sentence_start(end), end


def _claim_from(scan: _Scan, kind: str, position: int) -> tuple[tuple[int, int], bool]:
    """The claim span that starts at an opening of ``kind``; also whether a quote stays open."""
    if kind == "quote":
        end, closed = scan.quote_end(position)
        return (position + 1, end), not closed
    end = scan.sentence_end(position)
    opening = next((i for i in range(position, end) if scan.text[i] in OPENING_QUOTES), None)
    # "وأضاف بيورن: ... قائلاً: "لن أستبق الأحداث.": the quotation goes on after the paragraph
    left_open = opening is not None and end == len(scan.text) and not scan.quote_end(opening)[1]
    return (position, end), left_open


def _verb_candidates(scan: _Scan) -> list[_Candidate]:
    found: list[_Candidate] = []
    for index, token in enumerate(scan.tokens):
        backward = _is_backward(scan, index)
        form = _cue_form(token.text)
        if form is None and backward and token.text.endswith("ه"):
            form = _cue_form(token.text[:-1])  # "هذا ما أعلنه الوزير"
        if form is None:
            continue
        lemma, gender = form
        before = scan.tokens[index - 1].text if index > 0 else ""
        if _is_called(scan, index) or before in NEGATIONS or before in INTERROGATIVES:
            continue
        if before == AN and index > 1 and (
            scan.tokens[index - 2].text in FIRST_SECOND_PERSON
            or scan.tokens[index - 2].text in MODALS_BEFORE_AN
        ):
            continue
        if _in_source_phrase(scan, index):
            continue  # "حسبما ذكرت شبكة إن بي سي": the phrase reports it, إن is part of the name
        # The cue is reported without a leading و/ف ("وأضاف" -> "أضاف", "اعتبرته" stays).
        cue_start = token.start + len(token.text) - len(_bare_cue(token.text))
        if backward:
            candidate = _backward_candidate(scan, index, gender)
            if candidate:
                found.append(candidate)
            continue
        if index + 1 < len(scan.tokens) and scan.tokens[index + 1].text in TOWARDS_SOMEONE:
            continue  # "ويشير إليه بلقبه": refers to someone, reports nothing
        opening = _opening_after(scan, index, lemma)
        if lemma in QUOTE_ONLY_VERBS and not _quotes_after_speaker(scan, index, opening):
            continue
        if opening is None and lemma not in (DISCUSS_VERB, READINESS_VERB):
            candidate = _quote_before_candidate(scan, index, (cue_start, token.end), gender)
            if candidate is None:
                candidate = _unopened_candidate(scan, index, lemma, (cue_start, token.end), gender)
                if candidate is not None and candidate.speaker is None:
                    _speaker_before(scan, candidate, found)
            if candidate is not None:
                candidate.participle = _bare_cue(token.text) in PARTICIPLE_CUES
                found.append(candidate)
            continue
        if opening is None:
            continue
        opening_index, kind, position = opening
        if lemma == DISCUSS_VERB and kind != "quote":
            continue
        if lemma == READINESS_VERB and kind != "noun":
            continue
        if lemma == DISCUSS_VERB:
            claim, open_quote = (position, scan.sentence_end(position)), False
        else:
            claim, open_quote = _claim_from(scan, kind, position)
        first, last = _trim_speaker(scan, _after_approximator(scan, index + 1), opening_index)
        if lemma in INFORMING_VERBS:
            told = (i for i in range(first + 1, last) if scan.tokens[i].text in OUTLET_HEADS)
            last = next(told, last)
        if lemma in RELAYING_VERBS:
            relayed = _relayed_source(scan, index, opening_index)
            if relayed is None:
                continue
            first, last = relayed
            gender = _noun_gender(scan.tokens[first].text)  # the verb agrees with the outlet
        described_end = _described_end(scan, index, lemma, opening_index)
        if described_end is not None and token.text.endswith(PLURAL_VERB_SUFFIX):
            last = first  # "وصفوا اقتراح السيد كريك على أنه": the subject is in the verb
        elif last == described_end and described_end - index > 2:
            last -= 1  # the word before is what is described, not who describes
        if lemma in REJECTING_VERBS:
            rejected = _rejected_claim(scan, first, opening_index) if kind == "that" else None
            if rejected is None:
                continue  # "رفضت البحرية تكليف السفينة": nothing said is rejected
            last = min(last, rejected)
        urged_between = False
        if lemma in URGED_TO:
            if kind != "that":
                continue  # 'دعت إلى "..."' and 'دعا: ...' are not read as urging
            urged_between = last > first and _bare_cue(token.text) in VERB_CUES
            if urged_between:
                # "وحث السيدة ماي على": the one urged, not who urges, unless an apposition
                # sets the speaker off ("وحثت سارة علي، رئيسة الجمعية، الأهالي على")
                last = min(last, _speaker_set_off(scan, first, opening_index))
                urged_between = last == first
        if lemma in REQUEST_VERBS:
            if not _asked_before(scan, index, opening_index):
                continue  # 'طلب مراسل "60 دقيقة" من X عما إذا': a title, and a question
            # "طلب X منهم أن": the one asked is no part of the speaker
            last = next((i for i in range(first, last) if scan.tokens[i].text in ASKED_FROM), last)
            if last <= first:
                continue  # "وطُلب من السكان": no one is named as asking
        if last > first and normalize(scan.tokens[first].text) in FUNCTION_WORDS:
            last = first  # "قالوا، لا تخرج": no one is named
        after_relative = index > 0 and scan.tokens[index - 1].text in RELATIVES
        if after_relative and _carries_plural_subject(token.text):
            last = first  # "القادة الذين كتبوا الأسقفية": the relative is the subject
        speaker = (scan.tokens[first].start, scan.tokens[last - 1].end) if last > first else None
        maybe_me = last == first + 1 and scan.tokens[first].text == TO_ME
        adjunct = None
        if last < opening_index:
            adjunct = (scan.tokens[last].start, scan.tokens[opening_index - 1].end)
        cue_end = scan.tokens[opening_index].end if kind == "noun" else token.end
        candidate = _Candidate(
            cue_index=index,
            cue=(cue_start, cue_end),
            rule="verb-speaker" if speaker else "verb-implied",
            gender=gender,
            speaker=speaker,
            claim=claim,
            adjunct=adjunct,
            open_quote=open_quote,
            explicit_after=speaker is not None,
            participle=_bare_cue(token.text) in PARTICIPLE_CUES,
            maybe_me=maybe_me,
        )
        if speaker is None and candidate.participle:
            _subject_of_speech_verb(scan, candidate)
        elif speaker is None:
            _speaker_before(scan, candidate, found)
        passive_form = _bare_cue(token.text) in NEEDS_SPEAKER or (
            lemma in PASSIVE_ABOUT
            and kind == "that"
            and scan.tokens[opening_index].text == ANNOUNCED_ABOUT[lemma]
        )
        if candidate.speaker is None and passive_form:
            continue  # "ويُزعم أنه", "أُعلن عن": nobody is said to speak
        if lemma in URGED_TO and (
            after_relative  # "الأمر الذي دعا إلى تأجيله" (which led to)
            or (
                candidate.speaker is None
                and (urged_between or scan.text[scan.sentence_start(token.start) : token.start].strip())
            )
        ):
            continue  # no one before the one urged; "رسائل ... تحث على": no speaker in reach
        found.append(candidate)
    return found


def _speaker_set_off(scan: _Scan, first: int, last: int) -> int:
    """Where a speaker ends that stands between a verb of urging and the one urged (tokens
    ``first:last``, up to the preposition): at the first of two commas that enclose its
    apposition, with the one urged, a noun phrase with no relative clause, after the second;
    ``first`` (no speaker) when nothing sets it off so ("سيحث X، لاعبيه ليؤدوا ...، الذين
    حصلوا على": no one urged to anything)."""
    commas = [k for k in range(first + 1, last) if _comma_before(scan, k)]
    if len(commas) != 2 or commas[-1] >= last:
        return first
    urged = scan.words(commas[-1], last)
    return first if any(word in RELATIVES for word in urged) else commas[0]


def _comma_before(scan: _Scan, index: int) -> bool:
    """Whether a comma comes right before token ``index``."""
    return any(char in "،," for char in scan.gap(index - 1, index))


def _in_source_phrase(scan: _Scan, index: int) -> bool:
    """Whether the verb at ``index`` is the one of a source phrase: "حسبما ذكرت X",
    "وفقا لما أعلنته X" ("وفقا لما ذكرته X" is read by ``_phrase_candidates``)."""
    before = [t.text for t in scan.tokens[max(index - 2, 0) : index]]
    return bool(before) and (
        before[-1] in SOURCE_PHRASES_WITH_VERB
        or (len(before) == 2 and before[-1] in WHAT_FORMS and before[0] in SOURCE_PHRASES)
    )


def _quotes_after_speaker(
    scan: _Scan, cue_index: int, opening: tuple[int, str, int] | None
) -> bool:
    """"وعلق آخر: «...»": a quotation follows the speaker, with no participle of its own
    between ("وعلقت X قائلة:" is the participle's)."""
    return (
        opening is not None
        and opening[1] == "quote"
        and not any(
            _bare_cue(scan.tokens[i].text) in PARTICIPLE_CUES
            for i in range(cue_index + 1, opening[0])
        )
    )


def _carries_plural_subject(word: str) -> bool:
    """Whether a reporting verb ends in the plural وا ("قالوا", "كتبوا"): after الذين its
    subject is the relative, and the words after it are its object, not who speaks."""
    return word.endswith(PLURAL_VERB_SUFFIX) and _bare_cue(word) in VERB_CUES


def _subject_of_speech_verb(scan: _Scan, candidate: _Candidate) -> None:
    """"وتحدث برنت مونتجومري، الرئيس ... قائلاً:": a participle speaks for the subject of the
    speech verb that opens its sentence ("تحدث قائلاً" has none: the speaker is implied)."""
    start = scan.sentence_start(scan.tokens[candidate.cue_index].start)
    first = next((i for i, t in enumerate(scan.tokens) if t.start >= start), candidate.cue_index)
    if first + 1 < candidate.cue_index and scan.tokens[first].text in QAD_FORMS:
        first += 1  # "وقد تحدث X قائلاً:"
    if first >= candidate.cue_index or _bare_cue(scan.tokens[first].text) not in SPEECH_VERBS:
        return
    last = first + 1
    while last < candidate.cue_index and not _boundary_before(scan, last):
        last += 1
    begin, end = _trim_speaker(scan, first + 1, last)
    if end > begin:
        candidate.speaker = (scan.tokens[begin].start, scan.tokens[end - 1].end)
        candidate.rule = "participle-subject"


def _bare_cue(word: str) -> str:
    """A cue word without its leading و/ف."""
    is_cue = word in VERB_CUES or word in PARTICIPLE_CUES
    return word[1:] if word[:1] in "وف" and not is_cue else word


def _as_said_before(scan: _Scan, cue_index: int) -> tuple[int, int] | None:
    """The claim of "...، كما قال الوزير." (as the minister said): its sentence up to كما."""
    if cue_index == 0 or scan.tokens[cue_index - 1].text not in AS_FORMS:
        return None
    end = scan.tokens[cue_index - 1].start
    start = scan.sentence_start(end)
    return (start, end) if scan.text[start:end].strip(" ،,") else None


def _quote_before_candidate(
    scan: _Scan, index: int, cue: tuple[int, int], gender: str
) -> _Candidate | None:
    """"«...»، قال الوزير.", "«...»، قائلاً." and "...، كما تقول عضوة مجلس الشيوخ": the claim
    comes before the cue, the speaker, if any, follows it."""
    claim = _quote_before(scan, index)
    as_said = claim is None
    claim = claim or _as_said_before(scan, index)
    if claim is None:
        return None
    last = index + 1
    while last < len(scan.tokens) and last - index <= MAX_SPEAKER_TOKENS:
        if _boundary_before(scan, last):
            break
        last += 1
    ends_sentence = (
        last == len(scan.tokens)
        or scan.sentence_end(scan.tokens[last - 1].end) < scan.tokens[last].start
        or _bare_cue(scan.tokens[last].text) in PARTICIPLE_CUES  # "، كما أضاف غراهام، مشيراً"
        or ")" in scan.gap(last - 1, last)
    )
    untrimmed = last
    first, last = _trim_speaker(scan, index + 1, last)
    if as_said and not (
        (ends_sentence or _apposition_ends_sentence(scan, untrimmed))
        and (last == untrimmed or scan.tokens[last].text in ADJUNCT_STARTS)
    ):
        return None  # "كما أكد الوزير دعمه للخطة": "also", and what follows is no speaker
    speaker = (scan.tokens[first].start, scan.tokens[last - 1].end) if last > first else None
    return _Candidate(
        cue_index=index,
        cue=cue,
        rule=("as-said" if as_said else "quote-before") + ("" if speaker else "-implied"),
        gender=gender,
        speaker=speaker,
        claim=claim,
        explicit_after=speaker is not None,
    )


def _apposition_ends_sentence(scan: _Scan, index: int) -> bool:
    """"...، كما قالت باز زاراتي، خبيرة في القانون الدولي.": after the comma at token ``index``
    only a short description of the speaker ends the sentence (no قد, verb of speech or أن)."""
    if index >= len(scan.tokens) or not any(mark in scan.gap(index - 1, index) for mark in "،,"):
        return False
    end = scan.sentence_end(scan.tokens[index].start)
    rest = [i for i in range(index, len(scan.tokens)) if scan.tokens[i].end <= end]
    first = scan.tokens[index].text
    return (
        0 < len(rest) <= MAX_PHRASE_SPEAKER_TOKENS
        and normalize(first) not in FUNCTION_WORDS
        and first not in QAD_FORMS  # "، وقد غادرت القاعة": a clause of its own
        and not any(_boundary_before(scan, i) for i in rest[1:])
        and not any(
            scan.tokens[i].text in INTRODUCERS or _cue_form(scan.tokens[i].text) for i in rest
        )
    )


def _unopened_candidate(
    scan: _Scan, index: int, lemma: str, cue: tuple[int, int], gender: str
) -> _Candidate | None:
    """A claim with no أن, quote or colon to open it: a noun object, or a bare clause."""
    if lemma in NOUN_OBJECT_VERBS:
        return _noun_object_candidate(scan, index, cue, gender) or _that_before_candidate(
            scan, index, cue, gender
        )
    if lemma in BARE_CLAUSE_VERBS:
        return _bare_clause_candidate(scan, index, cue, gender)
    return None


def _bare_clause_candidate(
    scan: _Scan, index: int, cue: tuple[int, int], gender: str
) -> _Candidate | None:
    """"وقال سبب اختفاء البارات أمر مفهوم.": a sentence opened by "وقال" with no أن, quote or
    colon anywhere says what follows the verb, and its speaker is implied (a named one would
    need إن after the name)."""
    token = scan.tokens[index]
    end = scan.sentence_end(token.end)
    if scan.text[scan.sentence_start(token.start) : token.start].strip():
        return None  # inside a sentence, the verb may be part of what another one says
    if len(tokens(scan.text[token.end : end])) < MIN_BARE_CLAUSE_WORDS:
        return None
    return _Candidate(
        cue_index=index,
        cue=cue,
        rule="verb-implied-clause",
        gender=gender,
        speaker=None,
        claim=(token.end, end),
    )


def _noun_object_candidate(
    scan: _Scan, index: int, cue: tuple[int, int], gender: str
) -> _Candidate | None:
    """"أعلنت الوكالة هذا الشهر تقديم استثمار", "أكد الأعضاء بالفعل رغبتهم": what is announced,
    confirmed or denied is a noun. With no أن or quote, only an adjunct after the speaker tells
    where the name ends; the claim is the rest of the sentence from there. An accusative right
    after the verb ("كما أكد خططًا", "أعلن رسميًا انسحابه") leaves no room for a named speaker:
    the speaker is implied and the claim starts there."""
    end = scan.sentence_end(scan.tokens[index].end)
    after = scan.tokens[index + 1] if index + 1 < len(scan.tokens) else None
    if after is not None and after.start < end and TANWEEN_FATH in scan.original(index + 1):
        return _Candidate(
            cue_index=index,
            cue=cue,
            rule="verb-noun-object-implied",
            gender=gender,
            speaker=None,
            claim=(after.start, end),
        )
    last = _phrase_end(scan, index + 1)
    first, cut = _trim_speaker(scan, index + 1, last)
    if (
        cut <= first
        or cut >= last - 1  # no adjunct, or nothing said after it
        or scan.tokens[cut].text in PRONOUN_PREPOSITIONS  # "نفى التهم الموجهة إليه": an object
        or any(normalize(w) in FUNCTION_WORDS for w in scan.words(first, cut))  # "أكد ذلك"
    ):
        return None
    return _Candidate(
        cue_index=index,
        cue=cue,
        rule="verb-noun-object",
        gender=gender,
        speaker=(scan.tokens[first].start, scan.tokens[cut - 1].end),
        claim=(scan.tokens[cut].start, end),
        explicit_after=True,
    )


def _that_before_candidate(
    scan: _Scan, index: int, cue: tuple[int, int], gender: str
) -> _Candidate | None:
    """"...، وستعلن تيريزا ماي ذلك اليوم.": a verb joined by و after a comma, with ذلك/هذا as
    its object right after the speaker, announces (confirms, denies) the clause before the comma."""
    token = scan.tokens[index]
    if token.text == _bare_cue(token.text) or "،" not in scan.gap(index - 1, index):
        return None
    end = scan.sentence_end(token.end)
    that = next(
        (i for i in range(index + 2, min(index + 2 + MAX_SUBJECT_TOKENS, len(scan.tokens)))
         if scan.tokens[i].text in DEMONSTRATIVE_OBJECTS),
        None,
    )
    if that is None or any(_boundary_before(scan, i) for i in range(index + 1, that + 1)):
        return None
    if any(normalize(w) in FUNCTION_WORDS for w in scan.words(index + 1, that)):
        return None
    after = that + 1
    if after < len(scan.tokens) and scan.tokens[after].start < end:
        if scan.tokens[after].text not in ADJUNCT_STARTS:
            return None  # "وأكد الوزير ذلك القرار": the demonstrative goes with a noun
    claim = _strip_span(scan.text, scan.sentence_start(token.start), scan.tokens[index - 1].end)
    if claim[1] <= claim[0]:
        return None
    return _Candidate(
        cue_index=index,
        cue=cue,
        rule="verb-that-before",
        gender=gender,
        speaker=(scan.tokens[index + 1].start, scan.tokens[that - 1].end),
        claim=claim,
        explicit_after=True,
    )


def _is_backward(scan: _Scan, index: int) -> bool:
    """Whether the verb at ``index`` follows "هذا ما" ("هذا ما صرح به"): it points back."""
    return (
        index >= 2
        and scan.tokens[index - 1].text == WHAT
        and scan.tokens[index - 2].text in BACKWARD_OPENERS
    )


def _backward_candidate(scan: _Scan, index: int, gender: str) -> _Candidate | None:
    """The speaker of "هذا ما صرح به X" follows the verb; the claim is the sentence before ``هذا``.

    When ``هذا`` opens the paragraph the claim span is left empty and the previous paragraph
    becomes the claim when the candidate is resolved.
    """
    first = index + 1
    if first < len(scan.tokens) and scan.tokens[first].text in WITH_IT:
        first += 1
    last = first
    while last < len(scan.tokens) and last - first < MAX_SPEAKER_TOKENS:
        if last > first and _boundary_before(scan, last):
            break
        last += 1
    first, last = _trim_speaker(scan, first, last)
    if last <= first:
        return None
    opener = scan.tokens[index - 2]
    claim_end = opener.start
    while claim_end > 0 and scan.text[claim_end - 1].isspace():
        claim_end -= 1
    if claim_end > 0 and scan.is_terminal(claim_end - 1):
        claim_end -= 1
    return _Candidate(
        cue_index=index,
        cue=(opener.start, scan.tokens[first - 1].end),
        rule="backward",
        gender=gender,
        speaker=(scan.tokens[first].start, scan.tokens[last - 1].end),
        claim=(scan.sentence_start(claim_end), claim_end),
        backward=True,
        explicit_after=True,
    )


def _phrase_end(scan: _Scan, start: int, stop: Callable[[str], object] = lambda word: False) -> int:
    """The token index where a name from token ``start`` ends at the latest: the next boundary,
    a word ``stop`` is true of, or ``MAX_PHRASE_SPEAKER_TOKENS`` on."""
    last = start + 1
    while (
        last < len(scan.tokens)
        and last - start < MAX_PHRASE_SPEAKER_TOKENS
        and not _boundary_before(scan, last)
        and not stop(scan.tokens[last].text)
    ):
        last += 1
    return min(last, len(scan.tokens))


def _boundary_before(scan: _Scan, index: int) -> bool:
    """Whether a comma, colon, quote, closing parenthesis or full stop comes right before token
    ``index`` ("(... كما ذكرت صحيفة الواشنطن بوست)والآثار": the aside ends there)."""
    if index == 0:
        return True
    gap_start = scan.tokens[index - 1].end
    gap = scan.gap(index - 1, index)
    return any(
        ch in "،,:؛)" + QUOTE_MARKS
        or (ch in TERMINALS and scan.is_terminal(gap_start + offset))
        for offset, ch in enumerate(gap)
    )


def _speaker_before(scan: _Scan, candidate: _Candidate, earlier: list[_Candidate]) -> None:
    """Fill an implied speaker from before the verb: "كانت X قد ذكرت", "X الذي أبدى", "X قال",
    "ولكن X قد وصفوا" (with no كان before it, قد is only the verb's)."""
    index = candidate.cue_index
    tokens_ = scan.tokens
    if index >= 2 and tokens_[index - 1].text == QAD:
        for back in range(index - 2, max(index - 2 - MAX_SPEAKER_TOKENS, -1), -1):
            if tokens_[back].text in KANA:
                if index - 1 > back + 1:
                    candidate.speaker = (tokens_[back + 1].start, tokens_[index - 2].end)
                    candidate.rule = "kana-qad"
                return
        _subject_before(scan, candidate, index - 1)
        return
    if index >= 1 and tokens_[index - 1].text in RELATIVES:
        relative = tokens_[index - 1]
        for other in reversed(earlier):
            if other.speaker and 0 <= relative.start - other.speaker[1] <= 2:
                candidate.speaker = other.speaker
                candidate.rule = "relative"
                return
        _subject_before(scan, candidate, index - 1)
        antecedent = tokens_[index - 2].text if index >= 2 else ""
        if (
            candidate.speaker is None
            and antecedent.startswith("ال")
            and not _boundary_before(scan, index - 1)
        ):
            # "من القادة الذين كتبوا": the definite noun before the relative is who it means
            candidate.speaker = (tokens_[index - 2].start, tokens_[index - 2].end)
            candidate.rule = "relative"
        return
    _subject_before(scan, candidate, index)


def _subject_before(scan: _Scan, candidate: _Candidate, index: int) -> None:
    """Take a short noun phrase opening the clause before ``index`` as subject ("الوزير قال").

    After an أن/إن the subject starts there ("على الرغم من أن المسؤولين صرحوا"); a particle
    carrying a pronoun ("ولكنه قال") is no subject, the speaker is implied.
    """
    clause_start = index
    while clause_start > 0 and not _boundary_before(scan, clause_start):
        clause_start -= 1
        if index - clause_start > MAX_SUBJECT_TOKENS:
            return
        if scan.tokens[clause_start].text in BUT_FORMS:
            break  # "... العودة إلى شقته ولكن الشرطة أبلغته": لكن opens a clause of its own
    words = scan.words(clause_start, index)
    introducer = max((i for i, w in enumerate(words) if w in INTRODUCERS), default=-1)
    if introducer >= 0:
        clause_start += introducer + 1
        words = words[introducer + 1 :]
    if words and words[0] in BUT_FORMS:
        clause_start += 1  # "لكن وسائل الإعلام أشارت": the conjunction opens the clause
        words = words[1:]
    if not words:
        return
    for word in words:
        if word in SOURCE_PHRASES or word in WHAT_FORMS:
            return  # "وفقاً لما أفادت": the source follows the verb
        bare = _conjunction_off(normalize(word), FUNCTION_WORDS)
        if bare in FUNCTION_WORDS or _without_pronoun(bare) in FUNCTION_WORDS:
            return
    candidate.speaker = (scan.tokens[clause_start].start, scan.tokens[index - 1].end)
    candidate.rule = "subject-before"


def _without_pronoun(word: str) -> str:
    """"ولكنه" -> "لكن": a particle without its leading و/ف and its pronoun suffix."""
    if word[:1] in "وف":
        word = word[1:]
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _claim_beside(
    scan: _Scan, leading: bool, sentence_start: int, cue_start: int, speaker_end: int
) -> tuple[int, int]:
    """What a source phrase reports: leading its sentence, the rest of it after the speaker
    ending at token ``speaker_end`` ("بحسب الوكالة، فإن ...": after فإن); otherwise the
    sentence up to the phrase."""
    if not leading:
        return sentence_start, cue_start
    claim_start = scan.tokens[speaker_end - 1].end
    if speaker_end < len(scan.tokens) and scan.tokens[speaker_end].text in LEADING_INTRODUCERS:
        claim_start = scan.tokens[speaker_end].end
    return claim_start, scan.sentence_end(claim_start)


def _phrase_candidates(scan: _Scan) -> list[_Candidate]:
    """Sources named after a phrase: "وفق ما يختم التقرير", "بحسب الوكالة، ...", "نقلا عن X"."""
    found = []
    for index, token in enumerate(scan.tokens):
        word = token.text
        if word in SOURCE_PHRASES:
            after = index + 1
        elif word in SOURCE_PHRASES_WITH_VERB:
            after = index + 2
        elif (
            word == QUOTING_FROM[0]
            and index + 1 < len(scan.tokens)
            and scan.tokens[index + 1].text == QUOTING_FROM[1]
        ):
            after = index + 2
        else:
            continue
        if after < len(scan.tokens) and scan.tokens[after].text in WHAT_FORMS:
            after += 2  # "وفق ما يختم", "وفقا لما كشفه": skip "ما" and its verb
            if after < len(scan.tokens) and scan.tokens[after].text in WITH_IT:
                after += 1  # "وفقاً لما أفادت به شركة نيلسن"
        last = _phrase_end(scan, after, _cue_form)  # a reporting verb starts a clause of its own
        # "وفقا لصحيفة دي تسايت", "وفقا لوسائل إعلام": ل + the source, which after a verb would
        # name who was told ("قال لصحيفة"), is the source here
        glued_source = (
            after < len(scan.tokens)
            and _lam_glued_to_source(scan, word, index, after)
            and scan.tokens[after].text in ADJUNCT_STARTS
            and scan.tokens[after].text not in PRONOUN_PREPOSITIONS
        )
        first, last = _trim_speaker(scan, after + glued_source, last)
        first = after if glued_source else first
        if last <= first or scan.tokens[first].text in NOT_SOURCES:
            continue
        if normalize(scan.tokens[first].text) in FUNCTION_WORDS:
            continue  # "وفق لا ..." names no source
        sentence_start = scan.sentence_start(token.start)
        if sentence_start > 1 and not scan.text[sentence_start : token.start].strip(" ،," + ANY_CLOSING):
            sentence_start = scan.sentence_start(sentence_start - 1)  # "...نواصل." حسبما أفاد X
        before = scan.text[sentence_start : token.start]
        speaker = (scan.tokens[first].start, scan.tokens[last - 1].end)
        glued_lam = _lam_glued_to_source(scan, word, index, first)
        if light_stem(scan.tokens[first].text[1 if glued_lam else 0 :]) in POLL_NOUNS:
            continue  # a poll finds, it says nothing
        if glued_lam:
            speaker = (speaker[0] + 1, speaker[1])  # "وفقا لمصادر": the source is "مصادر"
        implied = last - first == 1 and _is_speech_noun(scan.tokens[first].text)
        leading = len(tokens(before)) <= 1
        claim = _claim_beside(scan, leading, sentence_start, token.start, last)
        rule = "phrase-leading" if leading else "phrase-trailing"
        found.append(
            _Candidate(
                cue_index=index,
                cue=(token.start, scan.tokens[first - 1].end),
                rule=rule + ("-implied" if implied else ""),
                gender=_possessor_gender(scan.tokens[first].text)
                if implied
                else _noun_gender(scan.tokens[first].text),
                speaker=None if implied else speaker,
                claim=claim,
                explicit_after=not implied,
                lam_before_article=glued_lam and scan.tokens[first].text.startswith("لل"),
            )
        )
    return found


def _lam_glued_to_source(scan: _Scan, phrase: str, index: int, at: int) -> bool:
    """Whether token ``at`` is ل glued to a source right after the phrase at ``index``
    ("وفقا لمصادر", "وفقا لصحيفة X"); "لا" is too short to be one."""
    word = scan.tokens[at].text
    return (
        phrase in ACCORDING_TO
        and at == index + 1
        and word.startswith("ل")
        and len(word) > MIN_GLUED_SOURCE_LETTERS
    )


def _with_article(source: str) -> str:
    """What "وفقا لل..." dropped before the source (folded, without its ل): "للتقرير" is
    ل + "التقرير"; a noun that starts with ل lost all of ال: "للوائح الإندونيسية" is
    "اللوائح الإندونيسية", alone or before an adjective ("الجديدة"), but "للجنة
    الانتخابات" is ل + "لجنة الانتخابات", a noun before its genitive taking no article."""
    words = [t.text for t in tokens(source)]
    if not words or words[0] not in LAM_INITIAL_NOUNS:
        return "ا"
    following = words[1] if len(words) > 1 else ""
    if not following or (following.startswith("ال") and following.endswith(ADJECTIVE_ENDINGS)):
        return "ال"
    return ""


def _source_of_hearsay(scan: _Scan, end: int) -> tuple[int, int] | None:
    """"وفقاً لتقارير من وسائل إعلام محلية": reports are no speaker, but a source named after
    من is. The span of that source, or None ("وأفادت تقارير بأن")."""
    after = next((i for i, t in enumerate(scan.tokens) if t.start >= end), len(scan.tokens))
    if after + 1 >= len(scan.tokens) or scan.tokens[after].text != FROM:
        return None
    last = _phrase_end(scan, after + 1, INTRODUCERS.__contains__)
    first, last = _trim_speaker(scan, after + 1, last)
    return (scan.tokens[first].start, scan.tokens[last - 1].end) if last > first else None


def _is_speech_noun(word: str, nouns: frozenset[str] = SPEECH_NOUNS) -> bool:
    """Whether ``word`` is a speech noun (of ``nouns``) with a possessive ("تصريحاته", "قوله",
    "كلمته": its ة is written ت before the pronoun)."""
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = word[: -len(suffix)] if word.endswith(suffix) else ""
        if stem.endswith("ت"):
            stem = stem[:-1] + "ة"
        if stem and light_stem(stem) in nouns:
            return True
    return False


def _subject_gender(scan: _Scan, candidate: _Candidate) -> str:
    """"اشتكى البعض", "وقال المحامون": a verb before its subject agrees in the singular, but
    "some" and a sound plural are never a later "he" ("وأضافوا" is theirs)."""
    text = scan.text[candidate.speaker[0] : candidate.speaker[1]] if candidate.speaker else ""
    head = text.split()[0] if text else ""
    sound_plural = head.startswith("ال") and head.endswith(SOUND_PLURAL_SUFFIX)
    return PLURAL if text in INDEFINITE_PLURALS or sound_plural else candidate.gender


def _noun_gender(word: str) -> str:
    """A source named by a phrase has no verb to agree with: "مجلة", "الوكالة" end in ة."""
    return FEMININE if word.endswith("ة") else MASCULINE


def _possessor_gender(word: str) -> str:
    if word.endswith(("هم", "هما")):
        return PLURAL
    return FEMININE if word.endswith("ها") else MASCULINE


def _headline_candidate(scan: _Scan) -> _Candidate | None:
    """A headline "مركز دراسات الحرب: ..." may give the part before the colon as the speaker.

    Only may: "كاني ويست: مغني الراب يغير اسمه" labels a topic. ``find_attributions`` keeps it
    only when the body attributes a claim to the same speaker.
    """
    colon = scan.text.find(":")
    if colon <= 0:
        return None
    speaker_tokens = [t for t in scan.tokens if t.end <= colon]
    if not 1 <= len(speaker_tokens) <= MAX_HEADLINE_SPEAKER_TOKENS:
        return None
    claim = (colon + 1, len(scan.text))
    return _Candidate(
        cue_index=len(speaker_tokens),
        cue=(colon, colon + 1),
        rule="headline",
        gender=MASCULINE,
        speaker=(speaker_tokens[0].start, speaker_tokens[-1].end),
        claim=claim,
        explicit_after=True,
    )


def _settle_nesting(scan: _Scan, candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop or split attributions that sit inside another one's claim.

    A reporting verb inside a claim starts a claim of its own only when a clause opener precedes
    it and its speaker follows it ("بعدما قال عضو لجنة ... إن"); the outer claim then ends there.
    Anything else inside a claim ("أنّ كوتراشيف والخزعلي ناقشا") is part of what is reported.
    A trailing "بحسب تصريحاته" after an attributed clause only repeats the attribution, and so
    does a participle inside another cue's speaker phrase ("وتابع قائلاً:").
    """
    candidates.sort(key=lambda c: c.cue[0])
    candidates = [
        c
        for c in candidates
        if not (c.participle and any(o.cue[0] < c.cue[0] < o.claim[0] for o in candidates))
        and not (not c.explicit_after and any(_said_before_over(o, c) for o in candidates))
    ]
    kept: list[_Candidate] = []
    for candidate in candidates:
        outer = next(
            (k for k in kept if not k.backward and k.claim[0] <= candidate.cue[0] < k.claim[1]),
            None,
        )
        if outer is None:
            kept.append(candidate)
            continue
        if candidate.rule.startswith("phrase-trailing"):
            outer.claim = (outer.claim[0], min(outer.claim[1], candidate.cue[0]))
            continue
        opener = scan.tokens[candidate.cue_index - 1].text if candidate.cue_index > 0 else ""
        if candidate.explicit_after and (
            opener in NESTED_OPENERS
            or "،" in scan.gap(candidate.cue_index - 1, candidate.cue_index)
        ):
            cut = _clause_start(scan, outer.claim[0], candidate.cue_index)
            if not _leads_to_nothing(scan, outer, cut):
                outer.claim = (outer.claim[0], cut)
            kept.append(candidate)
    result = []
    for candidate in kept:
        if candidate.rule.startswith("phrase-trailing") and any(
            other is not candidate
            and not other.rule.startswith("phrase")
            and candidate.claim[0] <= other.cue[0] < candidate.claim[1]
            for other in kept
        ):
            continue
        result.append(candidate)
    return result


def _said_before_over(outer: _Candidate, inner: _Candidate) -> bool:
    """"قرار المحكمة يشير إلى أن ...، كما قالت زاراتي": a verb with no speaker named after it
    in what a later "كما قالت X" or "«...»، قال X" reports is part of that claim."""
    return (
        outer.speaker is not None
        and outer.rule.startswith(("as-said", "quote-before"))
        and outer.claim[0] <= inner.cue[0] < outer.claim[1]
    )


def _leads_to_nothing(scan: _Scan, outer: _Candidate, cut: int) -> bool:
    """"ووفقاً للتقرير، فقد أكد الفحص أن ...": a source phrase whose claim would end before a
    word of it reports the whole sentence, the nested claim included."""
    return outer.rule.startswith("phrase-leading") and not tokens(scan.text[outer.claim[0] : cut])


def _clause_start(scan: _Scan, floor: int, cue_index: int) -> int:
    """Where the clause of the verb at ``cue_index`` begins: the last comma at most 3 words back."""
    for back in range(cue_index, max(cue_index - 4, 0), -1):
        gap_start = scan.tokens[back - 1].end
        gap = scan.gap(back - 1, back)
        if "،" in gap or "," in gap:
            return max(floor, gap_start + max(gap.find("،"), gap.find(",")))
    return max(floor, scan.tokens[cue_index - 1].start if cue_index > 0 else floor)


def _speech_noun_candidates(scan: _Scan) -> list[_Candidate]:
    """"«...» في تصريحات روس لبي بي سي", "«...»، في تصريحاته للصحفيين": a quotation closing
    right before في and a speech noun is the possessor's; a named one only when the article
    already has that speaker ("في تصريحات صحفية" names none), one in a suffix is implied."""
    found = []
    for index in range(1, len(scan.tokens) - 1):
        if scan.tokens[index].text not in IN_FORMS:
            continue
        claim = _quote_before(scan, index)
        noun = scan.tokens[index + 1].text
        if claim is None or light_stem(noun) not in SPEECH_NOUNS:
            continue
        cue = (scan.tokens[index].start, scan.tokens[index + 1].end)
        implied = _is_speech_noun(noun)
        speaker = None
        if not implied:
            # "لبي بي سي", "للصحفيين": who it was said to ends the name
            last = _phrase_end(scan, index + 2, lambda word: word.startswith("ل"))
            first, last = _trim_speaker(scan, index + 2, last)
            if last <= first:
                continue
            speaker = (scan.tokens[first].start, scan.tokens[last - 1].end)
        found.append(
            _Candidate(
                cue_index=index,
                cue=cue,
                rule="quote-before-speech-noun" + ("-implied" if implied else ""),
                gender=_possessor_gender(noun)
                if implied
                else _noun_gender(scan.tokens[index + 2].text),
                speaker=speaker,
                claim=claim,
                explicit_after=not implied,
                known_only=not implied,
            )
        )
    return found


def _call_noun_candidates(scan: _Scan) -> list[_Candidate]:
    """"بعد أسابيع من دعوة بوريس جونسون إلى تخفيض الرسوم": a call (دعوة) is the speaker's
    named right after it, and what it calls for follows إلى. Only a name of two or more words
    with no ال and no adjunct: the noun after دعوة can also be the one called ("دعوة الشباب
    إلى", "دعوة أنصاره إلى")."""
    found = []
    for index, token in enumerate(scan.tokens):
        if token.text not in CALL_NOUNS:
            continue
        last = _phrase_end(scan, index + 1, CALLED_FOR.__eq__)
        if last >= len(scan.tokens) or scan.tokens[last].text != CALLED_FOR:
            continue
        first, cut = _trim_speaker(scan, index + 1, last)
        words = scan.words(first, cut)
        if cut != last or len(words) < 2 or any(w.startswith("ال") for w in words):
            continue
        opening = scan.tokens[last].end
        found.append(
            _Candidate(
                cue_index=index,
                cue=(token.start, token.end),
                rule="call-noun",
                gender=_noun_gender(words[0]),
                speaker=(scan.tokens[first].start, scan.tokens[cut - 1].end),
                claim=(opening, scan.sentence_end(opening)),
                explicit_after=True,
            )
        )
    return found


def _stated_in_candidates(scan: _Scan) -> list[_Candidate]:
    """"وجاء في بيان للوزارة أن الحدود مغلقة": what a statement, report or interview says
    (after أن, a quote or a colon), its speaker the document after في with who issued it."""
    found = []
    for index, token in enumerate(scan.tokens[:-2]):
        word = _conjunction_off(token.text, STATED_IN_VERBS)
        if word not in STATED_IN_VERBS or scan.tokens[index + 1].text != IN:
            continue
        if light_stem(scan.tokens[index + 2].text) not in SOURCE_NOUNS:
            continue
        opening = _opening_after(scan, index + 1, "")
        if opening is None:
            continue
        opening_index, kind, position = opening
        first, last = _trim_speaker(scan, index + 2, opening_index)
        claim, open_quote = _claim_from(scan, kind, position)
        found.append(
            _Candidate(
                cue_index=index,
                cue=(token.start, scan.tokens[index + 1].end),
                rule="stated-in",
                gender=_noun_gender(scan.tokens[first].text),
                speaker=(scan.tokens[first].start, scan.tokens[last - 1].end),
                claim=claim,
                open_quote=open_quote,
                explicit_after=True,
            )
        )
    return found


def _as_put_candidates(scan: _Scan) -> list[_Candidate]:
    """"وعلى حد قوله، سيجلب القرار فرصة" / "القرار فرصة، على حد تعبير الوزير.": the sentence is
    said by the possessor of the speech noun ("قوله": the latest he), or by who is named after it.
    Leading the sentence, the phrase reports what follows it; otherwise what precedes it."""
    found = []
    on, edge = AS_PUT_BY
    for index in range(len(scan.tokens) - 2):
        if scan.tokens[index].text not in on or scan.tokens[index + 1].text != edge:
            continue
        noun = scan.tokens[index + 2].text
        implied = _is_speech_noun(noun)
        speaker, last = None, index + 3
        if not implied:
            if light_stem(noun) not in SPEECH_NOUNS:
                continue
            last = _phrase_end(scan, index + 3)
            first, last = _trim_speaker(scan, index + 3, last)
            if last <= first or normalize(scan.tokens[first].text) in FUNCTION_WORDS:
                continue
            speaker = (scan.tokens[first].start, scan.tokens[last - 1].end)
        token = scan.tokens[index]
        sentence_start = scan.sentence_start(token.start)
        leading = not tokens(scan.text[sentence_start : token.start])
        claim = _claim_beside(scan, leading, sentence_start, token.start, last)
        rule = "as-put-leading" if leading else "as-put-trailing"
        found.append(
            _Candidate(
                cue_index=index,
                cue=(token.start, scan.tokens[index + 2].end),
                rule=rule + ("-implied" if implied else ""),
                gender=_possessor_gender(noun) if implied else _noun_gender(scan.tokens[index + 3].text),
                speaker=speaker,
                claim=claim,
                explicit_after=not implied,
            )
        )
    return found


def _paragraph_candidates(scan: _Scan) -> list[_Candidate]:
    return _settle_nesting(
        scan,
        _verb_candidates(scan)
        + _phrase_candidates(scan)
        + _speech_noun_candidates(scan)
        + _call_noun_candidates(scan)
        + _stated_in_candidates(scan)
        + _as_put_candidates(scan),
    )


class _Speakers:
    """The speakers of one article in order of appearance, for resolving later references."""

    def __init__(self, subjects: list[_Subject]) -> None:
        self.recent: list[SpeakerEntity] = []  # most recent last; an entity recurs per mention
        self.subjects = subjects  # in reading order
        self.said_until = (0, 0)  # (paragraph, offset) where the latest claim ends

    def explicit(
        self, text: str, gender: str, adjunct: str, where: tuple[int, int, int], antecedent: bool
    ) -> SpeakerEntity:
        words = words_of(text)
        entity = self._described(words, gender) or self._same_as(words)
        if entity is None:
            entity = SpeakerEntity(name=text, gender=gender, words=words, keys=set())
        entity.antecedent |= antecedent
        # A later "السفير" or "النجار" names the head or the last word of the phrase; the
        # head is also kept as it reads with the article ("وزير" -> "الوزير").
        for word in {words[0], words[-1]} if words else ():
            entity.keys |= {light_stem(word), light_stem(word if word.startswith("ال") else "ال" + word)}
        entity.keys |= {light_stem(t.text) for t in tokens(adjunct)} & SOURCE_NOUNS
        entity.mentions.append(where)
        self.recent.append(entity)
        return entity

    def implied(self, gender: str, at: tuple[int, int]) -> SpeakerEntity | None:
        """Who an unnamed "he"/"she" at ``at`` is: the person last named as a subject since the
        latest claim, shortly before ``at``, or else the latest speaker of that gender."""
        entity = self._subject_since(gender, at) or self._latest(gender)
        if entity is not None:
            self.recent.append(entity)
        return entity

    def heard(self, attribution: Attribution) -> None:
        """Note a claim: a person named before its end is no longer who a pronoun means."""
        self.said_until = max(self.said_until, (attribution.paragraph, attribution.claim_end))

    def _subject_since(self, gender: str, at: tuple[int, int]) -> SpeakerEntity | None:
        subject = next((s for s in reversed(self.subjects) if s.position < at), None)
        if (
            subject is None
            or subject.position < self.said_until
            or at[0] - subject.position[0] > MAX_SUBJECT_PARAGRAPHS_BACK
        ):
            return None
        known = self._same_as(words_of(subject.text))
        if known is not None:
            return known if known.gender == gender else None
        if subject.gender != gender:
            return None
        where = (subject.position[0], subject.position[1], subject.end)
        return self.explicit(subject.text, gender, "", where, antecedent=True)

    def _latest(self, gender: str) -> SpeakerEntity | None:
        return next((e for e in reversed(self.recent) if e.gender == gender and e.antecedent), None)

    def _described(self, words: tuple[str, ...], gender: str) -> SpeakerEntity | None:
        """The speaker a description refers back to: "الشاب البالغ (من العمر 24 عاماً)",
        "الفتاة", "رونالدو البالغ" are the latest speaker of that gender, or the one named."""
        core = words[:-1] if words and words[-1] in AGE_WORDS else words
        if core and core[0] not in DESCRIPTION_HEADS:
            return self._same_as(core) if core != words else None
        if all(w.startswith("ال") or w in COUNT_WORDS or w.isdigit() for w in core[1:]):
            return self._latest(gender)
        return None

    def known(self, words: tuple[str, ...]) -> SpeakerEntity | None:
        """The speaker these words name, if the article has one already."""
        return self._same_as(words)

    def _same_as(self, words: tuple[str, ...]) -> SpeakerEntity | None:
        if len(words) == 1 and words[0].startswith("ال"):
            key = light_stem(words[0])
            for entity in reversed(self.recent):
                if key in entity.keys and not _is_coordination(entity.words):
                    return entity
        # A name is shortened from the front: "وزير الخارجية أحمد النجار" becomes "النجار",
        # "تقرير مركز دراسات الحرب" ends with the centre's name.
        for entity in reversed(self.recent):
            if _shortened(entity.words, words) or _shortened(words, entity.words):
                return entity
        return None


def _ends_with(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return 0 < len(shorter) <= len(longer) and longer[len(longer) - len(shorter) :] == shorter


def _shortened(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` names what ``longer`` does, shortened from the front: not two
    speakers ("كوتراشيف وفياض"), nor a body and its head ("رئيس مجتمع كرومويل")."""
    before = longer[-len(shorter) - 1] if len(longer) > len(shorter) else ""
    return _ends_with(longer, shorter) and not _is_coordination(longer) and before not in HEAD_OF


def _is_coordination(words: tuple[str, ...]) -> bool:
    """Whether a phrase ends in a و-word, as "كوتراشيف وفياض" does: two speakers, not one name."""
    return len(words) > 1 and words[-1].startswith("و") and len(words[-1]) > 3


def find_attributions(article: Article, people: Sequence[NamedPerson] = ()) -> list[Attribution]:
    """Every attributed claim of ``article`` in reading order, speakers resolved within it.

    ``people`` are the persons the actors list names in the article: one named as a clause's
    subject is who a later unnamed "وقال" means, when no one has spoken since.

    Repeated paragraphs and subheadings without a cue are skipped (a continuation verb after a
    subheading still finds its speaker); a headline's "Speaker:" counts once the body has that speaker.
    A paragraph that is a quotation with no cue of its own goes on from the paragraph before
    when that one ends in an open quotation or gives a claim to someone.
    """
    speakers = _Speakers(_subjects(article, [*people, *_people_by_grammar(article)]))
    result: list[Attribution] = []
    body = [p for p in article.paragraphs if p.kind != ParagraphKind.REPEATED]
    previous_body: Paragraph | None = None
    previous_claims: list[Attribution] = []  # what the previous paragraph attributed
    open_quote: Attribution | None = None
    quote_run: list[Attribution] = []  # the paragraphs of the quotation going on, if any
    headline: tuple[_Scan, _Candidate] | None = None
    unclaimed: _Scan | None = None  # the paragraph before: a quotation opened, no one named
    for position, paragraph in enumerate(body):
        scan = _Scan(paragraph)
        if paragraph.kind == ParagraphKind.TITLE:
            candidate = _headline_candidate(scan)
            headline = (scan, candidate) if candidate else None
        candidates = _paragraph_candidates(scan)
        # A short line that opens a quotation, or sits inside one left open and closed later,
        # is the quotation ('"أتتذكرون إجابتها؟'), not a heading.
        heading = (
            paragraph.kind == ParagraphKind.SUBHEADING
            and not _closes_quote(scan)
            and not (_starts_with_quote(scan.text) and _quote_left_open(scan))
            and not _quoted_question(scan)
            and not (open_quote is not None and _next_quote_mark_closes(body[position:]))
        )
        if heading and not candidates:
            continue  # a heading between a speaker's paragraphs; one with a cue is a sentence
        claims: list[Attribution] = []
        opens_with_quote = _starts_with_quote(scan.text) and not _has_cue_word(scan)
        was_open, goes_on, names_quote = open_quote is not None, None, None
        if not was_open and not candidates and previous_claims and not opens_with_quote:
            # A closing mark ahead with no opening one: the quotation began after the speaker's
            # paragraph and this paragraph is inside it. Only direct speech there (quote marks,
            # "وأضافت: ...") goes on so; after reported speech ("قائلاً إن") the mark is a stray.
            direct = any(char in QUOTE_MARKS + ":" for char in previous_body.ar)
            if direct and _next_quote_mark_closes(body[position:], strict=True):
                open_quote, was_open = previous_claims[-1], True
        if was_open and not opens_with_quote:
            if _next_quote_mark_closes(body[position:]):
                # Still inside the quotation up to its closing mark: cues there are quoted too.
                close = next(iter(_speech_marks(scan.text)), len(scan.text))
                candidates = [c for c in candidates if c.cue[0] > close]
                # "...» قال X" / "..." حسبما أفاد X: the quotation names its own speaker.
                names_quote = next((c for c in candidates if c.claim[0] <= close), None)
                goes_on = None if names_quote else open_quote
            elif not heading and _speaks_in_person(scan):
                # "كنت سأفعل ذلك.": no marks, but the speaker's own words; a cue there is one
                # the speaker reports ("وقال الأطباء إنني سأشفى"), the paragraph is both's
                goes_on = open_quote
        elif not candidates:
            goes_on = open_quote or (previous_claims[-1] if previous_claims and opens_with_quote else None)
        open_quote = None
        if goes_on is not None:
            continued = _continue_quote(article, scan, goes_on, was_open)
            if continued.claim:
                claims.append(continued)
                speakers.heard(continued)
            closes = _quote_closes(scan) if was_open else not _quote_left_open(scan)
            open_quote = None if closes else continued
        for candidate in candidates:
            if candidate.known_only and speakers.known(
                words_of(scan.text[candidate.speaker[0] : candidate.speaker[1]])
            ) is None:
                continue
            attribution = _resolve(article, scan, candidate, speakers, previous_body)
            if attribution is None:
                continue
            claims.append(attribution)
            speakers.heard(attribution)
            if candidate.open_quote:
                open_quote = attribution
            if candidate is names_quote:
                _give_quote_to(quote_run, attribution)
            if unclaimed is not None and _names_quote_before(scan, candidate, opens_with_quote):
                # '"كنت أرغب ...' then '... وهكذا انتهى الأمر" في تصريحات روس': one quotation
                # over two paragraphs, its speaker named where it closes
                earlier = _continue_quote(article, unclaimed, attribution, True)
                earlier.rule = "quote-named-next"
                if earlier.claim:
                    result.append(earlier)
                unclaimed = None
        quote_run = (quote_run if goes_on else []) + [c for c in claims if c.rule.startswith("quote-")]
        unclaimed = (
            scan
            if opens_with_quote and not claims and not candidates and _quote_left_open(scan)
            else None
        )
        result.extend(claims)
        previous_claims = claims
        previous_body = paragraph
    if headline is not None:
        scan, candidate = headline
        words = words_of(scan.text[candidate.speaker[0] : candidate.speaker[1]])
        entity = speakers.known(words)
        attribution = _resolve(article, scan, candidate, speakers, None, entity) if entity else None
        if attribution is not None:
            result.insert(0, attribution)
    return result


def _subjects(article: Article, people: Sequence[NamedPerson]) -> list[_Subject]:
    """The persons of ``people`` named as the subject of a clause, in reading order."""
    texts = {p.index: p.ar for p in article.paragraphs}
    found = []
    for person in people:
        text = texts.get(person.paragraph)
        if text is None:
            continue
        before = _clause_before(text, person.start)
        if before is None:
            continue
        feminine = before and before[-1].endswith(FEMININE_ENDINGS)  # "وكانت", "السيدة"
        gender = FEMININE if feminine else MASCULINE
        found.append(_Subject((person.paragraph, person.start), person.end, person.text, gender))
    return sorted(found, key=lambda s: s.position)


def _people_by_grammar(article: Article) -> list[NamedPerson]:
    """Persons the actors list may miss, named where the grammar leaves only a person: a name
    of two or three words, none with ال, between كان and its accusative ("لقد كان شون كومز
    معروفًا"; "كان عدد القتلى كبيرًا" is no name), and a nisba noun a relative clause describes
    ("لم يتمكن الأمريكي، الذي فاز ..."). ``_subjects`` keeps those that are a clause's subject."""
    found = []
    for paragraph in article.paragraphs:
        scan = _Scan(paragraph)
        for index, token in enumerate(scan.tokens):
            if token.text in KANA:
                first, last = index + 1, _name_before_accusative(scan, index + 1)
            elif _nisba_described(scan, index):
                first, last = index, index + 1
            else:
                continue
            if last is not None:
                start, end = scan.folded.span(scan.tokens[first].start, scan.tokens[last - 1].end)
                found.append(NamedPerson(paragraph.index, start, end, paragraph.ar[start:end]))
    return found


def _name_before_accusative(scan: _Scan, first: int) -> int | None:
    """The end of a name of ``KANA_NAME_WORDS`` words from token ``first`` that an accusative
    ends, if there is one."""
    for last in range(first + KANA_NAME_WORDS[0], first + KANA_NAME_WORDS[1] + 1):
        if last >= len(scan.tokens) or any(_boundary_before(scan, k) for k in (last - 1, last)):
            return None  # "كان سامي علي، ...": a comma or stop inside the name or after it
        words = scan.words(first, last)
        if any(w.startswith("ال") or normalize(w) in FUNCTION_WORDS for w in words):
            return None
        if TANWEEN_FATH in scan.original(last):
            return last
    return None


def _nisba_described(scan: _Scan, index: int) -> bool:
    """Whether token ``index`` is a definite nisba noun ("الأمريكي") set off by a comma before
    a relative clause."""
    word = scan.tokens[index].text
    return (
        word.startswith("ال")
        and word.endswith(NISBA_ENDING)
        and index + 1 < len(scan.tokens)
        and _comma_before(scan, index + 1)
        and scan.tokens[index + 1].text in RELATIVES
    )


def _clause_before(text: str, start: int) -> list[str] | None:
    """The folded words of the clause before ``start`` when they leave room only for its verb
    ("قام جندون", "وكان فيوريك نفسه"); None when the name is further in or after a preposition."""
    floor = max(text.rfind(mark, 0, start) for mark in TERMINALS + "،,:؛")
    words = [fold(w).text for w in text[floor + 1 : start].split()]
    if any(w in ADJUNCT_STARTS for w in words):
        return None
    if not words and floor >= 0 and text[floor] in "،,":
        return None  # "اعترف كيت، الذي تزوج من زميلته، روز ليزلي،": an apposition, no subject
    verb_at = 1 if words[:1] and words[0] in QAD_FORMS else 0  # "وقد رفض الرئيس السابق"
    clause = words[verb_at:]
    titled = 2 <= len(clause) <= 1 + MAX_TITLE_WORDS and clause[1] in TITLE_WORDS
    if len(clause) > MAX_WORDS_BEFORE_SUBJECT and not titled:
        return None
    return words


def _starts_with_quote(text: str) -> bool:
    """Whether ``text`` opens with a quote mark (a paragraph of only ـ folds to no text)."""
    first = text.lstrip()[:1]
    return bool(first) and first in OPENING_QUOTES


def _quoted_question(scan: _Scan) -> bool:
    """'"ماذا كنا نعلّم الرجال؟"': a question in quote marks is one someone asked, not a
    section heading (those are unquoted: "علاقة متكافئة أم لا؟")."""
    text = scan.text.strip()
    return _starts_with_quote(text) and text.rstrip(ANY_CLOSING + " ")[-1:] in "?؟"


def _has_cue_word(scan: _Scan) -> bool:
    """Whether a paragraph names a source in a way the patterns could not read ("وفقاً لم
    قاله ..."): its quotation is then not simply the previous speaker's. Words inside the
    quotation that opens the paragraph are the speaker's own ("لن أعتبر نفسي ناجحًا")."""
    start = len(scan.text) - len(scan.text.lstrip())
    outside = scan.quote_end(start)[0] if _starts_with_quote(scan.text) else -1
    return any(
        t.text in SOURCE_PHRASES or _cue_form(t.text) or _cue_form(t.text.removesuffix("ه"))
        for t in scan.tokens
        if t.start > outside
    )


def _names_quote_before(scan: _Scan, candidate: _Candidate, opens_with_quote: bool) -> bool:
    """Whether ``candidate`` gives this paragraph's text up to its first quote mark, one that
    closes a quotation: that quotation began before this paragraph."""
    first = _first_quote_mark(scan)
    if opens_with_quote or scan.text[: candidate.claim[0]].strip():
        return False
    if first == len(scan.text):
        # No marks: the quotation left open goes on up to a trailing source that ends it
        # ("كنت محجوزًا بين الأنقاض، وفقًا لما قاله هاريس").
        return candidate.claim[1] <= candidate.cue[0]
    return not _opens_quote(scan.text, first) and candidate.claim[0] <= first <= candidate.claim[1]


def _speaks_in_person(scan: _Scan) -> bool:
    """Whether a paragraph with no quote marks speaks as "I"/"we" or to "you" ("لكنني قبلته",
    "يمكنك"): after a quotation left open it is that quotation going on, not narration."""
    if _first_quote_mark(scan) < len(scan.text):
        return False
    return any(
        _conjunction_off(t.text, FIRST_SECOND_PERSON) in FIRST_SECOND_PERSON
        or _first_person_after_negation(scan, index)
        for index, t in enumerate(scan.tokens)
    )


def _first_person_after_negation(scan: _Scan, index: int) -> bool:
    """Whether token ``index`` is a verb in the first person after لم/لن ("لم أستطع المشي",
    "لن نسمح"): only a verb follows them, and of its forms only "I" starts with أ, "we" with ن."""
    return (
        index > 0
        and scan.tokens[index - 1].text in FIRST_PERSON_NEGATIONS
        and scan.original(index)[:1] in FIRST_PERSON_PREFIXES
    )


def _quote_mark_count(text: str) -> int:
    """How many quote marks, opening or closing, ``text`` holds."""
    return sum(char in QUOTE_MARKS for char in text)


def _first_quote_mark(scan: _Scan) -> int:
    return next(
        (i for i, char in enumerate(scan.text) if char in QUOTE_MARKS),
        len(scan.text),
    )


def _closes_quote(scan: _Scan) -> bool:
    """Whether the first quote mark closes a quotation: 'كان حازمًا، عازمًا، جليًّا"' ends one,
    short and unpunctuated as it is, and is no heading."""
    first = _first_quote_mark(scan)
    return first < len(scan.text) and not _opens_quote(scan.text, first)


def _quote_closes(scan: _Scan) -> bool:
    return any(p > 0 and scan.text[p] in ANY_CLOSING for p in _speech_marks(scan.text))


def _speech_marks(text: str, left_open: bool = True) -> list[int]:
    """Where the quote marks of a paragraph are; inside a quotation ``left_open`` before it,
    less the pairs around a short term not opening it ('فقد تحول من "كاني" الذي يعني ... إلى
    "يي"'): those quote a word of the speaker's, they neither close the quotation nor open one.
    After a quotation that was closed or never opened, a term's marks are no less a quotation."""
    marks = [i for i, char in enumerate(text) if char in QUOTE_MARKS]
    if not left_open:
        return marks
    kept: list[int] = []
    index = 0
    while index < len(marks):
        opening = marks[index]
        closing = marks[index + 1] if index + 1 < len(marks) else -1
        term = text[opening + 1 : closing]
        if (
            closing > 0
            and text[:opening].strip()
            and _opens_quote(text, opening)
            and len(term.split()) <= MAX_QUOTED_TERM_WORDS
            and not any(char in TERMINALS + "،," for char in term)
        ):
            index += 2
            continue
        kept.append(opening)
        index += 1
    return kept


def _quote_left_open(scan: _Scan) -> bool:
    """Whether the quotation that opens this paragraph is still open at its end."""
    start = len(scan.text) - len(scan.text.lstrip())
    _, closed = scan.quote_end(start)
    return not closed


def _opens_quote(text: str, position: int) -> bool:
    """Whether the quote mark at ``position`` opens a quotation: «, or a straight or curly
    mark with a space (or nothing) before it and a word after it, or one written right after a
    reporting verb ('وقال" إننا ...': the verb's quotation, whatever the spacing)."""
    char = text[position]
    if char in "«»":
        return char == "«"
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isalpha():
        start = position
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if _cue_form(text[start:position]) is not None:
            return True
        if after.isalpha():
            # 'في"صراع العروش".': glued on both sides, it opens when a mark after it closes it
            return _quote_mark_count(text[position + 1 :]) % 2 == 1
    return (before.isspace() or before in "(:،,") and not after.isspace()


def _give_quote_to(run: list[Attribution], named: Attribution) -> None:
    """The paragraphs of a quotation whose last paragraph names its speaker are that speaker's,
    whoever the paragraph before them had given a claim to."""
    for attribution in run:
        attribution.entity = named.entity
        attribution.gender = named.gender
        attribution.speaker_paragraph = named.speaker_paragraph
        attribution.speaker_start, attribution.speaker_end = named.speaker_start, named.speaker_end


def _next_quote_mark_closes(paragraphs: list[Paragraph], strict: bool = False) -> bool:
    """Whether the next quote marks from the start of ``paragraphs`` close a quotation: only
    then is text without quote marks still inside a quotation left open before it. A speaker
    named before them, or no marks within ``MAX_QUOTE_PARAGRAPHS``, means it was never closed.
    A quoted term is skipped only inside a quotation known to be open (not ``strict``)."""
    for paragraph in paragraphs[:MAX_QUOTE_PARAGRAPHS]:
        scan = _Scan(paragraph)
        marks = _speech_marks(scan.text, left_open=not strict)
        first_mark = marks[0] if marks else len(scan.text)
        candidates = _paragraph_candidates(scan)
        if any(c.speaker and not c.maybe_me and c.cue[0] < first_mark for c in candidates):
            return False
        if first_mark < len(scan.text):
            # An odd number of marks leaves one to close the quotation from before (``strict``:
            # only a first mark that closes tells of a quotation never opened).
            return not _opens_quote(scan.text, first_mark) or (len(marks) % 2 == 1 and not strict)
    return False


def _continue_quote(
    article: Article, scan: _Scan, opened: Attribution, left_open: bool
) -> Attribution:
    """A quotation that goes on from the paragraph before, same speaker: one left open there
    (``left_open``, "quote-continued"), or a new one after that speaker's paragraph ("quote-bare")."""
    start = 1 if scan.text[:1] in OPENING_QUOTES else 0
    marks = _speech_marks(scan.text, left_open)
    end = next((p for p in marks if p >= start and scan.text[p] in ANY_CLOSING), len(scan.text))
    start, end = _strip_span(scan.text, start, end)
    original = scan.folded.span(start, end)
    return Attribution(
        article=article.id,
        paragraph=scan.paragraph.index,
        cue=opened.cue,
        rule="quote-continued" if left_open else "quote-bare",
        claim_start=original[0],
        claim_end=original[1],
        claim=scan.paragraph.ar[original[0] : original[1]],
        speaker_text="",
        speaker_paragraph=opened.speaker_paragraph,
        speaker_start=opened.speaker_start,
        speaker_end=opened.speaker_end,
        gender=opened.gender,
        entity=opened.entity,
    )


def _resolve(
    article: Article,
    scan: _Scan,
    candidate: _Candidate,
    speakers: _Speakers,
    previous_body: Paragraph | None,
    known: SpeakerEntity | None = None,
) -> Attribution | None:
    """Turn a candidate into an attribution: resolve its speaker, map offsets to the original text.

    ``known`` is the speaker already established for a headline's label.
    """
    claim_paragraph = scan.paragraph
    claim_text_source = scan
    claim = candidate.claim
    if candidate.backward and claim[1] <= claim[0]:
        if previous_body is None:
            return None
        claim_text_source = _Scan(previous_body)
        claim_paragraph = previous_body
        claim = (0, len(claim_text_source.text))
    start, end = _strip_span(claim_text_source.text, *claim)
    if end <= start:
        return None
    claim_original = claim_text_source.folded.span(start, end)
    cue_original = scan.folded.span(*candidate.cue)
    cue_text = scan.paragraph.ar[cue_original[0] : cue_original[1]]
    adjunct = ""
    if candidate.adjunct:
        a_start, a_end = scan.folded.span(*candidate.adjunct)
        adjunct = scan.paragraph.ar[a_start:a_end]
    if candidate.maybe_me and speakers.known(words_of(scan.text[slice(*candidate.speaker)])) is None:
        candidate.speaker = None  # "فقال لي": the one who told me is the speaker before
    if candidate.speaker is not None:
        if scan.text[candidate.speaker[0] : candidate.speaker[1]] in UNNAMED_SOURCES:
            candidate.speaker = _source_of_hearsay(scan, candidate.speaker[1])
            candidate.lam_before_article = False
            if candidate.speaker is None:
                return None
        s_start, s_end = scan.folded.span(*candidate.speaker)
        speaker_text = scan.paragraph.ar[s_start:s_end]
        if candidate.lam_before_article:
            speaker_text = _with_article(scan.text[slice(*candidate.speaker)]) + speaker_text
        where = (scan.paragraph.index, s_start, s_end)
        if known is not None:
            entity = known
            entity.mentions.insert(0, where)
        else:
            antecedent = not candidate.rule.startswith("phrase")
            gender = _subject_gender(scan, candidate)
            entity = speakers.explicit(speaker_text, gender, adjunct, where, antecedent)
    else:
        speaker_text = ""
        entity = speakers.implied(candidate.gender, (scan.paragraph.index, cue_original[0]))
        if entity is None:
            return None
        where = entity.mentions[-1]
    return Attribution(
        article=article.id,
        paragraph=claim_paragraph.index,
        cue=cue_text,
        rule=candidate.rule,
        claim_start=claim_original[0],
        claim_end=claim_original[1],
        claim=claim_paragraph.ar[claim_original[0] : claim_original[1]],
        speaker_text=speaker_text,
        speaker_paragraph=where[0],
        speaker_start=where[1],
        speaker_end=where[2],
        gender=candidate.gender,
        entity=entity,
        adjunct=adjunct,
    )
