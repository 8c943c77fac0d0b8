//! 第三部分 情况说明: sections 一–十二 in their standard order, by subject (the same file
//! names as the tables of part2/):
//! - 一 总体说明, 二 收入, 三 支出, 四 财政拨款收支: [`overall`];
//! - 五 一般公共预算当年拨款, 六 基本支出, 七 项目支出: [`general`];
//! - 八 政府性基金, 九 国有资本经营: [`funds`];
//! - 十 “三公”经费: [`three_public`];
//! - 十一 上年结转结余: [`carryover`];
//! - 十二 其他重要事项 (机关运行经费, 政府采购, 国有资产, 其他事项): [`other`], its
//!   预算绩效 and the 绩效目标表 in [`performance`].
//!
//! [`paragraph`] holds the paragraph and section helpers they share.

mod carryover;
mod funds;
mod general;
mod other;
mod overall;
mod paragraph;
mod performance;
mod three_public;

use super::contents::{numbered_sections, printed};
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::structure::structures;
use crate::derive::Figures;
use crate::document::model::{Part, Section};

/// Part 3 of `b`'s document: the printed sections, numbered 一、二、… in order.
pub fn part(b: &Budget, f: &Figures<'_>, omitted: &[usize]) -> Part {
    let (year, scope) = (b.unit.year, b.unit.scope.word());
    Part {
        id: "part-3".into(),
        number: "第三部分".into(),
        title: format!("{year}年{scope}预算情况说明"),
        sections: numbered_sections(printed(sections(b, f), omitted)),
    }
}

/// Sections 一–十二, each under its standard number.
fn sections(b: &Budget, f: &Figures<'_>) -> Vec<Section> {
    let s = structures(f, b.share_rounding);
    vec![
        overall::overall(b, f),
        overall::income(b, f, &s),
        overall::spending(b, f, &s),
        overall::fiscal(b, f),
        general::general(b, f, &s),
        general::basic(b, f),
        general::projects(b),
        funds::fund(b, f, Fiscal::Fund),
        funds::fund(b, f, Fiscal::Soe),
        three_public::three_public(b, f),
        carryover::carryover(b, f),
        other::other(b, f),
    ]
}
