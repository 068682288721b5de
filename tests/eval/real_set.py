"""Score extraction on the real-text development set (`gold.yaml` and its texts).

The set lives outside the repository (by default `../shared/eval/real/` from the repository
root; `--real DIR` or the environment variable `EVAL_REAL` point elsewhere). Its texts are
third-party material: they are read from there and never copied into the project.

The scoring follows the labelling conventions in the header of `gold.yaml`:

Actors, per kind (persons, countries, organisations)
    A predicted actor is a registry actor or a candidate that the extractor lists for the text.
    It matches a gold name when, after normalising (diacritics removed, case folded, hyphens
    and apostrophes as spaces, a leading `de`/`het`/`the` dropped), the gold name equals the
    actor's name or one of its registry aliases. For persons two looser rules apply, because
    the gold gives "the fullest form the text gives" and the registry may know more or less:
    - one name is the other's last words (`Knops` ~ `Raymond Knops`, `Van Weel` ~ `David van
      Weel`): a surname alone matches the fuller form and vice versa;
    - the last word is the same and the first words agree on their initial where one side is
      written as initials (`J.A. Hennis-Plasschaert` ~ `Jeanine Hennis-Plasschaert`).
    Each gold name is matched to at most one predicted actor and the other way round; exact
    matches are paired before loose ones. A matched pair counts under the gold kind; an
    unmatched prediction counts as a false positive under its own kind. Predictions that match
    a name under `optional:` are neither rewarded nor punished. Media (`media:`) are not
    actors: a predicted actor that is a medium is an ordinary false positive.
Dates
    The publication date only. Where `date_in_text` is true the prediction must be the gold
    date exactly; otherwise a less precise prediction that is a prefix of it is also right
    (header `2019-04` for gold `2019-04-13`). A text whose gold date is null must stay
    undated; "undatable texts given a date" counts those that did not.
    "date: in text or header" covers texts whose date stands in the body or in a ` date`
    header line (the ones the issue's target is about); "date: elsewhere" the rest (URL,
    metadata, inferred), which the extractor cannot be expected to know.
Quotations
    A gold quotation (`text` = its first words) is found when a predicted quotation, both
    normalised like names (without dropping words), starts with it, or it starts with the
    predicted quotation (at least 15 characters), or the predicted quotation contains it.
    Speakers: right when the found quotation's speaker matches the gold speaker by the actor
    rule above. "quotes: speaker" is right speakers over all gold quotations; "speakers of
    found quotes" is the share of found quotations (gold and unresolved) whose speaker is
    right, where right for a `quotes_unresolved` entry means no speaker.
Letters
    For texts with `letter:`, per field: detected, dossier (spaces ignored), number, place,
    sender, addressee and the signatories (names as printed).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

KINDS = {"persons": "person", "countries": "country", "organisations": "organisation"}


@dataclass
class Count:
    """Right/wrong counts for one field: tp, fp, fn and a list of misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def default_folder(root: Path, option: str | None = None) -> Path:
    """The real set's folder: the option, else $EVAL_REAL, else ../shared/eval/real."""
    chosen = option or os.environ.get("EVAL_REAL")
    return Path(chosen) if chosen else root.parent / "shared" / "eval" / "real"


# --- normalising and matching names ------------------------------------------

_ARTICLE = re.compile(r"^(?:de|het|the|een) ")


def norm(text: str) -> str:
    """Lower case, no diacritics, hyphens/apostrophes/quotes as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[-‐–—'’‘`\"“”„,;:!?()]", " ", text)
    return " ".join(text.split())


def norm_name(text: str) -> str:
    return _ARTICLE.sub("", norm(text))


def norm_quote(text: str) -> str:
    text = norm(text).replace("…", " ").replace("...", " ")
    return " ".join(text.split()).strip(" .")


def _initials(token: str) -> bool:
    return bool(re.fullmatch(r"(?:[a-z]{1,2}\.)+", token))


def person_match(gold: str, form: str) -> bool:
    """Loose person rule: a surname alone ~ the fuller form; initials ~ a given name."""
    g, p = norm_name(gold).split(), norm_name(form).split()
    if not g or not p:
        return False
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if long_[-len(short):] == short and not _initials(short[0]):
        return True
    if g[-1] != p[-1]:
        return False
    gi, pi = g[0], p[0]
    if _initials(gi) or _initials(pi):
        return gi[0] == pi[0]
    return False


@dataclass
class Predicted:
    """One predicted actor: its id, kind and every form it answers to."""

    id: str
    kind: str
    forms: tuple[str, ...]


def exact(gold: str, actor: Predicted) -> bool:
    g = norm_name(gold)
    return any(norm_name(f) == g for f in actor.forms)


def loose(gold: str, gold_kind: str, actor: Predicted) -> bool:
    if "person" not in (gold_kind, actor.kind):
        return False
    return any(person_match(gold, f) for f in actor.forms)


def pair(golds: list[tuple[str, str]], predicted: list[Predicted]) -> dict[int, int]:
    """Gold index -> predicted index; exact matches first, then the loose person rule."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for rule in (lambda g, k, a: exact(g, a), loose):
        for gi, (name, kind) in enumerate(golds):
            if gi in pairs:
                continue
            for pi, actor in enumerate(predicted):
                if pi not in used and rule(name, kind, actor):
                    pairs[gi] = pi
                    used.add(pi)
                    break
    return pairs


# --- scoring -----------------------------------------------------------------

def _gold_date(value) -> str | None:
    return None if value is None else str(value)


def _quote_found(gold_text: str, predicted: list[tuple[str, str | None]]) -> int | None:
    g = norm_quote(gold_text)
    for i, (text, _) in enumerate(predicted):
        p = norm_quote(text)
        if p.startswith(g) or (len(p) >= 15 and g.startswith(p)) or g in p:
            return i
    return None


class RealScores:
    """The real set's scores: per field, and per kind of document."""

    def __init__(self) -> None:
        self.fields: dict[str, Count] = defaultdict(Count)
        self.by_type: dict[str, dict[str, Count]] = defaultdict(lambda: defaultdict(Count))
        self.documents = 0
        self.texts: dict[str, int] = defaultdict(int)
        self.undated = 0
        self.undated_given_date = 0

    def add(self, doc_type: str, name: str, tp: int = 0, fp: int = 0, fn: int = 0,
            error: str | None = None) -> None:
        for count in (self.fields[name], self.by_type[doc_type][name]):
            count.tp += tp
            count.fp += fp
            count.fn += fn
        if error:
            self.fields[name].errors.append(error)


def load_gold(folder: Path) -> list[dict]:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    return gold["documents"]


def evaluate_real(folder: Path, registry, matcher, patterns, extract_briefing, read_source) -> RealScores:
    scores = RealScores()
    by_id = registry.actor_by_id
    for doc in load_gold(folder):
        name = doc["file"]
        path = folder / name
        fmt = "markdown" if name.endswith((".md", ".markdown")) else "text"
        source, _ = read_source(path.read_bytes(), f"real/{name}", fmt)
        if source is None:
            continue
        briefing, _ = extract_briefing(source, registry, matcher, patterns)
        scores.documents += 1
        doc_type = doc.get("doc_type") or "other"
        scores.texts[doc_type] += 1
        _score_actors(scores, doc, doc_type, briefing, by_id)
        _score_date(scores, doc, doc_type, briefing)
        _score_quotes(scores, doc, doc_type, briefing, by_id)
        _score_letter(scores, doc, doc_type, briefing)
        _score_media(scores, doc, doc_type, briefing)
    return scores


def _predicted(briefing, by_id) -> list[Predicted]:
    candidates = {c.id: c for c in briefing.candidates}
    out = []
    for actor_id in briefing.actor_ids:
        actor = by_id.get(actor_id) or candidates.get(actor_id)
        if actor is None:
            out.append(Predicted(actor_id, "organisation", (actor_id.replace("-", " "),)))
        else:
            out.append(Predicted(actor.id, actor.kind, (actor.name, *actor.aliases)))
    return out


def _score_actors(scores: RealScores, doc: dict, doc_type: str, briefing, by_id) -> None:
    golds = [(n, KINDS[k]) for k, names in (doc.get("actors") or {}).items() if k in KINDS for n in names or ()]
    optional = [str(n) for n in doc.get("optional") or ()]
    predicted = _predicted(briefing, by_id)
    pairs = pair(golds, predicted)
    matched = set(pairs.values())
    rest = [a for i, a in enumerate(predicted) if i not in matched]
    optional_pairs = pair([(n, "person") for n in optional], rest)
    ignored = {rest[i].id for i in optional_pairs.values()}
    file = doc["file"]
    for gi, (gname, kind) in enumerate(golds):
        if gi in pairs:
            scores.add(doc_type, f"actors: {kind}", tp=1)
            scores.add(doc_type, "actors: all", tp=1)
        else:
            scores.add(doc_type, f"actors: {kind}", fn=1, error=f"{file}: missed {kind} {gname}")
            scores.add(doc_type, "actors: all", fn=1)
    for actor in rest:
        if actor.id in ignored:
            continue
        scores.add(doc_type, f"actors: {actor.kind}", fp=1, error=f"{file}: extra {actor.kind} {actor.id} ({actor.forms[0]})")
        scores.add(doc_type, "actors: all", fp=1)


def _score_date(scores: RealScores, doc: dict, doc_type: str, briefing) -> None:
    gold = _gold_date(doc.get("date"))
    got = briefing.date.iso if briefing.date else None
    file = doc["file"]
    if gold is None:
        scores.undated += 1
        if got:
            scores.undated_given_date += 1
            scores.add(doc_type, "date: undatable kept undated", fp=1,
                       error=f"{file}: undatable text given the date {got}")
        else:
            scores.add(doc_type, "date: undatable kept undated", tp=1)
        return
    in_text = bool(doc.get("date_in_text"))
    field_name = "date: in text or header" if in_text or doc.get("header_date") else "date: elsewhere"
    right = got == gold or (not in_text and got is not None and gold.startswith(got + "-"))
    if right:
        scores.add(doc_type, field_name, tp=1)
    elif got is None:
        scores.add(doc_type, field_name, fn=1, error=f"{file}: no date, labelled {gold}")
    else:
        scores.add(doc_type, field_name, fp=1, fn=1, error=f"{file}: date {got}, labelled {gold}")


def _speaker_right(gold_speaker: str, got: str | None, briefing, by_id) -> bool:
    if got is None:
        return False
    actor = next((a for a in _predicted(briefing, by_id) if a.id == got), None)
    if actor is None:
        return False
    return exact(gold_speaker, actor) or loose(gold_speaker, "person", actor)


def _score_quotes(scores: RealScores, doc: dict, doc_type: str, briefing, by_id) -> None:
    predicted = [(q.text, q.speaker) for q in briefing.quotes]
    file = doc["file"]
    for q in doc.get("quotes") or ():
        text, speaker = str(q["text"]), str(q["speaker"])
        short = text[:50]
        index = _quote_found(text, predicted)
        if index is None:
            scores.add(doc_type, "quotes: found", fn=1, error=f"{file}: quote not found '{short}…' ({speaker})")
            scores.add(doc_type, "quotes: speaker", fn=1)
            continue
        scores.add(doc_type, "quotes: found", tp=1)
        got = predicted[index][1]
        if _speaker_right(speaker, got, briefing, by_id):
            scores.add(doc_type, "quotes: speaker", tp=1)
            scores.add(doc_type, "speakers of found quotes (P)", tp=1)
        else:
            scores.add(doc_type, "quotes: speaker", fn=1, fp=int(got is not None),
                       error=f"{file}: speaker of '{short}…' is {got}, labelled {speaker}")
            scores.add(doc_type, "speakers of found quotes (P)", fp=1)
    for q in doc.get("quotes_unresolved") or ():
        text = str(q["text"])
        index = _quote_found(text, predicted)
        if index is None:
            continue
        got = predicted[index][1]
        if got is None:
            scores.add(doc_type, "quotes unresolved: no speaker", tp=1)
            scores.add(doc_type, "speakers of found quotes (P)", tp=1)
        else:
            scores.add(doc_type, "quotes unresolved: no speaker", fp=1,
                       error=f"{file}: unresolved quote '{text[:50]}…' given the speaker {got}")
            scores.add(doc_type, "speakers of found quotes (P)", fp=1)


def _score_letter(scores: RealScores, doc: dict, doc_type: str, briefing) -> None:
    gold = doc.get("letter")
    if not gold:
        return
    file = doc["file"]
    letter = briefing.letter
    if letter is None:
        scores.add(doc_type, "letter: detected", fn=1, error=f"{file}: not read as a letter")
        return
    scores.add(doc_type, "letter: detected", tp=1)
    fields = {
        "dossier": (re.sub(r"\s", "", letter.dossier), re.sub(r"\s", "", str(gold.get("dossier") or ""))),
        "number": (letter.number, str(gold.get("number") or "")),
        "place": (letter.place, str(gold.get("place") or "")),
        "sender": (_office(letter.senders), _office(gold.get("sender") or "")),
        "addressee": (_office(letter.addressee), _office(gold.get("addressee") or "")),
    }
    for name, (got, want) in fields.items():
        _compare(scores, doc_type, f"letter: {name}", {got} - {""}, {want} - {""}, file)
    got_sign = {norm(s.name) for s in letter.signatories}
    want_sign = {norm(s) for s in gold.get("signatories") or ()}
    _compare(scores, doc_type, "letter: signatories", got_sign, want_sign, file)


def _office(text: str) -> str:
    """A sender or addressee without the `Brief van`/`Aan` and article around it."""
    return norm_name(re.sub(r"^(?:brief van|aan) ", "", norm(text)))


def _compare(scores: RealScores, doc_type: str, name: str, got: set, want: set, file: str) -> None:
    if got & want:
        scores.add(doc_type, name, tp=len(got & want))
    for item in got - want:
        scores.add(doc_type, name, fp=1, error=f"{file}: extra {item!r}")
    for item in want - got:
        scores.add(doc_type, name, fn=1, error=f"{file}: missed {item!r}")


def _score_media(scores: RealScores, doc: dict, doc_type: str, briefing) -> None:
    media = getattr(briefing, "media", None)
    if media is None:
        return
    _compare(scores, doc_type, "media", {norm_name(m) for m in media},
             {norm_name(m) for m in doc.get("media") or ()}, doc["file"])


# --- printing ----------------------------------------------------------------

def report(scores: RealScores, folder_label: str, errors: bool) -> list[str]:
    lines = [f"REAL SET: {scores.documents} texts from {folder_label}", ""]
    lines.append(f"{'field':<30} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}")
    for name in sorted(scores.fields):
        s = scores.fields[name]
        lines.append(f"{name:<30} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>4} {s.fn:>4}")
    lines.append("")
    lines.append(f"undatable texts given a date: {scores.undated_given_date} of {scores.undated}")
    lines.append("")
    lines.append("per kind of document (actors F1; quotation speakers right/gold; dates right/dated):")
    lines.append(f"{'doc_type':<16} {'texts':>5} {'actors F1':>9} {'P':>6} {'R':>6} {'speakers':>9} {'dates':>7}")
    for doc_type in sorted(scores.by_type):
        fields = scores.by_type[doc_type]
        actors = fields["actors: all"]
        speaker = fields["quotes: speaker"]
        dated = [fields[n] for n in ("date: in text or header", "date: elsewhere")]
        texts = scores.texts[doc_type]
        right = sum(c.tp for c in dated)
        total = sum(c.tp + c.fn for c in dated)
        spk = f"{speaker.tp}/{speaker.tp + speaker.fn}"
        lines.append(f"{doc_type:<16} {texts:>5} {actors.f1:>9.3f} {actors.precision:>6.3f} {actors.recall:>6.3f} {spk:>9} {f'{right}/{total}':>7}")
    if errors:
        lines.append("")
        for name in sorted(scores.fields):
            for error in scores.fields[name].errors:
                lines.append(f"[real: {name}] {error}")
    return lines
