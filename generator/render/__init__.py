"""Turning the linked site into files: Markdown with front matter for each briefing, actor,
topic and dossier, the index pages, the timeline, graph and timeline data, the feeds, and
the check that every link the generator writes points to a page that exists.

- `site`: the plan of every file (path, renderer, what it is about) and `render_site`.
- `briefing_page`, `listings` (actor, topic, dossier, index, timeline and home pages),
  `data` (graph page, browser data, feeds), `common` (the template environment, links,
  page assembly, source text), `templates/`.
- `escape` (source text stays text in every format), `stamp` (the generated-file mark),
  `feeds`, `charts`, `searchwords` (Dutch word forms for search), `linkcheck`.
"""
