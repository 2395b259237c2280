"""Import stage, labelled headers: `[Title] ...` and `Label: value` lines a database prints.

Document databases and archives print a record's fields above the text: `[Title] ...`,
`[Place] ...`, `[Date] August 16, 2007`, `Source: ...`, `[Notes]`, `[Full text]`, or in Russian
(`Название:`, `Место:`, `Дата:`, `Источник:`) and Chinese (`【标题】`, `标题：`, `地点：`, `日期：`,
`来源：`, `全文`). `read_label` says which field a line names and its value; the importer takes
them as metadata (title, meeting place and date, source) and keeps the lines themselves outside
the body, never as clauses. Publication stamps (`Updated:`, `Published:`, `发布时间：`) are
labels too, of a date that is not the meeting's: `PUBLICATION` names them.
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters and CJK brackets are meant)
from __future__ import annotations

import re

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "name", "document", "headline", "document title", "title of the document",
              "название", "заголовок", "наименование", "документ", "название документа",
              "наименование документа", "标题", "题目", "名称", "文件名称", "文件标题"),
    "place": ("place", "location", "city", "place of signature", "place of signing",
              "place of adoption", "place of meeting", "meeting place",
              "место", "место проведения", "город", "место подписания", "место принятия",
              "地点", "会议地点", "地址", "签署地点"),
    "venue": ("venue", "meeting venue", "venue of the meeting"),
    "date": ("date", "date of meeting", "meeting date", "date of signature", "signed", "дата",
             "дата подписания", "дата принятия", "date of adoption", "日期", "时间", "签署日期",
             "会议日期", "adopted on"),
    "source": ("source", "from", "publisher", "источник", "источник публикации", "来源", "出处"),
    "notes": ("notes", "note", "remarks", "comment", "comments", "keywords", "tags", "category",
              "type", "language", "language of the copy", "language of the text",
              "language of the original", "document type", "subject", "subjects",
              "примечания", "примечание", "примечание к документу",
              "примечания к документу", "ключевые слова", "язык",
              "язык текста", "备注", "说明",
              "注释", "关键词", "分类", "语言", "语种"),
    "body": ("full text", "text", "document text", "text of the document", "полный текст",
             "текст", "текст документа", "全文", "正文", "文件全文"),
    "publication": ("updated", "update", "last updated", "last modified", "modified",
                    "published", "posted", "released", "publication date", "date published",
                    "printed", "обновлено", "опубликовано", "дата публикации", "发布时间",
                    "发布日期", "更新时间", "发布", "更新", "created", "record created",
                    "record added", "date added", "last edited", "дата размещения", "入库时间",
                    "录入时间"),
}
"""Field -> the labels (lower case) that name it, in English, Russian and Chinese. A venue
("Congress Hall, Astana") names a building before its city: `venue_city` reads the place."""

META_FIELDS = ("title", "place", "venue", "date", "source")
"""The fields read as the declaration's metadata (the others are notes and page stamps)."""

PUBLICATION = "publication"

_BY_LABEL = {label: name for name, labels in FIELDS.items() for label in labels}
_BRACKETED = re.compile(r"[\[【〔(（]\s*([^\]】〕)）]{1,30}?)\s*[\]】〕)）]\s*(.*)")
_COLON = re.compile(r"([^\W\d_][\w .'-]{0,28}?)\s*[:：]\s*(.*)")
_DASHED = re.compile(r"([^\W\d_][\w .']{0,28}?)\s+[-\u2013\u2014]+(?:\s+(.*)|\s*)")
"""A label and a dash ("Place - Samarkand", "Text -"): a space before the dash, so that no
compound ("Asia-Pacific") is read as one."""
_LEADER = re.compile(r"([^\W\d_][\w .'-]{0,28}?)\s*(?:\.[ \t]?){3,}[ \t]*"
                     r"(?!(?:\d{1,3}|[ivxlc]{1,6})$)(.*)")
"""A label and dot leaders ("Place ........ Jalal-Abad"), as a record printed in columns has;
not a page number after them (an entry of a table of contents: "Notes ...... 3")."""
_STAMP = re.compile(r"(?i)((?:last )?(?:modified|updated)|published|posted)(?: on| at)? "
                    r"(\S*\d.{0,60})")
"""A publication stamp said in words ("Last modified on 3 February 2059 by webmaster")."""
_BARE = re.compile(r"([^\W\d_][\w .'-]{0,28}?)\s*[:：]?")
_CELLS = re.compile(r"\|\s*([^\W\d_][\w .'-]{0,28}?)\s*\|\s*([^|]*?)\s*\|?")
"""A row of a markdown table of fields: "| Meeting date | Tuesday, 6 October 2143 |"."""


def read_label(line: str) -> tuple[str, str] | None:
    """(field, value) when `line` is a labelled header line, else None.

    A bracketed label (`[Date] ...`, `【日期】...`), a label before a colon (`Date: ...`,
    `日期：...`), a spaced dash (`Date - ...`) or dot leaders (`Date ...... ...`), a
    publication stamp in words ("Posted on ..."), a markdown table's row (`| Date | ... |`);
    a label alone on its line ("Date", as a
    table of fields prints it) has its value on the next lines; `Full text` (or `[Full
    text]`) names where the body starts.
    """
    for pattern in (_BRACKETED, _COLON, _DASHED, _LEADER, _STAMP, _CELLS):
        m = pattern.fullmatch(line)
        if m:
            name = _BY_LABEL.get(_norm(m.group(1))) or _stamped(m.group(1))
            if name is not None:
                return name, (m.group(2) or "").strip()
    m = _BARE.fullmatch(line)
    if m and len(line) <= 24:
        name = _BY_LABEL.get(_norm(m.group(1)))
        if name is not None:
            return name, ""  # a label alone ("Title" in a table cell): its value follows
    return None


def _stamped(label: str) -> str | None:
    """A label that opens with a publication stamp's word ("Опубликовано на портале",
    "Posted in the archive"): a publication date, not the meeting's."""
    first = _norm(label).split(" ", 1)[0]
    return PUBLICATION if _BY_LABEL.get(first) == PUBLICATION and " " in _norm(label) else None


def _norm(label: str) -> str:
    return " ".join(label.lower().split())


def venue_city(value: str, states: re.Pattern[str]) -> str:
    """The city of a venue ("Congress Hall, Astana", "Chelyabinsk, Congress Hall"): of its
    comma-separated parts that are not a state's name (`states`), the first written as one
    word (a city's name; a hall's or a palace's takes several), else the first."""
    parts = [p.strip() for p in re.split(r"[,\uff0c]", value) if p.strip()]
    cities = [p for p in parts if not states.fullmatch(p)]
    return next((p for p in cities if " " not in p), cities[0] if cities else "")


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PARTS = re.compile(r"\s+[|\u00b7]\s+")


def mail_headers(text_lines: list[tuple[int, str]]) -> set[int]:
    """Indices of the lines of an e-mail's header block: a run of lines without a blank line
    between them, one of which is a label whose value holds an e-mail address ("From: Press
    Office <press@example.org>"). Its date is the mail's, not the meeting's."""
    out: set[int] = set()
    run: list[int] = []
    for i, (_, x) in enumerate([*text_lines, (0, "")]):
        if x and (":" in x[:30] or read_label(x) is not None):
            run.append(i)
            continue
        if any(_ADDRESS.search(text_lines[k][1]) for k in run):
            out.update(run)
        run = []
    return out


def label_parts(x: str) -> list[tuple[str, str]]:
    """The labelled parts of a line of parts set between separators ("Place: Osh | Date: 2
    March 2190 | Type: ..."), when two or more of them are labelled; else none."""
    if not _PARTS.search(x):
        return []
    parts = [lab for part in _PARTS.split(x) if (lab := read_label(part)) is not None]
    return parts if len(parts) >= 2 else []


def label_in_parts(x: str) -> tuple[str, str] | None:
    """A labelled line (`read_label`), or the labelled part of a line of parts set between
    separators ("Release date: 18 May 2090 | Meeting date: 16 May 2090"): the first part that
    names a field of the metadata, else the first labelled part (None if none is). A line of
    two labelled parts or more is read by its parts, not as one label running over the rest."""
    parts = label_parts(x)
    found = None if parts else read_label(x)
    if found is not None or not _PARTS.search(x):
        return found
    parts = parts or [lab for part in _PARTS.split(x) if (lab := read_label(part)) is not None]
    return next((lab for lab in parts if lab[0] in META_FIELDS and lab[1]),
                parts[0] if parts else None)
