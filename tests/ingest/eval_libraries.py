"""Not a test: how trafilatura, jusText and dateparser do on our imitations (issue 12 item 6).

Run by hand after `pip install trafilatura justext dateparser lxml_html_clean` (none is a
dependency of scodiff): `python tests/ingest/eval_libraries.py`. Prints word precision and
recall of the body (against the `.words` files of tests/data/import/realistic/), titles right,
time, and dates right on date strings from the page imitations.
"""
# ruff: noqa: RUF001, E501, E702
import difflib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import justext
import test_ingest_realistic as R
import trafilatura

from compare.ingest import importer
from compare.ingest.html_source import declared_charset
from compare.ingest.preamble import find_date_place

R_DATA = Path(__file__).resolve().parents[1] / "data" / "import" / "realistic"
names = [n for n in sorted(R.CASES) if n.endswith(".html")]

def toks(t, lang):
    return R.tokens(t, lang)

def pr(expected, got):
    m = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    same = sum(b.size for b in m.get_matching_blocks())
    return same / max(1, len(got)), same / max(1, len(expected))

rows = {"scodiff": [], "trafilatura": [], "justext": []}
times = {k: 0.0 for k in rows}
titles = {k: 0 for k in rows}
for name in names:
    e = R.CASES[name]
    exp_text = (R_DATA / f"{name}.words").read_text(encoding="utf-8")
    title_exp = exp_text.split("\n", 1)[0]
    exp = toks(exp_text, e.language)
    data = (R_DATA / name).read_bytes()
    enc = declared_charset(data) or "utf-8"
    try:
        html = data.decode(enc)
    except UnicodeDecodeError:
        html = data.decode("utf-8")
    t = time.perf_counter(); d, _ = importer.parse_html(data, path=name); times["scodiff"] += time.perf_counter() - t
    got = R.stored_words(d)
    rows["scodiff"].append(pr(exp, got)); titles["scodiff"] += d.meta.title == title_exp
    t = time.perf_counter()
    doc = trafilatura.bare_extraction(html, include_comments=False, favor_recall=True, with_metadata=True)
    times["trafilatura"] += time.perf_counter() - t
    body = (doc.text if doc and doc.text else "") if not isinstance(doc, dict) else (doc.get("text") or "")
    ttl = (doc.title if doc else "") if not isinstance(doc, dict) else doc.get("title")
    rows["trafilatura"].append(pr(exp, toks((ttl or "") + " " + body, e.language))); titles["trafilatura"] += (ttl or "") == title_exp
    t = time.perf_counter()
    stop = justext.get_stoplist({"en": "English", "ru": "Russian", "zh": "English"}[e.language])
    paras = justext.justext(data, stop, encoding=enc if enc != "utf-8" else "utf-8")
    times["justext"] += time.perf_counter() - t
    jt = " ".join(p.text for p in paras if not p.is_boilerplate)
    rows["justext"].append(pr(exp, toks(jt, e.language)))
    print(name, {k: tuple(round(x, 2) for x in v[-1]) for k, v in rows.items()})
for k, v in rows.items():
    p = sum(x for x, _ in v) / len(v); r = sum(y for _, y in v) / len(v)
    print(f"{k}: precision {p:.3f} recall {r:.3f} titles {titles[k]}/{len(v)} time {times[k]:.2f}s")

dates = [("[Date] May 21, 2014", "2014-05-21"), ("Дата: 15 июня 2011 г.", "2011-06-15"),
         ("【日期】2018年6月10日", "2018-06-10"), ("Almaty, 12 March 2019", "2019-03-12"),
         ("二〇〇七年八月十六日于比什凯克", "2007-08-16"), ("16.08.2007", "2007-08-16"),
         ("Aug. 16, 2007", "2007-08-16"), ("2007/08/16", "2007-08-16"),
         ("Совершено в г. Бишкеке 16 августа 2007 года", "2007-08-16"),
         ("meeting in Tashkent on 3 November 2017, adopted", "2017-11-03"),
         ("16th of August 2007", "2007-08-16"), ("2007 年 8 月 16 日", "2007-08-16")]
ok_ours = ok_dp = 0
for text, want in dates:
    ours = find_date_place(text)[0]
    from dateparser.search import search_dates
    found = search_dates(text, settings={"DATE_ORDER": "DMY"}, languages=["en", "ru", "zh"])
    dp = found[0][1].date().isoformat() if found else ""
    ok_ours += ours == want; ok_dp += dp == want
    print(f"{text!r}: ours {ours} dateparser {dp}")
print(f"dates right: ours {ok_ours}/{len(dates)}, dateparser {ok_dp}/{len(dates)}")
