//! 第三部分 十: 财政拨款“三公”经费, each kind with its amount and change.
//!
//! A kind that is zero both years, with no reason given, is 「…未安排」; when the whole 三公
//! is zero both years and no reason is given, the section says so in one sentence. A change
//! is stated only where there is one or where the clerk gave a reason, and the only reasons
//! printed are the clerk's (`check` asks for one where a change needs it).

use super::paragraph::{about, p, section};
use crate::budget::{Budget, Comparison, ThreeKind};
use crate::derive::change::Change;
use crate::derive::sentences::unarranged;
use crate::derive::Figures;
use crate::document::model::Section;
use crate::money::Money;

/// 十、“三公”经费.
pub fn three_public(b: &Budget, f: &Figures<'_>) -> Section {
    let heading = about(b, "财政拨款“三公”经费预算情况说明");
    let prior = |k: ThreeKind| b.prior.three_public.get(&k);
    let total = f.three_total();
    let prior_total: Money = ThreeKind::ALL
        .iter()
        .map(|k| prior(*k).map(|c| c.prior).unwrap_or_default())
        .sum();
    let any_reason = b.prior.three_public.values().any(|c| c.reason.is_some());
    if total.is_zero() && prior_total.is_zero() && !any_reason {
        let none = format!(
            "{}{}年未安排财政拨款“三公”经费预算，上年预算也未安排。",
            b.unit.name, b.unit.year
        );
        return section(heading, vec![p(none)]);
    }
    let amounts: Vec<String> = ThreeKind::ALL
        .iter()
        .map(|k| format!("{}{}", k.name(), b.unit.money(f.three_item(*k))))
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
        .map(|k| kind_change(b, *k, f.three_item(*k), prior(*k)))
        .collect();
    let second = format!(
        "{}年财政拨款“三公”经费预算比上年预算{}，其中：{}。",
        b.unit.year,
        Change::new(total, prior_total).phrase(b.unit.display_unit),
        changes.join("；")
    );
    section(heading, vec![p(first), p(second)])
}

/// One kind's clause: `公务接待费减少0.60万元，下降25.00%，主要原因是…`, or `…未安排` when it
/// is zero both years and no reason is given.
fn kind_change(b: &Budget, k: ThreeKind, now: Money, prior: Option<&Comparison>) -> String {
    if unarranged(now, prior) {
        return format!("{}未安排", k.name());
    }
    let c = Change::new(now, prior.map(|c| c.prior).unwrap_or_default());
    let reason = prior.and_then(|c| c.reason.as_deref());
    let reason = reason
        .map(|r| format!("，主要原因是{}", r.trim_end_matches('。')))
        .unwrap_or_default();
    format!("{}{}{reason}", k.name(), c.phrase(b.unit.display_unit))
}
