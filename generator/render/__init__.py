"""Turning the linked site into pages: Markdown with front matter for each briefing,
actor, topic and dossier, the index pages, the timeline and graph data, the feeds,
and the check that every link the generator writes points to a page that exists."""
