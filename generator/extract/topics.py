"""Topics: a source is about a topic when the topic's keywords occur often enough in it and
the actors the topic requires appear."""

from __future__ import annotations

import re

from generator.extract.matching import trie_pattern
from generator.model import Topic


class TopicPatterns:
    """Per topic, a case-insensitive regex of its keywords (each at the start of a word).

    One scan over the text with all keywords finds where any keyword may start; each
    topic's own regex is then tried only there, counting non-overlapping matches per
    topic exactly as a scan with that regex alone would.
    """

    def __init__(self, topics: tuple[Topic, ...]):
        def _spaced(keyword: str) -> str:
            return r"\s+".join(map(re.escape, keyword.split()))

        self.patterns: dict[str, re.Pattern] = {}
        keywords: set[str] = set()
        lowered: dict[str, list[str]] = {}
        for topic in topics:
            words_ = sorted(topic.keywords, key=len, reverse=True)
            keywords.update(words_)
            alternatives = "|".join(r"\s+".join(map(re.escape, k.split())) for k in words_)
            self.patterns[topic.id] = re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)
            lowered[topic.id] = [k.lower() for k in words_]
        firsts = sorted({k.split()[0] for k in keywords if k.split()}, key=len, reverse=True)
        self._starts = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, firsts))})", re.IGNORECASE) if firsts else None
        # A faster way to the same counts, for ASCII keywords. Matching them case-insensitively is
        # matching them exactly in `text.lower()` when lowering keeps every character one character
        # and the text has no dotless ı or long ſ (which IGNORECASE matches to i and s). The starts
        # are then found by a prefix tree behind a non-word character (the text gets a space in
        # front), which the regex engine scans fast; at a start, only topics with a keyword whose
        # first word can stand there are tried, and a keyword of one word needs no regex at all.
        self._lower: tuple[re.Pattern, dict[str, list[tuple[str, int, re.Pattern]]]] | None = None
        if firsts and all(k.isascii() and k.split() and re.fullmatch(r".*\w", k.split()[0]) for k in keywords):
            lower_patterns = {topic_id: re.compile(rf"(?<!\w)(?:{'|'.join(map(_spaced, words_))})") for topic_id, words_ in lowered.items()}
            at_start: dict[str, list[tuple[str, int, re.Pattern]]] = {}
            for word in {f.lower() for f in firsts}:
                at_start[word] = []
                for topic_id in self.patterns:
                    here = [k for k in lowered[topic_id] if word.startswith(k.split()[0])]
                    if here:
                        # Only one-word keywords can start here: the first of them (longest first) matches.
                        length = len(here[0]) if all(len(k.split()) == 1 for k in here) else 0
                        at_start[word].append((topic_id, length, lower_patterns[topic_id]))
            self._lower = (re.compile(rf"\W({trie_pattern(at_start)})"), at_start)

    def count(self, text: str) -> dict[str, int]:
        hits = dict.fromkeys(self.patterns, 0)
        if self._starts is None:
            return hits
        if self._lower is not None:
            lower = text.lower()
            if len(lower) == len(text) and "ı" not in lower and "ſ" not in lower:
                self._count_lowered(lower, hits)
                return hits
        ends = dict.fromkeys(self.patterns, 0)
        for start in (m.start() for m in self._starts.finditer(text)):
            for topic_id, pattern in self.patterns.items():
                if start >= ends[topic_id]:
                    match = pattern.match(text, start)
                    if match:
                        hits[topic_id] += 1
                        ends[topic_id] = match.end()
        return hits

    def _count_lowered(self, lower: str, hits: dict[str, int]) -> None:
        """The counts in the lowered text, with the prefix tree of the ASCII keywords (see `__init__`)."""
        starts, at_start = self._lower
        ends = dict.fromkeys(self.patterns, 0)
        for found in starts.finditer(" " + lower):
            start = found.start()  # where the word stands in `lower`: one less than in " " + lower
            for topic_id, length, pattern in at_start[found.group(1)]:
                if start < ends[topic_id]:
                    continue
                if length:
                    hits[topic_id] += 1
                    ends[topic_id] = start + length
                else:
                    match = pattern.match(lower, start)
                    if match:
                        hits[topic_id] += 1
                        ends[topic_id] = match.end()


def topic_patterns(topics: tuple[Topic, ...]) -> TopicPatterns:
    """The keyword matcher for all topics, built once per run."""
    return TopicPatterns(topics)


def find_topics(text: str, topics: tuple[Topic, ...], patterns: TopicPatterns, actor_ids: set[str]) -> tuple[str, ...]:
    """Topics whose keywords occur at least `min_hits` times and whose required actors appear."""
    counts = patterns.count(text)
    found = []
    for topic in topics:
        if set(topic.requires) <= actor_ids and counts[topic.id] >= topic.min_hits:
            found.append((-counts[topic.id], topic.id))
    return tuple(topic_id for _, topic_id in sorted(found))

