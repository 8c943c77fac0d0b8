//! 第三部分 十: 财政拨款“三公”经费, each kind with its amount and change.

use super::paragraph::{about, p, section};
use crate::budget::{Budget, ThreeKind};
use crate::derive::change::Change;
use crate::derive::Figures;
use crate::document::model::Section;
use crate::money::Money;

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
