"""Saved web pages and PDFs for the reader's tests, written on demand into a folder.

Every function writes one file at `path` (a file path; its folder must exist) and
returns what a careful reader would say the file holds:

    {"title": ..., "published": "YYYY-MM-DD", "publication": ..., "authors": [...],
     "body_contains": [sentences of the main text],
     "not_in_body": [site chrome: menus, breadcrumbs, share bars, footers ...]}

plus a few keys of its own where the page says more (the notice's "doc_number",
"issuer", "written"; the news page's "sitename"; the PDF's "in_order"), and for
web pages "headings": sub-headings that should stand as lines of their own, not
run into the paragraphs around them. A news story's byline lead-in (本报讯（记者
…）) is left out of "body_contains": a reader may keep it or take it off. Files
that hold no article (no text layer, encrypted, cut short, not a PDF at all,
scripts only, 50 MB of markup, garbage) return {}.

The content is invented (云州市 is no real city) but shaped like real pages: a
government CMS notice with its 索引号 table, a news page with 来源/作者/发布时间,
an old GBK site. Text in a PDF wraps at any character, so compare the
strings of `body_contains`, `in_order` and `not_in_body` with the extracted
text after removing white space (U+3000 included) from both.

reportlab is a test dependency, imported inside the PDF functions only.
"""
from __future__ import annotations

import html
import random
import re
import zipfile
from pathlib import Path

# --------------------------------------------------------------------------- HTML

_GOV_TITLE = "云州市科学技术局关于开展2024年度高新技术企业认定工作的通知"
_GOV_NUMBER = "云科发〔2024〕12号"
_GOV_ISSUER = "云州市科学技术局"

_GOV_PARAS = [
    ("p", "各区县科技主管部门，各有关单位："),
    ("p", "为深入实施创新驱动发展战略，加快培育壮大高新技术企业群体，根据科技部、财政部、税务总局《高新技术企业认定管理办法》和"
          "《高新技术企业认定管理工作指引》有关规定，现将2024年度高新技术企业认定工作有关事项通知如下。"),
    ("h3", "一、申报条件"),
    ("p", "申报企业须在云州市行政区域内注册成立一年以上，且在申报前已获得对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权。"),
    ("p", "企业近三个会计年度的研究开发费用总额占同期销售收入总额的比例符合规定要求，其中最近一年销售收入小于5000万元（含）的企业，比例不低于5%。"),
    ("h3", "二、申报时间"),
    ("p", "本年度认定工作分两批进行，具体安排如下："),
    ("table", [["批次", "网上申报截止", "纸质材料报送截止"],
               ["第一批", "2024年5月31日", "2024年6月7日"],
               ["第二批", "2024年8月15日", "2024年8月22日"]]),
    ("h3", "三、申报材料"),
    ("p", "企业完成网上注册和申报后，将纸质申报材料一式两份报送至所在区县科技主管部门，逾期不予受理。"),
    ("h3", "四、工作要求"),
    ("p", "各区县科技主管部门要加强政策宣传和申报辅导，对企业申报材料的真实性进行审核，严禁弄虚作假。"),
    ("p", "对首次认定的高新技术企业，市科技局给予一次性奖励20万元；对重新认定的高新技术企业，给予一次性奖励10万元。"),
    ("p", "联系人：高新技术处 周敏，电话：8812 3456。"),
    ("p", "附件：1. 2024年度高新技术企业认定申报材料清单"),
    ("p", "2. 企业研究开发费用结构明细表"),
    ("sign", "云州市科学技术局"),
    ("sign", "2024年3月15日"),
]

_NEWS_TITLE = "云州高新区前三季度营业收入达1826.4亿元"
_NEWS_PARAS = [
    ("p", "本报讯（记者 王晓明 通讯员 李静）记者10月20日从云州高新区管委会获悉，今年前三季度，云州高新区实现营业收入1826.4亿元，"
          "同比增长12.7%；规模以上工业增加值同比增长9.3%，增速高于全市平均水平3.1个百分点。"),
    ("img", "云州高新区科技企业孵化器"),
    ("h3", "创新主体持续壮大"),
    ("p", "截至9月底，全区有效期内高新技术企业达到1268家，较去年同期增加173家；科技型中小企业入库1935家。"),
    ("p", "前三季度，全区企业研发投入达到56.8亿元，同比增长18.2%，研发投入强度达到3.1%。"),
    ("h3", "重点产业加快集聚"),
    ("p", "生物医药、新一代信息技术和新材料三大主导产业实现营业收入1142.6亿元，占全区营业收入的62.6%。"),
    ("p", "园区新引进亿元以上产业项目42个，总投资达到386亿元。"),
    ("p", "云州高新区管委会主任刘建国表示，下一步将围绕主导产业链精准招商，力争全年营业收入突破2500亿元。"),
]


def _body_html(paras) -> str:
    out = []
    for kind, value in paras:
        if kind == "p":
            out.append(f'<p style="text-indent:2em;">{html.escape(value)}</p>')
        elif kind == "h3":
            out.append(f"<h3>{html.escape(value)}</h3>")
        elif kind == "sign":
            out.append(f'<p style="text-align:right;">{html.escape(value)}</p>')
        elif kind == "img":
            out.append(f'<p style="text-align:center;"><img src="/uploads/2024/10/p1.jpg" alt="{value}" width="600"></p>'
                       f'<p class="pic-note" style="text-align:center;">图为{value}。 王晓明 摄</p>')
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in value)
            out.append(f'<table class="MsoTableGrid" border="1" cellspacing="0" width="90%"><tbody>{rows}</tbody></table>')
    return "\n".join(out)


def _sentences(paras, *kinds: str) -> list[str]:
    """The paragraphs of these kinds, each without a leading 本报讯（…） byline."""
    return [re.sub(r"^本报讯（[^）]*）", "", value) for kind, value in paras if kind in kinds]


def _gov_notice_markup() -> str:
    meta_rows = [("索引号", "11530100MB0A12345X/2024-00123", "主题分类", "科技、教育/科技"),
                 ("发文机关", _GOV_ISSUER, "成文日期", "2024年03月15日"),
                 ("标题", _GOV_TITLE, None, None),
                 ("发文字号", _GOV_NUMBER, "发布日期", "2024年03月18日")]
    table = []
    for k1, v1, k2, v2 in meta_rows:
        if k2 is None:
            table.append(f'<tr><td class="t1">{k1}：</td><td colspan="3">{v1}</td></tr>')
        else:
            table.append(f'<tr><td class="t1">{k1}：</td><td>{v1}</td><td class="t1">{k2}：</td><td>{v2}</td></tr>')
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{_GOV_TITLE}_通知公告_云州市科学技术局</title>
<meta name="SiteName" content="云州市科学技术局">
<meta name="SiteDomain" content="kjj.yunzhou.gov.cn">
<meta name="SiteIDCode" content="5301000012">
<meta name="ColumnName" content="通知公告">
<meta name="ColumnType" content="通知公告">
<meta name="ArticleTitle" content="{_GOV_TITLE}">
<meta name="PubDate" content="2024-03-18 16:20">
<meta name="ContentSource" content="{_GOV_ISSUER}">
<meta name="Keywords" content="高新技术企业,认定">
<link rel="stylesheet" href="/images/common.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body>
<div class="top-bar"><div class="w1200">
  <span class="today" id="today">2024年03月20日 星期三</span>
  <a href="javascript:void(0)" onclick="SetHome(this)">设为首页</a> | <a href="javascript:void(0)" onclick="AddFavorite()">加入收藏</a> |
  <a href="/wza/">无障碍浏览</a> | <a href="/yd/">移动版</a>
</div></div>
<div class="header"><div class="w1200">
  <a class="logo" href="/"><img src="/images/logo.png" alt="云州市科学技术局"></a>
  <form class="search" action="/search/"><input type="text" name="q" placeholder="请输入关键字"><button>搜索</button></form>
</div></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/jgzn/">机构职能</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zcwj/">政策文件</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></div>
<div class="w1200 main">
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zc/">政策</a> &gt; <a href="/zc/tzgg/">通知公告</a></div>
  <div class="xxgk-table"><table class="table_suoyin" width="100%" cellspacing="0" cellpadding="0"><tbody>
  {"".join(table)}
  </tbody></table></div>
  <div class="article">
    <h1 class="article-title">{_GOV_TITLE}</h1>
    <div class="article-info">发布时间：2024-03-18 16:20　来源：{_GOV_ISSUER}　浏览次数：<span id="hits">1287</span>
      【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
    <div class="article-content TRS_Editor" id="zoom">
{_body_html(_GOV_PARAS)}
    </div>
    <div class="article-attach"><ul>
      <li><a href="/u/cms/2024/0318/fj1.docx">附件1：2024年度高新技术企业认定申报材料清单.docx</a></li>
      <li><a href="/u/cms/2024/0318/fj2.xlsx">附件2：企业研究开发费用结构明细表.xlsx</a></li>
    </ul></div>
    <div class="article-tools">
      <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>
      <div class="qr">扫一扫在手机打开当前页<img src="/qr.png" alt=""></div>
    </div>
    <div class="related"><h4>相关文件</h4><ul>
      <li><a href="/zc/tzgg/202301/t20230310_1.html">云州市科学技术局关于公布2023年度高新技术企业名单的通知</a><span>2023-12-28</span></li>
    </ul></div>
  </div>
</div>
<div class="footer"><div class="w1200">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sm/">网站声明</a></p>
  <p>主办单位：云州市科学技术局　地址：云州市创新大道88号　邮编：650000</p>
  <p>版权所有：云州市科学技术局　<a href="https://beian.miit.gov.cn/">云ICP备05012345号-1</a>　云公网安备 53010202000123号　网站标识码：5301000012</p>
  <p>Copyright © 2008-2024 All Rights Reserved</p>
</div></div>
<script src="/js/common.js"></script>
</body>
</html>
"""


def gov_notice_html(path) -> dict:
    """A 科技局 notice on 高新技术企业认定 inside a government CMS template (UTF-8).

    Chrome: top bar with today's date, nav menu, breadcrumb, the 索引号/发文机关/发文字号/
    成文日期/发布日期/主题分类 table (metadata, not body), 【字体】, print/close links,
    attachments list, related files, footer with ICP line. The body holds a <table>
    of deadlines. 成文日期 (2024-03-15) differs from 发布日期 (2024-03-18); the page
    also shows today's date (2024-03-20) and deadlines in May and August.
    """
    Path(path).write_text(_gov_notice_markup(), encoding="utf-8")
    return {
        "title": _GOV_TITLE,
        "published": "2024-03-18",
        "written": "2024-03-15",
        "publication": _GOV_ISSUER,
        "authors": [],
        "issuer": _GOV_ISSUER,
        "doc_number": _GOV_NUMBER,
        "headings": _sentences(_GOV_PARAS, "h3"),
        "body_contains": [s for s in _sentences(_GOV_PARAS, "p") if len(s) > 30] + ["一、申报条件", "2024年5月31日"],
        "not_in_body": ["设为首页", "加入收藏", "无障碍浏览", "当前位置", "机构职能", "索引号", "主题分类",
                        "字体", "打印本页", "关闭窗口", "扫一扫", "相关文件", "网站地图", "版权所有", "ICP备", "网站标识码"],
    }


def _news_markup(charset_tag: str = '<meta charset="utf-8">') -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
{charset_tag}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_NEWS_TITLE}_园区动态_云州科技网</title>
<meta name="keywords" content="云州高新区,营业收入,高新技术企业">
<meta name="description" content="今年前三季度，云州高新区实现营业收入1826.4亿元，同比增长12.7%。">
<link rel="stylesheet" href="/static/css/style.css">
<script>window.__CONFIG__ = {{"channel": "yqdt", "id": 88231}};</script>
</head>
<body>
<div class="topbar">
  <div class="date">2024年10月25日 星期五</div>
  <div class="links"><a href="/">设为首页</a> <a href="#">加入收藏</a> <a href="/app/">客户端下载</a></div>
</div>
<div class="header"><a href="/" class="logo">云州科技网</a></div>
<nav class="menu">
  <a href="/">首页</a> <a href="/news/">要闻</a> <a href="/yqdt/">园区动态</a> <a href="/cxcy/">创新创业</a>
  <a href="/zcjd/">政策解读</a> <a href="/kjjr/">科技金融</a> <a href="/video/">视频</a>
</nav>
<div class="container">
  <div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/yqdt/">园区动态</a> &gt; 正文</div>
  <div class="left">
    <div class="article">
      <h1>{_NEWS_TITLE}</h1>
      <div class="info">
        <span>来源：云州日报</span> <span>作者：王晓明 李静</span> <span>发布时间：2024-10-21 09:35</span>
        <span class="font">【字体：<a href="#" data-s="18">大</a> <a href="#" data-s="16">中</a> <a href="#" data-s="14">小</a>】</span>
      </div>
      <div class="content" id="content">
{_body_html(_NEWS_PARAS)}
      </div>
      <div class="editor">责任编辑：赵敏</div>
      <div class="share">分享到：<a class="wx" href="#">微信</a> <a class="wb" href="#">新浪微博</a> <a class="qz" href="#">QQ空间</a></div>
      <div class="prenext">
        <p>上一篇：<a href="/yqdt/202410/t20241020_88230.html">云州市出台支持新型研发机构发展若干措施</a></p>
        <p>下一篇：<a href="/yqdt/202410/t20241021_88232.html">云州高新区举办2024年科技成果转化对接会</a></p>
      </div>
    </div>
    <div class="related"><h3>相关新闻</h3><ul>
      <li><a href="/news/202410/t20241018_88101.html">云州市召开2024年科技创新大会</a><span>2024-10-18</span></li>
      <li><a href="/news/202409/t20240927_87512.html">云州高新区获批国家级科技企业孵化器</a><span>2024-09-27</span></li>
    </ul></div>
  </div>
  <div class="right">
    <div class="box"><h3>热点排行</h3><ol>
      <li><a href="/news/1.html">全市科技型中小企业评价入库突破5000家</a></li>
      <li><a href="/news/2.html">云州发布人工智能产业发展三年行动方案</a></li>
    </ol></div>
    <div class="box"><h3>关注我们</h3><img src="/static/qr.jpg" alt="微信公众号二维码"><p>扫码关注云州科技网微信公众号</p></div>
  </div>
</div>
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/contact/">联系我们</a> | <a href="/copyright/">版权声明</a></p>
  <p>云州科技网 版权所有 未经授权禁止复制或建立镜像　云ICP备10023456号　互联网新闻信息服务许可证：53120170001</p>
  <p>Copyright © 2010-2024 www.yunzhoukj.cn All Rights Reserved.</p>
</div>
<script>(function(){{var s=document.createElement("script");s.src="/static/js/stat.js";document.body.appendChild(s);}})();</script>
</body>
</html>
"""


_NEWS_CHROME = ["设为首页", "加入收藏", "客户端下载", "园区动态", "字体", "责任编辑", "分享到", "新浪微博", "上一篇", "下一篇",
                "云州市出台支持新型研发机构发展若干措施", "相关新闻", "云州市召开2024年科技创新大会", "热点排行",
                "扫码关注", "版权所有", "ICP备", "Copyright"]


def _news_expect() -> dict:
    return {
        "title": _NEWS_TITLE,
        "published": "2024-10-21",
        "publication": "云州日报",
        "sitename": "云州科技网",
        "authors": ["王晓明", "李静"],
        "headings": _sentences(_NEWS_PARAS, "h3"),
        "body_contains": [*_sentences(_NEWS_PARAS, "p"), "创新主体持续壮大", "重点产业加快集聚"],
        "not_in_body": list(_NEWS_CHROME),
    }


def news_html(path) -> dict:
    """A 高新区 revenue story on a news site (UTF-8), 来源/作者/发布时间 in one line.

    Traps: the <title> carries 栏目 and site name; the top bar shows another date
    (2024-10-25) and the related list older ones; 责任编辑 is not an author.
    """
    Path(path).write_text(_news_markup(), encoding="utf-8")
    return _news_expect()


_GBK_TITLE = "云州市2024年技术合同成交额突破300亿元"
_GBK_PARAS = [
    ("p", "记者从云州市科学技术局获悉，2024年全市共登记技术合同6215项，成交额达到312.6亿元，同比增长21.4%。"),
    ("h3", "高校院所成为技术输出主力"),
    ("p", "其中，高校和科研院所输出技术合同1873项，成交额96.2亿元，占全市成交额的30.8%。"),
    ("p", "云州大学技术转移中心主任陈喆介绍，学校今年新建了概念验证中心，帮助38项科研成果走出实验室。"),
]


def gbk_html(path, declare: str = "meta") -> dict:
    """An old-style page in GBK bytes, with no UTF-8 anywhere.

    declare="meta": <meta charset="gbk">; declare="http-equiv": <meta http-equiv=
    "Content-Type" content="text/html; charset=gb2312">. Either way the text holds
    喆, which is in GBK but not GB2312 (as on many real pages labelled gb2312), so
    a gb2312/gbk label must be decoded as gb18030, the way browsers do.
    """
    if declare == "meta":
        tag = '<meta charset="gbk">'
    elif declare == "http-equiv":
        tag = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    else:
        raise ValueError(f"declare must be 'meta' or 'http-equiv', not {declare!r}")
    markup = f"""<html>
<head>
{tag}
<title>{_GBK_TITLE}－云州科技信息网</title>
</head>
<body>
<table width="980" align="center"><tr><td class="nav">
<a href="/">网站首页</a>｜<a href="/kjdt/">科技动态</a>｜<a href="/tzgg/">通知公告</a>｜<a href="/bszn/">办事指南</a>
</td></tr></table>
<table width="980" align="center"><tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/kjdt/">科技动态</a></td></tr></table>
<table width="980" align="center"><tr><td align="center"><h2>{_GBK_TITLE}</h2></td></tr>
<tr><td align="center" class="info">来源：云州日报　作者：孙立　发布时间：2025-01-08　点击数：562</td></tr>
<tr><td class="content">
{_body_html(_GBK_PARAS)}
</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印此文</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
<table width="980" align="center"><tr><td class="footer" align="center">
版权所有：云州科技信息网　云ICP备09001234号<br>技术支持：云州网络科技有限公司
</td></tr></table>
</body>
</html>
"""
    Path(path).write_bytes(markup.encode("gbk"))
    return {
        "title": _GBK_TITLE,
        "published": "2025-01-08",
        "publication": "云州日报",
        "authors": ["孙立"],
        "encoding": "gbk",
        "headings": _sentences(_GBK_PARAS, "h3"),
        "body_contains": _sentences(_GBK_PARAS, "p"),
        "not_in_body": ["网站首页", "您现在的位置", "点击数", "打印此文", "关闭窗口", "版权所有", "ICP备", "技术支持"],
    }


def truncated_html(path) -> dict:
    """The news page cut off inside its third body paragraph, in the middle of a UTF-8 character.

    No closing tags, no footer. What precedes the cut is still there to read, so
    this returns the title, date, source, authors and the first paragraphs; the
    dict says "truncated": True.
    """
    data = _news_markup().encode("utf-8")
    cut_at = _NEWS_PARAS[4][1][:20]  # inside "前三季度，全区企业研发投入..."
    end = data.index(cut_at.encode("utf-8")) + len(cut_at.encode("utf-8")) - 1  # one byte short of a character
    Path(path).write_bytes(data[:end])
    expect = _news_expect()
    expect["body_contains"] = _sentences([_NEWS_PARAS[0], _NEWS_PARAS[3]], "p")
    expect["headings"] = [_NEWS_PARAS[2][1]]
    expect["not_in_body"] = ["设为首页", "加入收藏", "客户端下载", "字体"]
    expect["truncated"] = True
    return expect


def scripts_only_html(path) -> dict:
    """A page that is all <script> and <style>: a client-side app shell with a <noscript> note."""
    Path(path).write_text("""<!DOCTYPE html><html><head><meta charset="utf-8"><title></title>
<style>body{margin:0}#app{min-height:100vh}.loading{color:#999}</style>
<script>window.__INITIAL_STATE__={"route":"/detail/88231","user":null};</script>
<script src="/static/js/chunk-vendors.3f1a2b.js"></script>
<script src="/static/js/app.9c8d7e.js"></script>
</head><body><noscript>请开启浏览器的JavaScript功能后访问本站</noscript><div id="app"></div>
<script>if(!window.Promise){document.write('<script src="/static/js/polyfill.js"><\\/script>')}</script>
</body></html>
""", encoding="utf-8")
    return {}


def huge_html(path, mb: int = 50) -> dict:
    """About `mb` MiB of link-list markup with no article, written in 1 MiB chunks (never held whole)."""
    target = int(mb * 1024 * 1024)
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>云州科技网 栏目列表</title></head><body><div class="list">\n'
    tail = "</div></body></html>\n"
    written = 0
    i = 0
    with open(path, "wb") as out:
        out.write(head.encode("utf-8"))
        written += len(head.encode("utf-8"))
        while written < target - len(tail):
            rows = []
            size = 0
            while size < 1024 * 1024 and written + size < target - len(tail):
                row = (f'<div class="row"><a href="/list/{i}.html">云州科技网栏目链接第{i}条</a>'
                       f'<span class="d">2024-01-{i % 28 + 1:02d}</span></div>\n').encode()
                rows.append(row)
                size += len(row)
                i += 1
            out.write(b"".join(rows))
            written += size
        out.write(tail.encode("utf-8"))
    return {}


def garbage_html(path, size: int = 256 * 1024) -> dict:
    """Random bytes (seeded) under an .html name."""
    Path(path).write_bytes(random.Random(2024).randbytes(size))
    return {}


# --------------------------------------------------------------------------- PDF

_PDF_TITLE = "云州市促进高新技术企业高质量发展的若干措施"
_PDF_HEADER = "云州市科学技术局　政策文件汇编"
_PDF_ARTICLES = [
    "第一条　为加快培育高新技术企业，推动全市科技型企业梯次成长，结合本市实际，制定本措施。本措施适用于在云州市行政区域内注册、具有独立法人资格的企业。",
    "第二条　建立高新技术企业培育库，对入库企业给予辅导服务。入库企业研发费用加计扣除后仍有缺口的，市财政按照其上年度研发投入增量的10%给予补助，单个企业每年最高不超过100万元。",
    "第三条　对首次通过认定的高新技术企业，给予一次性奖励20万元；对有效期满后重新通过认定的高新技术企业，给予一次性奖励10万元。",
    "第四条　支持企业建设研发机构。对新认定的国家级企业技术中心、重点实验室，给予一次性奖励500万元；对新认定的省级研发机构，给予一次性奖励100万元。",
    "第五条　鼓励企业开展产学研合作。企业委托高校和科研院所开展研发活动的，按照技术合同实际交易额的20%给予补助，每年最高不超过50万元。",
    "第六条　支持科技成果在本市转化落地。对在本市实施转化的重大科技成果项目，经评审后按照项目总投资的10%给予支持，最高不超过1000万元。",
    "第七条　加大科技金融支持力度。设立规模10亿元的科技创新投资基金，重点投向种子期、初创期科技型企业，对合作银行发放的科技信贷给予风险补偿。",
    "第八条　强化科技人才支撑。对高新技术企业引进的高层次科技人才，在住房、子女入学、医疗保障等方面给予优先保障，并按规定给予个人所得税奖励。",
    "第九条　优化科技服务供给。支持建设科技企业孵化器、众创空间等创新创业载体，对新认定的国家级科技企业孵化器给予一次性奖励300万元。",
    "第十条　推进知识产权创造运用。对企业获得的发明专利授权给予每件5000元资助，对开展知识产权质押融资的企业给予贴息补助。",
    "第十一条　各区县应当参照本措施制定配套政策，市科技局会同市财政局负责对政策落实情况开展绩效评价，评价结果作为资金安排的重要依据。",
    "第十二条　本措施自2024年7月1日起施行，有效期三年。本措施由云州市科学技术局负责解释，此前本市有关规定与本措施不一致的，以本措施为准。",
]
_PDF_PUBLISHED = "2024-06-03"


def _wrap(text: str, font: str, size: float, width: float, indent: str = "　　") -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], indent
    for ch in text:
        if stringWidth(line + ch, font, size) > width:
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


def _two_column_canvas(c, *, pages_out: list | None = None) -> None:
    """Draw the two-column policy text on canvas `c` (A4, STSong-Light), two pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font, size, leading = "STSong-Light", 14, 24
    page_w, page_h = A4
    margin, gutter = 56, 24
    col_w = (page_w - 2 * margin - gutter) / 2
    top_first, top_other, bottom = page_h - 150, page_h - 80, 80
    lines = [(line, i) for i, art in enumerate(_PDF_ARTICLES) for line in _wrap(art, font, size, col_w)]
    total_pages = 2

    def chrome(page_no: int) -> None:
        c.setFont(font, 9)
        c.drawString(margin, page_h - 40, _PDF_HEADER)
        c.drawRightString(page_w - margin, page_h - 40, "2024年第6期")
        c.setLineWidth(0.5)
        c.line(margin, page_h - 46, page_w - margin, page_h - 46)
        c.drawCentredString(page_w / 2, 40, f"第 {page_no} 页　共 {total_pages} 页")

    page_no, col, y = 1, 0, top_first
    chrome(1)
    c.setFont(font, 18)
    c.drawCentredString(page_w / 2, page_h - 90, _PDF_TITLE)
    c.setFont(font, 11)
    c.drawCentredString(page_w / 2, page_h - 118, "云州市科学技术局　2024年6月3日")
    placed = []
    for line, art in lines:
        if y < bottom:
            if col == 0:
                col, y = 1, (top_first if page_no == 1 else top_other)
            else:
                c.showPage()
                page_no += 1
                if page_no > total_pages:
                    raise RuntimeError("the policy text no longer fits on two pages")
                chrome(page_no)
                col, y = 0, top_other
        c.setFont(font, size)
        c.drawString(margin + col * (col_w + gutter), y, line)
        placed.append((page_no, col, art))
        y -= leading
    c.showPage()
    if page_no != total_pages:
        raise RuntimeError("the policy text no longer reaches the second page")
    if pages_out is not None:
        pages_out.extend(placed)


def _pdf_canvas(path, **kwargs):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), **kwargs)
    c.setTitle(_PDF_TITLE)
    c.setAuthor(_GOV_ISSUER)
    c.setCreator("zgc tests")
    return c


def _pdf_expect(placed: list) -> dict:
    # Whole articles that sit inside one column (so no header, footer or column break cuts them).
    where: dict[int, set] = {}
    for page, col, art in placed:
        where.setdefault(art, set()).add((page, col))
    inside = [i for i, spots in where.items() if len(spots) == 1]
    starts: dict[tuple, int] = {}  # column -> the first article that begins in it
    for art in sorted(where):
        starts.setdefault(min(where[art]), art)
    in_order = [_PDF_ARTICLES[starts[k]].replace("　", "")[:12] for k in sorted(starts)]
    return {
        "title": _PDF_TITLE,
        "published": _PDF_PUBLISHED,
        "publication": _GOV_ISSUER,
        "authors": [],
        "body_contains": [_PDF_ARTICLES[i].replace("　", "") for i in inside],
        "in_order": in_order,
        "not_in_body": [_PDF_HEADER, "政策文件汇编", "2024年第6期", "第 1 页", "共 2 页"],
    }


def two_column_pdf(path) -> dict:
    """Two A4 pages of a policy text in two columns (STSong-Light CID font, text layer).

    Page 1 has a centred title and a 发布单位+date line over both columns; every page
    has a running header (政策文件汇编, 2024年第6期) and a footer 第 N 页　共 2 页.
    The PDF's Info dict has the title and author but a /CreationDate of the moment it
    was written: "published" is the date printed under the title, not that.
    "body_contains" are whole articles that sit inside one column, full-width spaces
    removed; "in_order" are the openings (12 characters, spaces removed) of the first article
    that begins in each column, in reading order (page 1 left, page 1 right, page 2 left).
    """
    c = _pdf_canvas(path)
    placed: list = []
    _two_column_canvas(c, pages_out=placed)
    c.save()
    return _pdf_expect(placed)


def scanned_pdf(path) -> dict:
    """A page with no text layer: a grey raster 'scan' of text-like bars and a drawn seal."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (620, 877), 245)
    draw = ImageDraw.Draw(img)
    rng = random.Random(7)
    draw.rectangle((180, 60, 440, 84), fill=40)  # the 'title'
    for row in range(40):
        y = 130 + row * 18
        draw.rectangle((60 + (30 if row % 6 == 0 else 0), y, 560 - rng.randint(0, 120), y + 9), fill=rng.randint(30, 90))
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    c.drawImage(ImageReader(img), 0, 0, width=w, height=h)
    c.setStrokeColorRGB(0.8, 0.1, 0.1)
    c.setLineWidth(3)
    c.circle(w - 150, 150, 60)
    c.showPage()
    c.save()
    return {}


def encrypted_pdf(path, user_password: str = "zgc-secret") -> dict:
    """The two-column PDF, RC4-encrypted by reportlab.

    With a user password (the default) it cannot be opened without it: returns {}.
    With user_password="" only the owner password is set (permissions), anyone can
    read it, and the dict of the two-column PDF is returned.
    """
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import _cidfontdata, pdfdoc

    # reportlab writes the CID font's Registry/Ordering as raw "(Adobe)"/"(GB1)", so
    # they escape encryption and a reader that decrypts them (as it must) gets bytes
    # that name no character collection, and pdfminer then yields "(cid:4361)...".
    # Make them PDFString objects, which reportlab does encrypt, while this file is written.
    info = _cidfontdata.CIDFontInfo["STSong-Light"]["DescendantFonts"][0]["CIDSystemInfo"]
    saved = dict(info)
    info.update(Registry=pdfdoc.PDFString("Adobe"), Ordering=pdfdoc.PDFString("GB1"))
    try:
        enc = pdfencrypt.StandardEncryption(user_password, ownerPassword="zgc-owner", canPrint=1, canModify=0, canCopy=0)
        c = _pdf_canvas(path, encrypt=enc)
        placed: list = []
        _two_column_canvas(c, pages_out=placed)
        c.save()
    finally:
        info.clear()
        info.update(saved)
    return _pdf_expect(placed) if user_password == "" else {}


def truncated_pdf(path, keep: float = 0.5) -> dict:
    """The two-column PDF cut to its first `keep` share of bytes: no xref table, no trailer, no %%EOF."""
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    _two_column_canvas(c)
    c.save()
    data = buf.getvalue()
    Path(path).write_bytes(data[: int(len(data) * keep)])
    return {}


def zip_as_pdf(path) -> dict:
    """A Word document (a zip) saved under a .pdf name."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?>'
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                   f"<w:p><w:r><w:t>{_PDF_TITLE}</w:t></w:r></w:p></w:body></w:document>")
    return {}
