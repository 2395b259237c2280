"""Import stage, metadata: title kind, meeting place and date, parties, from a declaration's text.

`guess_from_paragraphs(title, texts)` reads what an import can know without being told: the kind
from the title, the meeting date and place from the preamble (or, failing that, from the title and
the next paragraphs, as a dateline), the parties from the state names in the preamble, kept as
written and mapped to ISO 3166 alpha-2 codes. English, Russian and Chinese phrasings are known;
anything not found stays empty. `slug` makes ids from names. Pure functions, no I/O.
"""

# ruff: noqa: RUF001  (Cyrillic, CJK and typographic quotes in the data are meant)
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from ..model import Party
from .lines import FINAL_PUNCT
from .ruwords import date_digits

MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)

STATES: tuple[tuple[str, str], ...] = (
    ("KZ", r"Republic of Kazakhstan|Kazakhstan|"
           r"Республик\w* Казахстан|Казахстан\w*|"
           r"哈萨克斯坦共和国|哈萨克斯坦"),
    ("CN", r"People['’]s Republic of China|China|"
           r"Китайск\w* Народн\w* Республик\w*|Кита\w*|"
           r"中华人民共和国|中国"),
    ("KG", r"Kyrgyz Republic|Kyrgyzstan|"
           r"Кыргызск\w* Республик\w*|Кыргызстан\w*|Киргизи\w*|"
           r"吉尔吉斯共和国|吉尔吉斯斯坦"),
    ("RU", r"Russian Federation|Russia|"
           r"Российск\w* Федераци\w*|Росси\w*|"
           r"俄罗斯联邦|俄罗斯"),
    ("TJ", r"Republic of Tajikistan|Tajikistan|"
           r"Республик\w* Таджикистан|Таджикистан\w*|"
           r"塔吉克斯坦共和国|塔吉克斯坦"),
    ("UZ", r"Republic of Uzbekistan|Uzbekistan|"
           r"Республик\w* Узбекистан|Узбекистан\w*|"
           r"乌兹别克斯坦共和国|乌兹别克斯坦"),
    ("IN", r"Republic of India|India|"
           r"Республик\w* Инди\w*|Инди[яиюей]|"
           r"印度共和国|印度"),
    ("PK", r"Islamic Republic of Pakistan|Pakistan|"
           r"Исламск\w* Республик\w* Пакистан|Пакистан\w*|"
           r"巴基斯坦伊斯兰共和国|巴基斯坦"),
    ("IR", r"Islamic Republic of Iran|Iran|"
           r"Исламск\w* Республик\w* Иран|Иран\w*|"
           r"伊朗伊斯兰共和国|伊朗"),
    ("BY", r"Republic of Belarus|Belarus|"
           r"Республик\w* Беларусь|Беларус\w*|"
           r"白俄罗斯共和国|白俄罗斯"),
    ("MN", r"Mongolia|"
           r"Монголи\w*|"
           r"蒙古国|蒙古"),
    ("AF", r"Islamic Republic of Afghanistan|Afghanistan|"
           r"Исламск\w* Республик\w* Афганистан|Афганистан\w*|"
           r"阿富汗伊斯兰共和国|阿富汗"),
    ("TM", r"Turkmenistan|"
           r"Туркменистан\w*|"
           r"土库曼斯坦"),
    ("TR", r"Republic of Türkiye|Republic of Turkey|Türkiye|Turkey|"
           r"Турецк\w* Республик\w*|Турци\w*|"
           r"土耳其"),
)
"""SCO members, observers and neighbours: code, then the forms of the name (longest first)."""

PLACES_RU: dict[str, str] = {
    "Бишкеке": "Бишкек", "Москве": "Москва", "Астане": "Астана", "Ташкенте": "Ташкент",
    "Пекине": "Пекин", "Шанхае": "Шанхай", "Екатеринбурге": "Екатеринбург", "Уфе": "Уфа",
    "Самарканде": "Самарканд", "Алматы": "Алматы", "Душанбе": "Душанбе", "Циндао": "Циндао",
    "Нью-Дели": "Нью-Дели", "Минске": "Минск", "Тегеране": "Тегеран",
}
"""Russian summit cities: the form after "в" (prepositional case) and the name as such."""

KINDS_BY_WORD: tuple[tuple[str, str], ...] = (
    (r"declaration|декларац|宣言", "declaration"),
    (r"communiqu|коммюнике|公报", "communique"),
    (r"statement|заявлени|声明", "statement"),
    (r"press[ -]release|пресс-релиз|新闻稿|新闻公报", "press-release"),
    (r"\baddress\b|\bspeech\b|\bremarks\b|обращени|выступлени|讲话|致辞|演讲", "address"),
)
"""Words of a title and the kind they name; the word printed first decides ("Statement on
the Declaration" is a statement), a press release over the "communiqué" it may call itself."""

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
         "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"),
        strict=True,
    )
)

_MONTH_EN = (rf"((?i:{'|'.join(MONTHS_EN)}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
             r"(?![a-z])\.?)")
_RANGE = r"(?:st|nd|rd|th)?(?: ?[-\u2013\u2014] ?\d{1,2}(?:st|nd|rd|th)?| and \d{1,2})?"
"""The ordinal suffix and the rest of a range ("4-5 June", "June 4th\u20135th", "4 and 5
June"): a meeting over several days is dated by its first day."""
_EN_DAY_FIRST = rf"(\d{{1,2}}){_RANGE}(?: of)?[ -]{_MONTH_EN}(?:,? |-)(\d{{4}})"
"""Day first: "4 June 2055", "4th of June, 2055", and a database's "04-Jun-2055"."""
_EN_MONTH_FIRST = rf"{_MONTH_EN} (\d{{1,2}}){_RANGE},? (\d{{4}})"
_RU_DATE = rf"«?(\d{{1,2}})»? ({'|'.join(MONTHS_RU)}) (\d{{4}})(?: года| г\.)?"
"""A Russian date, its day in guillemets as a form prints it or not ("«15» мая 2086 года")."""
_ZH_DATE = r"(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日"
_ISO_DATE = r"(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.]\d)"
_ZH_DIGITS = "〇零一二三四五六七八九"
_ZH_TENS = "一二三四五六七八九十"
_ZH_NUMERAL_DATE = rf"([{_ZH_DIGITS}]{{4}})年([{_ZH_TENS}]{{1,2}})月([{_ZH_TENS}]{{1,3}})日"
_DOTTED_DATE = (r"(?<![\d./])(\d{1,2})(?:\.(\d{1,2})\.|/(\d{1,2})/|\.((?=[IVX])X?I{0,3}V?I{0,3})\.)"
                r"(\d{4})(?![\d./]\d)")
"""Day first: "04.06.2055", "04/06/2055" (read as 4 June unless the second number is over 12:
then as an American month/day, "06/24/2055"), a Roman month ("4.VI.2055")."""
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_DATE = (rf"(?:{_EN_DAY_FIRST}|{_EN_MONTH_FIRST}|{_RU_DATE}|{_ZH_DATE}|{_ISO_DATE}"
         rf"|{_ZH_NUMERAL_DATE}|{_DOTTED_DATE})")
_PLACE_EN = r"((?:(?:St|Mt|Ft)\. ?)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
"""A place in English, up to three capitalised words, with an abbreviation point in a saint's
or a mount's name ("St. Petersburg")."""
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PLACE_RU = r"(?:г\. ?|городе )?([А-ЯЁ][\w-]+)"
_PLACE_PATTERNS = (
    re.compile(rf"{_DATE},? in (?:the city of )?{_PLACE_EN}"),
    re.compile(rf"\b(?i:in) (?:the city of )?{_PLACE_EN},? (?i:on) {_DATE}"),
    re.compile(rf"\b(?:[Dd]one|[Ss]igned|[Aa]dopted) (?:at|in) {_PLACE_EN},? (?:on )?{_DATE}"),
    re.compile(rf"{_DATE},? в {_PLACE_RU}"),
    re.compile(rf"\bв {_PLACE_RU},? {_DATE}"),
    re.compile(rf"(?:^|\n){_PLACE_EN}, (?:{_WEEKDAY},? )?{_DATE}"),
    re.compile(rf"{_DATE}, {_PLACE_EN}\.?(?=$|\n)"),  # "Delivered on 13 May 2090, Osh"
    re.compile(rf"(?:^|\n)(?:г\. )?([А-ЯЁ][\w-]+), {_DATE}"),
    re.compile(rf"{_DATE}在([\u4e00-\u9fff]{{2,8}}?)(?:举行|召开|会晤)"),
    re.compile(rf"{_DATE}(?:于|在)([\u4e00-\u9fff]{{2,8}}?)(?:签署|签订|通过|$)"),
)
_DATE_RE = re.compile(_DATE)
DATE_PATTERN = _DATE
"""A date in any form `find_date_place` reads (English, Russian, Chinese, ISO, dotted)."""
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))
"""No-break and thin spaces, as typeset dates have them ("15\u00a0June 2011"), read as spaces."""


@dataclass(frozen=True)
class MetaGuess:
    """What the text itself says; empty strings where it says nothing."""

    kind: str = ""
    place: str = ""
    date: str = ""
    parties: tuple[Party, ...] = ()


def guess_from_paragraphs(title: str, texts: tuple[str, ...]) -> MetaGuess:
    """Kind from the title; meeting and parties from the paragraphs (their texts, in order).

    The preamble is the first paragraph that is not a dateline or heading (short, without final
    punctuation). Date and place come from it; failing that, from the first of: the datelines
    above it, the title, the next two paragraphs, the last twelve from the end (a closing "Done
    at Bishkek on 16 August 2007", "Совершено в городе ...", "二〇〇七年八月十六日于比什凯克")
    that names both,
    else the date alone. The parties are the states named in the first of the opening paragraphs
    (or else the title) that names two or more, else those the preamble names.
    """
    if not texts:
        return MetaGuess(guess_kind(title))
    lead = next((i for i, t in enumerate(texts[:3]) if not _short_line(t)), 0)
    main = texts[lead]
    date, place = find_date_place(main)
    if not (date and place):
        closing = tuple(reversed(texts[max(lead + 3, len(texts) - 12) :]))
        others = (*texts[:lead], title, *texts[lead + 1 : lead + 3], *closing)
        found = [find_date_place(t) for t in others]
        both = [(d, p) for d, p in found if d and p and (not date or d == date)]
        dates = [(d, p) for d, p in found if d]
        date, place = both[0] if both else (date, place) if date else (
            dates[0] if dates else ("", ""))
    if not place:
        place = next((p for t in (main, title, *texts[lead + 1 : lead + 3]) for p in
                      [find_place(t)] if p), "")
    opening = [find_parties(t) for t in texts[lead : lead + 3]]
    named = [p for p in (*opening, find_parties(title)) if len(p) > 1]
    parties = named[0] if named else opening[0] if opening else ()
    return MetaGuess(guess_kind(title), place, date, parties)


_MEETING_PLACE = (
    re.compile(r"\b(?:met|meet|[Mm]eeting|held|[Ss]ummit|took place|gathered|convened|assembled|"
               r"[Ss]ession|talks|[Ff]orum|[Cc]onference|[Cc]ongress)(?: [a-z]+){0,3} (?:in|at) "
               rf"(?:the city of )?{_PLACE_EN}"),
    re.compile(r"\b(?i:welcome)s?(?: (?:you|all|everyone|[a-z]+ly))* (?:to|in) "
               rf"(?:the city of )?{_PLACE_EN}"),
    re.compile(r"(?:состоял\w*|прош\w+|провел\w*|проходил\w*|встрети\w*|собрал\w*)"
               r"(?: [а-яё]+){0,3} в (?:г\. ?|городе )?([А-ЯЁ][\w-]+)"),
    re.compile(r"在([\u4e00-\u9fff]{2,6}?)(?:举行|召开|会晤|会见)"),
)


def find_place(text: str) -> str:
    """The place a meeting is said to be held at, without a date ("met in Astana", a host's
    "I welcome you to Qingdao", a title's "Session in Yekaterinburg", "our forum in Osh",
    "состоялось в Бишкеке", "在青岛举行"); "" if none."""
    for pattern in _MEETING_PLACE:
        m = pattern.search(text)
        if m:
            return ru_nominative(m.group(1))
    return ""


def _short_line(text: str) -> bool:
    """A dateline or heading: a few words without final punctuation."""
    core = text.rstrip(" \"'\u201d\u2019\u00bb)]\u300d\uff09")
    return len(text.split()) <= 12 and len(text) <= 80 and core[-1:] not in FINAL_PUNCT


def guess_kind(title: str) -> str:
    low = title.lower()
    found = [(m.start(), kind) for pat, kind in KINDS_BY_WORD for m in [re.search(pat, low)] if m]
    if any(kind == "press-release" for _, kind in found):
        return "press-release"
    return min(found)[1] if found else ""


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth")
_ORDINAL_DAY = re.compile(
    r"(?i)\b(?:(?:this|the) )?((?:twenty|thirty)[- ])?(" + "|".join(_ORDINALS) + r"|thirtieth)"
    r" day of (?=[A-Z])")
"""A day in words ("on this eleventh day of June 2063", "the twenty-first day of May")."""


def _day_number(m: re.Match[str]) -> str:
    tens = {"twenty": 20, "thirty": 30}.get((m.group(1) or "").strip(" -").lower(), 0)
    word = m.group(2).lower()
    day = 30 if word == "thirtieth" else _ORDINALS.index(word) + 1
    return f"{tens + day} "


def find_date_place(text: str) -> tuple[str, str]:
    """The first meeting date (ISO) and the place named with it; ("", "") if none. A day in
    words ("the eleventh day of June 2063", "двадцать второе сентября две тысячи ... года",
    `ruwords`) is read as its number."""
    text = date_digits(text.translate(_SPACES))
    if " day of " in text:
        text = _ORDINAL_DAY.sub(_day_number, text)
    for pattern in _PLACE_PATTERNS:
        for m in pattern.finditer(text):
            date = _iso(m.group(0))
            place = _place(m)
            if date and place:
                return date, place
    for m in _DATE_RE.finditer(text):
        date = _iso(m.group(0))
        if date:
            return date, ""
    return "", ""


_TIME_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday"})
"""Words that open a dateline's slot without naming a place ("Today, 15 June 2083, we ...",
"Monday, 4 August 2087"): the days of the week and their deictic kin, a closed class."""


def _place(m: re.Match[str]) -> str:
    date = _DATE_RE.search(m.group(0))
    inside = date.group(0) if date else ""
    groups = [g for g in m.groups() if g and g not in inside]
    name = groups[0] if groups else ""
    if name.casefold() in _TIME_WORDS:
        return ""
    return ru_nominative(name)


_RU_ENDINGS = (("ске", "ск"), ("бурге", "бург"), ("граде", "град"))
"""Russian city names whose prepositional form says the nominative (masculine names in -ск,
-бург, -град: "в Омске" is Омск); other endings are ambiguous ("в Москве", "в Ташкенте")."""


def ru_nominative(name: str) -> str:
    """A Russian place name after "в" as the name itself (`PLACES_RU`, then `_RU_ENDINGS`)."""
    if name in PLACES_RU:
        return PLACES_RU[name]
    return next((name[: -len(end)] + base for end, base in _RU_ENDINGS
                 if name.endswith(end) and len(name) > len(end) + 1), name)


def _iso(text: str) -> str:
    m = _DATE_RE.search(text)
    if not m:
        return ""
    g = m.groups()
    if g[0]:
        y, mo, d = g[2], str(_month_en(g[1])), g[0]
    elif g[3]:
        y, mo, d = g[5], str(_month_en(g[3])), g[4]
    elif g[6]:
        y, mo, d = g[8], str(MONTHS_RU.index(g[7].lower()) + 1), g[6]
    elif g[9]:
        y, mo, d = g[9], g[10], g[11]
    elif g[12]:
        y, mo, d = g[12], g[13], g[14]
    elif g[15]:
        y = "".join(str(_zh_number(ch)) for ch in g[15])
        mo, d = str(_zh_number(g[16])), str(_zh_number(g[17]))
    else:
        y, d = g[22], g[18]
        mo = g[19] or g[20] or str(_ROMAN_MONTHS.index(g[21]) + 1 if g[21] in _ROMAN_MONTHS
                                   else 0)
        if g[20] and int(mo) > 12:
            d, mo = mo, d  # 06/24/2055: an American month/day
    try:
        return datetime.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return ""


def _month_en(name: str) -> int:
    """1..12 for an English month name or its abbreviation ("Aug.", "Sept")."""
    low = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS_EN, 1) if m.startswith(low))


def _zh_number(text: str) -> int:
    """一 .. 三十一 as written in dates."""
    digits = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}
    if "十" not in text:
        return digits[text]
    tens, _, ones = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


# a name does not start or end inside an alphabetic word (CJK text has no word boundaries)
_EDGE_BEFORE = r"(?<![^\W\u3400-\u9fff])"
_EDGE_AFTER = r"(?![^\W\u3400-\u9fff])"


def find_parties(text: str) -> tuple[Party, ...]:
    """States named in `text`, in order of first mention, names as written (no article)."""
    found: list[tuple[int, Party]] = []
    for code, pattern in STATES:
        m = re.search(rf"{_EDGE_BEFORE}(?:{pattern}){_EDGE_AFTER}", text)
        if m:
            found.append((m.start(), Party(code, m.group(0))))
    return tuple(p for _, p in sorted(found, key=lambda x: x[0]))


def slug(name: str) -> str:
    """ASCII id part: lower case, Cyrillic transliterated, runs of other characters as "-"."""
    low = "".join(_TRANSLIT.get(ch, ch) for ch in name.lower())
    ascii_ = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
