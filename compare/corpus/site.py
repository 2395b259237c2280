"""The static site of a corpus, built incrementally: unchanged inputs are neither re-aligned nor
re-rendered.

Pages: `index.html`, `timeline.html` (+ `timeline.json`), `compare/LEFT--RIGHT.html` for each
two consecutive declarations of the series and for each version against its work, and
`track/SLUG.html` for each phrase of the configuration (`site.toml` in the corpus folder:
``[site] phrases = [...]``, and `--phrase`). Each page has a key: the sha256 of the code and
templates (`fingerprint`), the page's inputs by content (a comparison: its two files; the
others: every file and the phrases). The manifest (`.scodiff-cache/manifest.json` under the
output folder) records each page's key and the hash of what was written; the alignment of each
comparison is kept beside it (`.scodiff-cache/align/KEY.json`, `scodiff.alignment/1`; those no
page uses any more are removed). A page whose key and bytes match the manifest (and, for a
comparison, whose alignment is there) is neither re-aligned nor re-rendered. Every input is
read and checked before anything is written, so a broken file stops the build with nothing
half-written; pages are then written one by one with `write_atomic`, the manifest last.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DeclarationError
from ..model import Declaration
from ..resources import PACKAGE, templates_dir
from ..store.catalogue import files_in
from ..store.fsio import read_bytes, write_atomic
from ..store.tomlfile import parse_toml
from .api import load_files, series, versions

CACHE = ".scodiff-cache"
MANIFEST_FORMAT = "scodiff.site-manifest/1"
CONFIG = "site.toml"
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class SiteResult:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint() -> str:
    """The hash of everything that shapes a page besides its inputs: code, templates, data."""
    h = hashlib.sha256()
    files = sorted(PACKAGE.rglob("*.py")) + sorted(PACKAGE.rglob("*.toml"))
    files += sorted(p for p in templates_dir().iterdir() if p.is_file())
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def site_phrases(folder: Path, extra: Sequence[str] = ()) -> list[str]:
    """The phrases of `site.toml` in the corpus folder (if any), then `extra`, each once."""
    found: list[str] = []
    path = folder / CONFIG
    if path.is_file():
        doc = parse_toml(read_bytes(path), os.fspath(path))
        phrases = doc.get("site", {}).get("phrases", [])
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise DeclarationError("[site] phrases must be a list of strings", os.fspath(path))
        found.extend(phrases)
    return list(dict.fromkeys([*found, *extra]))


def slug(phrase: str) -> str:
    s = re.sub(r"[^0-9a-z]+", "-", phrase.casefold()).strip("-")[:60]
    return s or "phrase"


def _manifest(out: Path) -> dict[str, Any]:
    path = out / CACHE / "manifest.json"
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) and doc.get("format") == MANIFEST_FORMAT else {}


def _fresh(out: Path, rel: str, key: str, old: dict[str, Any]) -> bool:
    entry = old.get("pages", {}).get(rel)
    if not isinstance(entry, dict) or entry.get("key") != key:
        return False
    try:
        return _sha((out / rel).read_bytes()) == entry.get("sha256")
    except OSError:
        return False


def build_site(folder: str | os.PathLike[str], out: str | os.PathLike[str],
               phrases: Sequence[str] = (), progress: Progress | None = None) -> SiteResult:
    """Build or update the site of the corpus in `folder` under `out`."""
    folder, out = Path(folder), Path(out)
    files = files_in(folder)
    if not files:
        raise DeclarationError("no *.xml file in this folder", os.fspath(folder))
    hashes = {f.name: _sha(read_bytes(f)) for f in files}
    wanted = site_phrases(folder, phrases)
    fp = fingerprint()
    corpus_key = _sha(json.dumps([fp, sorted(hashes.items()), wanted]).encode())
    old = _manifest(out)
    plan = old.get("plan") if old.get("corpus") == corpus_key else None
    if isinstance(plan, dict) and all(_fresh(out, r, k, old) and (
            not r.startswith("compare/") or (out / _aligned(k)).is_file())
            for r, k in plan.items()):
        return SiteResult((), tuple(sorted(plan)), ())
    decls = load_files(files)  # every input checked before anything is written
    return _build(out, decls, hashes, wanted, fp, corpus_key, old, progress)


def _build(out: Path, decls: list[Declaration], hashes: dict[str, str], wanted: list[str],
           fp: str, corpus_key: str, old: dict[str, Any], progress: Progress | None
           ) -> SiteResult:
    from ..report.facade import compare_files, render_html
    from ..report.serialize import alignment_to_json, dumps_json
    from .lineage import build, order
    from .pages import render_index_html, render_timeline_html, render_track_html
    from .timeline import timeline_document
    from .track import track_document

    file_of = {d.id: Path(d.path or "").name for d in decls}
    works = series(decls)
    consecutive = [(a.id, b.id) for a, b in itertools.pairwise(works)]
    drafts = [(v.id, w.id) for v, w in versions(decls)]
    tracks = _track_names(wanted)
    plan: dict[str, str] = {}
    for a, b in consecutive + drafts:
        plan[f"compare/{a}--{b}.html"] = _sha(f"{fp} {hashes[file_of[a]]} {hashes[file_of[b]]}"
                                              .encode())
    for rel in ["index.html", "timeline.html", "timeline.json", *tracks.values()]:
        plan[rel] = corpus_key
    todo = [r for r in sorted(plan) if not _fresh(out, r, plan[r], old)
            or (r.startswith("compare/") and not (out / _aligned(plan[r])).is_file())]
    pages: dict[str, bytes] = {}
    cache: dict[str, bytes] = {}
    by_id = {d.id: d for d in decls}
    lin_doc: dict[str, Any] | None = None
    for n, rel in enumerate(todo):
        if progress:
            progress(n, len(todo), rel)
        if rel.startswith("compare/"):
            a, b = rel[len("compare/"):-len(".html")].split("--")
            alignment = compare_files(by_id[a].path or "", by_id[b].path or "")
            pages[rel] = render_html(alignment).encode()
            cache[_aligned(plan[rel])] = dumps_json(
                alignment_to_json(alignment)).encode()
        elif rel.startswith("timeline"):
            if lin_doc is None:
                lin_doc = timeline_document(decls, build(works))
            pages[rel] = (json.dumps(lin_doc, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
                          ).encode() if rel.endswith(".json") else render_timeline_html(
                lin_doc, links=True, home="index.html").encode()
        elif rel == "index.html":
            pages[rel] = render_index_html(order(decls), consecutive, drafts,
                                           [(p, h) for p, h in tracks.items()]).encode()
        else:
            phrase = next(p for p, h in tracks.items() if h == rel)
            doc = track_document(order(decls), [phrase])
            pages[rel] = render_track_html(doc, home="../index.html").encode()
    if progress:
        progress(len(todo), len(todo), "done")
    return _write(out, plan, pages, cache, old, corpus_key)


def _aligned(key: str) -> str:
    """Where the alignment of the comparison page with this key is kept."""
    return f"{CACHE}/align/{key}.json"


def _track_names(phrases: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in phrases:
        name, k = slug(p), 2
        while f"track/{name}.html" in out.values():
            name, k = f"{slug(p)}-{k}", k + 1
        out[p] = f"track/{name}.html"
    return out


def _write(out: Path, plan: dict[str, str], pages: dict[str, bytes], cache: dict[str, bytes],
           old: dict[str, Any], corpus_key: str) -> SiteResult:
    for rel, data in sorted({**cache, **pages}.items()):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out / rel, data)
    removed = []
    for rel in sorted(old.get("pages", {})):
        if rel not in plan and not rel.startswith((".", "/")) and ".." not in rel:
            try:
                (out / rel).unlink()
                removed.append(rel)
            except OSError:
                pass
    keep = {_aligned(k) for r, k in plan.items() if r.startswith("compare/")}
    folder = out / CACHE / "align"
    for stale in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if f"{CACHE}/align/{stale.name}" not in keep:
            stale.unlink()
    shas = {rel: _sha(pages[rel]) if rel in pages else old["pages"][rel]["sha256"]
            for rel in plan}
    manifest = {"format": MANIFEST_FORMAT, "corpus": corpus_key, "plan": plan,
                "pages": {rel: {"key": plan[rel], "sha256": shas[rel]} for rel in sorted(plan)}}
    (out / CACHE).mkdir(parents=True, exist_ok=True)
    write_atomic(out / CACHE / "manifest.json",
                 (json.dumps(manifest, sort_keys=True, indent=2) + "\n").encode())
    unchanged = tuple(r for r in sorted(plan) if r not in pages)
    return SiteResult(tuple(sorted(pages)), unchanged, tuple(removed))
