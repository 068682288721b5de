"""A deterministic synthetic corpus in the style of the seeds, for benchmarks.

`python bench/synth.py N DIR` writes N sources of about 3 KB into DIR: Dutch news
reports (some with a dateline, some with quotations and figures) and a share of
parliamentary letters, each dated, each naming actors from `data/actors.yml`.
The same N gives byte-identical files on every machine (a seeded generator, no clock).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")
PLACES = ("BRUSSEL", "DEN HAAG", "LONDEN", "PARIJS", "BERLIJN", "WARSCHAU", "KYIV", "WASHINGTON")
AGENCIES = ("ANP", "AFP", "REUTERS", "BLOOMBERG", "ANP/AFP", "ANP/REUTERS")
SUBJECTS = (
    "nucleaire afschrikking", "de oorlog in Oekraïne", "de defensie-uitgaven", "de Europese wapenindustrie",
    "een vredesmacht voor Oekraïne", "veiligheidsgaranties", "de samenwerking tussen de NAVO en de EU",
    "de strategische autonomie van Europa", "de levering van munitie", "de luchtverdediging",
)
VERBS = ("sprak over", "waarschuwde voor", "pleitte voor", "twijfelde aan", "drong aan op", "kondigde nieuwe stappen aan rond")
FILLER = (
    "Diplomaten verwachten dat de gesprekken nog weken zullen duren.",
    "De ministers komen volgende maand opnieuw bijeen om de plannen verder uit te werken.",
    "Critici wijzen erop dat de afspraken nog niet in wetgeving zijn vastgelegd.",
    "Volgens analisten is het een signaal aan bondgenoten en tegenstanders tegelijk.",
    "Over de precieze kosten werd niets bekendgemaakt.",
    "Het parlement moet nog met de voorstellen instemmen.",
    "De afgelopen jaren is de toon in het debat duidelijk verhard.",
    "Ook de industrie wil meer zekerheid over langlopende contracten.",
)


def load_actors(data: Path) -> dict[str, list[str]]:
    """Display names of the registry's actors, by kind."""
    entries = yaml.safe_load((data / "actors.yml").read_text(encoding="utf-8"))["actors"]
    kinds: dict[str, list[str]] = {"person": [], "country": [], "organisation": []}
    for entry in entries:
        kinds[entry["kind"]].append(entry["name"])
    return kinds


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)


def _paragraph(rng: random.Random, actors: dict[str, list[str]]) -> str:
    person, country, org = rng.choice(actors["person"]), rng.choice(actors["country"]), rng.choice(actors["organisation"])
    subject = rng.choice(SUBJECTS)
    sentences = [
        f"{person} {rng.choice(VERBS)} {subject} tijdens overleg met vertegenwoordigers van {country} en de {org}.",
        rng.choice(FILLER),
        f"{country} wil volgens ingewijden {rng.randint(2, 40)} procent meer uitgeven aan {subject}.",
        rng.choice(FILLER),
    ]
    if rng.random() < 0.4:
        sentences.append(f"“We moeten nu handelen, anders is het te laat voor {subject}”, zei {person.split()[-1]}.")
    if rng.random() < 0.3:
        sentences.append(f"Het gaat om {rng.randint(2, 90)}.{rng.randint(100, 999)} militairen en {rng.randint(1, 9)} miljard euro.")
    return " ".join(sentences)


def news(rng: random.Random, actors: dict[str, list[str]], size: int) -> str:
    year, month, day = _date(rng)
    header = f" date {year}-{month:02d}" + (f"-{day:02d}" if rng.random() < 0.5 else "")
    opening = f"{rng.choice(PLACES)} ({rng.choice(AGENCIES)}) - " if rng.random() < 0.5 else ""
    paragraphs = [opening + _paragraph(rng, actors)]
    while sum(len(p) for p in paragraphs) < size:
        if rng.random() < 0.15:
            paragraphs.append(rng.choice(SUBJECTS).capitalize())
        paragraphs.append(_paragraph(rng, actors))
    return header + " " + "\n\n".join(paragraphs) + "\n"


def letter(rng: random.Random, actors: dict[str, list[str]], size: int, number: int) -> str:
    year, month, day = _date(rng)
    lines = [
        "Tweede Kamer der Staten-Generaal",
        "",
        f"{rng.randint(21, 36)} {rng.randint(100, 999)} Internationale militaire samenwerking",
        "",
        f"Nr. {number % 400 + 1} Brief van de minister van Defensie",
        "",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "",
        f"Den Haag, {day} {MONTHS[month - 1]} {year}",
        "",
    ]
    body: list[str] = []
    while sum(len(p) for p in body) < size:
        body.append(_paragraph(rng, actors))
    return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n\nDe minister van Defensie,\nA.B. Voorbeeld\n"


def write_corpus(count: int, folder: Path, data: Path = ROOT / "data", size: int = 2900, seed: int = 20260101) -> list[Path]:
    """Write `count` sources into `folder` (created); the same arguments give the same bytes."""
    rng = random.Random(seed)
    actors = load_actors(data)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        text = letter(rng, actors, size, number) if number % 10 == 9 else news(rng, actors, size)
        path = folder / f"{number:06d}_synthetic.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    write_corpus(args.count, args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
