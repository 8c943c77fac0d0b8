//! 第三部分 十一: 上年结转结余, each carried-over project with its amount and use.

use super::paragraph::{about, item, p, section};
use crate::budget::Budget;
use crate::derive::Figures;
use crate::document::compose::wording::{no_carryover, used_for};
use crate::document::model::Section;
use crate::money::Money;

/// 十一、上年结转结余.
pub fn carryover(b: &Budget, f: &Figures<'_>) -> Section {
    let heading = about(b, "上年结转结余预算情况说明");
    if f.carryover.is_empty() {
        return section(heading, vec![p(no_carryover(b))]);
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
            format!(
                "{}. {}{}{}。",
                i + 1,
                r.name,
                b.unit.money(amount),
                used_for(r.purpose.as_ref())
            )
        };
        blocks.push(item(text));
    }
    section(heading, blocks)
}
