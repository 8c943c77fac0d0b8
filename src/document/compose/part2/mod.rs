//! 第二部分 公开表: tables 1–11 in their standard order, by subject — [`overall`] 表1–4
//! (收支、收入、支出、财政拨款收支总体), [`general`] 表5–7 (一般公共预算支出、基本支出、项目支出),
//! [`funds`] 表8–9 (政府性基金、国有资本经营), [`three_public`] 表10 (“三公”经费),
//! [`carryover`] 表11 (上年结转结余). [`grid`] holds what the tables share: headers,
//! code cells, rows, the numbered-table frame.

mod carryover;
mod funds;
mod general;
mod grid;
mod overall;
mod three_public;

use super::contents::{numbered_tables, printed};
use crate::budget::options::TotalRow;
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::Figures;
use crate::document::model::{Block, Part, RowRole, Section, Table};

/// Part 2 of `b`'s document: each printed table in a section of its own, numbered in order.
pub fn part(b: &Budget, f: &Figures<'_>, omitted: &[usize]) -> Part {
    let (name, year, scope) = (&b.unit.name, b.unit.year, b.unit.scope.word());
    let issuer = format!("编制{scope}：{name}");
    let tables = numbered_tables(printed(tables(b, f, &issuer), omitted));
    let sections = tables
        .into_iter()
        .map(|t| Section {
            id: format!("sec-{}", t.id),
            heading: None,
            blocks: vec![Block::Table(t)],
        })
        .collect();
    Part {
        id: "part-2".into(),
        number: "第二部分".into(),
        title: format!("{year}年{scope}预算公开表"),
        sections,
    }
}

/// Tables 1–11, each under its standard number, the 总计 row of 表2–7 at the bottom when
/// the office prints it there.
fn tables(b: &Budget, f: &Figures<'_>, issuer: &str) -> Vec<Table> {
    let tables = vec![
        overall::table1(b, f, issuer),
        overall::table2(b, f, issuer),
        overall::table3(b, f, issuer),
        overall::table4(b, f, issuer),
        general::table5(b, f, issuer),
        general::table6(b, f, issuer),
        general::table7(b, f, issuer),
        funds::fund_table(b, f, issuer, Fiscal::Fund),
        funds::fund_table(b, f, issuer, Fiscal::Soe),
        three_public::table10(f, issuer),
        carryover::table11(b, f, issuer),
    ];
    tables
        .into_iter()
        .enumerate()
        .map(|(i, t)| match (i + 1, b.options.conventions.total_row) {
            (2..=7, TotalRow::Bottom) => total_row_last(t),
            _ => t,
        })
        .collect()
}

/// The table with its 总计 row moved from the top to the bottom.
fn total_row_last(mut t: Table) -> Table {
    if let Some(at) = t.body.iter().position(|r| r.role == RowRole::Total) {
        let row = t.body.remove(at);
        t.body.push(row);
    }
    t
}
