"""Measure extraction against hand-labelled texts: `make eval`.

Each case is a label file `tests/eval/cases/*.yml` whose `source:` points at a
text (in the same folder or in seeds/); see tests/eval/cases/README.md for the
format. Prints precision, recall and F1 per field, and extraction speed.

When the real-text development set is present (`../shared/eval/real/` from the repository
root, or the folder given by `--real DIR` or $EVAL_REAL), it is scored as well and printed
apart: the project's own cases were written for the extractor, the real set was not. How the
real set is scored is described in tests/eval/real_set.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import real_set  # noqa: E402  (tests/eval/real_set.py, next to this script)

from generator.extract.briefing import extract_briefing, topic_patterns  # noqa: E402
from generator.extract.matching import actor_matcher  # noqa: E402
from generator.inputs.registry import load_registry  # noqa: E402
from generator.inputs.sources import read_source  # noqa: E402
from generator.slugs import slugify  # noqa: E402

CASES = Path(__file__).parent / "cases"


@dataclass
class Score:
    """Counts for one field: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, predicted: set, gold: set, case: str) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        for item in sorted(predicted - gold, key=str):
            self.errors.append(f"{case}: extra {item}")
        for item in sorted(gold - predicted, key=str):
            self.errors.append(f"{case}: missed {item}")

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


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", " ".join(str(text).split()))
    return text.strip(" ,.;:").replace("’", "'").replace("‘", "'").lower()


def _key(entry: dict) -> str:
    return entry.get("id") or slugify(entry["name"], max_length=80)


def load_cases(folder: Path = CASES) -> list[tuple[str, dict, bytes]]:
    cases = []
    for label_file in sorted(folder.glob("*.yml")):
        label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        source = ROOT / label["source"]
        cases.append((label["source"], label, source.read_bytes()))
    return cases


def evaluate(cases, verbose: bool = False) -> dict[str, Score]:
    registry, problems = load_registry(ROOT / "data")
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    kinds = {a.id: a.kind for a in registry.actors}
    scores: dict[str, Score] = defaultdict(Score)
    for path, label, data in cases:
        source, _ = read_source(data, path, "markdown" if path.endswith(".md") else "text")
        briefing, _ = extract_briefing(source, registry, matcher, patterns)
        case_kinds = {**kinds, **{c.id: c.kind for c in briefing.candidates}}
        gold_actors = label.get("actors") or []
        names = {_key(a): a for a in gold_actors}
        gold_kind = {_key(a): a["kind"] for a in gold_actors}
        predicted = set(briefing.actor_ids)
        for kind in ("person", "country", "organisation"):
            scores[f"actors: {kind}"].add({a for a in predicted if (gold_kind.get(a) or case_kinds.get(a)) == kind},
                                          {a for a, k in gold_kind.items() if k == kind}, path)
        scores["actors: all"].add(predicted, set(gold_kind), path)

        gold_date = label.get("date")
        scores["date"].add({briefing.date.iso} if briefing.date else set(), {str(gold_date)} if gold_date else set(), path)

        gold_dateline = label.get("dateline")
        got_dateline = (briefing.dateline.place, tuple(briefing.dateline.agencies)) if briefing.dateline else None
        want_dateline = (gold_dateline["place"], tuple(gold_dateline.get("agencies") or ())) if gold_dateline else None
        scores["dateline"].add({got_dateline} if got_dateline else set(), {want_dateline} if want_dateline else set(), path)

        gold_type = label.get("source_type")
        if gold_type:
            scores["source type"].add({briefing.source_type}, {gold_type}, path)

        scores["figures"].add({_norm(f) for f in briefing.figures}, {_norm(f) for f in label.get("figures") or []}, path)

        gold_quotes = {_norm(q["text"]): q.get("speaker") for q in label.get("quotes") or []}
        got_quotes = {_norm(q.text): q.speaker for q in briefing.quotes}
        scores["quotes: found"].add(set(got_quotes), set(gold_quotes), path)
        for text in set(got_quotes) & set(gold_quotes):
            want = gold_quotes[text]
            want_key = _key(names.get(slugify(want, max_length=80), {"name": want})) if want else None
            if want and want_key not in names:
                match = [k for k, a in names.items() if a["name"] == want]
                want_key = match[0] if match else slugify(want, max_length=80)
            got = got_quotes[text]
            score = scores["quotes: speaker"]
            if got == want_key:
                score.tp += 1
            else:
                score.fp += got is not None
                score.fn += want_key is not None
                score.errors.append(f"{path}: speaker of '{text[:50]}…' is {got}, labelled {want_key}")

        gold_roles = {(_key(names.get(slugify(r["name"], max_length=80), {"name": r["name"]})), _norm(r["role"])) for r in label.get("roles") or []}
        scores["roles"].add({(r.actor_id, _norm(r.role)) for r in briefing.roles}, gold_roles, path)

        letter = label.get("letter")
        if letter and briefing.letter:
            for name in ("dossier", "number"):
                want = letter.get(name)
                got = getattr(briefing.letter, name) or None
                scores[f"letter: {name}"].add({got} if got else set(), {str(want)} if want else set(), path)
            want_sign = {(s["name"], _norm(s["role"])) for s in letter.get("signatories") or []}
            scores["letter: signatories"].add({(s.name, _norm(s.role)) for s in briefing.letter.signatories}, want_sign, path)
        elif letter:
            scores["letter: detected"].add(set(), {path}, path)
    return scores


def speed(cases, rounds: int = 20) -> tuple[float, float]:
    """Sources per second and the same rate scaled to 3 KB texts, on one core."""
    registry, _ = load_registry(ROOT / "data")
    matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
    sources = [read_source(data, path)[0] for path, _, data in cases]
    extract_briefing(sources[0], registry, matcher, patterns)  # warm caches
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    started = time.perf_counter()
    for _ in range(rounds):
        for source in sources:
            extract_briefing(source, registry, matcher, patterns)
    seconds = time.perf_counter() - started
    per_second = rounds * len(sources) / seconds
    per_second_3kb = per_second * (size / len(sources)) / 3072
    return per_second, per_second_3kb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every missed and extra item")
    parser.add_argument("--real", metavar="DIR", help="the real-text set (default: $EVAL_REAL or ../shared/eval/real)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = parser.parse_args()
    cases = load_cases()
    scores = evaluate(cases)
    print(f"OWN CASES: {len(cases)} labelled texts written for the project (tests/eval/cases)\n")
    print(f"{'field':<22} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}")
    for name in sorted(scores):
        s = scores[name]
        print(f"{name:<22} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>4} {s.fn:>4}")
    if args.errors:
        for name in sorted(scores):
            for error in scores[name].errors:
                print(f"[{name}] {error}")
    print()
    folder = real_set.default_folder(ROOT, args.real)
    label = args.real or os.environ.get("EVAL_REAL") or "../shared/eval/real"
    if (folder / "gold.yaml").is_file():
        registry, _ = load_registry(ROOT / "data")
        matcher, patterns = actor_matcher(registry), topic_patterns(registry.topics)
        real = real_set.evaluate_real(folder, registry, matcher, patterns, extract_briefing, read_source)
        print("\n".join(real_set.report(real, label, args.errors)))
    else:
        print(f"REAL SET: skipped, no gold.yaml in {label} (point --real DIR or EVAL_REAL at the set)")
    if not args.no_speed:
        rate, rate_3kb = speed(cases)
        print(f"\nextraction: {rate:.0f} sources/s on one core ({rate_3kb:.0f}/s scaled to 3 KB texts), own cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
