#!/usr/bin/env python3
"""Hidden 元 values behind the published 万元 figures of two example disclosures.

Budget systems keep every amount in 元 (to the 分). A disclosure prints 万元 with two
decimals, each printed figure rounded half-up (四舍五入) from its own exact value, so a
printed total may differ by 0.01 from the sum of the printed lines above it. gongkai takes
amounts in 万元 with up to six decimals and derives every total, share, change and
percentage from the exact values, rounding only when printing.

This script states, for examples/changji-industry-2024.toml and
examples/manas-commerce-2024.toml, every figure the published document prints that depends
on the amounts (table cells, 类/款 rows, totals, 第三部分 sentences: amounts, changes,
percentages and shares, 三公, 机关运行经费, the 整体绩效目标表 funding), as constraints on the
exact values, and

  * checks the values written in the example files against them (default), or
  * finds hidden values (--solve): whole 元 (four decimals of 万元), each leaf inside its
    printed figure's rounding interval [p - 0.005, p + 0.005), that reproduce every
    constraint, both cuts of basic spending ([[basic]] by function, [[basic_economic]] by
    economic class) summing to exactly the same total (gongkai checks that exactly).
    A 经济分类 款 that holds the same money as one 功能分类 项 (30108 ↔ 2080505, …) is
    given that 项's value. Last year's amounts are never printed themselves, only through
    the printed changes and percentages; they are moved only where no choice of this
    year's leaves works. Among all solutions it takes the one that moves the fewest
    last-year amounts, then the fewest leaves (a 项 and its 款 twin count once), then has
    the smallest largest move; leaves the text quotes as round amounts (Example.exact)
    never move. The search is a depth-first search over the moved values with bounds
    propagation on the linear constraints (sums, printed amounts, changes against a known
    last-year amount); it takes about a minute.

A few published figures are true mistakes that no exact values can produce; they are stated
with the figure gongkai derives instead (Shares.mistakes, Mistake) and reported, not required.
Each example's constraints are in changji() and manas() below.

Usage (Python 3.11+, standard library only), from the repository root:

    python3 scripts/hidden_yuan.py                # check both examples, exit 1 on a failure
    python3 scripts/hidden_yuan.py --solve        # find hidden values, print them
    python3 scripts/hidden_yuan.py --solve manas  # one example (name prefix)
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# ─── exact amounts: integer 分 (1 万元 = 1,000,000 分) ───────────────────────────────────

FEN_PER_WAN = 1_000_000
YUAN = 100  # 分 per 元: the solver's step
HALF = 5_000  # 0.005 万元 in 分


def fen(text: str) -> int:
    """'1,036.53' / '409.7149' (万元) → integer 分, exactly."""
    d = Decimal(str(text).replace(",", "")) * FEN_PER_WAN
    if d != d.to_integral_value():
        raise ValueError(f"{text}: finer than the 分")
    return int(d)


def wan(f: int, places: int = 6) -> str:
    """Integer 分 → 万元 text with the given decimals, trailing zeros trimmed to two."""
    s = f"{Decimal(f) / FEN_PER_WAN:.{places}f}"
    while s.endswith("0") and len(s.split(".")[1]) > 2:
        s = s[:-1]
    return s


def printed(f: int | Fraction) -> str:
    """Half-up to two decimals of 万元 (what gongkai prints), without separators."""
    q = Fraction(f) / 10_000  # in 0.01 万元
    n = int(q)  # amounts are non-negative
    if q - n >= Fraction(1, 2):
        n += 1
    return f"{n // 100}.{n % 100:02d}"


def pct(x: Fraction) -> str:
    """A ratio as a percentage, half-up to two decimals."""
    q = x * 10_000  # in 0.01 %
    n = int(q)
    if q - n >= Fraction(1, 2):
        n += 1
    return f"{n // 100}.{n % 100:02d}"


def plain(p: str) -> str:
    return p.replace(",", "")


# ─── constraints ──────────────────────────────────────────────────────────────────────

Terms = tuple  # keys of values and/or int constants (分), summed


@dataclass
class Printed:
    """The exact sum of `terms` prints as `figure`."""

    where: str
    terms: Terms
    figure: str


@dataclass
class Change:
    """`now` 比上年预算 增加/减少 `amount` 万元，增长/下降 `percent`% (gongkai's rules: no
    change → 增加0.00, 0.00%; last year zero → 100.00%)."""

    where: str
    now: Terms
    prior: Terms
    verb: str  # 增加 or 减少
    amount: str
    percent: str


@dataclass
class Shares:
    """Largest-remainder shares (gongkai's default) of the parts print as `figures`;
    `mistakes` maps an index to the published figure where it differs (a true mistake)."""

    where: str
    parts: list
    figures: list
    mistakes: dict = field(default_factory=dict)
    why: str = ""


@dataclass
class Equal:
    """Two exact sums are equal (gongkai checks the two cuts of basic spending exactly)."""

    where: str
    a: Terms
    b: Terms


@dataclass
class Mistake:
    """A published figure no exact values can produce, with the reason (reported only)."""

    where: str
    published: str
    derived: str
    why: str


def lr_shares(parts: list[int]) -> list[str]:
    """gongkai's largest-remainder shares (src/derive/shares.rs), exactly."""
    whole = sum(parts)
    if whole == 0:
        return ["0.00"] * len(parts)
    exact = [Fraction(p * 10_000, whole) for p in parts]
    hund = [e.numerator // e.denominator for e in exact]
    missing = max(0, 10_000 - sum(hund))
    order = sorted(
        range(len(parts)), key=lambda i: (-(exact[i] - hund[i]), -parts[i], i)
    )
    for i in order[:missing]:
        hund[i] += 1
    return [f"{h // 100}.{h % 100:02d}" for h in hund]


def change_of(now: int, prior: int) -> tuple[str, str, str]:
    """(verb, amount, percent) as gongkai prints a change (src/derive/change.rs)."""
    diff = now - prior
    verb = "减少" if diff < 0 else "增加"
    if prior == 0:
        p = "0.00" if now == 0 else "100.00"
    else:
        p = pct(Fraction(abs(diff), prior))
    return verb, printed(abs(diff)), p


# ─── the examples' facts ───────────────────────────────────────────────────────────────


def load(name: str) -> dict[str, int]:
    """Every amount of an example that a constraint can name, in 分."""
    with open(ROOT / "examples" / f"{name}.toml", "rb") as fh:
        t = tomllib.load(fh)
    v: dict[str, int] = {}
    for line in t.get("basic", []):
        v[f"f:{line['code']}"] = fen(line["amount"])
    for line in t.get("basic_economic", []):
        v[f"e:{line['code']}"] = fen(line["amount"])
    for p in t.get("projects", []):
        v[f"p:{p['name']}"] = sum(fen(a) for a in p["economic"].values())
    prior = t.get("prior", {})
    for group in ("income", "spending", "general_budget", "three_public"):
        for k, c in prior.get(group, {}).items():
            v[f"prior:{group}.{k}"] = fen(c["amount"])
    for item in prior.get("items", []):
        v[f"prior:item.{item['code']}"] = fen(item["amount"])
    if "operating" in prior:
        v["prior:operating"] = fen(prior["operating"]["amount"])
    return v


def keys(values: dict, prefix: str) -> tuple:
    return tuple(sorted(k for k in values if k.startswith(prefix)))


@dataclass
class Example:
    name: str
    leaves: dict  # key → printed figure of that leaf (its own rounding interval)
    pairs: dict  # economic key → functional key holding the same money
    constraints: list
    mistakes: list
    exact: tuple = ()  # leaves the text quotes as round amounts: never moved


def changji(v: dict) -> Example:
    """昌吉回族自治州工业和信息化局 2024 (tests/reference/changji-industry-2024.txt)."""
    leaves = {
        # 表2/表3/表5 项 rows (一般公共预算基本支出)
        "f:2011301": "409.71", "f:2080501": "20.71", "f:2080505": "53.20",
        "f:2080506": "26.60", "f:2101101": "26.60", "f:2101103": "1.66",
        "f:2101199": "0.44", "f:2210201": "42.62",
        # 表6 款 rows
        "e:30101": "135.49", "e:30102": "128.74", "e:30103": "69.80", "e:30108": "53.20",
        "e:30109": "26.60", "e:30110": "26.60", "e:30111": "1.66", "e:30112": "1.10",
        "e:30113": "42.62", "e:30199": "9.24",
        "e:30201": "4.35", "e:30202": "0.60", "e:30207": "3.60", "e:30211": "6.50",
        "e:30213": "0.80", "e:30217": "0.45", "e:30227": "4.00", "e:30228": "6.30",
        "e:30229": "5.67", "e:30231": "10.00", "e:30239": "0.80", "e:30299": "16.55",
        "e:30301": "15.18", "e:30302": "4.60", "e:30305": "3.69", "e:30307": "0.20",
        "e:30309": "3.20",
        # 表11 结转项目
        "p:州工信局民爆及重点工业企业安全生产指导项目": "29.60",
        "p:2023年昌吉州安全生产专项资金": "3.00",
        "p:州工信局2023年中国产业转移发展对接活动（新疆）项目经费": "184.38",
        "p:机构运行保障补助经费": "238.00",
    }
    pairs = {"e:30108": "f:2080505", "e:30109": "f:2080506", "e:30110": "f:2101101",
             "e:30111": "f:2101103", "e:30113": "f:2210201"}
    F = keys(v, "f:")
    E = keys(v, "e:")
    safety = ("p:州工信局民爆及重点工业企业安全生产指导项目", "p:2023年昌吉州安全生产专项资金")
    expo = ("p:州工信局2023年中国产业转移发展对接活动（新疆）项目经费",)
    unit = ("p:机构运行保障补助经费",)
    fiscal_carry = safety + expo
    c = [
        Printed("表1/2/4/5 一般公共预算 = 基本支出, 二/三/四/五/六 581.55", F, "581.55"),
        Printed("表1/2/3 收支总计, 一/二/三 1,036.53, 十二（四）涉及金额", F + fiscal_carry + unit, "1,036.53"),
        Printed("表2/3 201 类/款 总计", ("f:2011301",) + expo + unit, "832.09"),
        Printed("表2/3 行政运行 总计", ("f:2011301",) + unit, "647.71"),
        Printed("表1-5 201 类/款 一般公共预算, 四/五", ("f:2011301",), "409.71"),
        Printed("表1-5 208 类/款, 四/五", ("f:2080501", "f:2080505", "f:2080506"), "100.51"),
        Printed("表1-5 210 类/款, 四/五", ("f:2101101", "f:2101103", "f:2101199"), "28.70"),
        Printed("表1-5 221 类/款, 四/五", ("f:2210201",), "42.62"),
        Printed("表2/3 224 类/款/项", safety, "32.60"),
        Printed("表3/11 项目支出, 上年结转结余", fiscal_carry + unit, "454.98"),
        Printed("表6 301 工资福利支出", keys(v, "e:301"), "495.05"),
        Printed("表6 302 商品和服务支出 = 公用经费, 六 公用经费, 十二（一）机关运行经费", keys(v, "e:302"), "59.62"),
        Printed("表6 303 对个人和家庭的补助", keys(v, "e:303"), "26.87"),
        Printed("表6 人员经费, 六 人员经费", keys(v, "e:301") + keys(v, "e:303"), "521.93"),
        Printed("表6 总计", E, "581.55"),
        Equal("基本支出 功能分类 = 经济分类（gongkai 逐来源精确核对）", F, E),
        Printed("表10/十 公务接待费", ("e:30217",), "0.45"),
        Printed("表10/十 公务用车运行费", ("e:30231",), "10.00"),
        Printed("表10/十 三公 合计", ("e:30217", "e:30231"), "10.45"),
        Change("十 三公", ("e:30217", "e:30231"),
               ("prior:three_public.reception", "prior:three_public.vehicle_operation"), "减少", "0.05", "0.48"),
        Change("十 公务接待费", ("e:30217",), ("prior:three_public.reception",), "减少", "0.05", "10.00"),
        Change("十 公务用车运行费", ("e:30231",), ("prior:three_public.vehicle_operation",), "增加", "0.00", "0.00"),
        Change("二 一般公共预算", F, ("prior:income.general",), "减少", "2,336.48", "80.07"),
        Change("二 单位资金", (0,), ("prior:income.unit_funds",), "减少", "202.00", "100.00"),
        Change("二 财政拨款结转", fiscal_carry, ("prior:income.fiscal_carryover",), "减少", "3,774.50", "94.56"),
        Change("二 非财政拨款结转结余", unit, ("prior:income.nonfiscal_carryover",), "增加", "238.00", "100.00"),
        Shares("二 收入结构（一般公共预算、财政拨款结转、非财政拨款结转结余）",
               [F, fiscal_carry, unit], ["56.11", "20.93", "22.96"]),
        Change("三 基本支出", F, ("prior:spending.basic",), "减少", "53.15", "8.37"),
        Change("三 项目支出", fiscal_carry + unit, ("prior:spending.project",), "减少", "6,021.83", "92.98"),
        Shares("三 支出结构（基本支出、项目支出）", [F, fiscal_carry + unit], ["56.11", "43.89"]),
        Change("五（一）基本支出", F, ("prior:general_budget.basic",), "减少", "53.15", "8.37"),
        Change("五（一）项目支出", (0,), ("prior:general_budget.project",), "减少", "2,283.33", "100.00"),
        Shares("五（二）一般公共预算结构（201、208、210、221）",
               [("f:2011301",), ("f:2080501", "f:2080505", "f:2080506"),
                ("f:2101101", "f:2101103", "f:2101199"), ("f:2210201",)],
               ["70.45", "17.28", "4.94", "7.33"]),
        Change("五（三）1 行政运行", ("f:2011301",), ("prior:item.2011301",), "减少", "49.30", "10.74"),
        Change("五（三）2 其他商贸事务支出", (0,), ("prior:item.2011399",), "减少", "2,283.33", "100.00"),
        Change("五（三）3 行政单位离退休", ("f:2080501",), ("prior:item.2080501",), "增加", "2.51", "13.79"),
        Change("五（三）4 机关事业单位基本养老保险缴费支出", ("f:2080505",), ("prior:item.2080505",), "减少", "2.51", "4.50"),
        Change("五（三）5 机关事业单位职业年金缴费支出", ("f:2080506",), ("prior:item.2080506",), "减少", "1.25", "4.49"),
        Change("五（三）6 行政单位医疗", ("f:2101101",), ("prior:item.2101101",), "增加", "3.00", "12.71"),
        Change("五（三）7 事业单位医疗", (0,), ("prior:item.2101102",), "减少", "4.25", "100.00"),
        Change("五（三）8 公务员医疗补助", ("f:2101103",), ("prior:item.2101103",), "减少", "0.08", "4.60"),
        Change("五（三）9 其他行政事业单位医疗支出", ("f:2101199",), ("prior:item.2101199",), "减少", "0.02", "4.35"),
        Change("五（三）10 住房公积金", ("f:2210201",), ("prior:item.2210201",), "减少", "1.25", "2.85"),
        Change("十二（一）机关运行经费", keys(v, "e:302"), ("prior:operating",), "减少", "1.91", "3.11"),
        Printed("十二（四）整体绩效目标表 本级安排", F + fiscal_carry, "798.53"),
        Printed("十二（四）整体绩效目标表 其他", unit, "238.00"),
    ]
    return Example("changji-industry-2024", leaves, pairs, c, [])


MANAS_INCOME = ("收入结构：1,183.05/1,700.46=69.572%，应印69.57%；原文69.58%（30.42%+69.58%凑成100.00%）。"
                "一般公共预算517.36 万元在[517.355, 517.365)、财政拨款结转在[1,183.045, 1,183.055)内"
                "怎么取，结转的占比都在69.5721%～69.5725%，一般公共预算的余数（≈0.45）总大于结转的（≈0.22），"
                "最大余数法都印30.43%、69.57%")
MANAS_SPENDING = ("支出结构：项目支出1,183.10/1,700.46=69.5753%，应为69.58%；原文69.57%（30.42%+69.57%=99.99%）。"
                  "基本支出的占比在30.4245%～30.4249%，项目支出的余数总大于基本支出的，无论元值如何都是30.42%、69.58%")
MANAS_GPB = ("一般公共预算结构：原文各类分别四舍五入（82.05%+9.00%+3.94%+5.02%=100.01%）；"
             "最大余数法合计100.00%：424.47/517.36=82.0454%的余数（≈0.55）小于8.9976%（≈0.76）"
             "和卫生健康支出20.365/517.36=3.9363%（≈0.63），取82.04%")


def manas(v: dict) -> Example:
    """玛纳斯县商务和工业信息化局 2024 (tests/reference/manas-commerce-2024.txt)."""
    leaves = {
        "f:2011301": "279.47", "f:2011308": "145.00", "f:2080501": "14.60",
        "f:2080505": "31.95", "f:2101101": "15.97", "f:2101103": "4.39", "f:2210201": "25.98",
        "e:30101": "80.97", "e:30102": "62.75", "e:30103": "45.48", "e:30107": "18.12",
        "e:30108": "31.95", "e:30110": "15.97", "e:30111": "4.39", "e:30112": "0.82",
        "e:30113": "25.98", "e:30199": "14.87",
        "e:30201": "90.07", "e:30202": "8.00", "e:30205": "0.70", "e:30206": "1.00",
        "e:30207": "1.00", "e:30211": "50.50", "e:30213": "10.00", "e:30217": "0.12",
        "e:30227": "25.00", "e:30228": "2.32", "e:30231": "2.50", "e:30239": "10.00",
        "e:30299": "0.18",
        "e:30302": "13.68", "e:30309": "0.97",
        "p:其他收入弥补日常公用经费": "0.05",
        "p:2023年第二批自治区纺织服装专项资金": "681.05",
        "p:特定目标4510001D": "502.00",
    }
    pairs = {"e:30108": "f:2080505", "e:30110": "f:2101101", "e:30111": "f:2101103",
             "e:30113": "f:2210201"}
    F = keys(v, "f:")
    E = keys(v, "e:")
    other = ("p:其他收入弥补日常公用经费",)
    carry = ("p:2023年第二批自治区纺织服装专项资金", "p:特定目标4510001D")
    c = [
        Printed("表1/2/4/5 一般公共预算 = 基本支出, 二/三/四/五/六 517.36", F, "517.36"),
        Printed("表1 本年收入", F + other, "517.41"),
        Printed("表1/2/3 收支总计, 一/二/三 1,700.46, 十二（四）涉及金额", F + other + carry, "1,700.46"),
        Printed("表2/3 201 类/款 总计", ("f:2011301", "f:2011308") + other, "424.52"),
        Printed("表2/3 行政运行 总计", ("f:2011301",) + other, "279.52"),
        Printed("表1-5 201 类/款 一般公共预算, 四/五", ("f:2011301", "f:2011308"), "424.47"),
        Printed("表1-5 208 类/款, 四/五", ("f:2080501", "f:2080505"), "46.55"),
        Printed("表1-5 210 卫生健康支出 类/款, 四/五", ("f:2101101", "f:2101103"), "20.37"),
        Printed("表1-5 221 类/款, 四/五", ("f:2210201",), "25.98"),
        Printed("表1/2/3 215 类/款/项, 表11/十一 财政拨款结转", carry, "1,183.05"),
        Printed("表3 项目支出", other + carry, "1,183.10"),
        Printed("表6 301 工资福利支出", keys(v, "e:301"), "301.31"),
        Printed("表6 302 商品和服务支出 = 公用经费, 六, 十二（一）机关运行经费", keys(v, "e:302"), "201.39"),
        Printed("表6 303 对个人和家庭的补助", keys(v, "e:303"), "14.66"),
        Printed("表6 人员经费, 六 人员经费", keys(v, "e:301") + keys(v, "e:303"), "315.97"),
        Printed("表6 总计", E, "517.36"),
        Equal("基本支出 功能分类 = 经济分类（gongkai 逐来源精确核对）", F, E),
        Printed("表10/十 公务接待费", ("e:30217",), "0.12"),
        Printed("表10/十 公务用车运行费", ("e:30231",), "2.50"),
        Printed("表10/十 三公 合计", ("e:30217", "e:30231"), "2.62"),
        Change("十 三公", ("e:30217", "e:30231"),
               ("prior:three_public.reception", "prior:three_public.vehicle_operation"), "增加", "0.00", "0.00"),
        Change("十 公务接待费", ("e:30217",), ("prior:three_public.reception",), "增加", "0.00", "0.00"),
        Change("十 公务用车运行费", ("e:30231",), ("prior:three_public.vehicle_operation",), "增加", "0.00", "0.00"),
        Change("二 一般公共预算", F, ("prior:income.general",), "增加", "7.26", "1.42"),
        Change("二 单位资金", other, ("prior:income.unit_funds",), "增加", "0.05", "100.00"),
        Change("二 财政拨款结转", carry, ("prior:income.fiscal_carryover",), "增加", "183.05", "18.31"),
        Shares("二 收入结构（一般公共预算、单位资金、财政拨款结转）",
               [F, other, carry], ["30.43", "0.00", "69.57"],
               {0: "30.42", 2: "69.58"}, MANAS_INCOME),
        Change("三 基本支出", F, ("prior:spending.basic",), "增加", "7.26", "1.42"),
        Change("三 项目支出", other + carry, ("prior:spending.project",), "增加", "183.10", "18.31"),
        Shares("三 支出结构（基本支出、项目支出）", [F, other + carry], ["30.42", "69.58"],
               {1: "69.57"}, MANAS_SPENDING),
        Change("五（一）基本支出", F, ("prior:general_budget.basic",), "增加", "7.26", "1.42"),
        Change("五（一）项目支出", (0,), ("prior:general_budget.project",), "增加", "0.00", "0.00"),
        Shares("五（二）一般公共预算结构（201、208、210、221）",
               [("f:2011301", "f:2011308"), ("f:2080501", "f:2080505"),
                ("f:2101101", "f:2101103"), ("f:2210201",)],
               ["82.04", "9.00", "3.94", "5.02"], {0: "82.05"}, MANAS_GPB),
        Change("五（三）1 行政运行", ("f:2011301",), ("prior:item.2011301",), "减少", "135.47", "32.65"),
        Change("五（三）2 招商引资", ("f:2011308",), ("prior:item.2011308",), "增加", "145.00", "100.00"),
        Change("五（三）3 行政单位离退休", ("f:2080501",), ("prior:item.2080501",), "增加", "9.88", "209.32"),
        Change("五（三）4 机关事业单位基本养老保险缴费支出", ("f:2080505",), ("prior:item.2080505",), "增加", "0.99", "3.20"),
        Change("五（三）5 行政单位医疗", ("f:2101101",), ("prior:item.2101101",), "减少", "11.37", "41.59"),
        Change("五（三）6 公务员医疗补助", ("f:2101103",), ("prior:item.2101103",), "减少", "3.13", "41.62"),
        Change("五（三）7 住房公积金", ("f:2210201",), ("prior:item.2210201",), "增加", "1.35", "5.48"),
        Change("十二（一）机关运行经费", keys(v, "e:302"), ("prior:operating",), "增加", "11.08", "5.82"),
        Printed("十二（四）整体绩效目标表 本级安排", F + carry, "1,700.41"),
        Printed("十二（四）整体绩效目标表 其他", other, "0.05"),
        Printed("十二（四）（五）当年非财政拨款项目", other, "0.05"),
    ]
    mistakes = [
        Mistake("整体绩效目标表 部门名称", "玛纳斯县商务和经济信息化委员会", "玛纳斯县商务和工业信息化局",
                "上年的单位名称（不是金额，元值无关）"),
    ]
    # 五（三）1: “招商引资经费 145 万元调整至…招商引资（项）”: a round 145 万元
    return Example("manas-commerce-2024", leaves, pairs, c, mistakes, exact=("f:2011308",))


EXAMPLES = {"changji-industry-2024": changji, "manas-commerce-2024": manas}

# ─── checking ──────────────────────────────────────────────────────────────────────────


def total(values: dict, terms: Terms) -> int:
    return sum(t if isinstance(t, int) else values[t] for t in terms)


def failures(ex: Example, values: dict) -> list[str]:
    """Every constraint the values break (empty: all published figures reproduced)."""
    out = []
    for k, p in ex.leaves.items():
        if printed(values[k]) != plain(p):
            out.append(f"{k} = {wan(values[k])} prints {printed(values[k])}, published {p}")
    for c in ex.constraints:
        if isinstance(c, Printed):
            got = printed(total(values, c.terms))
            if got != plain(c.figure):
                out.append(f"{c.where}: derives {got}, published {c.figure}")
        elif isinstance(c, Change):
            got = change_of(total(values, c.now), total(values, c.prior))
            want = (c.verb, plain(c.amount), c.percent)
            if got != want:
                out.append(f"{c.where}: derives {''.join(got[:2])}, {got[2]}%; "
                           f"published {c.verb}{c.amount}, {c.percent}%")
        elif isinstance(c, Shares):
            got = lr_shares([total(values, t) for t in c.parts])
            if got != c.figures:
                out.append(f"{c.where}: derives {got}, expected {c.figures}")
        elif isinstance(c, Equal):
            a, b = total(values, c.a), total(values, c.b)
            if a != b:
                out.append(f"{c.where}: {wan(a)} ≠ {wan(b)}")
    return out


def check(ex: Example) -> bool:
    values = load(ex.name)
    bad = failures(ex, values)
    for k, v in values.items():
        if v % YUAN and (k.startswith("f:") or k.startswith("e:")):
            print(f"  note: {k} = {wan(v)} uses 分")
    n = sum(1 for c in ex.constraints if not isinstance(c, Equal)) + len(ex.leaves)
    print(f"{ex.name}: {n} published figures/relations stated, "
          f"{'all reproduced' if not bad else f'{len(bad)} NOT reproduced'}")
    for b in bad:
        print(f"  FAIL {b}")
    for c in ex.constraints:
        if isinstance(c, Shares) and c.mistakes:
            for i, pub in c.mistakes.items():
                print(f"  published mistake, {c.where}: printed {pub}%, gongkai {c.figures[i]}% — {c.why}")
    for m in ex.mistakes:
        print(f"  published mistake, {m.where}: printed {m.published}, gongkai {m.derived} — {m.why}")
    return not bad


# ─── solving ───────────────────────────────────────────────────────────────────────────


@dataclass
class Linear:
    """lo ≤ Σ coef·x + const ≤ hi over integer 分 (coefficients ±1)."""

    coef: dict
    const: int
    lo: int
    hi: int
    where: str


def ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def interval(figure: str) -> tuple[int, int]:
    """The whole-分 amounts that print as `figure`: [p − 0.005, p + 0.005), inclusive ends."""
    p = fen(figure)
    return max(0, p - HALF), p + HALF - 1


def terms_of(c) -> tuple:
    if isinstance(c, Printed):
        return c.terms
    if isinstance(c, Equal):
        return c.a + c.b
    if isinstance(c, Change):
        return c.now + c.prior
    if isinstance(c, Shares):
        return tuple(t for p in c.parts for t in p)
    return ()


def compile_constraints(ex: Example, values: dict, free: set) -> tuple[list, list]:
    """The constraints as linear bounds over the `free` keys (the rest at `values`), plus
    the ones only checked once all their keys are set (percentages against a free last-year
    amount, shares)."""
    lin, whole = [], []

    def lin_of(terms, sign=1, coef=None, const=0):
        coef = dict(coef or {})
        for t in terms:
            if isinstance(t, int):
                const += sign * t
            elif t in free:
                coef[t] = coef.get(t, 0) + sign
                if coef[t] == 0:
                    del coef[t]
            else:
                const += sign * values[t]
        return coef, const

    for c in ex.constraints:
        if isinstance(c, Printed):
            coef, const = lin_of(c.terms)
            lin.append(Linear(coef, const, *interval(c.figure), c.where))
        elif isinstance(c, Equal):
            coef, const = lin_of(c.a)
            coef, const = lin_of(c.b, -1, coef, const)
            lin.append(Linear(coef, const, 0, 0, c.where))
        elif isinstance(c, Change):
            # the printed amount bounds |now − prior|
            lo, hi = interval(c.amount)
            sign = 1 if c.verb == "增加" else -1  # sign·(now − prior) = |now − prior|
            coef, const = lin_of(c.now, sign)
            coef, const = lin_of(c.prior, -sign, coef, const)
            lin.append(Linear(coef, const, lo if sign > 0 else max(lo, 1), hi, c.where))
            if any(not isinstance(t, int) and t in free for t in c.prior):
                whole.append(c)  # percentage of a free last-year amount: checked at the end
                continue
            prior = total(values, c.prior)
            if prior:
                # the printed percentage bounds |now − prior| too: [r − 0.005%, r + 0.005%) of prior
                r = Fraction(fen(c.percent), FEN_PER_WAN)
                a = prior * (r - Fraction(1, 200)) / 100
                b = prior * (r + Fraction(1, 200)) / 100
                lin.append(Linear(coef, const, max(ceil(a), lo, 0), ceil(b) - 1, c.where + "（百分比）"))
            whole.append(c)
        elif isinstance(c, Shares):
            whole.append(c)
    return lin, whole


def whole_ok(c, values: dict) -> bool:
    if isinstance(c, Change):
        return change_of(total(values, c.now), total(values, c.prior)) == (c.verb, plain(c.amount), c.percent)
    if isinstance(c, Shares):
        return lr_shares([total(values, t) for t in c.parts]) == c.figures
    return True


def propagate(lo: dict, hi: dict, lin: list) -> bool:
    """Narrows the bounds of the variables by every linear constraint, to a fixpoint;
    False when some constraint cannot hold."""
    changed = True
    while changed:
        changed = False
        for l in lin:
            mins = {k: (lo[k] if a > 0 else -hi[k]) for k, a in l.coef.items()}
            maxs = {k: (hi[k] if a > 0 else -lo[k]) for k, a in l.coef.items()}
            smin, smax = sum(mins.values()), sum(maxs.values())
            if l.const + smax < l.lo or l.const + smin > l.hi:
                return False
            for k, a in l.coef.items():
                lo_ax = l.lo - l.const - (smax - maxs[k])  # a·x ≥ lo_ax
                hi_ax = l.hi - l.const - (smin - mins[k])  # a·x ≤ hi_ax
                lo_x, hi_x = (lo_ax, hi_ax) if a > 0 else (-hi_ax, -lo_ax)
                if lo_x > lo[k] or hi_x < hi[k]:
                    lo[k], hi[k] = max(lo[k], lo_x), min(hi[k], hi_x)
                    if lo[k] > hi[k]:
                        return False
                    changed = True
    return True


def search(order: list, domains: dict, lin: list, whole: list, values: dict) -> dict | None:
    """The first assignment of `order` (each from its domain, in the domain's order) that
    satisfies every constraint: depth-first, propagating the linear bounds at every step."""
    lo = {k: min(d) for k, d in domains.items()}
    hi = {k: max(d) for k, d in domains.items()}
    lin = [l for l in lin if l.coef or not (l.lo <= l.const <= l.hi)]
    if not propagate(lo, hi, lin):
        return None
    checks_at: dict = {}
    for c in whole:
        inv = [order.index(t) for t in terms_of(c) if not isinstance(t, int) and t in domains]
        checks_at.setdefault(max(inv, default=-1), []).append(c)
    vals = dict(values)
    if not all(whole_ok(c, vals) for c in checks_at.get(-1, [])):
        return None

    def rec(i: int, lo: dict, hi: dict) -> dict | None:
        if i == len(order):
            return {k: lo[k] for k in order}
        k = order[i]
        for x in domains[k]:
            if not lo[k] <= x <= hi[k]:
                continue
            lo2, hi2 = dict(lo), dict(hi)
            lo2[k] = hi2[k] = x
            if not propagate(lo2, hi2, lin):
                continue
            for j in order[: i + 1]:
                vals[j] = lo2[j]
            if all(whole_ok(c, vals) for c in checks_at.get(i, [])):
                found = rec(i + 1, lo2, hi2)
                if found is not None:
                    return found
        return None

    return rec(0, lo, hi)


def groups_of(ex: Example, keys: list) -> list[list]:
    """Leaves that every constraint treats alike are interchangeable: only how many of them
    move matters. Each group lists its leaves in the order they are preferred for a move:
    larger amounts first (a 元 is the smallest part of them), then code order."""
    sig: dict = {}
    for k in keys:
        sig.setdefault(tuple(i for i, c in enumerate(ex.constraints) if k in terms_of(c)), []).append(k)
    return [sorted(ks, key=lambda k: (-fen(ex.leaves[k]), k)) if ks[0] in ex.leaves else ks
            for ks in sig.values()]


def choices(groups: list[list], n: int):
    """Every way to move `n` of the leaves: how many of each group, taking each group's first."""
    if not groups:
        if n == 0:
            yield []
        return
    first, rest = groups[0], groups[1:]
    for i in range(min(n, len(first)), -1, -1):  # earlier groups first
        for more in choices(rest, n - i):
            yield first[:i] + more


def nominal_priors(ex: Example) -> dict:
    """Last year's amounts by 项 as first transcribed: the printed figure this year minus
    the printed change."""
    out = {}
    for c in ex.constraints:
        if isinstance(c, Change) and len(c.prior) == 1 and c.prior[0].startswith("prior:item."):
            now = sum(fen(ex.leaves[t]) for t in c.now if not isinstance(t, int))
            a = fen(c.amount)
            out[c.prior[0]] = now + a if c.verb == "减少" else now - a
    return out


def tie_twins(ex: Example) -> Example:
    """The same example with every 经济分类 款 that is a 功能分类 项's twin replaced by that
    项 (the same money in both cuts)."""
    def sub(terms):
        return tuple(ex.pairs.get(t, t) if isinstance(t, str) else t for t in terms)

    cs = []
    for c in ex.constraints:
        if isinstance(c, Printed):
            cs.append(Printed(c.where, sub(c.terms), c.figure))
        elif isinstance(c, Equal):
            cs.append(Equal(c.where, sub(c.a), sub(c.b)))
        elif isinstance(c, Change):
            cs.append(Change(c.where, sub(c.now), sub(c.prior), c.verb, c.amount, c.percent))
        elif isinstance(c, Shares):
            cs.append(Shares(c.where, [sub(p) for p in c.parts], c.figures, c.mistakes, c.why))
    leaves = {k: p for k, p in ex.leaves.items() if k not in ex.pairs}
    assert all(ex.leaves[e] == ex.leaves[f] for e, f in ex.pairs.items()), "twins print alike"
    return Example(ex.name, leaves, {}, cs, [], ex.exact)


def solve(ex: Example, max_priors: int = 2, max_leaves: int = 10) -> dict | None:
    """Hidden values: fewest last-year amounts moved, then fewest leaves moved from their
    printed figures (a 款 twin of a 项 counted once, with its 项), then the smallest largest
    move (元); leaves inside their printed figures' rounding intervals."""
    tied = tie_twins(ex)
    base = load(ex.name)
    nominal = {k: fen(p) for k, p in ex.leaves.items()}
    nominal.update(nominal_priors(ex))
    base.update(nominal)
    leaf_keys = [k for k in tied.leaves if not k.startswith("p:") and k not in ex.exact]
    prior_keys = list(nominal_priors(ex))
    groups = groups_of(tied, leaf_keys)

    def domain(k: str, m: int) -> list:
        if k in tied.leaves:
            lo, hi = interval(tied.leaves[k])
            r = range(nominal[k] - m * YUAN, nominal[k] + m * YUAN + 1, YUAN)
        else:  # last year = this year (± 0.005) ∓ the printed change (± 0.005)
            lo, hi = 0, 10**15
            r = range(nominal[k] - 2 * m * YUAN, nominal[k] + 2 * m * YUAN + 1, YUAN)
        return sorted((x for x in r if lo <= x <= hi and x != nominal[k]),
                      key=lambda x: (abs(x - nominal[k]), x))

    for np_ in range(max_priors + 1):
        for nl in range(max_leaves + 1):
            best = None
            for ps in itertools.combinations(prior_keys, np_):
                lin, whole = compile_constraints(tied, base, set(leaf_keys) | set(ps))
                for ls in choices(groups, nl):
                    free = ls + list(ps)
                    fixed = set(leaf_keys) - set(ls)
                    lin2 = [Linear({k: a for k, a in l.coef.items() if k not in fixed},
                                   l.const + sum(a * base[k] for k, a in l.coef.items() if k in fixed),
                                   l.lo, l.hi, l.where) for l in lin]

                    def run(m):
                        doms = {k: domain(k, m) for k in free}
                        if any(not d for d in doms.values()):
                            return None
                        return search(free, doms, lin2, whole, base)

                    if run(50) is None:
                        continue
                    lo_m, hi_m = 1, 50
                    while lo_m < hi_m:
                        mid = (lo_m + hi_m) // 2
                        lo_m, hi_m = (lo_m, mid) if run(mid) is not None else (mid + 1, hi_m)
                    if best is None or lo_m < best[0]:
                        best = (lo_m, {**base, **run(lo_m)})
            if best is not None:
                sol = best[1]
                for e, f in ex.pairs.items():
                    sol[e] = sol[f]
                bad = failures(ex, sol)
                if bad:
                    raise AssertionError(bad)
                return sol
    return None


def report_solution(ex: Example, sol: dict) -> None:
    """The values that differ from the printed figures (leaves) or from the first
    transcription (last year's amounts), and whether the example file has them."""
    current = load(ex.name)
    first = nominal_priors(ex)
    print(f"{ex.name}: hidden values (万元; whole 元 = four decimals)")
    for k in [k for k in ex.leaves if not k.startswith("p:")] + list(first):
        base = fen(ex.leaves[k]) if k in ex.leaves else first[k]
        if sol[k] != base:
            tag = f"printed {ex.leaves[k]}" if k in ex.leaves else f"first transcribed {wan(base)}"
            same = "as in the file" if current.get(k) == sol[k] else f"the file has {wan(current[k])}"
            print(f"  {k:<22} {wan(sol[k], 4):>10}   ({tag}; {same})")
    s = sum(v for k, v in sol.items() if k.startswith("f:"))
    print(f"  basic spending total {wan(s, 4)} (prints {printed(s)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--solve", action="store_true", help="find hidden values instead of checking the files")
    ap.add_argument("example", nargs="?", default="", help="name prefix (changji, manas)")
    args = ap.parse_args()
    ok = True
    for name, make in EXAMPLES.items():
        if not name.startswith(args.example):
            continue
        ex = make(load(name))
        if args.solve:
            sol = solve(ex)
            if sol is None:
                print(f"{ex.name}: no solution")
                ok = False
            else:
                report_solution(ex, sol)
        else:
            ok &= check(ex)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
