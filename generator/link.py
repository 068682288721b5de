"""Cross-link all briefings at once: indexes by actor and topic, related briefings with reasons."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from datetime import date

from generator.model import Briefing, PartialDate, Registry, Related, Site

MAX_RELATED = 5
MIN_SCORE = 1.0
# Candidates come from an inverted index over actors and topics. A feature shared by
# more than NEIGHBOURHOOD briefings only links a briefing to the NEIGHBOURHOOD
# briefings nearest to it in time among those (a rare actor links to all of them),
# so the work per briefing is bounded and there is no all-pairs step.
NEIGHBOURHOOD = 30
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
    position = {b.slug: i for i, b in enumerate(ordered)}
    actor_weight = {a: _idf(len(s), total) for a, s in by_actor.items()}
    topic_weight = {t: TOPIC_WEIGHT * _idf(len(s), total) for t, s in by_topic.items()}
    # Posting lists (briefing positions, newest first) and, per briefing, its features
    # with the briefing's place in each list.
    postings: list[list[int]] = []
    weights: list[float] = []
    features: list[list[tuple[int, int]]] = [[] for _ in ordered]
    for table, weight in ((by_actor, actor_weight), (by_topic, topic_weight)):
        for key in sorted(table):
            members = [position[slug] for slug in table[key]]
            feature = len(postings)
            postings.append(members)
            weights.append(weight[key])
            for place, member in enumerate(members):
                features[member].append((feature, place))
    half = NEIGHBOURHOOD // 2
    result: dict[str, tuple[Related, ...]] = {}
    for here, briefing in enumerate(ordered):
        scores: dict[int, float] = defaultdict(float)
        for feature, place in features[here]:
            members, weight = postings[feature], weights[feature]
            if len(members) > NEIGHBOURHOOD:
                members = members[max(0, place - half): place + half + 1]
            for member in members:
                scores[member] += weight
        scores.pop(here, None)
        rounded = {other: r for other, score in scores.items() if (r := round(score, 6)) >= MIN_SCORE}
        # Only candidates scoring at least the MAX_RELATED-th best can be shown: order those
        # by score, then nearness in time, then slug.
        cut = heapq.nlargest(MAX_RELATED, rounded.values())[-1] if rounded else 0.0
        best = sorted(
            (-score, _month_gap(briefing.date, ordered[other].date), ordered[other].slug, other)
            for other, score in rounded.items() if score >= cut
        )[:MAX_RELATED]
        actors, topics = set(briefing.actor_ids), set(briefing.topics)
        result[briefing.slug] = tuple(
            Related(slug, -neg, reason(briefing, ordered[other], actors & set(ordered[other].actor_ids),
                                       topics & set(ordered[other].topics), registry, all_actors, actor_weight))
            for neg, _, slug, other in best
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
