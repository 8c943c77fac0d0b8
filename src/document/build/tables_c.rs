//! Tables 8–11: 政府性基金, 国有资本经营, “三公”经费, 上年结转结余.

use super::grid::{amounts, code_columns, h, numbering, table, total_row, TableHead};
use super::tables_b::empty_statement;
use crate::budget::source::Budget as Fiscal;
use crate::budget::{Budget, ThreeKind};
use crate::derive::ledger::Level;
use crate::derive::Figures;
use crate::document::model::{Cell, ColumnKind, Orientation, Row, RowRole, Sums, Table};
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
    let splits = &f.budget_splits[&which];
    let mut body = Vec::new();
    let split_of = |level: Level, code: &crate::budget::codes::FuncCode| {
        splits
            .iter()
            .filter(|(c, _)| match level {
                Level::Class => c.class() == *code,
                Level::Kuan => c.kuan() == *code,
                Level::Item => *c == code,
            })
            .fold((Money::ZERO, Money::ZERO), |(p, q), (_, s)| {
                (p + s.personnel, q + s.public)
            })
    };
    let (tp, tq) = splits
        .values()
        .fold((Money::ZERO, Money::ZERO), |(p, q), s| {
            (p + s.personnel, q + s.public)
        });
    if !tree.is_empty() {
        body.push(total_row(
            "总计",
            3,
            &[tree.total[0], tp, tq, tree.total[2]],
        ));
        for r in &tree.rows {
            let (p, q) = split_of(r.level, &r.code);
            let mut row = super::grid::tree_row(r, &b.names);
            row.cells.truncate(4);
            row.cells.extend(amounts(&[r.values[0], p, q, r.values[2]]));
            body.push(row);
        }
    }
    let empty = tree.is_empty().then(|| empty_statement(b, what, title));
    let header = vec![
        vec![h("科目", 4, 1), h(group, 4, 1)],
        vec![
            h("功能分类科目编码", 3, 1),
            h("功能分类科目名称", 1, 2),
            h("合计", 1, 2),
            h("基本支出", 2, 1),
            h("项目支出", 1, 2),
        ],
        vec![
            h("类", 1, 1),
            h("款", 1, 1),
            h("项", 1, 1),
            h("人员经费", 1, 1),
            h("公用经费", 1, 1),
        ],
        numbering(4, 4),
    ];
    table(
        TableHead {
            number,
            title: title.into(),
            issuer,
        },
        Orientation::Portrait,
        code_columns(3, 1, 4),
        header,
        body,
        empty,
    )
    .with_sums(Sums {
        by_level: true,
        columns: vec![(4, vec![5, 6, 7])],
        cells: Vec::new(),
    })
}

/// Table 10.
pub fn table10(f: &Figures<'_>, issuer: &str) -> Table {
    let by = |k: ThreeKind, b: Fiscal| f.three_of(k, b);
    let budgets = [Fiscal::General, Fiscal::Fund, Fiscal::Soe];
    let row_of = |kinds: &[ThreeKind]| -> Vec<Money> {
        let cols: Vec<Money> = budgets
            .iter()
            .map(|b| kinds.iter().map(|k| by(*k, *b)).sum())
            .collect();
        let mut v = vec![cols.iter().copied().sum()];
        v.extend(cols);
        v
    };
    let all = ThreeKind::ALL;
    let lines: [(&str, Vec<Money>, RowRole, u8); 6] = [
        ("合计", row_of(&all), RowRole::Total, 0),
        (
            "因公出国（境）费",
            row_of(&[ThreeKind::Outbound]),
            RowRole::Item,
            0,
        ),
        (
            "公务接待费",
            row_of(&[ThreeKind::Reception]),
            RowRole::Item,
            0,
        ),
        (
            "公务用车购置及运行费（小计）",
            row_of(&[ThreeKind::VehiclePurchase, ThreeKind::VehicleOperation]),
            RowRole::Item,
            0,
        ),
        (
            "其中：公务用车购置费",
            row_of(&[ThreeKind::VehiclePurchase]),
            RowRole::Item,
            1,
        ),
        (
            "公务用车运行费",
            row_of(&[ThreeKind::VehicleOperation]),
            RowRole::Item,
            1,
        ),
    ];
    let body = lines
        .into_iter()
        .map(|(label, vals, role, indent)| {
            let mut cells = vec![if role == RowRole::Total {
                Cell::center(label)
            } else {
                Cell::text(label).indented(indent)
            }];
            cells.extend(amounts(&vals));
            Row { role, cells }
        })
        .collect();
    let header = vec![
        vec![
            h("“三公”经费支出内容", 1, 2),
            h("合计", 1, 2),
            h("资金来源", 3, 1),
        ],
        vec![
            h("一般公共预算", 1, 1),
            h("政府性基金", 1, 1),
            h("国有资本经营预算", 1, 1),
        ],
        numbering(1, 4),
    ];
    let columns = vec![
        ColumnKind::Text,
        ColumnKind::Amount,
        ColumnKind::Amount,
        ColumnKind::Amount,
        ColumnKind::Amount,
    ];
    table(
        TableHead {
            number: 10,
            title: "财政拨款“三公”经费支出情况表".into(),
            issuer,
        },
        Orientation::Portrait,
        columns,
        header,
        body,
        None,
    )
    .with_sums(Sums {
        by_level: false,
        columns: vec![(1, vec![2, 3, 4])],
        // 合计 = the three kinds; the vehicle subtotal = purchase + operation.
        cells: (1..5)
            .flat_map(|c| {
                [
                    ((0, c), vec![(1, c), (2, c), (3, c)]),
                    ((3, c), vec![(4, c), (5, c)]),
                ]
            })
            .collect(),
    })
}
