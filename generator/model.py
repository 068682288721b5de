"""Immutable data passed between the pipeline stages."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import cached_property

DUTCH_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)

ACTOR_KINDS = ("person", "country", "organisation")
# Kinds of source, with the label the site shows.
SOURCE_TYPES = {
    "news": "Nieuwsbericht",
    "parliamentary_letter": "Kamerbrief",
    "report": "Rapport",
    "speech": "Toespraak",
    "other": "Overig",
}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision; 0 means unknown."""

    year: int
    month: int = 0
    day: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.day and not self.month:
            raise ValueError("a day needs a month")
        if self.month and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day and not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
            raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02d}")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def dutch(self) -> str:
        """The date as a Dutch reader writes it: '2 maart 2026', 'juli 2025', '2025'."""
        if self.day:
            return f"{self.day} {DUTCH_MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{DUTCH_MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def months_since_epoch(self) -> float:
        """A position on a month scale, the middle of the unknown part where imprecise."""
        month = self.month or 6.5
        day = self.day or 15
        return self.year * 12 + (month - 1) + (day - 1) / 31


ISO_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_iso(value: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with a readable reason."""
    match = ISO_RE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    return PartialDate(year, month, day)


@dataclass(frozen=True)
class Source:
    """One input file, decoded, with line ends normalised to '\\n' and its header removed."""

    path: str  # posix path relative to the project root, e.g. seeds/000_x.txt
    text: str
    format: str  # "text", "markdown", "html" or "pdf"
    header_date: str | None = None  # the raw value of a ` date …` header line
    meta: tuple[tuple[str, object], ...] = ()  # front matter of a Markdown source

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0]

    def meta_value(self, key: str, default: object = None) -> object:
        return dict(self.meta).get(key, default)


@dataclass(frozen=True)
class Actor:
    """A registry entry; `aliases` never repeats `name`."""

    id: str
    name: str
    kind: str
    description: str
    aliases: tuple[str, ...] = ()
    # Forms that name the actor only on their own, not joined to another word by a hyphen:
    # `Defensie` is the ministry, `Defensie-uitgaven` is defence spending.
    not_in_compounds: tuple[str, ...] = ()
    # A news medium or agency (ANP, Reuters, NOS): recorded as a source's media, never as an actor.
    medium: bool = False
    # Forms that are also common words (a surname such as `Blok` or `Kamp`): they name the
    # person only in a person context, e.g. right after a title (`minister Blok`).
    person_context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A registry entry; keywords are lowercase; `requires` holds actor ids."""

    id: str
    label: str
    description: str
    keywords: tuple[str, ...]
    min_hits: int = 2
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    """Actors and topics with unique ids, each alias owned by one actor."""

    actors: tuple[Actor, ...]
    topics: tuple[Topic, ...]
    actor_by_id: dict[str, Actor] = field(default_factory=dict, compare=False, repr=False)
    topic_by_id: dict[str, Topic] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.actor_by_id.update({a.id: a for a in self.actors})
        self.topic_by_id.update({t.id: t for t in self.topics})


@dataclass(frozen=True)
class Dateline:
    """The opening `PLACE (AGENCY/AGENCY) -` of a news report."""

    place: str
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signatory:
    """One signature block of a letter: the role line and the name under it."""

    role: str
    name: str


@dataclass(frozen=True)
class Letter:
    """The header and signature blocks of a Dutch parliamentary letter."""

    dossier: str = ""
    dossier_title: str = ""
    number: str = ""
    senders: str = ""
    addressee: str = ""
    place: str = ""
    subject: str = ""
    signatories: tuple[Signatory, ...] = ()


@dataclass(frozen=True)
class Role:
    """An actor named with a role in apposition (`Britse premier`), as the text words it."""

    actor_id: str
    role: str


@dataclass(frozen=True)
class Quote:
    """A quotation; `speaker` is an actor id, or None when the text does not make it clear."""

    speaker: str | None
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph of source text (lines kept) or a short subheading."""

    kind: str  # "paragraph" or "heading"
    lines: tuple[str, ...]
    # The first mention of each actor in the paragraph: (line index, start, end, actor id).
    links: tuple[tuple[int, int, int, str], ...] = ()


@dataclass(frozen=True)
class Mention:
    """An actor named in a briefing: how often, and where first (character offset)."""

    actor_id: str
    count: int
    first: int


@dataclass(frozen=True)
class Briefing:
    """Everything extracted from one source; `actors` is ordered by count, then first mention."""

    slug: str
    source: str
    title: str
    date: PartialDate | None
    source_type: str
    lead: str
    blocks: tuple[Block, ...]
    actors: tuple[Mention, ...] = ()
    topics: tuple[str, ...] = ()
    dateline: Dateline | None = None
    letter: Letter | None = None
    candidates: tuple[Actor, ...] = ()  # actors found in the text but not in the registry
    roles: tuple[Role, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[str, ...] = ()
    media: tuple[str, ...] = ()  # news media and agencies the source cites or comes from, by name
    # (actor id, the sentence that first mentions it); any sequence of such pairs (the build
    # cache gives one that unpickles only when read).
    contexts: tuple[tuple[str, str], ...] = ()
    note: str | None = None  # an analyst's note from the source's sidecar
    corrected: bool = False  # a sidecar changed what was extracted
    key: str = ""  # fingerprint of everything this briefing was made from (source, registry, code, corrections)
    url: str | None = None  # where the original is published (a Markdown source's `url:`), http(s) only
    author: str | None = None  # a web page's byline: provenance, never an actor
    site_name: str | None = None  # the site a saved web page comes from (also among `media`)

    @cached_property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(m.actor_id for m in self.actors)

    @property
    def sort_key(self) -> tuple:
        """Newest first; undated last; then by slug for a stable order."""
        if self.date is None:
            return (1, 0.0, self.slug)
        return (0, -self.date.months_since_epoch(), self.slug)


@dataclass(frozen=True)
class Related:
    """A briefing related to another, with the score and the Dutch reason shown to readers."""

    slug: str
    score: float
    reason: str


@dataclass(frozen=True)
class Site:
    """All briefings cross-linked: briefings newest first, indexes keyed by id.

    `actors` holds the registry's actors and the unreviewed candidates: those in `candidates`
    have a page; those in `unlisted` were found with too little evidence for one (named once, in
    one briefing, with no role or quotation) and are shown on their briefing's page only, as text.
    """

    registry: Registry
    briefings: tuple[Briefing, ...]
    related: dict[str, tuple[Related, ...]]
    by_actor: dict[str, tuple[str, ...]]
    by_topic: dict[str, tuple[str, ...]]
    actors: dict[str, Actor] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)  # actor pair -> briefings naming both
    by_dossier: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Kamerstuk dossier -> its letters, newest first
    unlisted: tuple[str, ...] = ()

    def briefing(self, slug: str) -> Briefing:
        return self._by_slug()[slug]

    @cached_property
    def pageless(self) -> frozenset[str]:
        """`unlisted` as a set, for the pages that ask of each actor whether it has a page."""
        return frozenset(self.unlisted)

    @cached_property
    def unreviewed(self) -> frozenset[str]:
        """Every actor not in the registry: the candidates with a page and those without."""
        return frozenset(self.candidates) | self.pageless

    def seen_together(self, actor_id: str) -> dict[str, int]:
        """The actors named in the same briefings as this one, and in how many (from `pairs`)."""
        together = self.__dict__.get("_together")
        if together is None:
            together = {}
            for (a, b), n in self.pairs.items():
                together.setdefault(a, {})[b] = n
                together.setdefault(b, {})[a] = n
            object.__setattr__(self, "_together", together)
        return together.get(actor_id, {})

    def _by_slug(self) -> dict[str, Briefing]:
        cache = self.__dict__.get("_slug_cache")
        if cache is None:
            cache = {b.slug: b for b in self.briefings}
            object.__setattr__(self, "_slug_cache", cache)
        return cache


@dataclass(frozen=True)
class Page:
    """One file to write under docs/: path is posix, relative to docs/.

    `text` is None when the page's inputs (`fingerprint`) are unchanged since it was last
    written and its file is untouched: there is nothing to render or write.
    """

    path: str
    text: str | None
    fingerprint: str = ""


def surface_forms(actor: Actor, forms: tuple[str, ...] | None = None) -> list[str]:
    """Every form that names the actor in text (or the given ones of its forms); `von der
    Leyen` also as `Von der Leyen`."""
    found = []
    for form in (actor.name, *actor.aliases) if forms is None else forms:
        found.append(form)
        if form[:1].islower():
            found.append(form[:1].upper() + form[1:])
    return list(dict.fromkeys(found))
