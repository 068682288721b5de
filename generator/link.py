"""Cross-link all briefings at once: indexes by actor and topic, related briefings with reasons."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from generator.model import Briefing, PartialDate, Registry, Related, Site

MAX_RELATED = 5
MIN_SCORE = 1.0
# Actors in more than this share of briefings are too common to find neighbours
# through (they still count towards the score of candidates found otherwise).
COMMON_SHARE = 0.5
COMMON_MIN_BRIEFINGS = 50
TOPIC_WEIGHT = 1.0


def link_briefings(briefings: list[Briefing], registry: Registry) -> Site:
    """Sort briefings newest first and derive every cross-link from them."""
    ordered = tuple(sorted(briefings, key=lambda b: b.sort_key))
    by_actor: dict[str, list[str]] = defaultdict(list)
    by_topic: dict[str, list[str]] = defaultdict(list)
    for briefing in ordered:
        for actor_id in briefing.actor_ids:
            by_actor[actor_id].append(briefing.slug)
        for topic_id in briefing.topics:
            by_topic[topic_id].append(briefing.slug)
    actors = {a.id: a for a in registry.actors}
    candidates: dict[str, object] = {}
    for briefing in ordered:
        for candidate in briefing.candidates:
            if candidate.id not in actors:
                actors[candidate.id] = candidate
                candidates[candidate.id] = candidate
    related = _related(ordered, by_actor, by_topic, registry, actors)
    return Site(
        registry=registry,
        briefings=ordered,
        related=related,
        by_actor={k: tuple(v) for k, v in sorted(by_actor.items())},
        by_topic={k: tuple(v) for k, v in sorted(by_topic.items())},
        actors=actors,
        candidates=tuple(sorted(candidates)),
    )


def _idf(count: int, total: int) -> float:
    """Rarer shared features weigh more: ln(1 + N / df)."""
    return math.log(1 + total / count)


def _related(ordered, by_actor, by_topic, registry, all_actors) -> dict[str, tuple[Related, ...]]:
    total = len(ordered)
    actor_weight = {a: _idf(len(s), total) for a, s in by_actor.items()}
    topic_weight = {t: TOPIC_WEIGHT * _idf(len(s), total) for t, s in by_topic.items()}
    common_limit = max(COMMON_MIN_BRIEFINGS, COMMON_SHARE * total)
    by_slug = {b.slug: b for b in ordered}
    result: dict[str, tuple[Related, ...]] = {}
    for briefing in ordered:
        actors, topics = set(briefing.actor_ids), set(briefing.topics)
        candidates: set[str] = set()
        for actor_id in actors:
            if len(by_actor[actor_id]) <= common_limit:
                candidates.update(by_actor[actor_id])
        for topic_id in topics:
            if len(by_topic[topic_id]) <= common_limit:
                candidates.update(by_topic[topic_id])
        candidates.discard(briefing.slug)
        scored = []
        for slug in candidates:
            other = by_slug[slug]
            shared_actors = actors & set(other.actor_ids)
            shared_topics = topics & set(other.topics)
            score = round(sum(actor_weight[a] for a in shared_actors) + sum(topic_weight[t] for t in shared_topics), 6)
            if score < MIN_SCORE:
                continue
            gap = _month_gap(briefing.date, other.date)
            scored.append((-score, gap, slug, shared_actors, shared_topics, other))
        scored.sort(key=lambda item: item[:3])
        result[briefing.slug] = tuple(
            Related(slug, -neg, reason(briefing, other, shared_a, shared_t, registry, all_actors, actor_weight))
            for neg, _, slug, shared_a, shared_t, other in scored[:MAX_RELATED]
        )
    return result


def _month_gap(a: PartialDate | None, b: PartialDate | None) -> float:
    if a is None or b is None:
        return math.inf
    return abs(a.months_since_epoch() - b.months_since_epoch())


def reason(briefing: Briefing, other: Briefing, shared_actors, shared_topics,
           registry: Registry, actors: dict, actor_weight: dict[str, float]) -> str:
    """`zelfde actoren: Macron, NAVO · onderwerp: nucleaire afschrikking · 3 weken eerder`."""
    parts = []
    if shared_actors:
        names = [actors[a].name for a in sorted(shared_actors, key=lambda a: (-actor_weight[a], a))]
        shown = ", ".join(names[:4]) + (f" en {len(names) - 4} meer" if len(names) > 4 else "")
        parts.append(("zelfde actor: " if len(names) == 1 else "zelfde actoren: ") + shown)
    if shared_topics:
        labels = [registry.topic_by_id[t].label for t in sorted(shared_topics)]
        parts.append(("onderwerp: " if len(labels) == 1 else "onderwerpen: ") + ", ".join(labels))
    when = relative_time(briefing.date, other.date)
    if when:
        parts.append(when)
    return " · ".join(parts)


def relative_time(here: PartialDate | None, there: PartialDate | None) -> str:
    """How much earlier or later `there` is than `here`, in Dutch, no more precise than the dates."""
    if here is None or there is None:
        return ""
    if here.day and there.day:
        days = (date(there.year, there.month, there.day) - date(here.year, here.month, here.day)).days
        if days == 0:
            return "zelfde dag"
        amount = abs(days)
        if amount < 14:
            text = f"{amount} {'dag' if amount == 1 else 'dagen'}"
        elif amount < 60:
            text = f"{round(amount / 7)} weken"
        else:
            return _months_text(round(days / 30.44))
        return f"{text} {'later' if days > 0 else 'eerder'}"
    if here.month and there.month:
        return _months_text((there.year - here.year) * 12 + there.month - here.month)
    years = there.year - here.year
    if years == 0:
        return "zelfde jaar"
    return f"{abs(years)} jaar {'later' if years > 0 else 'eerder'}"


def _months_text(months: int) -> str:
    if months == 0:
        return "zelfde maand"
    amount = abs(months)
    direction = "later" if months > 0 else "eerder"
    if amount < 24:
        return f"{amount} {'maand' if amount == 1 else 'maanden'} {direction}"
    return f"{round(amount / 12)} jaar {direction}"
