"""Bodies named in English: kinds of body by their usual English names, places by their pinyin.

"the Pingtan PSB", "Haitan District", "Lingang Development Zone", "the market
regulation bureau" are rewritten into the Chinese forms the body resolver
reads (平潭公安局, 海坛区, 临港开发区, 市场监管局). A place is known when its
pinyin is that of a place in a stored body's name or region; a capitalised
word before a kind of body that is no such place (Pudong New Area, Xiamen
Market Regulation Bureau) is kept in Latin letters, and the resolver reports
it as a body the corpus does not hold.
"""
from __future__ import annotations

import re

from .spelling import sounds

# English names of kinds of body → the Chinese the resolver reads. Longest first when matching.
KINDS: tuple[tuple[str, str], ...] = (
    (r"public security (?:bureau|department)|public security|police (?:bureau|department)|police|PSB", "公安局"),
    (r"market (?:regulation|supervision)(?: and administration)?(?: (?:bureau|administration|department))?|AMR|SAMR",
     "市场监管局"),
    (r"finance(?: and financial affairs)?(?: and finance)? bureau|financial bureau|finance department|finance",
     "财政局"),
    (r"natural resources?(?: and (?:ecology and )?(?:ecological )?environment(?:al)?(?: protection)?)?"
     r"(?: (?:bureau|department))?", "自然资源局"),
    (r"(?:ecology and |ecological )?environment(?:al)?(?: protection)? (?:bureau|department)", "生态环境局"),
    # (agricultural produce is not the bureau: a kind named by its field alone needs bureau or its full name)
    (r"agricultur(?:e|al)(?: (?:and|&) rural affairs)?(?: (?:bureau|department))|agriculture (?:and|&) rural affairs|"
     r"agriculture(?= bureau)", "农业农村局"),
    (r"social (?:affairs|undertakings|development)(?: (?:bureau|department))?", "社会事业局"),
    (r"economic and technological development zone|economic development zone|economic zone", "经济开发区"),
    (r"economic development(?: (?:bureau|department))?", "经济发展局"),
    (r"industrial park", "工业园区"),
    (r"high[- ]tech(?: industrial)? (?:development )?zone", "高新区"),
    (r"development zone|development area", "开发区"), (r"port", "港"),
    (r"new (?:area|district)", "新区"),
    (r"comprehensive (?:experimental|pilot) zone|experimental zone|pilot zone", "综合实验区"),
    (r"transport(?:ation)?(?: and transportation)? (?:bureau|department)", "交通运输局"),
    (r"education(?: and sports)? (?:bureau|department)", "教育局"),
    (r"health(?: and family planning)? (?:commission|bureau)", "卫健委"),
    (r"human resources(?: and social security)? (?:bureau|department)", "人社局"),
    (r"development and reform (?:commission|bureau)", "发改委"),
    (r"housing and urban[- ](?:and )?rural development (?:bureau|department)", "住建局"),
    (r"tax(?:ation)? (?:bureau|service)", "税务局"), (r"civil affairs (?:bureau|department)", "民政局"),
    (r"justice (?:bureau|department)", "司法局"), (r"commerce (?:bureau|department)", "商务局"),
    (r"culture(?:,| and) tourism(?: and sports)? (?:bureau|department)", "文旅局"),
    (r"emergency management (?:bureau|department)", "应急管理局"),
    (r"people'?s government|municipal government|government", "人民政府"),
    (r"(?:administrative|management) committee", "管委会"),
    (r"party and government office|general office", "党政办"),
    (r"district administration|district", "区"), (r"county", "县"), (r"city", "市"), (r"province", "省"),
    (r"bureau|department|administration", "局"), (r"commission|committee", "委员会"), (r"office", "办公室"),
)
# (words joined by a hyphen as by a space: public-security, market-regulation)
_KIND_RE = [(re.compile(rf"\b(?:{p.replace(' ', '[ -]')})\b", re.I), zh) for p, zh in KINDS]
# A whole region: "the Pingtan zone as a whole", "all of Pingtan"
_WHOLE = re.compile(r"\b(?:zone|area|region) as a whole\b|\bwhole (?:zone|area|region)\b|\bentire (?:zone|area)\b|"
                    r"\b(?:zone|area|region)[- ]wide\b", re.I)
# Capitalised words that begin sentences, not places.
_NOT_PLACES = {"how", "what", "which", "who", "whose", "when", "where", "why", "is", "are", "was", "were", "did", "does",
               "do", "has", "have", "had", "compare", "list", "show", "give", "tell", "please", "the", "in", "of", "for",
               "and", "or", "its", "their", "total", "average", "number", "many", "much", "it", "true", "that", "this"}


def place_names(names: list[str]) -> dict[str, str]:
    """pinyin (joined, lower case) → Chinese, for every run of two to four characters of the names given."""
    out: dict[str, str] = {}
    for name in names:
        for n in (2, 3, 4):
            for i in range(len(name) - n + 1):
                piece = name[i:i + n]
                if re.fullmatch(r"[\u4e00-\u9fff]+", piece):
                    out.setdefault("".join(sounds(piece)), piece)
    return out


def rewrite(text: str, places: dict[str, str]) -> str:
    """English body names in `text` → the Chinese forms the resolver reads; unknown places stay in Latin letters."""
    out = _WHOLE.sub("全区", text)
    # the bodies of a place: "Pingtan bodies", "bodies in Pingtan" → 平潭各单位
    out = re.sub(r"\b(?:bodies|units|departments|agencies|offices) (?:in|of) ([A-Z][a-z]+)", r"\1 各单位", out)
    out = re.sub(r"\b([A-Z][a-z]+) (?:bodies|units|departments|agencies|bureaus|offices)\b", r"\1 各单位", out)
    for rx, zh in _KIND_RE:
        out = rx.sub(zh, out)

    def place(m: re.Match) -> str:
        words = re.split(r"([- ])", m.group(0))
        lead = ""
        while words and words[0].lower() in _NOT_PLACES:
            lead += words.pop(0) + (words.pop(0) if len(words) > 1 else "")
        if not words:
            return lead
        joined = "".join(w for w in words if w not in "- ").lower()
        if joined in places:
            return lead + places[joined]
        return lead + "".join(places.get(w.lower(), w) for w in words)
    out = re.sub(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\b", place, out)
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", out)


def unknown_place(text: str) -> str:
    """A capitalised word right before a kind of body that no stored name has (Pudong新区 → 'Pudong新区')."""
    kinds = "|".join(sorted({re.escape(zh) for _, zh in KINDS}, key=len, reverse=True))
    for m in re.finditer(rf"\b([A-Z][a-z]+)\s*(?:{kinds})", text):
        if m.group(1).lower() not in _NOT_PLACES:
            return m.group(0)
    # …or whose report is asked (Xiamen's 2023 annual report, the Xiamen report)
    for m in re.finditer(r"\b([A-Z][a-z]{2,})(?:['’]s)?\s+(?:(?:19|20)\d\d\s*年?\s*|[，,]\s*)?(?:annual\s+)?(?:年报|reports?\b)", text):
        if m.group(1).lower() not in _NOT_PLACES | {"annual", "this", "that", "which", "each", "every", "latest", "last"}:
            return m.group(1)
    return ""
