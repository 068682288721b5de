"""The build cache's form of a briefing: plain tuples that unpickle fast, and the
contexts kept pickled until a page reads them."""

from __future__ import annotations

import pickle

from generator.model import Actor, Briefing, Dateline, Letter, Mention, PartialDate, Quote, Role, Signatory


class Contexts:
    """A briefing's (actor id, sentence) pairs, kept pickled until something reads them.

    They are most of what the build cache holds per briefing, and a rebuild reads them
    only for the few actor pages it renders again: unpickled with every cached
    briefing, they were most of the time spent loading the cache. Iterates, indexes,
    compares and prints (so hashes) as the tuple it holds, but is not a tuple: give
    `tuple(contexts)` to anything else (JSON, YAML, concatenation, ordering).
    """

    __slots__ = ("_data", "_value")

    def __init__(self, value: tuple[tuple[str, str], ...] | None = None, data: bytes | None = None) -> None:
        self._value, self._data = value, data

    @property
    def value(self) -> tuple[tuple[str, str], ...]:
        if self._value is None:
            self._value = pickle.loads(self._data)  # noqa: S301 - pickled by __reduce__ below, in the build cache
        return self._value

    def __reduce__(self):
        data = self._data if self._data is not None else pickle.dumps(self._value, protocol=pickle.HIGHEST_PROTOCOL)
        return (Contexts, (None, data))

    def __iter__(self):
        return iter(self.value)

    def __len__(self) -> int:
        return len(self.value)

    def __getitem__(self, index):
        return self.value[index]

    def __eq__(self, other: object) -> bool:
        return self.value == (other.value if isinstance(other, Contexts) else other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return repr(self.value)


# --- the build cache's form of a briefing -----------------------------------
# Unpickling 10,000 briefings as dataclasses takes seconds (one object per mention,
# quote, role...); as plain tuples it takes a fraction. The cache stores rows.



def briefing_row(b: Briefing) -> tuple:
    """Every field but `blocks`, as plain tuples, strings and numbers (see briefing_from_row)."""
    letter = b.letter and (b.letter.dossier, b.letter.dossier_title, b.letter.number, b.letter.senders, b.letter.addressee,
                           b.letter.place, b.letter.subject, tuple((s.role, s.name) for s in b.letter.signatories))
    return (
        b.slug, b.source, b.title, b.date and (b.date.year, b.date.month, b.date.day), b.source_type, b.lead,
        tuple((m.actor_id, m.count, m.first) for m in b.actors), b.topics,
        b.dateline and (b.dateline.place, b.dateline.agencies), letter,
        tuple((a.id, a.name, a.kind, a.description, a.aliases) for a in b.candidates),
        tuple((r.actor_id, r.role) for r in b.roles), tuple((q.speaker, q.text) for q in b.quotes),
        b.figures, b.contexts if isinstance(b.contexts, Contexts) else Contexts(tuple(b.contexts)),
        b.note, b.corrected, b.key, b.url, b.media, b.author, b.site_name,
    )


def briefing_from_row(row: tuple) -> Briefing:
    """The Briefing a row was made from, with no blocks."""
    (slug, source, title, date, source_type, lead, actors, topics, dateline, letter,
     candidates, roles, quotes, figures, contexts, note, corrected, key, url, media, author, site_name) = row
    if letter:
        letter = Letter(*letter[:7], signatories=tuple(Signatory(*s) for s in letter[7]))
    return Briefing(
        slug=slug, source=source, title=title, date=date and PartialDate(*date), source_type=source_type, lead=lead,
        blocks=(), actors=tuple(Mention(*m) for m in actors), topics=topics, dateline=dateline and Dateline(*dateline),
        letter=letter, candidates=tuple(Actor(*a) for a in candidates), roles=tuple(Role(*r) for r in roles),
        quotes=tuple(Quote(*q) for q in quotes), figures=figures, contexts=contexts, note=note, corrected=corrected,
        key=key, url=url, media=media, author=author, site_name=site_name,
    )
