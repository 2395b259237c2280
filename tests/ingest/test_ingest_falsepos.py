"""False positives of the import furniture filters, checked from outside through the CLI.

Each case is a plain declaration (invented, illustrative, written for this test) that legitimately
holds a shape the furniture mechanisms of issue 12 look for: numbered lines, rising numbers at
line starts, "Notes"/"Annex" sections, counters such as "2/5" inside sentences, wire codes named in
a sentence, Chinese sentences, quoted passages, HTML tables, lists, headings, tooltips and links.
Every test runs `scodiff import FILE`, expects exit 0, and checks that the distinctive words of
each declaration paragraph are in the XML's body (not in its furniture) and not mangled there.
Cases that fail today are marked xfail (strict) with what is lost.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

NS = "{urn:scodiff:declaration:1}"
SCODIFF = str(Path(sys.executable).parent / "scodiff")


def _import(tmp_path: Path, name: str, text: str) -> etree._Element:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [SCODIFF, "import", str(src)], capture_output=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return etree.fromstring(result.stdout)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _body_text(root: etree._Element) -> str:
    body = root.find(f"{NS}body")
    assert body is not None
    return _norm(" ".join(body.itertext()))


def _furniture_text(root: etree._Element) -> str:
    furniture = root.find(f"{NS}furniture")
    return "" if furniture is None else _norm(" ".join(furniture.itertext()))


def _assert_in_body(root: etree._Element, phrases: list[str]) -> None:
    body = _body_text(root)
    furniture = _furniture_text(root)
    missing = [p for p in phrases if p not in body]
    assert not missing, f"not in body: {missing}\nbody: {body}\nfurniture: {furniture}"


NUMBERED_LINES = """\
Joint Statement of the Ministers of Foreign Affairs of the Member States of the Shanghai \
Cooperation Organisation

The Ministers met in Dushanbe on 12 March 2301 and agreed on the following.

1. The Ministers will expand consultations on regional security.
2. The Ministers shall prepare a plan for customs cooperation.
3. The Ministers will convene an expert group on water resources.
4. The Ministers shall report to the Council on progress in energy dialogue.
5. The Ministers will hold the next meeting in Tashkent.
6. The Ministers agree to widen exchanges among universities.
7. The Ministers will support youth forums in every capital.
8. The Ministers shall review the visa facilitation arrangements.

The priorities for the coming year are:
1) digital connectivity;
2) food security;
3) disaster relief.

Annex

The Member States shall submit their national contact points to the Secretariat within three \
months and will update them every year.

Final provisions

This Statement shall be reviewed by the Council of Ministers at its next regular meeting.
"""


def test_numbered_paragraphs_one_per_line_and_short_list(tmp_path: Path) -> None:
    root = _import(tmp_path, "numbered.txt", NUMBERED_LINES)
    _assert_in_body(
        root,
        [
            "expand consultations on regional security",
            "plan for customs cooperation",
            "expert group on water resources",
            "progress in energy dialogue",
            "next meeting in Tashkent",
            "exchanges among universities",
            "youth forums in every capital",
            "visa facilitation arrangements",
            "priorities for the coming year",
            "digital connectivity",
            "food security",
            "disaster relief",
            "national contact points to the Secretariat",
            "reviewed by the Council of Ministers",
        ],
    )
    nums = [n.text for n in root.iter(f"{NS}num")]
    assert [str(i) + "." for i in range(1, 9)] == [n for n in nums if n and n.endswith(".")]


BARE_NUMBERS = """\
Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation

Bishkek, 9 July 2302

The Heads of State, meeting in Bishkek on 9 July 2302, state the following.

1 The Member States will intensify joint work against illicit trafficking in narcotic drugs.
2 The Member States shall coordinate their positions on regional transport corridors.
3 The Member States reaffirm their commitment to the peaceful settlement of disputes.
4 The Member States will share data on outbreaks of infectious disease
  through a common regional platform open to all public laboratories.
5 The Member States shall train field epidemiologists in joint courses
  held each year in a different Member State.

Notes

The Member States will note the progress of the observer states each year and shall report on \
it to the Council.
"""


def test_bare_rising_numbers_are_not_margin_line_numbers(tmp_path: Path) -> None:
    root = _import(tmp_path, "bare.txt", BARE_NUMBERS)
    _assert_in_body(
        root,
        [
            "illicit trafficking in narcotic drugs",
            "regional transport corridors",
            "peaceful settlement of disputes",
            "outbreaks of infectious disease through a common regional platform",
            "field epidemiologists in joint courses held each year",
            "progress of the observer states",
        ],
    )


WRAPPED_NUMBERS = """\
Declaration of the Ministers of Agriculture of the Member States of the Shanghai Cooperation \
Organisation

The Ministers met in Bishkek on 11 November 2309 and agreed as follows.

The Member States will set up a grain reserve of
10 million tonnes, to be held in
20 storage sites across the region, and shall release it within
30 days of a request by any Member State facing a poor harvest, with
40 experts on call to assess the need.

FINAL PROVISIONS

The Member States shall review this Declaration at the next meeting of the Ministers of \
Agriculture.
"""


def test_wrapped_lines_starting_with_rising_numbers(tmp_path: Path) -> None:
    root = _import(tmp_path, "wrapped.txt", WRAPPED_NUMBERS)
    _assert_in_body(
        root,
        [
            "grain reserve of 10 million tonnes, to be held in 20 storage sites",
            "release it within 30 days of a request",
            "with 40 experts on call",
            "review this Declaration at the next meeting",
        ],
    )


COUNTERS_AND_CODES = """\
Statement of the Ministers of Culture of the Member States of the Shanghai Cooperation Organisation

The Ministers met in Tashkent on 14 May 2303.

The Ministers recall that the festival of folk arts, held for the 3rd time, gathered 3 of 12 \
invited ensembles from each Member State, and will support more ensembles next year.

The Ministers note that the exhibition of photographs, in hall 2/5 of the national museum, shall \
remain open to the public until the end of the year.

The Ministers recall that telegraph operators once opened each message with the code ZCZC and \
closed it with NNNN, and will support a small exhibition on the history of communications.

The Ministers welcome the statement of the Secretary-General, who said: »Culture binds our \
peoples together«, and shall publish it in all official languages.

Note: the Member States will report on the festival to the next meeting of Ministers of Culture.
"""


def test_counters_wire_codes_and_guillemets_inside_sentences(tmp_path: Path) -> None:
    root = _import(tmp_path, "counters.txt", COUNTERS_AND_CODES)
    _assert_in_body(
        root,
        [
            "gathered 3 of 12 invited ensembles",
            "in hall 2/5 of the national museum",
            "with the code ZCZC and closed it with NNNN",
            "»Culture binds our peoples together«",
            "report on the festival to the next meeting",
        ],
    )


CHINESE = """\
上海合作组织成员国元首理事会宣言

2304年6月15日\uff0c阿斯塔纳

成员国元首于2304年6月15日在阿斯塔纳举行会议\uff0c宣布如下。

成员国将继续加强在打击恐怖主义方面的合作。
成员国愿意扩大贸易往来并减少运输壁垒。
成员国支持在水资源领域开展联合研究。
成员国将于明年在塔什干举行下一次会议。
"""


def test_chinese_sentences_one_per_line(tmp_path: Path) -> None:
    root = _import(tmp_path, "zh.txt", CHINESE)
    _assert_in_body(
        root,
        [
            "打击恐怖主义方面的合作",
            "扩大贸易往来并减少运输壁垒",
            "水资源领域开展联合研究",
            "在塔什干举行下一次会议",
        ],
    )


QUOTED = """\
Declaration of the Ministers of Transport of the Member States of the Shanghai Cooperation \
Organisation

The Ministers met in Almaty on 3 October 2305.

The Ministers recall the words of the Council at its last meeting, which read:

> The Member States will develop a network of international road routes
> and shall remove obstacles to the movement of goods.

The Ministers will carry that decision forward and shall adopt a programme of road works by \
next year.
"""


@pytest.mark.xfail(
    strict=True,
    reason="a '> ' quoted passage in a plain copy (no e-mail headers) is kept but mangled: the "
    "continuation line's '>' is joined into the sentence ('road routes > and shall remove')",
)
def test_quoted_passage_in_plain_copy(tmp_path: Path) -> None:
    root = _import(tmp_path, "quoted.txt", QUOTED)
    _assert_in_body(
        root,
        [
            "network of international road routes and shall remove obstacles",
            "programme of road works",
        ],
    )


DOCUMENT_TITLES = """\
Declaration of the Ministers of Finance of the Member States of the Shanghai Cooperation \
Organisation

The Ministers met in Astana on 2 February 2308 and agreed as follows.

The Member States will raise the share of national currencies in mutual trade.

The Heads of State approved the following documents:
Agreement on Cooperation in Customs Matters
Protocol on Amendments to the Charter of the Organisation
Programme of Multilateral Trade and Economic Cooperation

Notes

1. The Member States shall inform the Secretariat of the completion of their internal procedures.
2. The Member States will publish this Declaration in their official gazettes.
"""


@pytest.mark.xfail(
    strict=True,
    reason="three unpunctuated lines naming approved documents (after 'approved the following "
    "documents:') make the importer take everything above them as a header: title, preamble, "
    "the first commitment and the first document title go to furniture, and the meta title "
    "becomes 'Protocol on Amendments ... Programme of Multilateral ...'",
)
def test_lines_naming_approved_documents(tmp_path: Path) -> None:
    root = _import(tmp_path, "documents.txt", DOCUMENT_TITLES)
    _assert_in_body(
        root,
        [
            "met in Astana on 2 February 2308",
            "share of national currencies in mutual trade",
            "approved the following documents",
            "Agreement on Cooperation in Customs Matters",
            "Protocol on Amendments to the Charter",
            "Programme of Multilateral Trade and Economic Cooperation",
            "completion of their internal procedures",
            "publish this Declaration in their official gazettes",
        ],
    )
    title = root.findtext(f"{NS}meta/{NS}title")
    assert title is not None and title.startswith("Declaration of the Ministers of Finance")


NUMBERED_NOTES = """\
Declaration of the Ministers of Finance of the Member States of the Shanghai Cooperation \
Organisation

The Ministers met in Astana on 2 February 2308 and agreed as follows.

The Member States will raise the share of national currencies in mutual trade to
15 per cent of all settlements by the end of the decade.

Notes

1. The Member States shall inform the Secretariat of the completion of their internal procedures.
2. The Member States will publish this Declaration in their official gazettes.
"""


def test_numbered_notes_section_at_the_end(tmp_path: Path) -> None:
    root = _import(tmp_path, "notes.txt", NUMBERED_NOTES)
    _assert_in_body(
        root,
        [
            "share of national currencies in mutual trade to 15 per cent",
            "completion of their internal procedures",
            "publish this Declaration in their official gazettes",
        ],
    )


PARENTHESISED_END = """\
Declaration of the Ministers of Finance of the Member States of the Shanghai Cooperation \
Organisation

The Ministers met in Astana on 2 February 2308 and agreed as follows.

The Member States will raise the share of national currencies in mutual trade.

The Member States shall publish this Declaration in their official gazettes.

(The Member States shall inform the depositary of any reservation within six months.)
"""


@pytest.mark.xfail(
    strict=True,
    reason="a closing paragraph in parentheses, in the declaration's own voice ('(The Member "
    "States shall inform the depositary ...)'), is left out as furniture",
)
def test_parenthesised_closing_paragraph(tmp_path: Path) -> None:
    root = _import(tmp_path, "paren.txt", PARENTHESISED_END)
    _assert_in_body(root, ["inform the depositary of any reservation within six months"])


TABLE_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Declaration of the Ministers of Energy</title>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Declaration of the Ministers of Energy of the Member States of the Shanghai Cooperation
Organisation</h1>
<p>The Ministers of Energy met in Tashkent on 20 April 2306 and declare the following.</p>
<table>
<tr><td>1.</td><td>The Member States will build a common registry of renewable power
projects.</td></tr>
<tr><td>2.</td><td>The Member States shall publish annual figures on cross-border electricity
flows.</td></tr>
<tr><td>3.</td><td>The Member States will train grid engineers in joint summer schools.</td></tr>
<tr><td>4.</td><td>The Member States shall consult one another before closing
interconnectors.</td></tr>
</table>
<p>The Ministers will meet again in Bishkek next spring.</p>
</article>
<footer><p>Copyright 2306 Ministry of Energy. All rights reserved.</p></footer>
</body></html>
"""


def test_html_table_of_numbered_paragraphs(tmp_path: Path) -> None:
    root = _import(tmp_path, "table.html", TABLE_HTML)
    _assert_in_body(
        root,
        [
            "registry of renewable power projects",
            "cross-border electricity flows",
            "grid engineers in joint summer schools",
            "before closing interconnectors",
            "meet again in Bishkek",
        ],
    )


HEADINGS_LIST_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Declaration on Good-Neighbourliness</title>
</head><body>
<article>
<h1>Declaration of the Heads of Member States of the Shanghai Cooperation Organisation on
Good-Neighbourliness</h1>
<p>The Heads of State met in Dushanbe on 1 September 2307 and declare the following.</p>
<h2>I. General</h2>
<p>The Member States will build their relations on the following documents:</p>
<ul>
<li>the Charter of the Shanghai Cooperation Organisation;</li>
<li>the Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation;</li>
<li>the Convention on Combating Terrorism, Separatism and Extremism;</li>
<li>the Agreement on Cooperation in the Field of Education.</li>
</ul>
<h2>II. Security</h2>
<p>The Member States shall hold joint <abbr title="anti-terrorism">counter-terror</abbr> exercises
every two years under the <abbr title="Regional Anti-Terrorist Structure">RATS</abbr>
framework.</p>
<h2>III. Economy</h2>
<p>The Member States will widen the use of national currencies in mutual settlements.</p>
</article>
</body></html>
"""


def test_html_headings_document_list_and_abbr(tmp_path: Path) -> None:
    root = _import(tmp_path, "headings.html", HEADINGS_LIST_HTML)
    _assert_in_body(
        root,
        [
            "I. General",
            "II. Security",
            "build their relations on the following documents",
            "the Charter of the Shanghai Cooperation Organisation",
            "the Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation",
            "the Convention on Combating Terrorism, Separatism and Extremism",
            "the Agreement on Cooperation in the Field of Education",
            "joint counter-terror exercises every two years under the RATS framework",
            "national currencies in mutual settlements",
        ],
    )
    body = _body_text(root)
    assert "Regional Anti-Terrorist Structure" not in body


LINKED_LIST_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Declaration</title></head>
<body>
<article>
<h1>Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation</h1>
<p>The Heads of State met in Astana on 4 July 2311 and declare the following.</p>
<p>The Member States will be guided in their relations by:</p>
<ul>
<li><a href="/docs/charter">the Charter of the Shanghai Cooperation Organisation</a></li>
<li><a href="/docs/treaty">the Treaty on Long-Term Good-Neighbourliness, Friendship and
Cooperation</a></li>
<li><a href="/docs/convention">the Convention on Combating Terrorism, Separatism and
Extremism</a></li>
<li><a href="/docs/strategy">the Development Strategy of the Organisation</a></li>
</ul>
<p>The Member States shall hold regular consultations on <span title="issues of regional
security">security</span> matters and will widen cooperation against cyber crime.</p>
<p>2/5 of the joint fund shall be spent on transport projects, and the rest will go to
education.</p>
</article>
</body></html>
"""


def test_html_span_tooltip_and_leading_counter(tmp_path: Path) -> None:
    root = _import(tmp_path, "linked.html", LINKED_LIST_HTML)
    _assert_in_body(
        root,
        [
            "guided in their relations by",
            "regular consultations on security matters",
            "2/5 of the joint fund shall be spent on transport projects",
        ],
    )


@pytest.mark.xfail(
    strict=True,
    reason="a <ul> whose items are links to the documents the declaration names (items of its "
    "sentence 'guided in their relations by:') is left out as one furniture line, as if an index",
)
def test_html_list_of_linked_document_names(tmp_path: Path) -> None:
    root = _import(tmp_path, "linked.html", LINKED_LIST_HTML)
    _assert_in_body(
        root,
        [
            "the Charter of the Shanghai Cooperation Organisation",
            "the Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation",
            "the Convention on Combating Terrorism, Separatism and Extremism",
            "the Development Strategy of the Organisation",
        ],
    )
