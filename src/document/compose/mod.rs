//! Composes the one document model from the budget and its derived figures, part by part as
//! the disclosure prints them: [`part1`] 概况, [`part2`] 公开表 (表1–11), [`part3`] 情况说明
//! (一–十二, with the 绩效目标表), [`part4`] 名词解释. Tables and sections of the same subject
//! share a file name in part2/ and part3/ (`general.rs`: 表5–7 and 五–七). Nothing is
//! computed here but the layout of rows and the wording; [`contents`] decides what prints
//! and numbers it, and `document::finish` prints every amount in the display unit.

mod contents;
mod meta;
mod part1;
mod part2;
mod part3;
pub mod part4;
mod wording;

use super::finish::{finish, Finish};
use super::model::Document;
use crate::budget::Budget;
use crate::derive::Figures;

/// Composes the whole document of `b`, its figures taken from `f`, finished in the
/// budget's display unit.
pub fn compose(b: &Budget, f: &Figures<'_>) -> Document {
    let omitted = contents::omitted(b, f);
    let parts = vec![
        part1::part(b),
        part2::part(b, f, &omitted),
        part3::part(b, f, &omitted),
        part4::part(b),
    ];
    let mut doc = Document {
        meta: meta::meta(b),
        toc: contents::toc(&parts),
        signature: meta::signature(b),
        parts,
    };
    let c = &b.options.conventions;
    finish(
        &mut doc,
        &Finish {
            unit: b.unit.display_unit,
            note: &b.rounding_note,
            zero_tables: c.zero_tables,
            zero_performance: c.zero_performance,
        },
    );
    doc
}
