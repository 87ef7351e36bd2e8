"""The line rules of web text one at a time: chrome, metadata lines, citations, credits, doc numbers."""
from __future__ import annotations

from pathlib import Path

import pytest
from zgc.db.ingest.webtext import Facts, citation, credits, doc_number, is_chrome, metadata

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

CHROME = [
    "首页 > 新闻中心 > 正文", "首页>科技>要闻", "新闻中心 > 园区动态", "当前位置：首页 > 政务公开", "您当前所在位置:",
    "首页 › 通知公告", "正在阅读：射电天文观测迎来新平台", "科创新闻网|网站导航 客服 设为首页 登录", "返回", "【打印本页】 【关闭窗口】",
    "打印本页 关闭窗口", "[打印] [关闭]", "【字体:大 中 小】", "【字体：大 中 小】　　打印本页", "[字号 大 中 小]", "分享到： 微信 微博",
    "上一篇：全省科技工作会议召开", "下一篇：创新券补助资金开始申报", "上一版  下一版", "返回目录 上一篇 下一篇 打印",
    "责任编辑:刘洋", "【编辑：周婷】", "[ 责编：赵敏 ]", "版权所有：某市科学技术局", "京ICP备12345678号-1",
    "浏览次数：1234", "点击：次", "扫一扫在手机打开当前页", "关键词：科技创新 高新区", "推荐阅读", "第03版：综合新闻", "第05版",
    "17版：科技", "（原标题：高新技术企业认定管理工作指引修订发布）", "原标题：中关村示范区前沿科技企业数量突破千家",
    "特别声明：本文由平台用户上传，观点仅代表作者本人，本平台仅提供信息存储服务。", "首頁 > 新聞中心 > 正文", "【打印本頁】【關閉窗口】",
    "MSCR-2023-01005", "新华社北京3月17日电　题：为高新区高质量发展注入新动能",
]
NOT_CHROME = [
    "科技部火炬中心日前发布数据，2020年国家高新区实现营业收入超过40万亿元。", "国家高新区营业收入突破40万亿元",
    "返回舱成功着陆", "首页设计大赛在京举行", "分享经济成为新增长点", "关于印发《促进科技成果转化若干措施》的通知",
    "2019年1—11月，规模以上企业总收入超5.4万亿元，同比增长13.8%。", "上一年度技术合同成交额创新高", "中关村管委会主任翟立新表示",
    "编辑部的故事", "一、强化企业创新主体地位", "5G-A", "打印机产业链加快布局",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", NOT_CHROME)
def test_story_lines_are_not_chrome(line):
    assert not is_chrome(line)
    assert metadata(line) is None


META = [
    ("发布时间:2021/8/16 09:30:12  来源:科技日报", Facts("2021-08-16", False, "科技日报")),
    ("2017-03-02 10:15:00 来源:中国经济网", Facts("2017-03-02", False, "中国经济网")),
    ("时间:2016年11月08日 09:12", Facts("2016-11-08")),
    ("来源:光明日报", Facts(publication="光明日报")),
    ("作者:王明", Facts(authors=("王明",))),
    ("作者：李思雨 来源：光明日报 发布时间：2021-06-01 08:00", Facts("2021-06-01", False, "光明日报", ("李思雨",))),
    ("发布时间：2023-04-03 09:32:30 | 来源：中国网 | 作者：林晓 | 责任编辑：韩冰", Facts("2023-04-03", False, "中国网", ("林晓",))),
    ("作者：赵一鸣   责任编辑：孙婧   发布时间：2021-05-20", Facts("2021-05-20", False, None, ("赵一鸣",))),
    ("日期：2020-11-26  来源：经济日报  点击：356", Facts("2020-11-26", False, "经济日报")),
    ("2021年06月02日 10:28　来源：人民网", Facts("2021-06-02", False, "人民网")),
    ("2021-08-20 09:15:36　来源：经济日报　[字号 大 中 小]", Facts("2021-08-20", False, "经济日报")),
    ("来源：光明网2019-12-26 09:45", Facts("2019-12-26", False, "光明网")),
    ("2006-11-13 马骏 许静 来源：经济参考报", Facts("2006-11-13", False, "经济参考报", ("马骏", "许静"))),
    ("来源：未知 日期：2019-12-02 点击：次", Facts("2019-12-02")),
    ("今天 09:12　来源：经济日报", Facts(None, True, "经济日报")),
    ("昨天 18:20", Facts(None, True)),
    ("發布時間：2021-03-15 09:28　來源：科技日報", Facts("2021-03-15", False, "科技日報")),
    ("发布时间：2023-03-15 09:28信息来源：某市人民政府办公室", Facts("2023-03-15", False, "某市人民政府办公室")),
    ("2021-03-06 08:12:40", Facts("2021-03-06")),
    ("作者 | 林晓    责编 | 韩冰", Facts(authors=("林晓",))),
    ("记者：周雨涵、马骏", Facts(authors=("周雨涵", "马骏"))),
]
NOT_META = [
    "2018年12月27日", "2021年3月15日 星期一", "时间就是效率，效率就是生命。", "记者从科技部获悉，一批项目已启动。",
    "来源于企业的创新需求越来越多，推动了科技成果转化。", "2019年，我国共授权发明专利45.3万件。", "中关村国家自主创新示范区领导小组",
]


@pytest.mark.parametrize(("line", "facts"), META)
def test_metadata_lines(line, facts):
    assert metadata(line) == facts


@pytest.mark.parametrize("line", NOT_META)
def test_other_lines_are_not_metadata(line):
    assert metadata(line) is None


def test_citation_trailers():
    assert citation("《 人民日报 》（ 2021年02月02日 02 版）") == ("人民日报", "2021-02-02")
    assert citation("《光明日报》（2021年11月08日 03版）") == ("光明日报", "2021-11-08")
    assert citation("《中国高新技术产业导报》（2020年1月20日）") == ("中国高新技术产业导报", "2020-01-20")
    assert citation("《国务院关于同意支持中关村科技园区建设国家自主创新示范区的批复》") is None


def test_credits_and_doc_numbers():
    assert credits("编辑：于大勇 组版：王新明") == [("于大勇", "编辑"), ("王新明", "组版")]
    assert credits("[ 责编：赵敏 ]") == [("赵敏", "责编")]
    assert credits("责任编辑:刘洋") == [("刘洋", "责任编辑")]
    assert doc_number("某政办发〔2023〕9号") == "某政办发〔2023〕9号"
    assert doc_number("国科发火〔2021〕135号") == "国科发火〔2021〕135号"
    assert doc_number("经市人民政府同意，现将有关事项通知如下") is None


def test_no_line_of_a_seed_story_is_taken_for_chrome():
    """On the bundled pages, only the site's own lines and page credits are chrome."""
    from zgc.db.ingest.splitter import split_page

    for path in sorted(SEEDS.glob("*.txt")):
        for article in split_page(path.read_text(encoding="utf-8")):
            for line in article.body.split("\n"):
                assert not is_chrome(line), (path.name, line)


def test_a_channel_name_above_the_headline_is_not_the_title():
    from zgc.db.ingest.splitter import split_page

    page = ("政府信息公开\n\n云州新增国家高新技术企业20家\n\n发布机构: 市科技局 发布时间: 2021-01-14 字体: [ ]\n\n"
            "经审定备案，2020年云州市认定通过国家高新技术企业20家。\n\n全市高新技术产业呈现快速增长态势。\n")
    (a,) = split_page(page)
    assert (a.title, a.published, a.publication) == ("云州新增国家高新技术企业20家", "2021-01-14", "市科技局")
    assert "字体" not in a.body and "发布机构" not in a.body
