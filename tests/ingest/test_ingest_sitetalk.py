"""The site's own talk, lines of addresses and notes on the copy (`ingest.sitetalk`).

Every page here is illustrative, invented for these tests in our own words: kinds of page
furniture no tuning set showed when the signals were written (a cookie banner, a contact line,
"Ctrl+Enter" requests, an advertisement and "Read also:" between two clauses, widgets named by
run-together class words), and the hard cases around them that must stay the text's (a heading,
"Done at ...", an address's "Dear friends," and "Thank you!", short list items, a clause about a
website). An editor's note that says what the copy is (a sample, not official) is furniture at
the text's edges; a translator's note about the text's words is a paragraph wherever it stands,
and so is any note inside the text.
"""

# ruff: noqa: RUF001  (Cyrillic and CJK letters are the test data)
from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.ingest.html_furniture import _named
from compare.ingest.signals import furniture_like, sentence_like, text_note
from compare.ingest.sitetalk import contact_line, copy_note, language_label, page_talk
from compare.model import Declaration


def parse(text: str) -> Declaration:
    return ingest.parse_text(text, path="t.txt")[0]


def units(decl: Declaration) -> list[str]:
    return [u.text for u in decl.units()]


@pytest.mark.parametrize("line", [
    "We use cookies to make this website work better. By browsing on you agree to their use.",
    "If you found a mistake in this text, select it and press Ctrl+Enter.",
    "To read this article in full, please enable JavaScript in your browser.",
    "Log in or register to leave a comment.",
    "Subscribe to read the full story. Already a subscriber? Sign in",
    "Read also: New airport opens in the south",
    "Advertisement",
    "Continue reading \u2192",
    "Share on Telegram",
    "Download the full document (212 KB) to continue reading",
    "Download our mobile app to follow the news of the region.",
    "You may also like",
    "More from Economy",
    "Was this document helpful? Yes (12) No (1)",
    "Great day for libraries in Samarkand! #SCO",
    "\u2014 Culture Desk (@culturedesk) April 23, 2153",
    "\u25b6 WATCH: How a new bridge was built (1:58)",
    "Save to my list \u2605 Add to favourites",
    "5 июля 2209 \U0001f441 934",
    "Related: Students open a summer school on the river",
    "The old fortress above the river. Photo: press service",
    "Малая ГЭС на горной реке. Фото из архива редакции",
    "The Digest collects headlines automatically and is not responsible for their content.",
    "About the author: a reporter who writes on cities",
    "Читайте также: в Омске открылась выставка",
    "Если вы заметили ошибку в тексте, выделите её и нажмите Ctrl+Enter",
    "Подписывайтесь на наш канал",
    "点击下载全文",
    "分享到：微信 微博",
    "扫一扫在手机打开当前页",
])
def test_the_site_speaking_of_the_page_is_furniture_never_running_text(line: str) -> None:
    assert page_talk(line) and furniture_like(line) and not sentence_like(line)


@pytest.mark.parametrize("line", [
    "The Member States will create a joint website on mountain tourism.",
    "The Member States subscribe to the principles of the Charter.",
    "I share your view that we must act together.",
    "The Secretariat will publish a newsletter on the work of the Organisation.",
    "Print media and broadcasting",
    "Share of exports",
    "Follow-up measures",
    "Report of the Secretary-General",
    "Item #5 of the agenda",
    "\u00a9 2150 Regional Herald",
    "The Member States will build related infrastructure for the photographic archives.",
    "Write to info@sco.example for the list of projects",
    "The ministers agreed to share data on the download speeds of rural networks.",
])
def test_a_clause_or_heading_that_names_the_web_is_no_site_talk(line: str) -> None:
    assert not page_talk(line)


def test_a_line_of_addresses_is_furniture_a_clause_with_an_address_is_not() -> None:
    for line in ("+7 (727) 555-01-23 | info@portal.example | Mon-Fri 9:00-18:00",
                 "https://portal.example/documents/2141/taraz-culture",
                 "Tel.: +996 312 61 00 00, fax: +996 312 61 00 01"):
        assert contact_line(line) and furniture_like(line), line
    for line in ("The Member States will publish the data at www.water.example every day.",
                 "Done at Taraz on 4 April 2141.", "The ministers met on 12 February 2170."):
        assert not contact_line(line), line


def test_a_note_on_the_copy_is_no_note_of_the_text() -> None:
    sample = ("Editor's note: this sample text was prepared for software testing and is not "
              "an official document.")
    assert copy_note(sample) and not text_note(sample)
    for line in ("Unofficial translation", "Check against delivery",
                 "Текст документа (рабочий перевод).", "Invented document for test purposes.",
                 "This is not a real document.", "Образец текста для тестирования программ",
                 "Page written for the archive's tuning tests"):
        assert copy_note(line), line
    for line in ("[Editor's note: this text follows the version circulated to the delegations.]",
                 "[Translator's note: the numbers are those of the original.]",
                 "Illustrative Declaration", "The ministers approved the illustrative list of "
                 "projects.", "The heads of member states of the illustrative organisation,",
                 "Laboratories prepared for testing seeds opened in 2090.",
                 "The member states will ban nuclear tests."):
        assert not copy_note(line), line


def test_class_words_run_together_name_page_furniture() -> None:
    for words in ({"socialshare"}, {"articlerating"}, {"readalso"}, {"mainmenu"},
                  {"sitefooter"}, {"cookiebar"}, {"socialembed"}):
        assert _named(words), words
    for words in ({"content"}, {"research"}, {"declaration", "text"}, {"entry", "body"}):
        assert not _named(words), words


TITLE = ("Declaration of the Ministers of Culture of the Member States on Museum Exchanges")


def test_cookie_banner_contacts_and_requests_around_a_text_are_left_out() -> None:
    decl = parse(f"Skip to main content\n+7 (727) 555-01-23 | info@portal.example\n\n{TITLE}\n\n"
                 "The ministers of culture met in Taraz on 4 April 2141.\n\n"
                 "The member states will lend each other works from their national museums.\n\n"
                 "Done at Taraz on 4 April 2141.\n\n"
                 "https://portal.example/documents/2141/taraz-culture\n"
                 "If you found a mistake in this text, please select it and press Ctrl+Enter.\n"
                 "We use cookies to make this website work better for you. By continuing to "
                 "browse the site you agree to our use of cookies.\nAccept\n")
    assert decl.meta.title == TITLE
    assert units(decl) == ["The ministers of culture met in Taraz on 4 April 2141.",
                           "The member states will lend each other works from their national "
                           "museums.", "Done at Taraz on 4 April 2141."]
    assert any("cookies" in x for x in decl.furniture)
    assert any("Ctrl+Enter" in x for x in decl.furniture)


def test_an_advertisement_between_two_clauses_does_not_end_the_text() -> None:
    decl = parse(f"{TITLE}\n\nThe ministers of culture met in Osh on 20 June 2144.\n\n"
                 "The member states will protect the old caravanserais of the region.\n"
                 "Advertisement\nRead also: New airport opens in the south\n"
                 "The member states will support the museums of mountain villages.\n\n"
                 "To read this article in full, please enable JavaScript in your browser.\n\n"
                 "The member states will create a joint website on museum routes.\n")
    assert units(decl) == ["The ministers of culture met in Osh on 20 June 2144.",
                           "The member states will protect the old caravanserais of the region.",
                           "The member states will support the museums of mountain villages.",
                           "The member states will create a joint website on museum routes."]
    assert {"Advertisement", "Read also: New airport opens in the south"} <= set(decl.furniture)


def test_a_russian_read_also_between_paragraphs_is_left_out() -> None:
    decl = parse("Версия для печати\nПоделиться\n\nСовместное заявление министров энергетики\n\n"
                 "Министры энергетики провели встречу в Омске 3 марта 2150 года.\n\n"
                 "Министры будут развивать сотрудничество в области энергетики.\n\n"
                 "Читайте также: В Омске открылась выставка\n\n"
                 "Министры договорились провести следующую встречу в 2151 году.\n\n"
                 "Если вы заметили ошибку в тексте, выделите её и нажмите Ctrl+Enter\n")
    assert units(decl)[-1] == "Министры договорились провести следующую встречу в 2151 году."
    assert len(units(decl)) == 3
    assert "Читайте также: В Омске открылась выставка" in decl.furniture


def test_an_address_keeps_its_salutation_and_thanks_among_the_sites_talk() -> None:
    decl = parse("Video (12:34) | Transcript | Photo gallery (24)\n\n"
                 "Address by the Secretary-General at the Youth Forum\n\nDear friends,\n\n"
                 "I am glad to greet you in Turkestan on 1 September 2147, at our forum.\n\n"
                 "This year young people from all member states will work on clean water.\n\n"
                 "Thank you!\n\nWatch the full video on our channel\nShare this video\n")
    assert units(decl) == ["Dear friends,", "I am glad to greet you in Turkestan on 1 September "
                           "2147, at our forum.", "This year young people from all member "
                           "states will work on clean water.", "Thank you!"]
    assert decl.meta.kind == "address"


def test_headings_and_short_items_stay_beside_repeated_site_lines() -> None:
    decl = parse(f"Steppe Herald\n14:05 Astana\n\n{TITLE}\n\nTags: grain, storage\n\n"
                 "The ministers met in Kokshetau on 8 August 2146 and declare as follows.\n\n"
                 "I. Storage\n\nThe member states will:\n- build grain silos;\n"
                 "- share harvest data;\n- train inspectors.\n\nII. Trade\n\n"
                 "The member states will meet again in 2147.\n\n"
                 "Done at Kokshetau on 8 August 2146.\n\nSteppe Herald\n15:20 Most read\n")
    assert [p.heading for p in decl.paragraphs if p.heading] == ["I. Storage", "II. Trade"]
    assert [i.text for p in decl.paragraphs for i in p.items] == [
        "build grain silos;", "share harvest data;", "train inspectors."]
    assert units(decl)[-1] == "Done at Kokshetau on 8 August 2146."
    assert "Tags: grain, storage" in decl.furniture


PAGE = ("<html><body><div class='topbarwrap'><span>USD 92.4 \u00b7 EUR 101.7</span></div>"
        "<div id='content'><h1>{title}</h1><p>The ministers of transport met in Pavlodar on 6 "
        "July 2145.</p><p>The member states will harmonise the rules of rail freight.</p>"
        "<div class='socialshare'><p>Telegram</p><p>VK</p></div>"
        "<p>The member states will build a common terminal for containers.</p>"
        "<div class='articlerating'><p>4.6 from 21 votes</p></div>"
        "<div class='readalso'><p>Rail link to the coast opens next spring</p></div>"
        "</div></body></html>")


def test_widgets_named_by_run_together_class_words_are_left_out_with_their_text_kept() -> None:
    title = "Declaration of the Ministers of Transport on Rail Freight"
    decl, _ = ingest.parse_html(PAGE.format(title=title).encode(), path="t.html")
    assert decl.meta.title == title
    assert units(decl) == ["The ministers of transport met in Pavlodar on 6 July 2145.",
                           "The member states will harmonise the rules of rail freight.",
                           "The member states will build a common terminal for containers."]
    assert "Rail link to the coast opens next spring" in decl.furniture
    kept, _ = ingest.parse_html(PAGE.format(title=title).encode(), path="t.html",
                                keep_furniture=True)
    assert "Rail link to the coast opens next spring" in units(kept)


BODY = ("The ministers of forestry of the member states met in Turkestan on 3 March 2071.\n\n"
        "1. The ministers will set up a shared register of tree seed collections.\n\n"
        "2. The ministers support joint field surveys of mountain walnut forests.\n")
FOREST = "Declaration of the Ministers of Forestry on Seed Banks"
SAMPLE = ("Editor's note: this sample text was prepared for software testing and is not an "
          "official document.")
TERMS = "[Translator's note: the word rendered as grove stands for a protected stand of trees.]"


@pytest.mark.parametrize("where", ["top", "end"])
def test_an_editors_note_on_the_copy_at_the_edges_is_furniture(where: str) -> None:
    top = where == "top"
    decl = parse(f"{FOREST}\n\n{SAMPLE}\n\n{BODY}" if top else f"{FOREST}\n\n{BODY}\n{SAMPLE}\n")
    assert SAMPLE in decl.furniture and len(decl.paragraphs) == 3


@pytest.mark.parametrize("where", ["top", "middle", "end"])
def test_a_translators_note_on_the_words_is_a_paragraph_wherever_it_stands(where: str) -> None:
    text = {"top": f"{FOREST}\n\n{TERMS}\n\n{BODY}", "end": f"{FOREST}\n\n{BODY}\n{TERMS}\n",
            "middle": f"{FOREST}\n\n" + BODY.replace("\n\n2.", f"\n\n{TERMS}\n\n2.")}[where]
    decl = parse(text)
    assert TERMS in units(decl) and TERMS not in decl.furniture


def test_a_note_on_the_copy_inside_the_text_is_kept() -> None:
    decl = parse(f"{FOREST}\n\n" + BODY.replace("\n\n2.", f"\n\n{SAMPLE}\n\n2."))
    assert SAMPLE in units(decl) and len(decl.paragraphs) == 4


def test_a_post_embedded_from_a_social_network_does_not_end_the_text() -> None:
    page = ("<html><body><article><h1>Declaration of the Ministers of Culture on Libraries</h1>"
            "<p>The ministers of culture met in Samarkand on 23 April 2153.</p>"
            "<p>The member states will:</p><ul><li>digitise rare books;</li>"
            "<li>exchange librarians.</li></ul><blockquote><p>Great day for libraries! #SCO</p>"
            "\u2014 Culture Desk (@culturedesk) April 23, 2153</blockquote>"
            "<p>The member states will meet again in 2155.</p></article></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert units(decl) == ["The ministers of culture met in Samarkand on 23 April 2153.",
                           "The member states will:", "digitise rare books;",
                           "exchange librarians.", "The member states will meet again in 2155."]
    assert "Great day for libraries! #SCO" in decl.furniture


def test_the_label_over_one_languages_half_is_left_out_and_ends_nothing() -> None:
    assert language_label("English text") and language_label("Текст на русском языке")
    assert not language_label("The English text of the Charter is authentic.")
    decl = parse("Совместное заявление министров / Joint Statement of the Ministers\n\n"
                 "Министры встретились в Оше 5 мая 2090 года.\n\n"
                 "Министры будут сотрудничать в области туризма.\n\nEnglish text\n\n"
                 "The ministers met in Osh on 5 May 2090.\n\n"
                 "The ministers will cooperate in tourism.\n")
    assert units(decl)[-2:] == ["The ministers met in Osh on 5 May 2090.",
                                "The ministers will cooperate in tourism."]
    assert "English text" in decl.furniture and not any(p.heading for p in decl.paragraphs)


def test_a_news_feed_under_the_text_and_a_box_of_the_sites_talk_are_left_out() -> None:
    decl = parse(f"{TITLE}\n\nThe ministers of culture met in Aktobe on 12 May 2155.\n\n"
                 "The ministers will open three museums of the steppe.\n\n"
                 "12.05.2155 10:02 Drivers of lorries wait for hours at the border posts.\n"
                 "11.05.2155 18:40 The customs services agreed on a pilot project.\n")
    assert len(units(decl)) == 2 and len(decl.furniture) == 2
    page = ("<html><body><main><h1>Statement of the Ministers on Rescue Teams</h1>"
            "<p>The ministers met in Barnaul on 2 July 2157.</p><p>The member states will send "
            "rescue teams within twelve hours.</p><div class='c-box'><h3>Stay informed</h3>"
            "<p>Get alerts about emergencies in your region by text message. Sign up free.</p>"
            "</div><p>The member states will hold a joint exercise every second year.</p>"
            "</main></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert len(units(decl)) == 3 and units(decl)[-1].startswith("The member states will hold")
    assert any("Sign up free" in x for x in decl.furniture)


def test_a_pdf_viewers_toolbar_and_running_head_at_a_page_break_end_nothing() -> None:
    decl = parse("DocHost \u00b7 Upload \u00b7 Log in\nPage 1 / 2      Zoom 100 %\n"
                 f"{TITLE}\n\n1. The ministers of culture met in Astana on 19 January 2207.\n\n"
                 "2. The ministers observed that old museums lose heat in winter.\n\n"
                 "Page 2 / 2      Zoom 100 %\nMIN/EN/2207/2\n"
                 "3. The member states will insulate the old museums by 2209.\n\n"
                 "Page 3 / 3      Zoom 100 %\nMIN/EN/2207/2\n"
                 "4. The ministers will report on the work in 2208.\n\n"
                 "Done at Astana on 19 January 2207.\n")
    assert [u.text for u in decl.units()][-3:] == [
        "The member states will insulate the old museums by 2209.",
        "The ministers will report on the work in 2208.", "Done at Astana on 19 January 2207."]
    assert "Page 2 / 2 Zoom 100 %" in decl.furniture and "MIN/EN/2207/2" in decl.furniture


def test_a_russian_title_in_sentence_case_under_a_news_lead_is_the_title() -> None:
    title = "Совместное заявление министров транспорта о беспилотниках"
    decl = parse("Новости Политика Экономика\n18:04, 25 июня 2205\n"
                 "Министры договорились о единых правилах для беспилотников\n"
                 "Публикуем полный текст совместного заявления.\n"
                 f"{title}\nМинистры транспорта встретились в Чолпон-Ате 24 июня 2205 года.\n"
                 "Министры признали, что беспилотники применяются всё шире.\n"
                 "Читайте также: Почтовые дроны начали летать в сёла\n"
                 "Государства-члены будут признавать удостоверения операторов других стран.\n"
                 "Подписывайтесь на наш канал в Telegram\n")
    assert decl.meta.title == title
    assert units(decl) == ["Министры транспорта встретились в Чолпон-Ате 24 июня 2205 года.",
                           "Министры признали, что беспилотники применяются всё шире.",
                           "Государства-члены будут признавать удостоверения операторов других "
                           "стран."]


def test_a_running_head_past_a_page_counter_is_no_title_after_a_lead() -> None:
    head = "上海合作组织成员国科技部长会议联合公报　　　　示例文件（软件测试用）"
    title = "上海合作组织成员国科技部长会议联合公报"
    decl = parse(f"文档分享平台　　登录\n第 1 页 / 共 2 页\n{head}\n{title}\n\n"
                 "上海合作组织成员国科技部长于2206年1月9日在哈尔滨举行会议。\n\n"
                 "部长们讨论了寒冷地区建筑材料和交通设备的联合研究。\n"
                 f"第 2 页 / 共 2 页\n{head}\n"
                 "部长们同意每年互派青年科研人员进行为期三个月的访问。\n")
    assert decl.meta.title == "上海合作组织成员国科技部长会议联合公报"
    assert len(units(decl)) == 3 and units(decl)[0].startswith("上海合作组织成员国科技部长于")
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Harbin", "哈尔滨")


def test_headlines_under_a_related_label_and_a_full_text_headline_are_left_out() -> None:
    title = "上海合作组织成员国交通部长会议喀什宣言"
    decl = parse("首页 > 新闻 > 正文\n喀什宣言全文\n"
                 f"{title}\n上海合作组织成员国交通部长于2201年8月14日在喀什举行会议，通过本宣言。\n"
                 "成员国将在主要口岸开设货车快速通道。\n相关阅读：\n跨境班列开行数量创新高\n"
                 "口岸通关时间进一步缩短\n成员国将于2203年在杭州举行下一次会议。\n返回顶部\n")
    assert decl.meta.title == title
    assert units(decl) == ["上海合作组织成员国交通部长于2201年8月14日在喀什举行会议，通过本宣言。",
                           "成员国将在主要口岸开设货车快速通道。",
                           "成员国将于2203年在杭州举行下一次会议。"]
    assert {"跨境班列开行数量创新高", "口岸通关时间进一步缩短"} <= set(decl.furniture)
    assert decl.meta.meeting.place == "Kashgar"


def test_a_letterhead_in_capitals_over_a_title_in_title_case_is_not_part_of_it() -> None:
    title = "Joint Communiqué of the Meeting of the Heads of Customs Services"
    decl = parse(f"CERTIFIED TRUE COPY\n\nSHANGHAI COOPERATION ORGANISATION\n{title}\n\n"
                 "The heads of customs services met in Osh on 27 November 2192.\n\n"
                 "The member states will use electronic seals on lorries.\n")
    assert decl.meta.title == title
    assert "SHANGHAI COOPERATION ORGANISATION" in decl.furniture
