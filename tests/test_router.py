"""The question router, table by table: questions as people type them → the slots they mean.

Every case is one question and what a reader means by it: the cells of the
template the metric names (the keys of the template version the question's
year uses), the bodies by their exact names in the corpus, the year or the
range of years, the intent, and whether the question names a body the corpus
does not hold. The resolver is built from the real corpus (parsed here; no
store, no search index).

Cases the router does not yet read right stay in the table, marked
xfail(strict=True) with what goes wrong: each is a known gap, and once the
router reads it right the case passes, the strict mark turns that into a
failure, and the mark must go. Expectations are what a user means, never what
the router happens to return.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from nianbao.app.bodies import BodyResolver
from nianbao.app.router import parse
from conftest import CORPUS
from nianbao.ingest.metadata import load_manifest, zone_kind
from nianbao.ingest.parse import parse_file
from nianbao.ingest.template import APPEALS, APPLICATIONS, PROACTIVE, cell_keys, keys_matching

# ---- the bodies of the corpus, by their exact names ----------------------------------------

PT = "平潭综合实验区"
GA = "平潭综合实验区公安局"
JF = "平潭综合实验区经济发展局"
HT = "平潭综合实验区海坛片区管理局"
SS = "平潭综合实验区社会事业局"
CZ = "平潭综合实验区财政金融局"
JS = "平潭综合实验区君山片区管理局"
SJ = "平潭综合实验区市场监督管理局"
SP = "平潭综合实验区苏平片区管理局"
ZR = "平潭综合实验区自然资源与生态环境局"
NY = "平潭综合实验区农业农村局"
JJ = "江苏江阴靖江工业园区"
LG = "江阴临港经济开发区"
YK = "洋口港经济开发区"
LJ = "临江新区"
PINGTAN_ALL = (PT, GA, JF, HT, SS, CZ, JS, SJ, SP, ZR, NY)
PIANQU = (HT, JS, SP)
CHANGZHOU = "2024_changzhou-district-office.txt"   # the report that never names its body
LATEST = 2025

# ---- cells -----------------------------------------------------------------------------------

A, P, R = "applications.", "proactive.", "appeals."
DENIED = ("denied_state_secret", "denied_prohibited_by_law", "denied_security_stability", "denied_third_party",
          "denied_internal_affairs", "denied_process_info", "denied_enforcement_files", "denied_inquiry_matters")
UNABLE = ("unable_not_held", "unable_needs_creation", "unable_unclear")
UNPROCESSED = ("unprocessed_petition", "unprocessed_duplicate", "unprocessed_publication", "unprocessed_repetitive",
               "unprocessed_confirmation")
OTHER_2021 = ("other_overdue_correction", "other_unpaid_fee", "other_other")
LITIGATION = ("litigation_direct", "litigation_after_review")


def t3(rows, column="total") -> set[str]:
    """Table 3 cells: one column of some rows."""
    rows = (rows,) if isinstance(rows, str) else rows
    return {f"{A}{r}.{column}" for r in rows}


def t4(rows, column="total") -> set[str]:
    rows = (rows,) if isinstance(rows, str) else rows
    return {f"{R}{r}.{column}" for r in rows}


def t2(row, *columns) -> set[str]:
    return {f"{P}{row}.{c}" for c in columns}


RECEIVED = t3("new_received")


# ---- a case ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    question: str
    keys: frozenset[str] | None = frozenset()    # None: not checked (ratios)
    bodies: tuple[str, ...] = ()
    year: int | None = None
    span: tuple[int, int] | None = None
    intent: str = "value"
    unknown: bool = False
    reports: tuple[str, ...] = ()                # unnamed reports, by source file
    zone: bool = False
    agg: str | None = None                       # checked when given
    ratio: str | None = None
    section: str | None = None
    claim: float | None = None
    gap: str = ""                                # the router's known gap: xfail(strict)

    def versions(self) -> set[str]:
        years = [self.year] if self.year else list(range(self.span[0], self.span[1] + 1)) if self.span else []
        return {"2019" if y <= 2020 else "2021" for y in years} or {"2019", "2021"}


def c(question, keys=(), bodies=(), year=None, span=None, intent="value", **kw) -> Case:
    keys = None if keys is None else frozenset(keys)
    bodies = (bodies,) if isinstance(bodies, str) else tuple(bodies)
    return Case(question, keys, bodies, year, span, intent, **kw)


# ---- table 2 · 主动公开, template 2021 ----------------------------------------------------------------

TABLE2_2021 = [
    c("平潭公安局2021年制发了几件规章？", t2("regulations", "issued"), GA, 2021),
    c("2024年公安局本年废止的规章有几件", t2("regulations", "repealed"), GA, 2024),
    c("财政金融局2023年现行有效的规章有多少件", t2("regulations", "in_force"), CZ, 2023),
    c("2021年财政金融局规章情况", t2("regulations", "issued", "repealed", "in_force"), CZ, 2021),
    c("2022年市场监管局出台了多少规范性文件", t2("normative_documents", "issued"), SJ, 2022),
    c("社会事业局2023年废止了几个红头文件", t2("normative_documents", "repealed"), SS, 2023),
    c("2025年经发局现行有效的行政规范性文件有几件", t2("normative_documents", "in_force"), JF, 2025),
    c("海坛片区2023年行政规范性文件的情况", t2("normative_documents", "issued", "repealed", "in_force"), HT, 2023),
    c("2022年平潭全区本年制发规范性文件件数", t2("normative_documents", "issued"), PT, 2022),
    c("2024年财政金融局行政规范性文件现行有效件数", t2("normative_documents", "in_force"), CZ, 2024),
    c("2024年君山片区行政许可处理决定多少", t2("licensing", "decisions"), JS, 2024),
    c("市场监管局2022年审批了多少件", t2("licensing", "decisions"), SJ, 2022),
    c("2025年市场监管局作出了多少行政许可决定", t2("licensing", "decisions"), SJ, 2025),
    c("2021年公安局行政处罚决定数量是多少", t2("penalty", "decisions"), GA, 2021),
    c("2022年平潭全区行政处罚多少件", t2("penalty", "decisions"), PT, 2022),
    c("市场监管局2025年罚款决定有多少", t2("penalty", "decisions"), SJ, 2025),
    c("2024年平潭公安局罚了多少次", t2("penalty", "decisions"), GA, 2024),
    c("2024年市场监管局行政强制多少件", t2("coercion", "decisions"), SJ, 2024),
    c("公安局2024年采取了多少强制措施", t2("coercion", "decisions"), GA, 2024),
    c("2023年自然资源局强制执行决定几件", t2("coercion", "decisions"), ZR, 2023),
    c("财政金融局2023年收费多少", t2("fees", "amount_10k_yuan"), CZ, 2023),
    c("2024年财政金融局行政事业性收费金额多少万元", t2("fees", "amount_10k_yuan"), CZ, 2024),
    c("2022年平潭全区事业性收费是多少", t2("fees", "amount_10k_yuan"), PT, 2022),
    c("财政金融局2025年收了多少费用", t2("fees", "amount_10k_yuan"), CZ, 2025),
]

# ---- table 2 · 主动公开, template 2019 (reports for 2019 and 2020) --------------------------------------

TABLE2_2019 = [
    c("2019年公安局新制作规章多少件", t2("regulations", "newly_made"), GA, 2019),
    c("经发局2019年新公开的规章数量", t2("regulations", "newly_published"), JF, 2019),
    c("2020年财政金融局规章对外公开总数量", t2("regulations", "total_published"), CZ, 2020),
    c("2019年社会事业局新制作了几件规范性文件", t2("normative_documents", "newly_made"), SS, 2019),
    c("2020年市场监管局规范性文件本年新公开数量", t2("normative_documents", "newly_published"), SJ, 2020),
    c("君山片区2020年规范性文件对外公开总数量是多少", t2("normative_documents", "total_published"), JS, 2020),
    c("2019年经发局规范性文件情况",
      t2("normative_documents", "newly_made", "newly_published", "total_published"), JF, 2019),
    c("2019年公安局行政许可上一年项目数量", t2("licensing", "prior_year_items"), GA, 2019),
    c("经发局2019年行政许可本年增减多少", t2("licensing", "change"), JF, 2019),
    c("2020年市场监管局行政许可处理决定数量", t2("licensing", "decisions"), SJ, 2020),
    c("2020年靖江园区行政许可情况", t2("licensing", "prior_year_items", "change", "decisions"), JJ, 2020),
    c("2019年海坛片区其他对外管理服务事项上一年项目数量", t2("other_services", "prior_year_items"), HT, 2019),
    c("2020年苏平片区对外管理服务事项本年增减", t2("other_services", "change"), SP, 2020),
    c("2020年君山片区其他对外管理服务事项处理决定多少", t2("other_services", "decisions"), JS, 2020),
    c("2019年公安局行政处罚处理决定数量", t2("penalty", "decisions"), GA, 2019),
    c("公安局2019年行政处罚上一年项目数量是多少", t2("penalty", "prior_year_items"), GA, 2019),
    c("2019年公安局行政处罚本年增/减是多少", t2("penalty", "change"), GA, 2019),
    c("2020年市场监管局行政强制上一年项目数量", t2("coercion", "prior_year_items"), SJ, 2020),
    c("2020年靖江园区行政强制本年增减", t2("coercion", "change"), JJ, 2020),
    c("2019年公安局行政强制处理决定数量", t2("coercion", "decisions"), GA, 2019),
    c("2019年公安局行政事业性收费上一年项目数量", t2("fees", "prior_year_items"), GA, 2019),
    c("2020年财政金融局收费项目本年增减多少", t2("fees", "change"), CZ, 2020),
    c("2019年社会事业局行政事业性收费情况", t2("fees", "prior_year_items", "change"), SS, 2019),
    c("2019年社会事业局政府集中采购项目数量", t2("procurement", "projects"), SS, 2019),
    c("海坛片区2019年集中采购总金额多少", t2("procurement", "amount"), HT, 2019),
    c("2020年平潭综合实验区政府采购花了多少钱", t2("procurement", "amount"), PT, 2020),
    c("2019年社会事业局集中采购情况", t2("procurement", "projects", "amount"), SS, 2019),
    c("财政金融局2020年政府集中采购了几个项目，总金额多少？", t2("procurement", "projects", "amount"), CZ, 2020),
    c("How many centralized government procurement deals did the Pingtan Finance Bureau report for 2020, and what was "
      "the total amount?", t2("procurement", "projects", "amount"), CZ, 2020),
    # one report of the 2019 tables: 今年增加了几项 is its change column, not a comparison of years
    c("靖江工业园区2020年行政许可上一年有几个项目，今年增加了几项？", t2("licensing", "prior_year_items", "change", "decisions"), JJ, 2020),
    c("2019年经发局主动公开规章的情况",
      t2("regulations", "newly_made", "newly_published", "total_published"), JF, 2019),
]

# ---- table 3 · 申请, rows (total column), template 2021 ------------------------------------------------

TABLE3_ROWS_2021 = [
    c("2024年公安局收到多少政府信息公开申请", RECEIVED, GA, 2024),
    c("市场监管局2025年新收申请数量", RECEIVED, SJ, 2025),
    c("2023年农业农村局受理了几件依申请公开", RECEIVED, NY, 2023),
    c("2022年平潭全区本年新收政府信息公开申请数量", RECEIVED, PT, 2022),
    c("2022年经发局上年结转的申请有多少", t3("carried_over"), JF, 2022),
    c("2025年市场监管局上年遗留的申请有几件", t3("carried_over"), SJ, 2025),
    c("海坛片区2023年予以公开多少件", t3("granted"), HT, 2023),
    c("2024年公安局同意公开了几件", t3("granted"), GA, 2024),
    c("2023年自然资源局部分公开的有多少", t3("partially_granted"), ZR, 2023),
    c("2024年公安局只公开了一部分的申请有几件", t3("partially_granted"), GA, 2024),
    c("2025年市场监管局依申请公开收到多少件", RECEIVED, SJ, 2025),
    c("2022年平潭全区因属于国家秘密不予公开的有几件", t3("denied_state_secret"), PT, 2022),
    c("2024年君山片区其他法律行政法规禁止公开多少件", t3("denied_prohibited_by_law"), JS, 2024),
    c("2023年社会事业局因危及三安全一稳定不予公开几件", t3("denied_security_stability"), SS, 2023),
    c("2025年市场监管局因保护第三方合法权益不公开的有几件", t3("denied_third_party"), SJ, 2025),
    c("2022年平潭全区属于三类内部事务信息的有多少", t3("denied_internal_affairs"), PT, 2022),
    c("2023年自然资源局过程性信息不予公开几件", t3("denied_process_info"), ZR, 2023),
    c("2025年市场监管局属于行政执法案卷不予公开多少", t3("denied_enforcement_files"), SJ, 2025),
    c("2024年财政金融局属于行政查询事项的有几件", t3("denied_inquiry_matters"), CZ, 2024),
    c("2024年公安局有几件申请因为涉及第三方没公开", t3("denied_third_party"), GA, 2024),
    c("2023年自然资源局有多少申请属于过程性信息", t3("denied_process_info"), ZR, 2023),
    c("2025年市场监管局执法案卷类的申请不公开几件", t3("denied_enforcement_files"), SJ, 2025),
    c("2023年自然资源局不予公开多少件", t3(DENIED), ZR, 2023),
    c("2024年公安局驳回了多少申请", t3(DENIED), GA, 2024),
    c("2022年平潭全区拒绝公开多少件", t3(DENIED), PT, 2022),
    c("2025年市场监管局有几件申请没给公开", t3(DENIED), SJ, 2025),
    c("2022年君山片区本机关不掌握相关政府信息的有多少件", t3("unable_not_held"), JS, 2022),
    c("2024年公安局有多少申请是没有这个信息的", t3("unable_not_held"), GA, 2024),
    c("2023年海坛片区信息不存在的申请有几件", t3("unable_not_held"), HT, 2023),
    c("2025年经发局没有现成信息需要另行制作的有多少", t3("unable_needs_creation"), JF, 2025),
    c("2024年市场监管局补正后申请内容仍不明确的几件", t3("unable_unclear"), SJ, 2024),
    c("2023年自然资源局无法提供多少件", t3(UNABLE), ZR, 2023),
    c("2024年公安局提供不了的申请有多少", t3(UNABLE), GA, 2024),
    c("2025年社会事业局信访举报投诉类申请多少件", t3("unprocessed_petition"), SS, 2025),
    c("2024年公安局重复申请有几件", t3("unprocessed_duplicate"), GA, 2024),
    c("2023年财政金融局要求提供公开出版物的申请有几件", t3("unprocessed_publication"), CZ, 2023),
    c("2025年市场监管局无正当理由大量反复申请多少件", t3("unprocessed_repetitive"), SJ, 2025),
    c("2022年市场监管局要求确认或重新出具已获取信息的有几件", t3("unprocessed_confirmation"), SJ, 2022),
    c("2024年君山片区不予处理多少件", t3(UNPROCESSED), JS, 2024),
    c("2025年市场监管局逾期不补正的申请有几件", t3("other_overdue_correction"), SJ, 2025),
    c("2024年市场监管局申请人逾期未缴纳费用的有多少", t3("other_unpaid_fee"), SJ, 2024),
    c("2023年财政金融局其他处理里的“其他”情形有几件", t3("other_other"), CZ, 2023),
    c("2024年公安局其他处理多少件", t3(OTHER_2021), GA, 2024),
    c("2022年经发局办理结果总计多少", t3("total_processed"), JF, 2022),
    c("2024年公安局办结了多少件申请", t3("total_processed"), GA, 2024),
    c("2024年公安局结转下年度继续办理的有几件", t3("carried_forward"), GA, 2024),
    c("2021年公安局有几件申请留到明年办", t3("carried_forward"), GA, 2021),
    c("2025年市场监管局还有多少申请没办完", t3("carried_forward"), SJ, 2025),
    c("2023年财政金融局有多少申请结转到下一年", t3("carried_forward"), CZ, 2023),
]

# ---- table 3 · rows, template 2019 ----------------------------------------------------------------------

TABLE3_ROWS_2019 = [
    c("2019年公安局收到多少信息公开申请", RECEIVED, GA, 2019),
    c("2020年财政金融局上年结转申请数", t3("carried_over"), CZ, 2020),
    c("2019年经发局予以公开几件", t3("granted"), JF, 2019),
    c("2020年市场监管局部分公开多少", t3("partially_granted"), SJ, 2020),
    c("2020年平潭综合实验区不予公开多少件", t3(DENIED), PT, 2020),
    c("2019年公安局因涉密不予公开的有几件", t3("denied_state_secret"), GA, 2019),
    c("2020年苏平片区第三方合法权益不予公开的有几件", t3("denied_third_party"), SP, 2020),
    c("2020年君山片区不掌握相关信息的有几件", t3("unable_not_held"), JS, 2020),
    c("2019年社会事业局无法提供的申请", t3(UNABLE), SS, 2019),
    c("2019年海坛片区不予处理几件", t3(UNPROCESSED), HT, 2019),
    c("2020年靖江园区信访举报投诉类申请几件", t3("unprocessed_petition"), JJ, 2020),
    c("2020年平潭综合实验区其他处理多少件", t3("other_handling"), PT, 2020),
    c("2019年公安局其他处理的申请有几件", t3("other_handling"), GA, 2019),
    c("2020年靖江园区办理结果总计", t3("total_processed"), JJ, 2020),
    c("2019年社会事业局结转下年度继续办理的有几件", t3("carried_forward"), SS, 2019),
]

# ---- table 3 · applicant columns ---------------------------------------------------------------------------

TABLE3_COLUMNS = [
    c("农业农村局2023年部分公开的那1件是什么类型的申请人提的？",
      {f"{A}partially_granted.{col}" for col in ("natural_person", "commercial", "research", "social_welfare",
                                                 "legal_service", "other_org", "total")}, NY, 2023),
    c("2024年公安局自然人申请了多少件", t3("new_received", "natural_person"), GA, 2024),
    c("2025年市场监管局老百姓提交了多少申请", t3("new_received", "natural_person"), SJ, 2025),
    c("2024年公安局个人申请的有几件", t3("new_received", "natural_person"), GA, 2024),
    c("2023年财政金融局群众申请公开的有几件", t3("new_received", "natural_person"), CZ, 2023),
    c("2022年平潭全区企业申请了多少", t3("new_received", "commercial"), PT, 2022),
    c("2025年市场监管局商业企业的申请数量", t3("new_received", "commercial"), SJ, 2025),
    c("2022年平潭全区公司提出的申请有几件", t3("new_received", "commercial"), PT, 2022),
    c("2023年自然资源局科研机构申请几件", t3("new_received", "research"), ZR, 2023),
    c("2024年公安局社会公益组织申请多少", t3("new_received", "social_welfare"), GA, 2024),
    c("2023年社会事业局公益组织提了几件申请", t3("new_received", "social_welfare"), SS, 2023),
    c("2024年公安局法律服务机构申请多少件", t3("new_received", "legal_service"), GA, 2024),
    c("2022年平潭全区律所申请了几件", t3("new_received", "legal_service"), PT, 2022),
    c("2025年市场监管局律师事务所提出的申请有多少", t3("new_received", "legal_service"), SJ, 2025),
    c("2023年自然资源局律师申请信息公开多少件", t3("new_received", "legal_service"), ZR, 2023),
    c("2024年公安局其他组织申请多少件", t3("new_received", "other_org"), GA, 2024),
    c("2022年平潭全区其他法人申请了几件", t3("new_received", "other_org"), PT, 2022),
    c("2024年公安局收到申请总计多少", RECEIVED, GA, 2024),
    c("2024年公安局自然人申请中予以公开多少", t3("granted", "natural_person"), GA, 2024),
    c("2022年平潭全区企业申请不予公开的有多少", t3(DENIED, "commercial"), PT, 2022),
    c("2023年自然资源局部分公开的申请中自然人有几件", t3("partially_granted", "natural_person"), ZR, 2023),
    c("2025年市场监管局律所的申请有几件不予处理", t3(UNPROCESSED, "legal_service"), SJ, 2025),
    c("2024年公安局结转下年度的自然人申请有几件", t3("carried_forward", "natural_person"), GA, 2024),
    c("2022年平潭全区企业申请中本机关不掌握的有几件", t3("unable_not_held", "commercial"), PT, 2022),
    c("2025年市场监管局自然人的重复申请几件", t3("unprocessed_duplicate", "natural_person"), SJ, 2025),
    c("2023年自然资源局科研机构申请予以公开几件", t3("granted", "research"), ZR, 2023),
    c("2022年平潭全区公益组织上年结转的申请", t3("carried_over", "social_welfare"), PT, 2022),
    c("2024年公安局其他组织申请办理结果总计", t3("total_processed", "other_org"), GA, 2024),
    c("2020年平潭综合实验区自然人申请多少件", t3("new_received", "natural_person"), PT, 2020),
    c("2019年公安局企业申请了几件", t3("new_received", "commercial"), GA, 2019),
    c("2020年靖江园区法律服务机构申请几件", t3("new_received", "legal_service"), JJ, 2020),
    c("2020年市场监管局科研机构的申请有几件", t3("new_received", "research"), SJ, 2020),
    c("2020年平潭综合实验区自然人申请中予以公开的有几件", t3("granted", "natural_person"), PT, 2020),
    c("2020年平潭综合实验区企业申请的其他处理几件", t3("other_handling", "commercial"), PT, 2020),
    c("2019年社会事业局社会公益组织申请几件", t3("new_received", "social_welfare"), SS, 2019),
    c("2020年君山片区其他组织的申请有多少", t3("new_received", "other_org"), JS, 2020),
]

# ---- table 4 · 行政复议、行政诉讼 ---------------------------------------------------------------------------

TABLE4 = [
    c("2024年君山片区被申请行政复议多少件", t4("review"), JS, 2024),
    c("2023年自然资源局行政复议总计", t4("review"), ZR, 2023),
    c("2025年社会事业局被申请复议几次", t4("review"), SS, 2025),
    c("2022年平潭全区复议结果维持多少", t4("review", "upheld"), PT, 2022),
    c("2023年社会事业局复议被纠正了几件", t4("review", "corrected"), SS, 2023),
    c("2025年经发局复议纠错几件", t4("review", "corrected"), JF, 2025),
    c("2023年自然资源局行政复议其他结果多少", t4("review", "other"), ZR, 2023),
    c("2025年社会事业局复议尚未审结的有几件", t4("review", "pending"), SS, 2025),
    c("2024年君山片区复议还没结的有几件", t4("review", "pending"), JS, 2024),
    c("2022年平潭全区行政诉讼多少件", t4(LITIGATION), PT, 2022),
    c("2024年君山片区吃官司了几次", t4(LITIGATION), JS, 2024),
    c("2025年社会事业局被诉多少次", t4(LITIGATION), SS, 2025),
    c("2023年自然资源局当被告几次", t4(LITIGATION), ZR, 2023),
    c("2025年经发局打了几场官司", t4(LITIGATION), JF, 2025),
    c("2025年社会事业局被起诉了几次", t4(LITIGATION), SS, 2025),
    c("2022年平潭全区未经复议直接起诉的有多少", t4("litigation_direct"), PT, 2022),
    c("2023年社会事业局直接被起诉几件", t4("litigation_direct"), SS, 2023),
    c("2025年社会事业局复议后起诉的有多少件", t4("litigation_after_review"), SS, 2025),
    c("2023年自然资源局经复议后又被起诉几件", t4("litigation_after_review"), ZR, 2023),
    c("2022年平潭全区直接起诉结果维持几件", t4("litigation_direct", "upheld"), PT, 2022),
    c("2025年社会事业局直接起诉结果纠正几件", t4("litigation_direct", "corrected"), SS, 2025),
    c("2023年自然资源局直接起诉其他结果几件", t4("litigation_direct", "other"), ZR, 2023),
    c("2025年社会事业局直接起诉尚未审结几件", t4("litigation_direct", "pending"), SS, 2025),
    c("2022年平潭全区复议后起诉结果维持几件", t4("litigation_after_review", "upheld"), PT, 2022),
    c("2023年社会事业局复议后起诉被纠正几件", t4("litigation_after_review", "corrected"), SS, 2023),
    c("2025年社会事业局复议后起诉其他结果几件", t4("litigation_after_review", "other"), SS, 2025),
    c("2024年君山片区复议后起诉尚未审结的有几件", t4("litigation_after_review", "pending"), JS, 2024),
    c("2022年平潭全区复议后起诉总计", t4("litigation_after_review"), PT, 2022),
    c("2025年社会事业局行政诉讼还在审的有几件", t4(LITIGATION, "pending"), SS, 2025),
    c("2022年平潭全区行政诉讼结果维持的有几件", t4(LITIGATION, "upheld"), PT, 2022),
    c("2022年平潭全区行政诉讼败诉了几件", t4(LITIGATION, "corrected"), PT, 2022),
    c("2023年自然资源局官司输了几场", t4(LITIGATION, "corrected"), ZR, 2023),
    c("2023年社会事业局复议被撤销的有几件", t4("review", "corrected"), SS, 2023),
    c("2024年君山片区行政复议结果如何", t4("review", "upheld") | t4("review", "corrected") | t4("review", "other")
      | t4("review", "pending") | t4("review"), JS, 2024),
    c("2025年社会事业局直接起诉的案子结果怎么样", {f"{R}litigation_direct.{col}" for col in
                                           ("upheld", "corrected", "other", "pending", "total")}, SS, 2025),
    c("2019年公安局行政复议多少件", t4("review"), GA, 2019),
    c("2020年平潭综合实验区行政诉讼结果维持", t4(LITIGATION, "upheld"), PT, 2020),
    c("2020年苏平片区复议后起诉多少件", t4("litigation_after_review"), SP, 2020),
    c("2020年财政金融局行政复议结果纠正几件", t4("review", "corrected"), CZ, 2020),
    c("2020年君山片区复议其他结果几件", t4("review", "other"), JS, 2020),
    c("2019年海坛片区直接起诉尚未审结几件", t4("litigation_direct", "pending"), HT, 2019),
]

# ---- every body of the corpus, by its full name and the short forms people write ---------------------

BODIES = [
    c("平潭综合实验区公安局2024年收到多少申请", RECEIVED, GA, 2024),
    c("平潭公安局2024年收到多少申请", RECEIVED, GA, 2024),
    c("公安局2021年收到几件申请", RECEIVED, GA, 2021),
    c("实验区公安局2019年收到多少申请", RECEIVED, GA, 2019),
    c("平潭综合实验区经济发展局2022年收到多少申请", RECEIVED, JF, 2022),
    c("经济发展局2025年收到多少申请", RECEIVED, JF, 2025),
    c("经发局2025年收到几件申请", RECEIVED, JF, 2025),
    c("平潭经发局2019年收到多少申请", RECEIVED, JF, 2019),
    c("平潭综合实验区海坛片区管理局2023年收到多少申请", RECEIVED, HT, 2023),
    c("海坛片区管理局2025年收到多少申请", RECEIVED, HT, 2025),
    c("海坛片区2021年收到多少申请", RECEIVED, HT, 2021),
    c("海坛2019年收到多少申请", RECEIVED, HT, 2019),
    c("平潭综合实验区社会事业局2023年收到多少申请", RECEIVED, SS, 2023),
    c("社会事业局2025年收到多少申请", RECEIVED, SS, 2025),
    c("社事局2019年收到多少申请", RECEIVED, SS, 2019),
    c("平潭综合实验区财政金融局2024年收到多少申请", RECEIVED, CZ, 2024),
    c("财政金融局2021年收到多少申请", RECEIVED, CZ, 2021),
    c("平潭财政局2023年收到多少申请", RECEIVED, CZ, 2023),
    c("平潭公安2021年行政处罚决定数量", t2("penalty", "decisions"), GA, 2021),
    c("资源生态局2023年收到多少申请", RECEIVED, ZR, 2023),
    c("市场监管2024年收到多少申请", RECEIVED, SJ, 2024),
    c("平潭全区和市场监管局2022年行政处罚对比", t2("penalty", "decisions"), (PT, SJ), 2022, intent="compare"),
    # a region named apart from a body inside it is a body of its own; right before it, it only qualifies it
    c("平潭实验区2022年的行政许可决定数，是市场监管局同年的多少倍？", t2("licensing", "decisions"), (PT, SJ), 2022,
      intent="compare"),
    c("平潭综合实验区2022年市场监管局行政许可多少", t2("licensing", "decisions"), SJ, 2022),
    # described, not named
    c("平潭那个管市场的局2024年收到多少申请", RECEIVED, SJ, 2024),
    c("管钱的部门2023年收费多少", t2("fees", "amount_10k_yuan"), CZ, 2023),
    c("江阴那个开发区2024年收到多少申请", RECEIVED, LG, 2024),
    c("平潭管交通的局2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("财政局2024年收到多少申请", RECEIVED, CZ, 2024),
    c("财金局2025年收到多少申请", RECEIVED, CZ, 2025),
    c("平潭综合实验区君山片区管理局2022年收到多少申请", RECEIVED, JS, 2022),
    c("君山片区管理局2024年收到多少申请", RECEIVED, JS, 2024),
    c("君山片区2020年收到多少申请", RECEIVED, JS, 2020),
    c("君山2024年收到多少申请", RECEIVED, JS, 2024),
    c("平潭综合实验区市场监督管理局2024年收到多少申请", RECEIVED, SJ, 2024),
    c("市场监督管理局2022年收到多少申请", RECEIVED, SJ, 2022),
    c("市场监管局2025年收到多少申请", RECEIVED, SJ, 2025),
    c("平潭市场监管局2020年收到多少申请", RECEIVED, SJ, 2020),
    c("市监局2024年收到多少申请", RECEIVED, SJ, 2024),
    c("市场局2025年收到几件申请", RECEIVED, SJ, 2025),
    c("平潭综合实验区苏平片区管理局2020年收到多少申请", RECEIVED, SP, 2020),
    c("苏平片区2020年收到多少申请", RECEIVED, SP, 2020),
    c("平潭综合实验区自然资源与生态环境局2021年收到多少申请", RECEIVED, ZR, 2021),
    c("自然资源与生态环境局2023年收到多少申请", RECEIVED, ZR, 2023),
    c("自然资源局2023年收到多少申请", RECEIVED, ZR, 2023),
    c("生态环境局2021年收到多少申请", RECEIVED, ZR, 2021),
    c("自然资源和生态环境局2021年收到多少申请", RECEIVED, ZR, 2021),
    c("平潭环保局2023年收到多少申请", RECEIVED, ZR, 2023),
    c("平潭综合实验区农业农村局2023年收到多少申请", RECEIVED, NY, 2023),
    c("农业农村局2023年收到多少申请", RECEIVED, NY, 2023),
    c("平潭农业局2023年收到多少申请", RECEIVED, NY, 2023),
    c("平潭综合实验区2022年收到多少申请", RECEIVED, PT, 2022),
    c("平潭实验区2020年收到多少申请", RECEIVED, PT, 2020),
    c("平潭综合实验区管委会2022年收到多少申请", RECEIVED, PT, 2022),
    c("平潭全区2022年收到多少申请", RECEIVED, PT, 2022),
    c("平潭2020年收到多少申请", RECEIVED, PT, 2020),
    c("江苏江阴靖江工业园区2020年收到多少申请", RECEIVED, JJ, 2020),
    c("靖江工业园区2020年收到多少申请", RECEIVED, JJ, 2020),
    c("靖江园区2020年收到多少申请", RECEIVED, JJ, 2020),
    c("江阴靖江工业园区2020年收到多少申请", RECEIVED, JJ, 2020),
    c("江阴临港经济开发区2024年收到多少申请", RECEIVED, LG, 2024),
    c("临港开发区2024年收到多少申请", RECEIVED, LG, 2024),
    c("临港经济开发区2024年收到几件申请", RECEIVED, LG, 2024),
    c("临港经开区2024年收到多少申请", RECEIVED, LG, 2024),
    c("江阴临港2024年收到多少申请", RECEIVED, LG, 2024),
    c("洋口港经济开发区2024年收到多少申请", RECEIVED, YK, 2024),
    c("洋口港开发区2024年收到多少申请", RECEIVED, YK, 2024),
    c("洋口港2024年收到多少申请", RECEIVED, YK, 2024),
    c("如东洋口港2024年收到多少申请", RECEIVED, YK, 2024),
    c("临江新区2024年收到多少申请", RECEIVED, LJ, 2024),
    c("临江2024年收到几件申请", RECEIVED, LJ, 2024),
    c("常州区党政办2024年收到多少申请", RECEIVED, (), 2024, reports=(CHANGZHOU,)),
    c("常州那份报告2024年收到多少申请", RECEIVED, (), 2024, reports=(CHANGZHOU,)),
    c("公安局和市场监管局2024年收到申请对比", RECEIVED, (GA, SJ), 2024, intent="compare"),
    c("社会事业局2023年复议后又被起诉的有几件", t4("litigation_after_review"), SS, 2023),
    c("海坛片区、君山片区2024年各收到多少申请", RECEIVED, (HT, JS), 2024),
    c("临港开发区和洋口港2024年收到多少申请", RECEIVED, (LG, YK), 2024),
    c("财政金融局与经发局2025年行政复议对比", t4("review"), (CZ, JF), 2025, intent="compare"),
]

# ---- 各单位 / 全区: every body of a region --------------------------------------------------------------

EVERY = [
    c("平潭各单位2024年收到申请合计多少", RECEIVED, PINGTAN_ALL, 2024, intent="aggregate", agg="sum"),
    c("平潭各部门2023年行政复议总数", t4("review"), PINGTAN_ALL, 2023, intent="aggregate", agg="sum"),
    c("平潭所有单位2025年收到多少申请", RECEIVED, PINGTAN_ALL, 2025),
    c("平潭综合实验区各单位2022年行政处罚合计", t2("penalty", "decisions"), PINGTAN_ALL, 2022,
      intent="aggregate", agg="sum"),
    c("平潭各片区2023年收到多少申请", RECEIVED, PIANQU, 2023),
    c("江阴各园区2024年收到多少申请", RECEIVED, (JJ, LG), 2024),
    c("2024年各园区收到多少申请", RECEIVED, (), 2024, zone=True),
    c("平潭哪些单位2024年被申请行政复议", t4("review"), PINGTAN_ALL, 2024, intent="list"),
    c("2023年平潭各个部门的行政许可数量，按从多到少排个序", t2("licensing", "decisions"), PINGTAN_ALL, 2023,
      intent="aggregate", agg="rank"),
    c("平潭的各局2025年行政处罚合计", t2("penalty", "decisions"), (GA, JF, SS, CZ, SJ, ZR, NY), 2025,
      intent="aggregate", agg="sum"),
    # places merged into a body are not the bodies of a kind
    c("海坛片区由哪些片区乡镇整合而来？", None, HT, intent="narrative"),
    c("江阴哪些园区收到了申请", RECEIVED, (JJ, LG), intent="list"),
    c("2023年各片区行政处罚合计", t2("penalty", "decisions"), PIANQU, 2023, intent="aggregate", agg="sum"),
    c("2023年五份平潭报告的行政处罚决定数量加总是多少？", t2("penalty", "decisions"), PINGTAN_ALL, 2023,
      intent="aggregate", agg="sum"),
    c("在用2021版表格的报告中，哪些报告的行政处罚决定数量超过100？", t2("penalty", "decisions"), (), intent="list"),
    # the year in 新版（2021）表格 names the template, not a year asked about
    c("用新版（2021）表格的报告里，本年收费金额不是0的都有哪些？", t2("fees", "amount_10k_yuan"), (), intent="list"),
    c("按2019模板填的报告中哪些有政府集中采购？", t2("procurement", "projects", "amount"), (), intent="list"),
    c("2024年哪些局收到了申请", RECEIVED, (GA, JF, SS, CZ, SJ, ZR, NY), 2024, intent="list"),
    c("2024年哪些开发区收到了申请", RECEIVED, (), 2024, intent="list", zone=True),
    c("2024年各新区的行政复议情况", t4("review"), (), 2024, zone=True),
]

# ---- bodies the corpus does not hold: never answered with another body's numbers -------------------

UNKNOWN = [
    c("平潭交通运输局2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("福州市鼓楼区2023年行政复议多少件", t4("review"), (), 2023, unknown=True),
    c("上海浦东新区2024年收到多少申请", RECEIVED, (), 2024, unknown=True),
    c("平潭教育局2024年收到多少申请", RECEIVED, (), 2024, unknown=True),
    c("平潭综合实验区教育与体育局2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("北京市公安局2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("厦门市市场监督管理局2024年行政处罚多少件", t2("penalty", "decisions"), (), 2024, unknown=True),
    c("江阴市财政局2024年收费多少", t2("fees", "amount_10k_yuan"), (), 2024, unknown=True),
    c("苏州工业园区2024年收到多少申请", RECEIVED, (), 2024, unknown=True),
    c("上海临港新片区2024年收到多少申请", RECEIVED, (), 2024, unknown=True),
    c("平潭卫健委2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("平潭发改委2022年行政许可多少", t2("licensing", "decisions"), (), 2022, unknown=True),
    c("南通市人民政府2024年收到多少申请", RECEIVED, (), 2024, unknown=True),
    c("平潭交通运输局去年行政处罚多少", t2("penalty", "decisions"), (), 2024, unknown=True),
    c("福州市鼓楼区近三年收到多少申请", RECEIVED, (), None, (2023, 2025), unknown=True),
    c("上海浦东新区的行政诉讼情况", t4(LITIGATION), (), unknown=True),
    c("滨海新区2024年收到多少申请", RECEIVED, (), 2024, unknown=True),
    c("北京公安2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("江苏财政局2024年收费多少", t2("fees", "amount_10k_yuan"), (), 2024, unknown=True),
    c("福建省公安厅2023年收到多少申请", RECEIVED, (), 2023, unknown=True),
    c("How many applications did Pudong New Area receive in 2024?", RECEIVED, (), 2024, unknown=True),
]

# ---- years: named, relative, ranges ----------------------------------------------------------------------

YEARS = [
    c("公安局去年收到多少申请", RECEIVED, GA, 2024),
    c("市场监管局今年行政处罚多少", t2("penalty", "decisions"), SJ, 2025),
    c("前年财政金融局收费多少", t2("fees", "amount_10k_yuan"), CZ, 2023),
    c("上一年经发局收到多少申请", RECEIVED, JF, 2024),
    c("最新一年社会事业局被申请复议几件", t4("review"), SS, 2025),
    c("本年度海坛片区收到多少申请", RECEIVED, HT, 2025),
    c("近三年公安局行政复议每年多少件", t4("review"), GA, None, (2023, 2025)),
    c("最近两年市场监管局收到多少申请", RECEIVED, SJ, None, (2024, 2025)),
    c("过去五年财政金融局收费情况", t2("fees", "amount_10k_yuan"), CZ, None, (2021, 2025)),
    c("近3年社会事业局收到多少申请", RECEIVED, SS, None, (2023, 2025)),
    c("2021到2024年公安局收到的申请有什么变化", RECEIVED, GA, None, (2021, 2024), intent="compare"),
    c("2022-2025年市场监管局行政处罚趋势", t2("penalty", "decisions"), SJ, None, (2022, 2025), intent="compare"),
    c("2023年和2024年财政金融局收费对比", t2("fees", "amount_10k_yuan"), CZ, None, (2023, 2024), intent="compare"),
    c("2021至2023年自然资源局行政复议多少", t4("review"), ZR, None, (2021, 2023)),
    c("二〇二三年海坛片区收到多少申请", RECEIVED, HT, 2023),
    c("23年财政金融局收费多少", t2("fees", "amount_10k_yuan"), CZ, 2023),
    c("去年和前年公安局收到的申请对比", RECEIVED, GA, None, (2023, 2024), intent="compare"),
    c("2024年度君山片区行政复议多少", t4("review"), JS, 2024),
    c("二〇二四年君山片区行政诉讼多少件", t4(LITIGATION), JS, 2024),
    c("24年公安局行政处罚多少", t2("penalty", "decisions"), GA, 2024),
    c("以2024年为基准，去年公安局收到多少申请", RECEIVED, GA, 2023),
    c("2021年以来公安局收到的申请", RECEIVED, GA, None, (2021, 2025)),
    c("平潭综合实验区2020年和2022年收到申请的差异", RECEIVED, PT, None, (2020, 2022), intent="compare"),
    c("财政金融局哪一年收费最多", t2("fees", "amount_10k_yuan", "change", "prior_year_items"), CZ, intent="aggregate",
      agg="max"),
    c("公安局2024年百分之多少的申请被公开了", None, GA, 2024, intent="aggregate", agg="ratio", ratio="disclosure_rate"),
    c("哪些单位的年报里提到了政务新媒体", (), (), intent="narrative"),
    c("现在是2024年，前年市场监管局行政处罚多少", t2("penalty", "decisions"), SJ, 2022),
    c("公安局前年和去年的行政处罚对比", t2("penalty", "decisions"), GA, None, (2023, 2024), intent="compare"),
    c("近五年平潭各单位行政诉讼合计", t4(LITIGATION), PINGTAN_ALL, None, (2021, 2025), intent="aggregate",
      agg="sum"),
]

# ---- intents ----------------------------------------------------------------------------------------------

INTENTS = [
    # list
    c("2024年哪些单位收到了政府信息公开申请", RECEIVED, (), 2024, intent="list"),
    c("2023年有哪些单位被申请行政复议", t4("review"), (), 2023, intent="list"),
    c("列出2025年有行政诉讼的单位", t4(LITIGATION), (), 2025, intent="list"),
    c("哪几个单位2022年有不予公开的申请", t3(DENIED), (), 2022, intent="list"),
    c("2024年哪些园区收到了政府信息公开申请？", RECEIVED, (), 2024, intent="list", zone=True),
    # aggregate
    c("2024年各单位收到申请合计多少", RECEIVED, (), 2024, intent="aggregate", agg="sum"),
    c("近三年公安局平均每年收到多少申请", RECEIVED, GA, None, (2023, 2025), intent="aggregate", agg="mean"),
    c("2023年哪个单位收到申请最多", RECEIVED, (), 2023, intent="aggregate", agg="max"),
    c("2024年收到申请最少的是哪个单位", RECEIVED, (), 2024, intent="aggregate", agg="min"),
    c("2025年各单位行政复议数量排名", t4("review"), (), 2025, intent="aggregate", agg="rank"),
    c("2022年哪个单位行政处罚最多", t2("penalty", "decisions"), (), 2022, intent="aggregate", agg="max"),
    c("2023年各单位不予公开加起来有多少", t3(DENIED), (), 2023, intent="aggregate", agg="sum"),
    c("2024年行政诉讼总共多少件", t4(LITIGATION), (), 2024, intent="aggregate", agg="sum"),
    c("2022年平潭全区公开率是多少", None, PT, 2022, intent="aggregate", agg="ratio", ratio="disclosure_rate"),
    c("2023年自然资源局复议纠错率", None, ZR, 2023, intent="aggregate", agg="ratio", ratio="review_correction_rate"),
    # compare
    c("公安局2021年和2024年收到申请相比有什么变化", RECEIVED, GA, None, (2021, 2024), intent="compare"),
    c("市场监管局2024年行政处罚比2022年增加了吗", t2("penalty", "decisions"), SJ, None, (2022, 2024), intent="compare"),
    c("财政金融局近三年收费的趋势", t2("fees", "amount_10k_yuan"), CZ, None, (2023, 2025), intent="compare"),
    c("海坛片区2023年和2025年不予公开的比较", t3(DENIED), HT, None, (2023, 2025), intent="compare"),
    # claim
    c("临港开发区2024年共收到申请16条，对吗？", RECEIVED, LG, 2024, intent="claim", claim=16),
    c("平潭公安局2024年收到8件申请，属实吗", RECEIVED, GA, 2024, intent="claim", claim=8),
    c("核实一下：2023年财政金融局行政事业性收费5949.09万元", t2("fees", "amount_10k_yuan"), CZ, 2023,
      intent="claim", claim=5949.09),
    c("有人说2022年平潭全区被申请行政复议3件，是真的吗", t4("review"), PT, 2022, intent="claim", claim=3),
    c("判断：2025年经发局直接起诉1件", t4("litigation_direct"), JF, 2025, intent="claim", claim=1),
    # a statement is a claim
    c("经发局2022年收到的3件申请都是自然人提的。", t3("new_received", "natural_person"), JF, 2022, intent="claim", claim=3),
    c("海坛片区2021年行政许可处理决定数量是1。", t2("licensing", "decisions"), HT, 2021, intent="claim", claim=1),
    c("2022年平潭全区的行政许可决定超过了一万件。", t2("licensing", "decisions"), PT, 2022, intent="claim", claim=10000),
    c("市场局2025年的行政处罚比2024年多了28件", t2("penalty", "decisions"), SJ, None, (2024, 2025), intent="claim",
      claim=28),
    # coverage
    c("哪些单位没有2024年的年报", (), (), 2024, intent="coverage"),
    c("2023年缺少哪些单位的报告", (), (), 2023, intent="coverage"),
    c("公安局2022年的年报缺失了吗", (), GA, 2022, intent="coverage"),
    c("经发局哪一年没有发布年度报告", (), JF, intent="coverage"),
    c("2024年哪些园区未发布年报", (), (), 2024, intent="coverage", zone=True),
    # narrative
    c("2025年市场监管局存在的主要问题有哪些", (), SJ, 2025, intent="narrative", section="problems"),
    c("经发局2019年存在什么问题？", (), JF, 2019, intent="narrative", section="problems"),   # 在什 is not 在审
    c("海坛片区2023年有什么改进措施", (), HT, 2023, intent="narrative", section="problems"),
    c("2024年公安局政府信息公开总体情况", (), GA, 2024, intent="narrative", section="overview"),
    c("公安局2024年做了哪些工作", (), GA, 2024, intent="narrative", section="overview"),
    c("2022年平潭全区其他需要报告的事项", (), PT, 2022, intent="narrative", section="other"),
    c("财政金融局2024年政务新媒体建设怎么样", (), CZ, 2024, intent="narrative"),
    c("临港开发区2024年的报告里说了哪些不足", (), LG, 2024, intent="narrative", section="problems"),
    c("社会事业局2025年政策解读是怎么做的", (), SS, 2025, intent="narrative"),
    # out of scope
    c("今天天气怎么样", (), (), intent="out_of_scope"),
    c("帮我写一首关于春天的诗", (), (), intent="out_of_scope"),
    c("Python怎么安装", (), (), intent="out_of_scope"),
    c("2024年春节放几天假", (), (), 2024, intent="out_of_scope"),
    c("平潭有什么好玩的景点", (), PT, intent="out_of_scope"),
    c("江阴哪家饭店好吃", (), (), intent="out_of_scope"),
    c("What's the weather like tomorrow?", (), (), intent="out_of_scope"),
    # the corpus itself
    c("海坛片区2021年度那份报告，表二用的是哪一版的模板？", (), HT, 2021, intent="inventory"),
    c("有没有哪份报告通篇没写清楚是哪个单位发的？", (), (), intent="inventory"),
    c("帮我写一首关于政务公开的七言绝句", (), (), intent="out_of_scope"),
    c("怎么在网上办理护照？需要哪些材料", (), (), intent="out_of_scope"),
    # the corpus itself, in English
    c("List the bodies whose table 4 is all zero", (), (), intent="inventory"),
    c("Which reports use the 2019 template?", (), (), intent="inventory"),
    c("How many reports are there for 2024?", (), (), 2024, intent="inventory"),
    c("公安局2022年收到5件申请，对吗", RECEIVED, GA, 2022, intent="claim", claim=5),
    c("经发局2022年收了多少钱", t2("fees", "amount_10k_yuan"), JF, 2022),
]

# ---- English ------------------------------------------------------------------------------------------------

ENGLISH = [
    c("How many applications did the Public Security Bureau receive in 2024?", RECEIVED, GA, 2024),
    c("How many applications did Haitan District receive last year?", RECEIVED, HT, 2024),
    c("Which bodies had administrative reviews in 2023?", t4("review"), (), 2023, intent="list"),
    c("What was the total number of applications received in 2024?", RECEIVED, (), 2024, intent="aggregate",
      agg="sum"),
    c("What problems did the Market Regulation Bureau report in 2025?", (), SJ, 2025, intent="narrative",
      section="problems"),
    c("How much did the Finance Bureau charge in fees in 2023?", t2("fees", "amount_10k_yuan"), CZ, 2023),
    c("How many lawsuits did Junshan District face in 2024?", t4(LITIGATION), JS, 2024),
    c("Is it true that Lingang Development Zone received 16 applications in 2024?", RECEIVED, LG, 2024,
      intent="claim", claim=16),
    c("Which zones did not publish a report in 2024?", (), (), 2024, intent="coverage", zone=True),
    c("Average number of applications in the last three years", RECEIVED, (), None, (2023, 2025),
      intent="aggregate", agg="mean"),
    c("What is the disclosure rate of Pingtan in 2022?", None, PT, 2022, intent="aggregate", agg="ratio",
      ratio="disclosure_rate"),
    c("How many penalties did the Public Security Bureau impose in 2021?", t2("penalty", "decisions"), GA, 2021),
    c("财政金融局2020年政府集中采购的项目数量和采购总金额是多少？", t2("procurement", "projects", "amount"), CZ, 2020),
    c("How many applications were refused in Pingtan in 2022?", t3(DENIED), PT, 2022),
    c("How many applications from companies did Pingtan receive in 2022?", t3("new_received", "commercial"), PT, 2022),
    c("How many administrative reviews did the Natural Resources Bureau have in 2023?", t4("review"), ZR, 2023),
    c("How many licensing decisions did the Market Regulation Bureau make in 2022?", t2("licensing", "decisions"),
      SJ, 2022),
    c("Which zones received applications in 2024?", RECEIVED, (), 2024, intent="list", zone=True),
    c("How many FOI requests did the Pingtan market regulation bureau receive in 2024?", RECEIVED, SJ, 2024),
    c("Was Linjiang New Area sued in 2024?", t4(LITIGATION), LJ, 2024),
    c("Did proactively disclosed information make up more than half of everything the Pingtan Finance Bureau "
      "produced in 2020?", (), CZ, 2020, intent="claim"),
    c("How many administrative penalties did the Pingtan zone as a whole impose in 2022?",
      t2("penalty", "decisions"), PT, 2022),
    c("How many penalties did the Xiamen Market Regulation Bureau impose in 2024?", t2("penalty", "decisions"), (),
      2024, unknown=True),
    c("Beijing Public Security Bureau applications received in 2023", RECEIVED, (), 2023, unknown=True),
    c("How many applications did Yangkougang carry over to the next year in 2024?", t3("carried_forward"), YK, 2024),
    c("How much did the agriculture bureau charge in fees in 2023?", t2("fees", "amount_10k_yuan"), NY, 2023),
    c("How many applications were carried over to next year by the Public Security Bureau in 2024?",
      t3("carried_forward"), GA, 2024),
    c("How many applications from individuals did the Public Security Bureau receive in 2024?",
      t3("new_received", "natural_person"), GA, 2024),
    c("Compare applications received by the Public Security Bureau in 2021 and 2024", RECEIVED, GA, None,
      (2021, 2024), intent="compare"),
    c("How many lawsuits were filed against Pingtan after administrative review in 2022?",
      t4("litigation_after_review"), PT, 2022),
    c("How many applications did the Jingjiang Industrial Park receive in 2020?", RECEIVED, JJ, 2020),
    c("How many applications came from legal persons and other organisations to the agriculture bureau in 2023?",
      set().union(*(t3("new_received", col) for col in ("commercial", "research", "social_welfare", "legal_service",
                                                        "other_org"))), NY, 2023),
    c("How many new applications in 2020 came from the 'other' organisations column of Pingtan?",
      t3("new_received", "other_org"), PT, 2020),
    c("Which received more applications in 2024, the police or the finance bureau?", RECEIVED, (GA, CZ), 2024,
      intent="compare"),
    # the 2019 table's columns, each by its English label (newly published is not the total published)
    c("How many normative documents did the economic development bureau newly publish in 2019?",
      t2("normative_documents", "newly_published"), JF, 2019),
    c("How many normative documents had the economic development bureau published in total in 2019?",
      t2("normative_documents", "total_published"), JF, 2019),
    c("How many regulations were newly made by the Public Security Bureau in 2019?", t2("regulations", "newly_made"),
      GA, 2019),
    c("Jingjiang Industrial Park 2020: administrative penalty items, the prior-year count?",
      t2("penalty", "prior_year_items"), JJ, 2020),
    c("How many other external management services decisions did the Public Security Bureau make in 2019?",
      t2("other_services", "decisions"), GA, 2019),
    c("How many applications did Linjiang refuse as prohibited by law in 2024?", t3("denied_prohibited_by_law"), LJ,
      2024),
]

# ---- typos --------------------------------------------------------------------------------------------------

TYPOS = [
    c("财政全融局2024年收费多少", t2("fees", "amount_10k_yuan"), CZ, 2024),
    c("市场监督管里局2025年收到多少申请", RECEIVED, SJ, 2025),
    c("海滩片区2023年收到多少申请", RECEIVED, HT, 2023),
    c("君山片去2024年收到多少申请", RECEIVED, JS, 2024),
    c("公安句2024年收到多少申请", RECEIVED, GA, 2024),
    c("2023年自然资源局行政复意几件", t4("review"), ZR, 2023),
    c("2022年平潭全区行政诉松多少件", t4(LITIGATION), PT, 2022),
    c("2024年市场监管局行政处法多少件", t2("penalty", "decisions"), SJ, 2024),
    c("2024年公安局不子公开多少件", t3(DENIED), GA, 2024),
    c("平潭综合实验区2022年没公开的申请都是什么理由？各多少件？", t3(DENIED), PT, 2022),
    c("2023年海坛片区先行有效的规范性文件几件", t2("normative_documents", "in_force"), HT, 2023),
    c("2021年公安局本年废纸件数", t2("regulations", "repealed", ) | t2("normative_documents", "repealed"), GA, 2021),
    c("2024年公安局收到多少申情", RECEIVED, GA, 2024),
    c("公安局2021年和2024年比，新收申请数变化了多少", RECEIVED, GA, None, (2021, 2024), intent="compare"),
    c("平潭综合实验区2020年依申请公开的申请人都是谁？",
      set().union(*(t3("new_received", col) for col in ("natural_person", "commercial", "research", "social_welfare",
                                                        "legal_service", "other_org", "total"))), PT, 2020),
    c("臨港開發區2024年收到多少政府資訊公開申請？", RECEIVED, LG, 2024),       # traditional characters
    c("平潭綜合實驗區市場監督管理局２０２５年行政處罰多少件", t2("penalty", "decisions"), SJ, 2025),
    c("市场监管局2024年行政处发多少件", t2("penalty", "decisions"), SJ, 2024),
    c("2022年平潭全区结专下年度的申请有几件", t3("carried_forward"), PT, 2022),
    c("2022年平潭全区行政复以其他结果有几件", t4("review", "other"), PT, 2022),
    c("苏平片去2020年收到多少申请", RECEIVED, SP, 2020),
    c("经发局2022年现行有校的规范性文件几件", t2("normative_documents", "in_force"), JF, 2022),
    c("How many aplications did the Public Security Bureau recieve in 2024?", RECEIVED, GA, 2024),
]

CASES: dict[str, list[Case]] = {
    "t2-2021": TABLE2_2021, "t2-2019": TABLE2_2019, "t3-rows-2021": TABLE3_ROWS_2021, "t3-rows-2019": TABLE3_ROWS_2019,
    "t3-cols": TABLE3_COLUMNS, "t4": TABLE4, "body": BODIES, "every": EVERY, "unknown": UNKNOWN, "year": YEARS,
    "intent": INTENTS, "en": ENGLISH, "typo": TYPOS,
}


def test_statements_asked_about_together_split_into_claims():
    from nianbao.app.router import split_parts

    assert split_parts("临港开发区2024年没收取信息处理费，表二里的行政事业性收费也填的是0，这两点都对吗？") == [
        "临港开发区2024年没收取信息处理费，对吗？", "表二里的行政事业性收费也填的是0，对吗？"]
    assert split_parts("财政局2024年收到2件申请，以上说法是否都属实") == ["财政局2024年收到2件申请，以上说法是否都属实"]


def test_a_difference_asked_apart_joins_the_values_before_it():
    from nianbao.app.router import split_parts

    assert len(split_parts("市场监管局2022年和2024年行政处罚决定数分别多少？差了多少？")) == 1
    assert len(split_parts("市场监管局2022年行政处罚多少？结转下年度的有几件？")) == 2


def test_context_first_and_a_second_ask_after_其中():
    from nianbao.app.router import split_parts

    assert split_parts("我在写一篇关于平潭政务公开的稿子，想知道市场监管局2024年一共收到了多少政府信息公开申请，"
                       "其中有多少是企业提的？") == [
        "我在写一篇关于平潭政务公开的稿子，想知道市场监管局2024年一共收到了多少政府信息公开申请",
        "其中有多少是企业提的？"]
    assert split_parts("社会事业局2025年复议和诉讼一共多少件") == ["社会事业局2025年复议和诉讼一共多少件"]


def _params():
    out = []
    for cat, cases in CASES.items():
        for i, case in enumerate(cases, 1):
            marks = [pytest.mark.xfail(strict=True, reason=f"router: {case.gap}")] if case.gap else []
            out.append(pytest.param(case, id=f"{cat}-{i:02d}", marks=marks))
    return out


# ---- the corpus ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    manifest = load_manifest(CORPUS)
    reports = []
    for path in sorted(CORPUS.glob("*.txt")):
        r = parse_file(path, manifest.get(path.name))
        reports.append({"report_id": r.report_id, "body": r.body, "year": r.year, "region": r.region,
                        "source_file": r.source_file, "kind": zone_kind(r.body)})
    return reports


@pytest.fixture(scope="module")
def resolver(corpus) -> BodyResolver:
    return BodyResolver(corpus, {})


def slots(q, case: Case, corpus: list[dict]) -> dict:
    """The slots of a parsed question, in the form a case states them."""
    versions = case.versions()
    allowed = {k for v in versions for k in cell_keys(v)}
    ids = {r["report_id"]: r["source_file"] for r in corpus}
    out = {
        "intent": q.intent,
        "bodies": tuple(sorted(q.bodies)),
        "year": q.year,
        "span": q.year_range,
        "unknown": bool(q.unknown_body),
        "reports": tuple(sorted(ids.get(i, i) for i in q.report_ids)),
        "zone": q.zone_only,
    }
    if case.keys is not None:
        out["keys"] = sorted(set(keys_matching(q.metric)) & allowed) if q.metric else []
    for name, value in (("agg", q.aggregate), ("ratio", q.ratio), ("section", q.section), ("claim", q.claim_number)):
        if getattr(case, name) is not None:
            out[name] = value
    return out


def expected(case: Case) -> dict:
    out = {
        "intent": case.intent,
        "bodies": tuple(sorted(case.bodies)),
        "year": case.year,
        "span": case.span,
        "unknown": case.unknown,
        "reports": tuple(sorted(case.reports)),
        "zone": case.zone,
    }
    if case.keys is not None:
        out["keys"] = sorted(case.keys)
    for name in ("agg", "ratio", "section", "claim"):
        if getattr(case, name) is not None:
            out[name] = getattr(case, name)
    return out


@pytest.mark.parametrize("case", _params())
def test_router(case: Case, resolver, corpus):
    q = parse(case.question, resolver, LATEST)
    got, want = slots(q, case, corpus), expected(case)
    assert got == want, f"{case.question}\n  metric={q.metric!r} unknown_body={q.unknown_body!r}"


# ---- the table itself ---------------------------------------------------------------------------------------

def test_latest_year_and_bodies_are_the_corpus(corpus):
    """The names and the latest year the cases use are those of the corpus."""
    assert max(r["year"] for r in corpus) == LATEST
    names = {r["body"] for r in corpus if r["body"]}
    used = {b for cases in CASES.values() for case in cases for b in case.bodies}
    assert used <= names, used - names
    assert set(PINGTAN_ALL) == {b for b in names if b.startswith(PT)}
    assert CHANGZHOU in {r["source_file"] for r in corpus if not r["body"]}


def test_every_row_and_column_is_asked_about():
    """Every row and every column of tables 2–4, in both template versions, is named by some case."""
    every = [case for cases in CASES.values() for case in cases if case.keys]
    for version in ("2019", "2021"):
        named = {k for case in every if version in case.versions() for k in case.keys}
        for table in (PROACTIVE, APPLICATIONS, APPEALS):
            keys = set(cell_keys(version, table.key))
            rows = {k.split(".")[1] for k in keys}
            cols = {k.split(".")[2] for k in keys}
            asked = named & keys
            assert rows == {k.split(".")[1] for k in asked}, (version, table.key, rows - {k.split(".")[1] for k in asked})
            assert cols == {k.split(".")[2] for k in asked}, (version, table.key, cols - {k.split(".")[2] for k in asked})
    assert all(set(keys_matching(k)) == {k} for case in every for k in case.keys)


def test_enough_cases():
    assert sum(len(v) for v in CASES.values()) >= 300


# ---- bodies of a corpus the rules were not written against --------------------------------------------------
# The short forms are derived by rule; these names (other provinces, other kinds of body) are not in the bundled
# corpus, so a form that resolves here was not listed by hand.

OTHER_CORPUS = [("上海市浦东新区人民政府", "上海市浦东新区"), ("上海市浦东新区教育局", "上海市浦东新区"),
                ("上海市浦东新区市场监督管理局", "上海市浦东新区"), ("北京市东城区人民政府", "北京市东城区"),
                ("北京市东城区卫生健康委员会", "北京市东城区"), ("广州市天河区人力资源和社会保障局", "广东省广州市天河区"),
                ("深圳市南山区发展和改革局", "广东省深圳市南山区"), ("杭州市西湖区文化和广电旅游体育局", "浙江省杭州市西湖区"),
                ("南京江宁经济技术开发区管理委员会", "江苏省南京市"), ("苏州工业园区管理委员会", "江苏省苏州市")]


@pytest.mark.parametrize("question,bodies,unknown", [
    ("浦东新区教育局2023年收到多少申请", ("上海市浦东新区教育局",), False),
    ("浦东2023年收到多少申请", ("上海市浦东新区人民政府",), False),
    ("浦东新区市场局2023年行政处罚多少", ("上海市浦东新区市场监督管理局",), False),
    ("东城区卫健委2023年行政复议几件", ("北京市东城区卫生健康委员会",), False),
    ("东城区政府2023年收到多少申请", ("北京市东城区人民政府",), False),
    ("天河区人社局2023年收到多少申请", ("广州市天河区人力资源和社会保障局",), False),
    ("南山区发改局2023年行政处罚多少", ("深圳市南山区发展和改革局",), False),
    ("江宁开发区2023年收到多少申请", ("南京江宁经济技术开发区管理委员会",), False),
    ("江宁经开区2023年收到多少申请", ("南京江宁经济技术开发区管理委员会",), False),
    ("苏州工业园区2023年收到多少申请", ("苏州工业园区管理委员会",), False),
    ("浦东新区各单位2023年收到申请合计", ("上海市浦东新区人民政府", "上海市浦东新区市场监督管理局", "上海市浦东新区教育局"),
     False),
    ("Pudong education bureau: applications received in 2023", ("上海市浦东新区教育局",), False),
    ("东城区公安局2023年收到多少申请", (), True),
    ("南通市人民政府2023年收到多少申请", (), True),
    ("北京市公安局2023年收到多少申请", (), True),
])
def test_bodies_of_another_corpus(question, bodies, unknown):
    reports = [{"body": b, "region": r, "report_id": str(i), "source_file": f"{i}.txt", "template": "2021", "year": 2023}
               for i, (b, r) in enumerate(OTHER_CORPUS)]
    q = parse(question, BodyResolver(reports, {}), 2023)
    assert (tuple(sorted(q.bodies)), bool(q.unknown_body)) == (tuple(sorted(bodies)), unknown), q.unknown_body
