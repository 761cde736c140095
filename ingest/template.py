"""The national template as data: tables 2–4 in both versions, their rows,
columns, labels, groups, units, arithmetic and the words people use.

国办公开办函〔2019〕60号 (reports for 2019 and 2020, version "2019") and
〔2021〕30号 (from the reports for 2021, version "2021"). Every other module
reads the template from here: the table reader, the checks, the labels in
answers, the question router and the synthetic generator. A fact key is
`table.row.column`, e.g. `applications.new_received.total`.

Row patterns are matched against a label with all whitespace removed, so a
label broken over lines or one character per line matches as printed.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache

VERSIONS = ("2019", "2021")


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    key: str
    label: str                   # as the template prints it
    en: str                      # English, for answers and questions
    pattern: str = ""            # regex recognising the header cell (variants included)
    unit: str = ""               # 万元 where the template fixes it; '' for counts
    money: bool = False          # may hold decimals
    signed: bool = False         # may be negative (1（增） / 34（减）)
    words: tuple[str, ...] = ()  # what people call it in questions
    printed: tuple[tuple[str, str], ...] = ()  # (version, label) where a version prints another label

    def label_for(self, version: str) -> str:
        """The label as the given version of the template prints it."""
        return dict(self.printed).get(version, self.label)


@dataclass(frozen=True)
class Row:
    """One row of a table, in printed order."""

    key: str
    label: str                   # as the template prints it
    en: str
    pattern: str                 # regex recognising the row label (variants seen in real files)
    columns: tuple[str, ...]     # column keys, in printed order
    versions: tuple[str, ...] = VERSIONS
    group: str = ""              # parent group key (denied, unable, unprocessed, other, outcomes)
    main: str = ""               # the column people mean when they name the row alone
    words: tuple[str, ...] = ()  # what people call it in questions
    article: str = ""            # 第二十条第（…）项, table 2 only

    def key_of(self, table: str, column: str) -> str:
        return f"{table}.{self.key}.{column}"


@dataclass(frozen=True)
class Group:
    """A printed group of rows (（三）不予公开 over its eight reasons)."""

    key: str
    label: str
    en: str
    pattern: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One of the template's statistical tables."""

    key: str                     # proactive | applications | appeals
    name: str                    # 表二
    title: str
    en: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    groups: tuple[Group, ...] = ()
    anchor: str = ""             # regex: words that open the table in a text

    def rows_for(self, version: str) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if version in r.versions)

    def row(self, key: str, version: str | None = None) -> Row | None:
        return next((r for r in self.rows if r.key == key and (version is None or version in r.versions)), None)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def width(self, version: str) -> int:
        """The most value columns any row of this version has."""
        return max(len(r.columns) for r in self.rows_for(version))


# ---- table 2 · 主动公开政府信息情况 ---------------------------------------------------

_DOCS_2021 = ("issued", "repealed", "in_force")
_DOCS_2019 = ("newly_made", "newly_published", "total_published")
_ITEMS_2019 = ("prior_year_items", "change", "decisions")

PROACTIVE = Table(
    key="proactive", name="表二", title="主动公开政府信息情况", en="Table 2, proactive disclosure",
    anchor=r"第二十条|信息内容",
    columns=(
        Column("issued", "本年制发件数", "issued this year", r"制发件数|新制发", words=("制发", "新制发", "出台", "发布", "issued")),
        Column("repealed", "本年废止件数", "repealed this year", r"废[止纸]件数", words=("废止", "废除", "废纸", "repealed")),
        Column("in_force", "现行有效件数", "in force", r"[现先]行有效件数", words=("现行有效", "有效", "in force")),
        Column("decisions", "本年处理决定数量", "decisions this year", r"处理决定数量|决定数量", words=("处理决定", "决定", "decisions"),
               printed=(("2019", "处理决定数量"),)),
        Column("amount_10k_yuan", "本年收费金额（单位：万元）", "fees charged (10,000 yuan)", r"收费金额",
               unit="万元", money=True, words=("收费金额", "收了多少", "amount")),
        Column("newly_made", "本年新制作数量", "newly made", r"新制作数量", words=("新制作", "制作", "制发", "newly made", "newly produced", "newly drafted", "made this year")),
        Column("newly_published", "本年新公开数量", "newly published", r"新公开数量", words=("新公开", "newly published", "newly disclosed", "published this year", "newly released")),
        Column("total_published", "对外公开总数量", "total published", r"对外公开总数量", words=("对外公开总数", "公开总数", "total published", "published in total", "total disclosed")),
        Column("prior_year_items", "上一年项目数量", "items last year", r"上一年项目数量", words=("上一年项目", "项目数量", "上一年多少项", "上一年几项", "上年多少项", "上一年有", "上年有", "items last year", "prior-year items", "prior year items", "previous year's items", "items the year before",
                                                          "prior-year count", "prior year count", "previous-year count", "items of the previous year", "items of the prior year", "previous year's count")),
        Column("change", "本年增/减", "change this year", r"本年增[/／]?减|增减", signed=True, words=("增减", "增加", "减少", "本年增", "增了", "减了", "change this year", "net change", "increase or decrease", "increase/decrease")),
        Column("projects", "采购项目数量", "procurement projects", r"采购项目数量", words=("采购项目", "项目数量", "几个项目", "多少个项目", "多少项目", "几笔", "多少笔", "deals", "projects", "purchases")),
        Column("amount", "采购总金额", "procurement amount", r"采购总金额", money=True, words=("采购金额", "采购总金额", "总金额", "金额", "多少钱", "total amount", "amount spent", "花了多少钱", "花了多少", "花费", "花钱", "spent", "spend")),
    ),
    rows=(
        Row("regulations", "规章", "regulations", r"规章", _DOCS_2021, ("2021",), main="in_force",
            words=("规章", "regulations", "rules"), article="第（一）项"),
        Row("regulations", "规章", "regulations", r"规章", _DOCS_2019, ("2019",), main="total_published",
            words=("规章", "regulations", "rules"), article="第（一）项"),
        Row("normative_documents", "行政规范性文件", "normative documents", r"规范性文件", _DOCS_2021, ("2021",),
            main="in_force", words=("行政规范性文件", "规范性文件", "红头文件", "normative documents",
                                                                  "normative document"), article="第（一）项"),
        Row("normative_documents", "规范性文件", "normative documents", r"规范性文件", _DOCS_2019, ("2019",),
            main="total_published", words=("行政规范性文件", "规范性文件", "红头文件", "normative documents",
                                                                  "normative document"), article="第（一）项"),
        Row("licensing", "行政许可", "administrative licensing", r"行政许可", ("decisions",), ("2021",), main="decisions",
            words=("行政许可", "许可", "审批", "licensing", "licence", "license"), article="第（五）项"),
        Row("licensing", "行政许可", "administrative licensing", r"行政许可", _ITEMS_2019, ("2019",), main="decisions",
            words=("行政许可", "许可", "审批", "licensing", "licence", "license"), article="第（五）项"),
        Row("other_services", "其他对外管理服务事项", "other external management services", r"其他对外管理服务事项|对外管理服务",
            _ITEMS_2019, ("2019",), main="decisions", words=("其他对外管理服务事项", "对外管理服务", "external management services", "other management services", "other services"), article="第（五）项"),
        Row("penalty", "行政处罚", "administrative penalties", r"行政处罚", ("decisions",), ("2021",), main="decisions",
            words=("行政处罚", "处罚", "罚款", "罚了", "penalty", "penalties"), article="第（六）项"),
        Row("penalty", "行政处罚", "administrative penalties", r"行政处罚", _ITEMS_2019, ("2019",), main="decisions",
            words=("行政处罚", "处罚", "罚款", "罚了", "penalty", "penalties"), article="第（六）项"),
        Row("coercion", "行政强制", "administrative coercion", r"行政强制", ("decisions",), ("2021",), main="decisions",
            words=("行政强制", "强制措施", "强制执行", "coercion", "enforcement measures"), article="第（六）项"),
        Row("coercion", "行政强制", "administrative coercion", r"行政强制", _ITEMS_2019, ("2019",), main="decisions",
            words=("行政强制", "强制措施", "强制执行", "coercion", "enforcement measures"), article="第（六）项"),
        Row("fees", "行政事业性收费", "administrative fees", r"行政事业性收费|事业性收费", ("amount_10k_yuan",), ("2021",),
            main="amount_10k_yuan", words=("行政事业性收费", "事业性收费", "收费", "收了多少费", "收了多少钱", "收钱", "费用",
                                         "fees", "fee"),
            article="第（八）项"),
        Row("fees", "行政事业性收费", "administrative fees", r"行政事业性收费|事业性收费", ("prior_year_items", "change"), ("2019",),
            main="prior_year_items", words=("行政事业性收费", "事业性收费", "收费", "fees", "fee"), article="第（八）项"),
        Row("procurement", "政府集中采购", "government procurement", r"政府集中采购|集中采购", ("projects", "amount"), ("2019",),
            main="amount", words=("政府集中采购", "集中采购", "采购", "procurement"), article="第（九）项"),
    ),
)

# ---- table 3 · 收到和处理政府信息公开申请情况 ---------------------------------------------

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


# The columns printed under one header: 法人或其他组织 over its five kinds of applicant.
COLUMN_GROUPS = {"legal_org": ("法人或其他组织", ("commercial", "research", "social_welfare", "legal_service", "other_org"))}


def _t3(key, label, en, pattern, versions=VERSIONS, group="", words=()):
    return Row(key, label, en, pattern, APPLICANTS, versions, group, "total", words)


APPLICATIONS = Table(
    key="applications", name="表三", title="收到和处理政府信息公开申请情况", en="Table 3, applications",
    anchor=r"勾稽关系|钩稽关系|申请人情况|本年新收",
    columns=(
        Column("natural_person", "自然人", "natural persons", r"自然人", words=("自然人", "个人", "群众", "老百姓", "natural person", "individual")),
        Column("commercial", "商业企业", "commercial enterprises", r"商业企业|商业企", words=("商业企业", "企业", "公司", "business", "compan", "commercial")),
        Column("research", "科研机构", "research institutions", r"科研机构|科研机", words=("科研机构", "科研", "research")),
        Column("social_welfare", "社会公益组织", "social welfare organisations", r"社会公益组织|公益组", words=("社会公益组织", "公益组织", "公益", "welfare", "NGO")),
        Column("legal_service", "法律服务机构", "legal service institutions", r"法律服务机构|法律服务", words=("法律服务机构", "律师事务所", "律所", "律师", "legal service", "law firm")),
        Column("other_org", "其他", "other organisations", r"^其他$", words=("其他组织", "其他法人", "其他类")),
        Column("total", "总计", "total", r"总计|合计", words=("总计", "合计", "一共", "总共", "total")),
    ),
    groups=(
        Group("outcomes", "三、本年度办理结果", "outcomes this year", r"办理结果",
              ("办理结果", "办结", "处理结果", "答复情况", "答复结果", "办理情况", "处理情况", "怎么答复", "如何答复",
               "outcomes", "outcome")),
        Group("denied", "（三）不予公开", "refused", r"不[予子]公开",
              ("不予公开", "不子公开", "不公开", "拒绝公开", "没给公开", "不给公开", "没公开", "没有公开", "未公开", "没被公开", "驳回",
               "拒了", "拒绝了", "被拒", "拒掉",
               "refused", "denied")),
        Group("unable", "（四）无法提供", "could not be provided", r"无法提供", ("无法提供", "提供不了", "could not be provided",
                                                                          "could not provide", "couldn't provide",
                                                                          "unable to provide", "could not supply",
                                                                          "cannot be provided", "can't be provided",
                                                                          "cannot provide", "not be provided")),
        Group("unprocessed", "（五）不予处理", "not processed", r"不[予子]处理", ("不予处理", "不处理", "not processed")),
        Group("other", "（六）其他处理", "otherwise handled", r"其他处理", ("其他处理", "otherwise handled", "other handling",
                                                                       "handled otherwise", "other ways of handling")),
    ),
    rows=(
        _t3("new_received", "一、本年新收政府信息公开申请数量", "new applications received", r"本年新收",
            words=("本年新收", "新收", "收到", "受理", "接到", "申请数", "申请量", "多少申请", "申请", "received",
                   "applications")),
        _t3("carried_over", "二、上年结转政府信息公开申请数量", "carried over from last year", r"上年结转",
            words=("上年结转", "去年结转", "上年遗留", "carried over")),
        _t3("granted", "（一）予以公开", "granted", r"予以公开", group="outcomes",
            words=("予以公开", "全部公开", "同意公开", "公开答复", "granted", "granted in full", "grant in full", "fully granted",
                   "disclosed in full", "full disclosure", "answered with disclosure", "answered by disclosing",
                   "disclosure granted")),
        _t3("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially granted", r"部分公开",
            group="outcomes", words=("部分公开", "区分处理", "公开了一部分", "公开一部分", "partially granted",
                                     "partly granted", "granted in part", "partially", "partly disclosed", "disclosed in part",
                                     "partial disclosure")),
        _t3("denied_state_secret", "1.属于国家秘密", "state secret", r"国家秘密", group="denied", words=("国家秘密", "涉密", "state secret")),
        _t3("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", "prohibited by other laws", r"法律.{0,2}行政法规禁止|法规禁止",
            group="denied", words=("法律行政法规禁止", "法规禁止", "法律禁止", "prohibited by law", "prohibited by other laws", "forbidden by law", "banned by law")),
        _t3("denied_security_stability", "3.危及“三安全一稳定”", "endangers security and stability", r"三安全一稳定|危及",
            group="denied", words=("三安全一稳定", "危及安全", "国家安全", "security and stability", "three securities")),
        _t3("denied_third_party", "4.保护第三方合法权益", "third-party rights", r"第三方合法权益|第三方",
            group="denied", words=("第三方", "third part")),
        _t3("denied_internal_affairs", "5.属于三类内部事务信息", "internal affairs", r"三类内部事务|内部事务",
            group="denied", words=("内部事务", "internal affairs")),
        _t3("denied_process_info", "6.属于四类过程性信息", "process information", r"四类过程性|过程性信息",
            group="denied", words=("过程性信息", "过程性", "process information")),
        _t3("denied_enforcement_files", "7.属于行政执法案卷", "enforcement case files", r"行政执法案[卷件]|执法案卷",
            group="denied", words=("行政执法案卷", "执法案卷", "enforcement files")),
        _t3("denied_inquiry_matters", "8.属于行政查询事项", "administrative inquiry matters", r"行政查询事项|查询事项",
            group="denied", words=("行政查询事项", "查询事项", "inquiry")),
        _t3("unable_not_held", "1.本机关不掌握相关政府信息", "information not held", r"不掌握",
            group="unable", words=("不掌握", "没有这个信息", "没有该信息", "信息不存在", "not held", "did not hold",
                                   "didn't hold", "does not hold", "doesn't hold", "not holding")),
        _t3("unable_needs_creation", "2.没有现成信息需要另行制作", "would need to be created", r"另行制作|没有现成",
            group="unable", words=("另行制作", "没有现成", "需要制作", "need to be created", "needs to be created", "newly created", "have to be created", "had to be created",
                                   "would have to be created", "have to create",
                                   "no ready-made", "not readily available")),
        _t3("unable_unclear", "3.补正后申请内容仍不明确", "still unclear after correction", r"仍不明确|补正后",
            group="unable", words=("仍不明确", "不明确", "说不清", "unclear")),
        _t3("unprocessed_petition", "1.信访举报投诉类申请", "petitions and complaints", r"信访举报投诉|信访",
            group="unprocessed", words=("信访", "举报", "投诉", "petition", "complaint")),
        _t3("unprocessed_duplicate", "2.重复申请", "duplicate applications", r"重复申请",
            group="unprocessed", words=("重复申请", "重复", "duplicate")),
        _t3("unprocessed_publication", "3.要求提供公开出版物", "requests for publications", r"公开出版物|出版物",
            group="unprocessed", words=("出版物", "publication")),
        _t3("unprocessed_repetitive", "4.无正当理由大量反复申请", "repeated mass applications", r"大量反复申请|大量反复",
            group="unprocessed", words=("大量反复", "反复申请", "repetitive")),
        _t3("unprocessed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "confirmation of information already obtained",
            r"重新出具|确认或重新", group="unprocessed", words=("重新出具", "确认", "confirmation")),
        _t3("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "not corrected in time", r"逾期不补正|不补正", ("2021",), "other", words=("逾期不补正", "不补正", "did not supplement", "failed to supplement", "not supplemented", "no supplement",
                     "never supplied", "did not supply", "failed to supply", "requested corrections", "never corrected",
                     "did not correct", "failed to correct")),
        _t3("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "fee not paid in time", r"收费通知|缴纳费用|未按收费", ("2021",), "other",
            words=("未缴费", "没交费", "未交费", "不交费", "不缴费", "没缴费", "缴纳费用", "收费通知", "fee not paid", "unpaid fee", "did not pay", "failed to pay")),
        _t3("other_other", "3.其他", "other handling", r"(?:^|[\d.．、）)])其他$|3[.．、]其他", ("2021",), "other",
            words=("其他处理中的其他", "其他处理的其他", "其他处理-其他", "其他处理—其他", "其他处理里的其他", "其他处理里其他",
                   "其他处理中其他", "其他处理其他", "其他处理·其他", "其他处理・其他", "其他处理 其他",
                   "other handling – other", "other handling - other", "other handling: other", "other handling — other")),
        _t3("other_handling", "（六）其他处理", "otherwise handled", r"其他处理", ("2019",), "outcomes"),
        _t3("total_processed", "（七）总计", "total processed", r"[（(]?七[）)、.．]?总计|^总计$",
            words=("办理结果总计", "办结", "处理总数", "办理总数", "共办了", "共办理", "共处理了", "答复了", "办理申请总计",
                   "办理总计", "处理申请总计", "处理总计", "办理申请总数", "办理的申请总计", "没处理", "未处理", "处理过",
                   "没办理", "办理过", "办理了", "total processed")),
        _t3("carried_forward", "四、结转下年度继续办理", "carried forward to next year", r"结转下年度|结转下一年|下年度继续",
            words=("结转下年度", "结转下年", "结转到下一年", "结转到下年度", "转到下年度", "转入下年度", "转入下一年", "下一年继续", "留到明年", "明年继续办", "结转到明年", "转到明年",
                   "拖到明年", "拖到下一年", "留到下一年", "转到下一年", "下一年办", "未办结", "没办完", "转结",
                   "carried forward", "carried over to next year", "carried over to the next year",
                   "carry over to the next year", "carry over to next year", "carried into next year")),
    ),
)

# ---- table 4 · 政府信息公开行政复议、行政诉讼情况 -------------------------------------------

_APPEAL_COLS = ("upheld", "corrected", "other", "pending", "total")

APPEALS = Table(
    key="appeals", name="表四", title="政府信息公开行政复议、行政诉讼情况", en="Table 4, reviews and lawsuits",
    anchor=r"行政复议|行政法复议",
    columns=(
        Column("upheld", "结果维持", "upheld", r"结果维持|维持", words=("维持", "upheld")),
        Column("corrected", "结果纠正", "corrected", r"结果纠正|纠正", words=("纠正", "纠错", "撤销", "败诉", "输了", "corrected")),
        Column("other", "其他结果", "other outcome", r"其他结果", words=("其他结果", "other outcome")),
        Column("pending", "尚未审结", "pending", r"尚未审结|未审结", words=("尚未审结", "未审结", "还没结", "在审", "没审完", "未审完", "没结案", "未结案", "还没判", "pending")),
        Column("total", "总计", "total", r"总计|合计", words=("总计", "合计", "一共", "total")),
    ),
    groups=(Group("litigation", "行政诉讼", "lawsuits", r"行政诉讼",
                  ("行政诉讼", "诉讼", "起诉", "被诉", "被告", "当被告", "被人告", "被人起诉", "告过", "告上法院", "有人告", "有没有人告", "吃官司", "打官司", "官司", "lawsuit", "litigation", "sued")),),
    rows=(
        Row("review", "行政复议", "administrative reviews", r"行政复议|行政法复议", _APPEAL_COLS, main="total",
            words=("行政复议", "复议", "被申请复议", "administrative review", "review", "administrative reconsideration",
                   "reconsideration")),
        Row("litigation_direct", "未经复议直接起诉", "lawsuits without prior review", r"未经复议|直接起诉", _APPEAL_COLS,
            group="litigation", main="total", words=("直接起诉", "直接被起诉", "未经复议", "没经复议", "不经复议", "没有经过复议", "未经过复议",
                                                     "直接被诉", "直接告", "sued directly", "direct lawsuit",
                                                     "filed directly", "without reconsideration", "without review",
                                                     "without prior review", "directly sued")),
        Row("litigation_after_review", "复议后起诉", "lawsuits after review", r"复议后起诉|复议后", _APPEAL_COLS,
            group="litigation", main="total", words=("复议后起诉", "复议后又被起诉", "复议后又起诉", "复议后再起诉", "复议之后起诉", "复议后", "after review",
                   "after administrative review", "after an administrative review", "after a review")),
    ),
)

TABLES: tuple[Table, ...] = (PROACTIVE, APPLICATIONS, APPEALS)
TABLE_BY_KEY = {t.key: t for t in TABLES}

# Header words that tell the two versions apart (table 2 differs the most).
_VERSION_WORDS = {
    "2021": r"本年制发件数|本年废[止纸]件数|[现先]行有效件数|本年收费金额",
    "2019": r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|政府集中采购",
}
# Rows of （六）其他处理 tell the versions apart inside table 3.
_T3_VERSION_WORDS = {"2021": r"逾期不补正|收费通知|缴纳费用", "2019": r"其他处理[\d\s]"}


def detect_version(text: str) -> str | None:
    """'2021' or '2019' from the header words of table 2 (the version more of whose words are printed),
    None when neither's are."""
    flat = "".join(text.split())
    hits = {v: len(set(re.findall(_VERSION_WORDS[v], flat))) for v in ("2021", "2019")}
    if not any(hits.values()):
        return None
    return "2021" if hits["2021"] >= hits["2019"] else "2019"


def applications_version(region: str, default: str) -> str:
    """The layout of table 3 from its own rows (（六）其他处理 as one row or three)."""
    flat = "".join(region.split())
    if re.search(_T3_VERSION_WORDS["2021"], flat):
        return "2021"
    if re.search(_T3_VERSION_WORDS["2019"], region):
        return "2019"
    return default


# ---- keys and labels -------------------------------------------------------------------

def cell_keys(version: str, table: str | None = None) -> list[str]:
    """Every cell key of a version, in printed order."""
    return [r.key_of(t.key, c) for t in TABLES if table in (None, t.key) for r in t.rows_for(version) for c in r.columns]


def all_keys() -> set[str]:
    """Every cell key of either version."""
    return set(cell_keys("2019")) | set(cell_keys("2021"))


def outcome_rows(version: str) -> list[str]:
    """Table 3's outcome rows (（一）…（六）), whose sum is （七）总计."""
    return [r.key for r in APPLICATIONS.rows_for(version) if r.group in ("outcomes", "denied", "unable", "unprocessed", "other")]


def split_key(key: str) -> tuple[str, str, str]:
    parts = key.split(".")
    return parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""


def row_label(table: str, row: str, with_group: bool = True) -> str:
    """A row's printed label; reason rows carry their group (（三）不予公开 1.属于国家秘密)."""
    t = TABLE_BY_KEY.get(table)
    r = t.row(row) if t else None
    if r is None:
        # a group's rows together (litigation_*, denied_*): the group's label
        group = next((g for g in t.groups if g.key == row.rstrip("*").rstrip("_")), None) if t else None
        return group.label.lstrip("（）()一二三四五六七八九十") if group else row
    group = next((g for g in t.groups if g.key == r.group), None)
    if with_group and group and r.group not in ("outcomes",):
        return f"{group.label} {r.label}"
    return r.label


def column_label(table: str, column: str) -> str:
    t = TABLE_BY_KEY.get(table)
    c = t.column(column) if t else None
    if column in COLUMN_GROUPS:
        return COLUMN_GROUPS[column][0]
    if c is None:
        return column
    if table == "applications" and column not in ("natural_person", "total"):
        return f"法人或其他组织 {c.label}"
    return c.label


def cell_label(key: str) -> tuple[str, str, str]:
    """(表三, 一、本年新收政府信息公开申请数量, 总计) for a key such as applications.new_received.total."""
    table, row, col = split_key(key)
    t = TABLE_BY_KEY.get(table)
    return (t.name if t else table), (row_label(table, row) if row else ""), (column_label(table, col) if col else "")


def unit_of(key: str) -> str:
    """The unit the template fixes for a cell ('' for counts and for money printed in its own unit)."""
    table, _, col = split_key(key)
    t = TABLE_BY_KEY.get(table)
    c = t.column(col) if t else None
    return c.unit if c else ""


def main_column(table: str, row: str, version: str) -> str:
    """The column people mean when they name a row alone (行政处罚 → 本年处理决定数量)."""
    t = TABLE_BY_KEY.get(table)
    r = (t.row(row, version) or t.row(row)) if t else None
    return r.main if r else "total"


def keys_matching(pattern: str) -> list[str]:
    """The template's cell keys a key or prefix names: an exact key, `appeals.review`, `applications.denied_*`."""
    keys = sorted(all_keys())
    if pattern in keys:
        return [pattern]
    table, row, col = split_key(pattern)
    if col in COLUMN_GROUPS:   # applications.new_received.legal_org → its five columns
        return [k for c in COLUMN_GROUPS[col][1] for k in keys_matching(f"{table}.{row}.{c}")]
    if "*" in pattern:
        return [k for k in keys if fnmatch.fnmatchcase(k, pattern)]
    stem = pattern
    stem = stem.rstrip(".") + "."
    return [k for k in keys if k.startswith(stem)]


def is_money(column: str) -> bool:
    return any(c.key == column and c.money for t in TABLES for c in t.columns)


def is_signed(column: str) -> bool:
    return any(c.key == column and c.signed for t in TABLES for c in t.columns)


# ---- recognising labels ------------------------------------------------------------------

@lru_cache(maxsize=None)
def _row_patterns(table: str, version: str) -> tuple[tuple[Row, re.Pattern[str]], ...]:
    t = TABLE_BY_KEY[table]
    return tuple((r, re.compile(r.pattern)) for r in t.rows_for(version))


def row_patterns(table: str, version: str) -> tuple[tuple[Row, re.Pattern[str]], ...]:
    """(row, compiled label pattern) in printed order."""
    return _row_patterns(table, version)


def normalise_label(text: str) -> str:
    """A label as the patterns see it: no whitespace, full-width punctuation, OCR look-alikes folded."""
    s = "".join(str(text).split())
    return s.translate(_LOOKALIKES)


# Characters OCR and converters confuse in labels; folded before matching (values are never folded).
_LOOKALIKES = str.maketrans({"(": "（", ")": "）", "钩": "勾", "．": ".", "、": "."})


# ---- arithmetic ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Equation:
    """sum(left) == sum(right) over cell keys: one of the template's own rules."""

    rule: str                 # row_sum | balance | outcomes | appeal_group
    left: tuple[str, ...]
    right: tuple[str, ...]
    key: str                  # the cell a break is reported on
    column: str = ""          # table 3 column or table 4 group the rule is about
    row: str = ""             # table 3 row the rule is about


@lru_cache(maxsize=None)
def equations(version: str) -> tuple[Equation, ...]:
    """The template's arithmetic (勾稽关系) for a version, as linear equations over cell keys."""
    out: list[Equation] = []
    a = "applications"
    outcomes = outcome_rows(version)
    for col in APPLICANTS:
        out.append(Equation("balance", (f"{a}.new_received.{col}", f"{a}.carried_over.{col}"),
                            (f"{a}.total_processed.{col}", f"{a}.carried_forward.{col}"), f"{a}.*.{col}", column=col))
        out.append(Equation("outcomes", tuple(f"{a}.{r}.{col}" for r in outcomes), (f"{a}.total_processed.{col}",),
                            f"{a}.total_processed.{col}", column=col))
    for r in APPLICATIONS.rows_for(version):
        out.append(Equation("row_sum", tuple(f"{a}.{r.key}.{c}" for c in APPLICANTS[:-1]), (f"{a}.{r.key}.total",),
                            f"{a}.{r.key}.total", row=r.key))
    for r in APPEALS.rows:
        out.append(Equation("appeal_group", tuple(f"appeals.{r.key}.{c}" for c in _APPEAL_COLS[:-1]),
                            (f"appeals.{r.key}.total",), f"appeals.{r.key}.total", column=r.key))
    return tuple(out)
