"""Import stage, romanised place names: the meeting's place in Latin letters.

A declaration's place is kept in Latin letters, as its id ("2111-dushanbe") and the corpus list
give it, so that an English and a Russian copy of one text, or a Russian text and an English page
about it, name one place alike; the text's own spelling is kept beside it (`Meeting.place_written`).
A place written in Cyrillic ("Душанбе" in a Russian text, "г. Новосибирск" in a Russian label
over an English text) is given by the BGN/PCGN romanisation of Russian (1947, without its
optional dots and apostrophes): "е" is "ye" at the start of a word and after a vowel or a sign
("Екатеринбург" -> "Yekaterinburg"), "й" and "ы" are "y", the hard and soft signs are dropped,
each word keeps its capital ("Чолпон-Ата" -> "Cholpon-Ata"), so no list of places is needed. A
name with letters of other Cyrillic alphabets (Kazakh "қ", "ү", ...) that the Russian table does
not cover is kept as written. A place written in Chinese ("大连", "银川") is given in toneless
pinyin, its syllables joined and capitalised ("Dalian"; an apostrophe before a syllable opening
with a, o or e: "西安" -> "Xi'an"), by the `pypinyin` library with its phrase dictionary (place
names are where a character's reading turns: 重庆 is Chongqing, 厦门 Xiamen), imported only when
a Chinese place is found (it takes about a second and 120 MB). Pinyin would misname a place whose
English name is not its Mandarin reading: the cities of the Uyghur and Mongol regions (乌鲁木齐
is Urumqi, 呼和浩特 Hohhot, 喀什 Kashgar) and foreign cities written in Chinese characters
(比什凯克 is Bishkek, not "Bishenkaike"). `ZH_EXONYMS` names those that host the organisation's
meetings; any other name of three characters or more nearly all drawn from the characters Chinese
uses to transcribe foreign sounds (`TRANSCRIPTION`: 阿, 克, 斯, 塔, 尔 ...) is such a name too, and
is kept as written, as is every Chinese place when `pypinyin` is not installed. A few places have
an English name that is not the romanisation of their Russian one: Moscow, not "Moskva"; Beijing,
not "Pekin", for Russian's own names of foreign cities. `EXONYMS` gives those of the cities that
host the organisation's meetings (a language fact, like the letter table; a place not in it is
romanised).
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters are meant)
from __future__ import annotations

import re

_LETTERS = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ("a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"),
    strict=True))
_VOWELS = set("аеёиоуыэюяъь")
EXONYMS = {
    "Москва": "Moscow", "Санкт-Петербург": "Saint Petersburg", "Пекин": "Beijing",
    "Шанхай": "Shanghai", "Циндао": "Qingdao", "Сиань": "Xi'an", "Урумчи": "Ürümqi",
    "Нью-Дели": "New Delhi", "Тегеран": "Tehran",
}
"""Russian names of places whose English name is not their romanisation."""
ZH_EXONYMS = {
    "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot", "喀什": "Kashgar", "哈尔滨": "Harbin",
    "齐齐哈尔": "Qiqihar", "吐鲁番": "Turpan", "和田": "Hotan", "香港": "Hong Kong",
    "澳门": "Macau", "西安": "Xi'an", "比什凯克": "Bishkek", "阿斯塔纳": "Astana",
    "努尔苏丹": "Nur-Sultan", "阿拉木图": "Almaty", "塔什干": "Tashkent", "撒马尔罕": "Samarkand",
    "布哈拉": "Bukhara", "希瓦": "Khiva", "杜尚别": "Dushanbe", "苦盏": "Khujand", "奥什": "Osh",
    "乔尔蓬阿塔": "Cholpon-Ata", "莫斯科": "Moscow", "圣彼得堡": "Saint Petersburg",
    "叶卡捷琳堡": "Yekaterinburg", "乌法": "Ufa", "新德里": "New Delhi", "伊斯兰堡": "Islamabad",
    "卡拉奇": "Karachi", "德黑兰": "Tehran", "明斯克": "Minsk",
}
"""Chinese names of places whose English name is not their pinyin."""
TRANSCRIPTION = frozenset(
    "阿埃艾爱奥巴拜班邦贝比彼别宾波伯博布查察达戴丹德迪蒂杜顿多厄恩尔法菲费芬弗福盖甘冈戈格"
    "古哈汗豪赫胡霍基吉加贾杰捷喀卡凯坎康考柯科克肯库拉莱兰朗勒雷里利列林琳隆卢鲁伦罗洛马"
    "玛迈麦曼芒梅蒙米密姆莫穆纳娜奈内尼涅努诺帕潘佩彭皮普奇恰乔切钦萨塞桑沙什舍施斯苏索塔"
    "泰坦汤特提廷图托瓦旺威维温沃乌希锡谢辛休雅亚扬耶叶伊因尤扎泽兹罕撒")
"""Characters Chinese writes foreign sounds with (a name of them is no Mandarin reading)."""
_HAN = re.compile(r"[\u4e00-\u9fff]{2,8}")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def latin_place(place: str) -> str:
    """`place` romanised when it is written in Cyrillic and the romanisation leaves none, or
    in Chinese (`chinese_place`), else "" (a place in Latin letters already, or one the tables
    cannot give)."""
    if _HAN.fullmatch(place):
        return chinese_place(place)
    if not _CYRILLIC.search(place):
        return ""
    latin = EXONYMS.get(place) or romanize(place)
    return "" if _CYRILLIC.search(latin) else latin


def romanize(name: str) -> str:
    """`name` with its Cyrillic words in Latin letters (BGN/PCGN); other characters kept."""
    return _CYRILLIC_WORD.sub(lambda m: "-".join(_word(w) for w in m.group().split("-")), name)


def _word(word: str) -> str:
    out: list[str] = []
    prev = ""
    for ch in word:
        low = ch.lower()
        latin = _LETTERS.get(low, ch)
        if low in "её" and (not prev or prev in _VOWELS):
            latin = "y" + ("e" if low == "е" else "o")
        elif low == "ё":
            latin = "e"  # "Орёл" -> "Orel", as English spells it
        out.append(latin)
        prev = low
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def chinese_place(name: str) -> str:
    """A place written in Chinese characters in Latin letters: its English name (`ZH_EXONYMS`),
    else its pinyin, else "" (a name transcribing foreign sounds, or no `pypinyin`)."""
    bare = name[:-1] if name.endswith("市") and len(name) > 2 else name  # "大连市": the city
    if bare in ZH_EXONYMS:
        return ZH_EXONYMS[bare]
    if len(bare) >= 3 and sum(ch not in TRANSCRIPTION for ch in bare) <= 1:
        return ""  # "库尔勒" is Korla, not "Kuerle"
    return pinyin_name(bare)


def pinyin_name(name: str) -> str:
    """Toneless pinyin of `name`, its syllables joined (an apostrophe before a, o, e that open a
    syllable after the first) and the first letter capitalised; "" without `pypinyin`."""
    try:
        from pypinyin import Style, lazy_pinyin  # about a second and 120 MB: only when needed
    except ImportError:
        return ""
    syllables = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True, errors="ignore")
    if not syllables or not all(s.isalpha() for s in syllables):
        return ""
    joined = syllables[0] + "".join(f"'{s}" if s[0] in "aoe" else s for s in syllables[1:])
    return joined[:1].upper() + joined[1:]
