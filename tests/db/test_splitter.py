"""Splitting pages into articles: the seed pages against the gold, and pages of our own making."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from zgc.db.ingest.splitter import content_date, split_page

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _norm(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum())


@pytest.mark.skipif(not GOLD.exists(), reason="the gold annotations live in ../shared")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_pages_split_like_the_gold(seed):
    gold = json.loads((GOLD / (seed.name + "").replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
    articles = split_page(seed.read_text(encoding="utf-8"))
    assert len(articles) == len(gold["articles"])
    for a, g in zip(articles, gold["articles"], strict=True):
        assert _norm(g["title"]) in _norm(a.title) or _norm(a.title) in _norm(g["title"])
        assert _norm(a.body).startswith(_norm(g["starts_with"])[:8])
        assert a.kind == g["kind"]
        assert a.published == g["published"]
        if g["kind"] in ("news", "policy"):
            assert sorted(a.authors) == sorted(g["authors"])
            assert a.publication == g["publication"]


PAGE = """\
科技日报
2021年3月5日 星期五
第12期(总第512期)

# 量子计算研究取得新突破

▶ 本报记者 王小明 李华

3月4日，某研究院发布新一代量子计算原型机。该原型机的算力提升10倍。

多方协同推进

研究院表示，将与多家企业共建联合实验室，推动成果转化。

## 某高新区新增科技企业500家

本报讯(记者 陈静)近日，某高新区管委会发布数据，一季度新增科技企业500家。

园区企业总收入同比增长12%，增速高于全市平均水平。

观众在展会现场参观量子计算原型机。

本报记者 王小明/摄

广告

欢迎订阅科技日报

订阅热线：010-12345678
"""


def test_a_page_of_our_own_making():
    arts = split_page(PAGE)
    assert [a.kind for a in arts] == ["news", "news", "caption", "ad"]
    first, second, caption, ad = arts
    assert first.title == "量子计算研究取得新突破"
    assert first.authors == ("王小明", "李华")
    assert "多方协同推进" in first.body  # a sub-heading stays inside its story
    assert first.body.startswith("3月4日")
    assert second.title == "某高新区新增科技企业500家"
    assert second.authors == ("陈静",)
    assert second.body.startswith("近日")
    assert caption.authors == ("王小明",)
    assert ad.title == "欢迎订阅科技日报"
    assert {a.publication for a in arts} == {"科技日报"}
    assert {a.published for a in arts} == {"2021-03-05"}


def test_a_story_broken_by_the_layout_is_joined_and_keeps_its_caption_apart():
    page = (
        "# 标题一号新闻\n\n本报讯 某市科技局日前印发实施方案，明确支持企业开展研发，并对符合条件的项目给予资金支持和"
        "配套服务，推动科技\n\n观众在展会上参观。\n\n本报记者 张三/摄\n\n成果转化落地见效。该方案自发布之日起施行。\n"
    )
    arts = split_page(page)
    assert [a.kind for a in arts] == ["news", "caption"]
    assert "推动科技成果转化落地见效" in arts[0].body


def test_a_government_notice_with_metadata():
    page = (
        "首页 > 政务公开 > 政策文件\n\n关于印发《某市促进科技成果转化若干措施》的通知\n\n"
        "发布日期：2021-06-01 信息来源：某市科学技术局\n\n【文号】：某科发〔2021〕12号\n\n"
        "各区科技局：\n\n现将《某市促进科技成果转化若干措施》印发给你们，请认真贯彻执行。\n\n"
        "某市科学技术局\n\n2021年5月28日\n\n【打印本页】 【关闭窗口】\n"
    )
    (notice,) = split_page(page)
    assert notice.kind == "policy"
    assert notice.title == "关于印发《某市促进科技成果转化若干措施》的通知"
    assert notice.published == "2021-06-01"
    assert notice.body.startswith("各区科技局")
    assert notice.doc_number == "某科发〔2021〕12号"
    assert "打印本页" not in notice.body


def test_a_plain_article_file_is_one_article():
    page = "中关村发布新政策\n\n近日，中关村管委会发布新一轮支持政策，涉及资金超过10亿元。\n\n2022年，政策开始实施。\n"
    (a,) = split_page(page)
    assert a.title == "中关村发布新政策" and a.kind == "news"
    assert a.published == "2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5月6日，某部发布2020年一季度数据。2019年全年增长。到2022年底将达12亿。", "2020-05"),
        ("2023年3月签约，今年1月投产，5月27日开幕，目标到2025年。", "2023"),
        ("试点建设期为2022—2025年。", "2022"),
        ("没有日期的文字。", None),
    ],
)
def test_content_date_is_the_tightest_the_text_supports(text, expected):
    assert content_date(text) == expected


def test_spans_point_into_the_source():
    for a in split_page(PAGE):
        assert 0 <= a.start < a.end <= len(PAGE)
        assert PAGE[a.body_start : a.body_start + 4] == a.body[:4]


@pytest.mark.parametrize("text", ["", "\n\n", "###", "本报讯", "▶ 本报记者 张伟", "广告", "# \n\n## \n"])
def test_degenerate_pages_do_not_raise(text):
    split_page(text)


def test_the_speaker_over_an_opinion_piece_is_a_person_of_it_with_the_post_given():
    page = ("云州日报\n\n2023年6月1日 星期四\n\n声音\n\n云州发展集团副总经理王明：\n\n"
            "加强国际创新资源平台建设 赋能创新主体\n\n近年来，云州发展集团围绕科技创新中心建设，"
            "持续推进国际创新资源平台建设。\n")
    articles = split_page(page)
    piece = next(a for a in articles if a.title.startswith("加强国际创新资源平台建设"))
    assert piece.credits == (("王明", "云州发展集团副总经理"),) and piece.authors == ()
    assert "王明" not in piece.title


@pytest.mark.parametrize(("line", "got"), [
    ("云州发展集团副总经理王明：", ("王明", "云州发展集团副总经理")),
    ("英国某某集团高级副总裁张玉明：", ("张玉明", "英国某某集团高级副总裁")),
    ("专家观点：", None), ("会议要求：", None),
])
def test_a_speaker_line_gives_the_name_and_the_post(line, got):
    from zgc.db.ingest.bylines import speaker

    assert speaker(line) == got


def test_the_bodies_a_masthead_names_go_with_the_page_s_first_article():
    page = ("云州科技网\n\n微信公众号\n\n科学技术部主管\n2023年6月1日 星期四\n第21期(总第1021期)\n\n云州科技报\n\n"
            "高新智库\n\n园区观察\n\n统一刊号 CN43—0001\n\n云州高新区营收增长\n\n本报讯 云州高新区今年营收增长12%。\n")
    articles = split_page(page)
    assert articles[0].masthead == ("云州科技网", "科学技术部", "高新智库")  # 园区观察: a section
    assert all(not a.masthead for a in articles[1:])
