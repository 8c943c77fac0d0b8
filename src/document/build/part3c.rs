//! 第三部分 八 to 十一: 政府性基金, 国有资本经营, “三公”经费, 上年结转结余.

use super::part3a::{about, item, p, section};
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, ThreeKind};
use crate::derive::change::Change;
use crate::derive::ledger::Level;
use crate::derive::Figures;
use crate::document::model::Section;
use crate::money::Money;

/// 八 (政府性基金) and 九 (国有资本经营).
pub fn fund(b: &Budget, f: &Figures<'_>, which: Fiscal) -> Section {
    let (name, table) = match which {
        Fiscal::Soe => ("国有资本经营预算", "国有资本经营预算支出情况表"),
        _ => ("政府性基金预算", "政府性基金预算支出情况表"),
    };
    let tree = &f.budget_trees[&which];
    let heading = about(b, &format!("{name}拨款情况说明"));
    if tree.is_empty() {
        let text = format!(
            "{}{}年没有使用{name}拨款安排的支出，{table}为空表。",
            b.unit.name, b.unit.year
        );
        return section(heading, vec![p(text)]);
    }
    let mut blocks = vec![p(format!(
        "{}{}年{name}拨款支出{}，其中：基本支出{}，项目支出{}。",
        b.unit.name,
        b.unit.year,
        b.unit.money(tree.total[0]),
        b.unit.money(tree.total[1]),
        b.unit.money(tree.total[2])
    ))];
    for r in tree.level(Level::Class) {
        let purpose = b
            .purposes
            .get(&r.code)
            .map(|u| format!("，主要用于{}", u.trim_end_matches('。')))
            .unwrap_or_default();
        blocks.push(p(format!(
            "{}{}{purpose}。",
            b.names.functional_or_code(&r.code),
            b.unit.money(r.values[0])
        )));
    }
    section(heading, blocks)
}

/// 十、“三公”经费.
pub fn three_public(b: &Budget, f: &Figures<'_>) -> Section {
    let now = |k: ThreeKind| f.three_item(k);
    let prior = |k: ThreeKind| b.prior.three_public.get(&k);
    let total = f.three_total();
    let prior_total: Money = ThreeKind::ALL
        .iter()
        .map(|k| prior(*k).map(|c| c.prior).unwrap_or_default())
        .sum();
    let amounts: Vec<String> = ThreeKind::ALL
        .iter()
        .map(|k| format!("{}{}", k.name(), b.unit.money(now(*k))))
        .collect();
    let first = format!(
        "{}{}年财政拨款“三公”经费预算数为{}，其中：{}。",
        b.unit.name,
        b.unit.year,
        b.unit.money(total),
        amounts.join("，")
    );
    let changes: Vec<String> = ThreeKind::ALL
        .iter()
        .map(|k| {
            let c = Change::new(now(*k), prior(*k).map(|c| c.prior).unwrap_or_default());
            let reason = prior(*k)
                .and_then(|c| c.reason.clone())
                .or_else(|| c.both_zero().then(|| format!("本年未安排{}预算", k.name())));
            let reason = reason
                .map(|r| format!("，主要原因是{r}"))
                .unwrap_or_default();
            format!("{}{}{reason}", k.name(), c.phrase(b.unit.display_unit))
        })
        .collect();
    let second = format!(
        "{}年财政拨款“三公”经费预算比上年预算{}，其中：{}。",
        b.unit.year,
        Change::new(total, prior_total).phrase(b.unit.display_unit),
        changes.join("；")
    );
    section(
        about(b, "财政拨款“三公”经费预算情况说明"),
        vec![p(first), p(second)],
    )
}

/// 十一、上年结转结余.
pub fn carryover(b: &Budget, f: &Figures<'_>) -> Section {
    let heading = about(b, "上年结转结余预算情况说明");
    if f.carryover.is_empty() {
        let text = format!(
            "{}{}年无上年结转结余预算的支出，上年结转结余情况明细表为空表。",
            b.unit.name, b.unit.year
        );
        return section(heading, vec![p(text)]);
    }
    let (fiscal, nonfiscal) = f.carryover_totals();
    let mut blocks = vec![p(format!(
        "{}{}年上年结转结余{}，包括：财政拨款{}，非财政拨款{}，其中：",
        b.unit.name,
        b.unit.year,
        b.unit.money(fiscal + nonfiscal),
        b.unit.money(fiscal),
        b.unit.money(nonfiscal)
    ))];
    for (i, r) in f.carryover.iter().enumerate() {
        let amount: Money = r.fiscal.iter().chain(r.nonfiscal.iter()).copied().sum();
        let text = if r.secret {
            format!(
                "{}. 涉密项目{}，完全不予公开。",
                i + 1,
                b.unit.money(amount)
            )
        } else {
            let purpose = r
                .purpose
                .as_ref()
                .map(|u| format!("，主要用于{}", u.trim_end_matches('。')))
                .unwrap_or_default();
            format!("{}. {}{}{purpose}。", i + 1, r.name, b.unit.money(amount))
        };
        blocks.push(item(text));
    }
    section(heading, blocks)
}
