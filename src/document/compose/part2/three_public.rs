//! Table 10: 财政拨款“三公”经费支出情况表, each kind by the budget its money comes from.

use super::grid::{h, labelled, numbering, table, TableHead};
use crate::budget::source::Budget as Fiscal;
use crate::budget::ThreeKind;
use crate::derive::Figures;
use crate::document::model::{CellRef, ColumnKind, Orientation, RowRole, Sums, Table};
use crate::money::Money;

/// Table 10.
pub fn table10(f: &Figures<'_>, issuer: &str) -> Table {
    let body = lines(f)
        .into_iter()
        .map(|(label, vals, role, indent)| labelled(label, &vals, role, indent))
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
    let mut columns = vec![ColumnKind::Text];
    columns.extend([ColumnKind::Amount; 4]);
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
        cells: sums(),
    })
}

/// Each line of table 10: its label, figures (合计 and by budget), role and indentation.
fn lines(f: &Figures<'_>) -> [(&'static str, Vec<Money>, RowRole, u8); 6] {
    let budgets = [Fiscal::General, Fiscal::Fund, Fiscal::Soe];
    let row_of = |kinds: &[ThreeKind]| -> Vec<Money> {
        let cols: Vec<Money> = budgets
            .iter()
            .map(|b| kinds.iter().map(|k| f.three_of(*k, *b)).sum())
            .collect();
        let mut v = vec![cols.iter().copied().sum()];
        v.extend(cols);
        v
    };
    use ThreeKind::*;
    [
        ("合计", row_of(&ThreeKind::ALL), RowRole::Total, 0),
        ("因公出国（境）费", row_of(&[Outbound]), RowRole::Item, 0),
        ("公务接待费", row_of(&[Reception]), RowRole::Item, 0),
        (
            "公务用车购置及运行费（小计）",
            row_of(&[VehiclePurchase, VehicleOperation]),
            RowRole::Item,
            0,
        ),
        (
            "其中：公务用车购置费",
            row_of(&[VehiclePurchase]),
            RowRole::Item,
            1,
        ),
        (
            "公务用车运行费",
            row_of(&[VehicleOperation]),
            RowRole::Item,
            1,
        ),
    ]
}

/// What adds up in each amount column: 合计 = the three kinds; the vehicle subtotal =
/// purchase + operation.
fn sums() -> Vec<(CellRef, Vec<CellRef>)> {
    (1..5)
        .flat_map(|c| {
            [
                ((0, c), vec![(1, c), (2, c), (3, c)]),
                ((3, c), vec![(4, c), (5, c)]),
            ]
        })
        .collect()
}
