"""Main-content libraries against the importer's own HTML reading, on the page imitations.

Issue 12 asks to weigh `trafilatura` (main text, title and date of a page) and `jusText`
(boilerplate removal) against the hand-written `ingest.html_content` / `html_furniture`. For
every HTML input with an expect file in the folders given (default: the tuning and held-out page
sets), this reads the page three ways: (1) `ingest.import_file`, as ``scodiff import`` does;
(2) `trafilatura.extract` (tables in, comments out, recall favoured), its metadata title and date,
and the extracted text read by `ingest.parse_text`; (3) `justext.justext` with the English stop
list, the non-boilerplate paragraphs joined and read by `ingest.parse_text` (it gives no title or
date, so the importer's own reading of that text decides them). Each is scored by
`bench.pages.score_declaration` (outline, furniture units, title and date right), and timed. The
libraries are not dependencies of scodiff: install them to run this
(``pip install trafilatura justext lxml_html_clean``); without them it says so and exits 2.
Run as ``python -m compare.bench.libraries [FOLDER ...]``.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ScodiffError
from ..ingest import import_file
from ..ingest.importer import parse_text
from ..model import Declaration
from .pages import (
    TUNING_FOLDERS,
    PageScore,
    expectation,
    inputs,
    score_declaration,
    score_failure,
)

Reader = Callable[[Path, Any], tuple[Declaration, list[Any]]]


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    furniture: int = 0
    title: int = 0
    date: int = 0
    pages: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, s: PageScore, seconds: float) -> None:
        self.found += s.found
        self.expected += s.expected
        self.furniture += len(s.furniture)
        self.title += s.fields["title"]
        self.date += s.fields["date"]
        self.pages += 1
        self.seconds += seconds


def _ours(path: Path, _lib: Any) -> tuple[Declaration, list[Any]]:
    decl, notices = import_file(str(path))
    return decl, list(notices)


def _trafilatura(path: Path, lib: Any) -> tuple[Declaration, list[Any]]:
    html = path.read_bytes().decode("utf-8", "replace")
    text = lib.extract(html, include_comments=False, include_tables=True,
                       favor_recall=True) or ""
    meta = lib.extract_metadata(html)
    over = {k: v for k, v in (("title", getattr(meta, "title", None)),
                              ("date", getattr(meta, "date", None))) if v}
    try:
        decl, notices = parse_text(text, path=path.name, **over)
    except ScodiffError:  # a date the importer cannot read: keep the text, drop the date
        over.pop("date", None)
        decl, notices = parse_text(text, path=path.name, **over)
    return decl, list(notices)


def _justext(path: Path, lib: Any) -> tuple[Declaration, list[Any]]:
    paragraphs = lib.justext(path.read_bytes(), lib.get_stoplist("English"))
    text = "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    decl, notices = parse_text(text, path=path.name)
    return decl, list(notices)


READERS: dict[str, tuple[str | None, Reader]] = {
    "scodiff import": (None, _ours),
    "trafilatura": ("trafilatura", _trafilatura),
    "jusText": ("justext", _justext),
}


def compare_libraries(folders: list[Path]) -> list[str]:
    libs: dict[str, Any] = {}
    for name, (module, _) in READERS.items():
        if module is not None:
            libs[name] = importlib.import_module(module)
    tallies = {name: Tally() for name in READERS}
    pages = [p for f in folders for p in inputs(f) if p.suffix == ".html"]
    for path in pages:
        exp = expectation(path)
        for name, (_, read) in READERS.items():
            t0 = time.perf_counter()
            try:
                decl, notices = read(path, libs.get(name))
            except (ScodiffError, ValueError) as err:  # nothing read: scored as nothing
                tallies[name].errors += 1
                tallies[name].add(score_failure(path, exp, None, str(err)),
                                  time.perf_counter() - t0)
                continue
            tallies[name].add(score_declaration(path.name, decl, notices, exp),
                              time.perf_counter() - t0)
    lines = [f"main-content readers on {len(pages)} HTML page imitations in "
             + ", ".join(str(f) for f in folders)]
    for name, t in tallies.items():
        ratio = t.found / t.expected if t.expected else 0.0
        lines.append(f"  {name:<15} outline {t.found}/{t.expected} ({ratio:.2f}); furniture "
                     f"units {t.furniture}; title {t.title}/{t.pages}; meeting date "
                     f"{t.date}/{t.pages} (errors: {t.errors}, scored as nothing read); "
                     f"{t.seconds * 1000:.0f} ms")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folders = [Path(a) for a in args] or list(TUNING_FOLDERS)
    try:
        lines = compare_libraries(folders)
    except ImportError as err:
        print(f"python -m compare.bench.libraries: {err.name or err} is not installed "
              "(pip install trafilatura justext lxml_html_clean)", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
