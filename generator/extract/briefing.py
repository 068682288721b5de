"""From a Source to a Briefing: title, date, lead, dateline, letter, actors, roles, quotes,
figures, topics; the page's paragraphs with their first mentions linked, and the sentence
each actor is first named in."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from generator.errors import WARNING, Problem
from generator.extract.actors import counted, find_actors_in
from generator.extract.dates import publication_date
from generator.extract.figures import find_figures
from generator.extract.letters import parse_dateline, parse_letter
from generator.extract.matching import NameMatcher
from generator.extract.quotes import find_quotes
from generator.extract.spans import ActorSpan
from generator.extract.text import headline, lead_of, paragraphs, sentence_marks, sentences, to_blocks
from generator.extract.topics import TopicPatterns, find_topics, topic_patterns
from generator.model import (
    SOURCE_TYPES,
    Block,
    Briefing,
    Letter,
    PartialDate,
    Quote,
    Registry,
    Role,
    Source,
    parse_iso,
)
from generator.slugs import VALID_SLUG, briefing_slug

# The caller builds the topic matcher once per run (`topic_patterns`), then calls `extract_briefing` per source.
__all__ = ["extract_briefing", "topic_patterns"]


def extract_briefing(
    source: Source, registry: Registry, matcher: NameMatcher, topic_patterns: TopicPatterns
) -> tuple[Briefing, list[Problem]]:
    """Everything a briefing page shows about one source; warnings name the file."""
    problems: list[Problem] = []
    paras = paragraphs(source.text)
    letter, body_offset, letter_date = parse_letter(source.text)
    dateline, dateline_end = (None, 0) if letter else parse_dateline(source.text)

    source_type = _source_type(source, letter, problems)
    date = _resolve_date(source, letter_date, problems)

    body_start = max(body_offset, dateline_end)
    body_paras = paragraphs(source.text[body_start:]) if body_start else paras
    first = " ".join(body_paras[0]) if body_paras else ""
    first_sentences = sentences(first)
    lead_text = " ".join(str(source.meta_value("lead") or lead_of(first_sentences)).split())
    title = " ".join(str(source.meta_value("title") or _title(letter, first_sentences, source)).split())

    text = source.text[dateline_end:]
    media: list[str] = list(dateline.agencies) if dateline else []
    mentions, candidates, roles = find_actors_in(text, registry, matcher, letter, media)
    actor_ids = {actor_id for actor_id, _, _ in mentions}
    kinds = {**{a.id: a.kind for a in registry.actors}, **{c.id: c.kind for c in candidates}}
    spans = [ActorSpan(a, kinds[a], s, e) for a, s, e in mentions]
    quotes = tuple(Quote(speaker, quote) for speaker, quote in find_quotes(text, spans))
    topics = find_topics(text, registry.topics, topic_patterns, actor_ids)

    slug = str(source.meta_value("slug") or "")
    if slug and not VALID_SLUG.fullmatch(slug):
        problems.append(
            Problem(
                source.path,
                0,
                WARNING,
                f"slug '{slug}' is not allowed (use lowercase letters, digits and hyphens); the title is used instead",
            )
        )
        slug = ""
    slug = slug or briefing_slug(title, date.iso if date else None, source.stem)

    blocks = link_blocks(source.text, dateline_end, to_blocks(paras, headings=letter is None), mentions)
    briefing = Briefing(
        slug=slug,
        source=source.path,
        title=title,
        date=date,
        source_type=source_type,
        lead=lead_text,
        blocks=blocks,
        contexts=mention_contexts(text, mentions),
        actors=counted(mentions),
        topics=topics,
        dateline=dateline,
        letter=letter,
        candidates=tuple(sorted(candidates, key=lambda c: c.id)),
        roles=tuple(Role(a, r) for a, r in roles),
        quotes=quotes,
        figures=tuple(find_figures(source.text[body_start:])),
        media=tuple(dict.fromkeys(media)),
    )
    return briefing, problems


def link_blocks(source_text: str, offset: int, blocks: tuple[Block, ...], mentions: list[tuple[str, int, int]]) -> tuple[Block, ...]:
    """Mark the first mention of each actor in each paragraph, for linking on the page.

    `mentions` are offsets into `source_text[offset:]`; block lines are located in the
    source text in order (a line joined over a page break is left without links).
    """
    starts = [m[1] + offset for m in mentions]
    last_start = max(starts, default=-1)
    cursor = 0
    result = []
    for block in blocks:
        if block.kind != "paragraph":
            # Only moves the cursor on.
            for line in block.lines:
                at = source_text.find(line, cursor)
                if at >= 0:
                    cursor = at + len(line)
            result.append(block)
            continue
        if cursor > last_start:
            result.append(block)  # no mention left to link: the rest needs no cursor either
            continue
        seen: set[str] = set()
        links = []
        for index, line in enumerate(block.lines):
            at = source_text.find(line, cursor)
            if at < 0:
                continue
            cursor = line_end = at + len(line)
            for i in range(bisect_left(starts, at), bisect_left(starts, line_end)):
                actor_id, start, end = mentions[i]
                if actor_id not in seen and end + offset <= line_end:
                    seen.add(actor_id)
                    links.append((index, start + offset - at, end + offset - at, actor_id))
        result.append(replace(block, links=tuple(links)) if links else block)
    return tuple(result)


def mention_contexts(text: str, mentions: list[tuple[str, int, int]], limit: int = 320) -> tuple[tuple[str, str], ...]:
    """For each actor, the sentence of its first mention (cut to `limit` characters)."""
    if not mentions:
        return ()
    contexts: dict[str, str] = {}
    # One string per sentence, however many actors it introduces: the build cache pickles a
    # shared string once (about a third of the cache's size at 10,000 sources).
    sentences: dict[str, str] = {}
    # A sentence runs from just after the last ". ", "? ", "! " or line break that ends before
    # the mention to the first one at or after its end. These marks never overlap, so one scan
    # finds them all; only the last mark that starts before the mention can reach into it.
    starts = sentence_marks(text)
    for actor_id, start, end in mentions:
        if actor_id in contexts:
            continue
        before = bisect_left(starts, start) - 1
        if before >= 0 and starts[before] + (1 if text[starts[before]] == "\n" else 2) > start:
            before -= 1
        left = starts[before] if before >= 0 else -1
        after = bisect_left(starts, end)
        right = starts[after] + 1 if after < len(starts) else len(text)
        sentence = " ".join(text[left + 1 : right].split())
        if len(sentence) > limit:
            sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
        contexts[actor_id] = sentences.setdefault(sentence, sentence)
    return tuple(sorted(contexts.items()))


# --- type, date, title -----------------------------------------------------


def _source_type(source: Source, letter: Letter | None, problems: list[Problem]) -> str:
    declared = source.meta_value("source_type")
    if declared:
        if declared in SOURCE_TYPES:
            return str(declared)
        problems.append(
            Problem(
                source.path,
                0,
                WARNING,
                f"source_type '{declared}' is unknown (use one of {', '.join(SOURCE_TYPES)}); detected from the text instead",
            )
        )
    return "parliamentary_letter" if letter else "news"


NO_DATE_WARNING = "no publication date found"


def _resolve_date(source: Source, letter_date: PartialDate | None, problems: list[Problem]) -> PartialDate | None:
    """The publication date: the front matter or ` date` header, else the letter's date line,
    else where a publication date stands near the top (see dates.publication_date); never a
    date from the running text, which is an event. A header that gives only the month is made
    precise by a day that stands in such a place in the same month."""
    for label, value in (("front matter date", source.meta_value("date")), ("date header", source.header_date)):
        if value:
            try:
                declared = parse_iso(str(value))
            except ValueError as exc:
                problems.append(
                    Problem(
                        source.path,
                        1 if label == "date header" else 0,
                        WARNING,
                        f"{label} is not valid: {exc}; the date is taken from the text instead",
                    )
                )
                continue
            if declared.precision != "day":
                found = publication_date(source.text, declared.year)
                if found and found.precision == "day" and found.iso.startswith(declared.iso + "-"):
                    return found
            return declared
    if letter_date:
        return letter_date
    found = publication_date(source.text)
    if found:
        return found
    fallback = source.meta_value("pdf_date")  # a PDF's creation date: only when the text gives none
    if fallback:
        return parse_iso(str(fallback))
    sidecar = source.path.rsplit(".", 1)[0] + ".yml"
    problems.append(
        Problem(
            source.path,
            1,
            WARNING,
            f"{NO_DATE_WARNING} (no ' date' header, letter date line, dated dateline or "
            "'Gepubliceerd'/'Geplaatst op' line; dates in the text are events); start the file "
            "with a line ' date YYYY-MM-DD' (or YYYY-MM), or set 'date: YYYY-MM-DD' in its "
            f"sidecar {sidecar}; the briefing is listed as undated",
        )
    )
    return None


def _title(letter: Letter | None, first: list[str], source: Source) -> str:
    """A letter's subject, or the headline of the first sentence (`first`: the first paragraph's sentences)."""
    if letter:
        subject = letter.subject or letter.dossier_title or letter.senders or "Kamerbrief"
        ref = ", ".join(x for x in (letter.dossier, f"nr. {letter.number}" if letter.number else "") if x)
        title = f"Kamerbrief: {subject}" + (f" ({ref})" if ref else "")
        return title if len(title) <= 90 else headline(title)
    return headline(first[0]) if first else source.stem

