"""The few settings the generator reads from mkdocs.yml: site_url and repo_url."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import GeneratorError


class _Tolerant(yaml.SafeLoader):
    """A safe loader that reads MkDocs' `!ENV` and `!!python/name:` tags as plain values."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> dict:
    """mkdocs.yml as plain data; tags such as `!ENV` read as None."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}  # noqa: S506 - a SafeLoader subclass


def read_site_settings(path: Path) -> dict:
    """site_url, repo_url, the branch that source links point to (from edit_uri, else main) and
    use_directory_urls (as `directory_urls`)."""
    if not path.is_file():
        return {"site_url": None, "repo_url": None, "branch": "main", "directory_urls": True}
    try:
        data = read_mkdocs_yml(path)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise GeneratorError(f"{path.name} cannot be read ({' '.join(str(exc).split())}); fix it and build again") from exc
    if not isinstance(data, dict):
        raise GeneratorError(f"{path.name} does not hold settings (a mapping of keys to values); fix it and build again")
    settings = {key: (str(data[key]) if data.get(key) else None) for key in ("site_url", "repo_url")}
    parts = str(data.get("edit_uri") or "").strip("/").split("/")
    settings["branch"] = parts[1] if len(parts) >= 2 and parts[0] in ("edit", "blob", "tree") else "main"
    # Pages link to each other in HTML blocks by URL, which depends on this MkDocs setting.
    settings["directory_urls"] = data.get("use_directory_urls", True) is not False
    return settings
