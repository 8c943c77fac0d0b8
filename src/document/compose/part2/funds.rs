//! Tables 8 (政府性基金预算支出) and 9 (国有资本经营预算支出): one table shape for both funds.

use super::grid::{
    amounts, class_kuan_item, code_columns, h, numbering, table, total_row, tree_row, TableHead,
};
use crate::budget::codes::FuncCode;
use crate::budget::source::Budget as Fiscal;
use crate::budget::Budget;
use crate::derive::figures::BasicSplit;
use crate::derive::ledger::Level;
use crate::derive::Figures;
use crate::document::compose::wording::empty_statement;
use crate::document::model::{Cell, Orientation, Row, Sums, Table};
use crate::money::Money;

/// Tables 8 (政府性基金) and 9 (国有资本经营).
pub fn fund_table(b: &Budget, f: &Figures<'_>, issuer: &str, which: Fiscal) -> Table {
    let (number, group, what, title) = match which {
        Fiscal::Soe => (
            9,
            "国有资本经营预算支出",
            "国有资本经营预算拨款安排的支出",
            "国有资本经营预算支出情况表",
        ),
        _ => (
            8,
            "政府性基金预算支出",
            "政府性基金预算拨款安排的支出",
            "政府性基金预算支出情况表",
        ),
    };
    let tree = &f.budget_trees[&which];
    let body = if tree.is_empty() {
        Vec::new()
    } else {
        fund_rows(b, f, which)
    };
    let empty = tree.is_empty().then(|| empty_statement(b, what, title));
    table(
        TableHead {
            number,
            title: title.into(),
            issuer,
        },
        Orientation::Portrait,
        code_columns(3, 1, 4),
        fund_header(group),
        body,
        empty,
    )
    .with_sums(Sums {
        by_level: true,
        columns: vec![(4, vec![5, 6, 7])],
        cells: Vec::new(),
    })
}

/// The rows of a fund's table: 总计, then every 类/款/项 with its basic spending split
/// into 人员经费 and 公用经费.
fn fund_rows(b: &Budget, f: &Figures<'_>, which: Fiscal) -> Vec<Row> {
    let tree = &f.budget_trees[&which];
    let splits = &f.budget_splits[&which];
    let (tp, tq) = split_sum(splits.values());
    let mut body = vec![total_row(
        "总计",
        3,
        &[tree.total[0], tp, tq, tree.total[2]],
    )];
    for r in &tree.rows {
        let (p, q) = split_sum(
            splits
                .iter()
                .filter(|(c, _)| under(c, r.level, &r.code))
                .map(|(_, s)| s),
        );
        let mut row = tree_row(r, &b.names);
        row.cells.truncate(4);
        row.cells.extend(amounts(&[r.values[0], p, q, r.values[2]]));
        body.push(row);
    }
    body
}

/// Whether the 项 `item` lies under the row of `code` at `level`.
fn under(item: &FuncCode, level: Level, code: &FuncCode) -> bool {
    match level {
        Level::Class => item.class() == *code,
        Level::Kuan => item.kuan() == *code,
        Level::Item => item == code,
    }
}

/// 人员经费 and 公用经费 of some splits added up.
fn split_sum<'s>(splits: impl Iterator<Item = &'s BasicSplit>) -> (Money, Money) {
    splits.fold((Money::ZERO, Money::ZERO), |(p, q), s| {
        (p + s.personnel, q + s.public)
    })
}

/// The header of tables 8 and 9: 科目 | `group` over 合计/基本支出 (人员, 公用)/项目支出.
fn fund_header(group: &str) -> Vec<Vec<Cell>> {
    let mut codes = class_kuan_item();
    codes.extend([h("人员经费", 1, 1), h("公用经费", 1, 1)]);
    vec![
        vec![h("科目", 4, 1), h(group, 4, 1)],
        vec![
            h("功能分类科目编码", 3, 1),
            h("功能分类科目名称", 1, 2),
            h("合计", 1, 2),
            h("基本支出", 2, 1),
            h("项目支出", 1, 2),
        ],
        codes,
        numbering(4, 4),
    ]
}
