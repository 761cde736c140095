"""Question → intent and slots (body, year, metric, section, kind of body). Deterministic."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Metric words → (fact key, words for the answer). Longest words first when matching.
METRICS: dict[str, tuple[str, str]] = {
    "主动公开": ("", "主动公开"),  # narrative count only; claims check it against the text
    "上年结转": ("applications.carried_over.total", "上年结转申请"),
    "结转下年度": ("applications.carried_forward.total", "结转下年度继续办理"),
    "予以公开": ("applications.granted.total", "予以公开"),
    "部分公开": ("applications.partially_granted.total", "部分公开"),
    "办理结果": ("applications.total_processed.total", "办理结果总计"),
    "行政复议": ("appeals.review.total", "被申请行政复议"),
    "行政诉讼": ("appeals.litigation_direct.total", "行政诉讼（未经复议直接起诉）"),
    "行政处罚": ("proactive.penalty.*", "行政处罚"),
    "行政许可": ("proactive.licensing.*", "行政许可"),
    "行政强制": ("proactive.coercion.*", "行政强制"),
    "收费": ("proactive.fees.*", "行政事业性收费"),
    "规范性文件": ("proactive.normative_documents.*", "规范性文件"),
    "规章": ("proactive.regulations.*", "规章"),
    "申请": ("applications.new_received.total", "本年新收政府信息公开申请"),
}
SECTION_WORDS = [("problems", r"问题|改进|措施|不足|整改"), ("overview", r"总体情况|做了哪些|开展了哪些"),
                 ("other", r"其他事项|其他需要报告")]
DOMAIN = re.compile(r"政府信息|信息公开|政务公开|公开|申请|复议|诉讼|处罚|许可|强制|收费|年报|报告|问题|改进|措施|规章|规范性文件")
ZONE_WORDS = re.compile(r"园区|开发区|新区")


@dataclass
class Query:
    """What a question asks."""

    question: str
    intent: str = "narrative"          # list | value | claim | narrative | out_of_scope
    year: int | None = None
    bodies: tuple[str, ...] = ()
    body_text: str = ""
    zone_only: bool = False
    metric: str = ""                   # fact key (may end in .*)
    metric_word: str = ""
    section: str = ""
    claim_number: float | None = None
    claim_phrase: str = ""
    year_range: tuple[int, int] | None = None   # from filters: inclusive, when no single year is asked
    inherited: tuple[str, ...] = ()             # slots kept from the previous question (follow-ups)

    def context(self) -> dict:
        """What a follow-up question may keep."""
        return {"bodies": list(self.bodies), "year": self.year, "metric": self.metric, "metric_word": self.metric_word,
                "section": self.section, "zone_only": self.zone_only, "intent": self.intent}


FOLLOW_UP = re.compile(r"^(?:那么?|还有|再看看?|换成)|呢[？?。]?$")


def apply_context(q: Query, previous: dict | None) -> Query:
    """A follow-up such as "那2020年呢？" keeps the previous question's body, metric and section."""
    if not previous or not FOLLOW_UP.search(q.question.strip()) or q.intent == "claim":
        return q
    kept = []
    if not q.bodies and not q.zone_only and (previous.get("bodies") or previous.get("zone_only")):
        q.bodies, q.zone_only = tuple(previous.get("bodies") or ()), bool(previous.get("zone_only"))
        kept.append("body")
    if not q.metric and previous.get("metric"):
        q.metric, q.metric_word = previous["metric"], previous.get("metric_word", "")
        kept.append("metric")
    if not q.section and previous.get("section"):
        q.section = previous["section"]
        kept.append("section")
    if q.year is None and previous.get("year") and not kept:
        q.year = previous["year"]
    if kept and q.intent in ("narrative", "out_of_scope"):
        q.intent = previous.get("intent") or "narrative"
        if q.intent == "out_of_scope":
            q.intent = "narrative"
    q.inherited = tuple(kept)
    return q


def apply_filters(q: Query, bodies: tuple[str, ...] = (), year_from: int | None = None, year_to: int | None = None,
                  section: str = "") -> Query:
    """Filters chosen beside the chat: they apply where the question itself says nothing."""
    if bodies and not q.bodies:
        q.bodies, q.zone_only = tuple(bodies), False
    if q.year is None and (year_from or year_to):
        lo, hi = year_from or 1900, year_to or 2999
        if lo == hi:
            q.year = lo
        else:
            q.year_range = (lo, hi)
    if section and not q.section:
        q.section = section
    if q.intent == "out_of_scope" and (bodies or section):
        q.intent = "narrative"
    return q


def parse(question: str, bodies: list[str], aliases: dict[str, str]) -> Query:
    """Read intent and slots off the question; bodies are the corpus's body names."""
    q = Query(question)
    text = question.strip()
    m = re.search(r"((?:19|20)\d\d)\s*年", text)
    if m:
        q.year = int(m.group(1))
    found = [b for b in bodies if b and b in text]
    for alias, body in aliases.items():
        if alias in text and body not in found:
            found.append(body)
    q.bodies = tuple(found)
    q.zone_only = bool(ZONE_WORDS.search(text)) and not found
    for word, (key, label) in METRICS.items():
        if word in text:
            q.metric, q.metric_word = key, label
            break
    for key, pattern in SECTION_WORDS:
        if re.search(pattern, text):
            q.section = key
            break
    claim = re.search(r"对吗|属实|是否正确|是真的吗|判断[:：]|核实", text)
    if claim:
        q.intent = "claim"
        num = re.search(r"(\d+(?:\.\d+)?)\s*(?:条|件|项|个|万元|元|次)", text)
        if num:
            q.claim_number = float(num.group(1))
            before = text[:num.start()]
            phrase = re.sub(r"^.*?(?:(?:19|20)\d\d\s*年度?)", "", before)
            for b in list(found) + list(aliases):
                phrase = phrase.replace(b, "")
            q.claim_phrase = phrase.strip("，,。 ：:“”\"")
    elif not DOMAIN.search(text) and not found:
        q.intent = "out_of_scope"
    elif q.section and not re.search(r"多少|几|数量|情况如何", text):
        q.intent = "narrative"
    elif q.metric and re.search(r"哪些|哪几个|名单|列出", text):
        q.intent = "list"
    elif q.metric:
        q.intent = "value"
    return q
