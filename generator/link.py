"""Cross-link all briefings at once: indexes by actor and topic, related briefings with reasons."""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from datetime import date
from itertools import chain, combinations
from typing import Protocol

from generator.model import Briefing, PartialDate, Registry, Related, Site
from generator.parallel import fork_map

MAX_RELATED = 5
# Weights are whole tenths, so scores add up exactly and a weight only changes when a
# feature's rarity moves by a tenth: adding or editing one source leaves almost every
# weight, and so almost every related list, as it was (see generator.incremental.links).
MIN_SCORE = 10
# Candidates come from an inverted index over actors and topics. A feature shared by
# more than NEIGHBOURHOOD briefings only links a briefing to the NEIGHBOURHOOD
# briefings nearest to it in time among those (a rare actor links to all of them),
# so the work per briefing is bounded and there is no all-pairs step.
NEIGHBOURHOOD = 30
TOPIC_WEIGHT = 1.0
# Below this many related lists to score, worker processes cost more than they save.
POOL_MIN_BRIEFINGS = 2000


class LinkMemo(Protocol):
    """What an earlier build linked, for a build that links again (generator.incremental.links)."""

    def related_to_keep(self, ordered: tuple[Briefing, ...], postings: list[tuple[str, list[int], int]], salt: str) -> dict[int, tuple]:
        """The related lists (as remembered) of the positions in `ordered` that cannot have changed."""

    def remember_related(self, lists: dict[str, tuple]) -> None:
        """This build's related lists by briefing key, each as (other key, score in tenths, reason)."""

    def pairs(self, ordered: tuple[Briefing, ...], groups: list[tuple[str, ...]]) -> dict[tuple[str, str], int] | None:
        """The co-occurrence counts of the briefings' actor groups, or None to count afresh."""

    def remember_pairs(self, ordered: tuple[Briefing, ...], groups: list[tuple[str, ...]], pairs: dict[tuple[str, str], int]) -> None:
        """This build's actor groups and co-occurrence counts."""


def link_briefings(briefings: list[Briefing], registry: Registry, jobs: int = 1, memo: LinkMemo | None = None) -> Site:
    """Sort briefings newest first and derive every cross-link from them.

    With `jobs` > 1 and many related lists to score, they are scored in worker processes.
    A `memo` (generator.incremental.links) holds what an earlier build linked: related lists
    that cannot have changed since are taken from it instead of being scored again, and it
    records this build's for the next (the Site is the same with or without it).
    """
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
            # A candidate that no briefing names (all its mentions corrected away) gets no page.
            if candidate.id not in actors and candidate.id in by_actor:
                actors[candidate.id] = candidate
                candidates[candidate.id] = candidate
    unlisted = _without_evidence(ordered, candidates, by_actor)
    for actor_id in unlisted:
        del by_actor[actor_id], candidates[actor_id]
    related = _related(ordered, by_actor, by_topic, registry, actors, jobs, memo)
    pairs = _cooccurrence(ordered, memo)
    if unlisted:  # actors seen together are linked to each other's pages
        pairs = {pair: n for pair, n in pairs.items() if pair[0] not in unlisted and pair[1] not in unlisted}
    by_dossier: dict[str, list[str]] = defaultdict(list)
    for briefing in ordered:
        if briefing.letter and briefing.letter.dossier:
            by_dossier[briefing.letter.dossier].append(briefing.slug)
    related = _with_dossiers(ordered, related, by_dossier)
    return Site(
        registry=registry,
        briefings=ordered,
        related=related,
        by_actor={k: tuple(v) for k, v in sorted(by_actor.items())},
        by_topic={k: tuple(v) for k, v in sorted(by_topic.items())},
        actors=actors,
        candidates=tuple(sorted(candidates)),
        pairs=pairs,
        by_dossier={k: tuple(v) for k, v in sorted(by_dossier.items())},
        unlisted=tuple(sorted(unlisted)),
    )


def _without_evidence(ordered, candidates: dict, by_actor: dict[str, list[str]]) -> set[str]:
    """The candidates too weakly attested for a page of their own: named in one briefing, once,
    with no role and no quotation there. A curator finds them in the build's list; a second
    mention anywhere gives them a page."""
    once = [c for c in candidates if len(by_actor[c]) == 1]
    if not once:
        return set()
    by_slug = {b.slug: b for b in ordered}

    def attested(actor_id: str, briefing: Briefing) -> bool:
        return (any(m.actor_id == actor_id and m.count > 1 for m in briefing.actors)
                or any(r.actor_id == actor_id for r in briefing.roles) or any(q.speaker == actor_id for q in briefing.quotes))

    return {c for c in once if not attested(c, by_slug[by_actor[c][0]])}


# Letters of the same Kamerstuk dossier come first among a letter's related briefings, at most this many.
MAX_DOSSIER_RELATED = 5


def _with_dossiers(ordered, related: dict[str, tuple[Related, ...]], by_dossier: dict[str, list[str]]) -> dict[str, tuple[Related, ...]]:
    """Each letter's related list led by the other letters of its dossier (the nearest in time
    first), with that reason; computed afresh on every build, it costs one pass."""
    if not any(len(slugs) > 1 for slugs in by_dossier.values()):
        return related
    position = {b.slug: i for i, b in enumerate(ordered)}
    result = dict(related)
    for dossier, slugs in by_dossier.items():
        if len(slugs) < 2:
            continue
        for slug in slugs:
            here = position[slug]
            others = sorted((s for s in slugs if s != slug), key=lambda s: (abs(position[s] - here), s))[:MAX_DOSSIER_RELATED]
            same = tuple(Related(s, 0.0, f"zelfde Kamerstukdossier {dossier}") for s in others)
            rest = tuple(r for r in related.get(slug, ()) if r.slug not in set(others))
            result[slug] = (same + rest)[:max(len(same), MAX_RELATED)]
    return result


def _cooccurrence(ordered, memo: LinkMemo | None) -> dict[tuple[str, str], int]:
    """How many briefings name each pair of actors together."""
    groups = [tuple(sorted(set(b.actor_ids))) for b in ordered]
    result = memo.pairs(ordered, groups) if memo is not None else None
    if result is None:
        pairs: Counter = Counter()
        for group in groups:
            pairs.update(combinations(group, 2))
        result = dict(sorted(pairs.items()))
    if memo is not None:
        memo.remember_pairs(ordered, groups, result)
    return result


def _weight(count: int, total: int, factor: float = 1.0) -> int:
    """Rarer shared features weigh more: ln(1 + N / df), in whole tenths."""
    return max(1, round(10 * factor * math.log(1 + total / count)))


def _related(ordered, by_actor, by_topic, registry, all_actors, jobs, memo: LinkMemo | None) -> dict[str, tuple[Related, ...]]:
    """Related briefings per slug.

    A briefing's related list depends only on its own features (actors and topics),
    their weights, and the briefings in its window of each feature's posting list, so
    a memo can tell which lists cannot have changed since an earlier build.
    """
    total = len(ordered)
    position = {b.slug: i for i, b in enumerate(ordered)}
    keys = [b.key for b in ordered]
    # Posting lists (briefing positions, newest first, so ascending) with name and weight.
    postings: list[tuple[str, list[int], int]] = []
    feature_of: dict[str, int] = {}
    for prefix, table, factor in (("actor", by_actor, 1.0), ("topic", by_topic, TOPIC_WEIGHT)):
        for name in sorted(table):
            members = [position[slug] for slug in table[name]]
            feature_of[f"{prefix}:{name}"] = len(postings)
            postings.append((f"{prefix}:{name}", members, _weight(len(members), total, factor)))
    actor_weight = {name[len("actor:"):]: weight for name, _, weight in postings if name.startswith("actor:")}
    # Candidate names appear in reasons but are not part of any key.
    salt = repr(sorted((c, all_actors[c].name) for c in all_actors if c not in registry.actor_by_id))
    kept = memo.related_to_keep(ordered, postings, salt) if memo is not None else {}
    half = NEIGHBOURHOOD // 2

    def score(here: int) -> tuple[tuple[int, int, str], ...]:
        """(other position, score in tenths, reason) of the briefings related to `here`."""
        briefing = ordered[here]
        scores: dict[int, int] = defaultdict(int)
        for name in chain((f"actor:{a}" for a in briefing.actor_ids), (f"topic:{t}" for t in briefing.topics)):
            if name not in feature_of:
                continue  # an unlisted candidate: in this briefing only, so shared with none
            _, members, weight = postings[feature_of[name]]
            if len(members) > NEIGHBOURHOOD:
                place = bisect_left(members, here)
                members = members[max(0, place - half): place + half + 1]
            for member in members:
                scores[member] += weight
        scores.pop(here, None)
        # Only candidates scoring at least the MAX_RELATED-th best can be shown: order those
        # by score, then nearness in time, then slug.
        good = [value for value in scores.values() if value >= MIN_SCORE]
        cut = heapq.nlargest(MAX_RELATED, good)[-1] if good else MIN_SCORE
        best = sorted(
            (-value, _month_gap(briefing.date, ordered[other].date), ordered[other].slug, other)
            for other, value in scores.items() if value >= cut
        )[:MAX_RELATED]
        actors, topics = set(briefing.actor_ids), set(briefing.topics)
        return tuple(
            (other, -neg, reason(briefing, ordered[other], actors & set(ordered[other].actor_ids),
                                 topics & set(ordered[other].topics), registry, all_actors, actor_weight))
            for neg, _, _, other in best
        )

    todo = [here for here in range(total) if here not in kept]
    fresh = dict(zip(todo, fork_map(score, todo, jobs, POOL_MIN_BRIEFINGS), strict=True))
    if memo is not None:
        # Each list as (other briefing's key, score in tenths, reason): what a memo keeps.
        memo.remember_related({
            keys[here]: kept[here] if here in kept else tuple((keys[other], value, why) for other, value, why in fresh[here])
            for here in range(total)
        })
    slug_of = {b.key: b.slug for b in ordered}
    return {
        briefing.slug: (
            tuple(Related(slug_of[k], value / 10, why) for k, value, why in kept[here]) if here in kept
            else tuple(Related(ordered[other].slug, value / 10, why) for other, value, why in fresh[here])
        )
        for here, briefing in enumerate(ordered)
    }


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
