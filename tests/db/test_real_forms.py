"""Forms of real web pages, in pages of our own making: a headline that asks, a line giving the site's
address, its name and the time, a span of years to now that names no actor, a report counting what it covers."""
from __future__ import annotations

from zgc.db.extract.article import process_article
from zgc.db.ingest.splitter import split_page
from zgc.db.records import Article

PAGE = """当前位置 首 页 > 要闻
三赴云州高新区，总书记为何关注这里?
http://news.yunzhou.example.cn/  云州新闻网   2024-11-09 10:43:03

11月5日下午,习近平总书记到云州高新区考察,同科研人员深入交流。

2013年至今三赴云州实地调研,总书记对科技创新的关切始终如一。

编辑:王小明        责任编辑: 来源:云州日报客户端
"""


def test_a_headline_that_asks_and_the_site_line_under_it():
    (article,) = split_page(PAGE, None)
    assert article.title == "三赴云州高新区，总书记为何关注这里?"
    assert (article.published, article.publication) == ("2024-11-09", "云州新闻网")
    assert article.body.startswith("11月5日下午")


def test_a_visit_is_dated_and_acted_and_years_to_now_name_no_actor():
    (article,) = split_page(PAGE, None)
    events = process_article(article).events
    assert [(e.date, e.actor, e.action) for e in events] == [("2024-11-05", "习近平", "考察"), ("2013", None, "调研")]


def test_a_report_counting_what_it_covers():
    body = "本报告根据全国177家国家高新区2022年度统计数据，对高新区的发展情况进行了分析。"
    article = Article(title="国家高新区发展报告", body=body, kind="news", start=0, end=len(body), body_start=0,
                      published="2024-02-02")
    (m,) = process_article(article).metrics
    assert (m.text, m.subject) == ("177家", "国家高新区")
