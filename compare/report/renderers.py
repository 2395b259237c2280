"""Report stage, part 2: rendering the view model as HTML, Markdown or JSON.

One Jinja2 environment, configured here and nowhere else: templates from `templates/`,
autoescape on for every template name, `StrictUndefined`, `keep_trailing_newline`. The HTML
report inlines `report.css` and carries a Content-Security-Policy whose `style-src` is the sha256
hash of that exact CSS, computed at render time; it has no script, so `default-src 'none'`
forbids every script, request, frame and font. Markdown escapes document text with `md_escape`;
JSON is `dumps_json` over the same view model. Output is "\\n"-terminated and deterministic.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import Alignment
from ..resources import templates_dir
from .redline import INVISIBLE_RE, Segment, badge
from .serialize import dumps_json
from .view import build_view
from .viewmodel import RedlineEntry, ReportView, RowView

HTML_TEMPLATE = "report.html.j2"
MARKDOWN_TEMPLATE = "report.md.j2"
CSS_TEMPLATE = "report.css"
MARKDOWN_MAX_CHANGES = 40
"""Changed clauses listed in Markdown; the rest are counted in an "... and N more" line."""
MARKDOWN_MAX_COMMITMENTS = 30
"""Changed commitments listed in Markdown; the rest are counted likewise."""
MARKDOWN_MAX_ENTITIES = 60
"""Entity changes listed in Markdown; the rest are counted likewise."""
MARKDOWN_MAX_CHARS = 60_000
"""Longest Markdown page: a GitHub pull-request comment holds at most 65,536 characters."""

AUTOESCAPE_EXTENSIONS = ("html", "html.j2", "j2", "md.j2", "css")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of scodiff (autoescape on for every name, strict undefined)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=AUTOESCAPE_EXTENSIONS, default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        finalize=shown,
    )
    env.filters["md"] = md_escape
    env.filters["md_segments"] = md_segments
    env.filters["md_lead"] = md_lead
    env.tests["lone"] = is_lone_mark
    env.tests["gapped"] = needs_gap
    return env


def is_lone_mark(text: str) -> bool:
    """Jinja test: a change of punctuation or symbols only (no letter, no digit), which the
    report highlights as a block: underlined, a lone comma is one pixel wide."""
    return bool(text.strip()) and not any(c.isalnum() for c in text)


def _spaced(char: str) -> bool:
    """A character of a script written with spaces between words (not CJK, not a space)."""
    return bool(char) and not char.isspace() and ord(char) < 0x2E80


def needs_gap(before: Any, segment: Any) -> bool:
    """Jinja test: `before` is a deletion ending and `segment` an insertion starting inside
    words of a spaced script ("will" then "intend to"): the redline puts a space between them,
    or it reads "willintend to". A deletion between two ideographs gets none."""
    return (before.op == -1 and not before.char and segment.op == 1
            and _spaced(before.text[-1:]) and _spaced(segment.text[:1]))


def shown(value: Any) -> Any:
    """Every printed value: a plain string's invisible and bidi characters become badges (a
    title with a right-to-left override would otherwise reverse the heading around it); markup
    made by the filters, and segments, are already cut that way."""
    if type(value) is str and INVISIBLE_RE.search(value):
        return INVISIBLE_RE.sub(lambda m: badge(m.group(0)), value)
    return value


def _as_view(view_or_alignment: ReportView | Alignment) -> ReportView:
    if isinstance(view_or_alignment, Alignment):
        return build_view(view_or_alignment)
    return view_or_alignment


def _render(name: str, **context: Any) -> str:
    """A template rendered to plain text, streamed. Each escaped piece is a `Markup`, which the
    garbage collector tracks: held in one list until the end (as `Template.render` does), they
    made the collector rescan hundreds of thousands of objects on a large report. Copied out
    as plain `str` (untracked) they cost nothing once written."""
    chunks = environment().get_template(name).generate(**context)
    return "".join([str(chunk) for chunk in chunks])


def _finish(text: str) -> str:
    text = text.replace("\r\n", "\n")
    return text.rstrip("\n") + "\n"


# --- HTML ----------------------------------------------------------------------------------------


def stylesheet() -> str:
    """The CSS inlined into every HTML report, exactly as it appears between the style tags."""
    return environment().get_template(CSS_TEMPLATE).render()


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str) -> str:
    """No source of anything but the one inline stylesheet, identified by its hash."""
    return f"default-src 'none'; style-src {csp_hash(css)}; base-uri 'none'; form-action 'none'"


def render_html(view_or_alignment: ReportView | Alignment) -> str:
    """The self-contained HTML report (one file: CSS inlined, strict CSP, no script)."""
    view = _as_view(view_or_alignment)
    css = stylesheet()
    page = _render(HTML_TEMPLATE, view=view, csp=content_security_policy(css))
    return _finish(page)


# --- Markdown ----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"[\\`*\[\]|~<]|_+")
"""What Markdown reads anywhere in a line: escapes, code, emphasis, links, table cells,
strikethrough, HTML tags; underscores unless inside a word ("para_8__s_1" stays as it is).
Each gets a backslash, which GitHub shows as nothing."""
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
"""An ampersand that would start an entity reference ("&copy;"); other ampersands are text."""
_MD_LEADING = re.compile(r"^(\s*)(?:([-+*=>#])|(\d{1,9})([.)]))")
"""What Markdown reads at the start of a line only: list markers, block quotes, headings."""
_MD_LIVE = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>`|]*[^\s<>`|.,;:!?)\]'\"]"
    r"|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![\w@`])@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[\w.-]+)?"
    r"|(?<![\w&#`])#\d+\b"
    r"|\bGH-\d+\b"
    r"|(?<![\w`])(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{7,40}(?![\w])"
)
"""What GitHub links by itself in a comment: bare URLs, e-mail addresses, @mentions (users and
teams), #123 and GH-123 references, and commit hashes (7 to 40 hex digits, with at least one
letter and one digit, so that neither a number nor an English word such as "acceded" is
touched). Such a run is put in a code span: shown as written, never live."""


def md_text(text: str, line_start: bool = False) -> str:
    """Document text made inert for Markdown: escaped only where Markdown would misread it
    (a backslash before ASCII punctuation, which GitHub does not show), autolinks and mentions
    in code spans, invisible characters as badges, one line. `line_start`: the text opens a
    line (or a list item), so a leading "1." or "-" is escaped too, as "1\\." and "\\-"."""
    text = INVISIBLE_RE.sub(lambda m: badge(m.group(0)), text)
    text = " ".join(text.splitlines())
    out, pos = [], 0
    for m in _MD_LIVE.finditer(text):
        out.append(_md_plain(text[pos : m.start()]))
        out.append(f"`{m.group(0)}`")
        pos = m.end()
    out.append(_md_plain(text[pos:]))
    escaped = "".join(out)
    if line_start:
        escaped = _MD_LEADING.sub(_lead, escaped, count=1)
    return escaped


def _md_plain(text: str) -> str:
    return _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(_backslashed, text))


def _backslashed(m: re.Match[str]) -> str:
    run, text = m.group(0), m.string
    inside = m.start() > 0 and m.end() < len(text)
    if run[0] == "_" and inside and text[m.start() - 1].isalnum() and text[m.end()].isalnum():
        return run  # inside a word: never emphasis
    return "".join("\\" + c for c in run)


def _lead(m: re.Match[str]) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


MD_FIELD_MAX = 400
"""Characters of one field (a title, a sentence) shown in Markdown; longer ones are clipped."""
MD_CONTEXT = 60
"""Characters of unchanged text kept on each side of a change in a Markdown redline."""
MD_RUN_MAX = 300
"""Characters of one inserted or deleted run shown in Markdown."""
MD_CLAUSE_MAX = 1500
"""Characters of one clause's redline in Markdown; the changes after that are counted."""
ELIDED = "[\u2026]"


def md_escape(text: object) -> Markup:
    """Jinja filter: escaped for Markdown, clipped to MD_FIELD_MAX characters; marked safe so that
    HTML autoescape does not redo it."""
    return Markup(md_text(_head(str(text), MD_FIELD_MAX)))  # md_text escaped every character


def md_lead(text: object) -> Markup:
    """Jinja filter: `md_escape` for text that opens a list item or a line (a marker "+")."""
    return Markup(md_text(_head(str(text), MD_FIELD_MAX), line_start=True))


def _head(text: str, n: int) -> str:
    """At most about n characters from the start, cut at a space when one is near, marked."""
    if len(text) <= n + len(ELIDED):
        return text
    cut = text.rfind(" ", n // 2, n)
    return text[: cut if cut > 0 else n].rstrip() + " " + ELIDED


def _tail(text: str, n: int) -> str:
    if len(text) <= n + len(ELIDED):
        return text
    cut = text.find(" ", len(text) - n, len(text) - n // 2)
    return ELIDED + " " + text[(cut if cut > 0 else len(text) - n) :].lstrip()


def _context(text: str, before: bool, after: bool) -> str:
    """An unchanged run shortened to the words next to the changes around it."""
    if before and after:
        if len(text) <= 2 * MD_CONTEXT + 2 * len(ELIDED):
            return text
        head, tail = _head(text, MD_CONTEXT), _tail(text, MD_CONTEXT)
        return head + tail.removeprefix(ELIDED)
    if after:
        return _tail(text, MD_CONTEXT)
    if before:
        return _head(text, MD_CONTEXT)
    return _head(text, MD_RUN_MAX)


def _runs(segments: tuple[Segment, ...]) -> list[tuple[int, str]]:
    runs: list[tuple[int, list[str]]] = []
    for seg in segments:
        if runs and runs[-1][0] == seg.op:
            runs[-1][1].append(seg.text)
        else:
            runs.append((seg.op, [seg.text]))
    return [(op, "".join(parts)) for op, parts in runs]


def md_segments(segments: tuple[Segment, ...]) -> Markup:
    """Jinja filter: a redline in Markdown, <del>deleted</del> and <ins>inserted</ins> (HTML tags
    GitHub keeps; `~~`/`**` fail beside CJK text and punctuation), text escaped. Unchanged text is
    cut to the words around each change, long runs and long clauses are clipped, marked [...]."""
    runs = [(op, t) for op, t in _runs(segments) if op >= 0 or t.strip()]
    changes = [i for i, (op, _t) in enumerate(runs) if op]
    out: list[str] = []
    used = 0
    for i, (op, text) in enumerate(runs):
        if used > MD_CLAUSE_MAX:
            left = sum(1 for j in changes if j >= i)
            if left:
                out.append(
                    f" {md_text(ELIDED)} ({left} more {'change' if left == 1 else 'changes'})"
                )
            break
        if op == 0:
            shown = _context(
                text, bool(changes) and i > changes[0], bool(changes) and i < changes[-1]
            )
            out.append(md_text(shown))
            used += len(shown)
            continue
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        tag = "del" if op < 0 else "ins"
        core = _head(core, MD_RUN_MAX)
        if (op > 0 and not lead and i and runs[i - 1][0] < 0 and out
                and _spaced(runs[i - 1][1][-1:]) and _spaced(core[:1])):
            lead = " "  # "<del>will</del> <ins>intend to</ins>", not "willintend to"
        out.append(f"{md_text(lead)}<{tag}>{md_text(core)}</{tag}>{md_text(tail)}")
        used += len(core)
    return Markup("".join(out))  # every piece of text went through md_text


MARKDOWN_SECTIONS = (
    ("reworded", "Reworded"), ("moved", "Moved"), ("split", "Split"), ("merged", "Merged"),
    ("removed", "Removed"), ("added", "Added"), ("unchanged", "Same words, other characters"),
)
"""The headings of the changed clauses in Markdown, by kind of change, in this order."""


@dataclass(frozen=True)
class MdChange:
    """One changed pair in Markdown: its row, and the redline entries that show it."""

    row: RowView
    entries: tuple[RedlineEntry, ...]


def _md_changes(view: ReportView) -> list[MdChange]:
    """Every changed pair once (the count the verdict gives), in document order."""
    entries: dict[str, list[RedlineEntry]] = {}
    for e in view.redline:
        entries.setdefault(e.row, []).append(e)
    return [MdChange(r, tuple(entries.get(r.id, ()))) for r in view.rows
            if r.changed and not r.ghost]


def _sections(changes: list[MdChange]) -> list[tuple[str, list[MdChange]]]:
    by_kind: dict[str, list[MdChange]] = {}
    for c in changes:
        by_kind.setdefault(c.row.relation, []).append(c)
    return [(title, by_kind[key]) for key, title in MARKDOWN_SECTIONS if key in by_kind]


def _markdown_page(
    view: ReportView, changes: list[MdChange], n_changes: int, n_commitments: int,
    n_entities: int,
) -> str:
    page = _render(
        MARKDOWN_TEMPLATE,
        view=view,
        sections=_sections(changes[:n_changes]),
        n_changes=len(changes),
        more=max(0, len(changes) - n_changes),
        commitments=view.commitments[:n_commitments],
        more_commitments=max(0, len(view.commitments) - n_commitments),
        entities=view.entities[:n_entities],
        more_entities=max(0, len(view.entities) - n_entities),
    )
    return _finish(re.sub(r"\n{3,}", "\n\n", page))


def render_markdown(view_or_alignment: ReportView | Alignment) -> str:
    """The report as Markdown for a pull-request comment: the verdict and the counts of the
    HTML headline, the changed commitments (phrases in bold, changed words marked), then the
    changed clauses in document order under a heading per kind of change. At most
    MARKDOWN_MAX_CHANGES clauses, MARKDOWN_MAX_COMMITMENTS commitments and
    MARKDOWN_MAX_ENTITIES entity changes, each followed by an "... and N more" line; fewer if
    the page would pass MARKDOWN_MAX_CHARS (GitHub refuses comments over 65,536 characters)."""
    view = _as_view(view_or_alignment)
    changed = _md_changes(view)
    caps = (MARKDOWN_MAX_CHANGES, MARKDOWN_MAX_COMMITMENTS, MARKDOWN_MAX_ENTITIES)
    page = _markdown_page(view, changed, *caps)
    while len(page) > MARKDOWN_MAX_CHARS and caps != (1, 1, 1):
        caps = (max(1, caps[0] // 2), max(1, caps[1] // 2), max(1, caps[2] // 2))
        page = _markdown_page(view, changed, *caps)
    return page


# --- JSON ------------------------------------------------------------------------------------


def render_json(view_or_alignment: ReportView | Alignment) -> str:
    """The `scodiff.report/1` document: the view model as JSON, diffs as [op, text] pairs."""
    doc = _jsonable(_as_view(view_or_alignment))
    assert isinstance(doc, dict)
    return dumps_json(doc)


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple) and value and all(isinstance(v, Segment) for v in value):
        return _json_segments(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def _json_segments(segments: tuple[Segment, ...]) -> list[list[Any]]:
    """Segments back to [op, text] runs with the real characters (badges are for display)."""
    out: list[list[Any]] = []
    for s in segments:
        text = chr(int(s.char[2:], 16)) if s.char else s.text
        if out and out[-1][0] == s.op:
            out[-1][1] += text
        else:
            out.append([s.op, text])
    return out
