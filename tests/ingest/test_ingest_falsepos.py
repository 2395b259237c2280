# ruff: noqa: RUF001 -- Russian and Chinese declaration text is meant to be here
"""False positives of the import furniture filters, checked from outside through the CLI.

Each case is a plain declaration (invented, illustrative, written for this test) that legitimately
holds a shape the furniture mechanisms of issue 12 look for: numbered lines, rising numbers at
line starts, "Notes"/"Annex" sections, counters such as "2/5" inside sentences, wire codes named in
a sentence, Chinese sentences, quoted passages, HTML tables, lists, headings, tooltips and links.
Every test runs `scodiff import FILE`, expects exit 0, and checks that the distinctive words of
each declaration paragraph are in the XML's body (not in its furniture) and not mangled there.
A case that fails is marked xfail (strict) with what is lost (none is today).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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


MARGIN_LIKE_NUMBERS = """\
Declaration of the Ministers of Science of the Member States of the Shanghai Cooperation \
Organisation

The Ministers met in Astana on 1 March 2315 and agreed as follows.

The Member States will fund a joint research programme for the first
5 years at a level of one million units a year, then for the next
10 years at twice that level, with calls for proposals every
15 months and a final review after
20 years of operation.

The Member States shall open their national laboratories to researchers from
25 partner institutions, and will add
30 more by the end of the programme.

The Member States recall that the Organisation was founded in Shanghai to strengthen mutual \
trust and good-neighbourliness, and will mark its anniversary with a scientific conference.
"""


def test_wrapped_lines_starting_with_multiples_of_five(tmp_path: Path) -> None:
    root = _import(tmp_path, "margin.txt", MARGIN_LIKE_NUMBERS)
    _assert_in_body(
        root,
        [
            "for the first 5 years at a level",
            "for the next 10 years at twice that level",
            "every 15 months and a final review after 20 years of operation",
            "researchers from 25 partner institutions, and will add 30 more",
            "founded in Shanghai to strengthen mutual trust",
        ],
    )


OPENING_WORDS = """\
Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation

The Heads of State met in Tashkent on 10 June 2313 and declare the following.

From 1 January 2314 the Member States shall apply simplified customs procedures to transit cargo.

Subject to ratification, the Member States will join the regional agreement on seed exchange.

To this end, the Member States shall create a joint committee on plant health.

Terrorism has no nationality.

The Member States will act together.

The Council of Heads of State is the highest body of the Organisation; it shall meet once a year \
in the capital of the presiding state.
"""


def test_header_like_opening_words_and_short_sentences(tmp_path: Path) -> None:
    root = _import(tmp_path, "opening.txt", OPENING_WORDS)
    _assert_in_body(
        root,
        [
            "From 1 January 2314 the Member States shall apply simplified customs procedures",
            "Subject to ratification, the Member States will join",
            "To this end, the Member States shall create a joint committee",
            "Terrorism has no nationality.",
            "The Member States will act together.",
            "highest body of the Organisation; it shall meet once a year",
        ],
    )


RUSSIAN_NOTES = """\
Декларация Совета глав государств-членов Шанхайской организации сотрудничества

Главы государств встретились в Бишкеке 5 июня 2316 года и заявляют следующее.

1. Государства-члены будут укреплять сотрудничество в борьбе с терроризмом.
2. Государства-члены расширят торговлю в национальных валютах.
3. Государства-члены поддерживают строительство новых транспортных коридоров.

Примечания

Государства-члены будут ежегодно информировать Секретариат о выполнении настоящей Декларации.
"""

CHINESE_NOTE = """\
上海合作组织成员国外交部长理事会声明

外交部长于2318年4月9日在比什凯克举行会议\uff0c达成以下共识。

成员国将加强在地区安全领域的协调与合作。

注\uff1a成员国将于每年向秘书处通报本声明的执行情况。

成员国支持在撒马尔罕举行下一次外长会议。
"""


def test_russian_notes_section_and_chinese_note_line(tmp_path: Path) -> None:
    ru = _import(tmp_path, "ru.txt", RUSSIAN_NOTES)
    _assert_in_body(
        ru,
        [
            "сотрудничество в борьбе с терроризмом",
            "торговлю в национальных валютах",
            "новых транспортных коридоров",
            "информировать Секретариат о выполнении настоящей Декларации",
        ],
    )
    zh = _import(tmp_path, "zh-note.txt", CHINESE_NOTE)
    _assert_in_body(
        zh,
        [
            "地区安全领域的协调与合作",
            "向秘书处通报本声明的执行情况",
            "在撒马尔罕举行下一次外长会议",
        ],
    )


SHORT_ITEMS = """\
Declaration of the Council of Heads of Government of the Shanghai Cooperation Organisation

The Heads of Government met in Dushanbe on 2 November 2317 and agreed as follows.

The Member States identified three priority areas for joint projects:
1. Energy
2. Transport
3. Tourism

The Member States will also work in the following fields:
\u2022 Agriculture
\u2022 Health
\u2022 Education

The Member States shall report on these projects to the next meeting of the Council.
"""


def test_short_bulleted_items_stay_in_body(tmp_path: Path) -> None:
    root = _import(tmp_path, "items.txt", SHORT_ITEMS)
    _assert_in_body(
        root,
        ["priority areas for joint projects", "Agriculture", "Health", "Education", "report on"],
    )


def test_short_numbered_items_are_list_items(tmp_path: Path) -> None:
    root = _import(tmp_path, "items.txt", SHORT_ITEMS)
    headings = [_norm(" ".join(h.itertext())) for h in root.iter(f"{NS}heading")]
    assert not [h for h in headings if "Energy" in h], headings
    items = [_norm(" ".join(i.itertext())) for i in root.iter(f"{NS}item")]
    for word in ("Energy", "Transport", "Tourism"):
        assert [i for i in items if word in i], (word, items)


OL_AND_LINKS_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Declaration</title></head>
<body>
<article>
<h1>Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation</h1>
<p>The Heads of State met in Bishkek on 7 July 2314 and declare the following.</p>
<p>The Member States will act in accordance with the <a href="/c">Charter</a>, the
<a href="/t">Treaty on Long-Term Good-Neighbourliness</a> and the <a href="/k">Convention on
Combating Terrorism</a>.</p>
<ol>
<li>The Member States shall expand cooperation in the peaceful use of outer space and will share
satellite data.</li>
<li>The Member States will develop a common approach to the regulation of artificial
intelligence.</li>
<li>The Member States shall support small and medium enterprises through a joint guarantee
fund.</li>
</ol>
<h2>Annex</h2>
<ul>
<li>the Programme of Cooperation in Tourism</li>
<li>the Plan of Action on Cultural Heritage</li>
<li>the Concept of Cooperation in Sport</li>
</ul>
<p><em>The Member States shall review the implementation of this Declaration at the next meeting
of the Council.</em></p>
</article>
</body></html>
"""


def test_html_inline_links_ordered_list_annex_list_and_italic_end(tmp_path: Path) -> None:
    root = _import(tmp_path, "ol.html", OL_AND_LINKS_HTML)
    _assert_in_body(
        root,
        [
            "in accordance with the Charter, the Treaty on Long-Term Good-Neighbourliness and the "
            "Convention on Combating Terrorism",
            "peaceful use of outer space",
            "regulation of artificial intelligence",
            "joint guarantee fund",
            "Annex",
            "the Programme of Cooperation in Tourism",
            "the Plan of Action on Cultural Heritage",
            "the Concept of Cooperation in Sport",
            "review the implementation of this Declaration",
        ],
    )


ADOPTED_STATEMENTS = """\
Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation

The Heads of State met in Astana on 3 July 2319 and declare the following.

The Member States will strengthen cooperation against terrorism, separatism and extremism, and \
shall hold joint exercises every two years.

The Member States will expand trade in national currencies and shall simplify customs procedures \
for transit cargo.

The Heads of State expressed their gratitude to the President of the Republic of Kazakhstan, who \
chaired the meeting, and to the people of Astana for their hospitality.

The Heads of State also adopted the following statements:
Statement on Cooperation in Cyber Security
Statement on the Protection of Cultural Heritage
Statement on Food Security
"""

ADOPTED_STATEMENTS_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Declaration</title></head>
<body>
<article>
<h1>Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation</h1>
<p>The Heads of State met in Astana on 3 July 2319 and declare the following.</p>
<p>The Member States will strengthen cooperation against terrorism, separatism and extremism, and
shall hold joint exercises every two years.</p>
<p>The Member States will expand trade in national currencies and shall simplify customs
procedures for transit cargo.</p>
<p>The Heads of State also adopted the following statements:</p>
<ul>
<li>Statement on Cooperation in Cyber Security</li>
<li>Statement on the Protection of Cultural Heritage</li>
<li>Statement on Food Security</li>
</ul>
</article>
</body></html>
"""

STATEMENT_TITLES = [
    "adopted the following statements:",
    "Statement on Cooperation in Cyber Security",
    "Statement on the Protection of Cultural Heritage",
    "Statement on Food Security",
]


def test_closing_thanks_paragraph_stays(tmp_path: Path) -> None:
    root = _import(tmp_path, "adopted.txt", ADOPTED_STATEMENTS)
    _assert_in_body(
        root,
        [
            "joint exercises every two years",
            "simplify customs procedures for transit cargo",
            "President of the Republic of Kazakhstan, who chaired the meeting",
        ],
    )


def test_closing_list_of_adopted_statements_text(tmp_path: Path) -> None:
    root = _import(tmp_path, "adopted.txt", ADOPTED_STATEMENTS)
    _assert_in_body(root, STATEMENT_TITLES)


def test_closing_list_of_adopted_statements_html(tmp_path: Path) -> None:
    root = _import(tmp_path, "adopted.html", ADOPTED_STATEMENTS_HTML)
    _assert_in_body(root, STATEMENT_TITLES)


YEARS_AND_COUNTS = """\
Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation

The Heads of State met in Samarkand on 16 September 2320 and declare the following.

2321 will be the Year of Ecology in the Organisation, and the Member States shall plan joint \
clean-up campaigns.

The Member States will choose at the next meeting
1 of 3 draft programmes on climate adaptation, and shall fund
2 of them in full.

The Member States will ask the Secretariat to prepare a report.

The next meeting will be held in Astana.
"""


def test_year_and_counts_at_line_starts_and_short_last_line(tmp_path: Path) -> None:
    root = _import(tmp_path, "years.txt", YEARS_AND_COUNTS)
    _assert_in_body(
        root,
        [
            "2321 will be the Year of Ecology",
            "at the next meeting 1 of 3 draft programmes on climate adaptation, and shall fund 2 "
            "of them in full",
            "prepare a report",
            "The next meeting will be held in Astana.",
        ],
    )
