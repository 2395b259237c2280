"""Import stage, metadata: the `Meta` of an imported declaration, from options and the text.

What the command line gives (`Overrides`) wins; the rest is guessed by `preamble` (kind from the
title, meeting place and date, parties). The id defaults to "YYYY-place", else the file name's
slug. The result is checked (id characters, kind, status, language tag, calendar date, party
codes) so that a bad option is refused with a message, not stored.
"""

# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic letters are meant)
from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass

from ..errors import DeclarationError
from ..model import KINDS, STATUSES, Meeting, Meta, Paragraph, Party
from . import preamble
from .labels import venue_city
from .romanize import latin_place
from .ruwords import nominative_in

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
"""An id as the schema takes it: at most 128 characters."""
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STATE_NAME = re.compile("|".join(f"(?:{names})" for _, names in preamble.STATES))


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; None means "take it from the text"."""

    id: str | None = None
    title: str | None = None
    kind: str | None = None
    body: str | None = None
    place: str | None = None
    date: str | None = None
    language: str | None = None
    parties: tuple[Party, ...] | None = None
    status: str | None = None
    version_label: str | None = None
    version_of: str | None = None
    source: str | None = None
    source_url: str | None = None


def build_meta(
    title: str,
    paragraphs: tuple[Paragraph, ...],
    language: str,
    over: Overrides,
    path: str | None,
    fields: dict[str, str] | None = None,
    datelines: tuple[str, ...] = (),
    page: tuple[str, ...] = (),
) -> Meta:
    """Options first, then labelled header fields, then the text, then the datelines left out
    with the furniture (never a page's publication stamp). A place found in Cyrillic is
    romanised (`ingest.romanize.latin_place`), its written form kept as `place_written`; a
    place given as an option is kept as given. A Russian place the text names in an oblique
    case takes the form the page prints it in elsewhere (`page`: the lines left out, the
    title; `ruwords.nominative_in`)."""
    guess = preamble.guess_from_paragraphs(title, tuple(_full_text(p) for p in paragraphs))
    given = fields or {}
    label_date = preamble.find_date_place(given.get("date", ""))[0]
    label_place = _place_value(given.get("place", "")) or _place_value(
        venue_city(given.get("venue", ""), _STATE_NAME))
    line_date, line_place = meeting_dateline(datelines)
    if label_place and guess.place and foreign(label_place, language) and not foreign(
            guess.place, language):
        label_place = ""  # "г. Бишкек" in a Russian catalogue card over an English text
    place = over.place if over.place is not None else (
        label_place or _nominative(guess.place, line_place) or line_place)
    if over.place is None and place and foreign(place, language):
        place = (_own_place(paragraphs, language) or _own_dateline_place(datelines, language)
                 or place)  # a bilingual text's own spelling
    if over.place is None and place and _CYRILLIC.match(place):
        place = nominative_in(place, "\n".join(
            (title, *page, *datelines, *(_full_text(p) for p in paragraphs))))
    written = ""
    if over.place is None and (latin := latin_place(place)):
        written, place = place, latin  # "Бишкек" in a Russian text, "г. Новосибирск" on a page
    date = over.date if over.date is not None else (label_date or guess.date or line_date)
    source = over.source if over.source is not None else given.get("source", "").split(
        " | ")[0].strip()
    meta = Meta(
        id=over.id or _default_id(date, place, path),
        title=over.title if over.title is not None else title,
        kind=over.kind if over.kind is not None else preamble.guess_kind(over.title or title),
        meeting=Meeting(over.body or "", place, date, written),
        language=language,
        parties=over.parties if over.parties is not None else guess.parties,
        status=over.status or "",
        version_label=over.version_label or "",
        version_of=over.version_of or "",
        source=source,
        source_url=over.source_url or "",
    )
    _check_meta(meta, path)
    return meta


_STAMP = re.compile(r"\d{1,2}:\d{2}|[^\W\d_][\w ]{0,30}[:\uff1a]\s*\S*\d")
"""A publication stamp's signs: a time of day ("19:40"), a label before a date ("Uploaded:
02.02.2039")."""


def meeting_dateline(datelines: tuple[str, ...]) -> tuple[str, str]:
    """(date, place) from the datelines left out with the furniture: a line naming a place
    with its date ("Minsk, 13 May 2042") first, then a date without a publication stamp's signs,
    then any date; the first of each rank. A page's time-stamped or labelled date ("14 May 2042,
    19:40", "Uploaded: 02.02.2039") is the page's, not the meeting's."""
    found = [(x, *preamble.find_date_place(x)) for x in datelines]
    dated = [(x, d, p) for x, d, p in found if d]
    place = next((p for _, _, p in found if p), "")
    if not dated:
        return "", place
    def rank(item: tuple[str, str, str]) -> int:
        stamp = _STAMP.search(item[0]) is not None
        return 0 if item[2] and not stamp else 1 if not stamp else 2
    best = min(range(len(dated)), key=lambda i: (rank(dated[i]), i))
    return dated[best][1], dated[best][2] or place


INFLECTION_LETTERS = 2
"""Letters a Russian case ending adds to a place's name ("в Оренбурге" for "Оренбург")."""


def _nominative(place: str, dateline_place: str) -> str:
    """The text's place, or the dateline's when the text names it inflected ("в Оренбурге"
    under "г. Оренбург, 2 марта 2090 г."): the name as a dateline gives it."""
    if not place or not dateline_place or place == dateline_place or not _CYRILLIC.match(place):
        return place
    stem = dateline_place[:-1] if len(dateline_place) >= 4 else dateline_place
    if place.startswith(stem) and 0 <= len(place) - len(dateline_place) <= INFLECTION_LETTERS:
        return dateline_place
    return place


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _place_value(value: str) -> str:
    """A labelled place as the meeting's place: its first part ("Bishkek, Kyrgyzstan"), without
    the Russian mark of a city ("г. Бишкек")."""
    first = value.split(",")[0].split("\uff0c")[0].strip()
    return re.sub(r"^(?:г\.|город)\s*", "", first)


OWN_PLACE_WITHIN = 8
"""Paragraphs from the top read for the place spelled in the document's own script."""


def _own_place(paragraphs: tuple[Paragraph, ...], language: str) -> str:
    """The first meeting place named in the document's own script in its first paragraphs."""
    for p in paragraphs[:OWN_PLACE_WITHIN]:
        text = _full_text(p)
        name = preamble.find_date_place(text)[1] or preamble.find_place(text)
        if name and not foreign(name, language):
            return name
    return ""


def _own_dateline_place(datelines: tuple[str, ...], language: str) -> str:
    """The first place a dateline left out names in the document's own script (a bilingual
    edition prints "г. Худжанд, 14 сентября 2040 г." over "Khujand, 14 September 2040")."""
    for x in datelines:
        name = preamble.find_date_place(x)[1]
        if name and not foreign(name, language):
            return name
    return ""


def foreign(name: str, language: str) -> bool:
    """A name written in another script than the document's language uses (Cyrillic, CJK or
    Latin: "г. Бишкек" or "塔什干" over an English text)."""
    base = language.split("-")[0]
    script = "ru" if base in ("ru", "kk", "ky", "tg", "be", "uk") else (
        "zh" if base in ("zh", "ja") else "la")
    has = "ru" if re.search(r"[\u0400-\u04ff]", name) else "zh" if re.search(
        r"[\u3400-\u9fff]", name) else "la"
    return has != script


def _full_text(p: Paragraph) -> str:
    return " ".join([p.text, *(it.text for it in p.items)])


def _default_id(date: str, place: str, path: str | None) -> str:
    where = preamble.slug(place)
    if date and where:
        return f"{date[:4]}-{where}"[:128].rstrip("-")  # an id holds at most 128 characters
    stem = preamble.slug(os.path.splitext(os.path.basename(path))[0]) if path else ""
    return stem[:128].rstrip("-") or "declaration"


def _check_meta(m: Meta, path: str | None) -> None:
    checks = (
        (_ID.fullmatch(m.id) is not None,
         f"id {m.id!r}: expected at most 128 letters, digits, '_', '.', '-'"),
        (not m.version_of or _ID.fullmatch(m.version_of) is not None,
         f"version of {m.version_of!r}: expected the id of a declaration (letters, digits, "
         "'_', '.', '-')"),
        (not m.title or bool(m.title.strip()), "title: expected some text, found only spaces"),
        (all(p.name.strip() for p in m.parties), "party: expected a name after CODE="),
        (m.kind in ("", *KINDS), f"kind {m.kind!r}: expected one of {', '.join(KINDS)}"),
        (m.status in ("", *STATUSES), f"status {m.status!r}: expected {', '.join(STATUSES)}"),
        (_LANG.fullmatch(m.language) is not None,
         f"language {m.language!r}: expected a BCP 47 tag such as en, ru, zh"),
        (not m.meeting.date or _real_date(m.meeting.date),
         f"date {m.meeting.date!r}: expected a calendar date YYYY-MM-DD"),
        (all(re.fullmatch(r"[A-Z]{2}", p.code) for p in m.parties),
         "party codes: expected ISO 3166 alpha-2 codes such as KZ"),
    )
    for ok, message in checks:
        if not ok:
            raise DeclarationError(message, path)


def _real_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
