"""Atom feeds for all briefings, per topic and per actor (RFC 4287), built with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.model import Briefing, Page, PartialDate
from generator.render.stamp import stamp, xml_mark

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50


def _timestamp(date: PartialDate) -> str:
    """Atom needs a full timestamp: the start of the period the source gives (month → its first day)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def feed_page(path: str, title: str, briefings: list[Briefing], site_url: str | None, page_url: str, edit: str) -> Page:
    """The feed of `briefings` (newest first; undated ones have no place in a feed).

    Links are absolute when mkdocs.yml sets `site_url`, else relative to the feed's folder.
    """
    depth = path.count("/")
    base = site_url.rstrip("/") + "/" if site_url else "../" * depth

    def url(target: str) -> str:
        return base + target

    dated = [b for b in briefings if b.date is not None][:MAX_ENTRIES]
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "id").text = url(path) if site_url else f"urn:briefings:{path}"
    ET.SubElement(feed, "link", {"rel": "self", "href": url(path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": url(page_url)})
    ET.SubElement(feed, "updated").text = _timestamp(dated[0].date) if dated else "1970-01-01T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = "Briefings Europese veiligheid"
    for briefing in dated:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = briefing.title
        link = f"briefings/{briefing.slug}/"
        ET.SubElement(entry, "id").text = url(link) if site_url else f"urn:briefings:{briefing.slug}"
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url(link)})
        ET.SubElement(entry, "updated").text = _timestamp(briefing.date)
        ET.SubElement(entry, "summary").text = briefing.lead
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return Page(path, stamp(f'<?xml version="1.0" encoding="utf-8"?>\n{xml_mark(edit)}\n{body}\n'))
