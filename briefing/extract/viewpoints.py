"""The competing-viewpoints stage: attributed claims, grouped by topic, with their clashes.

Attribution runs on the Arabic of each article (``briefing.extract.attribution``); speakers are
then linked to ``Briefing.actors`` when that list is filled, the English of a claim is taken
sentence by sentence from the aligned translation, and topics and clashes come from
``briefing.extract.clashes``.
"""

from __future__ import annotations

from briefing.extract.arabic import contains_sequence, words_of
from briefing.align import english_of_span
from briefing.extract.attribution import (
    Attribution,
    NamedPerson,
    SpeakerEntity,
    find_attributions,
)
from briefing.extract.clashes import Claim, claim_stance, find_clashes
from briefing.ner.english import gloss_name, role_english
from briefing.ner.gazetteer import match_place
from briefing.ner.romanize import romanize
from briefing.ner.text import normalize as ner_normalize
from briefing.structure import Actor, Briefing, Clash, Viewpoint

# When several actors are named inside one speaker phrase, a person is the speaker.
TYPE_PREFERENCE = {"person": 0, "organization": 1, "location": 2}
MIN_ROLE_WORDS = 2


def extract_viewpoints(briefing: Briefing) -> tuple[list[Viewpoint], list[Clash]]:
    """Every attributed claim of every article with topic, polarity and stance, and the clashes."""
    viewpoints: list[Viewpoint] = []
    claims: list[Claim] = []
    for article in briefing.articles:
        for attribution in find_attributions(article, _people_of(briefing.actors, article.id)):
            paragraph = article.paragraph(attribution.paragraph)
            linked = link_speaker(briefing.actors, attribution)
            actor = linked[0] if linked else None
            viewpoints.append(
                Viewpoint(
                    speaker_ar=attribution.entity.name,
                    speaker_en=speaker_english(briefing.actors, linked, attribution.entity),
                    actor=actor,
                    cue=attribution.cue,
                    claim_ar=attribution.claim,
                    claim_en=english_of_span(
                        paragraph, attribution.claim_start, attribution.claim_end
                    ),
                    article=attribution.article,
                    paragraph=attribution.paragraph,
                    start=attribution.claim_start,
                    end=attribution.claim_end,
                    topic="",
                    polarity="",
                    stance="",
                    stance_words=[],
                )
            )
            claims.append(
                Claim(
                    speaker=_speaker_key(attribution, actor),
                    text=attribution.claim,
                    name=viewpoints[-1].speaker_en
                    if actor is not None
                    else attribution.entity.name,
                    cue=attribution.cue,
                    actors=_actors_in_claim(briefing.actors, attribution),
                    speaker_words=attribution.entity.name,
                )
            )
    topics, polarities, clashes = find_clashes(claims)
    for topic in topics:
        for member in topic.members:
            viewpoints[member].topic = topic.label
    for viewpoint, polarity in zip(viewpoints, polarities, strict=True):
        viewpoint.polarity = polarity.label
        viewpoint.stance = claim_stance(polarity, viewpoint.cue)
        viewpoint.stance_words = list(polarity.words)
    return viewpoints, clashes


def _people_of(actors: list[Actor], article: str) -> list[NamedPerson]:
    """Where the persons of the actors list are named in ``article``, for pronoun resolution."""
    return [
        NamedPerson(m.paragraph, m.start, m.end, m.text)
        for actor in actors
        if actor.type == "person"
        for m in actor.mentions
        if m.article == article
    ]


def _speaker_key(attribution: Attribution, actor: int | None) -> str:
    """Who a claim belongs to for clashes: the linked actor, else the article's speaker."""
    if actor is not None:
        return f"actor:{actor}"
    return f"{attribution.article}:{attribution.entity.name}"


def link_speaker(actors: list[Actor], attribution: Attribution) -> list[int]:
    """The actors a speaker is, from mentions inside its name, its name, or its role.

    Usually one; "وناقش كوتراشيف وفياض" gives both people, first named first.
    """
    if not actors:
        return []
    entity = attribution.entity
    mentions = [(attribution.speaker_paragraph, attribution.speaker_start, attribution.speaker_end)]
    mentions += [m for m in entity.mentions if m not in mentions]
    for paragraph, start, end in mentions:
        found = _actors_inside(actors, attribution.article, paragraph, start, end)
        if found:
            return found
    by_name = _actor_by_name(actors, entity)
    return [] if by_name is None else [by_name]


def _actors_inside(
    actors: list[Actor], article: str, paragraph: int, start: int, end: int
) -> list[int]:
    """The people named in the speaker phrase in text order, else the organisation or place
    that heads it ("المتحدث باسم الجيش العراقي اللواء يحيى رسول" is Rasool, not the army)."""
    ranked: dict[int, tuple[int, int]] = {}
    for index, actor in enumerate(actors):
        for mention in actor.mentions:
            if mention.article != article or mention.paragraph != paragraph:
                continue
            if mention.end <= start or mention.start >= end:
                continue
            heads_phrase = mention.start <= start + 1
            if actor.type != "person" and not heads_phrase:
                continue
            rank = (TYPE_PREFERENCE.get(actor.type, len(TYPE_PREFERENCE)), mention.start)
            ranked[index] = min(rank, ranked.get(index, rank))
    if not ranked:
        return []
    order = sorted(ranked, key=ranked.get)
    people = [i for i in order if actors[i].type == "person"]
    return people or order[:1]


def _actor_by_name(actors: list[Actor], entity: SpeakerEntity) -> int | None:
    """A person named in the speaker phrase, an organisation/place that heads it, or the actor
    whose role is the phrase ("السفير الروسي لدى العراق" -> the ambassador named elsewhere)."""
    for index, actor in enumerate(actors):
        name = words_of(actor.name_ar)
        if actor.type == "person" and contains_sequence(entity.words, name):
            return index
        if actor.type != "person" and name and entity.words[: len(name)] == name:
            return index
    for index, actor in enumerate(actors):
        role = words_of(actor.role_ar or "")
        if len(role) >= MIN_ROLE_WORDS and (
            contains_sequence(role, entity.words) or contains_sequence(entity.words, role)
        ):
            return index
    return None


def speaker_english(actors: list[Actor], linked: list[int], entity: SpeakerEntity) -> str:
    """The linked actor's English name with its role (people speaking together: their names),
    else English put together from the Arabic."""
    if not linked:
        return english_of_phrase(entity.name)
    if len(linked) > 1:
        return " and ".join(actors[i].name_en for i in linked)
    actor = actors[linked[0]]
    return f"{actor.name_en} ({actor.role_en})" if actor.role_en else actor.name_en


def english_of_phrase(phrase: str) -> str:
    """English for an unlinked speaker phrase from the NER word lists: a place, an organisation
    whose words are all known, a known role followed by a romanised name, or a romanisation."""
    written = phrase.split()
    words = [ner_normalize(w) for w in written]
    places = {}
    for start in range(len(words)):
        found = match_place(words, start)
        if found:
            places[start] = (found[1], found[0].name_en)
    if places.get(0, (0, ""))[0] == len(words):
        return places[0][1]
    organisation = gloss_name(words)
    if organisation:
        return organisation
    for cut in range(len(words), 0, -1):
        role = role_english(words[:cut], {i: p for i, p in places.items() if i < cut})
        if role:
            name = " ".join(written[cut:])
            return f"{romanize(name)} ({role})" if name else role
    return romanize(phrase)


def _actors_in_claim(actors: list[Actor], attribution: Attribution) -> set[int]:
    """Actors named inside the claim: claims about the same actors share a topic more readily."""
    return {
        index
        for index, actor in enumerate(actors)
        for m in actor.mentions
        if m.article == attribution.article
        and m.paragraph == attribution.paragraph
        and m.start < attribution.claim_end
        and m.end > attribution.claim_start
    }
