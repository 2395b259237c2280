"""Import stage, the site's own talk: lines a page says about itself, not about the meeting.

A saved page speaks to its reader about the page: "We use cookies ...", "Click here to print
this page", "Log in to leave a comment", "Read also: ...", "If you found a mistake in this
text, select it and press Ctrl+Enter", "Download our app", "Was this page helpful?", a post
with a hashtag or an @handle embedded from a social network, an item of a news feed opening
with its time of day ("12.05.2155 10:02 ..."), a widget's icons ("\u25b6 WATCH", "\u2605 Add to
favourites"), a photograph's credit ("Photo: ...", "Фото из архива"), the site's disclaimer
("... is not responsible for the content of linked pages"). A declaration never does: it speaks
of states, ministers and what they agree. `page_talk` reads that register, in English, Russian
and Chinese, from three general cues rather than from any site's strings: words only a web page
uses of itself (cookies, browser, log in, click, subscriber, "this page", "our website", a
hashtag), words a page and a text may share (download, website, print, e-mail, file) after an
imperative opening ("Download the full text", "Скачать файл", "点击下载"), and a short command
line ("Continue reading", "Share on VK", "Skip to content"). A speaker's "you" is no cue: an
address speaks to its hall. `contact_line` is a line made of addresses: URLs, e-mail addresses,
phone numbers and their labels ("Tel.", "E-mail:"), with hardly any words besides.
`language_label` names the language of the copy or of one half of a parallel edition ("English
text", "Текст на русском языке"). `copy_note` is a note that says what the copy is (a sample,
unofficial, a working translation, uploaded on ...), under a note's label or none, commits to
nothing and is no title ("Illustrative Declaration"): furniture at the text's edges, whatever
its label; a note about the text's words, terms or numbering (a translator's) is the text's
wherever it stands, and so is any note inside the text (see `ingest.signals`).
"""

# ruff: noqa: RUF001  (Cyrillic letters and CJK punctuation are meant)
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TALK_WORDS = 40
"""The site's talk is short: a line longer than this many words (or twice as many CJK
characters) is running text, whatever it mentions."""

_STRONG = re.compile(
    r"(?i)\bcookies?\b|\bjavascript\b|\bbrowser\b|\bclick(?:s|ing)?\b|\btap here\b|\bctrl\s*\+"
    r"|\b(?:log|sign)(?:ged)?[ -]?(?:in|up|out)\b|\blogin\b|\bsubscribers?\b|\bpaywall\b"
    r"|\bsubscribe (?:now|here|for free|to (?:our|read|continue|receive|get|the newsletter))"
    r"|\bthis (?:web ?)?(?:page|site|website|story|post|news item)\b"
    r"|\bour (?:web ?site|site|portal|app|newsletter|channel|page|feed)\b"
    r"|\b(?:read|see) also\b|\bread more\b|\brelated (?:news|articles?|stories|posts|links)\b"
    r"|\b(?:more|latest|top|all) (?:news|stories|articles)\b|\bmost (?:read|popular|viewed)\b"
    r"|^(?:more (?:from|on|in|about|news|stories)|also read|in other news|trending|top stories)\b"
    r"|\b(?:previous|next) (?:article|story|post|news item|page)\b"
    r"|\b(?:continue|keep) reading\b|\bread (?:the )?(?:full|whole|complete|rest)\b"
    r"|\bdownload the (?:full|whole|complete) (?:text|document|version|file|report)"
    r"|читать (?:далее|полностью|дальше)|скачать (?:полный|весь) (?:текст|документ)|阅读全文"
    r"|下载全文"
    r"|\bnot responsible for\b|\bviews expressed\b|\bwithout (?:prior )?(?:written )?permission\b"
    r"|\babout the author\b|\badd to (?:my )?favou?rites\b|\bsave to my\b|^(?:related|see also"
    r"|also read)\s*:|\b(?:photo|фото)(?:\s*:|\s+(?:by|from|courtesy|из|с сайта))|^图为"
    r"|\b(?:was|is|did you find) this (?:\w+ ){0,2}(?:helpful|useful)\b"
    r"|(?<![\w&#])#[^\W\d_]\w+|(?<![\w.@])@[A-Za-z_]\w{2,}(?![\w.]*@)"
    r"|\byou (?:may|might|could) also (?:like|enjoy|be interested)|\brecommended for you\b"
    r"|\b(?:follow|like|join) us\b|\b(?:leave|post|add|write) a (?:comment|reply)\b"
    r"|\bno comments\b|\bcomments? \(\d+\)|\b\d+ (?:comments?|votes?|views?|likes?|shares?)\b"
    r"|\brate this\b|\bmobile (?:app|version)\b|\bapp store\b|\bgoogle play\b"
    r"|\bfull version\b|\bprint(?:able)? version\b|\bsend to a friend\b"
    r"|куки|cookie|\bнажмите\b|\bвойдите\b|\bвойти\b|зарегистрир"
    r"|подпи(?:шитесь|сывайтесь|саться)|подписк[аеиу]|читайте также|смотрите также"
    r"|читать также|\bпо теме\b|на нашем сайте|наш(?:ем|его|ему)? (?:сайт|канал|портал)"
    r"|(?:этой|данной) страниц|браузер|оставить комментарий|комментари(?:и|ев) \(\d+\)"
    r"|\d+ комментари|поделиться|версия для печати|мобильн(?:ое|ая) (?:приложение|версия)"
    r"|点击|订阅|登录|免费注册|用户注册|本网站|本站|本页|浏览器|分享到"
    r"|相关(?:新闻|阅读|文章|链接)|责任编辑|扫一扫|扫码|发表评论|评论\(\d+\)|\d+条评论"
    r"|(?<![a-z])app ?内|打开 ?app|客户端")
"""What only a web page says of itself: one of these in a short line is the site's talk."""


def _each(*parts: tuple[str, ...]) -> tuple[str, ...]:
    """Every string made of one choice from each of `parts`, in order."""
    out = [""]
    for choices in parts:
        out = [o + c for o in out for c in choices]
    return tuple(out)


_STRONG_CUES = (
    "cookie", "javascript", "browser", "click", "tap here", "ctrl", "login", "subscriber",
    "paywall", "subscribe ", "also read", "see also", "read also", "read more", "related",
    "most read", "most popular", "most viewed", "in other news", "trending", "top stories",
    "continue reading", "keep reading", "download the", "responsible for", "views expressed",
    "permission", "about the author", "favorites", "favourites", "save to my", "photo", "фото",
    "helpful", "useful", "#", "@", "recommended for you", "follow us", "like us", "join us",
    "a comment", "a reply", "no comments", "comment", " vote", " view", " like", " share",
    "rate this", "mobile app", "mobile version", "app store", "google play", "full version",
    "print version", "printable version", "send to a friend", "куки", "нажмите", "войдите",
    "войти", "зарегистрир", "подпишитесь", "подписывайтесь", "подписаться", "подписка",
    "подписке", "подписки", "подписку", "читайте также", "смотрите также", "читать также",
    "по теме", "на нашем сайте", "этой страниц", "данной страниц", "браузер",
    "оставить комментарий", "комментари", "поделиться", "версия для печати", "читать ",
    "скачать ", "мобильное приложение", "мобильная приложение", "мобильное версия",
    "мобильная версия", "阅读全文", "下载全文", "图为", "点击", "订阅", "登录", "免费注册",
    "用户注册", "本网站", "本站", "本页", "浏览器", "分享到", "相关", "责任编辑", "扫一扫", "扫码",
    "发表评论", "评论(", "条评论", "app内", "app 内", "打开app", "打开 app", "客户端",
    *_each(("log", "sign"), ("", "ged"), ("", " ", "-"), ("in", "up", "out")),
    *_each(("this ",), ("web ", "web", ""), ("page", "site", "website", "story", "post",
                                             "news item")),
    *_each(("our ",), ("web site", "website", "site", "portal", "app", "newsletter", "channel",
                       "page", "feed")),
    *_each(("more ", "latest ", "top ", "all "), ("news", "stories", "articles")),
    *_each(("more ",), ("from", "on", "in", "about")),
    *_each(("previous ", "next "), ("article", "story", "post", "news item", "page")),
    *_each(("read ",), ("the ", ""), ("full", "whole", "complete", "rest")),
    *_each(("also ",), ("like", "enjoy", "be interested")),
    *_each(("наш",), ("", "ем", "его", "ему"), (" ",), ("сайт", "канал", "портал")))
"""Literal strings one of which every match of `_STRONG` holds (in lower case): `_strong`
tries the expression only on a line holding one, which most lines of a text do not, and
finds what `_STRONG` finds (tests/ingest/test_sitetalk_cues.py holds the two equal)."""
_CASE_KIN = str.maketrans({"\u017f": "s", "\u0131": "i", "\u1c80": "\u0432",
                           "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441",
                           "\u1c84": "\u0442", "\u1c85": "\u0442", "\u1c86": "\u044a",
                           "\u212a": "k"})
"""Letters `re.IGNORECASE` takes for a cue's letter though `str.lower` keeps them apart
(long s, dotless i, the old Cyrillic forms, the Kelvin sign)."""


def cued(text: str, cues: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `cues` (lower case) in any case (or a dotted capital I,
    which `str.lower` turns into two characters): where an expression that needs one of them
    is worth trying."""
    if "\u0130" in text:
        return True
    low = text.lower().translate(_CASE_KIN)
    return any(cue in low for cue in cues)


def _strong(text: str) -> bool:
    """`_STRONG.search(text)`, tried only when the line holds one of `_STRONG_CUES`."""
    return cued(text, _STRONG_CUES) and _STRONG.search(text) is not None
_WHOLE = re.compile(r"(?i)(?:advertisement|advertising|sponsored(?: content)?|ads?|реклама"
                    r"|广告|推广)[.:]?")
"""A line that is only the label of an advertisement."""
_SHARED = re.compile(
    r"(?i)\b(?:download(?:s|ed)?|web ?sites?|sites?|pages?|print|e-?mail|app|online|videos?"
    r"|photos?|links?|pdf|files?|newsletters?|subscribe|comments?|text|documents?|full)\b|скача"
    r"|сайт|страниц|видео|фото|ссылк|файл|текст|документ|下载|网站|网页|视频|图片|链接|文件|全文")
"""Words a page and a text may both use: the site's talk only after an imperative."""
_COMMAND = re.compile(
    r"(?i)(?:click|tap|download|subscribe|share|print|sign|log|follow|e-?mail|skip|continue"
    r"|go|enable|please|listen|read|scroll|swipe|bookmark|tweet)(?![-\w])"
    r"|(?:читайте|смотрите|скачать|скачайте|подпишитесь|нажмите|перейти|перейдите|поделитесь"
    r"|войдите|читать)(?![а-я])|点击|下载|订阅|返回|查看|分享|打印")
"""An imperative that opens the site's talk ("Download the full text", "Читайте также")."""
_COMMAND_ON = re.compile(r"(?i)\s*(?:on|to|this|here|more|reading|on reading|now|via|us|back|in"
                         r"|out|up|the full)\b|\s*[\u2192\u00bb>]|\s*$")
"""What follows a command on a line of its own: "Share on VK", "Continue reading", "Print"."""
_STAMP_OPEN = re.compile(r"\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+)?\d{1,2}:\d{2}\b(?!:)")
"""A line opening with a time of day, a date before it or not: an item of a news feed
("12.05.2155 10:02 Drivers wait at the border"), never a clause."""
COMMAND_WORDS = 6
"""A command line ("Continue reading", "Skip to content", "Share on VK") is this short."""


ICON_WORDS = 25
"""A line with a page's icon (a symbol: "\u25b6 WATCH", "\U0001f441 934", "\u2605 Add to
favourites") is this short: a widget's label, never a clause."""


def _icons(text: str) -> bool:
    """A short line holding a pictographic symbol (Unicode "So": arrows, stars, emoji, play
    buttons), not the copyright or registered signs a copyright line has."""
    if _NOISE_AFTER_STOP.search(text) and len(text.split()) >= NOISE_WORDS:
        text = _NOISE_AFTER_STOP.sub("", text)  # "... in the spring. \u25a0": a scan's speck
    return len(text.split()) <= ICON_WORDS and any(
        unicodedata.category(ch) == "So" and ch not in "\u00a9\u00ae\u2122\u00b0" for ch in text)


_NOISE_AFTER_STOP = re.compile(r"(?<=[.!?;])\s*[\u25a0-\u25ff\u2580-\u259f]+\s*$")
NOISE_WORDS = 6
"""A block or square after the full stop of a sentence this long is a scan's noise (an OCR
copy's "\u25a0"), not a widget's icon."""


def _cjk(text: str) -> int:
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")


@lru_cache(maxsize=8192)
def page_talk(x: str) -> bool:
    """Whether a line is the site speaking of the page (see the module docstring)."""
    text = x.strip()
    words = len(text.split())
    if not text or words > TALK_WORDS or _cjk(text) > 2 * TALK_WORDS:
        return False
    if _WHOLE.fullmatch(text) or _strong(text) or _STAMP_OPEN.match(text) or _icons(text):
        return True
    bare = text.lstrip("[(\u00ab\"'\u201c ")
    opens = _COMMAND.match(bare)
    if opens is None:
        return False
    if words <= COMMAND_WORDS and _COMMAND_ON.match(bare, opens.end()) and not (
            text.rstrip().endswith((".", "\u3002", ";", ","))):
        return True  # "Continue reading \u2192", "Share on VK", "Print"
    return _SHARED.search(bare, opens.end()) is not None  # "Download the full text (PDF)"


_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|int|gov"
                  r"|edu|info|ru|cn|kz|kg|uz|tj|pk|in|ir|by|mn|su|example)\b(?:/\S*)?")
_URL_CUES = ("http://", "https://", "www.", *(f".{tld}" for tld in (
    "com", "org", "net", "int", "gov", "edu", "info", "ru", "cn", "kz", "kg", "uz", "tj", "pk",
    "in", "ir", "by", "mn", "su", "example")))
"""Literal strings one of which every match of `_URL` holds (in lower case)."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d ()\u2013.-]{6,}\d")
_CONTACT_LABEL = re.compile(
    r"(?i)\b(?:tel|telephone|phone|fax|e-?mail|mail|web(?:site)?|site|url|contacts?|hotline"
    r"|тел|телефон|факс|почта|сайт)\b\.?|电话|传真|邮箱|网址|地址")
CONTACT_WORDS = 6
"""Words besides the addresses that a contact line may hold ("Press office, Mon-Fri")."""


@lru_cache(maxsize=8192)
def contact_line(x: str) -> bool:
    """A line of addresses: a URL, an e-mail address or a phone number (nine digits or more),
    with their labels and at most `CONTACT_WORDS` other words."""
    found = _URL.findall(x) if cued(x, _URL_CUES) else []
    found += _EMAIL.findall(x) if "@" in x else []
    found += [m for m in _PHONE.findall(x) if sum(ch.isdigit() for ch in m) >= 9]
    if not found:
        return False
    rest = x
    for m in sorted(found, key=len, reverse=True):
        rest = rest.replace(m, " ")
    rest = _CONTACT_LABEL.sub(" ", rest)
    lettered = [w for w in rest.split() if any(ch.isalpha() for ch in w)]
    return len(lettered) <= CONTACT_WORDS and _cjk(rest) <= 2 * CONTACT_WORDS


_COPY_NOUN = (r"(?:text|page|copy|version|translation|document|record|rendering|release"
              r"|file)s?")
_COPY_STATUS = re.compile(
    rf"(?i)\b(?:sample|specimen|illustrative|un-?official|informal|working|invented|fictional"
    rf"|fictitious|made-up|imaginary|dummy|mock) {_COPY_NOUN}\b"
    rf"|\bnot an? (?:official|real|genuine|authentic) {_COPY_NOUN}\b|\bnot official\b"
    r"|\b(?:illustrative|sample|example) only\b|\bfor illustration only\b"
    r"|\bcheck against delivery\b|\buploaded (?:on|by|in|at|\d)"
    r"|\bnot for (?:citation|quotation|publication)\b|\bfor test(?:ing)? purposes\b"
    r"|\b(?:prepared|written|made|created|typed|invented) for (?:software |(?:the )?\w+['\u2019]s "
    r"(?:\w+ )?)?(?:tests?|testing)\b(?!\s+[a-z])"
    r"|образец текста|неофициальный перевод|рабочий перевод|не является официальн"
    r"|для тестирования|для тестов|仅供参考|非正式(?:译本|文本|翻译)|样本|测试用|仅供(?:软件)?测试"
    r"|示例文本")
"""What a note on the copy says the copy is."""
_COPY_CUES = (
    "sample", "specimen", "illustrat", "official", "informal", "working", "invented",
    "fictional", "fictitious", "made-up", "imaginary", "dummy", "mock", "not a", "example only",
    "check against delivery", "uploaded ", "not for ", "test", "образец текста",
    "неофициальный перевод", "рабочий перевод", "не является официальн", "для тест", "仅供",
    "非正式", "样本", "测试用", "示例文本")
"""Literal strings one of which every match of `_COPY_STATUS` holds (in lower case)."""
_NOT_PART = re.compile(
    r"(?i)\b(?:is|are) not (?:a )?part of the (?:declaration|text|document|statement"
    r"|communiqu\w*)\b|не явля(?:ется|ются) частью (?:текста|декларации|документа)"
    r"|不属于(?:宣言|正文|文件)")
"""A note setting what it speaks of apart from the text ("The commentary is not part of the
declaration"): the site's word on the copy whatever verbs it holds."""
_NOTE_OPEN = re.compile(r"(?i)^[\[(\uff08\u3010]?\s*[^\W\d_][\w'\u2019 ]{0,30}?[:\uff1a.-]\s+")
COPY_NOTE_WORDS = 40
"""A note on the copy is this short (the whole line)."""


@lru_cache(maxsize=8192)
def copy_note(x: str) -> bool:
    """A short line saying what the copy is (a sample, unofficial, uploaded ...), with a
    note's label or none, that commits to nothing: the site's or the editor's word on the
    copy, not a sentence of the text."""
    from .signals import COMMITMENT, KIND_WORDS, title_cased  # signals imports this module

    if len(x.split()) > COPY_NOTE_WORDS:
        return False
    if _NOT_PART.search(x):
        return True
    if not cued(x, _COPY_CUES) or not _COPY_STATUS.search(x):
        return False
    if KIND_WORDS.search(x) and title_cased(x):
        return False  # a title: "Illustrative Declaration"
    value = _NOTE_OPEN.sub("", x, count=1)
    return COMMITMENT.search(value) is None


_LANGUAGES = (r"(?:english|russian|chinese|kazakh|kyrgyz|tajik|uzbek|urdu|hindi|persian|mongolian"
              r"|belarusian)")
_LANGUAGE_LABEL = re.compile(
    rf"(?i)(?:(?:the )?{_LANGUAGES}(?:-language)? (?:text|version|translation|original|edition)"
    rf"|(?:text|version|translation) in {_LANGUAGES}"
    r"|текст на [а-яё]+ языке|(?:русский|английский|китайский) (?:текст|вариант)"
    r"|(?:中文|英文|俄文)(?:文本|版|本)?)[.:\uff1a]?")
"""The label over one language's half of a parallel edition: "English text", "Текст на
русском языке", "中文本"."""


def language_label(x: str) -> bool:
    """A line that only names the language of the copy (or of its half) under it: the
    edition's label, not a heading of the text."""
    return _LANGUAGE_LABEL.fullmatch(x.strip()) is not None
