"""One body resolver for questions, `--body` flags, search filters and the chat.

A body is found by its full name or a short form people write, derived by
rule, not listed: the region dropped (平潭综合实验区公安局 → 公安局), the kind
shortened (管理局 → 局, 片区管理局 → 片区, 经济开发区 → 开发区, 工业园区 → 园区,
综合实验区 → 实验区), contractions (监督管理 → 监管; 经济发展局 → 经发局,
人力资源和社会保障局 → 人社局, 卫生健康委员会 → 卫健委: the first character of
each part), one of the two halves of a joint name (自然资源与生态环境局 →
自然资源局). A region word with 全区/全市 names the body that governs it
(平潭全区 → 平潭综合实验区); 各单位/各区县 name every body in a region. A report
that never names its body is reached by its region (常州). A look-alike name
recorded at ingestion is an alias.

A phrase in a question that looks like a body's name and matches none is
reported as unknown, with the closest bodies the corpus holds: a question
about a body the corpus lacks must never be answered with another's numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from nianbao.ingest.metadata import PROVINCES

from . import english

# Kinds of body, long form → the short forms people use.
_KIND_SHORT = (
    ("片区管理局", ("片区",)), ("管理局", ("局",)), ("管理委员会", ("管委会",)), ("委员会", ("委",)),
    ("经济技术开发区", ("开发区", "经开区", "经济开发区")), ("经济开发区", ("开发区", "经开区")), ("高新技术产业开发区", ("高新区",)), ("工业园区", ("园区",)),
    ("综合实验区", ("实验区",)), ("人民政府办公室", ("政府办",)), ("人民政府", ("政府",)),
)
_SUFFIX = re.compile(r"(片区管理局|管理局|局|委员会|委|办公室|办|中心|园区|开发区|新区|实验区|片区|政府|街道|镇|乡)$")
# A phrase that reads as a body's name: words then a kind of body.
_BODY_PHRASE = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:片区管理局|管理局|管委会|委员会|人民政府|经济开发区|开发区|工业园区|园区|新区|实验区|"
    r"片区|党政办|办公室|政府办|卫健委|发改委|办公厅|[局委区县市厅署]|办(?![了理结完件过]))"
    r"(?![\u4e00-\u9fff]{0,1}(?:信息|工作|公开|申请))")
_NOT_A_NAME = re.compile(r"全区|辖区|地区|城区|全市|全县|本区|本市|该区|各区|公开|申请|复议|诉讼|处罚|许可|问题|措施|报告|收到|提出|存在|没有|哪些|多少|几件|什么|怎么|是否|"
                         r"等于|说明|是不是|当年|他们|我们|正好|"
                         r"年报|年度|本年|上年|结转|收费|强制|全部|各个|所有|这些|单位|部门|机关")
_LEAD = re.compile(r"^(?:请问|问一下|问|查询|查一下|查|看看|关于|对于|在|和|与|及|、|，|的)+")
_REGION_WORD = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:全区|全市|全县|区域内|辖区)")
_EVERY = re.compile(r"([\u4e00-\u9fff]{2,8}?)的?(?:各个|各|所有|全部|哪些|哪几个|哪个|每个)(单位|部门|区县|片区|园区|开发区|新区|区|县|局)|"
                    # 江阴市的单位有哪些…
                    r"([\u4e00-\u9fff]{2,8}?)的(单位|部门|园区|开发区)(?=有哪些|都有|有什么|有几)")
# 各片区, 各园区, 各局: the bodies of a region of that kind only
_EVERY_KIND = {"片区": r"片区", "园区": r"园区|开发区|新区|实验区", "开发区": r"开发区|园区", "新区": r"新区",
               "局": r"(?<!片区管理)局$"}


@dataclass
class Resolution:
    """What a question (or a --body flag) names."""

    bodies: tuple[str, ...] = ()            # exact body names
    unnamed: tuple[str, ...] = ()           # report ids of unnamed reports named by their region
    matched: tuple[str, ...] = ()           # the words of the question that named them
    unknown: str = ""                       # a body-like phrase that matches nothing
    closest: tuple[str, ...] = ()           # bodies the corpus holds that are closest to `unknown`
    region: str = ""                        # 各单位 of a region: every body in it
    fuzzy: tuple[str, str] | None = None    # (as typed, body) for a name typed with one character wrong


# Bodies renamed or merged in the 2018 reform: the old name people still use → the stem of today's name.
_FORMER = {"生态环境": ("环保", "环境保护"), "市场监督管理": ("工商", "质监", "食药监"), "自然资源": ("国土", "国土资源"),
           "卫生健康": ("卫生", "卫计"), "应急管理": ("安监",)}
_KIND_WORDS = {w for long, shorts in _KIND_SHORT for w in (long, *shorts)}
# A body described by what it is in charge of (管市场的局, 负责环保的部门) or by its place and kind (江阴那个开发区)
_DESCRIBED = re.compile(r"(?:管|负责|主管|分管)([\u4e00-\u9fff]{1,6}?)(?:工作|方面|事务)?的(?:那个|这个|那家)?(局|部门|单位|机关|委员会|委|办)")
_PLACE_KIND = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:那个|这个|那家|的那个)(开发区|园区|新区|片区|局)")
_KIND_OF = {"局": r"局$", "委员会": r"委员会$|委$", "委": r"委员会$|委$", "办": r"办公室$|办$"}
# What a field is called in everyday words → words of the bodies' names
_FIELD_WORDS = {"钱": ("财政",), "财政": ("财政",), "治安": ("公安",), "警察": ("公安",), "环保": ("生态环境", "环境"),
                "环境": ("生态环境", "环境"), "土地": ("自然资源", "国土"), "农业": ("农业",), "农村": ("农村", "农业"),
                "市场": ("市场",), "经济": ("经济",), "社会": ("社会",), "教育": ("教育", "社会事业"), "卫生": ("卫生", "社会事业")}
# Provinces by the names people write without 省/市/自治区 (北京, 广东, 内蒙古, 广西)
_PROVINCE_SHORT = "|".join(re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", p) for p in PROVINCES)
# Kinds of body whose name is a place and the kind (海坛片区, 临江新区): the place alone names them.
_AREA_KINDS = ("片区管理局", "经济开发区", "工业园区", "综合实验区", "开发区", "新区", "片区", "园区", "实验区")


def _parts_initials(core: str) -> str:
    """经济发展 → 经发, 人力资源和社会保障 → 人社, 卫生健康 → 卫健, 发展和改革 → 发改."""
    pieces = re.split(r"[和与及]", core)
    if len(pieces) > 1 and all(len(p) >= 2 for p in pieces):
        return "".join(p[0] for p in pieces)
    if len(core) == 4:
        return core[0] + core[2]
    return ""


def places(region: str) -> list[str]:
    """江苏省无锡市江阴市 → 江苏, 无锡, 江阴 (with and without 省/市/县)."""
    out = []
    for place, kind in re.findall(r"([\u4e00-\u9fff]{2,}?)(省|自治区|市|县|区)", region or ""):
        out += [place + kind, place]
    return out


def short_forms(name: str, regions: list[str], region_places: list[str] = ()) -> set[str]:
    """The forms people write for a body name, by rule."""
    forms = {name}
    cores = {name}
    places_: set[str] = set()
    for region in regions:
        if name.startswith(region) and len(name) > len(region) + 1:
            cores.add(name[len(region):])
    # the places of the body's region dropped from the front (江苏江阴靖江工业园区 → 靖江工业园区)
    core = name
    changed = True
    while changed:
        changed = False
        for place in sorted(region_places, key=len, reverse=True):
            if core.startswith(place) and len(core) - len(place) >= 3:
                core, changed = core[len(place):], True
                cores.add(core)
    # a zone's committee and a place's government are named by the zone or the place (苏州工业园区, 浦东新区, 浦东)
    for core in list(cores):
        m = re.fullmatch(r"(.{2,}?)(?:管理委员会|管委会|人民政府|政府)", core)
        if m and (re.search(r"(?:开发区|园区|新区|实验区|高新区|保税区|区|县|市|镇|乡|街道)$", m.group(1))):
            area = m.group(1)
            cores.add(area)
            if area.endswith("新区") and len(area) >= 4:
                places_.add(area[:-2])
    for core in list(cores):
        if "监督管理" in core:
            cores.add(core.replace("监督管理", "监管"))
    for core in list(cores):
        forms.add(core)
        for long, shorts in _KIND_SHORT:
            if core.endswith(long):
                stem = core[: -len(long)]
                for s in shorts:
                    if len(stem + s) >= 3:
                        forms.add(stem + s)
        for kind in _AREA_KINDS:
            if core.endswith(kind) and len(core) - len(kind) >= 2:
                places_.add(core[: -len(kind)])
                break
        stem_m = _SUFFIX.search(core)
        if not stem_m:
            continue
        suffix = stem_m.group(1)
        stem = core[: stem_m.start()]
        short_suffix = {"管理局": "局", "委员会": "委"}.get(suffix, suffix)
        if "监督管理" in stem:
            forms.add(stem.replace("监督管理", "监管") + short_suffix)
        if core == name and len(cores) > 1:
            continue  # contractions of the region-free form only (not 平潭综合实验区自然资源局)
        for half in re.split(r"[和与及]", stem):
            if len(half) >= 2 and half != stem:
                forms.add(half + short_suffix)
        initials = _parts_initials(stem)
        if initials and suffix in ("局", "委员会", "委", "办公室", "办"):
            forms.add(initials + short_suffix)
        if suffix in ("局", "管理局", "委员会", "委"):
            short_stem = stem.replace("监督管理", "监管")
            # the field alone names the department (平潭公安2021年…, 市场监管2024年…)
            if core != name or len(cores) == 1:
                places_.update(x for x in {stem, short_stem} if len(x) >= 2 and not _NOT_A_NAME.search(x))
            # a stem of two words: the first names the body (财政金融局 → 财政局, 农业农村局 → 农业局)
            if len(short_stem) == 4 and not re.search(r"[和与及]", short_stem):
                forms.add(short_stem[:2] + short_suffix)
            for today, former in _FORMER.items():
                if today in core:
                    forms.update(f + short_suffix for f in former)
    return {f for f in forms if len(f) >= 3 or f == name} | places_


def _overlap(a: str, b: str) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(1, len(sa | sb))


@dataclass
class BodyResolver:
    """Built from the stored reports (body, region, report id) and the look-alike aliases."""

    reports: list[dict]
    lookalikes: dict[str, list[str]] = field(default_factory=dict)   # likely name → bodies printed near it

    def __post_init__(self):
        self.bodies = sorted({r["body"] for r in self.reports if r["body"]})
        # a body whose name (or whose area: 上海市浦东新区 of 上海市浦东新区人民政府) begins another's is its region
        self.area = {b: re.sub(r"(?<=[区县市])(?:管理委员会|管委会|人民政府|政府)$", "", b) for b in self.bodies}
        self.regions = sorted({b for b in self.bodies if any(o != b and o.startswith(self.area[b]) for o in self.bodies)},
                              key=len, reverse=True)
        self.forms: dict[str, set[str]] = {}
        region_of = {r["body"]: r.get("region", "") for r in self.reports if r["body"]}
        self.region_of = region_of
        for b in self.bodies:
            for f in short_forms(b, [self.area[r] for r in self.regions], places(region_of.get(b, ""))):
                self.forms.setdefault(f, set()).add(b)
        for region in self.regions:
            for long, _ in _KIND_SHORT:
                if region.endswith(long) and len(region) - len(long) >= 2:
                    place = region[: -len(long)]
                    self.forms.setdefault(place, set()).add(region)
        for likely, printed in self.lookalikes.items():
            for b in printed:
                self.forms.setdefault(likely, set()).add(b)
        # unnamed reports: by the most local place of their region (江苏省常州市 → 常州市, 常州)
        self.unnamed_forms: dict[str, set[str]] = {}
        for r in self.reports:
            named = places(r.get("region", ""))
            if not r["body"] and named:
                for f in named[-2:]:
                    if len(f) >= 2:
                        self.unnamed_forms.setdefault(f, set()).add(r["report_id"])
            if not r["body"] and len(r.get("self_name") or "") >= 3:   # …and by the name its text uses (区党政办)
                self.unnamed_forms.setdefault(r["self_name"], set()).add(r["report_id"])

        self.places = english.place_names(self.bodies + sorted({r.get("region") or "" for r in self.reports}))
        self._known_places = {p for r in self.reports for p in places(r.get("region") or "")}

    def from_english(self, text: str) -> str:
        """English body names → the Chinese forms resolved below (the Pingtan PSB → 平潭公安局)."""
        return english.rewrite(text, self.places)

    # ---- resolving ------------------------------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        """The bodies a question or a --body value names; unknown when a body-like phrase matches none."""
        res = Resolution()
        clean = re.sub(r"(?:19|20)\d\d\s*年度?|近.年|去年|今年|前年", "，", text)
        # 君山和苏平两个片区: the bodies listed, their count and kind after them say nothing more
        clean = re.sub(r"([和与及、跟][\u4e00-\u9fff]{2,8}?)(?:这)?[两三四五六七八九十几]+(?:个|家)(?:片区|局|园区|开发区|新区|单位|部门)",
                       r"\1", clean)
        # 五份平潭报告, 平潭这几份报告, 平潭的报告里: every report of the region
        reps = re.search(r"(?:[一二三四五六七八九十几\d]+份|这几份|这些|所有)?([\u4e00-\u9fff]{2,6}?)(?:的|这几份|这些|各份)?(?:报告|年报)",
                         clean)
        if reps:
            region = self._region_of(_LEAD.sub("", reps.group(1)))
            if region in self.regions and not re.search(r"(?:局|区|委|办|园区)(?:的)?(?:报告|年报)", reps.group(0)):
                res.region, res.bodies = region, tuple(b for b in self.bodies if b.startswith(self.area[region]))
                res.matched = (reps.group(0),)
                return res
        described = self._described(clean)
        if described:
            res.bodies, res.matched = (described[0],), (described[1],)
            return res
        every = _EVERY.search(clean)
        # (哪些片区乡镇整合而来 speaks of places, not of the bodies of a kind)
        kind_only = re.search(r"(?:各|所有|全部|哪些|哪几个|每个)(片区|局)(?![\u4e00-\u9fff]{0,1}(?:长|级))(?!、?(?:乡|镇|街道|村))", clean)
        if not every and kind_only:
            # 各片区 / 哪些局 with no place: every body of that kind
            inside = [b for b in self.bodies if re.search(_EVERY_KIND[kind_only.group(1)], b)]
            if inside:
                res.bodies, res.matched = tuple(inside), (kind_only.group(0),)
                return res
        if every:
            place = _LEAD.sub("", every.group(1) or every.group(3))
            region = self._region_of(place)
            region = region if region in self.regions else ""
            inside = [b for b in self.bodies if b.startswith(self.area[region])] if region else \
                [b for b in self.bodies if place and (place in b or place in self.region_of.get(b, ""))]
            kind = _EVERY_KIND.get(every.group(2) or every.group(4))
            if kind:
                inside = [b for b in inside if re.search(kind, b[len(self.area[region]):] if region else b)]
            # the reports there that never name their body (江苏的单位 holds 常州's unnamed report)
            unnamed = tuple(r["report_id"] for r in self.reports if not r["body"] and place and
                            place in (r.get("region") or "") and (every.group(2) or every.group(4)) in ("单位", "部门"))
            if inside or unnamed:
                res.region = region or place
                res.bodies = tuple(inside)
                res.unnamed = unnamed
                res.matched = (every.group(0),)
                return res
        whole = _REGION_WORD.search(clean)
        spans: list[tuple[int, int, str, set[str]]] = []
        if whole:
            region = self._region_of(whole.group(1))
            if region:
                spans.append((whole.start(), whole.end(), whole.group(0), {region}))
        for form, bodies in self.forms.items():
            for m in re.finditer(re.escape(form), clean):
                spans.append((m.start(), m.end(), form, set(bodies)))
        # longest first; a span inside a longer one says nothing more
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        kept: list[tuple[int, int, str, set[str]]] = []
        for s in spans:
            if any(k[0] <= s[0] and s[1] <= k[1] for k in kept):
                continue
            kept.append(s)
        # a short form after another place's name is another body (北京市公安局 is not 平潭…公安局)
        elsewhere = ""
        for a, b, form, bodies in list(kept):
            if form in bodies:
                continue
            m = re.search(r"([\u4e00-\u9fff]{2,6}?)(?:省|市|县|区|州)$", clean[:a]) or \
                re.search(rf"({_PROVINCE_SHORT})$", clean[:a])   # 北京公安, 上海市场监管局: a province without 省/市
            if m and not any(m.group(1) in body or m.group(1) in self.region_of.get(body, "") for body in bodies):
                kept.remove((a, b, form, bodies))
                elsewhere = elsewhere or clean[m.start():b]
        found: list[str] = []
        for _, _, form, bodies in sorted(kept):
            for b in sorted(bodies):
                if b not in found:
                    found.append(b)
        # a region named together with a body inside it qualifies that body (平潭 + 市场监管局)
        # …unless it is named as a whole (平潭全区 and its 市场监管局: two bodies)
        whole_bodies = {b for a, _, _, bodies in kept if whole and a == whole.start() for b in bodies}
        # …only when it stands right before that body's name; named apart (平潭实验区…是市场监管局的几倍) it is a body too
        ends = {b: e for _, e, _, bodies in kept for b in bodies}
        starts: dict[str, int] = {}
        for a, _, _, bodies in sorted(kept):   # where each body is first named (平潭公安局（公安局）: at 公安局's first)
            for b in bodies:
                starts.setdefault(b, a)
        def gap(b: str, o: str) -> str:
            return re.sub(r"[，,\s的]|(?:19|20)\d\d年?", "", clean[ends[b]:starts[o]]) if starts[o] >= ends[b] else "-"
        inner = {b: [o for o in found if o != b and o.startswith(self.area[b]) and o in starts and b in ends]
                 for b in found}
        # …apart from every body of it (平潭实验区…是市场监管局的几倍), not right before one (平潭公安局和君山片区)
        apart = {b for b in found if inner[b] and all(gap(b, o) != "" for o in inner[b])}
        found = [b for b in found if b in whole_bodies or b in apart or
                 not any(o != b and o.startswith(self.area[b]) for o in found)]
        res.bodies = tuple(found)
        res.matched = tuple(s[2] for s in sorted(kept))
        covered = [(s[0], s[1]) for s in kept]
        # an unnamed report named by its place, alone or beside named bodies
        if self.unnamed_forms:
            for form, ids in self.unnamed_forms.items():
                i = clean.find(form)
                if i >= 0:
                    res.unnamed = tuple(sorted(ids))
                    res.matched += (form,)
                    # the rest of the phrase (区党政办) is how the report calls itself
                    end = i + len(form)
                    m = _BODY_PHRASE.match(clean, i)
                    while m:
                        end = m.end()
                        m = _BODY_PHRASE.match(clean, end)
                    covered.append((i, end))
        res.unknown = elsewhere or english.unknown_place(clean) or self._unknown(clean, covered)
        if res.unknown:
            # a region word inside the unknown name (平潭 in 平潭交通运输局), or right before it
            # (平潭综合实验区 in 平潭综合实验区教育与体育局), does not name a body of its own
            a = clean.find(res.unknown)
            b = a + len(res.unknown)
            inside = [k for k in kept if a <= k[0] and k[1] <= b or k[1] == a and set(k[3]) <= set(self.regions)]
            if inside:
                outside = [k for k in kept if k not in inside]
                found = [x for x in found if any(x in k[3] for k in outside)]
                res.bodies = tuple(found)
                res.matched = tuple(k[2] for k in sorted(outside))
        if res.unknown and not res.unnamed:
            # a contraction keeping some characters of the name in order (资源生态局 of 自然资源与生态环境局)
            short = self._contraction(res.unknown)
            if short:
                res.fuzzy, res.unknown = (res.unknown, short), ""
                found = [short] + [b for b in found if b != short and not short.startswith(self.area[b])]
                res.bodies = tuple(found)
        if res.unknown and not found and not res.unnamed:
            fz = self._fuzzy(clean)
            if fz:
                res.fuzzy, res.bodies, res.unknown = fz, (fz[1],), ""
        if res.unknown:
            res.closest = tuple(sorted(self.bodies, key=lambda b: -_overlap(res.unknown, b))[:3])
        return res

    def _described(self, text: str) -> tuple[str, str] | None:
        """A body described, not named: 平潭那个管市场的局, 管钱的部门, 江阴那个开发区 → (body, the words), when
        exactly one body fits."""
        m = _DESCRIBED.search(text)
        if m:
            # 财政和金融: every field named must be in the name
            fields = [f for f in re.split(r"和|与|及|、", m.group(1)) if f]
            hits = [b for b in self.bodies if re.search(_KIND_OF.get(m.group(2), ""), b) and
                    all(any(w in b for w in _FIELD_WORDS.get(f, (f,))) for f in fields)]
            place = text[:m.start()]
            near = [b for b in hits if any(p in b or p in self.region_of.get(b, "") for p in re.findall(r"[\u4e00-\u9fff]{2}", place))]
            hits = near or hits
            if len(hits) == 1:
                return hits[0], m.group(0)
        m = _PLACE_KIND.search(text)
        if m and m.group(1) not in ("哪个", "哪些", "每个", "各个"):
            place, kind = m.group(1), m.group(2)
            hits = [b for b in self.bodies if (place in b or place in self.region_of.get(b, "")) and b.endswith(
                tuple(k for k in (kind, "经济开发区", "工业园区", "片区管理局") if kind in k))]
            if len(hits) == 1:
                return hits[0], m.group(0)
        return None

    def _region_of(self, word: str) -> str:
        word = _LEAD.sub("", word)
        for region in self.regions + self.bodies:
            if word and (region.startswith(word) or word in self.forms and region in self.forms[word]):
                return region
        return ""

    def _unknown(self, text: str, covered: list[tuple[int, int]]) -> str:
        """A body-like phrase not covered by any known form, or ''."""
        for m in _BODY_PHRASE.finditer(text):
            name = _LEAD.sub("", m.group(0))
            if len(name) < 3 or _NOT_A_NAME.search(name):
                continue
            # the phrase's own kind word lies in a known form: it names that body
            if any(a < m.end() <= b for a, b in covered):
                continue
            # a place of a known body's region right before that body's name (天河区人社局), or a run of a known
            # name, names no other body
            if name in self._known_places and any(a == m.end() for a, _ in covered) or any(name in b for b in self.bodies):
                continue
            # a bare kind word after a determiner or a known place (各局, 哪个区, 平潭的局) says nothing
            bare = re.fullmatch(r"([\u4e00-\u9fff]{0,2}?)的?(?:局|委|办|区|片区|园区|开发区|新区)", name)
            if name in _KIND_WORDS or bare and (not bare.group(1) or re.fullmatch(r"[各该本此这那哪每全]个?|哪些|这些|那些|所有|其他|其它", bare.group(1))
                         or bare.group(1) in self.forms or any(a <= m.start() < b for a, b in covered)):
                continue
            return name
        # a place whose report is asked (厦门2023年年报, 厦门的年报) that is no region or body of the corpus
        for m in re.finditer(r"(?=([\u4e00-\u9fff]{2,4}?)(?:市|省|县)?(?:的)?[，,]?(?:年报|年度报告))", text):
            place = _LEAD.sub("", m.group(1))
            before = text[m.start(1) - 1] if m.start(1) else ""
            if len(place) < 2 or any(a < m.end(1) and m.start(1) < b for a, b in covered) or \
                    re.match(r"[\u4e00-\u9fff]", before) and before not in "在和与及看查问的把从给对说下" or \
                    re.search(r"发布|公布|未|出", place) or \
                    re.search(r"[这那哪各每所全份几些该本其他们它年度最新旧上下今去前后两三四五六七八九十一份张个篇条里中和与及或的说写提"
                              r"表格有没无版用在对是了过份家]|单位|部门|机关|公开|政府|信息|工作", place) or \
                    any(place in b for b in self.bodies) or place in self.forms or \
                    place in self._known_places or place in self.regions:
                continue
            return place
        return ""

    def _contraction(self, phrase: str) -> str:
        """The one body whose name holds every character of `phrase` in order and ends in the same kind (局, 区…)."""
        phrase = re.sub(r"^(?:" + "|".join(map(re.escape, sorted(self.regions, key=len, reverse=True))) + r")", "",
                        phrase) if self.regions else phrase
        for region in self.regions:  # 平潭资源生态局: the region's short form first
            for f, bodies in self.forms.items():
                if region in bodies and phrase.startswith(f) and len(phrase) - len(f) >= 3:
                    phrase = phrase[len(f):]
        if len(phrase) < 3:
            return ""

        def holds(name: str) -> bool:
            it = iter(name)
            return all(ch in it for ch in phrase)
        hits = [b for b in self.bodies if b[-1] == phrase[-1] and holds(b)]
        return hits[0] if len(hits) == 1 else ""

    def _fuzzy(self, text: str) -> tuple[str, str] | None:
        """A name typed with one character wrong (财政全融局 for 财政金融局): (as typed, body)."""
        best = None
        for form, bodies in self.forms.items():
            n = len(form)
            if n < 4 or len(bodies) != 1:
                continue
            for i in range(len(text) - n + 1):
                window = text[i:i + n]
                if window in self.forms:   # spelt right: another form of a known body, not a typo
                    continue
                if sum(a != b for a, b in zip(window, form)) == 1 and window[0] == form[0] and window[-1] == form[-1]:
                    if best is None or n > len(best[0]):
                        best = (window, next(iter(bodies)))
        return best
