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

T3_OUTCOMES = [
    ("（一）予以公开", None), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("（三）不予公开", "1.属于国家秘密"), (None, "2.其他法律行政法规禁止公开"), (None, "3.危及“三安全一稳定”"),
    (None, "4.保护第三方合法权益"), (None, "5.属于三类内部事务信息"), (None, "6.属于四类过程性信息"),
    (None, "7.属于行政执法案卷"), (None, "8.属于行政查询事项"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息"), (None, "2.没有现成信息需要另行制作"), (None, "3.补正后申请内容仍不明确"),
    ("（五）不予处理", "1.信访举报投诉类申请"), (None, "2.重复申请"), (None, "3.要求提供公开出版物"),
    (None, "4.无正当理由大量反复申请"), (None, "5.要求行政机关确认或重新出具已获取信息"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), (None, "3.其他"),
]


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
    outcomes = [[0] * cols for _ in T3_OUTCOMES]
    forward = [0] * cols
    for c in range(cols):
        for _ in range(new[c] + carried[c]):
            r = rng.random()
            if r < 0.06:
                forward[c] += 1
            else:
                outcomes[rng.choice([0, 0, 0, 0, 1, 2, 3, 10, 10, 11, 13, 14])][c] += 1
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
    lines += _row(["第二十条第（一）项"]) + _row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    for name in ("规章", "行政规范性文件"):
        issued = rng.randint(0, 12)
        lines += _row([name, issued, rng.randint(0, 3), issued + rng.randint(0, 30)])
    lines += _row(["第二十条第（五）项"]) + _row(["信息内容", "本年处理决定数量"]) + _row(["行政许可", rng.randint(0, 500)])
    lines += _row(["第二十条第（六）项"]) + _row(["信息内容", "本年处理决定数量"])
    lines += _row(["行政处罚", rng.randint(0, 300)]) + _row(["行政强制", rng.randint(0, 20)])
    lines += _row(["第二十条第（八）项"]) + _row(["信息内容", "本年收费金额（单位：万元）"])
    lines += _row(["行政事业性收费", f"{rng.randint(0, 9000) / 10:.1f}"])
    lines += ["三、收到和处理政府信息公开申请情况"]
    lines += _row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
    lines += _row(["", "自然人", "法人或其他组织", "总计"])
    lines += _row(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    head, body_rows = applications(rng)
    lines += _row(["一、本年新收政府信息公开申请数量", *head[0]])
    lines += _row(["二、上年结转政府信息公开申请数量", *head[1]])
    for n, ((group, sub), values) in enumerate(zip(T3_OUTCOMES, body_rows)):
        label = [("三、本年度办理结果" if n == 0 else "")] + [c for c in (group, sub) if c]
        lines += _row([*label, *values])
    total = [sum(r[c] for r in body_rows[:-1]) for c in range(7)]
    lines += _row(["", "（七）总计", *total])
    lines += _row(["四、结转下年度继续办理", *body_rows[-1]])
    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    lines += _row(["行政复议", "行政诉讼"])
    outcome = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    lines += _row([*outcome, "未经复议直接起诉", "复议后起诉"])
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
