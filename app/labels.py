"""Chinese names of the template's tables, rows and columns, for people to read."""
from __future__ import annotations

from ingest.records import SECTION_TITLES, TABLE_NAMES

ROWS: dict[str, str] = {
    # 表二
    "regulations": "规章", "normative_documents": "行政规范性文件", "licensing": "行政许可",
    "other_services": "其他对外管理服务事项", "penalty": "行政处罚", "coercion": "行政强制",
    "fees": "行政事业性收费", "procurement": "政府集中采购",
    # 表三
    "new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开", "partially_granted": "（二）部分公开",
    "denied_state_secret": "（三）不予公开 1.属于国家秘密", "denied_prohibited_by_law": "（三）不予公开 2.其他法律行政法规禁止公开",
    "denied_security_stability": "（三）不予公开 3.危及“三安全一稳定”", "denied_third_party": "（三）不予公开 4.保护第三方合法权益",
    "denied_internal_affairs": "（三）不予公开 5.属于三类内部事务信息", "denied_process_info": "（三）不予公开 6.属于四类过程性信息",
    "denied_enforcement_files": "（三）不予公开 7.属于行政执法案卷", "denied_inquiry_matters": "（三）不予公开 8.属于行政查询事项",
    "unable_not_held": "（四）无法提供 1.本机关不掌握相关政府信息", "unable_needs_creation": "（四）无法提供 2.没有现成信息需要另行制作",
    "unable_unclear": "（四）无法提供 3.补正后申请内容仍不明确",
    "unprocessed_petition": "（五）不予处理 1.信访举报投诉类申请", "unprocessed_duplicate": "（五）不予处理 2.重复申请",
    "unprocessed_publication": "（五）不予处理 3.要求提供公开出版物", "unprocessed_repetitive": "（五）不予处理 4.无正当理由大量反复申请",
    "unprocessed_confirmation": "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
    "other_overdue_correction": "（六）其他处理 1.逾期不补正", "other_unpaid_fee": "（六）其他处理 2.逾期未缴纳费用",
    "other_other": "（六）其他处理 3.其他", "other_handling": "（六）其他处理",
    "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理",
    # 表四
    "review": "行政复议", "litigation_direct": "行政诉讼 未经复议直接起诉", "litigation_after_review": "行政诉讼 复议后起诉",
}

COLUMNS: dict[str, str] = {
    "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数", "decisions": "本年处理决定数量",
    "amount_10k_yuan": "本年收费金额（万元）", "newly_made": "本年新制作数量", "newly_published": "本年新公开数量",
    "total_published": "对外公开总数量", "prior_year_items": "上一年项目数量", "change": "本年增/减",
    "projects": "采购项目数量", "amount": "采购总金额",
    "natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "social_welfare": "社会公益组织",
    "legal_service": "法律服务机构", "other_org": "其他", "total": "总计",
    "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结",
}


def cell_name(key: str) -> tuple[str, str, str]:
    """(table, row, column) names of a fact key such as applications.new_received.total."""
    parts = key.split(".")
    table = TABLE_NAMES.get(parts[0], parts[0])
    row = ROWS.get(parts[1], parts[1]) if len(parts) > 1 else ""
    col = COLUMNS.get(parts[-1], parts[-1]) if len(parts) > 2 else ""
    if parts[0] == "applications" and len(parts) > 2 and parts[-1] not in ("total",):
        col = ("法人或其他组织 " if parts[-1] not in ("natural_person",) else "") + col
    return table, row, col


def section_name(key: str) -> str:
    """The template's title of a section key."""
    return SECTION_TITLES.get(key, key)
