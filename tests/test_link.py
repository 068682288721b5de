"""Related briefings: rarer shared actors weigh more, a threshold, a stable order, a reason."""

from generator.incremental.links import LinkMemo
from generator.link import link_briefings, relative_time
from generator.model import Actor, Briefing, Mention, PartialDate, Registry, Topic


def make_registry():
    actors = tuple(Actor(i, i.upper(), "organisation", "x") for i in ["navo", "eu", "rare", "other"])
    topics = (Topic("kern", "Kernwapens", "x", ("kern",)),)
    return Registry(actors, topics)


def brief(slug, actors=(), topics=(), date=None):
    return Briefing(slug=slug, source=f"seeds/{slug}.txt", title=slug, date=date, source_type="news", lead="", blocks=(),
                    actors=tuple(Mention(a, 1, i) for i, a in enumerate(actors)), topics=tuple(topics))


def test_rare_shared_actor_outranks_a_common_one():
    briefings = [
        brief("a", ["navo", "rare"], date=PartialDate(2025, 1)),
        brief("b", ["navo"], date=PartialDate(2025, 2)),
        brief("c", ["rare"], date=PartialDate(2020, 1)),
        brief("d", ["navo"], date=PartialDate(2025, 3)),
    ]
    site = link_briefings(briefings, make_registry())
    # NAVO is in three of four briefings: sharing only NAVO stays under the threshold.
    assert [r.slug for r in site.related["a"]] == ["c"]
    assert [r.slug for r in site.related["b"]] == []


def test_unrelated_briefings_are_not_linked_and_the_threshold_holds():
    briefings = [brief(s, ["navo"]) for s in "abcdefgh"] + [brief("z", ["other"])]
    site = link_briefings(briefings, make_registry())
    assert site.related["z"] == ()
    assert all(r.score >= 1.0 for rs in site.related.values() for r in rs)


def test_ties_break_by_date_distance_then_slug_and_order_is_stable():
    briefings = [
        brief("x", ["rare"], date=PartialDate(2025, 6)),
        brief("far", ["rare"], date=PartialDate(2020, 1)),
        brief("near-b", ["rare"], date=PartialDate(2025, 5)),
        brief("near-a", ["rare"], date=PartialDate(2025, 7)),
    ] + [brief(f"filler-{i}", ["other"]) for i in range(4)]
    first = link_briefings(briefings, make_registry())
    again = link_briefings(list(reversed(briefings)), make_registry())
    assert [r.slug for r in first.related["x"]] == ["near-a", "near-b", "far"]
    assert first.related == again.related


def test_reason_names_shared_actors_topics_and_time():
    briefings = [
        brief("a", ["rare", "navo"], ["kern"], PartialDate(2025, 3, 1)),
        brief("b", ["rare", "navo"], ["kern"], PartialDate(2025, 2, 8)),
    ]
    reason = link_briefings(briefings, make_registry()).related["a"][0].reason
    assert reason == "zelfde actoren: NAVO, RARE · onderwerp: Kernwapens · 3 weken eerder"


def test_indexes_are_newest_first_with_undated_last():
    briefings = [brief("old", ["navo"], date=PartialDate(2020)), brief("undated", ["navo"]), brief("new", ["navo"], date=PartialDate(2025, 1))]
    site = link_briefings(briefings, make_registry())
    assert [b.slug for b in site.briefings] == ["new", "old", "undated"]
    assert site.by_actor["navo"] == ("new", "old", "undated")


def test_relative_time_respects_precision():
    assert relative_time(PartialDate(2025, 7), PartialDate(2025, 5)) == "2 maanden eerder"
    assert relative_time(PartialDate(2025, 7), PartialDate(2020, 2)) == "5 jaar eerder"
    assert relative_time(PartialDate(2025), PartialDate(2025, 5, 3)) == "zelfde jaar"
    assert relative_time(PartialDate(2025, 3, 1), PartialDate(2025, 3, 4)) == "3 dagen later"
    assert relative_time(None, PartialDate(2025)) == ""


def _random_corpus(rng, count):
    actor_ids = ["navo", "eu", "rare", "other"]
    briefings = []
    for i in range(count):
        date = PartialDate(rng.randint(2019, 2025), rng.randint(1, 12), rng.choice([0, rng.randint(1, 28)])) if rng.random() > 0.05 else None
        actors = rng.sample(actor_ids, rng.randint(0, 3))
        topics = ["kern"] if rng.random() < 0.4 else []
        briefings.append(_keyed(brief(f"b{i:04d}", actors, topics, date), rng))
    return briefings


def _keyed(briefing, rng):
    from dataclasses import replace
    return replace(briefing, key=f"k{rng.getrandbits(64):016x}")


def test_reused_related_lists_equal_a_fresh_computation_after_any_edit():
    """Related lists and actor pairs taken from the previous run's state are exactly
    what linking from scratch gives, whatever was added, removed, edited or renamed."""
    import random
    from dataclasses import replace

    registry = make_registry()
    rng = random.Random(7)
    # More briefings per actor than NEIGHBOURHOOD, so windows (not whole lists) are compared.
    briefings = _random_corpus(rng, 150)
    memo = LinkMemo()
    link_briefings(briefings, registry, memo=memo)
    for step in range(50):
        action = step % 5
        index = rng.randrange(len(briefings))
        if action == 0:  # edit: other actors, same date
            briefings[index] = _keyed(replace(briefings[index], actors=brief("x", rng.sample(["navo", "eu", "rare", "other"], 2)).actors), rng)
        elif action == 1:  # a new source
            briefings.append(replace(_random_corpus(rng, 1)[0], slug=f"new-{step}"))
        elif action == 2:  # a source removed
            briefings.pop(index)
        elif action == 3:  # a corrected date moves a briefing in time
            briefings[index] = _keyed(replace(briefings[index], date=PartialDate(rng.randint(2019, 2025), rng.randint(1, 12))), rng)
        else:  # a new slug and the same key (a slug clash went away): ties are broken by slug
            briefings[index] = replace(briefings[index], slug=f"a-renamed-{step}")
        memo = LinkMemo(memo.state)
        incremental = link_briefings(briefings, registry, memo=memo)
        fresh = link_briefings(briefings, registry)
        assert incremental.related == fresh.related, f"step {step}"
        assert incremental.pairs == fresh.pairs, f"step {step}"


def test_scoring_in_worker_processes_gives_the_same_lists(monkeypatch):
    import random

    from generator import link

    monkeypatch.setattr(link, "POOL_MIN_BRIEFINGS", 2)
    briefings = _random_corpus(random.Random(3), 120)
    pooled_memo, single_memo = LinkMemo(), LinkMemo()
    pooled = link_briefings(briefings, make_registry(), jobs=2, memo=pooled_memo)
    single = link_briefings(briefings, make_registry(), jobs=1, memo=single_memo)
    assert pooled.related == single.related and pooled_memo.state == single_memo.state


def test_after_one_edit_a_memo_scores_only_the_lists_that_can_change():
    """The point of the memo: one edited source does not score every related list again."""
    import random
    from dataclasses import replace

    rng = random.Random(11)
    registry = make_registry()
    briefings = _random_corpus(rng, 400)
    memo = LinkMemo()
    link_briefings(briefings, registry, memo=memo)
    briefings[200] = _keyed(replace(briefings[200], title="Een andere titel"), rng)
    memo = LinkMemo(memo.state)
    kept = {}
    original = memo.related_to_keep
    memo.related_to_keep = lambda *args: kept.setdefault("lists", original(*args))
    link_briefings(briefings, registry, memo=memo)
    assert len(briefings) - len(kept["lists"]) < len(briefings) // 4


def test_actors_seen_together_are_counted_per_briefing_with_or_without_keys():
    """Briefings made by a caller without the build's keys still count one each."""
    briefings = [brief("a", ["navo", "eu"]), brief("b", ["navo", "eu", "rare"]), brief("c", ["eu"])]
    site = link_briefings(briefings, make_registry())
    assert site.pairs == {("eu", "navo"): 2, ("eu", "rare"): 1, ("navo", "rare"): 1}
