"""The actors stage: who the articles talk about, each once, in Arabic and English, with roles.

Names are found on the Arabic of each paragraph (``briefing.ner.mentions``), then merged across
the whole briefing: a person's surname alone (``كوتراشيف``, ``الخزعلي``) joins the full name it
ends, organisation names that differ only in their generic head (``قوات``/``هيئة الحشد الشعبي``)
join, and places merge by gazetteer entry (``أمريكا`` is the United States). Once the names are
known, their other mentions are looked up in every paragraph, because the tagger misses some
repeats (``وفياض``). English names come from the glossary, then CLDR, then the word lists, then
romanisation; they never come from machine translation, which mangles names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing.ner.dictionary import dictionary_reading
from briefing.ner.english import gloss_name, role_english
from briefing.ner.lexicon import is_nationality
from briefing.ner.mentions import (
    ORG_HEADS,
    SURNAME_PARTICLES,
    Found,
    Names,
    find_mentions,
    leading_clitics,
)
from briefing.ner.roles import role_before
from briefing.ner.romanize import romanize
from briefing.ner.tagger import Tagger, shipped_tagger
from briefing.ner.text import (
    candidate_stems,
    has_arabic_letter,
    normalize,
    offset_after_letters,
    split_proclitics,
)
from briefing.structure import Actor, Briefing, Mention, Paragraph, ParagraphKind

_MIN_PROPAGATED_LETTERS = 4
_SPREAD_PER_NAMING = 3


@dataclass
class _Paragraph:
    """One analysed paragraph: where it is and the names found in it."""

    article: str
    article_order: int
    paragraph: Paragraph
    names: Names


@dataclass
class _Occurrence:
    """One mention of a name in one paragraph."""

    where: _Paragraph
    found: Found

    @property
    def position(self) -> tuple[int, int, int]:
        return (self.where.article_order, self.where.paragraph.index, self.found.start)


@dataclass
class _Cluster:
    """The mentions of one actor while merging."""

    type: str
    occurrences: list[_Occurrence] = field(default_factory=list)

    @property
    def full_words(self) -> tuple[str, ...]:
        """The bare words of the longest mention: a person's full name."""
        return max((_bare(o.found.words) for o in self.occurrences), key=len)


def _bare(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words without the article, so ``الفياض`` and ``فياض`` compare equal."""
    return tuple(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


# Heads that say what kind of body it is, not which: ``قوات``/``هيئة`` الحشد الشعبي are one body.
# Definite heads (``التحالف``) are the name itself and stay.
_GENERIC_HEADS = frozenset(head for head in ORG_HEADS if not head.startswith("ال"))


def _organisation_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """What names the body once generic heads and nationality adjectives are set aside."""
    key = tuple(
        bare
        for bare, word in zip(_bare(words), words)
        if word not in _GENERIC_HEADS and not is_nationality(word)
    )
    return key or _bare(words)


def _same_organisation(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``الحشد الشعبي`` matches itself; ``التحالف`` matches ``التحالف الدولي`` (a shortened name)."""
    shorter, longer = sorted((a, b), key=len)
    return longer[: len(shorter)] == shorter


def _analyse(briefing: Briefing, tagger: Tagger) -> list[_Paragraph]:
    """Names in every paragraph; repeated paragraphs are left out so repeats do not count twice."""
    analysed = []
    for order, article in enumerate(briefing.articles):
        for paragraph in article.paragraphs:
            if paragraph.kind is ParagraphKind.REPEATED:
                continue
            sentences = [(s.start, s.end) for s in paragraph.sentences]
            names = find_mentions(paragraph.ar, sentences, tagger)
            analysed.append(_Paragraph(article.id, order, paragraph, names))
    return analysed


def _merge(occurrences: list[_Occurrence]) -> list[_Cluster]:
    """Group mentions into actors: people by name parts, bodies by key, places by gazetteer entry.

    Longer names are placed first so that a surname alone finds the full name it belongs to.
    """
    clusters: list[_Cluster] = []
    people: list[_Cluster] = []
    places: dict[str, _Cluster] = {}
    bodies: list[tuple[tuple[str, ...], _Cluster]] = []
    ordered = sorted(occurrences, key=lambda o: (-len(o.found.words), o.position))
    not_person = Counter(_bare(o.found.words) for o in ordered if o.found.type != "person")
    for occurrence in (o for o in ordered if o.found.type == "person"):
        bare = _bare(occurrence.found.words)
        cluster = next((c for c in people if _contains(c.full_words, bare)), None)
        if cluster is None:
            cluster = _Cluster("person")
            people.append(cluster)
            clusters.append(cluster)
        cluster.occurrences.append(occurrence)
    for occurrence in (o for o in ordered if o.found.type != "person"):
        found = occurrence.found
        bare = _bare(found.words)
        person = (
            None
            if found.place
            else next((c for c in people if _contains(c.full_words, bare)), None)
        )
        # The tagger took a person's surname for a place or body, unless the text reads it so
        # more often than it names the person: in ``متمردو دارفور`` (Darfur's rebels, taken
        # for a person once) the eleven ``دارفور`` of the story stay a place.
        if person is not None and not_person[bare] <= len(person.occurrences):
            person.occurrences.append(occurrence)
        elif found.type == "location":
            key = found.place.key if found.place else " ".join(bare)
            if key not in places:
                places[key] = _Cluster("location")
                clusters.append(places[key])
            places[key].occurrences.append(occurrence)
        else:
            key = _organisation_key(found.words)
            body = next((c for k, c in bodies if _same_organisation(k, key)), None)
            if body is None:
                body = _Cluster("organization")
                bodies.append((key, body))
                clusters.append(body)
            body.occurrences.append(occurrence)
    return clusters


_Spelling = tuple[tuple[str, ...], _Cluster]


def _unreliable_for_spreading(found: Found) -> bool:
    """One word taken for a person only because it follows a role (``الوزير المفد``) is not
    looked for again: written wherever it recurs, one mistake would become many. A full name
    found that way (``السفير الروسي لدى العراق إلبروس كوتراشيف``) is, as its surname is. On the
    dev sentences (dev model) spreading's precision is 0.804 with this, 0.788 spreading every
    name, at the same F1 (0.805); leaving out every pattern's names scored 0.804 and lost the
    seeds' second mention of عصائب أهل الحق."""
    return found.type == "person" and found.source == "title pattern" and len(found.words) == 1


def _spellings(clusters: list[_Cluster], common: frozenset[str]) -> list[_Spelling]:
    """Bare word sequences to look for again: every name as found, and a
    person's surname alone when it is distinctive (``صالح`` is also "in favour of")."""
    spellings = {}
    for cluster in clusters:
        for occurrence in cluster.occurrences:
            if not _unreliable_for_spreading(occurrence.found):
                spellings[_bare(occurrence.found.words)] = cluster
        if cluster.type == "person" and len(cluster.full_words) > 1:
            surname = cluster.full_words[-1]
            if len(surname) >= _MIN_PROPAGATED_LETTERS and surname not in common:
                # ``فان باستن`` of ``ماركو فان باستن``: the particle belongs to the surname
                before = cluster.full_words[-2]
                long_name = len(cluster.full_words) > 2
                particle = (before,) if long_name and before in SURNAME_PARTICLES else ()
                spellings.setdefault((*particle, surname), cluster)
    return list(spellings.items())


def _propagate(
    clusters: list[_Cluster], analysed: list[_Paragraph], common: frozenset[str]
) -> None:
    """Add the mentions the tagger missed: every known name, wherever else it is written
    (a name that is also a common word, with care: ``_is_dictionary_word``)."""
    by_first_word: dict[str, list[_Spelling]] = {}
    for spelling, cluster in _spellings(clusters, common):
        by_first_word.setdefault(spelling[0], []).append((spelling, cluster))
    spread: list[tuple[tuple[str, ...], _Cluster, _Occurrence]] = []
    for where in analysed:
        names = where.names
        taken = [False] * len(names.words)
        for found in names.found:
            taken[found.first : found.last] = [True] * (found.last - found.first)
        for i, word in enumerate(names.words):
            if taken[i]:
                continue
            match = _longest_spelling_at(names.words, i, by_first_word, taken)
            if match is None:
                continue
            (spelling, cluster), reading = match
            last = i + len(spelling)
            start = names.tokens[i].start + offset_after_letters(
                names.tokens[i].text, leading_clitics(word, reading)
            )
            end = names.tokens[last - 1].end
            words = (reading,) + tuple(names.words[i + 1 : last])
            found = Found(
                cluster.type,
                i,
                last,
                start,
                end,
                where.paragraph.ar[start:end],
                words,
                "propagated",
            )
            spread.append((spelling, cluster, _Occurrence(where, found)))
            taken[i:last] = [True] * len(spelling)
    wanted = Counter(spelling for spelling, _, _ in spread)
    named = {
        spelling: sum(_contains(_bare(o.found.words), spelling) for o in cluster.occurrences)
        for spelling, cluster, _ in spread
    }
    for spelling, cluster, occurrence in spread:
        common_word = _is_dictionary_word(spelling)
        if not common_word or wanted[spelling] <= _SPREAD_PER_NAMING * named[spelling]:
            cluster.occurrences.append(occurrence)


def _is_dictionary_word(spelling: tuple[str, ...]) -> bool:
    """A one-word name that is also a dictionary word: ``الأسد`` (the lion), ``سنة`` (year).

    Such a name is written back only where its actor's mentions hold it (a surname in a full
    name counts) at least a third as often as it would be written back: after one tagger slip
    on a common word, spreading would make an actor of every "year" in the articles. Pooled
    over five ANERcorp blocks, each judged with a model trained without it, micro F1 went
    0.759 -> 0.763 (P 0.801 -> 0.812, R 0.722 -> 0.720); never spreading such names scored
    0.759, the same limit without the dictionary 0.762."""
    if len(spelling) > 1:
        return False
    word = spelling[0]
    return (
        dictionary_reading(split_proclitics(word)[1]) is not None
        or dictionary_reading(word) is not None
    )


def _longest_spelling_at(
    words: list[str], i: int, by_first_word: dict[str, list[_Spelling]], taken: list[bool]
) -> tuple[_Spelling, str] | None:
    """The longest known spelling starting at ``words[i]`` (whose particles are peeled off) and
    the reading of that first word, or None."""
    best = None
    for reading in candidate_stems(words[i]):
        for spelling, cluster in by_first_word.get(_bare((reading,))[0], ()):
            n = len(spelling)
            if i + n > len(words) or any(taken[i : i + n]):
                continue
            if _bare(tuple(words[i + 1 : i + n])) != spelling[1:]:
                continue
            if best is None or n > len(best[0][0]):
                best = ((spelling, cluster), reading)
    return best


class _EnglishNames:
    """English names: the user's glossary first, then CLDR, then the word lists, then romanisation."""

    def __init__(self, glossary: dict[str, str] | None):
        self._glossary = {normalize(k).strip(): v for k, v in (glossary or {}).items()}

    def name(self, cluster: _Cluster, name_ar: str, words: tuple[str, ...]) -> str:
        for occurrence in [None] + cluster.occurrences:
            key = normalize(name_ar) if occurrence is None else " ".join(occurrence.found.words)
            if key in self._glossary:
                return self._glossary[key]
        place = next((o.found.place for o in cluster.occurrences if o.found.place), None)
        if place is not None:
            return place.name_en
        if cluster.type != "person":
            glossed = gloss_name(list(words))
            if glossed:
                return glossed
        if not has_arabic_letter(name_ar):
            return name_ar  # a name written in Latin letters inside the Arabic text
        return romanize(name_ar) or name_ar  # a name of ayns alone has no Latin letters


def _canonical(cluster: _Cluster) -> _Occurrence:
    """The mention whose spelling names the actor.

    A person: the fullest name. A place: its gazetteer spelling when used, else the commonest.
    A body: its commonest spelling, then one the word lists can put in English, then one without
    a generic head (``التحالف الدولي`` rather than ``قوات التحالف``), then the shortest.
    """
    first_of: dict[tuple[str, ...], _Occurrence] = {}
    counts: dict[tuple[str, ...], int] = {}
    for occurrence in sorted(cluster.occurrences, key=lambda o: o.position):
        form = _bare(occurrence.found.words)
        first_of.setdefault(form, occurrence)
        counts[form] = counts.get(form, 0) + 1
    if cluster.type == "person":
        best = max(first_of, key=lambda form: (len(form), -first_of[form].position[0]))
    else:
        best = max(
            first_of,
            key=lambda form: (
                counts[form],
                gloss_name(list(first_of[form].found.words)) is not None,
                -sum(word in _GENERIC_HEADS for word in first_of[form].found.words),
                -len(form),
            ),
        )
    return first_of[best]


def _role(
    cluster: _Cluster, names_by_start: dict[tuple[int, int], tuple[int, str]]
) -> tuple[str, str | None] | None:
    """(Arabic, English) of the first role written before one of a person's mentions."""
    for occurrence in sorted(cluster.occurrences, key=lambda o: o.position):
        role = role_before(occurrence.where.names, occurrence.found)
        if role is None:
            continue
        key = id(occurrence.where)
        inside = {
            index - role.first: names_by_start[(key, index)]
            for index in range(role.first, role.last)
            if (key, index) in names_by_start
        }
        words = occurrence.where.names.words[role.first : role.last]
        return occurrence.where.paragraph.ar[role.start : role.end], role_english(words, inside)
    return None


def extract_actors(
    briefing: Briefing, glossary: dict[str, str] | None = None, tagger: Tagger | None = None
) -> list[Actor]:
    """Every person, organisation and place the briefing's articles name, most mentioned first.

    ``glossary`` maps Arabic names to the English to use (the ``--glossary`` file); ``tagger``
    defaults to the model shipped with the package. English fields never depend on translation.
    """
    tagger = tagger or shipped_tagger()
    analysed = _analyse(briefing, tagger)
    clusters = _merge(
        [_Occurrence(where, found) for where in analysed for found in where.names.found]
    )
    _propagate(clusters, analysed, tagger.common_words)
    english = _EnglishNames(glossary)

    named = []
    names_by_start: dict[tuple[int, int], tuple[int, str]] = {}
    for cluster in clusters:
        canonical = _canonical(cluster)
        name_ar = canonical.found.text
        name_en = english.name(cluster, name_ar, canonical.found.words)
        named.append((cluster, name_ar, name_en))
        for occurrence in cluster.occurrences:
            found = occurrence.found
            names_by_start[(id(occurrence.where), found.first)] = (
                found.last - found.first,
                name_en,
            )

    actors = []
    for cluster, name_ar, name_en in named:
        role = _role(cluster, names_by_start) if cluster.type == "person" else None
        occurrences = sorted(cluster.occurrences, key=lambda o: o.position)
        mentions = [
            Mention(
                o.where.article, o.where.paragraph.index, o.found.start, o.found.end, o.found.text
            )
            for o in occurrences
        ]
        actor = Actor(
            name_ar,
            name_en,
            cluster.type,
            role[0] if role else None,
            role[1] if role else None,
            mentions,
        )
        actors.append((-len(mentions), occurrences[0].position, actor))
    actors.sort(key=lambda item: item[:2])
    return [actor for _, _, actor in actors]


def glossary_entries(actors: list[Actor]) -> dict[str, str]:
    """Arabic spelling -> English name for every mention, so a translator can keep names as here."""
    entries = {}
    for actor in actors:
        for mention in actor.mentions:
            entries.setdefault(mention.text, actor.name_en)
    return entries
