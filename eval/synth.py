"""Synthetic, template-valid annual reports for scale runs.

Each report (years 2021 to 2025) follows the 2021 national template: sections 一 to 六, table 2
(proactive disclosure), table 3 (applications, seven applicant columns,
whose arithmetic holds: new + carried over = processed + carried forward) and
table 4 (reviews and litigation). Bodies, regions, years, narrative and
numbers vary with the seed, so the same seed always gives the same corpus.

    python eval/synth.py OUT_DIR --reports 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from nianbao.ingest import template as T

PROVINCES = ["江苏省", "浙江省", "福建省", "广东省", "山东省", "四川省", "湖北省", "河南省", "安徽省", "江西省"]
CITIES = ["南通", "无锡", "常州", "苏州", "温州", "台州", "泉州", "漳州", "佛山", "潍坊", "绵阳", "宜昌", "洛阳", "芜湖", "赣州"]
PLACES = ["东湖", "西山", "南港", "北塘", "临江", "滨海", "青山", "金桥", "高新", "沿江", "清溪", "长岭", "白沙", "新城"]
KINDS = ["经济开发区", "高新技术产业开发区", "工业园区", "新区", "区人民政府", "区财政局", "区市场监督管理局",
         "区自然资源局", "区公安分局", "区农业农村局", "区教育局", "区卫生健康委员会", "区生态环境局", "县人民政府"]
THEMES = ["优化营商环境", "重大项目建设", "乡村振兴", "生态环境保护", "安全生产", "食品药品监管", "教育医疗",
          "社会保障", "财政预决算", "行政审批改革", "住房保障", "就业创业", "疫情防控", "招商引资", "城市更新"]
CHANNELS = ["政府门户网站", "政务新媒体", "微信公众号", "新闻发布会", "政务服务中心", "公共查阅点", "12345热线", "政府公报"]
PROBLEMS = ["信息公开的及时性有待提高", "政策解读形式较为单一", "部分栏目更新不够及时", "工作人员业务能力有待提升",
            "公开内容的针对性不强", "与群众互动不够充分", "依申请公开办理流程有待规范", "重点领域信息公开深度不够",
            "政务新媒体运营水平不高", "基层政务公开标准化程度不高", "信息发布审核把关不严", "公开平台整合不够"]
MEASURES = ["加强业务培训，提升工作人员能力", "丰富政策解读形式，运用图解、视频和H5", "完善信息发布审核机制",
            "定期检查栏目更新情况", "规范依申请公开办理流程", "拓展政务新媒体互动功能", "深化重点领域信息公开",
            "健全考核评估机制", "推进基层政务公开标准化规范化", "加强与宣传网信部门的沟通联动"]

VERSION = "2021"
OUTCOMES = [r for r in T.APPLICATIONS.rows_for(VERSION) if r.key in T.outcome_rows(VERSION)]
# Where applications end up, by outcome row (most are granted).
LIKELY = ["granted"] * 4 + ["partially_granted", "denied_state_secret", "denied_prohibited_by_law", "unable_not_held",
                            "unable_not_held", "unable_needs_creation", "unprocessed_petition", "unprocessed_duplicate"]


def _outcome_labels(row: T.Row, first_of_group: bool) -> list[str]:
    """The row's label cells as printed: the group's label on its first row only."""
    group = next((g for g in T.APPLICATIONS.groups if g.key == row.group), None)
    if row.group == "outcomes" or group is None:
        return [row.label]
    return [group.label if first_of_group else "", row.label]


def _row(cells) -> list[str]:
    return [f"\t{c}" for c in cells] + [""]


def body_for(rng: random.Random, i: int) -> tuple[str, str]:
    """(body, region) for the i-th body; names never repeat within a corpus."""
    province = PROVINCES[i % len(PROVINCES)]
    city = CITIES[(i // len(PROVINCES)) % len(CITIES)]
    place = PLACES[(i // (len(PROVINCES) * len(CITIES))) % len(PLACES)]
    kind = rng.choice(KINDS)
    serial = i // (len(PROVINCES) * len(CITIES) * len(PLACES))
    body = f"{city}市{place}{'第' + str(serial + 1) if serial else ''}{kind}"
    return body, f"{province}{city}市"


def applications(rng: random.Random) -> tuple[list[list[int]], list[list[int]]]:
    """Per outcome row, seven columns (six applicant kinds + total), with the template's arithmetic."""
    cols = 6
    new = [rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 40]) if c in (0, 1) else rng.choice([0, 0, 0, 1]) for c in range(cols)]
    carried = [rng.choice([0, 0, 1]) for _ in range(cols)]
    outcomes = [[0] * cols for _ in OUTCOMES]
    index = {r.key: i for i, r in enumerate(OUTCOMES)}
    forward = [0] * cols
    for c in range(cols):
        for _ in range(new[c] + carried[c]):
            r = rng.random()
            if r < 0.06:
                forward[c] += 1
            else:
                outcomes[index[rng.choice(LIKELY)]][c] += 1
    add_total = [row + [sum(row)] for row in [new, carried, *outcomes, forward]]
    return add_total[:2], add_total[2:]


def report(rng: random.Random, body: str, region: str, year: int) -> str:
    """One report's text in the line form of the web dumps."""
    lines = [f"{body}{year}年政府信息公开工作年度报告", "", "一、总体情况"]
    proactive = rng.randint(20, 900)
    themes = rng.sample(THEMES, 4)
    lines += [
        f"{year}年，{body}坚持以公开为常态、不公开为例外，围绕{themes[0]}和{themes[1]}，扎实推进政府信息公开工作。"
        f"（一）主动公开情况。全年通过{rng.choice(CHANNELS)}和{rng.choice(CHANNELS)}主动公开政府信息{proactive}条，"
        f"其中{themes[2]}类信息{rng.randint(1, proactive)}条。"
        f"（二）依申请公开情况。严格按照法定时限答复申请，做好{themes[3]}相关信息的依申请公开。",
        f"（三）政府信息管理。开展{rng.choice(['三审三校', '信息清理', '保密审查', '目录梳理'])}，规范公开流程。"
        f"（四）平台建设。优化{rng.choice(CHANNELS)}栏目设置，提升{rng.choice(THEMES)}信息的可及性。"
        "（五）监督保障。将政务公开纳入年度绩效考核，开展业务培训。",
        "二、主动公开政府信息情况",
    ]
    article = None
    for row in T.PROACTIVE.rows_for(VERSION):
        if row.article != article:
            article = row.article
            lines += _row([f"第二十条{article}"])
            lines += _row(["信息内容", *(T.PROACTIVE.column(c).label for c in row.columns)])
        if row.key in ("regulations", "normative_documents"):
            issued = rng.randint(0, 12)
            values = [issued, rng.randint(0, 3), issued + rng.randint(0, 30)]
        elif row.key == "fees":
            values = [f"{rng.randint(0, 9000) / 10:.1f}"]
        else:
            values = [rng.randint(0, {"licensing": 500, "penalty": 300}.get(row.key, 20))]
        lines += _row([row.label, *values])
    lines += ["三、收到和处理政府信息公开申请情况"]
    lines += _row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
    applicant = [T.APPLICATIONS.column(c).label for c in T.APPLICANTS]
    lines += _row(["", applicant[0], "法人或其他组织", applicant[-1]])
    lines += _row(["", "", *applicant[1:-1], ""])
    head, body_rows = applications(rng)
    t3 = {r.key: r for r in T.APPLICATIONS.rows_for(VERSION)}
    lines += _row([t3["new_received"].label, *head[0]])
    lines += _row([t3["carried_over"].label, *head[1]])
    group = None
    for n, (row, values) in enumerate(zip(OUTCOMES, body_rows)):
        label = [(T.APPLICATIONS.groups[0].label if n == 0 else "")] + _outcome_labels(row, row.group != group)
        group = row.group
        lines += _row([*label, *values])
    total = [sum(r[c] for r in body_rows[:-1]) for c in range(7)]
    lines += _row(["", t3["total_processed"].label, *total])
    lines += _row([t3["carried_forward"].label, *body_rows[-1]])
    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    review, direct, after = T.APPEALS.rows
    lines += _row([review.label, T.APPEALS.groups[0].label])
    outcome = [c.label for c in T.APPEALS.columns]
    lines += _row([*outcome, direct.label, after.label])
    lines += _row(["", "", "", "", "", *outcome, *outcome])
    appeals = []
    for _ in range(3):
        g = [rng.choice([0, 0, 0, 1, 2]) for _ in range(4)]
        appeals += g + [sum(g)]
    lines += _row(appeals)
    problems = rng.sample(PROBLEMS, 3)
    measures = rng.sample(MEASURES, 3)
    lines += ["五、存在的主要问题及改进情况",
              f"{year}年，{body}政府信息公开工作取得一定成效，但仍存在不足：一是{problems[0]}；二是{problems[1]}；三是{problems[2]}。",
              f"{year + 1}年，将采取以下措施：一是{measures[0]}；二是{measures[1]}；三是{measures[2]}。",
              "六、其他需要报告的事项",
              f"{year}年度未收取信息处理费。{body}将围绕{rng.choice(THEMES)}继续做好政务公开工作。",
              f"{body}", f"{year + 1}年1月{rng.randint(5, 28)}日"]
    return "\n".join(str(x) for x in lines) + "\n"


def generate(out: Path, reports: int, seed: int = 7, years: tuple[int, int] = (2021, 2025)) -> list[Path]:
    """Write `reports` files (several years per body) and a manifest; returns the files."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    span = years[1] - years[0] + 1
    files, rows = [], ["file,body,year,region,source,notes"]
    i = 0
    while len(files) < reports:
        body, region = body_for(rng, i)
        for year in range(years[0], years[1] + 1)[: min(span, reports - len(files))]:
            name = f"synth_{i:05d}_{year}.txt"
            (out / name).write_text(report(rng, body, region, year), encoding="utf-8")
            files.append(out / name)
            rows.append(f"{name},{body},{year},{region},synthetic,")
        i += 1
    (out / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    files = generate(args.out, args.reports, args.seed)
    print(f"{len(files)} reports written to {args.out}")


if __name__ == "__main__":
    main()
