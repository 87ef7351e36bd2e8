"""Pages copied from the web ("save as text"): one article inside the site's chrome.

A browser's text export keeps everything around the story: breadcrumbs
(`首页 > 新闻中心 > 正文`, `当前位置:`), site menus, `返回`, print, close and
share links, font-size switches (`【字体:大 中 小】`), `上一篇/下一篇`, editor
lines (`责任编辑:`), copyright and ICP lines and view counters. None of it is
a title, an author or an article.

Around the headline sit metadata lines in many forms (`发布时间:…`,
`… 来源:…`, `作者:…`, pipe-separated rows, a government `索引号 … 发文字号`
table), agency and newspaper datelines (`新华社北京3月5日电(记者 …)`,
`本报北京…电`, `中新网…电`), `原标题:` lines and newspaper furniture (a
masthead, `2021年3月15日 星期一`, `第05版`). The splitter reads from them:

- title: the headline exactly, never a metadata, relative-time or chrome line,
  nor a sub-heading, nor the `原标题` line;
- published: metadata block, then masthead, then dateline (its month and day
  take the year from the page), then a `来源:` line, then the content;
- publication: the `来源:` source, the masthead, or the dateline's agency, as
  written (中新网 stays 中新网);
- authors: reporters and named authors, never 责任编辑, 编辑, 责编 or 校对.

Every page here is invented, in the forms real Chinese news, agency and
government sites show. `WEB` follows the issue's rules; `SEEN` holds forms met
on real pages that the issue does not spell out; `CLEAN` holds plain article
files that already split well and must keep doing so.
"""
from __future__ import annotations

import re

import pytest
from zgc.db.ingest.splitter import split_page


def page(*blocks: str) -> str:
    """A page from blocks: lines inside a block are adjacent, blocks are separated by a blank line."""
    return "\n\n".join(blocks) + "\n"


def case(name: str, text: str, **expected: object):
    """One page and what a careful reader finds in it; only the keys given are checked.

    Keys: title, published, publication, authors (a tuple), doc_number, issuer,
    body_has / body_lacks (strings that must / must not be in the body).
    """
    return pytest.param(text, expected, id=name)


# ---------------------------------------------------------------- article bodies

GAOXIN = (
    "科技部火炬中心日前发布数据，2020年国家高新区实现营业收入超过40万亿元，同比增长9.6%。",
    "火炬中心有关负责人表示，下一步将支持高新区建设一批概念验证中心和中试平台，推动科技成果就地转化。",
)
ZGC_DIGITAL = (
    "北京市近日印发《中关村国家自主创新示范区数字经济发展若干措施》，从数据流通、算力设施、场景开放等方面提出18条措施。",
    "措施明确，对经认定的数字经济标杆企业给予最高500万元资金支持，并在用地、人才落户等方面予以保障。",
)
INCUBATOR = (
    "截至目前，全省已建成科技企业孵化器和众创空间600余家，在孵企业超过2万家。",
    "省科技厅将实施孵化载体提质行动，推动孵化器向专业化、市场化方向发展。",
)
TALENT = (
    "会议指出，要深化科技人才评价改革，坚持以创新价值、能力、贡献为导向，破除唯论文、唯职称倾向。",
    "据介绍，试点单位将在项目评审、人才评价、机构评估等方面开展改革探索。",
)
TECH_MARKET = (
    "全国技术合同成交额继续保持较快增长，技术市场对创新的支撑作用进一步增强。",
    "业内人士认为，技术交易的活跃反映出企业创新需求旺盛，科技成果转化渠道更加畅通。",
)
NEW_RD = (
    "近年来，各地积极探索建设新型研发机构，在体制机制上大胆突破，集聚了一批高水平研发团队。",
    "新型研发机构实行理事会领导下的院长负责制，在人员聘用、经费使用等方面拥有更大自主权。",
)
TRANSFER = (
    "科技成果转化是实现创新驱动发展的关键环节，也是连接科技与经济的桥梁。",
    "受访专家建议，深化职务科技成果赋权改革，畅通成果从实验室走向生产线的通道。",
)

# ---------------------------------------------------------------- the forms

WEB = [
    # -- chrome
    case(
        "breadcrumb-arrows-and-print-close",
        page("首页 > 新闻中心 > 正文", "国家高新区营业收入突破40万亿元", "发布时间:2021/8/16 09:30:12  来源:科技日报",
             *GAOXIN, "责任编辑:刘洋", "【打印本页】 【关闭窗口】"),
        title="国家高新区营业收入突破40万亿元", published="2021-08-16", publication="科技日报", authors=(),
        body_has=("概念验证中心和中试平台",),
    ),
    case(
        "site-menu-and-current-position",
        page("科创新闻网|网站导航 客服 设为首页 登录\n当前位置:首页 > 科技动态 > 园区新闻", "中关村出台数字经济发展18条措施",
             "2021-07-09 16:42:05 来源:北京日报 作者:陈静怡", *ZGC_DIGITAL, "分享到： 微信 微博 QQ空间"),
        title="中关村出台数字经济发展18条措施", published="2021-07-09", publication="北京日报", authors=("陈静怡",),
        body_has=("18条措施",),
    ),
    case(
        "return-link-and-previous-next-titles",
        page("返回", "科技企业孵化器迈向专业化发展", "时间:2016年11月08日 09:12\n来源:光明日报", *INCUBATOR,
             "上一篇：全省科技工作会议召开\n下一篇：创新券补助资金开始申报"),
        title="科技企业孵化器迈向专业化发展", published="2016-11-08", publication="光明日报", authors=(),
        body_has=("孵化载体提质行动",), body_lacks=("全省科技工作会议召开", "创新券补助资金开始申报"),
    ),
    case(
        "font-size-switch-line",
        page("深化科技人才评价改革试点启动", "发布时间：2020-12-11 10:05  来源：中国科技网", "【字体:大 中 小】", *TALENT,
             "打印本页 关闭窗口"),
        title="深化科技人才评价改革试点启动", published="2020-12-11", publication="中国科技网", authors=(),
        body_has=("破除唯论文、唯职称倾向",),
    ),
    case(
        "epaper-navigation",
        page("科技日报 2021年06月02日 星期三", "第03版：综合新闻", "上一版  下一版", "全国技术合同成交额保持较快增长",
             "本报记者 何佳", *TECH_MARKET, "返回目录 上一篇 下一篇 打印"),
        title="全国技术合同成交额保持较快增长", published="2021-06-02", publication="科技日报", authors=("何佳",),
        body_has=("技术交易的活跃",),
    ),
    case(
        "copyright-and-icp-footer",
        page("首页 > 工作动态", "东湖高新区新增专精特新企业120家", "发布日期：2021-09-14  来源：湖北日报",
             "东湖高新区日前公布新一批专精特新中小企业名单，新增企业120家，累计达到480家。",
             "园区将为入选企业提供融资对接、人才招引和应用场景等一揽子服务。",
             "版权所有：武汉东湖新技术开发区管理委员会\n鄂ICP备12345678号-1  鄂公网安备 42018502000001号\n网站标识码：4201000001"),
        title="东湖高新区新增专精特新企业120家", published="2021-09-14", publication="湖北日报", authors=(),
        body_has=("一揽子服务",),
    ),
    case(
        "view-counter",
        page("当前位置：首页 > 新闻动态", "长三角科技创新共同体建设提速", "发布时间：2021-04-12 14:20:33  浏览次数：1234",
             "来源：新华日报", "长三角三省一市科技部门日前签署合作协议，共建一批联合实验室和技术创新中心。",
             "根据协议，各方将推动大型科研仪器开放共享，实现科技创新券跨区域通用通兑。"),
        title="长三角科技创新共同体建设提速", published="2021-04-12", publication="新华日报", authors=(),
        body_has=("通用通兑",),
    ),
    case(
        "author-and-editor-on-one-line",
        page("南昌高新区发布人才新政", "作者：赵一鸣   责任编辑：孙婧   发布时间：2021-05-20",
             "南昌高新区日前发布人才新政，对引进的高层次人才团队给予最高1000万元项目资助。",
             "新政还提出建设人才公寓，为青年科技人才提供租房补贴。"),
        title="南昌高新区发布人才新政", published="2021-05-20", publication=None, authors=("赵一鸣",),
        body_has=("人才公寓",),
    ),
    case(
        "end-mark-and-bracketed-editor",
        page("科技部：中国科技开放合作持续深化",
             "中新网北京2月25日电 (记者 孙自强)科技部25日在北京举行2022年首场新闻发布会，介绍科技开放合作有关情况。",
             "科技部有关负责人表示，中国将继续加强与各国在卫生健康、农业、能源等领域的科技合作。(完)", "【编辑：周婷】"),
        title="科技部：中国科技开放合作持续深化", published="2022-02-25", publication="中新网", authors=("孙自强",),
        body_has=("科技合作",),
    ),
    case(
        "qr-code-and-print-links-on-a-government-news-page",
        page("首页 > 科技动态 > 地方科技", "我省启动首批概念验证中心建设", "发布时间：2021-10-18　　来源：安徽日报",
             "【字体：大 中 小】　　打印本页　　扫一扫在手机打开当前页",
             "省科技厅近日发布通知，启动首批概念验证中心建设，每家给予最高300万元支持。",
             "概念验证中心将面向高校院所早期成果，开展技术可行性验证和商业化评估。", "【打印本页】【关闭窗口】"),
        title="我省启动首批概念验证中心建设", published="2021-10-18", publication="安徽日报", authors=(),
        body_has=("商业化评估",),
    ),
    # -- metadata lines, before or after the title
    case(
        "government-information-table",
        page("首页 > 政府信息公开 > 政策文件",
             "索引号：000014349/2021-00123　　主题分类：科技、教育\\科技\n发文机关：科技部　　成文日期：2021年06月28日\n"
             "标题：科技部关于开展高新技术企业服务提升行动的通知\n发文字号：国科发火〔2021〕135号　　发布日期：2021年07月02日",
             "科技部关于开展高新技术企业服务提升行动的通知",
             "各省、自治区、直辖市及计划单列市科技厅（委、局）：",
             "为进一步优化高新技术企业认定和服务工作，现就开展高新技术企业服务提升行动有关事项通知如下。",
             "科技部\n2021年6月28日", "扫一扫在手机打开当前页\n【打印本页】 【关闭窗口】"),
        title="科技部关于开展高新技术企业服务提升行动的通知", published="2021-07-02", publication=None, authors=(),
        doc_number="国科发火〔2021〕135号", issuer="科技部", body_has=("服务提升行动有关事项",),
    ),
    case(
        "publish-time-and-source-before-the-title",
        page("发布时间：2019-05-20 10:00　来源：中国科技网", "科技部：国家技术创新中心布局全面展开",
             "科技部近日印发指引，明确国家技术创新中心的功能定位和建设布局。",
             "指引提出，到2025年布局建设若干综合类和领域类国家技术创新中心。"),
        title="科技部：国家技术创新中心布局全面展开", published="2019-05-20", publication="中国科技网", authors=(),
        body_has=("功能定位和建设布局",),
    ),
    case(
        "timestamp-then-source",
        page("高新区成为稳增长的重要引擎", "2017-03-02 10:15:00 来源:中国经济网",
             "国家高新区以占全国很小比例的土地面积，贡献了超过十分之一的国内生产总值。",
             "专家表示，高新区要继续发挥创新引领作用，培育一批具有国际竞争力的产业集群。"),
        title="高新区成为稳增长的重要引擎", published="2017-03-02", publication="中国经济网", authors=(),
        body_has=("国际竞争力的产业集群",),
    ),
    case(
        "chinese-date-and-source-on-one-line",
        page("科技型中小企业评价入库数量创新高", "2021年06月02日 10:28　来源：人民网",
             "科技部数据显示，今年前5个月全国已有超过10万家企业通过科技型中小企业评价入库。",
             "有关负责人表示，将推动更多创新政策向科技型中小企业倾斜。"),
        title="科技型中小企业评价入库数量创新高", published="2021-06-02", publication="人民网", authors=(),
        body_has=("评价入库",),
    ),
    case(
        "source-and-author-lines-without-a-date",
        page("首页 > 理论 > 正文", "以企业为主体推进产学研深度融合", "来源：光明日报\n作者：王明远",
             "企业是科技创新的主体，也是推动创新成果转化为现实生产力的主力军。",
             "推进产学研深度融合，要让企业真正成为技术创新决策、研发投入、科研组织和成果转化的主体。"),
        title="以企业为主体推进产学研深度融合", published=None, publication="光明日报", authors=("王明远",),
        body_has=("现实生产力的主力军",),
    ),
    case(
        "author-source-time-line-before-the-title",
        page("作者：李思雨 来源：光明日报 发布时间：2021-06-01 08:00", "以新型研发机构激发创新活力", *NEW_RD),
        title="以新型研发机构激发创新活力", published="2021-06-01", publication="光明日报", authors=("李思雨",),
        body_has=("理事会领导下的院长负责制",),
    ),
    case(
        "author-source-time-line-after-the-title",
        page("新型研发机构如何走好市场化之路", "作者:李思雨 来源:光明日报 发布时间:2021-06-01 08:00", *NEW_RD),
        title="新型研发机构如何走好市场化之路", published="2021-06-01", publication="光明日报", authors=("李思雨",),
        body_has=("理事会领导下的院长负责制",),
    ),
    case(
        "bracketed-font-size-after-the-metadata",
        page("数字经济核心产业增加值持续提升", "2021-08-20 09:15:36　来源：经济日报　[字号 大 中 小]",
             "数字经济核心产业增加值占地区生产总值的比重持续提升，成为拉动增长的重要力量。",
             "下一步，将加快推进数字产业化和产业数字化，培育一批数字经济领军企业。", "[打印] [关闭]"),
        title="数字经济核心产业增加值持续提升", published="2021-08-20", publication="经济日报", authors=(),
        body_has=("数字经济领军企业",),
    ),
    case(
        "pipe-separated-metadata-row",
        page("科技成果转化“最后一公里”如何打通", "发布时间：2023-04-03 09:32:30 | 来源：中国网 | 作者：林晓 | 责任编辑：韩冰",
             *TRANSFER),
        title="科技成果转化“最后一公里”如何打通", published="2023-04-03", publication="中国网", authors=("林晓",),
        body_has=("赋权改革",),
    ),
    case(
        "full-width-spaces-between-metadata-fields",
        page("量子信息领域再添国家级创新平台", "来源：科技日报　作者：刘子健　发布时间：2021-07-01",
             "量子信息领域国家级创新平台日前在合肥揭牌，将聚焦量子通信、量子计算和量子精密测量开展攻关。",
             "平台将联合高校院所和龙头企业，构建从基础研究到产业化的全链条创新体系。"),
        title="量子信息领域再添国家级创新平台", published="2021-07-01", publication="科技日报", authors=("刘子健",),
        body_has=("全链条创新体系",),
    ),
    case(
        "date-source-and-click-counter",
        page("西部科学城建设取得阶段性进展", "日期：2020-11-26  来源：经济日报  点击：356",
             "西部科学城日前集中签约一批重大科技项目，涵盖集成电路、生物医药和智能制造等领域。",
             "科学城将加快建设大科学装置集群，打造具有全国影响力的科技创新中心。"),
        title="西部科学城建设取得阶段性进展", published="2020-11-26", publication="经济日报", authors=(),
        body_has=("大科学装置集群",),
    ),
    # -- datelines
    case(
        "xinhua-dateline-takes-the-year-from-the-content",
        page("政府工作报告部署科技创新重点任务",
             "新华社北京3月5日电（记者 赵一鸣）十三届全国人大四次会议5日上午在人民大会堂开幕。"
             "2021年政府工作报告提出，实施基础研究十年行动方案，提升企业技术创新能力。",
             "报告提出，要强化国家战略科技力量，推进国家实验室建设，完善科技项目和创新基地布局。"),
        title="政府工作报告部署科技创新重点任务", published="2021-03-05", publication="新华社", authors=("赵一鸣",),
        body_has=("创新基地布局",),
    ),
    case(
        "newspaper-dateline-under-a-masthead",
        page("科技日报\n2021年5月28日 星期五\n第01版：要闻", "2021中关村论坛开幕",
             "本报北京5月27日电（记者 李明 王芳）2021中关村论坛27日在北京开幕，论坛以“创新与发展”为年度主题。",
             "本届论坛期间将举办平行论坛、技术交易、成果发布等系列活动。"),
        title="2021中关村论坛开幕", published="2021-05-28", publication="科技日报", authors=("李明", "王芳"),
        body_has=("成果发布等系列活动",),
    ),
    case(
        "chinanews-dateline-without-a-place",
        page("科技部：一季度技术合同成交额同比增长",
             "中新网5月27日电 据科技部网站消息，2021年一季度全国共登记技术合同12万项，成交额同比增长超过三成。",
             "科技部有关负责人表示，技术要素市场建设取得积极进展。"),
        title="科技部：一季度技术合同成交额同比增长", published="2021-05-27", publication="中新网", authors=(),
        body_has=("技术要素市场建设",),
    ),
    case(
        "chinanews-dateline-with-a-reporter",
        page("浦江创新论坛聚焦全球科技合作",
             "中新网上海6月10日电（记者 许婧）2021年浦江创新论坛10日在上海开幕，来自多个国家的嘉宾围绕全球科技合作展开研讨。",
             "与会嘉宾认为，开放合作是推动科技进步的必由之路。"),
        title="浦江创新论坛聚焦全球科技合作", published="2021-06-10", publication="中新网", authors=("许婧",),
        body_has=("必由之路",),
    ),
    case(
        "xinhua-dateline-two-reporters-without-spaces",
        page("国家高新区创新发展成效显著",
             "新华社北京9月14日电（记者黄晓燕、吴天宇）科技部14日召开新闻发布会，介绍2022年以来国家高新区发展情况。",
             "科技部有关负责人说，国家高新区已成为实施创新驱动发展战略的重要载体。"),
        title="国家高新区创新发展成效显著", published="2022-09-14", publication="新华社", authors=("黄晓燕", "吴天宇"),
        body_has=("重要载体",),
    ),
    case(
        "metadata-date-before-the-dateline",
        page("当前位置：首页 > 时政 > 正文", "全国人大代表热议科技自立自强", "2021-03-06 08:12:40　来源：新华网",
             "新华社北京3月5日电（记者 郑凯）连日来，出席十三届全国人大四次会议的代表围绕科技自立自强建言献策。",
             "代表们认为，要把科技自立自强作为国家发展的战略支撑，加快建设科技强国。"),
        title="全国人大代表热议科技自立自强", published="2021-03-06", publication="新华网", authors=("郑凯",),
        body_has=("加快建设科技强国",),
    ),
    case(
        "masthead-before-an-agency-dateline",
        page("光明日报\n2021年5月28日 星期五\n第08版：科技", "国家重点研发计划启动新一批项目",
             "新华社北京5月27日电（记者 吴天宇）科技部27日发布消息，国家重点研发计划2021年度首批项目已正式启动，"
             "涉及信息、材料、生命健康等领域。",
             "科技部有关负责人介绍，新一批项目将更加注重目标导向和成果应用。"),
        title="国家重点研发计划启动新一批项目", published="2021-05-28", publication="光明日报", authors=("吴天宇",),
        body_has=("目标导向和成果应用",),
    ),
    case(
        "web-agency-dateline",
        page("首页 > 科技 > 正文", "2021年国家技术转移示范机构名单公布",
             "人民网北京6月1日电（记者 邓悦）科技部1日公布2021年国家技术转移示范机构名单，共有60家机构入选。",
             "入选机构将在技术转移人才培养、跨区域技术交易等方面发挥示范作用。"),
        title="2021年国家技术转移示范机构名单公布", published="2021-06-01", publication="人民网", authors=("邓悦",),
        body_has=("跨区域技术交易",),
    ),
    case(
        "benbao-brief-with-a-correspondent",
        page("新闻中心 > 园区动态", "张江科学城新增一批重大科技基础设施", "2021-09-01 09:20　来源：解放日报",
             "本报讯（记者 陈静怡 通讯员 林海）张江科学城日前迎来一批重大科技基础设施项目集中开工，总投资超过百亿元。",
             "据了解，这批项目涵盖光子科学、生命科学等领域，建成后将向全球科学家开放共享。"),
        title="张江科学城新增一批重大科技基础设施", published="2021-09-01", publication="解放日报",
        authors=("陈静怡", "林海"), body_has=("向全球科学家开放共享",),
    ),
    # -- 原标题
    case(
        "original-title-line-under-the-headline",
        page("中关村：前沿科技企业加速集聚\n原标题：中关村示范区前沿科技企业数量突破千家", "2021-11-05 10:21　来源：北京日报",
             "中关村示范区前沿科技企业数量日前突破1000家，覆盖人工智能、量子信息、区块链等领域。",
             "示范区将围绕前沿技术布局一批创新联合体，支持企业承担国家重大科技任务。"),
        title="中关村：前沿科技企业加速集聚", published="2021-11-05", publication="北京日报", authors=(),
        body_has=("创新联合体",),
    ),
    case(
        "original-title-at-the-end",
        page("首页 > 科技 > 正文", "高企认定新规有哪些变化", "发布时间：2021-02-10 15:00　来源：中国科技网",
             "高新技术企业认定管理工作指引日前修订，进一步优化了认定程序和评价标准。",
             "修订后的指引明确，企业可通过网上系统全程办理认定申请。", "（原标题：高新技术企业认定管理工作指引修订发布）"),
        title="高企认定新规有哪些变化", published="2021-02-10", publication="中国科技网", authors=(),
        body_has=("全程办理认定申请",),
    ),
    # -- newspaper furniture
    case(
        "masthead-weekday-and-page-number",
        page("光明日报", "2021年3月15日 星期一", "第05版", "科技创新重大项目加快推进",
             "本报北京3月14日电（记者 李明远）记者14日从科技部获悉，一批科技创新重大项目已全面启动实施，部分项目取得阶段性成果。",
             "科技部有关负责人表示，将进一步加强项目统筹和过程管理，确保按期实现目标。"),
        title="科技创新重大项目加快推进", published="2021-03-15", publication="光明日报", authors=("李明远",),
        body_has=("过程管理",),
    ),
    case(
        "epaper-masthead-with-date-on-one-line",
        page("经济日报 2021年09月06日 星期一", "第06版：产经", "上一期  下一期", "工业互联网平台赋能中小企业数字化转型",
             "本报记者 冯涛", "工业互联网平台正在成为中小企业数字化转型的重要抓手，一批平台企业推出低成本、轻量化解决方案。",
             "业内专家表示，要让中小企业“看得见、用得起、见实效”。", "返回目录 上一篇 下一篇 打印"),
        title="工业互联网平台赋能中小企业数字化转型", published="2021-09-06", publication="经济日报", authors=("冯涛",),
        body_has=("轻量化解决方案",),
    ),
    # -- relative words and sub-headings
    case(
        "relative-time-above-the-headline",
        page("昨天 18:20", "国家技术创新中心建设布局基本完成", "来源：科技日报",
             "记者从科技部获悉，综合类和领域类国家技术创新中心建设布局已基本完成。",
             "科技部有关负责人表示，国家技术创新中心将聚焦关键核心技术攻关，推动产业链创新链深度融合。"),
        title="国家技术创新中心建设布局基本完成", published=None, publication="科技日报", authors=(),
        body_has=("关键核心技术攻关",),
    ),
    case(
        "relative-time-in-the-metadata-line",
        page("企业研发费用加计扣除比例提高到100%", "今天 09:12　来源：经济日报",
             "制造业企业研发费用加计扣除比例由75%提高到100%，政策实施后将进一步激励企业加大研发投入。",
             "财税部门将加强政策宣传辅导，确保企业应享尽享。"),
        title="企业研发费用加计扣除比例提高到100%", published=None, publication="经济日报", authors=(),
        body_has=("应享尽享",),
    ),
    case(
        "numbered-sub-headings-stay-in-the-body",
        page("首页 > 政策解读", "解读：科技型中小企业创新能力提升行动", "发布时间：2022-08-12　来源：中国科技网",
             "科技部日前印发行动方案，从八个方面提出支持科技型中小企业创新发展的举措。", "一、强化企业创新主体地位",
             "方案提出，支持科技型中小企业牵头或参与国家科技计划项目。", "二、加大金融支持力度",
             "方案鼓励金融机构开发适合科技型中小企业的信贷产品。"),
        title="解读：科技型中小企业创新能力提升行动", published="2022-08-12", publication="中国科技网", authors=(),
        body_has=("一、强化企业创新主体地位", "二、加大金融支持力度", "信贷产品"),
    ),
    case(
        "single-newline-export",
        "当前位置：首页 > 科技新闻\n科技部启动创新型产业集群培育行动\n发布时间：2021-12-03 11:30:00　来源：中国高新技术产业导报\n"
        "【字体：大 中 小】\n科技部火炬中心日前启动创新型产业集群培育行动，计划培育一批具有国际竞争力的产业集群。\n"
        "行动提出，将在集群内布局建设公共技术服务平台，推动大中小企业融通发展。\n责任编辑：王磊\n【打印本页】【关闭窗口】\n",
        title="科技部启动创新型产业集群培育行动", published="2021-12-03", publication="中国高新技术产业导报", authors=(),
        body_has=("大中小企业融通发展",),
    ),
]

# ---------------------------------------------------------------- forms met on real pages

SEEN = [
    case(
        "mobile-share-chrome-and-source-glued-to-the-time",
        page("点击右上角微信好友", "朋友圈", "请使用浏览器分享功能进行分享", "正在阅读：射电天文观测迎来新平台\n首页> 科技频道> 要闻 > 正文",
             "射电天文观测迎来新平台", "来源：光明网2019-12-26 09:45",
             "我国新一代射电望远镜阵列日前完成主体建设，将为宇宙早期天体研究提供新的观测手段。",
             "科研人员表示，阵列建成后将面向国内外开放，吸引更多科学家开展合作研究。"),
        title="射电天文观测迎来新平台", published="2019-12-26", publication="光明网", authors=(),
        body_has=("开展合作研究",),
    ),
    case(
        "date-names-source-line-and-according-to-xinhua",
        page("一批高新区将建设世界一流高科技园区", "2006-11-13 马骏 许静 来源：经济参考报",
             "据新华社北京11月12日电 记者日前从科技部了解到，国家高新区将进入以自主创新为核心的新阶段。",
             "科技部将选择若干高新区作为建设世界一流高科技园区的试点。"),
        title="一批高新区将建设世界一流高科技园区", published="2006-11-13", publication="经济参考报", authors=("马骏", "许静"),
        body_has=("世界一流高科技园区的试点",),
    ),
    case(
        "newspaper-citation-trailer-with-page",
        page("国家高新区将布局建设一批中试验证平台",
             "本报北京2月1日电（记者王立新、刘晓岚）记者从工业和信息化部获悉：将实施国家高新区新赛道培育行动，"
             "支持国家高新区布局建设一批中试验证平台。",
             "有关负责人表示，将推动一批符合条件的省级开发区升级为国家高新区。", "《 人民日报 》（ 2021年02月02日 02 版）",
             "[ 责编：赵敏 ]"),
        title="国家高新区将布局建设一批中试验证平台", published="2021-02-02", publication="人民日报",
        authors=("王立新", "刘晓岚"), body_has=("省级开发区升级为国家高新区",), body_lacks=("02 版",),
    ),
    case(
        "named-newspaper-dateline-with-the-name-run-into-the-text",
        page("高新区园区总数将稳步增加",
             "光明日报北京11月7日电 记者韩冰日前从工业和信息化部获悉，将推动国家高新区提质增效，园区总数将稳步增加。",
             "有关负责人介绍，国家高新区优质企业不断壮大，创新策源能力持续增强。", "《光明日报》（2021年11月08日 03版）",
             "[ 责编：赵敏 ]"),
        title="高新区园区总数将稳步增加", published="2021-11-08", publication="光明日报", authors=("韩冰",),
        body_has=("创新策源能力",),
    ),
    case(
        "names-in-the-dateline-without-the-word-reporter",
        page("新修订的科普法施行 推动新技术科普",
             "中新网北京1月15日电 (邓悦 郑凯)全国人大常委会15日在北京举行集体采访，介绍新修订的科学技术普及法有关情况。",
             "有关负责人表示，要在科普中用好新技术，实现科普发展和新技术应用的有机统一。"),
        title="新修订的科普法施行 推动新技术科普", publication="中新网", authors=("邓悦", "郑凯"),
        body_has=("有机统一",),
    ),
    case(
        "source-and-reporter-lines-after-the-text-and-a-disclaimer",
        page("我国国家高新区增至178家",
             "记者从工业和信息化部了解到，目前我国已有178个国家高新区，区内企业研发经费投入约占全国一半。", "来源：央视新闻",
             "记者：周雨涵、马骏", "特别声明：本文由平台用户上传，观点仅代表作者本人，本平台仅提供信息存储服务。"),
        title="我国国家高新区增至178家", publication="央视新闻", authors=("周雨涵", "马骏"),
        body_has=("研发经费投入",), body_lacks=("特别声明", "信息存储服务"),
    ),
    case(
        "pipe-author-and-editor",
        page("科研评价改革的三个关键词", "作者 | 林晓    责编 | 韩冰", "出品 | 《科创观察》编辑部",
             "科研评价改革牵一发而动全身，既要破除唯论文倾向，也要立起新的评价标准。",
             "分类评价、同行评议和长周期考核，是这轮改革的三个关键词。"),
        title="科研评价改革的三个关键词", authors=("林晓",), body_has=("长周期考核",),
    ),
    case(
        "unknown-source-and-empty-click-counter",
        page("高新区高质量发展评价指标体系初探", "来源：未知 日期：2019-12-02 点击：次",
             "在高质量发展成为总体要求的背景下，构建符合国情的高新区评价体系具有现实意义。",
             "本文从产业发展、城市功能、管理创新和开放合作四个维度构建评价指标体系。"),
        title="高新区高质量发展评价指标体系初探", published="2019-12-02", publication=None, authors=(),
        body_has=("四个维度",),
    ),
    case(
        "traditional-characters",
        page("首頁 > 新聞中心 > 正文", "科技園區加快培育新興產業", "發布時間：2021-03-15 09:28　來源：科技日報", "【字體：大 中 小】",
             "園區日前出臺支持新興產業發展的若干措施，重點扶持人工智能和生物醫藥企業。",
             "措施明確，對新落地的研發總部給予最高500萬元獎勵。", "【打印本頁】【關閉窗口】"),
        title="科技園區加快培育新興產業", published="2021-03-15", publication="科技日報", authors=(),
        body_has=("研發總部",), body_lacks=("打印本頁", "關閉窗口", "字體", "發布時間"),
    ),
    case(
        "agency-feature-with-a-ti-line-and-a-trailing-reporter",
        page("为高新区高质量发展注入新动能",
             "新华社北京3月17日电　题：为高新区高质量发展注入新动能——访科技部火炬中心负责人", "新华社记者 王晨",
             "创新是引领发展的第一动力。高新区如何在新阶段继续走在前列？记者日前专访了科技部火炬中心负责人。",
             "这位负责人表示，高新区要坚持“发展高科技、实现产业化”的初心使命。"),
        title="为高新区高质量发展注入新动能", publication="新华社", authors=("王晨",),
        body_has=("初心使命",),
    ),
    case(
        "radio-site-xiaoxi-dateline",
        page("全国科技活动周启动", "央广网北京5月6日消息（记者 冯涛）2021年全国科技活动周6日在北京启动，各地将举办科普活动上千场。",
             "本届科技活动周以“科技创新 助力发展”为主题，活动将持续一周。"),
        title="全国科技活动周启动", published="2021-05-06", publication="央广网", authors=("冯涛",),
        body_has=("科普活动上千场",),
    ),
    case(
        "keywords-line-and-recommended-list",
        page("科技部部长谈加快建设创新型国家", "2021-03-10 11:03:23 科创新闻综合",
             "十三届全国人大四次会议新闻中心10日举行记者会，科技部负责人就加快建设创新型国家相关问题回答记者提问。",
             "负责人表示，要进一步改善科技创新环境，营造鼓励探索、宽容失败的氛围。", "关键词：全国两会 科技创新",
             "推荐阅读\n一季度新增高新技术企业超万家\n2021/03/09\n多地出台支持新型研发机构政策\n2021/03/08"),
        title="科技部部长谈加快建设创新型国家", published="2021-03-10", authors=(),
        body_has=("宽容失败的氛围",), body_lacks=("关键词", "推荐阅读", "一季度新增高新技术企业超万家"),
    ),
    case(
        "edition-list-of-an-epaper",
        page("人民日报 2021年12月20日 星期一", "01版：要闻\n02版：要闻\n05版：评论\n17版：科技\n18版：财经",
             "17版：科技", "科技园区探索“研发在城内、转化在园区”", "本报记者 黄晓燕",
             "越来越多的科技园区探索研发与转化分工协作的新模式，推动科技成果就近转化落地。",
             "业内人士认为，这一模式有利于发挥城市研发资源和园区产业空间的各自优势。"),
        title="科技园区探索“研发在城内、转化在园区”", published="2021-12-20", publication="人民日报", authors=("黄晓燕",),
        body_has=("各自优势",), body_lacks=("01版", "18版"),
    ),
    case(
        "government-notice-with-an-index-code-and-a-broken-title",
        page("首页 > 政务公开 > 政策文件",
             "某市人民政府办公室关于印发《某市促进科技成果转化若干措施》的通知",
             "发布时间：2023-03-15 09:28信息来源：某市人民政府办公室", "MSCR-2023-01005", "某政办发〔2023〕9号",
             "某市人民政府办公室\n关于印发《某市促进科技成果转化\n若干措施》的通知",
             "各县市区人民政府，市直机关各单位：",
             "经市人民政府同意，现将《某市促进科技成果转化若干措施》印发给你们，请认真组织实施。",
             "某市人民政府办公室\n2023年3月15日"),
        title="某市人民政府办公室关于印发《某市促进科技成果转化若干措施》的通知", published="2023-03-15",
        doc_number="某政办发〔2023〕9号", authors=(), body_has=("请认真组织实施",),
    ),
]

# ---------------------------------------------------------------- plain article files (work today)

CLEAN = [
    case(
        "heading-and-body",
        page("# 中关村发布数字经济新政", *ZGC_DIGITAL),
        title="中关村发布数字经济新政", authors=(), body_start="北京市近日印发",
    ),
    case(
        "heading-and-byline",
        page("# 全国技术合同成交额保持较快增长", "▶ 本报记者 王明远", *TECH_MARKET),
        title="全国技术合同成交额保持较快增长", authors=("王明远",), body_start="全国技术合同成交额继续",
    ),
    case(
        "heading-and-benbao-lead",
        page("# 孵化载体提质行动启动", "本报讯（记者 陈静怡）" + INCUBATOR[0], INCUBATOR[1]),
        title="孵化载体提质行动启动", authors=("陈静怡",), body_start="截至目前",
    ),
    case(
        "heading-with-a-subtitle",
        page("# 新型研发机构激发创新活力", "## 各地探索体制机制创新", *NEW_RD),
        title="新型研发机构激发创新活力", subtitle="各地探索体制机制创新", authors=(), body_start="近年来",
    ),
    case(
        "heading-and-a-dated-body",
        page("# 2021中关村论坛在京开幕", "2021年中关村论坛日前在北京开幕，论坛发布了一批重大科技成果。",
             "论坛期间还将举办技术交易大会和前沿科技展览。"),
        title="2021中关村论坛在京开幕", published="2021", authors=(), body_start="2021年中关村论坛",
    ),
]

# Words of site chrome: none may appear in a title, an author or a body on these pages.
CHROME = (
    "首页", "首頁", "当前位置", "网站导航", "设为首页", "登录", "返回", "打印", "关闭", "關閉", "分享", "字体", "字體", "字号",
    "上一篇", "下一篇", "上一版", "下一版", "上一期", "下一期", "责任编辑", "责编", "编辑：", "编辑:", "校对", "版权所有",
    "ICP备", "公网安备", "网站标识码", "浏览次数", "点击：", "扫一扫", "正在阅读", "朋友圈", "微信好友",
)
# Metadata that belongs to the page, not to the headline or the text.
META = ("发布时间", "發布時間", "发布日期", "成文日期", "索引号", "来源：", "来源:", "來源", "作者：", "作者:", "原标题")
_DATE_LINE = re.compile(r"\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}")
_EDITOR = re.compile(r"(?:责任编辑|责编|编辑|校对)\s*[:：|]\s*([\u4e00-\u9fff]{2,3})")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


@pytest.mark.parametrize(("text", "expected"), WEB + SEEN)
def test_a_web_page_gives_its_article_and_facts(text, expected):
    articles = split_page(text)
    assert articles, "no article found"
    first = articles[0]
    got = {k: getattr(first, k) for k in expected if not k.startswith("body_")}
    want = {k: v for k, v in expected.items() if not k.startswith("body_")}
    assert got == want
    for s in expected.get("body_has", ()):
        assert s in first.body
    for s in expected.get("body_lacks", ()):
        assert s not in first.body


@pytest.mark.parametrize(("text", "expected"), WEB + SEEN)
def test_chrome_and_metadata_stay_out_of_the_article(text, expected):
    articles = split_page(text)
    assert len(articles) == 1, [a.title for a in articles]
    (a,) = articles
    for word in CHROME + META:
        assert word not in a.title
        assert all(word not in name for name in a.authors)
    assert not _DATE_LINE.search(a.title)
    assert not re.search(r"第\s*\d+\s*版|\d+\s*版[:：]|星期[一二三四五六日天]|昨天|今天|记者", a.title)
    for word in (*CHROME, "发布时间", "發布時間", "成文日期", "索引号"):
        assert word not in a.body
    assert all(_NAME.match(name) for name in a.authors), a.authors
    editors = set(_EDITOR.findall(text))
    assert not editors & set(a.authors)


@pytest.mark.parametrize(("text", "expected"), CLEAN)
def test_a_clean_article_file_still_splits_as_before(text, expected):
    (a,) = split_page(text)
    assert a.kind == "news"
    for key, value in expected.items():
        if key == "body_start":
            assert a.body.startswith(value)
        else:
            assert getattr(a, key) == value, key
    assert not any(word in a.body for word in CHROME)
